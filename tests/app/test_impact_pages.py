"""Impact over time on the pages: the overview's key figure and the progress page's section, for every role, with
small counts hidden from participants and an empty state when nothing is rated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.auth import ROLES
from scenes.i18n import t
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage, says

FEWER = t("disclosure.fewer_than", "sv", n=3)  # how a withheld count reads (the default threshold, 3)
HIGH = "4–5"  # the ratings that count as high (a range of figures, `scenes.domain.impact.high_range`)


def _table(at: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _publish(dash: Dashboard, *, rated: bool = True) -> None:
    """Two real surveys of the demo's latest scenes (the demo surveys are then hidden). In the later one, scene 1
    is rated higher (more harmful), scenes 2 and 3 lower, and the rest as before. `rated=False`: no ratings."""
    frame = dash.scenes("demo-2024-02").copy()
    if not rated:
        frame["impact"] = pd.array([None] * len(frame), dtype="Int64")
    later = frame.copy()
    rated_rows = later.index[later["impact"].notna() & later["impact"].between(2, 4)]
    if rated:
        later.loc[rated_rows[0], "impact"] += 1
        later.loc[rated_rows[1:3], "impact"] -= 1
    for sid, date, data in (("real-2024", dt.date(2024, 6, 1), frame), ("real-2025", dt.date(2025, 6, 1), later)):
        dash.store.add_survey(Survey(sid, f"Kartläggning {date.year}", date, SurveyKind.KARTLAGGNING, "Polisen",
                                     False), data.assign(survey_id=sid), actor="analyst")


@pytest.fixture
def demo_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


@pytest.mark.parametrize("role", ROLES)
def test_overview_states_impact_for_every_role(open_page: OpenPage, demo_store: Path, role: str) -> None:
    """Beside count and area: 14 scenes rated 4–5, of 41 rated, 12 without a rating (demo, February 2024)."""
    at = open_page(role, "overview", "sv")
    metric = next(m for m in at.metric if m.label == t("impact.kpi", "sv", range=HIGH))
    assert (metric.value, metric.proto.delta) == ("14", t("impact.kpi_of", "sv", rated=41, missing=12))


@pytest.mark.parametrize("role", ROLES)
def test_progress_shows_impact_per_survey_and_changes_for_every_role(open_page: OpenPage, demo_store: Path,
                                                                     role: str) -> None:
    """Per survey the high-rated count and the distribution (chart and table); per pair of surveys the continuing
    scenes by change. The demo's 2021 -> 2023 merge compares with the highest of the two it merges: less harmful."""
    at = open_page(role, "progress", "sv")
    assert t("impact.title", "sv") in [s.value for s in at.subheader]
    per_survey = _table(at, t("impact.col.rated", "sv")).set_index(t("col.name", "sv"))
    latest = per_survey.loc["Uppföljning februari 2024 (exempel)"]
    columns = [t("col.scenes", "sv"), t("impact.col.rated", "sv"), t("impact.col.missing", "sv"),
               t("impact.col.high", "sv", range=HIGH)]
    assert [latest[c] for c in columns] == [53, 41, 12, 14]
    assert [latest[t("impact.col.rating", "sv", rating=r)] for r in range(1, 6)] == [8, 7, 12, 5, 9]
    changes = _table(at, t("impact.col.less", "sv"))
    assert list(changes.columns) == [t(f"impact.col.{c}", "sv") for c in ("from", "to", "continuing", "less", "equal",
                                                                          "more", "not_comparable")]
    assert len(changes) == 2
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    scales = [layer["encoding"]["color"]["scale"] for spec in specs for layer in spec.get("layer", [])
              if "scale" in layer.get("encoding", {}).get("color", {})]
    assert {"domain": ["1", "2", "3", "4", "5", t("impact.missing", "sv")],
            "range": ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154", "#d4d4d4"]} in scales  # missing: grey


def test_progress_impact_in_english(open_page: OpenPage, demo_store: Path) -> None:
    """The section and its tables in English."""
    at = open_page("styrgrupp", "progress", "en")
    assert t("impact.title", "en") in [s.value for s in at.subheader]
    assert t("impact.col.high", "en", range=HIGH) in _table(at, t("impact.col.rated", "en")).columns
    assert t("impact.col.not_comparable", "en") in _table(at, t("impact.col.less", "en")).columns


def test_participant_reads_county_wide_impact_counts(app_env: Path, open_page: OpenPage) -> None:
    """One scene became more harmful and two less: county-wide counts (no place), tied to the shown total, so a
    participant reads 1 and 2 like the steering group (`Disclosure.county`)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash)
    more, less = t("impact.col.more", "sv"), t("impact.col.less", "sv")
    participant = _table(open_page("deltagare", "progress", account="deltagare-progress"), more).iloc[0]
    exact = _table(open_page("styrgrupp", "progress", account="styrgrupp-progress"), more).iloc[0]
    assert (exact[more], exact[less]) == (1, 2)
    assert (participant[more], participant[less]) == (1, 2)
    assert FEWER not in set(participant.astype(str))
    assert participant[t("impact.col.continuing", "sv")] == 53


def test_no_ratings_is_an_empty_state_not_zeroes(app_env: Path, open_page: OpenPage) -> None:
    """Real surveys without any rating: the progress page says so instead of a chart of zeroes, and the overview's
    figure is a dash with "no scene is rated", not 0."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash, rated=False)
    at = open_page("styrgrupp", "progress", account="styrgrupp-progress")
    assert says(at.info, "impact.empty")
    assert not any(t("impact.col.rated", "sv") in d.value.columns for d in at.dataframe)
    overview = open_page("styrgrupp", "overview", account="styrgrupp-overview")
    metric = next(m for m in overview.metric if m.label == t("impact.kpi", "sv", range=HIGH))
    assert (metric.value, metric.proto.delta) == ("–", t("impact.kpi_none", "sv"))
