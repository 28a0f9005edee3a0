"""Accessibility in the browser: axe-core on every page for every role, keyboard navigation, screenshots.

Zero serious or critical axe violations is the bar (WCAG 2.1 AA, as the Swedish DOS law requires). Every page
is also saved as a 1366x768 screenshot in test-artifacts/ (README shows current ones).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import Page, choose, choose_demo_role, screenshot

pytestmark = pytest.mark.browser

URLS = {"overview": "", "map": "karta", "progress": "utveckling", "seminars": "seminarier", "goal": "mal",
        "upload": "ladda-upp", "history": "historik", "users": "anvandare", "reference": "referenstabeller",
        "setup": "starta-skarp-drift", "coordination": "samordning", "measures": "atgarder",
        "indicators": "indikatorer", "accessibility": "tillganglighet"}
#: the menu's link text of each page
LINK_NAMES = {"overview": "Översikt", "map": "Karta", "progress": "Utveckling", "seminars": "Seminarier", "goal": "Mål",
              "upload": "Ladda upp", "history": "Historik", "users": "Användare", "reference": "Referenstabeller",
              "setup": "Starta skarp drift", "coordination": "Samordning", "measures": "Åtgärder",
              "indicators": "Trygghetsindikatorer", "accessibility": "Tillgänglighetsredogörelse"}
ROLE_PAGES = {
    "deltagare": ["overview", "map", "progress", "seminars", "coordination", "accessibility"],
    "styrgrupp": ["overview", "map", "progress", "seminars", "coordination", "goal"],
    "analytiker": ["overview", "map", "progress", "seminars", "coordination", "goal", "upload", "history",
                   "measures", "indicators"],
    "admin": ["users", "reference", "setup"],
}
AXE = Axe()


def _choose_role(p: Page, server: str, role: str) -> None:
    p.page.goto(server + "/")
    choose_demo_role(p.page, role)
    time.sleep(1)


def _settle(p: Page, key: str = "") -> None:
    p.page.wait_for_load_state("networkidle")
    p.page.locator('[data-testid="stApp"]').wait_for()
    if key == "map":  # wait for the map itself, so axe and the screenshot see it drawn
        frame = 'iframe[title="streamlit_folium.st_folium"]'
        p.page.wait_for_selector(frame, timeout=60_000)
        p.page.frame_locator(frame).locator(".leaflet-marker-icon >> visible=true").first.wait_for(timeout=60_000)
    time.sleep(2.5)  # Streamlit streams elements in


@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_no_serious_accessibility_violations(page: Page, server: str, role: str) -> None:
    """axe-core finds no serious or critical violation on any page this role can open."""
    _choose_role(page, server, role)
    found = {}
    for key in ROLE_PAGES[role]:
        page.page.get_by_role("link", name=LINK_NAMES[key], exact=True).click()
        page.page.wait_for_url(f"**/{URLS[key]}" if URLS[key] else f"{server}/**")
        _settle(page, key)
        screenshot(page.page, f"sida-{role}-{key}")
        assert page.page.locator('[data-testid="stException"]').count() == 0, (role, key)
        result = AXE.run(page.page)
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[key] = bad
    assert found == {}
    assert page.blocked == []


def test_navigation_and_filters_by_keyboard(page: Page, server: str) -> None:
    """Without a mouse: Tab to the Karta link and press Enter, then set a municipality filter by typing."""
    page.page.goto(server + "/")
    _settle(page)
    seen = []
    for _ in range(60):
        page.page.keyboard.press("Tab")
        focused = page.page.evaluate("() => document.activeElement && document.activeElement.textContent") or ""
        seen.append(focused.strip()[:30])
        if focused.strip().endswith("Karta"):  # the icon's ligature name comes first
            break
    assert seen[-1].endswith("Karta"), seen
    page.page.keyboard.press("Enter")
    page.page.get_by_role("heading", name="Karta över öppna drogscener").wait_for(timeout=30_000)
    _settle(page)
    filters = page.page.locator('[data-testid="stExpander"] summary').filter(has_text="Urval").first
    filters.focus()  # the filters' heading is a native <summary>: Enter opens it
    page.page.keyboard.press("Enter")
    page.page.get_by_label("Kommun", exact=True).wait_for(timeout=10_000)
    choose(page.page, "Kommun", "Botkyrka")
    page.page.get_by_text("Visar 7 av 53 scener").wait_for(timeout=30_000)


HEADINGS_EN = {"": "Open drug scenes in Stockholm County", "karta": "Map of open drug scenes",
               "utveckling": "Progress toward the 2027 goal", "seminarier": "Seminars and workshops",
               "mal": "The steering group's goal", "ladda-upp": "Upload a survey", "historik": "History and audit log"}


def test_every_page_in_english(page: Page, server: str) -> None:
    """With ?lang=en every page speaks English (its heading), shows no exception, and the map is drawn."""
    page.page.goto(server + "/?lang=en")
    _settle(page)
    for path, heading in HEADINGS_EN.items():
        link = page.page.get_by_role("link", name={"": "Overview", "karta": "Map", "utveckling": "Progress",
                                                   "seminarier": "Seminars", "mal": "Goal", "ladda-upp": "Upload",
                                                   "historik": "History"}[path], exact=True)
        for attempt in range(2):  # a click that lands while the page before is still rerunning can be lost
            link.click()
            try:
                page.page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
                break
            except Exception:
                if attempt:
                    raise
        _settle(page, "map" if path == "karta" else "")
        assert page.page.locator('[data-testid="stException"]').count() == 0, path
    assert page.blocked == []


def test_steering_group_downloads_the_report(page: Page, server: str) -> None:
    """A steering-group member reads the overview and downloads the status report as a PDF."""
    _choose_role(page, server, "styrgrupp")
    page.page.get_by_text("Efter planen").first.wait_for(timeout=30_000)
    with page.page.expect_download(timeout=120_000) as info:
        page.page.get_by_role("button", name="Exportera lägesrapport (PDF)").click()
    data = Path(info.value.path()).read_bytes()
    assert data[:5] == b"%PDF-"
    assert len(data) > 20_000
