"""Breakdowns of scene observations by category, municipality, local police area and district.

A scene with several categories counts once in each of its categories (so category totals can exceed the
scene count; the UI says so). Rates per 100,000 inhabitants are given only where the population is known.
Districts are compared across the 2023 reorganisation by mapping older district codes through the crosswalk.

At generalised precision a table goes through `suppressed` (or the functions take `disclosure=`): a count below
the threshold becomes "fewer than N", and what is computed from it (area, rate, change) is left out.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from scenes.disclosure import SHOW_ALL, Disclosure
from scenes.model import Survey
from scenes.reference import Reference

__all__ = ["DERIVED", "DIMENSIONS", "breakdown", "change_by", "suppressed"]

#: dimension name -> column of the scene frame
DIMENSIONS = {"category": "categories", "municipality": "kommun_kod", "police_area": "lokalpolisomrade",
              "district": "stadsdel"}
#: columns of a breakdown computed from its scene count (`area_ha` is added by the progress page)
DERIVED = ("area_m2", "area_ha", "per_100k")


def _keyed(frame: pd.DataFrame, dimension: str, ref: Reference) -> pd.DataFrame:
    """One row per (scene, group key) for the dimension; districts mapped to the current scheme."""
    column = DIMENSIONS[dimension]
    out = frame[["survey_id", "scene_id", "area_m2", column]].copy()
    if dimension == "category":
        out = out.explode(column)
    if dimension == "district":
        out = out.dropna(subset=[column])
        out[column] = out[column].map(ref.current_district)
    return out.rename(columns={column: "key"}).dropna(subset=["key"])


def _label(ref: Reference, dimension: str, key: str, lang: str) -> str:
    if dimension == "category":
        return ref.category_label(key, lang)
    if dimension == "municipality":
        return ref.municipality_name(key)
    if dimension == "police_area":
        return ref.police_area_name(key)
    return ref.district_name(key)


def breakdown(all_scenes: gpd.GeoDataFrame, surveys: list[Survey], ref: Reference, dimension: str,
              lang: str = "sv", *, disclosure: Disclosure = SHOW_ALL) -> pd.DataFrame:
    """Long table: survey, key, label, scenes, area_m2, per_100k (municipalities with known population only).

    With an active `disclosure` the table is `suppressed` (counts as text where any is hidden).
    """
    keyed = _keyed(pd.DataFrame(all_scenes.drop(columns="geometry")), dimension, ref)
    grouped = keyed.groupby(["survey_id", "key"]).agg(scenes=("scene_id", "count"),
                                                      area_m2=("area_m2", lambda a: float(a.sum(min_count=1))))
    grouped = grouped.reset_index()
    order = {s.id: i for i, s in enumerate(sorted(surveys, key=lambda s: s.order))}
    names = {s.id: s.name for s in surveys}
    dates = {s.id: s.date for s in surveys}
    grouped = grouped[grouped["survey_id"].isin(order)]
    grouped["survey"] = grouped["survey_id"].map(names)
    grouped["date"] = pd.to_datetime(grouped["survey_id"].map(dates))
    grouped["label"] = [_label(ref, dimension, k, lang) for k in grouped["key"]]
    if dimension == "municipality":
        population = ref.population()
        grouped["per_100k"] = [round(n / population[k] * 100_000, 1) if k in population else None
                               for k, n in zip(grouped["key"], grouped["scenes"], strict=True)]
    else:
        grouped["per_100k"] = None
    grouped["_order"] = grouped["survey_id"].map(order)
    grouped = grouped.sort_values(["_order", "scenes", "label"], ascending=[True, False, True])
    table = grouped.drop(columns="_order")[["survey_id", "survey", "date", "key", "label", "scenes", "area_m2",
                                            "per_100k"]].reset_index(drop=True)
    return suppressed(table, disclosure, lang)


def change_by(earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame, ref: Reference, dimension: str,
              lang: str = "sv", *, disclosure: Disclosure = SHOW_ALL) -> pd.DataFrame:
    """Scenes per group in two surveys and the change, largest decrease first.

    With an active `disclosure` the table is `suppressed` (a change with a hidden side is left out, listed last).
    """
    a = _keyed(pd.DataFrame(earlier.drop(columns="geometry")), dimension, ref).groupby("key").size()
    b = _keyed(pd.DataFrame(later.drop(columns="geometry")), dimension, ref).groupby("key").size()
    table = pd.DataFrame({"earlier": a, "later": b}).fillna(0).astype(int)
    table["change"] = table["later"] - table["earlier"]
    table.index.name = "key"
    table = table.reset_index()
    table["label"] = [_label(ref, dimension, k, lang) for k in table["key"]]
    table = table.sort_values(["change", "label"]).reset_index(drop=True)[["key", "label", "earlier", "later",
                                                                           "change"]]
    return suppressed(table, disclosure, lang)


def suppressed(table: pd.DataFrame, disclosure: Disclosure, lang: str = "sv") -> pd.DataFrame:
    """A `breakdown` or `change_by` table as `disclosure` lets it be read (unchanged when nothing is hidden).

    Breakdown: `scenes` below the threshold as "fewer than N", its `DERIVED` columns missing. Change: `earlier` and
    `later` likewise, `change` missing when either side is hidden. The order of rows must not give away what the
    text hides, so hidden rows are put in label order (after the shown ones of their survey; a change table lists
    its missing changes last).
    """
    if "scenes" in table.columns:
        hidden = table["scenes"].map(disclosure.hidden)
        if not hidden.any():
            return table
        survey = table.groupby("survey_id", sort=False).ngroup()
        shown_count = table["scenes"].where(~hidden, 0)
        order = pd.DataFrame({"survey": survey, "count": -shown_count, "label": table["label"]})
        table = table.loc[order.sort_values(["survey", "count", "label"], kind="stable").index]
        return disclosure.table(table.reset_index(drop=True), "scenes", DERIVED, lang)
    out = disclosure.table(table, ("earlier", "later"), ("change",), lang)
    if out is table:
        return table
    return out.sort_values(["change", "label"], na_position="last", kind="stable").reset_index(drop=True)
