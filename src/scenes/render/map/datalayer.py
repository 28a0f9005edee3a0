"""The scenes as one compact data layer, styled, clustered and culled in the browser.

Python sends one JSON block per layer: each point's position (latitude and longitude in hundred-thousandths of a
degree, about a metre, as whole numbers, one flat list: shorter to write, send and read than decimals in pairs), its
escaped name, the index of its place line in a table of escaped lines, and the index of its *kind*; a kind holds
the marker's HTML and class and the tooltip text before and after the place line (all escaped here, with `safe`,
and the block travels through `tojson`, which escapes <, >, & and quotes: no user text is ever live markup). About
35 bytes a scene, where one GeoJSON feature with its own tooltip was 290.

In the browser (`_DataLayer`) no marker exists until it is on screen. At each view the points are clustered for
the zoom (a greedy pass over a pixel grid, `radius` px, cached per zoom; from `single_from_zoom` on every scene
is its own marker) and only the clusters and single scenes within the view (padded) become Leaflet markers:
a cluster is a neutral grey disc with its count that zooms in on its scenes (click, or Enter: it is a keyboard
marker), a single scene is the kind's disc with its category letters and a tooltip put together on hover or
focus. Single scenes sit in the layer (a FeatureGroup), so their clicks reach streamlit-folium as before; clusters
sit in a plain group of their own, made after the frame's script has run, so a click on one is never taken for a
scene. Before this, 5,000 `L.marker`s were built up front and handed to Leaflet.markercluster, which built its
cluster tree for every zoom: most of the browser's time for a first map.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from scenes.reference import Reference
from scenes.render.map.style import safe

#: clusters: points closer than this (px) at the map's zoom share a disc
CLUSTER_RADIUS_PX = 35
#: from this zoom on every scene is its own marker (the closest fitted views are 12 and 13)
SINGLE_FROM_ZOOM = 11


class _DataLayer(MacroElement):
    """One compact block of points, made into markers in the browser as they come into view (module doc)."""

    def __init__(self, data: dict[str, object], size: int, radius: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "DataLayer"
        # serialised once here: streamlit-folium renders a layer's script twice per rerun, and this block is most of
        # a rerun's bytes (htmlsafe: <, >, & and quotes escaped, as `tojson` does; no spaces: a quarter less to send)
        self.data = htmlsafe_json_dumps(data, sort_keys=True, separators=(",", ":"))  # a Markup: written as it is
        self.options = {"radius": radius, "single": SINGLE_FROM_ZOOM, "size": size}

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (parent) {
            var d = {{ this.data }};
            parent.addLayer(ScenesMap.dataLayer(d, {{ this.options|tojson }}));
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def positions(frame: gpd.GeoDataFrame) -> list[int]:
    """Each scene's representative point (a point scene's own place) as latitude, longitude in hundred-thousandths
    of a degree, flat: [lat0, lon0, lat1, lon1, ...] (the browser divides by 100,000)."""
    geoms = np.asarray(frame.geometry.values)
    points = shapely.get_type_id(geoms) == 0
    if not points.all():  # a point is its own representative point; GEOS takes its time to say so (5 ms a 1,000)
        geoms = geoms.copy()
        geoms[~points] = shapely.point_on_surface(geoms[~points])
    latlon = np.column_stack([shapely.get_y(geoms), shapely.get_x(geoms)])
    return np.rint(latlon * 1e5).astype(np.int64).ravel().tolist()


def _place_lines(frame: gpd.GeoDataFrame, ref: Reference, districts: bool) -> dict[str, object]:
    """The tooltip's place line ("municipality · police area · district", escaped, parts that are empty left
    out) as an index into a table of the distinct lines: a scene carries one small number, and each distinct place
    is named and escaped once."""
    columns = [frame["kommun"], frame["lokalpolisomrade"]] + ([frame["stadsdel"]] if districts else [])
    namers: list[Callable[[object], str]] = [safe, lambda c: safe(ref.police_area_name(str(c))),
                                             lambda c: safe(ref.district_name(str(c)))]
    combined, parts = np.zeros(len(frame), dtype=np.int64), []
    for column in columns:  # each column's codes (-1: none), folded into one number per distinct place
        codes, uniques = pd.factorize(column)
        parts.append((codes, list(uniques)))
        combined = combined * (len(uniques) + 1) + (codes + 1)
    places, first = np.unique(combined, return_index=True)
    codes = np.searchsorted(places, combined).tolist()
    lines = []
    for row in first:
        names = (namer(uniques[col[row]]) if col[row] >= 0 and uniques[col[row]] else ""
                 for namer, (col, uniques) in zip(namers, parts, strict=False))
        lines.append(" · ".join(n for n in names if n))
    return {"w": codes, "wn": lines}


def data_layer(frame: gpd.GeoDataFrame, ref: Reference, kinds: list[dict[str, str]], kind: Sequence[int],
               *, districts: bool, size: int, cluster: bool) -> _DataLayer:
    """A `_DataLayer` of `frame`'s scenes at their representative points; `kind[i]` indexes `kinds`; `cluster`:
    near scenes share a grey disc with their count below `SINGLE_FROM_ZOOM`."""
    data: dict[str, object] = {
        "kinds": kinds, "k": [int(k) for k in kind], "n": [safe(n) for n in frame["name"]],
        "p": positions(frame), **_place_lines(frame, ref, districts),
    }
    return _DataLayer(data, size, CLUSTER_RADIUS_PX if cluster else 0)
