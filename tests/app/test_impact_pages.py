"""Impact over time on the pages: the overview's key figure and the progress page's section, for every role, with
small counts hidden from participants and an empty state when nothing is rated."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.auth import ROLES
from scenes.model import Survey, SurveyKind
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard

APP = str(PROJECT_ROOT / "app.py")
FEWER = "färre än 3"


def _open(at: AppTest, page: str) -> AppTest:
    """Open `page` (AppTest keeps its query parameters, as a link opening that address would); no exception and no
    error box (ui.guarded's way of showing a core error). The app runs once first: before that Streamlit knows no page
    file (st.navigation registers them), so a switch would land on the default page."""
    at.run()
    at.switch_page(page)
    at.run()
    assert list(at.exception) == []
    assert [e.value for e in at.error] == []
    return at


def _page(page: str, role: str = "styrgrupp", lang: str = "sv") -> AppTest:
    """A page in demo mode as `role` (the demo's role picker)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["demo_role"] = role
    at.query_params["lang"] = lang
    return _open(at, page)


def _signed_in(signed_in: Callable[..., AppTest], role: str, page: str) -> AppTest:
    """A page for a signed-in account (real data ends demo mode)."""
    return _open(signed_in(role, username=f"{role}-{page.split('/')[-1][:-3]}"), page)


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
def test_overview_states_impact_for_every_role(demo_store: Path, role: str) -> None:
    """Beside count and area: 14 scenes rated 4–5, of 41 rated, 12 without a rating (demo, February 2024)."""
    at = _page("screens/overview.py", role)
    metric = next(m for m in at.metric if m.label == "Hög inverkan (4–5)")
    assert (metric.value, metric.proto.delta) == ("14", "av 41 bedömda · 12 saknar bedömning")


@pytest.mark.parametrize("role", ROLES)
def test_progress_shows_impact_per_survey_and_changes_for_every_role(demo_store: Path, role: str) -> None:
    """Per survey the high-rated count and the distribution (chart and table); per pair of surveys the continuing
    scenes by change. The demo's 2021 -> 2023 merge compares with the highest of the two it merges: less harmful."""
    at = _page("screens/progress.py", role)
    assert "Inverkan över tid" in [s.value for s in at.subheader]
    per_survey = _table(at, "Bedömda").set_index("Namn")
    latest = per_survey.loc["Uppföljning februari 2024 (exempel)"]
    assert [latest[c] for c in ("Scener", "Bedömda", "Saknar bedömning", "Hög inverkan (4–5)")] == [53, 41, 12, 14]
    assert [latest[f"Bedömning {r}"] for r in range(1, 6)] == [8, 7, 12, 5, 9]
    changes = _table(at, "Mindre skadlig")
    assert list(changes.columns) == ["Från", "Till", "Kvarstående", "Mindre skadlig", "Oförändrad", "Mer skadlig",
                                     "Kan inte jämföras"]
    assert len(changes) == 2
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    scales = [layer["encoding"]["color"]["scale"] for spec in specs for layer in spec.get("layer", [])
              if "scale" in layer.get("encoding", {}).get("color", {})]
    assert {"domain": ["1", "2", "3", "4", "5", "Ej bedömd"],
            "range": ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154", "#d4d4d4"]} in scales  # missing: grey


def test_progress_impact_in_english(demo_store: Path) -> None:
    """The section and its tables in English."""
    at = _page("screens/progress.py", "styrgrupp", "en")
    assert "Impact over time" in [s.value for s in at.subheader]
    assert "High impact (4–5)" in _table(at, "Rated").columns
    assert "Not comparable" in _table(at, "Less harmful").columns


def test_participant_reads_county_wide_impact_counts(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """One scene became more harmful and two less: county-wide counts (no place), tied to the shown total, so a
    participant reads 1 and 2 like the steering group (`Disclosure.county`)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash)
    participant = _table(_signed_in(signed_in, "deltagare", "screens/progress.py"), "Mer skadlig").iloc[0]
    exact = _table(_signed_in(signed_in, "styrgrupp", "screens/progress.py"), "Mer skadlig").iloc[0]
    assert (exact["Mer skadlig"], exact["Mindre skadlig"]) == (1, 2)
    assert (participant["Mer skadlig"], participant["Mindre skadlig"]) == (1, 2)
    assert FEWER not in set(participant.astype(str))
    assert participant["Kvarstående"] == 53


def test_no_ratings_is_an_empty_state_not_zeroes(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """Real surveys without any rating: the progress page says so instead of a chart of zeroes, and the overview's
    figure is a dash with "no scene is rated", not 0."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash, rated=False)
    at = _signed_in(signed_in, "styrgrupp", "screens/progress.py")
    assert any("Ingen kartläggning har bedömningar" in i.value for i in at.info)
    assert not any("Bedömda" in d.value.columns for d in at.dataframe)
    overview = _signed_in(signed_in, "styrgrupp", "screens/overview.py")
    metric = next(m for m in overview.metric if m.label == "Hög inverkan (4–5)")
    assert (metric.value, metric.proto.delta) == ("–", "Ingen scen är bedömd")
