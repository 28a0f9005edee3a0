"""The map's fixed geography as one script the browser fetches once: the land around the county, the county
outline, the police-area outlines and the municipality shapes the shading colours.

These shapes are the largest part of a map's JavaScript (about 120 KiB) and never change with a filter, a survey
or the reader. Written into the map they travelled over the websocket, and were serialised on the server, on every
rerun; in a file named by a digest of its content the browser fetches them once per map frame and keeps them in its
cache, and a changed reference (new boundaries, another day's police areas) is a new name, so no browser keeps an
old one. The map's own script refers to the shapes by their digest (`ScenesGeo["<digest>"]`), so a new geography is
also a new map script, and streamlit-folium mounts a fresh frame that fetches the new file.

The file is the frame's only script: Leaflet, the map's own script and the shapes (`scenes.render.assets.
frame_script`, served as `map-<digest>.js`). streamlit-folium loads a frame's scripts one after another, so the
shapes in a second file cost a second round trip (about 60 ms of the first drawn map, measured) before drawing.

An exported map carries the same script inline (`scenes.render.assets.inline_assets`): it still opens offline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import shapely
from branca.element import MacroElement
from jinja2 import Template

from scenes.reference import Reference
from scenes.render.assets import frame_script

__all__ = ["GeoLayer", "Geography", "geography"]

_MEMO: dict[int, tuple[Reference, Geography]] = {}


@dataclass(frozen=True)
class Geography:
    """The geography of one reference: the shapes' digest and script, and the frame's whole script (Leaflet, the
    map's own script and the shapes) with its served file name."""

    digest: str
    script: str
    file_name: str
    served: str


def _collection(geoms: Any, codes: Any | None = None) -> dict[str, object]:
    features = [{"type": "Feature", "properties": {} if codes is None else {"code": str(codes[i])},
                 "geometry": geom.__geo_interface__} for i, geom in enumerate(geoms)]
    return {"type": "FeatureCollection", "features": features}


def geography(ref: Reference) -> Geography:
    """`ref`'s geography script (built once per reference; the reference lives for the process)."""
    hit = _MEMO.get(id(ref))
    if hit is not None and hit[0] is ref:
        return hit[1]
    munis = ref.simplified_boundaries
    shapes = {
        "around": _collection(ref.surroundings.geometry),
        "outline": {"type": "Feature", "properties": {},
                    "geometry": shapely.geometry.mapping(shapely.union_all(munis.geometry.values))},
        "police": _collection(ref.police_area_shapes.geometry),
        "municipalities": _collection(munis.geometry, list(munis["kommun_kod"])),
    }
    body = json.dumps(shapes, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    script = (f"window.ScenesGeo = window.ScenesGeo || {{}};\n"
              f"window.ScenesGeo[{json.dumps(digest)}] = {body};\n")
    geo = Geography(digest, script, *frame_script(script))
    if len(_MEMO) >= 4:  # a reference is rebuilt when an administrator saves a table: keep only the recent ones
        _MEMO.clear()
    _MEMO[id(ref)] = (ref, geo)
    return geo


class GeoLayer(MacroElement):
    """One set of shapes from the geography script, drawn with a fixed style (`options`: Leaflet's GeoJSON
    options, a style object, `interactive`, `pane`)."""

    def __init__(self, geo: Geography, shapes: str, options: dict[str, object]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "GeoLayer"
        self.digest, self.shapes, self.options = geo.digest, shapes, options

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson(window.ScenesGeo[{{ this.digest|tojson }}][{{ this.shapes|tojson }}],
            {{ this.options|tojson }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)


class Shading(MacroElement):
    """The municipalities shaded by their class: the shapes from the geography script, and per municipality code
    only what changes with the filters (`rows`: fill colour, whether it is "no data or withheld", and the
    tooltip's name and value, escaped by the caller). `aliases` head the tooltip's two lines."""

    def __init__(self, geo: Geography, rows: dict[str, dict[str, object]], aliases: tuple[str, str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "Shading"
        self.digest, self.rows, self.aliases = geo.digest, rows, list(aliases)

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var rows = {{ this.rows|tojson }}, aliases = {{ this.aliases|tojson }};
            L.geoJson(window.ScenesGeo[{{ this.digest|tojson }}].municipalities, {
                filter: function (f) { return Object.prototype.hasOwnProperty.call(rows, f.properties.code); },
                style: function (f) {
                    var r = rows[f.properties.code];
                    return {fillColor: r.fill, fillOpacity: 0.9, color: "#8c8c8c", weight: 1,
                            dashArray: r.nodata ? "3 3" : null, className: "municipality-shade"};
                },
                onEachFeature: function (f, layer) {
                    var r = rows[f.properties.code];
                    layer.bindTooltip("<table><tr><th>" + aliases[0] + "</th><td>" + r.name + "</td></tr><tr><th>"
                        + aliases[1] + "</th><td>" + r.value + "</td></tr></table>",
                        {sticky: true, className: "shade-tip"});
                }
            }).addTo(group);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)
