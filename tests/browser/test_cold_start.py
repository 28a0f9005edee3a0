"""The first visitor after a restart: a server that no browser session has run yet, started as a deployment starts
it (`python serve.py`). Every other browser test uses a warmed-up server, which would hide this."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scenes.domain.demo import load_demo
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import screenshot, streamlit_server


def _open_first(browser: object, url: str) -> object:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url)
    return page


def test_a_shared_link_is_the_first_request_after_a_restart(browser: object, tmp_path: Path) -> None:
    """A workshop link opened first on a fresh server shows its page, with its filter, and no "Page not found"."""
    Dashboard(Settings(state_dir=tmp_path)).init(demo=True)
    with streamlit_server(tmp_path) as url:
        page = _open_first(browser, url + "/karta?kategori=social_utsatthet")
        page.get_by_text("Exempeldata – fiktiva platser").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]
        page.get_by_role("link", name="Översikt").wait_for(timeout=30_000)  # type: ignore[attr-defined]
        page.wait_for_timeout(1_000)  # type: ignore[attr-defined]
        assert page.get_by_text("Page not found").count() == 0  # type: ignore[attr-defined]
        assert page.url.endswith("/karta?kategori=social_utsatthet")  # type: ignore[attr-defined]
        # The map itself draws: its component is declared inside the running server (serve.py imports no app code).
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')  # type: ignore[attr-defined]
        frame.locator(".leaflet-marker-icon").first.wait_for(timeout=60_000)
        screenshot(page, "kall-start-delad-lank")


def test_a_file_name_as_the_first_request_runs_no_page_on_its_own(browser: object, tmp_path: Path) -> None:
    """`/history` is a page file's name, not an address of the app. Opened first on a fresh real deployment, it must
    not run that file without app.py (no sign-in, a sidebar of raw file names): the app answers as for any unknown
    address, with its own sign-in form."""
    dash = Dashboard(Settings(state_dir=tmp_path))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes.assign(survey_id="k2026")
    dash.store.add_survey(Survey("k2026", "Kartläggning 2026", dt.date(2026, 5, 1), SurveyKind.KARTLAGGNING,
                                 "Länsstyrelsen", False), scenes, actor="analytiker")
    dash.add_user("ada", "ett långt lösenord 1", "admin", actor="test")
    with streamlit_server(tmp_path) as url:
        page = _open_first(browser, url + "/history")
        page.get_by_role("button", name="Logga in").wait_for(timeout=60_000)  # type: ignore[attr-defined]
        page.wait_for_timeout(1_000)  # type: ignore[attr-defined]
        screenshot(page, "kall-start-filnamn")
        assert page.get_by_role("link", name="history", exact=True).count() == 0  # type: ignore[attr-defined]
        assert page.get_by_role("link", name="app", exact=True).count() == 0  # type: ignore[attr-defined]
        assert page.get_by_text("Din roll får inte öppna den här sidan").count() == 0  # type: ignore[attr-defined]
