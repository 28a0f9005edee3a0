"""The legend: entries matching exactly what `layers` draws, and their escaped HTML."""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd

from scenes.i18n import t
from scenes.reference import Reference
from scenes.render.map.options import LegendItem, MapOptions
from scenes.render.map.statistic import _plan
from scenes.render.map.style import BADGES, CLUSTER, ONGOING_RING, _colour, safe


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
