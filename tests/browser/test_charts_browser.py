"""The Utveckling page's charts in a real browser, at a phone's, a laptop's and a wide screen's width: no text
drawn outside its chart, no Vega warning, numbers and months in Swedish in the tooltip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scenes.model import Goal
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import Page, screenshot, streamlit_server

pytestmark = pytest.mark.browser

#: every text element of every chart that leaves its chart's box (1 px tolerance for anti-aliasing)
TEXT_OUTSIDE = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart'] svg.marks")].flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
                               || r.bottom > box.bottom + 1); }).map(t => t.textContent);
})"""


@pytest.mark.parametrize("size", [(390, 844), (1366, 768), (1920, 1080)])
def test_progress_charts_keep_their_text_inside_and_warn_nothing(page: Page, server: str,
                                                                  size: tuple[int, int]) -> None:
    p = page.page
    warnings: list[str] = []
    p.on("console", lambda m: warnings.append(m.text) if "WARN" in m.text or m.type == "warning" else None)
    p.set_viewport_size({"width": size[0], "height": size[1]})
    p.goto(server + "/utveckling")
    charts = p.locator("[data-testid='stVegaLiteChart'] svg.marks")
    charts.nth(1).wait_for(timeout=60_000)
    p.get_by_text("Seminarier i diagrammet").wait_for()
    points = p.locator("[data-testid='stVegaLiteChart'] svg.marks path[aria-roledescription='point']")
    # three surveys (each with its published total), the 2017 total, the goal; on a loaded machine the chart may
    # still be drawing its marks when its box is there, so the count is awaited (it fails if it settles elsewhere),
    # and the text is checked once the marks are drawn
    expect(points).to_have_count(5, timeout=30_000)
    assert p.evaluate(TEXT_OUTSIDE) == []
    assert not [w for w in warnings if "legend" in w.lower() or "conflict" in w.lower()], warnings
    if size[0] == 1366:
        first = next(i for i in range(points.count()) if "Kartläggning 2021" in (points.nth(i).get_attribute(
            "aria-label") or ""))
        points.nth(first).hover(force=True)
        tooltip = p.locator("#vg-tooltip-element")
        tooltip.wait_for()
        assert "1 december 2021" in tooltip.inner_text()
        assert "64 (Kartläggning 2021)" in tooltip.inner_text()
    assert page.blocked == []


def test_overview_is_one_screen_at_1920(page: Page, server: str) -> None:
    """At 1920x1080 the steering group reads the key figures, the map and the trend without scrolling; the map is
    a loaded picture, the chart's text stays inside it, and both link to their pages."""
    p = page.page
    p.set_viewport_size({"width": 1920, "height": 1080})
    p.goto(server + "/")
    p.locator("[data-testid='stVegaLiteChart'] svg.marks").first.wait_for(timeout=60_000)
    picture = p.locator("img[alt^='Karta över Stockholms län']")
    picture.wait_for()
    assert p.evaluate("(img) => img.complete && img.naturalWidth > 100", picture.element_handle())
    bottoms = {name: p.get_by_role("link", name=name, exact=True).bounding_box() for name in ("Öppna kartan",
                                                                              "Utvecklingen i detalj")}
    assert all(box is not None and box["y"] + box["height"] <= 1080 for box in bottoms.values()), bottoms
    metric = p.locator("[data-testid='stMetric']").first.bounding_box()
    assert metric is not None
    assert metric["y"] > 0
    assert p.evaluate(TEXT_OUTSIDE) == []
    assert page.blocked == []


def test_a_withdrawn_baseline_is_named_where_it_was_used(browser: object, tmp_path: Path) -> None:
    """The steering group chose 2021 as the baseline, then 2021 was withdrawn: Översikt and Utveckling say so and
    name the baseline used instead (November 2023), and the change is against it (53 - 63 = -10)."""
    state = tmp_path / "state"
    dash = Dashboard(Settings(state_dir=state))
    dash.init(demo=True)
    dash.store.set_goal(Goal(target_count=32, target_date=dt.date(2027, 12, 31), is_example=False,
                             baseline_survey_id="demo-2021"), actor="test")
    dash.store.set_withdrawn("demo-2021", True, actor="test")
    dash.store.engine.dispose()
    note = ("Den valda utgångsmätningen Kartläggning 2021 (exempel) är återkallad. Utgångsläget är i stället "
            "Kartläggning november 2023 (exempel).")
    with streamlit_server(state) as url:
        p = browser.new_page(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
        try:
            p.goto(url + "/")
            p.get_by_text(note).wait_for(timeout=60_000)
            metric = p.locator("[data-testid='stMetric']").first
            expect(metric.locator("[data-testid='stMetricDelta']")).to_contain_text("-10")
            p.locator("[data-testid='stVegaLiteChart'] svg.marks").first.wait_for(timeout=60_000)
            screenshot(p, "oversikt-aterkallat-utgangslage")
            p.goto(url + "/utveckling")
            p.get_by_text(note).wait_for(timeout=60_000)
            p.get_by_text("Jämförs med utgångsläget: Kartläggning november 2023 (exempel)").wait_for()
        finally:
            p.close()
