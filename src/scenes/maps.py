"""Map building with folium: a stable base map plus the layers that change with the filters.

Design:
- The *base map* (background, optional tiles, local police area outlines) does not depend on filters, and its
  element ids are made deterministic, so streamlit-folium sees the same JavaScript on every rerun and never
  remounts (no flicker). The *layers* (choropleth, scenes, ceased scenes) go in through `feature_group_to_add`.
- Every user-supplied string is escaped with `safe()` before it reaches folium, which inserts tooltip text as
  HTML inside JavaScript template literals (so backticks and `${` are escaped too).
- Leaflet and MarkerCluster come from the xstatic PyPI packages (see `assets`); no CDN URL is ever emitted.
- Colours: categories use the Okabe–Ito palette from the reference table; every marker also carries the
  category's letter, so colour is never the only carrier of meaning. The choropleth is a light grey ramp that
  does not compete with the markers.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from scenes.assets import AssetLinks, inline_assets
from scenes.i18n import t
from scenes.reference import Reference

__all__ = [
    "COUNTY_CENTER",
    "LegendItem",
    "MapOptions",
    "base_map",
    "choropleth_classes",
    "export_html",
    "full_map",
    "layers",
    "legend",
    "safe",
    "viewport",
    "viewport_for_municipalities",
]

COUNTY_CENTER = (59.40, 18.10)
COUNTY_ZOOM = 9
_GREYS = ["#ffffff", "#e8e8e8", "#c8c8c8", "#a0a0a0", "#707070"]
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_BACKGROUND = "#f3f5f7"

BASEMAPS = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
}


def safe(text: object) -> str:
    """Escape for HTML *and* for a JavaScript template literal (backtick, `${`, backslash)."""
    s = html.escape("" if text is None else str(text), quote=True)
    return s.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def _colour(value: str) -> str:
    return value if _HEX.match(value or "") else "#777777"


@dataclass(frozen=True)
class MapOptions:
    """How to draw: language, layers shown, choropleth measure, tiles, and where assets come from."""

    lang: str = "sv"
    choropleth: str = "count"  # "count" or "per_capita"
    show_municipalities: bool = True
    show_police_areas: bool = True
    show_scenes: bool = True
    show_ceased: bool = True
    cluster: bool = True
    basemap: str = "none"  # "none", "osm", or a tile URL template with {z}/{x}/{y}
    basemap_attribution: str = ""
    assets: AssetLinks = field(default_factory=AssetLinks)
    precision: str = "exact"  # "generalised": counts per municipality only; no scene location reaches the map


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "category", "class", "ceased", "police_area"
    label: str
    colour: str
    symbol: str = ""


def _stabilise_ids(root: Element, prefix: str) -> None:
    """Replace folium's random element ids by a counter, so the same map gives the same JavaScript.

    Ids stay lowercase letters and digits only: streamlit-folium renames variables with the pattern
    `_[a-z0-9]+`, and an underscore inside an id would break that renaming.
    """

    def walk(el: Element) -> Iterator[Element]:
        yield el
        for child in list(el._children.values()):
            yield from walk(child)

    for i, el in enumerate(walk(root)):
        el._id = f"{prefix}{i}"


class _FocusWithoutScroll(MacroElement):
    """Leaflet focuses the map on mousedown; inside an iframe that scrolls the *page* to bring the map into
    view, so the marker moves away under the pointer and the click is lost. Focus with preventScroll instead
    (keyboard panning stays available)."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "FocusWithoutScroll"

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            if (!map.keyboard) { return; }
            map.keyboard.disable();
            L.Map.Keyboard.prototype._onMouseDown = function () {
                if (this._focused) { return; }
                this._map._container.focus({preventScroll: true});
            };
            map.keyboard.enable();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _root(m: folium.Map) -> Figure:
    root = m.get_root()
    assert isinstance(root, Figure)  # noqa: S101 - a folium.Map always sits in a Figure
    return root


def _apply_assets(m: folium.Map, assets: AssetLinks) -> None:
    m.default_js = assets.js()
    m.default_css = assets.css()


def base_map(ref: Reference, options: MapOptions) -> folium.Map:
    """The filter-independent part: background, tiles (if any), police area outlines."""
    m = folium.Map(location=COUNTY_CENTER, zoom_start=COUNTY_ZOOM, tiles=None, control_scale=True)
    # Without a tile layer Leaflet knows no zoom limits, and MarkerCluster needs them: set them on the map.
    m.options.update({"min_zoom": 7, "max_zoom": 18})
    _apply_assets(m, options.assets)
    _root(m).header.add_child(Element(
        f"<style>div.leaflet-container{{background:{_BACKGROUND};font:14px/1.4 'Source Sans Pro',sans-serif}}"
        ".scene-marker{border-radius:50%;border:2px solid #1a1a1a;color:#fff;font:bold 11px/18px sans-serif;"
        "text-align:center;text-shadow:0 0 2px #000}"
        ".ceased-marker{border-radius:50%;border:2px dashed #444;background:#fff;color:#444;"
        "font:bold 12px/16px sans-serif;text-align:center}"
        ".count-label{background:#fff;border:2px solid #1a1a1a;border-radius:11px;font:bold 12px/18px sans-serif;"
        "text-align:center;color:#1a1a1a}</style>"
    ))
    if options.basemap and options.basemap != "none":
        url, attribution = BASEMAPS.get(options.basemap, (options.basemap, options.basemap_attribution))
        folium.TileLayer(tiles=url, attr=attribution or options.basemap_attribution or " ",
                         name=t("map.layer.basemap", options.lang), overlay=False, control=False).add_to(m)
    outline = folium.FeatureGroup(name=t("map.layer.police_areas", options.lang), show=options.show_police_areas)
    shapes = ref.police_area_shapes
    folium.GeoJson(
        _geojson(shapes, {"name": [safe(n) for n in shapes["name"]]}),
        style_function=lambda _f: {"color": "#333333", "weight": 2, "dashArray": "6 4", "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["name"], aliases=[safe(t("map.police_area", options.lang))]),
        interactive=False,
    ).add_to(outline)
    outline.add_to(m)
    _FocusWithoutScroll().add_to(m)
    _stabilise_ids(m, "base")
    return m


def _geojson(frame: gpd.GeoDataFrame, properties: Mapping[str, Sequence[object]]) -> dict[str, object]:
    features = [
        {"type": "Feature", "properties": {k: v[i] for k, v in properties.items()},
         "geometry": geom.__geo_interface__}
        for i, geom in enumerate(frame.geometry)
    ]
    return {"type": "FeatureCollection", "features": features}


def choropleth_classes(values: pd.Series) -> list[float]:
    """Upper bounds of up to four classes of the positive values (quantiles, rounded, unique)."""
    positive = values[values > 0].dropna()
    if positive.empty:
        return []
    qs = np.quantile(positive, [0.25, 0.5, 0.75, 1.0])
    bounds = sorted({math.ceil(q) if positive.max() >= 4 else float(q) for q in qs})
    return [float(b) for b in bounds]


def _class_of(value: float | None, bounds: list[float]) -> int:
    if value is None or pd.isna(value):
        return -1
    if value <= 0:
        return 0
    for i, b in enumerate(bounds):
        if value <= b:
            return i + 1
    return len(bounds)


def municipality_values(ref: Reference, scenes: gpd.GeoDataFrame, measure: str) -> pd.Series:
    """Scene count, or scenes per 100,000 inhabitants (NaN where population is unknown), per municipality."""
    counts: pd.Series = scenes.groupby("kommun_kod").size().reindex(ref.municipalities["kommun_kod"], fill_value=0)
    if measure != "per_capita":
        return counts.astype(float)
    pop = pd.Series(ref.population(), dtype=float).reindex(counts.index)
    rate: pd.Series = (counts / pop * 100_000).round(1)
    return rate


def _marker_html(codes: list[str], ref: Reference) -> str:
    colours = [_colour(ref.category_color(c)) for c in codes] or ["#777777"]
    if len(colours) == 1:
        background = colours[0]
    else:
        step = 100 / len(colours)
        stops = ",".join(f"{c} {i * step:.0f}% {(i + 1) * step:.0f}%" for i, c in enumerate(colours))
        background = f"conic-gradient({stops})"
    letters = "".join(c[:1].upper() for c in codes)
    return f'<div style="background:{background};width:18px;height:18px;border-radius:50%">{safe(letters)}</div>'


def _scene_tooltip(row: Mapping[str, object], ref: Reference, lang: str) -> str:
    cats = ", ".join(ref.category_label(c, lang) for c in row["categories"])  # type: ignore[attr-defined]
    lpo = ref.police_area_name(str(row["lokalpolisomrade"]))
    district = row["stadsdel"]
    return (f"<b>{safe(row['name'])}</b><br>{safe(row['kommun'])} · {safe(lpo)}"
            + (f" · {safe(ref.district_name(str(district)))}" if district else "")
            + f"<br>{safe(cats)}")


def layers(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None,
           options: MapOptions) -> list[folium.FeatureGroup]:
    """The filter-dependent layers: municipality choropleth, scenes, and (optionally) ceased scenes."""
    lang = options.lang
    groups: list[folium.FeatureGroup] = []

    values = municipality_values(ref, scenes, options.choropleth)
    bounds = choropleth_classes(values)
    shapes = ref.simplified_boundaries.set_index("kommun_kod").reindex(values.index).reset_index()
    classes = [_class_of(v, bounds) for v in values]
    shown = [t("map.no_data", lang) if pd.isna(v) else _format(v, lang) for v in values]
    choro = folium.FeatureGroup(name=t("map.layer.municipalities", lang), show=options.show_municipalities)
    folium.GeoJson(
        _geojson(shapes, {"name": [safe(n) for n in shapes["kommun"]], "value": [safe(s) for s in shown],
                          "cls": classes}),
        style_function=lambda f: {
            "fillColor": "#ffffff" if f["properties"]["cls"] < 0 else _GREYS[min(f["properties"]["cls"], 4)],
            "fillOpacity": 0.75, "color": "#555555", "weight": 1,
            "dashArray": "2 3" if f["properties"]["cls"] < 0 else None,
        },
        tooltip=folium.GeoJsonTooltip(fields=["name", "value"],
                                      aliases=[safe(t("map.municipality", lang)),
                                               safe(t(f"map.measure.{options.choropleth}", lang))]),
    ).add_to(choro)
    groups.append(choro)
    if options.precision == "generalised":
        groups.append(_count_labels(ref, values, options))
        for i, g in enumerate(groups):
            _stabilise_ids(g, f"layer{i}n")
        return groups

    scene_group = folium.FeatureGroup(name=t("map.layer.scenes", lang), show=options.show_scenes)
    tips = [_scene_tooltip(row, ref, lang) for row in scenes.to_dict("records")]
    polygons = scenes[scenes.geom_type.isin(["Polygon", "MultiPolygon"])]
    if len(polygons):
        folium.GeoJson(
            _geojson(polygons, {"colour": [_colour(ref.category_color(c[0])) if c else "#777777"
                                           for c in polygons["categories"]],
                                "tip": [tip for tip, poly in zip(tips, scenes.geom_type.isin(["Polygon",
                                                                                                "MultiPolygon"]),
                                                                 strict=True) if poly]}),
            style_function=lambda f: {"color": f["properties"]["colour"], "weight": 2, "fillOpacity": 0.25,
                                      "fillColor": f["properties"]["colour"]},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
        ).add_to(scene_group)
    target: folium.FeatureGroup | folium.plugins.MarkerCluster = scene_group
    if options.cluster:
        cluster = folium.plugins.MarkerCluster(  # type: ignore[no-untyped-call]  # folium's plugin is untyped
            name=t("map.layer.scenes", lang), control=False,
                                               options={"maxClusterRadius": 35, "disableClusteringAtZoom": 11,
                                                        "spiderfyOnMaxZoom": False})
        cluster.default_js, cluster.default_css = [], []  # served with the map's assets
        cluster.add_to(scene_group)
        target = cluster
    # One GeoJSON layer for all scene markers (not one folium.Marker each): far fewer bytes and far less
    # template rendering per rerun. Each feature carries its escaped tooltip and its marker's HTML.
    anchors = scenes.geometry.representative_point()
    # The marker HTML depends only on the categories, so folium's style mapping holds it once per combination.
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": i,
         "properties": {"c": "|".join(cats), "tip": tip},
         "geometry": {"type": "Point", "coordinates": [round(p.x, 6), round(p.y, 6)]}}
        for i, (cats, tip, p) in enumerate(zip(scenes["categories"], tips, anchors, strict=True))]}
    if points["features"]:
        folium.GeoJson(
            points, name="scenes",
            marker=folium.Marker(icon=folium.DivIcon(html="", icon_size=(22, 22), icon_anchor=(11, 11),
                                                     class_name="scene-marker")),
            style_function=lambda f: {"html": _marker_html(f["properties"]["c"].split("|"), ref)},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        ).add_to(target)
    groups.append(scene_group)

    if ceased is not None and len(ceased) and options.show_ceased:
        gone = folium.FeatureGroup(name=t("map.layer.ceased", lang), show=True)
        for (_, row), anchor in zip(ceased.iterrows(), ceased.geometry.representative_point(), strict=True):
            folium.Marker(
                location=[round(anchor.y, 6), round(anchor.x, 6)],
                icon=folium.DivIcon(html="×", icon_size=(20, 20), icon_anchor=(10, 10), class_name="ceased-marker"),
                tooltip=folium.Tooltip(f"{safe(t('map.ceased', lang))}: <b>{safe(row['name'])}</b><br>"
                                       f"{safe(row['kommun'])}", sticky=True),
            ).add_to(gone)
        groups.append(gone)
    for i, g in enumerate(groups):
        _stabilise_ids(g, f"layer{i}n")
    return groups


def viewport_for_municipalities(ref: Reference, codes: list[str]) -> tuple[tuple[float, float], int]:
    """Centre and zoom over whole municipalities (generalised precision: never derived from scene points)."""
    shapes = ref.simplified_boundaries[ref.simplified_boundaries["kommun_kod"].isin(codes)]
    return viewport(shapes) if len(shapes) else (COUNTY_CENTER, COUNTY_ZOOM)


def viewport(frame: gpd.GeoDataFrame, width_px: int = 480, height_px: int = 580) -> tuple[tuple[float, float], int]:
    """Centre and zoom that fit `frame` (or the county when empty) in a map of the given size.

    streamlit-folium applies `center`/`zoom` without remounting the map, so following the filters is calm.
    """
    if frame.empty:
        return COUNTY_CENTER, COUNTY_ZOOM
    minx, miny, maxx, maxy = frame.total_bounds

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(maxx - minx, 0.02) * 1.3  # 30 % padding
    lat_span = max(merc(maxy) - merc(miny), 0.004) * 1.3
    zoom_x = math.log2(width_px * 360 / (lon_span * 256))
    zoom_y = math.log2(height_px * 2 * math.pi / (lat_span * 256))
    zoom = int(max(8, min(13, math.floor(min(zoom_x, zoom_y)))))
    return ((miny + maxy) / 2, (minx + maxx) / 2), zoom


def _count_labels(ref: Reference, values: pd.Series, options: MapOptions) -> folium.FeatureGroup:
    """Generalised precision: the number of scenes written at a point inside each municipality (not a scene)."""
    group = folium.FeatureGroup(name=t("map.layer.counts", options.lang), show=True)
    anchors = ref.simplified_boundaries.set_index("kommun_kod").geometry.representative_point()
    for code, value in values.items():
        if not value or pd.isna(value):
            continue
        point = anchors[code]
        label = _format(value, options.lang)
        folium.Marker(
            location=[round(point.y, 4), round(point.x, 4)],
            icon=folium.DivIcon(html=f'<div class="count-label">{safe(label)}</div>', icon_size=(34, 22),
                                icon_anchor=(17, 11), class_name="count-marker"),
            tooltip=folium.Tooltip(f"{safe(ref.municipality_name(str(code)))}: {safe(label)}"),
        ).add_to(group)
    return group


def _format(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text


def legend(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None,
           options: MapOptions) -> list[LegendItem]:
    """Legend entries matching exactly what `layers` draws for the same input."""
    lang = options.lang
    items = [LegendItem("category", ref.category_label(code, lang), _colour(ref.category_color(code)),
                        code[:1].upper())
             for code in ref.categories["code"] if scenes["categories"].map(lambda c, k=code: k in c).any()
             and options.precision == "exact"]
    values = municipality_values(ref, scenes, options.choropleth)
    bounds = choropleth_classes(values)
    items.append(LegendItem("class", "0", _GREYS[0]))
    integer = options.choropleth == "count"
    lower = 1.0 if integer else 0.0
    for i, b in enumerate(bounds):
        if integer:
            label = _format(b, lang) if lower == b else f"{_format(lower, lang)}–{_format(b, lang)}"
        else:
            label = f"{_format(lower, lang)}–{_format(b, lang)}" if i else f"≤ {_format(b, lang)}"
        items.append(LegendItem("class", label, _GREYS[min(i + 1, 4)]))
        lower = b + 1 if integer else b
    if values.isna().any():
        items.append(LegendItem("class", t("map.no_data", lang), "#ffffff", "dashed"))
    if ceased is not None and len(ceased) and options.show_ceased and options.precision == "exact":
        items.append(LegendItem("ceased", t("map.ceased", lang), "#ffffff", "×"))
    items.append(LegendItem("police_area", t("map.police_area", lang), "#333333", "dashed"))
    return items


def legend_html(items: list[LegendItem], title: str) -> str:
    """The legend as a small, escaped HTML block (used in the app and inside exported maps)."""
    rows = []
    for item in items:
        if item.kind == "category":
            swatch = (f'<span style="display:inline-block;width:16px;height:16px;border-radius:50%;'
                      f'background:{_colour(item.colour)};border:2px solid #1a1a1a;color:#fff;font:bold 10px/16px '
                      f'sans-serif;text-align:center">{safe(item.symbol)}</span>')
        elif item.kind == "ceased":
            swatch = ('<span style="display:inline-block;width:16px;height:16px;border-radius:50%;'
                      'border:2px dashed #444;text-align:center;font:bold 11px/14px sans-serif">×</span>')
        elif item.kind == "police_area":
            swatch = '<span style="display:inline-block;width:20px;border-top:2px dashed #333"></span>'
        else:
            border = "1px dashed #555" if item.symbol == "dashed" else "1px solid #555"
            swatch = (f'<span style="display:inline-block;width:16px;height:12px;background:{_colour(item.colour)};'
                      f'border:{border}"></span>')
        rows.append(f'<li style="list-style:none;margin:2px 0">{swatch} {safe(item.label)}</li>')
    return (f'<div class="scenes-legend"><strong>{safe(title)}</strong>'
            f'<ul style="padding:0;margin:4px 0">{"".join(rows)}</ul></div>')


def full_map(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None, options: MapOptions,
             *, title: str = "", notice: str = "") -> folium.Map:
    """Base map, layers, layer control and an in-map legend: for export and for tests."""
    m = base_map(ref, options)
    for group in layers(ref, scenes, ceased, options):
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    box = legend_html(legend(ref, scenes, ceased, options), t("map.legend", options.lang))
    head = (f"<div style='font-weight:bold'>{safe(title)}</div>" if title else "") + (
        f"<div style='color:#7a4d00'>{safe(notice)}</div>" if notice else "")
    _root(m).html.add_child(Element(
        "<div style='position:fixed;bottom:28px;right:10px;z-index:1000;background:#fff;padding:8px 10px;"
        f"border:1px solid #999;border-radius:4px;max-width:320px;font:14px/1.4 sans-serif'>{head}{box}</div>"))
    shown = pd.concat([scenes.geometry, ceased.geometry]) if ceased is not None else scenes.geometry
    if len(shown) and options.precision == "exact":
        minx, miny, maxx, maxy = shown.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(30, 30))
    return m


def export_html(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None, options: MapOptions,
                *, title: str = "", notice: str = "") -> str:
    """A standalone HTML page of the map with every asset inlined: it opens offline (workshop handouts)."""
    page = str(_root(full_map(ref, scenes, ceased, options, title=title, notice=notice)).render())
    page = page.replace("<head>", f"<head>\n<title>{safe(title or t('map.title', options.lang))}</title>", 1)
    return inline_assets(page, options.assets)
