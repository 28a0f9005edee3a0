"""The base map: what does not depend on filters or the survey (water, the land around, the county and
police-area outlines, municipality names placed without collisions). Its element ids are deterministic, so
streamlit-folium sees the same script on every rerun and never remounts the map."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import folium
import geopandas as gpd

from scenes.i18n import t
from scenes.reference import Reference
from scenes.render.cartography import Label, label_anchor, min_zooms
from scenes.render.map.geography import GeoLayer, geography
from scenes.render.map.leaflet import _apply_assets, _FocusWithoutScroll, _Labels, _root, _stabilise_ids, _ZoomClass
from scenes.render.map.markup import Text
from scenes.render.map.options import MapOptions
from scenes.render.map.style import _LABEL_ZOOMS, BASEMAPS, COUNTY_CENTER, COUNTY_ZOOM, LAND_AROUND, NAMES_Z, _css, safe

_CACHE: dict[tuple[object, ...], tuple[Reference, object]] = {}


def _cached(ref: Reference, key: tuple[object, ...], build):  # type: ignore[no-untyped-def]
    """Per-reference memo for derived drawings (the reference lives for the process)."""
    full = (id(ref), *key)
    hit = _CACHE.get(full)
    if hit is None or hit[0] is not ref:
        hit = (ref, build())
        _CACHE[full] = hit
    return hit[1]


COUNTY_SEAT = "0180"  # Stockholm: its name is placed first, as maps name the county seat before the rest
_CHAR_PX, _LINE_PX = 8.2, 16.0  # the names' box per character and per line at 13 px semibold


def _label_plan(ref: Reference, lines: int, scale: float) -> list[tuple[str, str, float, float, int]]:
    """(code, name, lat, lon, min zoom) for each municipality name: the county seat first, then larger areas
    (they have room for their names at the lowest zooms); small municipalities' names appear as one zooms in."""
    def build() -> list[tuple[str, str, float, float, int]]:
        shapes = ref.simplified_boundaries
        areas = shapes.to_crs(3006).area / 1e6
        labels = []
        for code, name, geom, area in zip(shapes["kommun_kod"], shapes["kommun"], shapes.geometry, areas,
                                          strict=True):
            lat, lon = label_anchor(geom)
            labels.append(Label(key=str(code), text=str(name), lat=lat, lon=lon,
                                priority=1e9 if code == COUNTY_SEAT else float(area)))
        zooms = min_zooms(labels, zooms=_LABEL_ZOOMS, char_px=_CHAR_PX * scale, line_px=_LINE_PX * scale,
                          lines=lines)
        return [(lb.key, lb.text, lb.lat, lb.lon, zooms[lb.key] or max(_LABEL_ZOOMS) + 1) for lb in labels]
    return _cached(ref, ("labels", lines, scale), build)  # type: ignore[no-any-return]


def base_map(ref: Reference, options: MapOptions) -> folium.Map:
    """The filter- and survey-independent part: water, surroundings, county outline, police areas, names."""
    m = folium.Map(location=COUNTY_CENTER, zoom_start=COUNTY_ZOOM, tiles=None, control_scale=True)
    # Without a tile layer Leaflet knows no zoom limits, and the data layer's clusters need them: set them on the map.
    m.options.update({"min_zoom": 7, "max_zoom": 18, "zoom_snap": 0.5})
    _apply_assets(m, options.assets)
    _root(m).header.add_child(Text(f"<style>{_css(options.scale)}</style>"))
    if options.basemap and options.basemap != "none":
        url, attribution = BASEMAPS.get(options.basemap, (options.basemap, options.basemap_attribution))
        folium.TileLayer(tiles=url, attr=attribution or options.basemap_attribution or " ",
                         name=t("map.layer.basemap", options.lang), overlay=False, control=False).add_to(m)
    folium.map.CustomPane("outlines", z_index=420, pointer_events=False).add_to(m)
    # Names above the markers and clusters (Leaflet's marker pane is 600, its tooltips 650): a scene disc or a
    # ceased marker never hides "Stockholm"; the names take no pointer events, so what lies under them is clickable.
    folium.map.CustomPane("names", z_index=NAMES_Z, pointer_events=False).add_to(m)
    geo = geography(ref)
    m.default_js = [(geo.file_name, options.assets.url(geo.file_name))]  # Leaflet, the map's script, the shapes
    if len(ref.surroundings) and (not options.basemap or options.basemap == "none"):
        GeoLayer(geo, "around", {"interactive": False,
                                 "style": {"fillColor": LAND_AROUND, "fillOpacity": 1, "stroke": False}}).add_to(m)
    GeoLayer(geo, "outline", {"interactive": False, "pane": "outlines",
                              "style": {"color": "#1a1a1a", "weight": 2.5, "fill": False}}).add_to(m)
    outline = folium.FeatureGroup(name=t("map.layer.police_areas", options.lang), show=options.show_police_areas)
    GeoLayer(geo, "police", {"interactive": False, "pane": "outlines",
                             "style": {"color": "#333333", "weight": 2, "dashArray": "6 4", "fill": False}},
             ).add_to(outline)
    outline.add_to(m)
    names = folium.FeatureGroup(name=t("map.layer.names", options.lang), show=True)
    lines = 2 if options.precision == "generalised" else 1
    labels = []
    for _code, name, lat, lon, zoom in _label_plan(ref, lines, options.scale):
        width = round(len(name) * _CHAR_PX * options.scale) + 8
        height = round(_LINE_PX * options.scale)
        labels.append([safe(name), round(lat, 5), round(lon, 5), width, height, width // 2, height * lines // 2,
                       f"muni-label mz-{zoom}", ""])
    _Labels(labels, pane="names").add_to(names)
    names.add_to(m)
    _FocusWithoutScroll().add_to(m)
    _ZoomClass().add_to(m)
    _stabilise_ids(m, "base")
    return m


def _geojson(frame: gpd.GeoDataFrame, properties: Mapping[str, Sequence[object]]) -> dict[str, object]:
    """`frame`'s shapes with the map's own properties (style values and escaped tooltip text, one per shape).

    Written by hand, not by GeoPandas' `to_geo_dict`: the properties are not the frame's columns, so `to_geo_dict`
    would need a throwaway GeoDataFrame per layer, for the same output at four times the cost on every rerun.
    """
    features = [
        {"type": "Feature", "properties": {k: v[i] for k, v in properties.items()},
         "geometry": geom.__geo_interface__}
        for i, geom in enumerate(frame.geometry)
    ]
    return {"type": "FeatureCollection", "features": features}
