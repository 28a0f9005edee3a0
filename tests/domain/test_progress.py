"""Progress maths: the trajectory, on-track verdicts, and the demo's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from scenes.domain.progress import trajectory_value
from scenes.model import Goal
from scenes.views.dashboard import Dashboard

GOAL = Goal(target_count=30, target_date=dt.date(2027, 12, 31))
BASE = dt.date(2021, 12, 31)


@pytest.mark.parametrize(("day", "expected"), [
    (BASE, 64.0),
    (dt.date(2027, 12, 31), 30.0),
    (dt.date(2030, 1, 1), 30.0),     # clamped after the target date
    (dt.date(2020, 1, 1), 64.0),     # clamped before the baseline
    (dt.date(2024, 12, 31), 64 - 34 * (1096 / 2191)),  # three years of six, by days
])
def test_trajectory_is_linear_between_baseline_and_goal(day: dt.date, expected: float) -> None:
    """The trajectory is a straight line by days from (baseline, count) to (target date, target)."""
    assert trajectory_value(GOAL, BASE, 64, day) == pytest.approx(expected)


def test_demo_progress_against_example_goal(demo: Dashboard) -> None:
    """Demo: 53 vs 64 (-11, -17 %); the example goal (32 by end 2027) expects about 52.8 by Feb 2024."""
    p = demo.progress()
    assert p is not None
    assert (p.baseline.scenes, p.latest.scenes, p.change, round(p.change_pct or 0, 1)) == (64, 53, -11, -17.2)
    expected = 64 + (32 - 64) * ((dt.date(2024, 2, 20) - dt.date(2021, 12, 1)).days
                                 / (dt.date(2027, 12, 31) - dt.date(2021, 12, 1)).days)
    assert p.expected == pytest.approx(expected)
    assert p.on_track is (expected >= 53)


def test_progress_without_surveys_is_none(settings) -> None:  # type: ignore[no-untyped-def]
    """An empty store has no progress to show (the page shows an empty state)."""
    dash = Dashboard(settings)
    dash.init()
    assert dash.progress() is None
