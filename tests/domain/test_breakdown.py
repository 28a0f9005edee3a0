"""Breakdowns per category, municipality, police area and district; changes between surveys."""

from __future__ import annotations

import pandas as pd
import pytest

from scenes.domain.breakdown import breakdown, change_by
from scenes.domain.disclosure import SHOW_ALL
from scenes.views.dashboard import Dashboard


def test_municipality_counts_sum_to_survey_totals(demo: Dashboard) -> None:
    """Per-municipality counts add up to each survey's scene count (64, 63, 53)."""
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL)
    assert data.groupby("survey_id")["scenes"].sum().to_dict() == {
        "demo-2021": 64, "demo-2023-11": 63, "demo-2024-02": 53}


def test_rate_per_100k_only_where_population_known(demo: Dashboard) -> None:
    """Botkyrka (population known) gets a rate; Stockholm (unknown here) gets none."""
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL)
    latest = data[data["survey_id"] == "demo-2024-02"].set_index("key")
    assert latest.loc["0127", "per_100k"] == pytest.approx(round(latest.loc["0127", "scenes"] / 95905 * 1e5, 1))
    assert latest.loc["0180", "per_100k"] is None or latest["per_100k"].isna()["0180"]


def test_category_counts_each_category_of_a_scene(demo: Dashboard) -> None:
    """A scene with two categories counts in both, so the category sum is at least the scene count."""
    frame = demo.store.scenes("demo-2024-02")
    data = breakdown(frame, demo.store.surveys(), demo.reference, "category", lang="sv", disclosure=SHOW_ALL)
    assert data["scenes"].sum() == sum(len(c) for c in frame["categories"]) > len(frame)


def test_areas_are_summed_per_group(demo: Dashboard) -> None:
    """Area per group sums to the survey's total polygon area (m², EPSG:3006)."""
    frame = demo.store.scenes("demo-2024-02")
    data = breakdown(frame, demo.store.surveys(), demo.reference, "municipality", lang="sv", disclosure=SHOW_ALL)
    assert data["area_m2"].sum() == pytest.approx(frame["area_m2"].fillna(0).sum())


def test_district_change_goes_through_the_crosswalk(demo: Dashboard) -> None:
    """2021 Rinkeby-Kista and Spånga-Tensta are compared with 2024 Järva, never listed separately."""
    table = change_by(demo.store.scenes("demo-2021"), demo.store.scenes("demo-2024-02"), demo.reference, "district",
                      lang="sv", disclosure=SHOW_ALL)
    keys = set(table["key"])
    assert "jarva" in keys
    assert not keys & {"rinkeby_kista", "spanga_tensta", "norrmalm", "ostermalm"}
    jarva = table.set_index("key").loc["jarva"]
    assert jarva["earlier"] == 2  # one scene in each of the two former districts


def test_change_by_municipality_matches_counts(demo: Dashboard) -> None:
    """Stockholm city: 11 scenes in 2021, 7 in Feb 2024, change -4."""
    table = change_by(demo.store.scenes("demo-2021"), demo.store.scenes("demo-2024-02"), demo.reference,
                      "municipality", lang="sv", disclosure=SHOW_ALL).set_index("key")
    assert tuple(table.loc["0180", ["earlier", "later", "change"]]) == (11, 7, -4)


def test_a_group_of_points_only_has_no_area_rather_than_zero(demo: Dashboard) -> None:
    """Area is summed over the scenes mapped as areas; a group whose scenes are all points has an unknown area
    (missing), not 0 m²."""
    scenes = demo.scenes(None)
    data = breakdown(scenes, demo.surveys(), demo.reference, "municipality", lang="sv", disclosure=SHOW_ALL)
    has_area = scenes.assign(polygon=scenes["area_m2"].notna()).groupby(["survey_id", "kommun_kod"])["polygon"].any()
    for row in data.itertuples():
        assert pd.isna(row.area_m2) == (not has_area[(row.survey_id, row.key)]), (row.survey, row.label)


def test_a_group_without_polygons_reads_as_figures_measured_area(demo: Dashboard) -> None:
    """Every group's area is `figures.measured_area` of its scenes: Stockholm's scenes made points has no area
    (missing, not 0), the other groups keep their sums."""
    from scenes.domain.figures import measured_area

    frame = demo.store.scenes("demo-2024-02")
    frame.loc[frame["kommun_kod"] == "0180", "area_m2"] = float("nan")
    data = breakdown(frame, demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL).set_index("key")
    assert pd.isna(data.loc["0180", "area_m2"])
    for key, group in frame.groupby("kommun_kod"):
        expected = measured_area(group)
        actual = data.loc[key, "area_m2"]
        assert (None if pd.isna(actual) else pytest.approx(actual)) == expected, key


def test_a_cached_protection_gives_the_same_tables(demo: Dashboard) -> None:
    """Utveckling passes each survey's protection from its cache (`protected=`): the breakdowns and changes are
    exactly those computed afresh, for a participant."""
    from scenes.domain.disclosure import Disclosure
    from scenes.domain.protection import protection

    shown = Disclosure.for_precision("generalised", 3)
    surveys, scenes = demo.surveys(), demo.scenes(None)
    cached = {s.id: protection(demo.reference, demo.scenes(s.id), shown) for s in surveys}
    first, last = demo.scenes(surveys[0].id), demo.scenes(surveys[-1].id)
    for dimension in ("category", "municipality", "police_area", "district"):
        fresh = breakdown(scenes, surveys, demo.reference, dimension, disclosure=shown, text=False, lang="sv")
        reused = breakdown(scenes, surveys, demo.reference, dimension, disclosure=shown, text=False,
                           protected=cached.__getitem__, lang="sv")
        pd.testing.assert_frame_equal(reused, fresh)
        assert fresh["withheld"].any()  # the demo has counts to withhold
        pd.testing.assert_frame_equal(
            change_by(first, last, demo.reference, dimension, disclosure=shown,
                      protected=(cached[surveys[0].id], cached[surveys[-1].id]), lang="sv"),
            change_by(first, last, demo.reference, dimension, disclosure=shown, lang="sv"))
