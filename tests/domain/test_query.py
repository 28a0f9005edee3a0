"""Filters, survey comparison (new, ceased, persisting, merged, split) and scene history."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from scenes.domain.query import HistoryNote, SceneFilter, compare, scene_at, scene_history
from scenes.io.formats import normalise_scene_frame
from scenes.views.dashboard import Dashboard


def _frame(rows: list[tuple[str, list[str]]], survey: str = "s") -> gpd.GeoDataFrame:
    return normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": [survey] * len(rows), "scene_id": [r[0] for r in rows], "name": [r[0] for r in rows],
        "kommun_kod": ["0127"] * len(rows), "kommun": ["Botkyrka"] * len(rows),
        "lokalpolisomrade": ["botkyrka"] * len(rows), "categories": [["utsatt_omrade"]] * len(rows),
        "predecessors": [r[1] for r in rows],
    }, geometry=[Point(17.8 + i / 100, 59.2) for i in range(len(rows))], crs=4326))


def test_compare_sorts_ids_into_what_happened() -> None:
    """A,B merge into M; C splits into C1 and C2; D persists; E ceases; N is new."""
    earlier = _frame([("A", []), ("B", []), ("C", []), ("D", []), ("E", [])])
    later = _frame([("M", ["A", "B"]), ("C1", ["C"]), ("C2", ["C"]), ("D", []), ("N", [])])
    result = compare(earlier, later)
    assert (result.new, result.ceased, result.persisting, result.merged, result.split) == (
        ["C1", "C2", "M", "N"], ["A", "B", "C", "E"], ["D"], {"M": ["A", "B"]}, {"C": ["C1", "C2"]})


def test_demo_comparison_matches_published(demo: Dashboard) -> None:
    """Demo 2021 -> Nov 2023: 12 ceased, 11 new, 52 persisting, one merge, one split."""
    r = compare(demo.store.scenes("demo-2021"), demo.store.scenes("demo-2023-11"))
    assert (len(r.ceased), len(r.new), len(r.persisting), len(r.merged), len(r.split)) == (12, 11, 52, 1, 1)


@pytest.mark.parametrize(("filt", "expected"), [
    (SceneFilter(), 53),
    (SceneFilter(municipalities=("0180",)), 7),
    (SceneFilter(municipalities=("0188",)), 0),
])
def test_filter_counts(demo: Dashboard, filt: SceneFilter, expected: int) -> None:
    """Filters narrow the latest demo survey as expected (Stockholm city has 7 scenes in Feb 2024)."""
    assert len(filt.apply(demo.store.scenes("demo-2024-02"))) == expected


def test_category_filter_matches_any_listed_category(demo: Dashboard) -> None:
    """A scene with several categories matches a filter on any of them."""
    frame = demo.store.scenes("demo-2024-02")
    shown = SceneFilter(categories=("festmiljo",)).apply(frame)
    assert len(shown) == sum("festmiljo" in c for c in frame["categories"])
    assert len(shown) > 0


def test_history_shows_presence_and_merge(demo: Dashboard) -> None:
    """The merged Botkyrka scene is absent in 2021, present later, and says what it merged."""
    later = demo.store.scenes("demo-2023-11")
    merged = later[later["predecessors"].map(len) == 2].iloc[0]
    history = scene_history(demo.store.scenes(), demo.store.surveys(), merged["scene_id"])
    assert [h.present for h in history] == [False, True, True]
    assert history[1].note == HistoryNote("merged", tuple(merged["predecessors"]))
    assert history[0].note is None


def test_history_of_a_merged_away_scene_names_its_successor(demo: Dashboard) -> None:
    """A 2021 scene that merged away is marked as continued by the new scene."""
    later = demo.store.scenes("demo-2023-11")
    merged = later[later["predecessors"].map(len) == 2].iloc[0]
    history = scene_history(demo.store.scenes(), demo.store.surveys(), merged["predecessors"][0])
    assert history[1].note == HistoryNote("continued_as", (merged["scene_id"],))


def test_scene_at_finds_markers_and_polygons() -> None:
    """A click on a marker or inside a polygon identifies the scene; elsewhere nothing."""
    frame = _frame([("P", [])])
    frame.loc[0, "geometry"] = box(17.0, 59.0, 17.1, 59.1)
    anchor = frame.geometry.representative_point().iloc[0]
    assert scene_at(frame, anchor.y, anchor.x) == "P"
    assert scene_at(frame, 59.01, 17.01) == "P"
    assert scene_at(frame, 58.0, 16.0) is None


def test_merge_seen_across_an_intermediate_survey(demo: Dashboard) -> None:
    """2021 -> Feb 2024 still shows the merge and the split recorded in Nov 2023."""
    from scenes.domain.query import observations_between

    surveys = demo.store.surveys()
    between = observations_between(demo.store.scenes(), surveys, "demo-2021", "demo-2024-02")
    result = compare(demo.store.scenes("demo-2021"), demo.store.scenes("demo-2024-02"), between)
    assert (len(result.merged), len(result.split), len(result.ceased)) == (1, 1, 21)
