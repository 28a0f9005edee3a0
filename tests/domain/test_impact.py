"""Impact over time: per-survey ratings (missing is missing), changes of continuing scenes across merges and
splits, a scene's trend, and the setting for "high"."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.impact import (
    change_table,
    continued_rating,
    impact,
    impact_change,
    impact_table,
    impact_trend,
    survey_impact,
)
from scenes.domain.lineage import Lineage
from scenes.errors import ConfigError
from scenes.io.formats import normalise_scene_frame
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard

S1 = Survey("s1", "Kartläggning 2021", dt.date(2021, 12, 1), SurveyKind.KARTLAGGNING, "test", False)
S2 = Survey("s2", "Kartläggning 2023", dt.date(2023, 11, 1), SurveyKind.KARTLAGGNING, "test", False)
S3 = Survey("s3", "Uppföljning 2024", dt.date(2024, 2, 1), SurveyKind.UPPFOLJNING, "test", False)

Row = tuple[str, int | None, list[str]]  # scene id, rating, predecessors


def _frame(survey: Survey, rows: list[Row]) -> gpd.GeoDataFrame:
    n = len(rows)
    return normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": [survey.id] * n, "scene_id": [r[0] for r in rows], "name": [r[0] for r in rows],
        "kommun_kod": ["0127"] * n, "kommun": ["Botkyrka"] * n, "lokalpolisomrade": ["botkyrka"] * n,
        "categories": [["utsatt_omrade"]] * n, "impact": pd.array([r[1] for r in rows], dtype="Int64"),
        "predecessors": [r[2] for r in rows],
    }, geometry=[Point(17.8 + i / 100, 59.2) for i in range(n)], crs=4326))


def _all(*frames: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=4326)


#: 2021: A 5, B 2, C 3, D 4, E unrated, F 1, G 2, H 3 (ceases)
EARLY = _frame(S1, [("A", 5, []), ("B", 2, []), ("C", 3, []), ("D", 4, []), ("E", None, []), ("F", 1, []),
                    ("G", 2, []), ("H", 3, [])])
#: 2023: A and B merge into M (4); C splits into C1 (2) and C2 (3); D persists at 4; E persists, now rated 5;
#: F persists unrated; G persists and rises to 4; N is new (5)
LATER = _frame(S2, [("M", 4, ["A", "B"]), ("C1", 2, ["C"]), ("C2", 3, ["C"]), ("D", 4, []), ("E", 5, []),
                    ("F", None, []), ("G", 4, []), ("N", 5, [])])


def test_per_survey_counts_missing_as_missing() -> None:
    """Scenes, rated, missing, high (>= 4) and the distribution; an unrated scene is in no rating and not in the
    mean (1, 2, 2, 3, 3, 4, 5 average 20/7, not 20/8)."""
    first = survey_impact([S1], EARLY)[0]
    assert (first.scenes, first.rated, first.missing, first.high) == (8, 7, 1, 2)
    assert first.distribution == (1, 2, 2, 1, 1)
    assert first.mean == pytest.approx(20 / 7)


def test_high_follows_the_threshold() -> None:
    """With "high" at 5 only the 5s count; at 1 every rated scene does, never an unrated one."""
    assert survey_impact([S1], EARLY, high_min=5)[0].high == 1
    assert survey_impact([S1], EARLY, high_min=1)[0].high == 7


def test_a_survey_without_ratings_has_no_mean_and_no_zeroes() -> None:
    """No rating at all: everything is missing, the mean is None (not 0), and nothing counts as rated."""
    frame = _frame(S1, [("A", None, []), ("B", None, [])])
    result = impact([S1], frame)
    only = result.surveys[0]
    assert (only.scenes, only.rated, only.missing, only.high, only.mean) == (2, 0, 2, 0, None)
    assert result.any_rated is False


def test_change_between_surveys_across_merges_and_splits() -> None:
    """M (4) merges A (5) and B (2): compared with the highest, 5, it is less harmful. C1 (2) and C2 (3) are the
    parts of C (3): one less, one equal. D 4 -> 4 equal; G 2 -> 4 more; E (unrated before) and F (unrated now)
    cannot be compared; N is new and H ceased: neither is compared."""
    change = impact_change(S1, S2, EARLY, LATER)
    assert (change.less, change.equal, change.more, change.not_comparable) == (2, 2, 1, 2)
    assert change.continuing == 7


def test_a_merge_with_an_unrated_scene_cannot_be_compared() -> None:
    """The highest rating of A (2) and an unrated B is unknown: the merge is not comparable, not "more"."""
    earlier = _frame(S1, [("A", 2, []), ("B", None, [])])
    later = _frame(S2, [("M", 4, ["A", "B"])])
    change = impact_change(S1, S2, earlier, later)
    assert (change.less, change.equal, change.more, change.not_comparable) == (0, 0, 0, 1)


def test_a_merge_keeping_one_id_compares_with_both() -> None:
    """A absorbs B and keeps its id (predecessors [B]): it continues A and B, compared with the higher, 5."""
    earlier = _frame(S1, [("A", 3, []), ("B", 5, [])])
    later = _frame(S2, [("A", 4, ["B"])])
    change = impact_change(S1, S2, earlier, later)
    assert (change.less, change.equal, change.more) == (1, 0, 0)


def test_continued_rating_is_the_highest_or_unknown() -> None:
    """The highest of the continued ratings; None when any is missing or there is none."""
    ratings = {"A": 2, "B": 5, "C": None}
    assert [continued_rating(ids, ratings) for ids in (["A"], ["A", "B"], ["A", "C"], [])] == [2, 5, None, None]


def test_changes_are_for_consecutive_surveys_in_order() -> None:
    """Three surveys in the store's order: two changes, 2021 -> 2023 and 2023 -> 2024, oldest first."""
    third = _frame(S3, [("M", 3, []), ("C1", 2, [])])
    result = impact([S1, S2, S3], _all(EARLY, LATER, third))
    assert [(c.earlier.id, c.later.id) for c in result.changes] == [("s1", "s2"), ("s2", "s3")]
    assert [s.survey.id for s in result.surveys] == ["s1", "s2", "s3"]
    last = result.changes[1]
    assert (last.less, last.equal, last.more, last.not_comparable) == (1, 1, 0, 0)
    assert result.latest is not None
    assert result.latest.survey.id == "s3"


def test_trend_follows_a_merge_back() -> None:
    """M's trend: in 2021 it was A and B (highest 5), then itself (4), then 3; ids are given for each survey."""
    third = _frame(S3, [("M", 3, [])])
    trend = impact_trend(_all(EARLY, LATER, third), [S1, S2, S3], "M")
    assert [(p.survey.id, p.scene_ids, p.rating) for p in trend] == [
        ("s1", ("A", "B"), 5), ("s2", ("M",), 4), ("s3", ("M",), 3)]


def test_trend_of_a_split_part_and_a_ceased_scene() -> None:
    """C2 came from C (3); H was only in 2021: it is there, then not (no rating, not present)."""
    both = _all(EARLY, LATER)
    assert [(p.scene_ids, p.rating) for p in impact_trend(both, [S1, S2], "C2")] == [(("C",), 3), (("C2",), 3)]
    ceased = impact_trend(both, [S1, S2], "H")
    assert [(p.present, p.rating) for p in ceased] == [(True, 3), (False, None)]


def test_lineage_bridges_a_survey_that_missed_the_scene() -> None:
    """A follow-up that did not record D does not cut D's history: it is found again in the survey before."""
    third = _frame(S3, [("D", 2, [])])
    found = Lineage(_all(EARLY, _frame(S2, [("M", 4, ["A", "B"])]), third)).trace([S1, S2, S3], "D")
    assert [ids for _, ids in found] == [("D",), (), ("D",)]


def test_dashboard_impact_on_the_demo(demo: Dashboard) -> None:
    """The demo's latest survey: 53 scenes, 41 rated, 12 missing, 14 rated 4 or 5; two changes between its three
    surveys, every continuing scene of Feb 2024 sorted into one of the four."""
    result = demo.impact()
    latest = result.latest
    assert latest is not None
    assert (latest.scenes, latest.rated, latest.missing, latest.high) == (53, 41, 12, 14)
    assert len(result.changes) == 2
    assert result.changes[1].continuing == 53
    merged = demo.impact_trend("DEMO-0127-09")
    assert merged[0].scene_ids == ("DEMO-0127-02", "DEMO-0127-04")


def test_the_high_setting_from_the_environment(settings: Settings) -> None:
    """SCENES_IMPACT_HIGH_MIN sets what counts as high (default 4); outside 1-5 it is refused by name."""
    assert Settings().impact_high_min == 4
    assert Settings.from_env({"SCENES_IMPACT_HIGH_MIN": "5"}).impact_high_min == 5
    for bad in ("0", "6", "hög"):
        with pytest.raises(ConfigError, match="SCENES_IMPACT_HIGH_MIN"):
            Settings.from_env({"SCENES_IMPACT_HIGH_MIN": bad})
    dash = Dashboard(settings.model_copy(update={"impact_high_min": 5}))
    dash.init(demo=True)
    latest = dash.impact().latest
    assert latest is not None
    assert latest.high == 9


def test_table_shows_an_unrated_survey_as_missing_not_zero() -> None:
    """Beside a rated survey, one without any rating has its scenes as missing and dashes (NA) for high, each
    rating and the mean, never 0."""
    unrated = _frame(S2, [("A", None, []), ("B", None, [])])
    table = impact_table(impact([S1, S2], _all(EARLY, unrated)), lang="sv", disclosure=SHOW_ALL).set_index("Namn")
    rated, none = table.loc["Kartläggning 2021"], table.loc["Kartläggning 2023"]
    assert (rated["Hög inverkan (4–5)"], rated["Bedömning 1"], rated["Medelvärde (bedömda)"]) == (2, 1, 2.9)
    assert (none["Scener"], none["Bedömda"], none["Saknar bedömning"]) == (2, 0, 2)
    assert all(pd.isna(none[c]) for c in ("Hög inverkan (4–5)", "Bedömning 1", "Bedömning 5", "Medelvärde (bedömda)"))


def test_tables_hide_small_counts_from_participants() -> None:
    """At generalised precision every count of 1 or 2 reads "färre än 3" (larger ones stay numbers), and the mean of
    a row with a hidden count is hidden with it."""
    shown = Disclosure.for_precision("generalised", 3)
    result = impact([S1, S2], _all(EARLY, LATER))
    changes = change_table(result, "sv", disclosure=shown).iloc[0]
    assert [changes[c] for c in ("Kvarstående", "Mindre skadlig", "Oförändrad", "Mer skadlig", "Kan inte jämföras")] \
        == [7, "färre än 3", "färre än 3", "färre än 3", "färre än 3"]
    first = impact_table(result, "sv", disclosure=shown).iloc[0]
    assert (first["Scener"], first["Bedömning 1"], first["Saknar bedömning"]) == (8, "färre än 3", "färre än 3")
    assert pd.isna(first["Medelvärde (bedömda)"])
