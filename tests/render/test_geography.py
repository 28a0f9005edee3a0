"""The map's fixed shapes as one script named by its content (`scenes.render.map.geography`), and how it is served:
written once into the static folder, referred to by digest, inlined in an export."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

from scenes.domain.demo import load_demo
from scenes.domain.disclosure import SHOW_ALL
from scenes.reference import Reference, load_reference
from scenes.render.assets import AssetLinks, install_script
from scenes.render.maps import MapOptions, base_map, geography, layers
from tests.conftest import DATA_DIR

OPTIONS = MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)


def _text(script: str) -> str:
    """The shapes' JSON in the script (its second line: `window.ScenesGeo["<digest>"] = {...};`)."""
    return script.splitlines()[1].split(" = ", 1)[1].rstrip(";")


def _body(script: str) -> dict[str, dict[str, object]]:
    return json.loads(_text(script))  # type: ignore[no-any-return]


def _vertex(ref: Reference) -> str:
    """A pattern of one vertex of Stockholm's simplified boundary, as JSON writes it (with or without a space)."""
    shapes = ref.simplified_boundaries
    geom = shapes[shapes["kommun_kod"] == "0180"].geometry.iloc[0]
    polygon = geom.geoms[0] if geom.geom_type == "MultiPolygon" else geom
    x, y = polygon.exterior.coords[3]
    return rf"\[{re.escape(json.dumps(x))},\s*{re.escape(json.dumps(y))}\]"


def test_the_geography_is_named_by_its_content(ref: Reference) -> None:
    """The shapes are named by their digest, and the frame's one script (Leaflet, the map's own script, the shapes)
    by a digest of all of it: the same for a reference read again, another for other shapes."""
    geo = geography(ref)
    assert geo.digest == hashlib.sha256(_text(geo.script).encode()).hexdigest()[:16]
    assert geo.file_name == f"map-{hashlib.sha256(geo.served.encode()).hexdigest()[:16]}.js"
    assert geo.served.startswith("/* @preserve\n * Leaflet")
    assert geo.served.endswith(geo.script)
    assert "window.ScenesMap = " in geo.served  # the map's own script, between the two
    assert geography(load_reference(DATA_DIR)) == geo  # another process, the same file
    fewer = ref.boundaries[ref.boundaries["kommun_kod"] != "0180"]
    other = geography(dataclasses.replace(ref, boundaries=fewer))
    assert other.digest != geo.digest
    assert other.file_name != geo.file_name


def test_the_shapes_are_in_the_script_and_not_in_the_map(ref: Reference) -> None:
    """The base map and the shading name the shapes by digest; their coordinates travel in the script only."""
    geo, vertex = geography(ref), _vertex(ref)
    shapes = _body(geo.script)
    assert set(shapes) == {"around", "outline", "police", "municipalities"}
    codes = [f["properties"]["code"] for f in shapes["municipalities"]["features"]]  # type: ignore[index]
    assert sorted(codes) == sorted(ref.simplified_boundaries["kommun_kod"])
    assert re.search(vertex, geo.script)
    m = base_map(ref, OPTIONS)
    for group in layers(ref, load_demo(DATA_DIR)[2].scenes, None, OPTIONS):
        group.add_to(m)
    page = m.get_root().render()
    assert not re.search(vertex, page)
    assert page.count(f"window.ScenesGeo[{json.dumps(geo.digest)}]") == 4  # outline, police areas, land, shading
    assert f'<script src="{AssetLinks().url(geo.file_name)}"></script>' in page


def test_the_script_is_written_once_and_whole(tmp_path: Path, ref: Reference) -> None:
    """Written where Streamlit serves it; a second write of the same text leaves the file alone; other text
    replaces it whole; no temporary file is left behind."""
    geo = geography(ref)
    path = install_script(tmp_path, geo.file_name, geo.script)
    assert path == tmp_path / "vendor" / geo.file_name
    assert path.read_text(encoding="utf-8") == geo.script
    stamp = path.stat().st_mtime_ns
    install_script(tmp_path, geo.file_name, geo.script)
    assert path.stat().st_mtime_ns == stamp
    install_script(tmp_path, geo.file_name, "changed")
    assert path.read_text(encoding="utf-8") == "changed"
    assert sorted(p.name for p in path.parent.iterdir()) == [geo.file_name]
