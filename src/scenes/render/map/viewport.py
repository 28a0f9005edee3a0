"""The view: the box a map of some scenes is fitted to (never from scene locations when generalised), and the layer
that fits the map to a box in the browser at its real size (the only thing that moves a map's view: the server
sends no centre or zoom)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import folium
import geopandas as gpd

from scenes.model import Precision
from scenes.reference import Reference
from scenes.render.map.leaflet import _FitScenes, _stabilise_ids
from scenes.render.map.options import Bounds

#: the share of the shown scenes' span added on every side of a fitted view, so no marker sits on the map's edge
FIT_MARGIN = 0.06
#: the least ground (metres) a fitted view spans either way: one scene, or a few close together, is shown with its
#: neighbourhood (streets, a district name) rather than at the closest zoom
FIT_MIN_SPAN_M = 3_000.0
#: the closest zoom a fitted view goes to (one scene: about a district; closer in is the reader's choice)
FIT_MAX_ZOOM = 13.0
#: without background tiles no closer than this: borders, water and names still show where the scenes lie (closer
#: in, the map is one coloured area)
FIT_MAX_ZOOM_PLAIN = 12.0
FIT_MIN_ZOOM = 7.0
_M_PER_DEGREE = 111_320.0


def _merc(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def scene_extent(ref: Reference, scenes: gpd.GeoDataFrame | Sequence[gpd.GeoDataFrame], *,
                 precision: Precision, margin: float = FIT_MARGIN,
                 min_span_m: float = FIT_MIN_SPAN_M) -> Bounds:
    """The box a map of `scenes` is fitted to: the scenes with `margin` on every side, at least `min_span_m` across
    (a single scene is not zoomed in to its doorstep). Several frames (every survey of a series) give one box, so
    stepping through time keeps the frame. At generalised precision the box is that of the municipalities with a
    scene (never derived from scene locations). Without scenes: the county. The county is drawn around as context
    but does not widen the box."""
    frames = [scenes] if isinstance(scenes, gpd.GeoDataFrame) else list(scenes)
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return _box(tuple(ref.simplified_boundaries.total_bounds), 0.0, 0.0)
    if precision == "exact":
        bounds = [f.total_bounds for f in frames]
        minx, miny = min(b[0] for b in bounds), min(b[1] for b in bounds)
        maxx, maxy = max(b[2] for b in bounds), max(b[3] for b in bounds)
    else:
        codes = set().union(*(set(f["kommun_kod"].astype(str)) for f in frames))
        shapes = ref.simplified_boundaries[ref.simplified_boundaries["kommun_kod"].astype(str).isin(codes)]
        minx, miny, maxx, maxy = (shapes if len(shapes) else ref.simplified_boundaries).total_bounds
    return _box((float(minx), float(miny), float(maxx), float(maxy)), margin, min_span_m)


def _box(bounds: tuple[float, ...], margin: float, min_span_m: float) -> Bounds:
    minx, miny, maxx, maxy = bounds
    mid_lat, mid_lon = (miny + maxy) / 2, (minx + maxx) / 2
    lat_span = max(maxy - miny, min_span_m / _M_PER_DEGREE) * (1 + 2 * margin)
    lon_span = max(maxx - minx, min_span_m / (_M_PER_DEGREE * math.cos(math.radians(mid_lat)))) * (1 + 2 * margin)
    def down(v: float) -> float:  # five decimals (about a metre), rounded outwards: the box never cuts a scene
        return math.floor(v * 1e5) / 1e5

    def up(v: float) -> float:
        return math.ceil(v * 1e5) / 1e5

    return ((down(mid_lat - lat_span / 2), down(mid_lon - lon_span / 2)),
            (up(mid_lat + lat_span / 2), up(mid_lon + lon_span / 2)))


def fit_max_zoom(basemap: str) -> float:
    """The closest zoom a fitted view goes to over `basemap` ("none": no tiles)."""
    return FIT_MAX_ZOOM_PLAIN if not basemap or basemap == "none" else FIT_MAX_ZOOM


def fit_layer(bounds: Bounds, *, padding: tuple[int, int, int, int] = (0, 0, 0, 0),
              max_zoom: float = FIT_MAX_ZOOM, nonce: int = 0) -> folium.FeatureGroup:
    """A layer with nothing to draw that fits the map to `bounds` in the browser (`_FitScenes`): add it with the
    other layers. The map fits once per box; a new `nonce` fits the same box again (a scene selected a second
    time after the reader moved the map)."""
    group = folium.FeatureGroup(name="fit", show=True, control=False)
    _FitScenes(bounds, padding, max_zoom, nonce).add_to(group)
    _stabilise_ids(group, "fitn")
    return group
