"""Utveckling as plain data: the progress rows against the goal's trajectory (the page's table and `scenes
progress`), and the breakdown of the shown surveys by a dimension and a measure (what the chart draws, what is
said instead of it, and the table offered).

The page draws these (Altair, tables, captions by catalogue key); the command line prints the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from scenes.domain.disclosure import Disclosure
from scenes.domain.progress import Progress, SurveyStats, allowed_by, baseline_of, progress, trajectory_value
from scenes.model import Goal, Lang, Survey

if TYPE_CHECKING:
    import geopandas as gpd

    from scenes.domain.protection import Protected
    from scenes.reference import Reference
    from scenes.views.dashboard import Dashboard

__all__ = ["DIMENSIONS", "MEASURES", "BreakdownView", "ProgressSummary", "breakdown_view", "dimensions",
           "progress_rows", "progress_summary"]

#: the breakdown's dimensions, with the catalogue key of what their rows are
DIMENSIONS = {"municipality": "col.municipality", "police_area": "col.police_area", "category": "col.categories",
              "district": "col.district"}
#: the breakdown's measures, with the catalogue key of their name
MEASURES = {"scenes": "chart.measure.scenes", "per_100k": "chart.measure.per_100k", "area_ha": "chart.measure.area_ha"}


def progress_rows(stats: list[SurveyStats], goal: Goal) -> list[dict[str, object]]:
    """Per survey, oldest first: count, area, municipalities, police areas, the trajectory value and the on-track
    flag (empty without surveys)."""
    base = baseline_of(stats, goal)
    if base is None:
        return []
    rows = []
    for s in stats:  # the store's order: oldest first
        expected = trajectory_value(goal, base.survey.date, base.scenes, s.survey.date)
        rows.append({"id": s.survey.id, "name": s.survey.name, "date": s.survey.date.isoformat(),
                     "kind": str(s.survey.kind), "scenes": s.scenes,
                     "area_m2": None if s.area_m2 is None else round(s.area_m2, 1),
                     "municipalities": s.municipalities, "police_areas": s.police_areas,
                     "trajectory": round(expected, 2), "on_track": s.scenes <= allowed_by(expected),
                     "demo": s.survey.demo, "baseline": s.survey.id == base.survey.id})
    return rows


@dataclass(frozen=True)
class ProgressSummary:
    """The goal, the progress of the latest survey (None without surveys) and the rows per survey."""

    goal: Goal
    progress: Progress | None
    rows: list[dict[str, object]]


def progress_summary(dash: Dashboard) -> ProgressSummary:
    """The shown surveys against the goal: one reading of the statistics for the rows and the progress."""
    stats, goal = dash.stats(), dash.goal()
    return ProgressSummary(goal, progress(stats, goal, dash.all_surveys()), progress_rows(stats, goal))


def dimensions(*, disclosure: Disclosure) -> dict[str, str]:
    """The dimensions offered: participants (an active disclosure) are promised counts per municipality and local
    police area, never per district."""
    return {k: v for k, v in DIMENSIONS.items() if not (disclosure.active and k == "district")}


@dataclass(frozen=True)
class BreakdownView:
    """One breakdown of the shown surveys as the page shows it."""

    dimension: str
    measure: str
    #: what the chart draws (a withheld count is no bar, nor its area or rate); columns as `breakdown`, + area_ha
    plotted: pd.DataFrame
    #: catalogue key of what is said instead of the chart; None: the chart is drawn
    instead: str | None
    #: municipalities drawn without a rate (no population in the reference table), sorted
    population_missing: tuple[str, ...]
    #: some groups are withheld and not drawn
    withheld: bool
    #: the table offered: as the reader may see it (withheld counts as words), area in hectares; its columns
    #: survey, date, label, scenes, per_100k, area_ha
    table: pd.DataFrame


def breakdown_view(all_scenes: gpd.GeoDataFrame, surveys: list[Survey], ref: Reference, dimension: str,
                   measure: str, *, disclosure: Disclosure, lang: Lang,
                   protected: Callable[[str], Protected] | None) -> BreakdownView:
    """The breakdown by `dimension` (of `DIMENSIONS`) in `measure` (of `MEASURES`). `protected`: each survey's
    protection under `disclosure` by survey id (a cached reader); None: computed."""
    from scenes.domain.breakdown import breakdown, suppressed

    if dimension not in dimensions(disclosure=disclosure):
        raise ValueError(f"No breakdown by {dimension!r} at this precision.")
    data = breakdown(all_scenes, surveys, ref, dimension, lang, disclosure=disclosure, text=False,  # marks withheld
                     protected=protected)
    data["area_ha"] = (data["area_m2"] / 10_000).round(2)
    plotted = disclosure.visible(data, "scenes")
    instead, missing = None, ()
    if measure == "per_100k" and dimension != "municipality":
        instead = "progress.per_100k_only_municipality"
    elif measure == "per_100k" and plotted["per_100k"].isna().all():  # no population is in the reference table
        instead = "progress.no_population"
    elif measure == "per_100k":
        missing = tuple(sorted(set(plotted.loc[plotted["per_100k"].isna(), "label"])))
    table = suppressed(data, disclosure, lang).drop(columns=["survey_id", "key", "area_m2"])  # the area shows in ha
    return BreakdownView(dimension, measure, plotted, instead, missing, len(plotted) < len(data), table)
