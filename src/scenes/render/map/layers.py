"""The filter-dependent layers: the municipality shading, then the counts (generalised) or the scenes as one
compact data layer, the ceased scenes and the selected scene (exact)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import folium
import geopandas as gpd

from scenes.i18n import t
from scenes.model import Lang
from scenes.reference import Reference
from scenes.render.map.base import _geojson
from scenes.render.map.datalayer import data_layer
from scenes.render.map.geography import Shading, geography
from scenes.render.map.leaflet import _stabilise_ids
from scenes.render.map.options import MapOptions
from scenes.render.map.statistic import _count_labels, _plan, _value_text
from scenes.render.map.style import BADGES, ONGOING_RING, _colour, safe


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


def _scene_kinds(frame: gpd.GeoDataFrame, changes: Mapping[str, str], ref: Reference,
                 lang: Lang, ongoing: frozenset[str] = frozenset()) -> tuple[list[dict[str, str]], list[int]]:
    """The distinct (categories, change, ongoing measure) combinations of `frame` as marker kinds, and each
    scene's kind."""
    ids = frame["scene_id"].astype(str).tolist() if changes or ongoing else [""] * len(frame)
    keys = [(tuple(cats), changes.get(s, ""), s in ongoing)
            for cats, s in zip(frame["categories"].tolist(), ids, strict=True)]
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


def layers(ref: Reference, scenes: gpd.GeoDataFrame, ceased: gpd.GeoDataFrame | None,
           options: MapOptions, *, changes: Mapping[str, str] | None = None,
           selected: str | None = None) -> list[folium.FeatureGroup]:
    """The filter-dependent layers: municipality choropleth, then either counts (generalised) or scenes, ceased
    scenes and the selected scene (exact)."""
    lang = options.lang
    changes = changes or {}
    groups: list[folium.FeatureGroup] = []

    values, hidden, classes = _plan(ref, scenes, options)
    # A withheld count is drawn as "no data or withheld", never in its class (the class would tell it), and so is
    # its rate (rate x population would give the count away).
    cls = [-1 if h else classes.index(v) for v, h in zip(values, hidden, strict=True)]
    shown = [_value_text(v, h, options) for v, h in zip(values, hidden, strict=True)]
    rows = {str(code): {"name": safe(ref.municipality_name(str(code))), "value": safe(text),
                        "fill": classes.colour(c), "nodata": c < 0}
            for code, c, text in zip(values.index, cls, shown, strict=True)}
    choro = folium.FeatureGroup(name=t("map.layer.municipalities", lang), show=options.show_municipalities)
    Shading(geography(ref), rows, (safe(t("map.municipality", lang)),
                                   safe(t(f"map.measure.{options.choropleth}", lang)))).add_to(choro)
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
    if len(scenes):  # one compact data layer for all scene markers, clustered in the browser
        kinds, kind = _scene_kinds(scenes, changes, ref, lang, options.ongoing)
        data_layer(scenes, ref, kinds, kind, districts=True, size=22, cluster=options.cluster).add_to(scene_group)
    groups.append(scene_group)

    if ceased is not None and len(ceased) and options.show_ceased:
        gone = folium.FeatureGroup(name=t("map.layer.ceased", lang), show=True)
        ceased_kind = {"html": "×", "cls": "ceased-marker", "pre": f"{safe(t('map.ceased', lang))}: ", "post": ""}
        data_layer(ceased, ref, [ceased_kind], [0] * len(ceased), districts=False, size=20,
                   cluster=False).add_to(gone)
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
