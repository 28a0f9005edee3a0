"""How a map's layers reach its frame (`ui.frame_layers`): the script written is streamlit-folium's own for the same
layers and control (with each group and the control handed to `ScenesMap`), the base map's script and page parts
are left as every rerun sends them, and the hidden element carries the script inert."""

from __future__ import annotations

import base64
import html
import re

import folium
import geopandas as gpd
import pytest
from streamlit_folium import (
    _get_feature_group_string,
    _get_header,
    _get_html,
    _get_layer_control_string,
    _get_map_string,
)

from scenes.domain.disclosure import SHOW_ALL
from scenes.reference import Reference
from scenes.render import maps
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from ui import frame_layers

OPTIONS = maps.MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)
_HAND_OVER = re.compile(r"map_div\.addLayer\(feature_group_feature_group_\d+\);|window\.feature_group = window\."
                        r"feature_group \|\| \[\];|window\.feature_group\.push\(feature_group_feature_group_\d+\);|"
                        r"window\.layer_control = layer_control_layer_control;|ScenesMap\.page(Layer|Control)"
                        r"\(map_div, \w+\);")


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> gpd.GeoDataFrame:
    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("state")))
    dash.init(demo=True)
    return dash.scenes(dash.store.surveys()[-1].id)


def _map(ref: Reference, frame: gpd.GeoDataFrame) -> tuple[folium.Map, list[folium.FeatureGroup]]:
    base = maps.base_map(ref, OPTIONS)
    maps.FollowPageLayers("scene_map").add_to(base)
    fit = maps.fit_layer(maps.scene_extent(ref, frame, precision="exact"))
    return base, [fit, *maps.layers(ref, frame, None, OPTIONS)]


def _plain(script: str) -> str:
    return re.sub(r"\s+", " ", _HAND_OVER.sub("", script)).strip()


def test_the_script_is_streamlit_folium_s_for_the_same_layers(ref: Reference, frame: gpd.GeoDataFrame) -> None:
    """What the frame evaluates is what streamlit-folium would have (its own generator, after it named the base map's
    elements), but for how each group and the control are handed over; the control lists the base map's overlays
    by the names the base map's script gives them, and every layer of the rerun."""
    base, layers = _map(ref, frame)
    ours = frame_layers.layers_script(base, layers, folium.LayerControl(collapsed=True))
    theirs_base, theirs_layers = _map(ref, frame)
    _get_map_string(theirs_base)  # as st_folium does first: it names the base map's elements
    theirs = "".join(_get_feature_group_string(g, theirs_base, idx=i) for i, g in enumerate(theirs_layers))
    theirs += _get_layer_control_string(folium.LayerControl(collapsed=True), theirs_base)
    assert _plain(ours) == _plain(theirs)
    overlays = re.findall(r'"[^"]*" : (\w+)', ours)
    assert {"feature_group_div_4", "feature_group_div_5"} <= set(overlays)  # the base map's, as its script names them
    assert [f"ScenesMap.pageLayer(map_div, feature_group_feature_group_{i});" for i in range(len(layers))] == \
        re.findall(r"ScenesMap\.pageLayer\(map_div, \w+\);", ours)
    assert ours.rstrip().endswith("ScenesMap.pageControl(map_div, layer_control_layer_control);")


def test_the_base_map_is_left_as_every_rerun_sends_it(ref: Reference, frame: gpd.GeoDataFrame) -> None:
    """Writing the layers' script changes nothing streamlit-folium sends of the base map (its script, header and
    html): the frame is never remounted, and nothing of a rerun's layers goes with the base map."""
    untouched, _ = _map(ref, frame)
    expected = (_get_map_string(untouched), _get_header(untouched), _get_html(untouched))
    base, layers = _map(ref, frame)
    children = list(base._children)
    frame_layers.layers_script(base, layers, folium.LayerControl(collapsed=True))
    assert list(base._children) == children
    assert (_get_map_string(base), _get_header(base), _get_html(base)) == expected
    assert "ScenesMap.follow(map_div, \"scene_map\");" in expected[0]


def test_the_hidden_element_carries_the_script_inert(monkeypatch: pytest.MonkeyPatch) -> None:
    """The element is hidden, names its map (escaped), and carries the script as base64: no markup, nothing the
    page's HTML sanitiser could drop or the page could run; decoded, it is the script, text outside ASCII
    included."""
    written: list[str] = []
    monkeypatch.setattr(frame_layers.st, "html", written.append)
    script = 'var x = "<b>Södertälje</b> ${1} `--> ]]> </style>";'
    frame_layers.hand_over('k"><img src=x>', script)
    element = written[-1]
    found = re.fullmatch(r'<div class="scenes-layers" hidden data-map="([^"<>]*)" data-layers="([A-Za-z0-9+/=]*)">'
                         r"</div>", element)
    assert found, element
    assert html.unescape(found.group(1)) == 'k"><img src=x>'
    assert base64.b64decode(found.group(2)).decode("utf-8") == script
    assert any("display: none" in w for w in written[:-1])  # its block takes no room
