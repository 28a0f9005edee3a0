"""Map building with folium: a stable base map plus the layers that change with the filters.

Design:
- The *base map* (water, the land around the county, the county outline, police area outlines, municipality
  names) does not depend on filters or on the survey, and its element ids are made deterministic, so
  streamlit-folium sees the same JavaScript on every rerun and never remounts (no flicker; stepping through
  surveys only swaps layers). The *layers* (choropleth, scenes, ceased scenes, counts, the selected scene) go in
  through `feature_group_to_add`.
- Readable without tiles: the background is water, the neighbouring counties are drawn as plain land, the
  county has a dark outline, and municipality names are placed without collisions (each name has the lowest
  zoom from which it fits, `scenes.render.cartography.min_zooms`; a class on the map container hides the others).
- Every user-supplied string is escaped with `safe()` before it reaches folium, which inserts tooltip text as
  HTML inside JavaScript template literals (so backticks and `${` are escaped too).
- Leaflet and MarkerCluster come from the xstatic PyPI packages (see `assets`); no CDN URL is ever emitted.
- Colours: categories use the Okabe–Ito palette from the reference table; every marker also carries the
  category's letter, so colour is never the only carrier of meaning. The choropleth uses few round classes
  (`scenes.domain.classes`) in a colour-blind-safe sequential scheme; clusters are neutral dark grey discs with their
  count, never the plugin's green/yellow/orange.
- Generalised precision (workshop participants): no scene location, name or polygon reaches the map, and a
  count the small-count rule withholds (`scenes.domain.disclosure`, `scenes.domain.protection`) is written "withheld"
  and drawn grey, never in its class.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import folium
import folium.plugins
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from scenes.domain.classes import Classes, count_classes, rate_classes
from scenes.domain.disclosure import Disclosure
from scenes.domain.protection import Protected, protection
from scenes.domain.query import SceneFilter
from scenes.i18n import number, t
from scenes.model import Lang, Precision
from scenes.reference import Reference
from scenes.render.assets import AssetLinks, inline_assets
from scenes.render.cartography import Label, label_anchor, min_zooms

__all__ = [
    "COUNTY_CENTER",
    "LegendItem",
    "MapOptions",
    "TimeStep",
    "base_map",
    "export_html",
    "fit_layer",
    "fit_max_zoom",
    "fit_view",
    "full_map",
    "layers",
    "legend",
    "legend_html",
    "map_classes",
    "municipality_values",
    "safe",
    "scene_extent",
    "viewport",
]

COUNTY_CENTER = (59.40, 18.10)
COUNTY_ZOOM = 9
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WATER = "#c6dbe9"  # the background: sea and lakes (the municipality shapes are land only)
LAND_AROUND = "#e2e2dc"  # the neighbouring counties: land, but not ours
CLUSTER = "#3b3b3b"
#: the width (px) kept free on the right of an exported map's first view: its legend (and step buttons) sit there
EXPORT_LEGEND_PX = 320
NAMES_Z = 625  # the municipality names' pane: above markers (600), below tooltips (650)
_HALO = "1px 1px 0 #fff,-1px -1px 0 #fff,1px -1px 0 #fff,-1px 1px 0 #fff,0 0 3px #fff,0 0 4px #fff"
_ZOOMS = range(6, 19)
_LABEL_ZOOMS = range(7, 16)

BASEMAPS = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
}

#: change code -> the badge drawn on a scene marker (legend: "map.change.<code>")
BADGES = {"new": "+", "merged": "⊕", "split": "÷"}


def safe(text: object) -> str:
    """Escape for HTML *and* for a JavaScript template literal (backtick, `${`, backslash)."""
    s = html.escape("" if text is None else str(text), quote=True)
    return s.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def _colour(value: str) -> str:
    return value if _HEX.match(value or "") else "#777777"


@dataclass(frozen=True)
class MapOptions:
    """How to draw: language, layers shown, choropleth measure and classes, tiles, precision, and presentation.

    Language, precision and disclosure are required (keyword-only): a forgotten one is a TypeError, never a map
    that shows more than its reader may see."""

    lang: Lang = field(kw_only=True)
    choropleth: str = "count"  # "count" or "per_capita"
    show_municipalities: bool = True
    show_police_areas: bool = True
    show_scenes: bool = True
    show_ceased: bool = True
    cluster: bool = True
    basemap: str = "none"  # "none", "osm", or a tile URL template with {z}/{x}/{y}
    basemap_attribution: str = ""
    assets: AssetLinks = field(default_factory=AssetLinks)
    precision: Precision = field(kw_only=True)  # "generalised": counts per municipality only, no scene location
    disclosure: Disclosure = field(kw_only=True)  # withheld counts (`scenes.domain.protection`)
    selection: SceneFilter | None = None  # the filter the scenes drawn were chosen with (what is withheld depends)
    withheld: Protected | None = None  # what the scenes drawn withhold (`protection`, with the whole survey's)
    classes: Classes | None = None  # shading classes shared by every survey shown; None: from the data drawn
    presentation: bool = False  # projector: larger names, labels and legend
    #: scene ids to mark as having an ongoing measure (a ring round the marker, a tooltip line, a legend entry);
    #: empty: nothing marked and the map as without the option. Exact precision only: ignored when generalised.
    ongoing: frozenset[str] = frozenset()

    @property
    def scale(self) -> float:
        return 1.35 if self.presentation else 1.0


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "category", "class", "cluster", "change", "ceased", "ongoing", "selected", "police_area", "county"
    label: str
    colour: str
    symbol: str = ""


@dataclass(frozen=True)
class TimeStep:
    """One survey in a time series: its title, its (filtered) scenes, what ceased since the step before, and
    the change code of each scene that is new since then (`BADGES`)."""

    title: str
    scenes: gpd.GeoDataFrame
    ceased: gpd.GeoDataFrame | None = None
    changes: Mapping[str, str] = field(default_factory=dict)
    withheld: Protected | None = None  # as `MapOptions.withheld`, for this step's scenes


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


class _ZoomClass(MacroElement):
    """Keeps a class `lz-<zoom>` on the map container, so CSS shows only the names that fit at that zoom; and
    tells Leaflet when its container changes size."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "ZoomClass"

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var box = map.getContainer();
            function mark() {
                box.className = box.className.replace(/\\blz-\\d+\\b/g, "").trim()
                    + " lz-" + Math.floor(map.getZoom());  // names placed for zoom z also fit above it
            }
            map.on("zoomend", mark);
            mark();
            // The frame is sized after the map is made (and again in presentation mode): without this, Leaflet
            // keeps the first size and clips the shapes it draws to it.
            if (window.ResizeObserver) {
                new ResizeObserver(function () { map.invalidateSize({pan: false}); }).observe(box);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


class _Labels(MacroElement):
    """Text labels as one element: each [html, lat, lon, width, height, anchor x, anchor y, classes, tooltip]
    becomes a keyboard-less marker, interactive only when it has a tooltip, in `pane` if given (one folium.Marker
    per label would be three elements to render per label on every rerun). The html and tooltip are escaped by
    the caller; the data travels as JSON (`tojson` escapes <, >, & and quotes)."""

    def __init__(self, labels: list[list[object]], pane: str | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "Labels"
        self.labels, self.pane = labels, pane

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            {{ this.labels|tojson }}.forEach(function (n) {
                var m = L.marker([n[1], n[2]], {interactive: !!n[8], keyboard: false,
                    {% if this.pane %}pane: {{ this.pane|tojson }},{% endif %}
                    icon: L.divIcon({html: n[0], iconSize: [n[3], n[4]], iconAnchor: [n[5], n[6]], className: n[7]})
                });
                if (n[8]) { m.bindTooltip(n[8]); }
                m.addTo(group);
            });
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


def _zoom_css() -> str:
    """`.lz-Z .mz-K {display:none}` for every K above Z: a name with min zoom K shows from zoom K on."""
    rules = []
    for z in _ZOOMS:
        hidden = [f".lz-{z} .mz-{k}" for k in range(z + 1, max(_ZOOMS) + 2)]
        rules.append(",".join(hidden) + "{display:none}")
    return "".join(rules)


def _css(scale: float) -> str:
    name_px, count_px = round(13 * scale), round(13 * scale)
    return (
        f"div.leaflet-container{{background:{WATER};font:{round(14 * scale)}px/1.4 'Source Sans Pro',sans-serif}}"
        ".scene-marker{border-radius:50%;border:2px solid #1a1a1a;color:#fff;font:bold 11px/18px sans-serif;"
        "text-align:center;text-shadow:0 0 2px #000}"
        ".scene-marker .badge{position:absolute;top:-9px;right:-10px;min-width:13px;height:13px;border-radius:7px;"
        "background:#fff;border:1.5px solid #1a1a1a;color:#1a1a1a;font:bold 11px/12px sans-serif;text-shadow:none}"
        ".ceased-marker{border-radius:50%;border:2px dashed #444;background:#fff;color:#444;"
        "font:bold 12px/16px sans-serif;text-align:center}"
        f".scene-cluster div{{background:{CLUSTER};color:#fff;border:2px solid #fff;box-shadow:0 0 0 2px {CLUSTER};"
        "border-radius:50%;text-align:center;font:bold 13px/1 sans-serif;display:flex;align-items:center;"
        "justify-content:center;width:100%;height:100%;margin:0;box-sizing:border-box}"
        ".marker-cluster.scene-cluster{background:transparent}"
        f".muni-label{{display:flex;justify-content:center;white-space:nowrap;color:#1a1a1a;font:600 {name_px}px/1.2 "
        f"'Source Sans Pro',sans-serif;text-shadow:{_HALO};pointer-events:none}}"
        f".count-label{{display:flex;justify-content:center;pointer-events:none}}.count-label span{{background:#fff;"
        f"border:2px solid #1a1a1a;border-radius:11px;font:bold {count_px}px/1.3 sans-serif;color:#1a1a1a;"
        "padding:0 6px;white-space:nowrap}"
        + _zoom_css()
    )


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


def _outline(ref: Reference) -> dict[str, object]:
    def build() -> dict[str, object]:
        union = shapely.union_all(ref.simplified_boundaries.geometry.values)
        return {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(union)}
    return _cached(ref, ("outline",), build)  # type: ignore[no-any-return]


def base_map(ref: Reference, options: MapOptions) -> folium.Map:
    """The filter- and survey-independent part: water, surroundings, county outline, police areas, names."""
    m = folium.Map(location=COUNTY_CENTER, zoom_start=COUNTY_ZOOM, tiles=None, control_scale=True)
    # Without a tile layer Leaflet knows no zoom limits, and MarkerCluster needs them: set them on the map.
    m.options.update({"min_zoom": 7, "max_zoom": 18, "zoom_snap": 0.5})
    _apply_assets(m, options.assets)
    _root(m).header.add_child(Element(f"<style>{_css(options.scale)}</style>"))
    if options.basemap and options.basemap != "none":
        url, attribution = BASEMAPS.get(options.basemap, (options.basemap, options.basemap_attribution))
        folium.TileLayer(tiles=url, attr=attribution or options.basemap_attribution or " ",
                         name=t("map.layer.basemap", options.lang), overlay=False, control=False).add_to(m)
    folium.map.CustomPane("outlines", z_index=420, pointer_events=False).add_to(m)
    # Names above the markers and clusters (Leaflet's marker pane is 600, its tooltips 650): a scene disc or a
    # ceased marker never hides "Stockholm"; the names take no pointer events, so what lies under them is clickable.
    folium.map.CustomPane("names", z_index=NAMES_Z, pointer_events=False).add_to(m)
    around = ref.surroundings
    if len(around) and (not options.basemap or options.basemap == "none"):
        folium.GeoJson(_geojson(around, {}), interactive=False, control=False,
                       style_function=lambda _f: {"fillColor": LAND_AROUND, "fillOpacity": 1, "stroke": False},
                       ).add_to(m)
    folium.GeoJson(_outline(ref), interactive=False, control=False, pane="outlines",
                   style_function=lambda _f: {"color": "#1a1a1a", "weight": 2.5, "fill": False}).add_to(m)
    outline = folium.FeatureGroup(name=t("map.layer.police_areas", options.lang), show=options.show_police_areas)
    shapes = ref.police_area_shapes
    folium.GeoJson(
        _geojson(shapes, {"name": [safe(n) for n in shapes["name"]]}),
        style_function=lambda _f: {"color": "#333333", "weight": 2, "dashArray": "6 4", "fill": False},
        interactive=False, pane="outlines",
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


def municipality_values(ref: Reference, scenes: gpd.GeoDataFrame, measure: str) -> pd.Series:
    """Scene count, or scenes per 100,000 inhabitants (NaN where population is unknown), per municipality."""
    counts: pd.Series = scenes.groupby("kommun_kod").size().reindex(ref.municipalities["kommun_kod"], fill_value=0)
    if measure != "per_capita":
        return counts.astype(float)
    pop = pd.Series(ref.population(), dtype=float).reindex(counts.index)
    rate: pd.Series = (counts / pop * 100_000).round(1)
    return rate


def map_classes(ref: Reference, frames: Sequence[gpd.GeoDataFrame], measure: str, threshold: int = 3) -> Classes:
    """Classes from the largest municipality value over all `frames` (every survey of a series), so a colour
    means the same in each of them."""
    top = 0.0
    for frame in frames:
        values = municipality_values(ref, frame, measure)
        if values.notna().any():
            top = max(top, float(values.max()))
    return rate_classes(top) if measure == "per_capita" else count_classes(top, threshold)


def _plan(ref: Reference, scenes: gpd.GeoDataFrame, options: MapOptions) -> tuple[pd.Series, pd.Series, Classes]:
    """Per municipality: the value, whether its count is withheld (`scenes.domain.protection`: the same municipalities
    as every other view of these scenes), and the classes used."""
    values = municipality_values(ref, scenes, options.choropleth)
    counts = municipality_values(ref, scenes, "count")
    hidden = pd.Series(False, index=counts.index)
    if options.disclosure.active:
        withheld = options.withheld or protection(ref, scenes, options.disclosure, filt=options.selection)
        hidden = pd.Series([withheld.hidden("municipality", str(c)) for c in counts.index], index=counts.index)
    classes = options.classes or map_classes(ref, [scenes], options.choropleth,
                                             max(options.disclosure.threshold, 3))
    return values, hidden, classes


def _value_text(value: float, hidden: bool, options: MapOptions) -> str:
    if hidden:
        return options.disclosure.withheld_text(options.lang)
    if pd.isna(value):
        return t("map.no_data", options.lang)
    return number(value, options.lang, 0 if options.choropleth == "count" else 1)


#: the ring round a scene with an ongoing measure: black on a white gap, so it reads on any fill (a shape, not a hue)
ONGOING_RING = "box-shadow:0 0 0 2px #ffffff,0 0 0 4px #000000;"


def _marker_html(codes: list[str], change: str, ref: Reference, ongoing: bool = False) -> str:
    colours = [_colour(ref.category_color(c)) for c in codes] or ["#777777"]
    if len(colours) == 1:
        background = colours[0]
    else:
        step = 100 / len(colours)
        stops = ",".join(f"{c} {i * step:.0f}% {(i + 1) * step:.0f}%" for i, c in enumerate(colours))
        background = f"conic-gradient({stops})"
    letters = "".join(c[:1].upper() for c in codes)
    badge = f'<span class="badge">{BADGES[change]}</span>' if change in BADGES else ""
    ring = ONGOING_RING if ongoing else ""
    return (f'<div style="position:relative;background:{background};width:18px;height:18px;border-radius:50%'
            f'{";" + ring if ring else ""}">{safe(letters)}{badge}</div>')


def _place_parts(frame: gpd.GeoDataFrame, ref: Reference, districts: bool) -> dict[str, object]:
    """The tooltip's place line as indices into three tables of escaped names: municipality, police area and
    (when `districts`) district; -1 where there is none."""
    parts: dict[str, object] = {}
    columns = [("m", frame["kommun"].map(safe)),
               ("l", frame["lokalpolisomrade"].map(lambda c: safe(ref.police_area_name(str(c)))))]
    if districts:
        columns.append(("d", frame["stadsdel"].map(lambda c: safe(ref.district_name(str(c))) if c else "")))
    for key, values in columns:
        codes, names = pd.factorize(values)
        empty = [i for i, n in enumerate(names) if not n]
        parts[key] = [-1 if c in empty else int(c) for c in codes]
        parts[key + "n"] = [str(n) for n in names]
    return parts


class _PointLayer(MacroElement):
    """Thousands of point markers as one compact data block, made into markers in the browser.

    Each point carries its position ([lat, lon]), its escaped name, indices into tables of escaped place names and
    the index of its *kind*; a kind holds the marker's HTML and class and the tooltip text before and after the
    place line (all escaped here, in Python). That is about a fifth of the bytes of one GeoJSON feature with a
    full tooltip per point, and the markers go to a cluster in one `addLayers` call. The tooltip is put together
    on hover. The data travels as JSON inside the script (`tojson` escapes <, >, & and quotes).
    """

    def __init__(self, data: dict[str, object], size: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "PointLayer"
        self.data, self.size = data, size

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (parent) {
            var d = {{ this.data|tojson }};
            var half = {{ this.size // 2 }}, icons = d.kinds.map(function (k) {
                return L.divIcon({html: k.html, className: k.cls, iconSize: [{{ this.size }}, {{ this.size }}],
                                  iconAnchor: [half, half]});
            });
            function place(key, i) { var n = d[key] ? d[key][i] : -1; return n < 0 ? "" : d[key + "n"][n]; }
            function tip(layer) {
                var i = layer.options.i, k = d.kinds[d.k[i]];
                var where = [place("m", i), place("l", i), place("d", i)].filter(Boolean).join(" · ");
                return k.pre + "<b>" + d.n[i] + "</b><br>" + where + k.post;
            }
            var markers = new Array(d.n.length);
            for (var i = 0; i < d.n.length; i++) {
                markers[i] = L.marker(d.p[i], {icon: icons[d.k[i]], i: i})
                    .bindTooltip(tip, {sticky: true});
            }
            if (parent.addLayers) { parent.addLayers(markers); }
            else { markers.forEach(function (m) { parent.addLayer(m); }); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _point_layer(frame: gpd.GeoDataFrame, ref: Reference, kinds: list[dict[str, str]], kind: Sequence[int],
                 *, districts: bool, size: int) -> _PointLayer:
    """A `_PointLayer` of `frame`'s scenes at their representative points; `kind[i]` indexes `kinds`."""
    anchors = frame.geometry.representative_point()
    data: dict[str, object] = {
        "kinds": kinds, "k": [int(k) for k in kind], "n": [safe(n) for n in frame["name"]],
        "p": [[round(float(y), 6), round(float(x), 6)] for y, x in zip(anchors.y, anchors.x, strict=True)],
        **_place_parts(frame, ref, districts),
    }
    return _PointLayer(data, size)


def _scene_kinds(frame: gpd.GeoDataFrame, changes: Mapping[str, str], ref: Reference,
                 lang: Lang, ongoing: frozenset[str] = frozenset()) -> tuple[list[dict[str, str]], list[int]]:
    """The distinct (categories, change, ongoing measure) combinations of `frame` as marker kinds, and each
    scene's kind."""
    keys = [(tuple(cats), changes.get(str(s), ""), str(s) in ongoing)
            for cats, s in zip(frame["categories"], frame["scene_id"], strict=True)]
    index: dict[tuple[tuple[str, ...], str, bool], int] = {}
    kinds: list[dict[str, str]] = []
    for key in keys:
        if key not in index:
            cats, change, marked = key
            index[key] = len(kinds)
            tail = _tooltip_tail(cats, change, ref, lang)
            if marked:
                tail += f"<br><i>{safe(t('coord.map_legend', lang))}</i>"
            kinds.append({"html": _marker_html(list(cats), change, ref, marked),
                          "cls": "scene-marker measure-ongoing" if marked else "scene-marker", "pre": "",
                          "post": tail})
    return kinds, [index[k] for k in keys]


def _tooltip_tail(cats: Sequence[str], change: str, ref: Reference, lang: Lang) -> str:
    """A scene tooltip's lines after its place line: the categories, and the change since the survey compared."""
    labels = safe(", ".join(ref.category_label(c, lang) for c in cats))
    return f"<br>{labels}" + (f"<br><i>{safe(t('map.change.' + change, lang))}</i>" if change else "")


def _scene_tooltip(row: Mapping[str, object], ref: Reference, lang: Lang, change: str) -> str:
    """The full tooltip of a polygon scene (the polygons are few: each carries its own), as the point layer's
    script puts it together for a point: name, place line, then `_tooltip_tail`."""
    place = [row["kommun"], ref.police_area_name(str(row["lokalpolisomrade"]))]
    if row["stadsdel"]:
        place.append(ref.district_name(str(row["stadsdel"])))
    return (f"<b>{safe(row['name'])}</b><br>" + " · ".join(safe(p) for p in place)
            + _tooltip_tail(row["categories"], change, ref, lang))  # type: ignore[arg-type]


_CLUSTER_ICON = """function (cluster) {
    var n = cluster.getChildCount(), size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({html: '<div>' + n + '</div>', className: 'marker-cluster scene-cluster',
                      iconSize: L.point(size, size)});
}"""


def layers(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None,
           options: MapOptions, *, changes: Mapping[str, str] | None = None,
           selected: str | None = None) -> list[folium.FeatureGroup]:
    """The filter-dependent layers: municipality choropleth, then either counts (generalised) or scenes, ceased
    scenes and the selected scene (exact)."""
    lang = options.lang
    changes = changes or {}
    groups: list[folium.FeatureGroup] = []

    values, hidden, classes = _plan(ref, scenes, options)
    shapes = ref.simplified_boundaries.set_index("kommun_kod").reindex(values.index).reset_index()
    # A withheld count is drawn as "no data or withheld", never in its class (the class would tell it), and so is
    # its rate (rate x population would give the count away).
    cls = [-1 if h else classes.index(v) for v, h in zip(values, hidden, strict=True)]
    shown = [_value_text(v, h, options) for v, h in zip(values, hidden, strict=True)]
    choro = folium.FeatureGroup(name=t("map.layer.municipalities", lang), show=options.show_municipalities)
    folium.GeoJson(
        _geojson(shapes, {"name": [safe(n) for n in shapes["kommun"]], "value": [safe(s) for s in shown],
                          "fill": [classes.colour(c) for c in cls], "nodata": [c < 0 for c in cls]}),
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"], "fillOpacity": 0.9, "color": "#8c8c8c", "weight": 1,
            "dashArray": "3 3" if f["properties"]["nodata"] else None,
        },
        tooltip=folium.GeoJsonTooltip(fields=["name", "value"],
                                      aliases=[safe(t("map.municipality", lang)),
                                               safe(t(f"map.measure.{options.choropleth}", lang))]),
    ).add_to(choro)
    groups.append(choro)
    if options.precision == "generalised":
        groups.append(_count_labels(ref, values, hidden, options))
        for i, g in enumerate(groups):
            _stabilise_ids(g, f"layer{i}n")
        return groups

    scene_group = folium.FeatureGroup(name=t("map.layer.scenes", lang), show=options.show_scenes)
    is_polygon = scenes.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    polygons = scenes[is_polygon]
    if len(polygons):
        folium.GeoJson(
            _geojson(polygons, {"colour": [_colour(ref.category_color(c[0])) if c else "#777777"
                                           for c in polygons["categories"]],
                                "tip": [_scene_tooltip(row, ref, lang, changes.get(str(row["scene_id"]), ""))
                                        for row in polygons.to_dict("records")]}),
            style_function=lambda f: {"color": f["properties"]["colour"], "weight": 2, "fillOpacity": 0.25,
                                      "fillColor": f["properties"]["colour"]},
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
        ).add_to(scene_group)
    target: folium.FeatureGroup | folium.plugins.MarkerCluster = scene_group
    if options.cluster:
        cluster = folium.plugins.MarkerCluster(  # type: ignore[no-untyped-call]  # folium's plugin is untyped
            name=t("map.layer.scenes", lang), control=False, icon_create_function=_CLUSTER_ICON,
            options={"maxClusterRadius": 35, "disableClusteringAtZoom": 11, "spiderfyOnMaxZoom": False,
                     "showCoverageOnHover": False})
        cluster.default_js, cluster.default_css = [], []  # served with the map's assets
        cluster.add_to(scene_group)
        target = cluster
    if len(scenes):  # one compact data block for all scene markers (not one folium.Marker each)
        kinds, kind = _scene_kinds(scenes, changes, ref, lang, options.ongoing)
        _point_layer(scenes, ref, kinds, kind, districts=True, size=22).add_to(target)
    groups.append(scene_group)

    if ceased is not None and len(ceased) and options.show_ceased:
        gone = folium.FeatureGroup(name=t("map.layer.ceased", lang), show=True)
        ceased_kind = {"html": "×", "cls": "ceased-marker", "pre": f"{safe(t('map.ceased', lang))}: ", "post": ""}
        _point_layer(ceased, ref, [ceased_kind], [0] * len(ceased), districts=False, size=20).add_to(gone)
        groups.append(gone)
    if selected is not None:
        groups.append(_selection(scenes, selected, lang))
    for i, g in enumerate(groups):
        _stabilise_ids(g, f"layer{i}n")
    return groups


def _selection(scenes: gpd.GeoDataFrame, selected: str, lang: Lang) -> folium.FeatureGroup:
    """A ring (and outline) around the selected scene, drawn above everything else."""
    group = folium.FeatureGroup(name=t("map.layer.selected", lang), show=True, control=False)
    rows = scenes[scenes["scene_id"].astype(str) == selected]
    for geom in rows.geometry:
        point = geom.representative_point()
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            folium.GeoJson(geom.__geo_interface__, interactive=False,
                           style_function=lambda _f: {"color": "#000000", "weight": 4, "fill": False}).add_to(group)
        for colour, weight in (("#ffffff", 7), ("#000000", 3)):
            folium.CircleMarker(location=[round(point.y, 6), round(point.x, 6)], radius=17, color=colour,
                                weight=weight, fill=False, interactive=False,
                                class_name="selected-scene").add_to(group)
    return group


Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east)), WGS 84

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


def fit_view(bounds: Bounds, width_px: int, height_px: int, *, max_zoom: float = FIT_MAX_ZOOM,
             min_zoom: float = FIT_MIN_ZOOM) -> tuple[tuple[float, float], float]:
    """Centre and zoom (in the map's half steps) at which `bounds` fits a map of the given size, as Leaflet's
    `fitBounds` does it; the server's first guess before the browser fits to the real size (`fit_layer`)."""
    (south, west), (north, east) = bounds
    zoom_x = math.log2(width_px * 360 / (max(east - west, 1e-9) * 256))
    zoom_y = math.log2(height_px * 2 * math.pi / (max(_merc(north) - _merc(south), 1e-9) * 256))
    zoom = max(min_zoom, min(max_zoom, math.floor(min(zoom_x, zoom_y) * 2) / 2))
    return (round((south + north) / 2, 6), round((west + east) / 2, 6)), int(zoom) if zoom.is_integer() else zoom


class _FitScenes(MacroElement):
    """Fits the map to `bounds` in the browser, at the map's real size, once per box: a new selection of scenes
    is framed, while stepping through time or clicking a scene (the same box) keeps the reader's view. Until the
    reader pans or zooms, a resize of the map (presentation mode sizes it to the window) fits it again. Runs after
    streamlit-folium's own `setView` (a timeout), so the real size wins over the server's guess. `padding` is
    [left, top, right, bottom] pixels kept free (a legend's corner)."""

    def __init__(self, bounds: Bounds, padding: tuple[int, int, int, int], max_zoom: float) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "FitScenes"
        self.bounds, self.padding, self.max_zoom = [list(bounds[0]), list(bounds[1])], list(padding), max_zoom

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var bounds = {{ this.bounds|tojson }}, pad = {{ this.padding|tojson }};
            var key = JSON.stringify([bounds, pad]);
            function go() {
                var map = group._map;
                if (!map || (map._scenesFit && map._scenesFit.key === key)) { return; }
                var state = map._scenesFit = {key: key, auto: true};
                state.fit = function () {
                    if (map._scenesFit !== state || !state.auto) { return; }
                    map.fitBounds(bounds, {paddingTopLeft: [pad[0], pad[1]], paddingBottomRight: [pad[2], pad[3]],
                                           maxZoom: {{ this.max_zoom }}, animate: false});
                };
                if (!map._scenesFitHooked) {
                    map._scenesFitHooked = true;
                    map.on("resize", function () { if (map._scenesFit) { map._scenesFit.fit(); } });
                    L.DomEvent.on(map.getContainer(), "mousedown wheel touchstart keydown", function () {
                        if (map._scenesFit) { map._scenesFit.auto = false; }  // the reader moves the map
                    });
                }
                setTimeout(state.fit, 0);
            }
            if (group._map) { go(); } else { group.once("add", go); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def fit_max_zoom(basemap: str) -> float:
    """The closest zoom a fitted view goes to over `basemap` ("none": no tiles)."""
    return FIT_MAX_ZOOM_PLAIN if not basemap or basemap == "none" else FIT_MAX_ZOOM


def fit_layer(bounds: Bounds, *, padding: tuple[int, int, int, int] = (0, 0, 0, 0),
              max_zoom: float = FIT_MAX_ZOOM) -> folium.FeatureGroup:
    """A layer with nothing to draw that fits the map to `bounds` in the browser (`_FitScenes`): add it with the
    other layers."""
    group = folium.FeatureGroup(name="fit", show=True, control=False)
    _FitScenes(bounds, padding, max_zoom).add_to(group)
    _stabilise_ids(group, "fitn")
    return group


def viewport(frame: gpd.GeoDataFrame, width_px: int = 480, height_px: int = 580,
             padding: float = 1.3) -> tuple[tuple[float, float], float]:
    """Centre and zoom that fit `frame` (or the county when empty) in a map of the given size.

    streamlit-folium applies `center`/`zoom` without remounting the map, so following the filters is calm.
    """
    if frame.empty:
        return COUNTY_CENTER, COUNTY_ZOOM
    minx, miny, maxx, maxy = frame.total_bounds

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(maxx - minx, 0.02) * padding  # 30 % by default
    lat_span = max(merc(maxy) - merc(miny), 0.004) * padding
    zoom_x = math.log2(width_px * 360 / (lon_span * 256))
    zoom_y = math.log2(height_px * 2 * math.pi / (lat_span * 256))
    zoom = max(7.0, min(13.0, math.floor(min(zoom_x, zoom_y) * 2) / 2))  # half steps (the map's zoomSnap)
    return ((miny + maxy) / 2, (minx + maxx) / 2), int(zoom) if zoom.is_integer() else zoom


def _count_labels(ref: Reference, values: pd.Series, hidden: pd.Series, options: MapOptions) -> folium.FeatureGroup:
    """Generalised precision: each municipality's value written under its name (at the name's place, shown from
    the same zoom, so labels never collide); small counts as "fewer than 3"."""
    group = folium.FeatureGroup(name=t("map.layer.counts", options.lang), show=True)
    plan = {code: (lat, lon, zoom) for code, _name, lat, lon, zoom in _label_plan(ref, 2, options.scale)}
    height = round(_LINE_PX * options.scale)
    labels = []
    for code, value, small in zip(values.index, values, hidden, strict=True):
        if (not value or pd.isna(value)) and not small:
            continue
        lat, lon, zoom = plan[str(code)]
        label = _value_text(value, bool(small), options)
        width = round(len(label) * 8 * options.scale) + 20
        labels.append([f"<span>{safe(label)}</span>", round(lat, 5), round(lon, 5), width, height, width // 2, 0,
                       f"count-label mz-{zoom}", f"{safe(ref.municipality_name(str(code)))}: {safe(label)}"])
    _Labels(labels).add_to(group)
    return group


def legend(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None,
           options: MapOptions, *, changes: Mapping[str, str] | None = None) -> list[LegendItem]:
    """Legend entries matching exactly what `layers` draws for the same input."""
    lang = options.lang
    exact = options.precision == "exact"
    items = [LegendItem("category", ref.category_label(code, lang), _colour(ref.category_color(code)),
                        code[:1].upper())
             for code in ref.categories["code"] if exact and scenes["categories"].map(lambda c, k=code: k in c).any()]
    if exact and options.cluster and len(scenes):
        items.append(LegendItem("cluster", t("map.cluster", lang), CLUSTER, "n"))
    present = set((changes or {}).values())
    items += [LegendItem("change", t(f"map.change.{code}", lang), "#ffffff", badge)
              for code, badge in BADGES.items() if exact and code in present]
    if ceased is not None and len(ceased) and options.show_ceased and exact:
        items.append(LegendItem("ceased", t("map.ceased", lang), "#ffffff", "×"))
    if exact and options.ongoing and scenes["scene_id"].astype(str).isin(options.ongoing).any():
        items.append(LegendItem("ongoing", t("coord.map_legend", lang), "#000000"))
    values, hidden, classes = _plan(ref, scenes, options)
    items.append(LegendItem("heading", t(f"map.measure.{options.choropleth}", lang), ""))
    items.append(LegendItem("class", "0", classes.colour(0)))
    for i, label in enumerate(classes.labels(lang)):
        if options.choropleth == "count" and i == 0 and options.disclosure.hidden(classes.bounds[0]):
            continue  # the first class is exactly the small counts: they are drawn as withheld instead
        items.append(LegendItem("class", label, classes.colour(i + 1)))
    if values.isna().any() or hidden.any():
        text = t("map.no_data", lang) if not hidden.any() else t(
            "map.no_data_or_few", lang, n=options.disclosure.threshold)
        items.append(LegendItem("class", text, classes.colour(-1), "dashed"))
    items.append(LegendItem("county", t("map.county", lang), "#1a1a1a"))
    items.append(LegendItem("police_area", t("map.police_area", lang), "#333333", "dashed"))
    return items


def legend_html(items: list[LegendItem], title: str, *, large: bool = False) -> str:
    """The legend as a small, escaped HTML block (used in the app and inside exported maps); `large` for a
    projector."""
    size = "font-size:20px;line-height:1.5" if large else ""
    rows = []
    for item in items:
        if item.kind == "heading":
            rows.append(f'<li style="list-style:none;margin:6px 0 2px;font-weight:600;{size}">{safe(item.label)}</li>')
            continue
        if item.kind == "category":
            swatch = (f'<span style="display:inline-block;width:16px;height:16px;border-radius:50%;'
                      f'background:{_colour(item.colour)};border:2px solid #1a1a1a;color:#fff;font:bold 10px/16px '
                      f'sans-serif;text-align:center">{safe(item.symbol)}</span>')
        elif item.kind == "cluster":
            swatch = ('<span style="display:inline-block;width:20px;height:20px;border-radius:50%;'
                      f'background:{CLUSTER};border:2px solid #fff;box-shadow:0 0 0 2px {CLUSTER};color:#fff;'
                      'font:bold 10px/20px sans-serif;text-align:center">12</span>')
        elif item.kind in ("ceased", "change"):
            border = "dashed" if item.kind == "ceased" else "solid"
            swatch = (f'<span style="display:inline-block;width:16px;height:16px;border-radius:50%;'
                      f'border:2px {border} #444;text-align:center;font:bold 11px/14px sans-serif">'
                      f'{safe(item.symbol)}</span>')
        elif item.kind == "ongoing":
            swatch = ('<span style="display:inline-block;width:12px;height:12px;border-radius:50%;margin:4px;'
                      f'background:#777777;{ONGOING_RING}"></span>')
        elif item.kind == "police_area":
            swatch = '<span style="display:inline-block;width:20px;border-top:2px dashed #333"></span>'
        elif item.kind == "county":
            swatch = '<span style="display:inline-block;width:20px;border-top:3px solid #1a1a1a"></span>'
        else:
            border = "1px dashed #555" if item.symbol == "dashed" else "1px solid #555"
            swatch = (f'<span style="display:inline-block;width:18px;height:13px;background:{_colour(item.colour)};'
                      f'border:{border}"></span>')
        rows.append(f'<li style="list-style:none;margin:2px 0;{size}">{swatch} {safe(item.label)}</li>')
    heading = f"<strong>{safe(title)}</strong>" if title else ""
    return (f'<div class="scenes-legend" style="{size}">{heading}'
            f'<ul style="padding:0;margin:4px 0">{"".join(rows)}</ul></div>')


class _TimeControl(MacroElement):
    """In an exported map: previous/next buttons that show one survey's layers at a time."""

    def __init__(self, groups: list[str], titles: list[str], start: int, labels: tuple[str, str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "TimeControl"
        self.groups, self.titles, self.start, self.labels = groups, titles, start, labels

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var groups = [{% for g in this.groups %}{{ g }}{{ "," if not loop.last }}{% endfor %}];
            var titles = {{ this.titles | tojson }};
            var at = {{ this.start }};
            var box = L.DomUtil.create("div", "time-control leaflet-bar");
            box.style.cssText = "background:#fff;padding:6px 8px;font:15px/1.4 sans-serif;display:flex;gap:8px;"
                + "align-items:center";
            var prev = L.DomUtil.create("button", "", box), title = L.DomUtil.create("strong", "", box),
                next = L.DomUtil.create("button", "", box);
            prev.textContent = "\u25c0"; next.textContent = "\u25b6";
            prev.title = {{ this.labels[0] | tojson }}; next.title = {{ this.labels[1] | tojson }};
            prev.setAttribute("aria-label", prev.title); next.setAttribute("aria-label", next.title);
            title.setAttribute("aria-live", "polite");
            function show(i) {
                at = Math.max(0, Math.min(groups.length - 1, i));
                groups.forEach(function (g, j) { if (j === at) { map.addLayer(g); } else { map.removeLayer(g); } });
                title.textContent = titles[at];
                prev.disabled = at === 0; next.disabled = at === groups.length - 1;
            }
            L.DomEvent.on(prev, "click", function (e) { L.DomEvent.stop(e); show(at - 1); });
            L.DomEvent.on(next, "click", function (e) { L.DomEvent.stop(e); show(at + 1); });
            L.DomEvent.disableClickPropagation(box);
            var Ctl = L.Control.extend({onAdd: function () { return box; }});
            new Ctl({position: "topright"}).addTo(map);
            show(at);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def full_map(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None, options: MapOptions,
             *, title: str = "", notice: str = "", timeline: Sequence[TimeStep] | None = None,
             current: int | None = None) -> folium.Map:
    """Base map, layers, layer control and an in-map legend: for export and for tests.

    With a `timeline`, every step's layers are drawn in their own group and buttons step through them (the
    classes are shared, so colours mean the same in every step); `current` is the step shown first.
    """
    steps = list(timeline) if timeline else [TimeStep(title=title, scenes=scenes, ceased=ceased)]
    if options.classes is None:
        threshold = max(options.disclosure.threshold, 3)
        options = replace(options, classes=map_classes(ref, [s.scenes for s in steps], options.choropleth, threshold))
    m = base_map(ref, options)
    names = []
    for i, step in enumerate(steps):
        holder = folium.FeatureGroup(name=step.title or t("map.layer.scenes", options.lang), show=False,
                                     control=False) if timeline else m
        if timeline:  # the same map gives the same file (`scenes map` and the page's download are compared)
            _stabilise_ids(holder, f"step{i}n")
        drawn = replace(options, withheld=step.withheld) if timeline else options
        for j, group in enumerate(layers(ref, step.scenes, step.ceased, drawn, changes=step.changes)):
            if timeline:
                _stabilise_ids(group, f"step{i}g{j}n")
            group.add_to(holder)
        if timeline:
            assert isinstance(holder, folium.FeatureGroup)  # noqa: S101 - built just above
            holder.add_to(m)
            names.append(holder.get_name())
    if timeline:
        start = len(steps) - 1 if current is None else current
        _TimeControl(names, [s.title for s in steps], start,
                     (t("map.time.previous", options.lang), t("map.time.next", options.lang))).add_to(m)
    else:
        folium.LayerControl(collapsed=False).add_to(m)
    all_scenes = pd.concat([s.scenes for s in steps]) if steps else scenes
    all_ceased = [s.ceased for s in steps if s.ceased is not None and len(s.ceased)]
    changes = {k: v for s in steps for k, v in s.changes.items()}
    box = legend_html(legend(ref, all_scenes, all_ceased[0] if all_ceased else None, options, changes=changes),
                      "", large=options.presentation)  # titled by the <details> summary below
    head = (f"<div style='font-weight:bold'>{safe(title)}</div>" if title else "") + (
        f"<div style='color:#7a4d00'>{safe(notice)}</div>" if notice else "")
    # The legend in the bottom-right corner, foldable (a <details> open at first); the view is fitted with that
    # side kept free (`EXPORT_LEGEND_PX`), so at the first view it covers no scene and no municipality it shows.
    _root(m).html.add_child(Element(
        "<details open class='export-legend' style='position:fixed;bottom:28px;right:10px;z-index:1000;"
        f"background:#fff;padding:6px 10px;border:1px solid #999;border-radius:4px;width:{EXPORT_LEGEND_PX - 40}px;"
        "max-height:calc(100vh - 120px);overflow:auto;box-sizing:border-box;font:14px/1.4 sans-serif'>"
        f"<summary style='cursor:pointer;font-weight:600'>{safe(t('map.legend', options.lang))}</summary>"
        f"{head}{box}</details>"))
    frames = [s.scenes for s in steps] + all_ceased
    fit_layer(scene_extent(ref, frames, precision=options.precision), padding=(10, 10, EXPORT_LEGEND_PX, 10),
              max_zoom=fit_max_zoom(options.basemap)).add_to(m)
    return m


def export_html(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None, options: MapOptions,
                *, title: str = "", notice: str = "", timeline: Sequence[TimeStep] | None = None,
                current: int | None = None) -> str:
    """A standalone HTML page of the map with every asset inlined: it opens offline (workshop handouts).

    With a `timeline` the page steps through the surveys (previous/next), as the app does."""
    m = full_map(ref, scenes, ceased, options, title=title, notice=notice, timeline=timeline, current=current)
    page = str(_root(m).render())
    page = page.replace("<head>", f"<head>\n<title>{safe(title or t('map.title', options.lang))}</title>", 1)
    page = page.replace("<html>", f'<html lang="{safe(options.lang)}">', 1)
    return inline_assets(page, options.assets)
