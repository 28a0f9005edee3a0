"""The map as a person sees it: real Chromium, no network beyond localhost."""

from __future__ import annotations

import re
import time

import pytest

from tests.browser.conftest import Page, choose, choose_demo_role, screenshot

pytestmark = pytest.mark.browser

COUNT_JS = """() => {
  const singles = document.querySelectorAll('.leaflet-marker-icon.scene-marker').length;
  let clustered = 0;
  document.querySelectorAll('.leaflet-marker-icon.marker-cluster').forEach(c => {
    clustered += parseInt(c.textContent.trim(), 10) || 0;
  });
  return {singles, clustered, total: singles + clustered,
          boundaries: document.querySelectorAll('path.leaflet-interactive').length};
}"""


def _map_frame(p: Page) -> object:
    p.page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=60_000)
    return p.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def _scene_count(p: Page, expected: int, timeout: float = 30) -> dict[str, int]:
    """Poll the map until it shows `expected` scenes (or time out and return what it shows)."""
    deadline = time.monotonic() + timeout
    counts: dict[str, int] = {}
    while time.monotonic() < deadline:
        frame = next((f for f in p.page.frames if "streamlit_folium" in f.url), None)
        if frame is not None:
            try:
                counts = frame.evaluate(COUNT_JS)
            except Exception:  # the frame may be re-rendering
                counts = {}
            if counts.get("total") == expected:
                return counts
        time.sleep(0.5)
    return counts


def _open_map(p: Page, server: str) -> None:
    p.page.goto(server + "/")
    p.page.get_by_role("link", name="Karta", exact=True).click()
    _map_frame(p)


def test_map_renders_every_scene_offline(page: Page, server: str) -> None:
    """All 53 scenes of the latest demo survey are on the map, with boundaries, and nothing left the machine."""
    _open_map(page, server)
    counts = _scene_count(page, 53)
    screenshot(page.page, "karta")
    assert counts.get("total") == 53, counts
    assert counts["boundaries"] >= 26  # the municipality choropleth is drawn
    assert page.blocked == []


def open_filters(p: Page) -> None:
    """The filters sit in an expander headed by what they select ("Urval: …")."""
    p.page.locator('[data-testid="stExpander"] summary').filter(has_text="Urval").first.click()
    p.page.get_by_label("Kommun", exact=True).wait_for(timeout=10_000)


def _frame(p: Page) -> object:
    return next(f for f in p.page.frames if "streamlit_folium" in f.url)


def test_filter_change_updates_the_map_without_remount(page: Page, server: str) -> None:
    """Choosing a municipality leaves only its scenes (Botkyrka: 7) in the same, not remounted, map."""
    _open_map(page, server)
    assert _scene_count(page, 53).get("total") == 53
    _frame(page).evaluate("() => { window.__sentinel = 'same-map'; }")
    open_filters(page)
    choose(page.page, "Kommun", "Botkyrka")
    counts = _scene_count(page, 7)
    time.sleep(1.5)  # let the zoom animation and re-clustering settle before the screenshot
    screenshot(page.page, "karta-botkyrka")
    assert counts.get("total") == 7, counts
    assert _frame(page).evaluate("() => window.__sentinel") == "same-map"  # no remount, no flash
    assert page.blocked == []


def test_filter_changes_leave_nothing_of_earlier_maps(page: Page, server: str) -> None:
    """A map left open through many filter changes (a projector all day) keeps only the current rerun's layers:
    the first map's scenes are collected once the filters change (streamlit-folium's list of every layer group it
    added, the click listener each removed layer control left on the map and the theme stylesheet added on every
    render kept them all, about 1.7 MB a change), and the map's click listeners and stylesheets do not pile up."""
    _open_map(page, server)
    assert _scene_count(page, 53).get("total") == 53
    frame = _frame(page)
    state = """() => ({groups: (window.__scenesLayers || []).length, clicks: (window.map._events.click || []).length,
        offmap: (window.__scenesLayers || []).filter(g => !window.map.hasLayer(g)).length,
        streamlitFolium: (window.feature_group || []).length,
        themes: [...document.head.querySelectorAll('style')].filter(s => s.textContent.includes('--primary-color'))
                 .length})"""
    frame.evaluate("""() => window.map.eachLayer(l => { if (l.scenePoints) { window.__first = new WeakRef(l); } })""")
    first = frame.evaluate(state)
    open_filters(page)
    for name in ("Botkyrka", "Danderyd", "Ekerö", "Haninge"):
        before = frame.evaluate("() => window.__rerun = (window.__rerun || 0) + 1")
        frame.evaluate("""(n) => window.map.eachLayer(l => { if (l.scenePoints) { l.__rerun = n; } })""", before)
        choose(page.page, "Kommun", name)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and frame.evaluate("""(n) => { let old = false;
                window.map.eachLayer(l => { if (l.scenePoints && l.__rerun === n) { old = true; } }); return old; }""",
                                                             before):
            time.sleep(0.2)
    cdp = page.page.context.new_cdp_session(page.page)
    cdp.send("HeapProfiler.collectGarbage")
    assert frame.evaluate("() => window.__first.deref() === undefined"), "the first map's scenes are still held"
    now = frame.evaluate(state)
    assert now["groups"] > 0, now  # the layers handed over through the page
    assert now["offmap"] == 0, now  # only the layers shown are kept
    assert now["groups"] <= first["groups"], (first, now)
    assert now["streamlitFolium"] == 0, now  # streamlit-folium's own list stays empty
    assert now["clicks"] == first["clicks"], (first, now)
    assert now["themes"] == 1, now
    assert page.blocked == []


def test_a_map_left_is_let_go_of(page: Page, server: str) -> None:
    """A map frame removed from the page (the reader went to another page) is collected: its watch on the page
    (`ScenesMap.follow`) is disconnected when the frame goes, or the page, which lives for the whole visit, kept
    every map frame it ever showed, with its map and scenes."""
    _open_map(page, server)
    assert _scene_count(page, 53).get("total") == 53
    page.page.evaluate("""() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
        window.__leftMap = new WeakRef(f.contentWindow.map); }""")
    page.page.get_by_role("link", name="Översikt", exact=True).click()
    page.page.locator('iframe[title="streamlit_folium.st_folium"]').wait_for(state="detached", timeout=30_000)
    page.page.wait_for_timeout(1_000)
    cdp = page.page.context.new_cdp_session(page.page)
    gone = False
    for _ in range(5):  # a collection may need a task or two to let go of a detached frame's objects
        cdp.send("HeapProfiler.collectGarbage")
        gone = page.page.evaluate("() => window.__leftMap.deref() === undefined")
        if gone:
            break
        page.page.wait_for_timeout(500)
    assert gone, "the map frame left is still held"


WATCH_HAND_OVER = """() => {
    // At the first animation frame after the page wrote the map's new layers (its hidden element), which data layer
    // is on the frame's map: the one marked "old" (drawn a paint later) or the new one.
    const el = () => document.querySelector('.scenes-layers[data-map="scene_map"]');
    window.__lastLayers = el().getAttribute('data-layers');
    window.__seen = [];
    new MutationObserver(() => {
        const code = el() && el().getAttribute('data-layers');
        if (!code || code === window.__lastLayers) { return; }
        window.__lastLayers = code;
        requestAnimationFrame(() => {
            const w = document.querySelector('iframe[title="streamlit_folium.st_folium"]').contentWindow;
            const marks = [];
            w.map.eachLayer(l => { if (l.scenePoints) { marks.push(l.__mark || 'new'); } });
            window.__seen.push(marks.join(','));
        });
    }).observe(document.body, {childList: true, subtree: true, attributes: true});
}"""


def test_a_filter_change_is_drawn_with_the_page(page: Page, server: str) -> None:
    """A rerun's layers reach the map's frame in the task in which the page writes them (`ui.frame_layers`): at the
    first animation frame after the page changed, the frame already has the new scenes, so they are painted with
    the rest of the page. (Handed over by streamlit-folium, in a message posted after the page's paint, they were
    drawn a paint later, behind the page's further rendering.)"""
    _open_map(page, server)
    assert _scene_count(page, 53).get("total") == 53
    frame = _frame(page)
    page.page.evaluate(WATCH_HAND_OVER)
    open_filters(page)
    for name in ("Botkyrka", "Haninge"):
        frame.evaluate("() => window.map.eachLayer(l => { if (l.scenePoints) { l.__mark = 'old'; } })")
        seen = len(page.page.evaluate("() => window.__seen"))
        choose(page.page, "Kommun", name)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(page.page.evaluate("() => window.__seen")) == seen:
            time.sleep(0.1)
        assert page.page.evaluate("() => window.__seen")[seen:][:1] == ["new"], name
    assert page.blocked == []


def test_the_shapes_come_once_from_one_cached_file(page: Page, server: str) -> None:
    """The outlines, the land around and the shaded municipalities are drawn from the map frame's one script
    (Leaflet, the map's code and the shapes), which the frame fetches once: a filter change recolours the
    municipalities (the hover says the new figure) without fetching it or sending the shapes again."""
    fetched: list[str] = []
    page.page.on("request", lambda r: fetched.append(r.url) if r.url.endswith(".js") and "/vendor/" in r.url
                 else None)
    _open_map(page, server)
    assert _scene_count(page, 53).get("total") == 53
    shapes = """() => ({shaded: document.querySelectorAll('.leaflet-overlay-pane path.municipality-shade').length,
                        outlines: document.querySelectorAll('.leaflet-outlines-pane path').length})"""
    drawn = _frame(page).evaluate(shapes)  # type: ignore[attr-defined]
    assert drawn["shaded"] == 26, drawn  # the 26 municipalities
    assert drawn["outlines"] >= 2, drawn  # the county, the police areas
    assert len(fetched) == 1, fetched
    assert re.search(r"/app/static/vendor/map-[0-9a-f]{16}\.js$", fetched[0]), fetched
    open_filters(page)
    choose(page.page, "Kommun", "Botkyrka")
    assert _scene_count(page, 7).get("total") == 7
    assert _frame(page).evaluate(shapes) == drawn  # the same shapes, recoloured
    assert len(fetched) == 1, fetched
    # Botkyrka's shape says what it now shows
    _frame(page).evaluate("""() => window.map.eachLayer(l => {
        if (l.feature && l.feature.properties.code === '0127') { l.openTooltip(); } })""")  # type: ignore[attr-defined]
    tip = _frame(page).locator(".leaflet-tooltip.shade-tip").first  # type: ignore[attr-defined]
    tip.wait_for(timeout=10_000)
    lines = [" ".join(line.split()) for line in tip.inner_text().splitlines()]
    assert lines == ["Kommun Botkyrka", "Antal scener 7"], lines
    assert page.blocked == []


def test_clicking_a_scene_shows_details_and_history(page: Page, server: str) -> None:
    """A click on a marker shows that scene's details and its history across the three surveys."""
    page.page.goto(server + "/karta?kommun=0127")
    _map_frame(page)
    assert _scene_count(page, 7).get("total") == 7
    time.sleep(1.5)
    frame = _frame(page)
    marker = frame.locator(".leaflet-marker-icon.scene-marker").first  # type: ignore[attr-defined]
    history_line = page.page.get_by_text("Kartläggning 2021 (exempel), 1 december 2021")
    for _attempt in range(3):  # a click that lands while the map is still settling is ignored by Leaflet
        marker.click()
        try:
            history_line.wait_for(timeout=10_000)
            break
        except Exception:  # noqa: S112 - try the click again
            continue
    screenshot(page.page, "karta-vald-scen")
    assert history_line.count() == 1
    assert page.page.get_by_text("Scen-id").count() >= 1


def test_hovering_a_scene_shows_its_tooltip(page: Page, server: str) -> None:
    """The tooltip, put together in the browser from the map's compact data: name, place line and category."""
    page.page.goto(server + "/karta?kommun=0127")
    _map_frame(page)
    assert _scene_count(page, 7).get("total") == 7
    frame = _frame(page)
    frame.locator(".leaflet-marker-icon.scene-marker").first.hover()  # type: ignore[attr-defined]
    tip = frame.locator(".leaflet-tooltip").first  # type: ignore[attr-defined]
    tip.wait_for(timeout=10_000)
    lines = tip.inner_text().splitlines()
    assert re.fullmatch(r"Exempelplats \d+", lines[0]), lines
    assert lines[1:] in (["Botkyrka · Botkyrka", "Utsatt område"], ["Botkyrka · Botkyrka", "Social utsatthet"]), lines


def test_seminar_link_opens_its_workshop_map(page: Page, server: str) -> None:
    """From the seminars page, one click (the latest seminar, 2025, comes first) opens the map filtered to the
    seminar's focus category."""
    page.page.goto(server + "/seminarier")
    links = page.page.get_by_role("link", name="Öppna kartan för workshoppens fokus")
    deadline = time.monotonic() + 30
    while links.count() < 2 and time.monotonic() < deadline:  # both seminars' cards drawn
        time.sleep(0.25)
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert "kategori=social_utsatthet" in hrefs[0], hrefs  # the latest seminar first
    # the link found by what it opens: a rerun of the page while it is clicked may swap the elements under `.first`
    page.page.locator(f'a[href="{hrefs[0]}"]').first.click()
    page.page.wait_for_url("**/karta?visning=1&kategori=social_utsatthet", timeout=30_000)  # the latest seminar first
    _map_frame(page)
    expected = page.page.get_by_text(re.compile(r"Visar \d+ av \d+ scener")).first
    expected.wait_for(timeout=30_000)
    text = expected.inner_text()
    shown = int(re.search(r"Visar (\d+) av", text).group(1))  # type: ignore[union-attr]
    assert 0 < shown < 53, text
    assert page.page.locator('section[data-testid="stSidebar"]').is_visible() is False  # presentation mode
    assert _scene_count(page, shown).get("total") == shown
    screenshot(page.page, "seminarium-karta")
    assert page.blocked == []


def test_workshop_participant_sees_only_counts(page: Page, server: str) -> None:
    """In the browser, as deltagare (demo role switcher): count labels on municipalities, no scene marker at all."""
    page.page.goto(server + "/")
    choose_demo_role(page.page, "deltagare")
    page.page.get_by_role("link", name="Karta", exact=True).click()
    _map_frame(page)
    deadline = time.monotonic() + 30
    counts = {}
    while time.monotonic() < deadline:
        frame = next((f for f in page.page.frames if "streamlit_folium" in f.url), None)
        if frame is not None:
            counts = frame.evaluate("() => ({labels: document.querySelectorAll('.count-label').length, "
                                    "scenes: document.querySelectorAll('.scene-marker, .marker-cluster').length})")
            if counts.get("labels"):
                break
        time.sleep(0.5)
    screenshot(page.page, "karta-deltagare")
    assert counts.get("labels") == 8
    assert counts.get("scenes") == 0
    assert page.blocked == []


def test_count_line_counts_new_scenes_within_the_municipality(page: Page, server: str) -> None:
    """Day one: a deep link filtered to one municipality counts the new scenes within it, as it counts the ceased
    ones. In Nacka, November 2023 has 5 of the county's 63 scenes; none is new since 2021 (the county has 11 new
    ones, elsewhere) and 2 of Nacka's scenes of 2021 ceased."""
    page.page.set_viewport_size({"width": 1366, "height": 768})
    page.page.goto(server + "/karta?survey=demo-2023-11&kommun=0182")
    _map_frame(page)
    line = page.page.get_by_text(re.compile(r"Visar \d+ av \d+ scener")).first
    line.wait_for(timeout=30_000)
    text = " ".join(line.inner_text().split())
    assert "Visar 5 av 63 scener i Kartläggning november 2023 (exempel)." in text, text
    assert "0 nya och 2 upphörda sedan Kartläggning 2021 (exempel)." in text, text
    assert _scene_count(page, 5).get("total") == 5
    screenshot(page.page, "karta-kommun-raknerad")
    assert page.blocked == []
