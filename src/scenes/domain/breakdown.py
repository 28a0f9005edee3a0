"""Breakdowns of scene observations by category, municipality, local police area and district.

A scene with several categories counts once in each of its categories (so category totals can exceed the
scene count; the UI says so). Rates per 100,000 inhabitants are given only where the population is known.
Districts are compared across the 2023 reorganisation by mapping older district codes through the crosswalk.

At generalised precision (`disclosure=`) each survey's counts are those `scenes.domain.protection` leaves: a count
below the threshold, and any count that would let one be worked out from the others and the totals, read
"withheld" (an area withheld at zero is listed too), and what is computed from them (area, rate, change) is left
out. `text=False` keeps the numbers and marks the withheld rows (column `withheld`), for charts; `suppressed`
then writes the table as the reader sees it.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import pandas as pd

from scenes.domain.disclosure import Disclosure
from scenes.domain.figures import measured_area
from scenes.domain.protection import DIMENSIONS, Protected, keyed, protection
from scenes.model import Lang, Survey
from scenes.reference import Reference

__all__ = ["DERIVED", "DIMENSIONS", "breakdown", "change_by", "suppressed"]

#: a survey's `protection` by its id (a page's cached reader)
ProtectedOf = Callable[[str], Protected]
#: columns of a breakdown computed from its scene count (`area_ha` is added by the progress page)
DERIVED = ("area_m2", "area_ha", "per_100k")


_keyed = keyed


def _area(areas: pd.Series) -> float:
    """A group's area as `figures.measured_area` defines it, NaN (a missing cell) when not measured."""
    area = measured_area(areas.to_frame("area_m2"))
    return float("nan") if area is None else area


def _label(ref: Reference, dimension: str, key: str, lang: Lang) -> str:
    if dimension == "category":
        return ref.category_label(key, lang)
    if dimension == "municipality":
        return ref.municipality_name(key)
    if dimension == "police_area":
        return ref.police_area_name(key)
    return ref.district_name(key)


def breakdown(all_scenes: gpd.GeoDataFrame, surveys: list[Survey], ref: Reference, dimension: str,
              lang: Lang, *, disclosure: Disclosure, text: bool = True,
              protected: ProtectedOf | None = None) -> pd.DataFrame:
    """Long table: survey, key, label, scenes, area_m2, per_100k (municipalities with known population only).

    With an active `disclosure` each survey's withheld groups are marked (`withheld`, zeros among them added) and,
    unless `text` is False, the table is `suppressed` (withheld counts as words). `protected`: each survey's
    `protection` under `disclosure` by survey id (a cached reader); by default computed from `all_scenes`.
    """
    keyed = _keyed(pd.DataFrame(all_scenes.drop(columns="geometry")), dimension, ref)
    grouped = keyed.groupby(["survey_id", "key"]).agg(scenes=("scene_id", "count"), area_m2=("area_m2", _area))
    grouped = grouped.reset_index()
    order = {s.id: i for i, s in enumerate(surveys)}
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
    if disclosure.active:
        table = _marked(table, all_scenes, surveys, ref, dimension, disclosure, lang, protected)
    return suppressed(table, disclosure, lang) if text else table


def _marked(table: pd.DataFrame, all_scenes: gpd.GeoDataFrame, surveys: list[Survey], ref: Reference,
            dimension: str, disclosure: Disclosure, lang: Lang, protected: ProtectedOf | None) -> pd.DataFrame:
    """`table` with a `withheld` column from each survey's `protection` (withheld zeros added as rows)."""
    withheld: set[tuple[str, str]] = set()
    extra = []
    for survey in surveys:
        if not (table["survey_id"] == survey.id).any() and not (all_scenes["survey_id"] == survey.id).any():
            continue
        verdict = protected(survey.id) if protected is not None else protection(
            ref, all_scenes[all_scenes["survey_id"] == survey.id], disclosure)
        keys = verdict.hidden_keys(dimension)
        present = set(table.loc[table["survey_id"] == survey.id, "key"])
        withheld |= {(survey.id, k) for k in keys}
        extra += [{"survey_id": survey.id, "survey": survey.name, "date": pd.Timestamp(survey.date), "key": k,
                   "label": _label(ref, dimension, k, lang), "scenes": 0, "area_m2": float("nan"), "per_100k": None}
                  for k in keys if k not in present]
    if extra:
        table = pd.concat([table, pd.DataFrame(extra)], ignore_index=True)
    table["withheld"] = [(s, k) in withheld for s, k in zip(table["survey_id"], table["key"], strict=True)]
    return table


def change_by(earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame, ref: Reference, dimension: str,
              lang: Lang, *, disclosure: Disclosure,
              protected: tuple[Protected, Protected] | None = None) -> pd.DataFrame:
    """Scenes per group in two surveys and the change, largest decrease first.

    With an active `disclosure` the table is `suppressed` (a change with a hidden side is left out, listed last).
    `protected`: the two surveys' `protection` under `disclosure` (cached by the caller); by default computed.
    """
    a = _keyed(pd.DataFrame(earlier.drop(columns="geometry")), dimension, ref).groupby("key").size()
    b = _keyed(pd.DataFrame(later.drop(columns="geometry")), dimension, ref).groupby("key").size()
    hidden_a: set[str] = set()
    hidden_b: set[str] = set()
    if disclosure.active:  # the same cells every view of these surveys withholds (zeros among them)
        before, after = protected or (protection(ref, earlier, disclosure), protection(ref, later, disclosure))
        hidden_a, hidden_b = set(before.hidden_keys(dimension)), set(after.hidden_keys(dimension))
        missing = pd.Series(0, index=sorted((hidden_a | hidden_b) - set(a.index) - set(b.index)), dtype=int)
        a = pd.concat([a, missing])
    table = pd.DataFrame({"earlier": a, "later": b}).fillna(0).astype(int)
    table["change"] = table["later"] - table["earlier"]
    table.index.name = "key"
    table = table.reset_index()
    table["label"] = [_label(ref, dimension, k, lang) for k in table["key"]]
    table = table.sort_values(["change", "label"]).reset_index(drop=True)[["key", "label", "earlier", "later",
                                                                           "change"]]
    if disclosure.active:
        table["withheld_earlier"] = table["key"].isin(hidden_a)
        table["withheld_later"] = table["key"].isin(hidden_b)
    return suppressed(table, disclosure, lang)


def suppressed(table: pd.DataFrame, disclosure: Disclosure, lang: Lang) -> pd.DataFrame:
    """A `breakdown` or `change_by` table as `disclosure` lets it be read (unchanged when nothing is hidden).

    Breakdown: `scenes` withheld (column `withheld`; without it, below the threshold) as words, its `DERIVED`
    columns missing. Change: `earlier` and `later` likewise (`withheld_earlier`, `withheld_later`), `change`
    missing when either side is withheld. The order of rows must not give away what the text hides, so hidden
    rows are put in label order (after the shown ones of their survey; a change table lists its missing changes
    last). The marking columns are dropped.
    """
    if {"withheld", "withheld_earlier"} & set(table.columns):
        table = table.copy()  # the marks are taken off a copy: the caller's table keeps them
    if "scenes" in table.columns:
        hidden = (table.pop("withheld").astype(bool) if "withheld" in table.columns
                  else table["scenes"].map(disclosure.hidden))
        if not disclosure.active or not hidden.any():
            return table
        survey = table.groupby("survey_id", sort=False).ngroup()
        shown_count = table["scenes"].where(~hidden, 0)
        order = pd.DataFrame({"survey": survey, "count": -shown_count, "label": table["label"]})
        keep = order.sort_values(["survey", "count", "label"], kind="stable").index
        table, hidden = table.loc[keep].reset_index(drop=True), hidden.loc[keep].reset_index(drop=True)
        return disclosure.withhold(table, {"scenes": hidden}, DERIVED, lang)
    if "withheld_earlier" in table.columns:
        masks = {"earlier": table.pop("withheld_earlier"), "later": table.pop("withheld_later")}
    else:
        masks = {name: table[name].map(disclosure.hidden) for name in ("earlier", "later")}
    out = disclosure.withhold(table, masks, ("change",), lang)
    if out is table:
        return table
    return out.sort_values(["change", "label"], na_position="last", kind="stable").reset_index(drop=True)
