"""The map as a workshop and meeting instrument, in Chromium at 1366x768 and 1920x1080: names without tiles, the
legend's classes, presentation mode, selection both ways, and stepping through surveys without a remount."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import Page, choose, screenshot
from tests.browser.test_map_browser import COUNT_JS, _frame, _map_frame, _scene_count, open_filters

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


def _open_table(p: Page) -> None:
    """Unfold the scene table (folded, it is not drawn) and wait for it."""
    assert p.page.locator('[data-testid="stDataFrame"]').count() == 0, "the table should start folded"
    p.page.get_by_text("Scener i urvalet", exact=True).click()
    p.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)


def test_selection_both_ways(page: Page, server: str) -> None:
    """A row chosen in the table is ringed on the map and the map pans to it; a scene clicked on the map (the
    table folded) is selected, and the table opened then starts at its row."""
    page.page.goto(server + "/karta?kommun=0127")
    _map_frame(page)
    assert _scene_count(page, 7).get("total") == 7
    _open_table(page)
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
    details = page.page.get_by_text(re.compile(r"DEMO-0181-\d+"))
    for _attempt in range(3):  # a click while the map is still settling is ignored by Leaflet
        marker.click()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not details.count():
            time.sleep(0.5)
        if details.count():
            break
    found = re.search(r"DEMO-0181-\d+", details.first.inner_text())  # the details panel names the scene clicked
    assert found, details.first.inner_text()
    clicked = found.group(0)
    _open_table(page)
    deadline = time.monotonic() + 10
    chosen = None
    while time.monotonic() < deadline and not chosen:
        chosen = _selected_row(page)
        time.sleep(0.5)
    assert chosen == clicked, (chosen, clicked)  # opened, the table starts at the scene selected
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
    page.page.wait_for_url(re.compile(r"survey=demo-2023-11"), timeout=30_000)  # the step is in the address too
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


# -- issue 27: a map that reads from the back of a room, and a link that reopens the same view ---------------------
COUNT_LINE = re.compile(r"Visar \d+ av \d+ scener")

#: the Leaflet map's view and the scene markers' positions (in clusters too), in the streamlit-folium frame
#: (a single scene on screen is listed twice: by its data layer and as a marker; the positions are checked, not counted)
VIEW_JS = """() => {
  const b = window.map.getBounds(), points = [];
  window.map.eachLayer(l => {
    if (l.scenePoints) { l.scenePoints().forEach(p => points.push(p)); }  // a data layer: every scene, clustered too
    else if (l instanceof L.Marker && /scene-marker|ceased-marker/.test((l.options.icon.options || {}).className)) {
      points.push(l.getLatLng()); }
  });
  return {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
          zoom: window.map.getZoom(), points: points.map(p => [p.lat, p.lng])}; }"""

#: panes' stacking, and where the municipality names are drawn
PANES_JS = """() => {
  const z = s => parseInt(getComputedStyle(document.querySelector(s)).zIndex, 10);
  const label = document.querySelector('.muni-label');
  return {names: z('.leaflet-names-pane'), markers: z('.leaflet-marker-pane'), tooltips: z('.leaflet-tooltip-pane'),
          labelPane: label && label.closest('.leaflet-pane').className,
          halo: label && getComputedStyle(label).textShadow}; }"""


def _expected_box() -> tuple[tuple[float, float], tuple[float, float]]:
    """The box the core fits the demo's scenes to (every survey: stepping through time keeps the frame)."""
    import tempfile
    from pathlib import Path

    from scenes.render.maps import scene_extent
    from scenes.settings import Settings
    from scenes.views.dashboard import Dashboard

    with tempfile.TemporaryDirectory() as tmp:
        dash = Dashboard(Settings(state_dir=Path(tmp)))
        dash.init(demo=True)
        return scene_extent(dash.reference, dash.scenes(None), precision="exact")


def _settled_view(p: Page, timeout: float = 30) -> dict[str, object]:
    """The map's view once it stops changing (the browser's fit runs after streamlit-folium's first view)."""
    deadline, last, view = time.monotonic() + timeout, None, {}
    while time.monotonic() < deadline:
        try:
            view = _frame(p).evaluate(VIEW_JS)  # type: ignore[attr-defined]
        except Exception:  # the frame is (re)rendering
            view = {}
        key = (view.get("south"), view.get("east"), view.get("zoom"))
        if view and view.get("points") and key == last:
            return view
        last = key
        time.sleep(1)
    return view


@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_presentation_fits_the_scenes_not_the_county(page: Page, wide: Page, server: str, size: str) -> None:
    """?visning=1 frames the scenes (every survey's, with a small margin) at the window's real size: the box fills
    the view in one direction (within Leaflet's half zoom step) and every marker is inside; the surrounding land
    reaches the view's edges (no straight cut), and names are drawn above the markers."""
    p = page if size == "1366x768" else wide
    p.page.goto(server + "/karta?visning=1")
    _map_frame(p)
    assert _scene_count(p, 53).get("total") == 53
    view = _settled_view(p)
    time.sleep(1)
    screenshot(p.page, f"karta-visning-anpassad-{size}")
    box = p.page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= p.page.viewport_size["height"], box  # the whole map on the screen
    (south, west), (north, east) = _expected_box()
    eps = 1e-4
    assert view["south"] <= south + eps, (view, south)
    assert view["west"] <= west + eps, (view, west)
    assert view["north"] >= north - eps, (view, north)
    assert view["east"] >= east - eps, (view, east)
    share = max((east - west) / (view["east"] - view["west"]), (north - south) / (view["north"] - view["south"]))
    assert share >= 0.65, share  # the old view of the whole county left the scenes a third of the screen
    for lat, lng in view["points"]:
        assert view["south"] < lat < view["north"]
        assert view["west"] < lng < view["east"]
    land = tuple(_frame(p).evaluate(  # type: ignore[attr-defined]
        "() => { const g = []; window.map.eachLayer(l => { if (l.getBounds && l.options "
        "&& l.options.fillColor === '#e2e2dc') { const b = l.getBounds(); g.push([b.getWest(), "
        "b.getSouth(), b.getEast(), b.getNorth()]); } }); return g.length ? [Math.min(...g.map(x => x[0])), "
        "Math.min(...g.map(x => x[1])), Math.max(...g.map(x => x[2])), Math.max(...g.map(x => x[3]))] : null; }"))
    assert land[0] < view["west"], (land, view)  # the left edge: the cut was there
    assert land[1] < view["south"], (land, view)
    assert land[3] > view["north"], (land, view)
    panes = _frame(p).evaluate(PANES_JS)  # type: ignore[attr-defined]
    assert panes["markers"] < panes["names"] < panes["tooltips"], panes
    assert "leaflet-names-pane" in panes["labelPane"], panes
    assert "rgb(255, 255, 255)" in panes["halo"], panes
    assert p.blocked == []


def _filters_open(p: Page) -> bool:
    return p.page.locator('[data-testid="stExpander"] details').first.get_attribute("open") is not None


def test_filters_stay_open_and_the_address_reopens_the_view(page: Page, browser: object, server: str) -> None:
    """Choosing in Urval keeps the panel open and writes each choice into the address (the shading measure too); the
    copied address, opened in a fresh page, shows the same filters, measure, count line and scenes."""
    page.page.goto(server + "/karta")
    _map_frame(page)
    assert _scene_count(page, 53).get("total") == 53
    open_filters(page)
    choose(page.page, "Kommun", "Botkyrka")
    page.page.wait_for_url(re.compile(r"kommun=0127"), timeout=30_000)
    assert _scene_count(page, 7).get("total") == 7
    assert _filters_open(page)  # still open: the next choice needs no click on "Urval"
    choose(page.page, "Kategori", "Utsatt område")
    page.page.wait_for_url(re.compile(r"kategori=utsatt_omrade"), timeout=30_000)
    page.page.get_by_label("Markera förändringar sedan").click()
    page.page.get_by_role("option", name="(markera inga förändringar)").click()
    page.page.wait_for_url(re.compile(r"jamfor=none"), timeout=30_000)
    page.page.get_by_text("Scener per 100 000 invånare", exact=True).click()
    page.page.wait_for_url(re.compile(r"farg=per_capita"), timeout=30_000)
    time.sleep(1.5)
    assert _filters_open(page)
    screenshot(page.page, "karta-urval-oppet")
    count = page.page.get_by_text(COUNT_LINE).first.inner_text()
    shown = int(re.search(r"Visar (\d+) av", count).group(1))  # type: ignore[union-attr]
    assert 0 < shown <= 7, count
    link = page.page.url
    for part in ("kommun=0127", "kategori=utsatt_omrade", "jamfor=none", "farg=per_capita"):
        assert part in link, link

    fresh = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    try:
        again = Page(fresh.new_page(), [])
        again.page.goto(link)
        _map_frame(again)
        again.page.get_by_text(COUNT_LINE).first.wait_for(timeout=30_000)
        assert _scene_count(again, shown).get("total") == shown
        assert again.page.get_by_text(COUNT_LINE).first.inner_text() == count
        heading = again.page.locator('[data-testid="stExpander"] summary').first.inner_text()
        assert "Kommun: Botkyrka" in heading, heading
        assert "Kategori: Utsatt område" in heading, heading
        assert heading.endswith("Scener per 100 000 invånare"), heading  # the shading measure came back too
        assert "Scener per 100 000 invånare" in again.page.locator(".scenes-legend").first.inner_text()
        screenshot(again.page, "karta-delad-lank")
    finally:
        fresh.close()
    assert page.blocked == []


OVERLAP_JS = """() => {
  const legend = document.querySelector('.export-legend').getBoundingClientRect();
  const hit = (r) => r.left < legend.right && legend.left < r.right && r.top < legend.bottom && legend.top < r.bottom;
  const marks = [...document.querySelectorAll('.leaflet-marker-icon')].filter(e => e.closest('.leaflet-marker-pane'))
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
  const inside = marks.filter(r => r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight);
  return {markers: marks.length, inside: inside.length, covered: marks.filter(hit).length,
          legend: [legend.left, legend.top, legend.right, legend.bottom]}; }"""


@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_exported_map_legend_covers_no_scene(page: Page, wide: Page, server: str, size: str) -> None:
    """The offline HTML handout (Ladda ned HTML) opens framed on its scenes with the legend in a corner kept free:
    no marker or cluster lies under the legend, and every one is on screen."""
    p = page if size == "1366x768" else wide
    p.page.goto(server + "/karta")
    _map_frame(p)
    assert _scene_count(p, 53).get("total") == 53
    button = p.page.get_by_role("button", name="Karta (HTML)")
    button.scroll_into_view_if_needed()
    with p.page.expect_download(timeout=60_000) as info:
        button.click()
    html = Path(info.value.path()).read_text(encoding="utf-8")
    p.page.set_content(html, wait_until="load")
    deadline, marks = time.monotonic() + 20, {}
    while time.monotonic() < deadline:
        marks = p.page.evaluate(OVERLAP_JS)
        time.sleep(1)
        if marks["markers"] and marks == p.page.evaluate(OVERLAP_JS):
            break
    screenshot(p.page, f"karta-export-{size}")
    assert marks["markers"] > 0, marks
    assert marks["covered"] == 0, marks
    assert marks["inside"] == marks["markers"], marks
    assert p.page.locator("details.export-legend[open]").count() == 1
    p.page.locator("details.export-legend summary").click()  # it folds away
    assert p.page.locator("details.export-legend[open]").count() == 0
    assert p.blocked == []


def _frame_counts(p: Page, expected: list[int], timeout: float = 40) -> list[dict[str, int]]:
    """Poll every map frame on the page (in page order) until they show `expected` scenes each."""
    deadline, counts = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        counts = []
        frames = p.page.locator('iframe[title="streamlit_folium.st_folium"]')  # in page order (page.frames is not)
        for i in range(frames.count()):
            try:
                counts.append(frames.nth(i).element_handle(timeout=5_000).content_frame().evaluate(COUNT_JS))
            except Exception as exc:  # the frame is (re)rendering
                counts.append({"error": str(exc)[:200]})  # type: ignore[dict-item]
        if [c.get("total") for c in counts] == expected:
            return counts
        time.sleep(0.5)
    return counts


def test_two_maps_side_by_side(page: Page, server: str) -> None:
    """Två kartor with November 2023 as the comparison: the left map draws its 63 scenes, the right one the latest
    53, both with the municipalities shaded; no script error, no missing resource; the switch is in the address and
    a copied link opens both maps again."""
    errors: list[str] = []

    def probe(url: str) -> bool:  # Streamlit, opened on a page's path, first looks for its server under that path
        return bool(re.search(r"/karta/_stcore/(health|host-config)$", url))

    console: list[str] = []  # console errors: checked while the two maps are drawn (not while a page is left)
    page.page.on("console", lambda m: None if m.type != "error" or probe(m.location.get("url", ""))
                 else console.append(f"{m.text} ({m.location.get('url')})"))
    page.page.on("pageerror", lambda e: errors.append(str(e)))
    page.page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and not probe(r.url)
                 else None)
    page.page.goto(server + "/karta?jamfor=demo-2023-11")
    _map_frame(page)
    assert _scene_count(page, 53).get("total") == 53
    open_filters(page)
    page.page.get_by_text("Två kartor", exact=True).click()
    page.page.wait_for_url(re.compile(r"tva_kartor=1"), timeout=30_000)
    maps = page.page.locator('iframe[title="streamlit_folium.st_folium"]')
    maps.nth(1).wait_for(timeout=30_000)
    maps.nth(1).scroll_into_view_if_needed()
    counts = _frame_counts(page, [63, 53])
    page.page.mouse.move(0, 0)
    deadline, views = time.monotonic() + 45, []
    while time.monotonic() < deadline:  # the right map, narrowed to half, is fitted again as it resizes
        views = [f.evaluate("() => [map.getZoom(), map.getCenter().lat.toFixed(4), map.getCenter().lng.toFixed(4)]")
                 for f in page.page.frames if "streamlit_folium" in f.url]
        if len(views) == 2 and views[0] == views[1]:
            break
        time.sleep(0.5)
    screenshot(page.page, "karta-tva-kartor")
    assert len(views) == 2, views
    assert views[0] == views[1], views  # the same view in both ("samma utsnitt")
    assert [c.get("total") for c in counts] == [63, 53], counts
    assert all(c["boundaries"] >= 26 for c in counts), counts
    assert page.page.get_by_text("Kartläggning november 2023 (exempel)", exact=True).count() >= 1
    assert errors == [], errors
    assert console == [], console

    link = page.page.url
    page.page.goto(server + "/")
    page.page.goto(link)  # (a page left mid-render may log aborted work: the link's page errors and responses count)
    _map_frame(page)
    page.page.locator('iframe[title="streamlit_folium.st_folium"]').nth(1).scroll_into_view_if_needed()
    counts = _frame_counts(page, [63, 53])
    screenshot(page.page, "karta-tva-kartor-lank")
    assert [c.get("total") for c in counts] == [63, 53], counts
    assert errors == [], errors
    assert page.blocked == []
