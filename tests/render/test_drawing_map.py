"""The follow-up page's drawing map: Leaflet-Geoman served with the app (never a CDN), opted in so only the shape
being drawn can be edited, the tools each mode offers, and hostile scene names drawn as text."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import folium
import pytest
from shapely.geometry import Point, box

from scenes.domain.disclosure import SHOW_ALL
from scenes.reference import Reference
from scenes.render.assets import DrawingAssets, drawing_assets
from scenes.render.map.drawing import draft_layer, drawing_map, problem_layer
from scenes.render.maps import MapOptions
from scenes.settings import PROJECT_ROOT, Settings
from tests.render.test_escaping import PAYLOADS, _json_text

OPTIONS = MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL, cluster=False)


def _page(m) -> str:  # type: ignore[no-untyped-def]
    return str(m.get_root().render())


def test_the_tools_are_the_npm_package_served_by_digest_with_opt_in(drawing_tools: DrawingAssets) -> None:
    assets = drawing_tools
    assert re.fullmatch(r"geoman-[0-9a-f]{16}\.js", assets.script_name)
    assert re.fullmatch(r"geoman-[0-9a-f]{16}\.css", assets.css_name)
    assert assets.script.rstrip().endswith("L.PM.setOptIn(true);")  # before any layer is made
    assert "L.PM" in assets.script
    assert "setOptIn(e){" in assets.script
    lock = json.loads((PROJECT_ROOT / "vendor/drawing/package-lock.json").read_text())
    installed = json.loads((Settings().drawing_tools_dir.parent / "package.json").read_text())
    assert installed["version"] == lock["packages"]["node_modules/@geoman-io/leaflet-geoman-free"]["version"]
    assert installed["license"] == "MIT"


def test_without_the_files_there_are_no_tools(tmp_path: Path) -> None:
    assert drawing_assets(tmp_path) is None
    (tmp_path / "leaflet-geoman.min.js").write_text("/* a */")
    assert drawing_assets(tmp_path) is None  # the stylesheet too, or nothing
    (tmp_path / "leaflet-geoman.css").write_text("/* b */")
    first = drawing_assets(tmp_path)
    (tmp_path / "leaflet-geoman.min.js").write_text("/* a, upgraded */")
    os.utime(tmp_path / "leaflet-geoman.min.js", ns=(1, 10**18))  # (a coarse clock could give one stamp to both)
    second = drawing_assets(tmp_path)
    assert first is not None
    assert second is not None
    assert first.script_name != second.script_name


@pytest.mark.parametrize(("mode", "cut", "marker"), [("reshape", False, True), ("new", False, True),
                                                     ("split", True, False)])
def test_each_mode_offers_its_tools_on_a_map_that_needs_no_cdn(ref: Reference, mode: str, cut: bool, marker: bool,
                                                              drawing_tools: DrawingAssets) -> None:
    assets = drawing_tools
    shape = None if mode == "new" else box(18.0, 59.3, 18.01, 59.31)
    page = _page(drawing_map(ref, OPTIONS, assets, shape, mode))  # type: ignore[arg-type]
    assert f"/app/static/vendor/{assets.script_name}" in page
    assert f"/app/static/vendor/{assets.css_name}" in page
    assert not re.search(r"(cdn|unpkg|jsdelivr|cdnjs|googleapis)\.", page)
    assert page.count('"pmIgnore": false') == 1  # the map's own options: the map opts in, no base layer does
    assert page.count("pmIgnore: false") == 2  # the shape being drawn (an area, or a marker) and nothing else
    assert f'"cutPolygon": {str(cut).lower()}' in page
    assert f'"drawMarker": {str(marker).lower()}' in page
    assert '"drawCircle": false' in page
    assert '"drawPolyline": false' in page
    assert 'map.pm.setLang("sv")' in page
    assert ("var shape = null;" in page) is (shape is None)
    assert _page(drawing_map(ref, OPTIONS, assets, shape, mode)) == page  # the same map: no remount on a rerun  # type: ignore[arg-type]


def test_without_tools_the_shape_is_only_shown(ref: Reference) -> None:
    page = _page(drawing_map(ref, OPTIONS, None, Point(18.06, 59.33), "reshape"))
    assert "geoman" not in page
    assert "if (!map.pm) { return; }" in page
    assert "18.06" in page


@pytest.mark.parametrize("text", PAYLOADS)
def test_scene_names_and_problems_are_text_on_the_map(text: str) -> None:
    layer = draft_layer([("X1", text, "active", Point(18.0, 59.3)), ("X2", text, "new", box(18, 59.3, 18.1, 59.4))],
                        "sv")
    bad = problem_layer([(Point(18.0, 59.3), text), (box(18, 59.3, 18.1, 59.4), text)], "sv")
    m = folium.Map(tiles=None)
    layer.add_to(m)
    bad.add_to(m)
    page = _json_text(m.get_root().render())
    assert "<script>alert" not in page
    assert "${alert" not in page
    assert "<svg onload" not in page
