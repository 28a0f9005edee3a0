"""Map builders, tested without Streamlit by rendering the HTML."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import geopandas as gpd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.query import SceneFilter, ceased_since
from scenes.io.formats import normalise_scene_frame
from scenes.reference import Reference
from scenes.render.maps import (
    EXPORT_LEGEND_PX,
    FIT_MIN_SPAN_M,
    NAMES_Z,
    Bounds,
    MapOptions,
    base_map,
    export_html,
    full_map,
    geography,
    layers,
    legend,
    map_classes,
    municipality_values,
    safe,
    scene_extent,
)

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" 'single' `tick` ${x} \\"


def _render(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None = None,
            options: MapOptions | None = None) -> str:
    return str(full_map(ref, scenes, ceased, options or MapOptions(lang="sv", precision="exact",
                                                                   disclosure=SHOW_ALL)).get_root().render())


def _points(page: str) -> list[dict[str, Any]]:
    """The point layers' data blocks in a rendered map (`var d = {...};`, one per layer)."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(page, m.end())[0] for m in re.finditer(r"var d = ", page)]


def _markers(page: str, kind: str = "scene-marker") -> int:
    """Scene and ceased markers are points of compact data layers; count the points of one marker class."""
    return sum(1 for data in _points(page) for k in data["k"] if data["kinds"][k]["cls"] == kind)


@pytest.fixture(scope="module")
def latest() -> gpd.GeoDataFrame:
    from scenes.domain.demo import load_demo
    from tests.conftest import DATA_DIR

    return load_demo(DATA_DIR)[2].scenes


@pytest.fixture(scope="module")
def first() -> gpd.GeoDataFrame:
    from scenes.domain.demo import load_demo
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
    # one script, from the app itself: Leaflet, the map's own script and the geography (`frame_script`)
    assert re.findall(r'<script src="([^"]*)"></script>', page) == [f"/app/static/vendor/{geography(ref).file_name}"]


def test_export_is_standalone(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """The exported HTML inlines every script and stylesheet (the map's geography too): no src/href to any asset
    remains."""
    page = export_html(ref, latest, None, MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL))
    assert (re.findall(r"<script[^>]+src=", page), re.findall(r"<link[^>]+stylesheet", page)) == ([], [])
    assert "Leaflet 1.9" in page  # the library itself, inlined
    assert "markerClusterGroup" not in page  # the scenes cluster themselves (`datalayer`): no plugin is shipped
    assert "url(images/" not in page
    assert f"window.ScenesGeo[{json.dumps(geography(ref).digest)}] = " in page  # the shapes, inlined once
    assert page.count(geography(ref).script.splitlines()[1][:60]) == 1


def test_osm_basemap_is_opt_in(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Tiles appear only when the basemap setting asks for them."""
    assert "tile.openstreetmap.org" in _render(ref, latest, options=MapOptions(basemap="osm", lang="sv",
                                                                               precision="exact", disclosure=SHOW_ALL))
    assert "tileLayer" not in _render(ref, latest)


def test_base_map_is_identical_across_builds(ref: Reference) -> None:
    """The filter-independent base map renders to the same text every time (no remount in the app)."""
    options = MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)
    assert base_map(ref, options).get_root().render() == base_map(ref, options).get_root().render()


def test_per_capita_leaves_unknown_population_blank(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Per 100,000 inhabitants is computed where population is known and missing elsewhere."""
    values = municipality_values(ref, latest, "per_capita")
    botkyrka = (latest["kommun_kod"] == "0127").sum() / 95905 * 100_000
    assert values["0127"] == pytest.approx(round(botkyrka, 1))
    assert values.isna()["0180"]


def test_legend_matches_what_is_drawn(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """The legend lists only categories present in the selection, and a class per choropleth bound."""
    shown = SceneFilter(categories=("festmiljo",)).apply(latest)
    items = legend(ref, shown, None, MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL))
    categories = [i.label for i in items if i.kind == "category"]
    classes = [i for i in items if i.kind == "class"]
    assert "Fest- och nöjesmiljö" in categories
    assert len(classes) == 1 + len(map_classes(ref, [shown], "count").bounds)


def test_layers_are_feature_groups_for_dynamic_update(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Layers come as separate FeatureGroups (streamlit-folium swaps them without remounting the map)."""
    groups = layers(ref, latest, None, MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL))
    assert [g.layer_name for g in groups] == ["Kommuner", "Öppna drogscener"]


# -- the fitted view: the scenes shown, a small margin, never closer than a neighbourhood -----------------------------
def _contains(outer: Bounds, inner: tuple[float, float, float, float]) -> bool:
    (south, west), (north, east) = outer
    minx, miny, maxx, maxy = inner
    return west <= minx and south <= miny and maxx <= east and maxy <= north


def _span_m(box: Bounds) -> tuple[float, float]:
    """(east-west, north-south) extent in metres at the box's middle latitude."""
    (south, west), (north, east) = box
    mid = math.radians((south + north) / 2)
    return (east - west) * 111_320 * math.cos(mid), (north - south) * 111_320


@settings(max_examples=60, deadline=None)
@given(points=st.lists(st.tuples(st.floats(17.3, 19.0), st.floats(58.85, 60.2)), min_size=1, max_size=12),
       margin=st.floats(0.0, 0.3))
def test_scene_extent_holds_the_scenes_with_a_margin(ref: Reference, points: list[tuple[float, float]],
                                                     margin: float) -> None:
    """Every scene lies inside the box, at least `margin` of the span in from each edge, and the box is at least
    FIT_MIN_SPAN_M across either way (a single scene is not zoomed to its doorstep)."""
    frame = gpd.GeoDataFrame({"kommun_kod": ["0180"] * len(points)}, geometry=[Point(p) for p in points], crs=4326)
    box = scene_extent(ref, frame, margin=margin, precision="exact")
    minx, miny, maxx, maxy = frame.total_bounds
    assert _contains(box, (minx, miny, maxx, maxy))
    (south, west), (north, east) = box
    tolerance = 2e-5  # the box is rounded (outwards) to five decimals
    assert minx - west >= margin * (maxx - minx) - tolerance
    assert east - maxx >= margin * (maxx - minx) - tolerance
    assert miny - south >= margin * (maxy - miny) - tolerance
    assert north - maxy >= margin * (maxy - miny) - tolerance
    width, height = _span_m(box)
    assert width >= FIT_MIN_SPAN_M * 0.99
    assert height >= FIT_MIN_SPAN_M * 0.99


def test_scene_extent_fits_the_scenes_not_the_county(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Scenes in the centre and south give a box well inside the county's (the county is context, not the frame);
    several frames (every survey) give one box holding them all; no scenes give the county."""
    county = tuple(ref.simplified_boundaries.total_bounds)
    south = latest[latest["kommun_kod"].isin(["0127", "0136"])]  # Botkyrka, Haninge
    box = scene_extent(ref, south, precision="exact")
    width, height = _span_m(box)
    county_width, county_height = _span_m(((county[1], county[0]), (county[3], county[2])))
    assert width < 0.6 * county_width
    assert height < 0.6 * county_height
    stockholm = latest[latest["kommun_kod"] == "0180"]
    both = scene_extent(ref, [south, stockholm], precision="exact")
    assert _contains(both, tuple(south.total_bounds))
    assert _contains(both, tuple(stockholm.total_bounds))
    empty = scene_extent(ref, latest.iloc[0:0], precision="exact")
    assert _contains(empty, county)


def test_scene_extent_generalised_is_whole_municipalities(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """At generalised precision the box is that of the municipalities with a scene: it says nothing about where
    in them the scenes lie (two selections in the same municipalities give the same box)."""
    botkyrka = latest[latest["kommun_kod"] == "0127"]
    shape = tuple(ref.simplified_boundaries[ref.simplified_boundaries["kommun_kod"] == "0127"].total_bounds)
    one, other = scene_extent(ref, botkyrka.iloc[:1], precision="generalised"), scene_extent(
        ref, botkyrka.iloc[1:], precision="generalised")
    assert one == other
    assert _contains(one, shape)


def test_export_fits_the_scenes_and_keeps_the_legend_side_free(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """The exported page fits the scenes (not the county) with the legend's width kept free on the right, and its
    legend folds (a <details> element)."""
    page = _render(ref, latest)
    box = scene_extent(ref, [latest], precision="exact")
    call = re.search(r"ScenesMap\.fit\(\w+, (\[\[.*?\]\]), (\[[\d, ]+\]),", page)
    assert call is not None, "the page fits its map"
    assert json.loads(call.group(1)) == [list(box[0]), list(box[1])]
    assert json.loads(call.group(2)) == [10, 10, EXPORT_LEGEND_PX, 10]
    assert "<details open class='export-legend'" in page
    assert page.count("ScenesMap.fit(") == 1


def test_names_sit_above_markers(ref: Reference) -> None:
    """The municipality names' pane lies above Leaflet's marker pane (600) and below its tooltips (650)."""
    page = str(base_map(ref, MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)).get_root().render())
    assert 600 < NAMES_Z < 650
    assert re.search(r'createPane\(\s*"names"\);\s*\w+\.style\.zIndex = ' + str(NAMES_Z), page), "names pane"
