"""The statistic per municipality: its value (count or rate), the shading classes, what the small-count rule
withholds, and at generalised precision the count labels written under the names."""

from __future__ import annotations

from collections.abc import Sequence

import folium
import geopandas as gpd
import pandas as pd

from scenes.domain.classes import Classes, count_classes, rate_classes
from scenes.domain.protection import protection
from scenes.i18n import number, t
from scenes.reference import Reference
from scenes.render.map.base import _LINE_PX, _label_plan
from scenes.render.map.leaflet import _Labels
from scenes.render.map.options import MapOptions
from scenes.render.map.style import safe


def municipality_values(ref: Reference, scenes: gpd.GeoDataFrame, measure: str) -> pd.Series:
    """Scene count, or scenes per 100,000 inhabitants (NaN where population is unknown), per municipality."""
    counts: pd.Series = (scenes["kommun_kod"].value_counts(sort=False).rename(None)
                         .reindex(ref.municipalities["kommun_kod"], fill_value=0))
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
    hidden = pd.Series(False, index=values.index)
    if options.disclosure.active:
        withheld = options.withheld or protection(ref, scenes, options.disclosure, filt=options.selection)
        hidden = pd.Series([withheld.hidden("municipality", str(c)) for c in values.index], index=values.index)
    classes = options.classes or map_classes(ref, [scenes], options.choropleth,
                                             max(options.disclosure.threshold, 3))
    return values, hidden, classes


def _value_text(value: float, hidden: bool, options: MapOptions) -> str:
    if hidden:
        return options.disclosure.withheld_text(options.lang)
    if pd.isna(value):
        return t("map.no_data", options.lang)
    return number(value, options.lang, 0 if options.choropleth == "count" else 1)



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
