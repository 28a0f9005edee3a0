"""Map builders, tested without Streamlit by rendering the HTML."""

from __future__ import annotations

import json
import re
from typing import Any

import geopandas as gpd
import pytest
from shapely.geometry import Point

from scenes.assets import AssetLinks, inline_assets
from scenes.formats import normalise_scene_frame
from scenes.maps import (
    MapOptions,
    base_map,
    full_map,
    layers,
    legend,
    map_classes,
    municipality_values,
    safe,
    viewport,
)
from scenes.query import SceneFilter, ceased_since
from scenes.reference import Reference

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" 'single' `tick` ${x} \\"


def _render(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None = None,
            options: MapOptions | None = None) -> str:
    return str(full_map(ref, scenes, ceased, options or MapOptions()).get_root().render())


def _points(page: str) -> list[dict[str, Any]]:
    """The point layers' data blocks in a rendered map (`var d = {...};`, one per layer)."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(page, m.end())[0] for m in re.finditer(r"var d = ", page)]


def _markers(page: str, kind: str = "scene-marker") -> int:
    """Scene and ceased markers are points of compact data layers; count the points of one marker class."""
    return sum(1 for data in _points(page) for k in data["k"] if data["kinds"][k]["cls"] == kind)


@pytest.fixture(scope="module")
def latest() -> gpd.GeoDataFrame:
    from scenes.demo import load_demo
    from tests.conftest import DATA_DIR

    return load_demo(DATA_DIR)[2].scenes


@pytest.fixture(scope="module")
def first() -> gpd.GeoDataFrame:
    from scenes.demo import load_demo
    from tests.conftest import DATA_DIR

    return load_demo(DATA_DIR)[0].scenes


def _json_text(page: str) -> str:
    """The page with JSON's \\uXXXX escapes (folium writes <, >, & and non-ASCII that way) decoded."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def _hostile_frame() -> gpd.GeoDataFrame:
    return normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": ["s"], "scene_id": ["H1"], "name": [HOSTILE], "kommun_kod": ["0180"], "kommun": [HOSTILE],
        "lokalpolisomrade": ["sodermalm"], "stadsdel": ["sodermalm"], "categories": [["festmiljo"]],
        "status": ["aktiv"], "impact": [1], "predecessors": [[]], "notes": [HOSTILE], "area_m2": [None],
    }, geometry=[Point(18.07, 59.31)], crs=4326))


@pytest.mark.parametrize("municipalities", [(), ("0180",), ("0127", "0181"), ("0188",)])
def test_one_marker_per_filtered_scene(ref: Reference, latest: gpd.GeoDataFrame, municipalities: tuple[str, ...]) \
        -> None:
    """The map has exactly one scene marker per scene left after filtering."""
    shown = SceneFilter(municipalities=municipalities).apply(latest)
    assert _markers(_render(ref, shown)) == len(shown)


def test_ceased_scenes_drawn_distinctly(ref: Reference, latest: gpd.GeoDataFrame, first: gpd.GeoDataFrame) -> None:
    """Scenes of an earlier survey that are gone now get their own marker style, one each."""
    ceased = ceased_since(first, latest)
    page = _render(ref, latest, ceased)
    assert (_markers(page), _markers(page, "ceased-marker")) == (len(latest), len(ceased))


def test_layers_present_and_named(ref: Reference, latest: gpd.GeoDataFrame, first: gpd.GeoDataFrame) -> None:
    """Municipality choropleth, police areas, scenes and ceased scenes are separate, switchable layers."""
    page = _render(ref, latest, ceased_since(first, latest))
    for name in ("Kommuner", "Lokalpolisområden", "Öppna drogscener", "Upphörda scener"):
        assert json.dumps(name) in page  # layer-control entries are JSON (non-ASCII escaped)
    assert "L.control.layers" in page


def test_user_text_is_escaped(ref: Reference) -> None:
    """Script tags, event handlers, quotes and backticks in names never reach the map as live markup or code."""
    page = _render(ref, _hostile_frame())
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "`tick`" not in page
    assert "${x}" not in page
    assert safe(HOSTILE) in _json_text(page)  # tooltips travel as JSON strings: decode \u003c etc. first


def test_no_cdn_urls(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """With the default (no basemap) settings the map references no URL outside the app."""
    page = _render(ref, latest)
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", page) == []
    assert "/app/static/vendor/leaflet-bundle.js" in page


def test_export_is_standalone(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """The exported HTML inlines every script and stylesheet: no src/href to any asset remains."""
    links = AssetLinks()
    page = inline_assets(_render(ref, latest), links)
    assert (re.findall(r"<script[^>]+src=", page), re.findall(r"<link[^>]+stylesheet", page)) == ([], [])
    assert "L.markerClusterGroup" in page
    assert "url(images/" not in page


def test_osm_basemap_is_opt_in(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Tiles appear only when the basemap setting asks for them."""
    assert "tile.openstreetmap.org" in _render(ref, latest, options=MapOptions(basemap="osm"))
    assert "tileLayer" not in _render(ref, latest)


def test_base_map_is_identical_across_builds(ref: Reference) -> None:
    """The filter-independent base map renders to the same text every time (no remount in the app)."""
    assert base_map(ref, MapOptions()).get_root().render() == base_map(ref, MapOptions()).get_root().render()


def test_per_capita_leaves_unknown_population_blank(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Per 100,000 inhabitants is computed where population is known and missing elsewhere."""
    values = municipality_values(ref, latest, "per_capita")
    botkyrka = (latest["kommun_kod"] == "0127").sum() / 95905 * 100_000
    assert values["0127"] == pytest.approx(round(botkyrka, 1))
    assert values.isna()["0180"]


def test_legend_matches_what_is_drawn(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """The legend lists only categories present in the selection, and a class per choropleth bound."""
    shown = SceneFilter(categories=("festmiljo",)).apply(latest)
    items = legend(ref, shown, None, MapOptions())
    categories = [i.label for i in items if i.kind == "category"]
    classes = [i for i in items if i.kind == "class"]
    assert "Fest- och nöjesmiljö" in categories
    assert len(classes) == 1 + len(map_classes(ref, [shown], "count").bounds)


def test_viewport_defaults_to_county_when_empty(latest: gpd.GeoDataFrame) -> None:
    """An empty selection shows the whole county; a selection is centred on its scenes."""
    empty_center, _ = viewport(latest.iloc[0:0])
    center, zoom = viewport(latest[latest["kommun_kod"] == "0181"])
    assert empty_center == (59.40, 18.10)
    assert 59.1 < center[0] < 59.3
    assert zoom >= 10


def test_layers_are_feature_groups_for_dynamic_update(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Layers come as separate FeatureGroups (streamlit-folium swaps them without remounting the map)."""
    groups = layers(ref, latest, None, MapOptions())
    assert [g.layer_name for g in groups] == ["Kommuner", "Öppna drogscener"]
