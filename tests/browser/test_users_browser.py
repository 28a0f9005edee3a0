"""Användare and the accessibility statement in the browser, on a county's own deployment (no demo data): removing a
user asks first, naming the person, and nothing changes until "Ja"; the statement is linked from the sidebar of
every page, signed in or not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import _serve, screenshot, session_cookie

pytestmark = pytest.mark.browser

PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account on a throwaway store
#: every page an administrator can open, by address
ADMIN_PAGES = ["oversikt", "karta", "utveckling", "seminarier", "samordning", "mal", "ladda-upp", "historik",
               "atgarder", "indikatorer", "anvandare", "referenstabeller", "starta-skarp-drift", "tillganglighet"]


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, Path]]:
    """A real deployment: `scenes init`, an administrator and an analyst; yields (url, state folder)."""
    state = tmp_path_factory.mktemp("county-users")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    dash.add_user("ada", PASSWORD, "admin", actor="cli:op")
    dash.add_user("bo", PASSWORD, "analytiker", actor="cli:op")
    for url in _serve(state, browser):
        yield url, state


def _signed_in(browser: object, url: str, path: str, user: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + path)
    page.get_by_role("textbox", name="Användarnamn").fill(user)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    return context, page


def _accounts(state: Path) -> set[str]:
    return {a.username for a in Dashboard(Settings(state_dir=state)).accounts.list()}


def test_removing_a_user_asks_first_and_the_list_shows_it(browser: object, county: tuple[str, Path]) -> None:
    url, state = county
    context, page = _signed_in(browser, url, "/anvandare", "ada")
    page.get_by_role("heading", name="Lokala konton").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    who = page.get_by_role("combobox", name="Användarnamn")
    who.scroll_into_view_if_needed()
    for box in (who, page.get_by_role("combobox", name="Person")):  # nothing preselected: the placeholder shows
        assert (box.input_value(), box.get_attribute("placeholder")) == ("", "Välj en person …")
    screenshot(page, "anvandare-inget-valt")
    who.click()
    page.keyboard.type("bo")
    page.keyboard.press("Enter")
    page.wait_for_timeout(800)
    page.get_by_role("button", name="Ta bort användaren").click()
    question = page.get_by_text("Ta bort kontot bo (Analytiker)?")
    question.wait_for(timeout=30_000)
    page.get_by_role("button", name="Ja, ta bort bo").wait_for()
    screenshot(page, "anvandare-bekrafta-borttagning")
    assert _accounts(state) == {"ada", "bo"}  # asked, not done
    page.get_by_role("button", name="Avbryt").click()
    page.get_by_text("Inget ändrades.").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # the rerun has replaced the page (no faded copy of a button left)
    assert _accounts(state) == {"ada", "bo"}
    page.get_by_role("button", name="Ta bort användaren").click()
    page.get_by_role("button", name="Ja, ta bort bo").click()
    page.get_by_text("Kontot bo togs bort").wait_for(timeout=30_000)
    assert _accounts(state) == {"ada"}
    page.wait_for_timeout(800)
    screenshot(page, "anvandare-borttagen")
    page.get_by_role("combobox", name="Användarnamn").click()
    page.wait_for_timeout(500)
    screenshot(page, "anvandare-valbara")
    assert page.locator("[role=option]").all_inner_texts() == ["ada"]  # the list is already without bo
    page.keyboard.press("Escape")
    context.close()


def test_the_accessibility_statement_is_linked_from_every_page(browser: object, county: tuple[str, Path]) -> None:
    url, _state = county
    # signed out: from the sign-in page
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + "/")
    page.get_by_role("button", name="Logga in").wait_for(timeout=60_000)
    page.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    page.get_by_role("heading", name="Tillgänglighetsredogörelse").wait_for(timeout=30_000)
    body = page.locator("body").inner_text()
    assert "delvis förenlig" in body
    assert "https://www.digg.se/" in body.replace("\u2060", "")  # (a word joiner keeps it from becoming a link)
    assert page.locator("a[href*='digg.se']").count() == 0  # the address is text: the service works offline
    screenshot(page, "tillganglighet-utloggad")
    context.close()
    # signed in: from every page an administrator has
    context, page = _signed_in(browser, url, "/", "ada")
    page.get_by_role("link", name="Tillgänglighetsredogörelse").wait_for(timeout=60_000)
    session_cookie(context, page)  # each address below is opened afresh, signed in by the cookie
    for path in ADMIN_PAGES:
        page.goto(f"{url}/{path}")
        page.get_by_text("Inloggad: ada").wait_for(timeout=60_000)  # the page itself, not the sign-in form
        page.get_by_role("link", name="Tillgänglighetsredogörelse").wait_for(timeout=60_000)
        assert page.get_by_role("link", name="Tillgänglighetsredogörelse").count() == 1, path
    page.goto(url + "/anvandare")
    page.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    page.get_by_role("heading", name="Kända brister").wait_for(timeout=30_000)
    screenshot(page, "tillganglighet")
    context.close()
