"""Progress toward the steering group's goal: per-survey statistics and the goal trajectory.

The trajectory is a straight line from the baseline survey (its date and scene count) to the goal
(target date and target count). A survey is *on track* when its count is at or below the line on its date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from scenes.domain.figures import measured_area
from scenes.i18n import t
from scenes.model import Goal, Lang, Survey

__all__ = ["BaselineSwap", "Progress", "SurveyStats", "baseline_of", "baseline_swap", "progress",
           "survey_stats", "swap_text", "trajectory_value"]


@dataclass(frozen=True)
class SurveyStats:
    """What one survey says, in numbers."""

    survey: Survey
    scenes: int
    municipalities: int
    police_areas: int
    districts: int
    area_m2: float | None  # total polygon area (`figures.measured_area`); None: not measured (no polygon)
    polygons: int


def survey_stats(surveys: list[Survey], all_scenes: gpd.GeoDataFrame) -> list[SurveyStats]:
    """Statistics per survey, in the order of `surveys`, from one frame of all scene observations."""
    out = []
    for survey in surveys:
        s = all_scenes.loc[all_scenes["survey_id"] == survey.id]
        out.append(SurveyStats(
            survey=survey,
            scenes=len(s),
            municipalities=int(s["kommun_kod"].nunique()),
            police_areas=int(s["lokalpolisomrade"].nunique()),
            districts=int(s["stadsdel"].dropna().nunique()),
            area_m2=measured_area(s),
            polygons=int(s["area_m2"].notna().sum()),
        ))
    return out


def trajectory_value(goal: Goal, baseline_date: dt.date, baseline_count: float, day: dt.date) -> float:
    """Scene count on the straight line from the baseline to the goal, at `day` (clamped to the ends)."""
    span = (goal.target_date - baseline_date).days
    if span <= 0:
        return float(goal.target_count)
    share = min(max((day - baseline_date).days / span, 0.0), 1.0)
    return baseline_count + share * (goal.target_count - baseline_count)


@dataclass(frozen=True)
class BaselineSwap:
    """The goal names a baseline survey that is not shown: which, why, and which survey is used instead."""

    chosen_id: str
    chosen_name: str  # the id when the survey no longer exists
    reason: str  # "withdrawn", "demo" (hidden beside real data) or "removed"
    used: Survey


@dataclass(frozen=True)
class Progress:
    """The latest survey against the baseline and the goal.

    A comparison names its two surveys: with the baseline being the latest survey (a single survey, or the
    baseline withdrawn so that the earliest shown survey is the latest) there is no change at all, None, and the
    pages show no arrow.
    """

    baseline: SurveyStats
    latest: SurveyStats
    goal: Goal
    change: int | None  # latest - baseline, in scenes; None: nothing to compare with
    change_pct: float | None
    area_change_pct: float | None  # None also when either area was not measured
    expected: float  # the trajectory's value on the latest survey's date
    ahead_by: float  # expected - latest: positive means ahead of the trajectory (fewer scenes than planned)
    swap: BaselineSwap | None = None  # the goal's baseline is not shown; `baseline` is what is used instead

    @property
    def compared(self) -> bool:
        """Are two different surveys compared (is there a change to show)?"""
        return self.change is not None

    @property
    def allowed(self) -> int:
        """The most whole scenes the trajectory allows at the latest survey."""
        return allowed_by(self.expected)

    @property
    def on_track(self) -> bool:
        return self.latest.scenes <= self.allowed


def allowed_by(expected: float) -> int:
    """The most whole scenes a trajectory value allows (52.3 allows 52; a rounding error does not cost one)."""
    return math.floor(expected + 1e-9)


def baseline_of(stats: list[SurveyStats], goal: Goal) -> SurveyStats | None:
    """The trajectory's starting survey: the one the goal names when it is among `stats`, else the earliest
    (the first: statistics come in the store's survey order).

    `stats` holds only the surveys shown (never demo beside real data, never withdrawn ones), so a baseline that
    was withdrawn or removed falls back to the earliest shown survey rather than to a hidden one.
    """
    if not stats:
        return None
    chosen = [s for s in stats if s.survey.id == goal.baseline_survey_id]
    return chosen[0] if chosen else stats[0]


def baseline_swap(stats: list[SurveyStats], goal: Goal, every: list[Survey]) -> BaselineSwap | None:
    """When the goal names a baseline survey that is not among `stats` (withdrawn, demo hidden beside real data, or
    removed): what was chosen, why it is not used, and the survey used instead. `every` is every stored survey."""
    used = baseline_of(stats, goal)
    chosen = goal.baseline_survey_id
    if used is None or chosen is None or used.survey.id == chosen:
        return None
    stored = next((s for s in every if s.id == chosen), None)
    if stored is None:
        return BaselineSwap(chosen, chosen, "removed", used.survey)
    return BaselineSwap(chosen, stored.name, "withdrawn" if stored.withdrawn else "demo", used.survey)


def swap_text(swap: BaselineSwap, lang: Lang, *, escape: Callable[[str], str]) -> str:
    """The one sentence every place that uses the baseline says when the chosen one is not used; the surveys' names
    through `escape` (a page: inert in Markdown; the PDF and the command line: `str`)."""
    return t(f"baseline.swap.{swap.reason}", lang, chosen=escape(swap.chosen_name), used=escape(swap.used.name))


def progress(stats: list[SurveyStats], goal: Goal, every: list[Survey] | None = None) -> Progress | None:
    """Progress of the latest survey, measured from the goal's baseline survey; None without surveys. With `every`
    (every stored survey) a baseline that is not shown is named (`Progress.swap`)."""
    baseline = baseline_of(stats, goal)
    if baseline is None:
        return None
    latest = stats[-1]
    expected = trajectory_value(goal, baseline.survey.date, baseline.scenes, latest.survey.date)
    compared = baseline.survey.id != latest.survey.id
    change = latest.scenes - baseline.scenes if compared else None
    area_change = None
    if compared and latest.area_m2 is not None and baseline.area_m2:
        area_change = 100.0 * (latest.area_m2 - baseline.area_m2) / baseline.area_m2
    return Progress(
        baseline=baseline,
        latest=latest,
        goal=goal,
        change=change,
        change_pct=(100.0 * change / baseline.scenes) if change is not None and baseline.scenes else None,
        area_change_pct=area_change,
        expected=expected,
        ahead_by=expected - latest.scenes,
        swap=baseline_swap(stats, goal, every or []),
    )


def stats_table(stats: list[SurveyStats]) -> pd.DataFrame:
    """One row per survey: the figures `scenes surveys --json` and the overview show."""
    return pd.DataFrame([
        {
            "id": s.survey.id,
            "name": s.survey.name,
            "date": s.survey.date.isoformat(),
            "kind": str(s.survey.kind),
            "scenes": s.scenes,
            "municipalities": s.municipalities,
            "police_areas": s.police_areas,
            "districts": s.districts,
            "area_m2": None if s.area_m2 is None else round(s.area_m2, 1),
            "demo": s.survey.demo,
        }
        for s in stats
    ], columns=["id", "name", "date", "kind", "scenes", "municipalities", "police_areas", "districts", "area_m2",
                "demo"])
