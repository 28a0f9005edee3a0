"""Cartographic helpers for a map drawn without background tiles: where to put names, and from which zoom.

Pure functions (no Streamlit, no folium): the map module places the labels these compute.

- `label_anchor` finds a point well inside an area for its name: the pole of inaccessibility of its largest part,
  computed in SWEREF 99 TM metres.
- `min_zooms` decides, for a set of labels, the lowest Leaflet zoom from which each is drawn without overlapping
  another drawn label. A label shown at one zoom stays shown at every higher zoom: in Web Mercator pixels the distance
  between two anchors doubles with each zoom step while the labels keep their size, so two labels that do not
  overlap at zoom z cannot overlap at z + 1.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

__all__ = ["Label", "label_anchor", "label_size", "min_zooms"]

#: Leaflet's tile size: the world is 256 * 2**zoom pixels wide.
TILE_PX = 256.0
#: Web Mercator's latitude limit (Leaflet clamps to it too).
_MAX_LAT = 85.0511287798


@functools.cache
def _transformer(source: int, target: int) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(source, target, always_xy=True)


def label_anchor(geometry: BaseGeometry, *, tolerance_m: float = 50.0) -> tuple[float, float]:
    """A good point for an area's name, as (lat, lon) in WGS 84.

    `geometry` is a (multi)polygon in WGS 84 (lon, lat). The anchor is the pole of inaccessibility (the point
    farthest from the boundary) of its largest part by area, found in SWEREF 99 TM (EPSG:3006) to within
    `tolerance_m` metres, so it lies inside that part even for a ring- or crescent-shaped area, where the centroid
    may fall outside.
    """
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon" and not p.is_empty]
    if not parts:
        raise ValueError(f"label_anchor needs a polygon, got {geometry.geom_type}")
    to_metres = _transformer(4326, 3006)
    projected = [shapely.transform(p, lambda c: np.column_stack(to_metres.transform(c[:, 0], c[:, 1])))
                 for p in parts]
    largest = max(projected, key=lambda p: p.area)
    pole = polylabel(largest, tolerance=tolerance_m)
    lon, lat = _transformer(3006, 4326).transform(pole.x, pole.y)
    return float(lat), float(lon)


@dataclass(frozen=True)
class Label:
    """A name to draw at an anchor; labels with higher `priority` are placed first."""

    key: str
    text: str
    lat: float
    lon: float
    priority: float


def label_size(text: str, *, char_px: float = 7.5, line_px: float = 16.0, lines: int = 1,
               pad_px: float = 4.0) -> tuple[float, float]:
    """The (width, height) in screen pixels of the box `min_zooms` reserves for `text` (same defaults)."""
    return len(text) * char_px + 2 * pad_px, lines * line_px + 2 * pad_px


def _world_pixels(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates at zoom 0 (world 256 px wide), as Leaflet projects them."""
    phi = np.radians(np.clip(lat, -_MAX_LAT, _MAX_LAT))
    x = (lon + 180.0) / 360.0 * TILE_PX
    y = (1.0 - np.log(np.tan(phi) + 1.0 / np.cos(phi)) / math.pi) / 2.0 * TILE_PX
    return x, y


def min_zooms(labels: Sequence[Label], *, zooms: Iterable[int] = range(7, 15), char_px: float = 7.5,
              line_px: float = 16.0, lines: int = 1, pad_px: float = 4.0) -> dict[str, int | None]:
    """For each label's key, the lowest zoom in `zooms` from which it is drawn without overlap (None: never).

    Each label reserves a box of `label_size` pixels centred on its anchor, projected with Web Mercator at each
    zoom. Zooms are processed in ascending order; at each, the labels already shown at a lower zoom are kept first
    (they cannot collide now: distances in pixels only grow), then the others, by descending priority and then
    key, are added when their box overlaps no kept box (touching is not overlapping). The result is
    deterministic and monotone: a label shown at zoom z is shown at every higher zoom in `zooms`.
    """
    keys = [label.key for label in labels]
    if len(set(keys)) != len(keys):
        raise ValueError("label keys must be unique")
    levels = sorted(set(zooms))
    result: dict[str, int | None] = dict.fromkeys(keys)
    n = len(labels)
    if n == 0 or not levels:
        return result
    lat = np.array([label.lat for label in labels], dtype=float)
    lon = np.array([label.lon for label in labels], dtype=float)
    priority = np.array([label.priority for label in labels], dtype=float)
    if not (np.isfinite(lat).all() and np.isfinite(lon).all() and np.isfinite(priority).all()):
        raise ValueError("label coordinates and priorities must be finite numbers")
    width = np.array([label_size(label.text, char_px=char_px, line_px=line_px, lines=lines, pad_px=pad_px)[0]
                      for label in labels])
    height = label_size("", char_px=char_px, line_px=line_px, lines=lines, pad_px=pad_px)[1]
    x0, y0 = _world_pixels(lat, lon)
    # Pairwise distances between anchors at zoom 0 and the distances below which two boxes overlap (any zoom).
    dx = np.abs(x0[:, None] - x0[None, :])
    dy = np.abs(y0[:, None] - y0[None, :])
    reach_x = (width[:, None] + width[None, :]) / 2.0
    order = sorted(range(n), key=lambda i: (-priority[i], keys[i]))
    shown = np.zeros(n, dtype=bool)
    for zoom in levels:
        scale = 2.0**zoom
        collide = (dx * scale < reach_x) & (dy * scale < height)
        np.fill_diagonal(collide, False)
        kept = np.flatnonzero(shown)
        if collide[np.ix_(kept, kept)].any():  # cannot happen: pixel distances grow with the zoom
            raise RuntimeError("labels shown at a lower zoom overlap at a higher one")
        blocked = collide[kept].any(axis=0) if kept.size else np.zeros(n, dtype=bool)
        for i in order:
            if not shown[i] and not blocked[i]:
                shown[i] = True
                blocked |= collide[i]
                result[keys[i]] = zoom
    return result
