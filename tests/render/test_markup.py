"""No text is ever read as a Jinja template on its way into a map (`scenes.render.map.markup`).

branca renders a map element's macros and then compiled their output as a template and rendered it again. A scene,
survey or municipality name with `{{ … }}` was evaluated on the server; through Jinja's globals that reached
`os`; a name with `{%` stopped the map. Each test fails without `markup.install()`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pytest
from branca.element import MacroElement
from shapely.geometry import Point, box
from streamlit.testing.v1 import AppTest

from scenes.domain.disclosure import SHOW_ALL
from scenes.io.formats import normalise_scene_frame
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.render.map.markup import Text
from scenes.render.maps import MapOptions, export_html
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.map_pages import layers_script
from tests.render.test_escaping import _frame, _json_text  # one hostile scene; JSON's \\u escapes decoded

#: each one evaluated, a comment, or a syntax error if the text were a template; the pid one ran code on the server
JINJA = [
    "{{ 7*7 }}",
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    "{% raw %}",
    "{%",
    "{# kommentar",
    "}} {{",
]


@pytest.mark.parametrize("payload", JINJA)
def test_scene_names_reach_the_map_as_written(ref: Reference, payload: str) -> None:
    """A scene's name (the data layer) and the export's title and notice (the legend box) come out as written."""
    options = MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)
    page = export_html(ref, _frame(payload), None, options, title=payload, notice=payload)
    names = re.search(r'"n": ?(\[[^\]]*\])', page)
    assert names is not None
    assert json.loads(names.group(1)) == [payload]  # the name in the data layer, as written (not "49", no pid)
    assert f">{payload}</div>" in page  # the title and notice, in the legend box


@pytest.mark.parametrize("payload", JINJA)
def test_folium_elements_render_their_text_once(payload: str) -> None:
    """folium's own elements we use (GeoJson with a tooltip, a tile layer's attribution, a feature group's name)
    write a Jinja-looking property as written."""
    m = folium.Map(tiles=None)
    folium.TileLayer(tiles="https://tiles.invalid/{z}/{x}/{y}.png", attr=payload).add_to(m)
    group = folium.FeatureGroup(name=payload).add_to(m)
    shape = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": payload},
                                                        "geometry": box(18.0, 59.0, 18.1, 59.1).__geo_interface__}]}
    folium.GeoJson(shape, tooltip=folium.GeoJsonTooltip(["name"], aliases=[payload])).add_to(group)
    page = _json_text(m.get_root().render())
    assert page.count(payload) >= 3  # the property, the tooltip's alias, the attribution (and the group's name)


def test_single_pass_draws_what_branca_drew(ref: Reference, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no text looks like Jinja, the page is byte for byte what branca's own rendering wrote: the demo's
    survey, exact and generalised, with the export's legend and title."""
    from scenes.render.map import markup

    frame = normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": ["s", "s"], "scene_id": ["X1", "X2"], "name": ["Plats <1> & 'två'", "Torget"],
        "kommun_kod": ["0127", "0180"], "kommun": ["Botkyrka", "Stockholm"],
        "lokalpolisomrade": ["botkyrka", "sodermalm"], "categories": [["festmiljo"], ["utsatt_omrade"]],
        "notes": ["", ""]}, geometry=[Point(17.83, 59.2), Point(18.07, 59.32)], crs=4326))
    for precision in ("exact", "generalised"):
        options = MapOptions(lang="sv", precision=precision, disclosure=SHOW_ALL)
        ours = export_html(ref, frame, None, options, title="Kartläggning", notice="Exempel")
        with monkeypatch.context() as patched:
            patched.setattr(MacroElement, "render", markup.BRANCA_RENDER)
            theirs = export_html(ref, frame, None, options, title="Kartläggning", notice="Exempel")
        unnamed = re.compile(r"_[0-9a-f]{32}")  # folium's random ids of the elements the export leaves unnamed
        assert unnamed.sub("_ID", ours) == unnamed.sub("_ID", theirs), precision


def test_text_is_never_compiled() -> None:
    """`Text` writes its text as it is, where a branca `Element` would render it as a template."""
    assert Text("{{ 7*7 }}").render() == "{{ 7*7 }}"


def test_the_page_map_carries_the_names_as_written(app_env: Path) -> None:
    """On the map page (an analyst, exact precision), a survey whose scene names are Jinja draws its map with the
    names as written: no error, nothing evaluated."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    frame = dash.store.scenes("demo-2024-02").copy()
    frame["name"] = [JINJA[i % len(JINJA)] for i in range(len(frame))]
    dash.store.add_survey(Survey("jinja", "{{ 7*7 }} kartläggning", dt.date(2024, 6, 1), SurveyKind.UPPFOLJNING,
                                 "test", True), frame, actor="test")
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
    at.session_state["demo_role"] = "analytiker"
    at.query_params["survey"] = "jinja"
    at.run()
    at.switch_page("screens/map.py")
    at.query_params["survey"] = "jinja"
    at.run()
    assert list(at.exception) == []
    assert [e.value for e in at.error] == []
    args = [json.loads(node.proto.json_args) for node in _components(at)]
    assert args, "the map page drew no map"
    drawn = _json_text(layers_script(at) + args[0]["script"])
    for payload in JINJA:
        assert json.dumps(payload)[1:-1] in drawn or payload in drawn, payload


def _components(at: AppTest) -> list[Any]:
    """The custom components (streamlit-folium's maps) in the page's element tree."""
    found: list[Any] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and type(proto).__name__ == "ComponentInstance":
            found.append(node)
        children = getattr(node, "children", None)
        for child in (children.values() if isinstance(children, dict) else children or []):
            walk(child)

    walk(at._tree)
    return found
