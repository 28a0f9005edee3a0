"""Översikt as a workshop participant sees it, in Chromium at 1366x768, on the issue's example: 42 open scenes, 40
persisting, 2 new. The county-wide key figures are numbers that add up (the old "Nya: färre än 3" beside 42 and 40
was a subtraction away from 2), and counts by area are left to the small map, which withholds what it must."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pandas as pd
import pytest

from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import screenshot, streamlit_server

pytestmark = pytest.mark.browser

PASSWORD = "deltagare-lösen-2025"  # noqa: S105 - a test account
METRICS = """() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')].map(m => [
  m.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
  m.querySelector('[data-testid="stMetricValue"]').innerText.trim()]))"""


@pytest.fixture(scope="module")
def issue_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two real surveys made from demo scenes: 53, then 40 of them and 2 new (42); a participant account."""
    state = tmp_path_factory.mktemp("browser-disclosure")
    dash = Dashboard(Settings(state_dir=state))
    dash.init(demo=True)
    frame = dash.store.scenes("demo-2024-02")
    new = frame.iloc[40:42].copy()
    new["scene_id"] = ["NY-0001", "NY-0002"]
    new["predecessors"] = [[], []]
    dash.store.add_survey(Survey("real-2024", "Kartläggning 2024", dt.date(2024, 6, 1), SurveyKind.KARTLAGGNING,
                                 "Polisen", False), frame, actor="analyst")
    dash.store.add_survey(Survey("real-2025", "Uppföljning 2025", dt.date(2025, 6, 1), SurveyKind.UPPFOLJNING,
                                 "Polisen", False), pd.concat([frame.iloc[:40], new]), actor="analyst")
    dash.add_user("dora", PASSWORD, "deltagare", actor="cli:op")
    with streamlit_server(state) as url:
        yield url


def _number(text: str) -> int:
    assert re.fullmatch(r"\d[\d\u00a0 ]*", text), text  # a number, never words such as "färre än 3"
    return int(re.sub(r"\D", "", text))


def test_participant_overview_has_no_recoverable_key_figure(browser: object, issue_server: str) -> None:
    """Signed in as deltagare: total, new, persisting and ceased are all shown, total = persisting + new, and no
    key figure or comparison count reads "färre än" or "skyddad"."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    p = context.new_page()
    p.goto(issue_server + "/")
    p.get_by_role("button", name="Logga in").wait_for(timeout=60_000)
    p.get_by_label("Användarnamn").fill("dora")
    p.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    p.get_by_role("button", name="Logga in").click()
    p.locator('[data-testid="stMetric"]').filter(has_text="Kvarstående").first.wait_for(timeout=60_000)
    p.get_by_text("Teckenförklaring").first.wait_for(timeout=30_000)  # the small map is drawn
    metrics = p.evaluate(METRICS)
    total, new = _number(metrics["Öppna drogscener"]), _number(metrics["Nya"])
    persisting, ceased = _number(metrics["Kvarstående"]), _number(metrics["Upphörda"])
    assert (total, new, persisting, ceased) == (42, 2, 40, 13), metrics
    assert total == persisting + new
    assert not any(word in value for value in metrics.values() for word in ("färre än", "skyddad")), metrics
    p.wait_for_timeout(1_000)
    assert screenshot(p, "oversikt-deltagare").stat().st_size > 20_000
    p.locator('[data-testid="stMetric"]').filter(has_text="Kvarstående").first.scroll_into_view_if_needed()
    p.wait_for_timeout(500)
    assert screenshot(p, "oversikt-deltagare-jamforelse").stat().st_size > 20_000
    context.close()
