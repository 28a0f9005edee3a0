"""What users typed is shown as text, in Chromium: Markdown image and link syntax, raw HTML, bare web and e-mail
addresses in survey names, scene names and notes, and every seminar field never become an image, a link or an
outside request, on any page, for a participant or an analyst."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.model import ProgrammeItem, Seminar, Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import Page, _serve, choose_demo_role, screenshot
from tests.browser.test_a11y import LINK_NAMES, URLS, _settle

pytestmark = pytest.mark.browser

HOSTILE = ("Plats ![bild](http://evil.example/bild.png) [länk](http://evil.example/lank) "
           "<img src=http://evil.example/tag.png> www.evil.example eve@evil.example {{ 7*7 }} {% raw %}")
LINKS = """() => [...document.querySelectorAll('a[href*="evil"], img[src*="evil"], [style*="evil"]')]
    .map(e => (e.closest('[data-testid]') || e).getAttribute('data-testid') + ': ' + e.outerHTML.slice(0, 90))"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[str]:
    """The demo store plus a (demo) survey whose name, scene names and notes are hostile, and a seminar whose every
    text field is."""
    state: Path = tmp_path_factory.mktemp("browser-hostile")
    dash = Dashboard(Settings(state_dir=state))
    dash.init(demo=True)
    frame = dash.store.scenes("demo-2024-02").copy()
    frame["name"], frame["notes"] = HOSTILE, HOSTILE
    dash.store.add_survey(Survey("hostile", HOSTILE, dt.date(2024, 6, 1), SurveyKind.UPPFOLJNING, HOSTILE, True),
                          frame, actor="test")
    dash.store.save_seminars([Seminar(
        "hostile", HOSTILE, HOSTILE, dt.date(2030, 1, 15), "09:00", "12:00", None, HOSTILE, HOSTILE, HOSTILE,
        description=HOSTILE, cost=HOSTILE, contact=HOSTILE, source=HOSTILE, focus_categories=("utsatt_omrade",),
        programme=(ProgrammeItem("09:00", HOSTILE, HOSTILE), ProgrammeItem("", HOSTILE, "")))], actor="test")
    # a (demo) measure and an indicator value whose texts are hostile: the measure pages and the coordination view
    dash.store.save_measures([Measure("hostile", "uppsokande", "region_stockholm", "pagaende",
                                      scene_id=str(frame["scene_id"].iloc[0]), note=HOSTILE, demo=True)], actor="test")
    dash.store.save_indicators([Indicator(HOSTILE[:200], 12.5, "%", dt.date(2024, 6, 30), "lan", "", HOSTILE,
                                          "https://example.org/rapport", HOSTILE)], actor="test")
    yield from _serve(state, browser)


def _as(p: Page, server: str, role: str) -> None:
    p.page.goto(server + "/")
    choose_demo_role(p.page, role)
    p.page.wait_for_timeout(1000)


@pytest.mark.parametrize(("role", "pages"), [
    ("deltagare", ["overview", "map", "progress", "seminars", "coordination"]),
    ("analytiker", ["overview", "map", "progress", "seminars", "coordination", "goal", "upload", "history",
                    "measures", "indicators"]),
])
def test_user_text_never_becomes_a_link_an_image_or_a_request(browser: object, hostile_server: str, role: str,
                                                              pages: list[str]) -> None:
    """Every page the role opens: no element links to or loads from the hostile address (main page or the map's
    frame), no request leaves the machine, and the hostile text is there as text where the page shows it."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    p = Page(context.new_page(), [])
    try:
        _as(p, hostile_server, role)
        found: dict[str, list[str]] = {}
        for key in pages:
            p.page.get_by_role("link", name=LINK_NAMES[key], exact=True).click()  # same session: the role stays
            p.page.wait_for_url(f"**/{URLS[key]}" if URLS[key] else f"{hostile_server}/**")
            _settle(p, key)
            for frame in p.page.frames:
                hits = frame.evaluate(LINKS)
                if hits:
                    found.setdefault(key, []).extend(hits)
            if key in ("map", "seminars"):  # (elsewhere it is in a data grid, drawn on a canvas)
                body = p.page.locator("body").inner_text()
                assert "evil.example/lank" in body, (key, "the hostile text should be shown, as text")
                assert "{{ 7*7 }} {% raw %}" in body, (key, "a name is never read as a template")
            screenshot(p.page, f"anvandartext-{role}-{key}")
        assert p.page.get_by_label("Visa som roll (demoläge)").input_value() == role.capitalize()
        assert found == {}
        assert [u for u in requests if "evil" in u] == []
    finally:
        context.close()
