"""The whole map (base, layers, layer control or time steps, in-map legend, fitted view) and the standalone
HTML page with every asset inlined (opens offline)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import folium
import geopandas as gpd
import pandas as pd

from scenes.i18n import t
from scenes.reference import Reference
from scenes.render.assets import inline_assets
from scenes.render.map.base import base_map
from scenes.render.map.geography import geography
from scenes.render.map.layers import layers
from scenes.render.map.leaflet import _root, _stabilise_ids, _TimeControl
from scenes.render.map.legend import legend, legend_html
from scenes.render.map.markup import Text
from scenes.render.map.options import MapOptions, TimeStep
from scenes.render.map.statistic import map_classes
from scenes.render.map.style import EXPORT_LEGEND_PX, safe
from scenes.render.map.viewport import fit_layer, fit_max_zoom, scene_extent


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
    _root(m).html.add_child(Text(
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
    geo = geography(ref)
    return inline_assets(page, options.assets, {geo.file_name: geo.served})
