"""The map as a workshop and meeting instrument, in Chromium at 1366x768 and 1920x1080: names without tiles, the
legend's classes, presentation mode, selection both ways, and stepping through surveys without a remount."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from tests.browser.conftest import Page, screenshot
from tests.browser.test_map_browser import _frame, _map_frame, _scene_count

pytestmark = pytest.mark.browser

VISIBLE_NAMES = """() => [...document.querySelectorAll('.muni-label')]
    .filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent)"""

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('.muni-label')].filter(e => getComputedStyle(e).display !== 'none')
    .map(e => { const r = e.getBoundingClientRect(); const w = e.scrollWidth;  // the text, not the box
                const c = r.left + r.width / 2; return [c - w / 2, r.top, c + w / 2, r.bottom]; });
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i], boxes[j]];
    if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) n++;
  }
  return n; }"""


@pytest.fixture
def wide(browser: object, server: str) -> Iterator[Page]:
    """A 1920x1080 page (a projector), network guarded as in the default fixture."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="sv-SE")  # type: ignore[attr-defined]
    blocked: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    yield Page(context.new_page(), blocked)
    context.close()


def _names(p: Page, least: int, timeout: float = 30) -> list[str]:
    deadline = time.monotonic() + timeout
    names: list[str] = []
    while time.monotonic() < deadline:
        try:
            names = _frame(p).evaluate(VISIBLE_NAMES)  # type: ignore[attr-defined]
        except Exception:  # the frame is (re)rendering
            names = []
        if len(names) >= least:
            return names
        time.sleep(0.5)
    return names


@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_names_and_classes_without_tiles(page: Page, wide: Page, server: str, size: str) -> None:
    """Without a tile server the municipalities carry their names (none overlapping), and the legend states the
    round classes with zero apart and the neutral cluster explained."""
    p = page if size == "1366x768" else wide
    p.page.goto(server + "/karta")
    _map_frame(p)
    assert _scene_count(p, 53).get("total") == 53
    names = _names(p, 8)
    time.sleep(1)
    screenshot(p.page, f"karta-namn-{size}")
    assert len(names) >= 8, names
    assert {"Norrtälje", "Södertälje"} <= set(names)
    assert _frame(p).evaluate(OVERLAPS) == 0  # type: ignore[attr-defined]
    legend = p.page.locator(".scenes-legend").first.inner_text()
    for label in ("Antal scener", "0", "1–2", "3–5", "6–10", "Grupp av närliggande scener", "Länsgräns"):
        assert label in legend, (label, legend)
    colours = _frame(p).evaluate(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('.scene-cluster div')].map(d => getComputedStyle(d).backgroundColor)")
    assert colours
    assert set(colours) == {"rgb(59, 59, 59)"}
    water = _frame(p).evaluate(  # type: ignore[attr-defined]
        "() => getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor")
    assert water == "rgb(198, 219, 233)"
    assert p.blocked == []


def test_presentation_mode_fills_the_projector(wide: Page, server: str) -> None:
    """?visning=1 at 1920x1080: no sidebar, the map fills the window, the title line summarises the filters, the
    demo notice stays, the legend is large; switching it off brings the page back and drops the parameter."""
    p = wide.page
    p.goto(server + "/karta?visning=1&kategori=utsatt_omrade")
    _map_frame(wide)
    title = p.get_by_text(re.compile(r"Kategori: Utsatt område · Antal scener")).first
    title.wait_for(timeout=30_000)
    names = _names(wide, 12)
    time.sleep(1)
    screenshot(p, "karta-visningslage-1920")
    box = p.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    assert box is not None
    assert box["width"] >= 0.75 * 1920, box
    assert box["height"] >= 0.75 * 1080, box
    assert box["y"] + box["height"] <= 1080  # the whole map on screen: nothing to scroll to
    assert not p.locator('section[data-testid="stSidebar"]').is_visible()
    assert p.get_by_text("Exempeldata – fiktiva platser.").first.is_visible()
    assert len(names) >= 12, names
    size = p.locator(".scenes-legend li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 19
    p.get_by_text("Visningsläge").first.click()
    p.locator('section[data-testid="stSidebar"]').wait_for(state="visible", timeout=30_000)
    assert "visning" not in p.url
    assert "kategori=utsatt_omrade" in p.url
    assert wide.blocked == []


def _selected_row(p: Page) -> str | None:
    return p.page.evaluate("""() => { const r = document.querySelector(
        '[data-testid=stDataFrame] tr[aria-selected=true] td'); return r ? r.textContent : null; }""")


def test_selection_both_ways(page: Page, server: str) -> None:
    """A row chosen in the table is ringed on the map and the map pans to it; a scene clicked on the map selects
    its row in the table."""
    page.page.goto(server + "/karta?kommun=0127")
    _map_frame(page)
    assert _scene_count(page, 7).get("total") == 7
    time.sleep(1.5)
    grid = page.page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection cell
    deadline = time.monotonic() + 30
    rings = 0
    while time.monotonic() < deadline and not rings:
        rings = _frame(page).evaluate(  # type: ignore[attr-defined]
            "() => document.querySelectorAll('.selected-scene').length")
        time.sleep(0.5)
    first = _selected_row(page)
    assert rings == 2, rings
    assert first
    assert first.startswith("DEMO-0127"), first
    time.sleep(1.5)  # the pan animation
    centred = _frame(page).evaluate("""() => {
        const m = document.querySelector('.leaflet-container').getBoundingClientRect();
        const r = document.querySelector('.selected-scene').getBoundingClientRect();
        return [Math.abs((r.left + r.right) / 2 - (m.left + m.right) / 2),
                Math.abs((r.top + r.bottom) / 2 - (m.top + m.bottom) / 2)]; }""")  # type: ignore[attr-defined]
    assert max(centred) < 40, centred
    screenshot(page.page, "karta-vald-rad")

    page.page.goto(server + "/karta?kommun=0181")  # a shared link: a new view, nothing selected
    _map_frame(page)
    time.sleep(3)
    marker = _frame(page).locator(".leaflet-marker-icon.scene-marker").first  # type: ignore[attr-defined]
    chosen = None
    for _attempt in range(3):  # a click while the map is still settling is ignored by Leaflet
        marker.click()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not chosen:
            chosen = _selected_row(page)
            time.sleep(0.5)
        if chosen:
            break
    assert chosen
    assert chosen.startswith("DEMO-0181"), chosen
    assert page.page.get_by_text(chosen, exact=True).count() >= 1  # the details panel names the same scene
    assert page.blocked == []


def test_time_steps_without_remount(page: Page, server: str) -> None:
    """Previous survey: the same map (not remounted) now draws November 2023's 63 scenes, with the 12 that ceased
    and the 11 that are new since 2021 marked (one merge and one split among them); the classes stay."""
    page.page.goto(server + "/karta")
    _map_frame(page)
    assert _scene_count(page, 53).get("total") == 53
    _frame(page).evaluate("() => { window.__sentinel = 'same-map'; }")  # type: ignore[attr-defined]
    legend_before = page.page.locator(".scenes-legend").first.inner_text().split("Antal scener")[1]
    page.page.get_by_role("button", name="◀").click()
    counts = _scene_count(page, 63)
    time.sleep(1)
    frame = _frame(page)
    marks = frame.evaluate("""() => ({ceased: document.querySelectorAll('.ceased-marker').length,
        badges: [...document.querySelectorAll('.scene-marker .badge')].map(b => b.textContent)})""")  # type: ignore[attr-defined]
    screenshot(page.page, "karta-tidssteg")
    assert counts.get("total") == 63, counts
    assert frame.evaluate("() => window.__sentinel") == "same-map"  # type: ignore[attr-defined]
    assert marks["ceased"] == 12
    assert set(marks["badges"]) <= {"+", "⊕", "÷"}
    assert page.page.get_by_text(re.compile(r"11 nya och 12 upphörda sedan Kartläggning 2021")).count() == 1
    legend_after = page.page.locator(".scenes-legend").first.inner_text().split("Antal scener")[1]
    assert legend_after == legend_before  # the same classes in every survey

    # Södertälje at a zoom without clusters: the two scenes split from one 2021 scene carry the split badge
    page.page.goto(server + "/karta?survey=demo-2023-11&kommun=0181")
    _map_frame(page)
    deadline, badges = time.monotonic() + 30, []
    while time.monotonic() < deadline and len(badges) < 2:
        badges = _frame(page).evaluate(  # type: ignore[attr-defined]
            "() => [...document.querySelectorAll('.scene-marker .badge')].map(b => b.textContent)")
        time.sleep(0.5)
    assert badges == ["÷", "÷"]
    legend = page.page.locator(".scenes-legend").first.inner_text()
    assert "Delad från en tidigare scen" in legend
    assert page.blocked == []
