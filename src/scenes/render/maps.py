"""The map's public face: everything pages, the CLI, the views and the tests use, from `scenes.render.map`.

The drawing is split by concept in the package `scenes.render.map` (style, options, leaflet extensions, base map,
statistic, layers, legend, viewport, export); this module re-exports its public names, so callers (and the
benchmark's floor app, which replaces `maps.base_map` and `maps.layers`) keep one import.

Design:
- The *base map* (water, the land around the county, the county outline, police area outlines, municipality
  names) does not depend on filters or on the survey, and its element ids are made deterministic, so
  streamlit-folium sees the same JavaScript on every rerun and never remounts (no flicker; stepping through
  surveys only swaps layers). Its shapes, and those the shading colours, are not in that JavaScript: they are one
  script named by its digest (`geography`), which the map's frame fetches once, so a rerun sends only what
  changed. The *layers* (choropleth, scenes, ceased scenes, counts, the selected scene) go in through
  `feature_group_to_add`.
- Readable without tiles: the background is water, the neighbouring counties are drawn as plain land, the
  county has a dark outline, and municipality names are placed without collisions (each name has the lowest
  zoom from which it fits, `scenes.render.cartography.min_zooms`; a class on the map container hides the others).
- Every user-supplied string is escaped with `safe()` before it reaches folium, which inserts tooltip text as
  HTML inside JavaScript template literals (so backticks and `${` are escaped too).
- Leaflet comes from the xstatic PyPI package (see `assets`); no CDN URL is ever emitted.
- Colours: categories use the Okabe–Ito palette from the reference table; every marker also carries the
  category's letter, so colour is never the only carrier of meaning. The choropleth uses few round classes
  (`scenes.domain.classes`) in a colour-blind-safe sequential scheme; clusters are neutral dark grey discs with their
  count, never the plugin's green/yellow/orange.
- Generalised precision (workshop participants): no scene location, name or polygon reaches the map, and a
  count the small-count rule withholds (`scenes.domain.disclosure`, `scenes.domain.protection`) is written "withheld"
  and drawn grey, never in its class.
"""

from __future__ import annotations

from scenes.render.map.base import base_map
from scenes.render.map.export import export_html, full_map
from scenes.render.map.geography import Geography, geography
from scenes.render.map.layers import layers
from scenes.render.map.leaflet import FollowPageLayers, ReleaseEarlierLayers
from scenes.render.map.legend import legend, legend_html
from scenes.render.map.options import Bounds, LegendItem, MapOptions, TimeStep
from scenes.render.map.statistic import map_classes, municipality_values
from scenes.render.map.style import (
    BADGES,
    CLUSTER,
    COUNTY_CENTER,
    EXPORT_LEGEND_PX,
    LAND_AROUND,
    NAMES_Z,
    ONGOING_RING,
    WATER,
    safe,
)
from scenes.render.map.viewport import (
    FIT_MARGIN,
    FIT_MAX_ZOOM,
    FIT_MAX_ZOOM_PLAIN,
    FIT_MIN_SPAN_M,
    FIT_MIN_ZOOM,
    fit_layer,
    fit_max_zoom,
    scene_extent,
)

__all__ = [
    "BADGES",
    "CLUSTER",
    "COUNTY_CENTER",
    "EXPORT_LEGEND_PX",
    "FIT_MARGIN",
    "FIT_MAX_ZOOM",
    "FIT_MAX_ZOOM_PLAIN",
    "FIT_MIN_SPAN_M",
    "FIT_MIN_ZOOM",
    "LAND_AROUND",
    "NAMES_Z",
    "ONGOING_RING",
    "WATER",
    "Bounds",
    "FollowPageLayers",
    "Geography",
    "LegendItem",
    "MapOptions",
    "ReleaseEarlierLayers",
    "TimeStep",
    "base_map",
    "export_html",
    "fit_layer",
    "fit_max_zoom",
    "full_map",
    "geography",
    "layers",
    "legend",
    "legend_html",
    "map_classes",
    "municipality_values",
    "safe",
    "scene_extent",
]
