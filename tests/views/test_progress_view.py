"""Utveckling as plain data (`scenes.views.progress`): the rows against the trajectory and the breakdown, each
figure checked against an independent recomputation from the scene rows."""

from __future__ import annotations

import datetime as dt
import functools
import math

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenes.domain.demo import load_demo
from scenes.domain.disclosure import Disclosure
from scenes.domain.progress import survey_stats
from scenes.model import Goal, Survey
from scenes.reference import Reference, load_reference
from scenes.views.dashboard import Dashboard
from scenes.views.progress import (
    DIMENSIONS,
    MEASURES,
    breakdown_view,
    dimensions,
    progress_rows,
    progress_summary,
)
from tests.conftest import DATA_DIR


@functools.cache
def _demo() -> tuple[list[Survey], gpd.GeoDataFrame, Reference]:
    items = load_demo(DATA_DIR)
    frames = [item.scenes.assign(survey_id=item.survey.id) for item in items]
    scenes = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)
    return [item.survey for item in items], scenes, load_reference(DATA_DIR)


@st.composite
def selections(draw: st.DrawFn) -> tuple[list[Survey], gpd.GeoDataFrame]:
    """Some of the demo's surveys (at least one) with some of their scene rows."""
    surveys, scenes, _ = _demo()
    chosen = draw(st.lists(st.sampled_from(surveys), min_size=1, max_size=len(surveys), unique_by=lambda s: s.id))
    rows = scenes[scenes["survey_id"].isin({s.id for s in chosen})]
    keep = draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    return chosen, rows[keep] if any(keep) else rows.iloc[:1]


@settings(max_examples=40, deadline=None)
@given(selection=selections(), target=st.integers(0, 80), days=st.integers(-400, 3000),
       use_baseline=st.booleans())
def test_progress_rows_recomputed_from_the_rows(selection: tuple[list[Survey], gpd.GeoDataFrame], target: int,
                                                days: int, use_baseline: bool) -> None:
    """Per survey, oldest first: the count and municipalities are those of its rows; the trajectory is the straight
    line from the baseline (the goal's, else the earliest) to the target, clamped; on track means at or below it."""
    surveys, rows = selection
    surveys = sorted(surveys, key=lambda s: (s.date, s.id))  # as the store gives them (its contract: oldest first)
    earliest = min(surveys, key=lambda s: (s.date, s.id))
    baseline = surveys[-1] if use_baseline else None
    goal = Goal(target, earliest.date + dt.timedelta(days=days), baseline_survey_id=baseline.id if baseline else None)
    got = progress_rows(survey_stats(surveys, rows), goal)
    assert [r["id"] for r in got] == [s.id for s in sorted(surveys, key=lambda s: (s.date, s.id))]
    start = baseline or earliest
    start_count = int((rows["survey_id"] == start.id).sum())
    for r in got:
        mine = rows[rows["survey_id"] == r["id"]]
        assert r["scenes"] == len(mine)
        assert r["municipalities"] == mine["kommun_kod"].nunique()
        day = dt.date.fromisoformat(str(r["date"]))
        span = (goal.target_date - start.date).days
        share = 1.0 if span <= 0 else min(max((day - start.date).days / span, 0.0), 1.0)
        expected = start_count + share * (target - start_count)
        assert r["trajectory"] == pytest.approx(round(expected, 2))
        assert r["on_track"] == (len(mine) <= math.floor(expected + 1e-9))
        assert r["baseline"] == (r["id"] == start.id)


@settings(max_examples=40, deadline=None)
@given(selection=selections(), dimension=st.sampled_from(["municipality", "police_area"]),
       measure=st.sampled_from(list(MEASURES)))
def test_breakdown_counts_and_areas_recomputed_from_the_rows(selection: tuple[list[Survey], gpd.GeoDataFrame],
                                                             dimension: str, measure: str) -> None:
    """Exact precision: every group is drawn, its count that of its rows, its area their area in hectares."""
    surveys, rows = selection
    surveys = sorted(surveys, key=lambda s: (s.date, s.id))  # as the store gives them (its contract: oldest first)
    ref = _demo()[2]
    got = breakdown_view(rows, surveys, ref, dimension, measure, disclosure=Disclosure.off(), lang="sv",
                         protected=None)
    column = {"municipality": "kommun_kod", "police_area": "lokalpolisomrade"}[dimension]
    expected = rows.groupby(["survey_id", column]).size()
    drawn = got.plotted.set_index(["survey_id", "key"])["scenes"]
    assert drawn.sort_index().to_dict() == expected.sort_index().to_dict()
    areas = rows.groupby(["survey_id", column])["area_m2"].sum(min_count=1)
    for (sid, key), area_ha in got.plotted.set_index(["survey_id", "key"])["area_ha"].items():
        want = areas[(sid, key)]
        assert (pd.isna(area_ha) and pd.isna(want)) or area_ha == pytest.approx(round(want / 10_000, 2), abs=0.006)
    assert not got.withheld
    assert len(got.table) == len(got.plotted)
    assert list(got.table["scenes"]) == list(got.plotted["scenes"])
    assert got.instead == ("progress.per_100k_only_municipality"
                           if measure == "per_100k" and dimension != "municipality" else None)


@settings(max_examples=30, deadline=None)
@given(selection=selections(), dimension=st.sampled_from(["municipality", "police_area", "category"]),
       threshold=st.integers(2, 6))
def test_a_participant_sees_no_small_count(selection: tuple[list[Survey], gpd.GeoDataFrame], dimension: str,
                                           threshold: int) -> None:
    """Generalised precision: no drawn group counts from 1 to threshold − 1; the table shows no such number;
    `withheld` says whether any group was left out of the chart."""
    surveys, rows = selection
    surveys = sorted(surveys, key=lambda s: (s.date, s.id))  # as the store gives them (its contract: oldest first)
    shown = Disclosure(threshold)
    got = breakdown_view(rows, surveys, _demo()[2], dimension, "scenes", disclosure=shown, lang="sv",
                         protected=None)
    assert not got.plotted["scenes"].map(shown.hidden).any()
    numbers = [n for n in got.table["scenes"] if isinstance(n, int | float)]
    assert not any(shown.hidden(n) for n in numbers)
    assert got.withheld == (len(got.table) > len(got.plotted))


def test_participants_get_no_district() -> None:
    """The district breakdown is offered at exact precision only, and refused otherwise."""
    surveys, rows, ref = _demo()
    assert list(dimensions(disclosure=Disclosure.off())) == list(DIMENSIONS)
    assert "district" not in dimensions(disclosure=Disclosure(3))
    with pytest.raises(ValueError, match="district"):
        breakdown_view(rows, surveys, ref, "district", "scenes", disclosure=Disclosure(3), lang="sv", protected=None)


def test_the_summary_is_what_scenes_progress_prints(demo: Dashboard) -> None:
    """`progress_summary` is the Dashboard's rows and progress, read once."""
    summary = progress_summary(demo)
    assert summary.rows == demo.progress_rows()
    assert summary.progress == demo.progress()
    assert [r["id"] for r in summary.rows] == [s.id for s in demo.surveys()]
