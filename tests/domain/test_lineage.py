"""The one lineage walk (`domain.lineage.Lineage`) against independent definitions, on generated survey chains."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from scenes.domain.lineage import Lineage
from scenes.model import Survey, SurveyKind

IDS = ["A", "B", "C", "D", "E", "F"]
Rows = list[tuple[int, str, tuple[str, ...]]]  # (survey index, scene id, predecessors)


@st.composite
def chains(draw: st.DrawFn) -> Rows:
    """Surveys of a few scene ids each; a scene names predecessors among the previous survey's ids."""
    surveys = draw(st.lists(st.sets(st.sampled_from(IDS), min_size=1), min_size=1, max_size=5))
    rows: Rows = []
    for k, ids in enumerate(surveys):
        before = sorted(surveys[k - 1]) if k else []
        for sid in sorted(ids):
            preds = draw(st.lists(st.sampled_from(before), unique=True, max_size=3)) if before else []
            rows.append((k, sid, tuple(preds)))
    return rows


def _surveys(rows: Rows) -> list[Survey]:
    count = max(k for k, _, _ in rows) + 1
    return [Survey(f"s{k}", f"S{k}", dt.date(2020 + k, 1, 1), SurveyKind.KARTLAGGNING, "", False) for k in range(count)]


def _frame(rows: Rows) -> pd.DataFrame:
    return pd.DataFrame({"survey_id": [f"s{k}" for k, _, _ in rows], "scene_id": [s for _, s, _ in rows],
                         "predecessors": [list(p) for _, _, p in rows]})


def _ancestors(rows: Rows, start: str) -> set[str]:
    """Closure by repeated passes over every link until nothing is added."""
    found = {start}
    while True:
        more = {p for _, sid, preds in rows if sid in found for p in preds} - found
        if not more:
            return found
        found |= more


def _trace(rows: Rows, count: int, start: str) -> list[tuple[str, ...]]:
    """By definition: an id of survey k belongs to the trace when it is the scene (at or before its latest survey),
    or a later survey's traced scene had the same id or named it as a predecessor."""
    present = {(k, sid): preds for k, sid, preds in rows}
    latest = max((k for k, sid, _ in rows if sid == start), default=None)

    @cache
    def traced(k: int, x: str) -> bool:
        if (k, x) not in present or latest is None or k > latest:
            return False
        return x == start or any(traced(j, y) and (x == y or x in present[(j, y)])
                                 for (j, y) in present if k < j <= latest)

    return [tuple(sorted(x for x in IDS if traced(k, x))) for k in range(count)]


@settings(max_examples=150, deadline=None)
@given(rows=chains(), start=st.sampled_from(IDS))
def test_ancestors_and_trace_match_their_definitions(rows: Rows, start: str) -> None:
    line = Lineage(_frame(rows))
    surveys = _surveys(rows)
    assert line.ancestors(start) == _ancestors(rows, start)
    assert [ids for _, ids in line.trace(surveys, start)] == _trace(rows, len(surveys), start)


@settings(max_examples=100, deadline=None)
@given(rows=chains())
def test_direct_links_are_the_stored_predecessors_both_ways(rows: Rows) -> None:
    line = Lineage(_frame(rows))
    for k, sid, preds in rows:
        assert line.predecessors(sid, f"s{k}") == preds
        for parent in preds:
            assert sid in line.successors(parent, f"s{k}")
    for k, sid, _ in rows:
        assert line.successors(sid, f"s{k}") == tuple(sorted(x for j, x, p in rows if j == k and sid in p))
