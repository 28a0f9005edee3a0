"""A follow-up drawn in the browser with the mouse, on a county's own deployment: an analyst starts a draft, marks a
scene ceased, reshapes one boundary, splits one scene into drawn parts, draws a new scene, is refused for one drawn
outside the county (the problem shown on the map), merges two, and publishes; the map, Utveckling and the status
report then show the new survey with the figures the published scenes give. Each on a laptop (1366x768) and a
phone (390x844), and a point made an area on both."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.domain import followup as fu
from scenes.domain.demo import load_demo
from scenes.domain.query import compare
from scenes.geo import area_m2
from scenes.model import Survey, SurveyKind
from scenes.render.pdf import area_text
from scenes.settings import Settings
from scenes.views import followup as views
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import _serve, merge_scenes, screenshot, sign_in, type_date

pytestmark = pytest.mark.browser

PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account on a throwaway store
FRAME = 'iframe[title="streamlit_folium.st_folium"]'


VIEWPORTS = {"1366": (1366, 768), "390": (390, 844)}


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def county(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, browser: object,
           drawing_tools: object) -> Iterator[tuple[str, Dashboard, str]]:
    """A real deployment: one real survey of February 2024 and an analyst, once per screen (a laptop, a phone);
    yields (url, dash, screen)."""
    state = tmp_path_factory.mktemp("drawing")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes.assign(survey_id="k2024")
    dash.store.add_survey(Survey("k2024", "Kartläggning 2024", dt.date(2024, 2, 1), SurveyKind.KARTLAGGNING,
                                 "Länsstyrelsen", False), scenes, actor="analytiker")
    dash.add_user("anna", PASSWORD, "analytiker", actor="cli:op")
    for url in _serve(state, browser):
        yield url, dash, request.param


def _open(page, url: str, fid: str, scene: str) -> None:  # type: ignore[no-untyped-def]
    """The scene's form and map by their address (a shared link), once the drawing tools are on the map."""
    page.goto(f"{url}/uppfoljning?utkast={fid}&scen={scene}")
    page.get_by_role("heading", name="Rita på kartan").wait_for(timeout=60_000)
    _map_ready(page)


def _map_ready(page) -> None:  # type: ignore[no-untyped-def]
    page.frame_locator(FRAME).locator(".leaflet-pm-icon-polygon").wait_for(timeout=60_000)
    page.locator(FRAME).scroll_into_view_if_needed()
    page.wait_for_timeout(1_000)


def _mode(page, label: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_text(label, exact=True).click()
    page.wait_for_timeout(1_500)
    _map_ready(page)


def _tool(page, name: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Choose a drawing tool; the map frame's box on the page after the click (a click may scroll the page)."""
    page.frame_locator(FRAME).locator(f".leaflet-pm-icon-{name}").click()
    page.wait_for_timeout(300)
    box = page.locator(FRAME).bounding_box()
    assert box is not None
    return box  # type: ignore[no-any-return]


def _polygon(page, corners: list[tuple[float, float]]) -> None:  # type: ignore[no-untyped-def]
    """Draw an area by clicking its corners (map pixels) and the first one again, as a person does."""
    box = _tool(page, "polygon")
    for x, y in [*corners, corners[0]]:
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_timeout(250)


def _drawn_box(page) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """The pixels (in the map) of what is drawn: the scene being redrawn or split."""
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    return tuple(frame.evaluate("""() => { var b = window.drawnItems.getBounds(), m = window.map;
        var a = m.latLngToContainerPoint(b.getNorthWest()), c = m.latLngToContainerPoint(b.getSouthEast());
        return [a.x, a.y, c.x, c.y]; }"""))


def _shapes(page, n: int) -> None:  # type: ignore[no-untyped-def]
    """Wait until the server has what the map holds (the drawing travels after a short pause)."""
    page.get_by_text(f"Former i ritningen: {n}.").wait_for(timeout=30_000)


def _category(page, form) -> None:  # type: ignore[no-untyped-def]
    form.get_by_label("Kategorier").click()
    page.wait_for_timeout(500)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)


def _new_form(page):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Lägg till scenen"))


def _download(page, button) -> bytes:  # type: ignore[no-untyped-def]
    with page.expect_download(timeout=120_000) as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_an_analyst_draws_a_follow_up_and_every_page_shows_what_was_published(
        browser: object, county: tuple[str, Dashboard, str]) -> None:
    url, dash, screen = county
    width, height = VIEWPORTS[screen]
    context, page = sign_in(browser, url, "/uppfoljning", "anna", PASSWORD, width=width, height=height)
    page.get_by_role("button", name="Starta utkastet").click()
    page.get_by_text("Utkastet uppf-").first.wait_for(timeout=60_000)
    (record,) = views.followups(dash)
    fid = record.followup_id
    draft = views.draft(dash, fid)
    areas = sorted((s for s in draft.scenes.values() if s.geometry.geom_type == "Polygon"),
                   key=lambda s: -s.geometry.area)
    points = [s for s in draft.scenes.values() if s.geometry.geom_type == "Point"]
    reshaped, split, ceased, (merge_a, merge_b) = areas[0], areas[1], points[0], points[1:3]

    _open(page, url, fid, ceased.scene_id)  # ceased, in its form
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Spara besöket"))
    form.get_by_text("Upphört", exact=True).click()
    form.get_by_role("button", name="Spara besöket").click()
    page.get_by_text("Sparat:").first.wait_for(timeout=30_000)

    # a boundary reshaped: drag one corner with the edit tool
    _open(page, url, fid, reshaped.scene_id)
    _tool(page, "edit")
    corner = page.frame_locator(FRAME).locator(".marker-icon:not(.marker-icon-middle)").first.bounding_box()
    assert corner is not None
    page.mouse.move(corner["x"] + corner["width"] / 2, corner["y"] + corner["height"] / 2)
    page.mouse.down()
    page.mouse.move(corner["x"] + 50, corner["y"] + 35, steps=8)
    page.mouse.up()
    _shapes(page, 1)
    screenshot(page, f"followup-draw-{screen}-reshape")
    page.get_by_role("button", name="Spara formen").click()
    page.get_by_text(f"Den nya formen för {reshaped.name} är sparad").wait_for(timeout=30_000)
    after = views.draft(dash, fid).scene(reshaped.scene_id)
    assert (after.visit, after.version, after.updated_by) == ("changed", 2, "anna")
    assert after.geometry.area != pytest.approx(reshaped.geometry.area, rel=1e-3)  # the boundary moved

    # a scene split into two drawn areas, each over one half of it
    _open(page, url, fid, split.scene_id)
    _mode(page, "Dela scenen")
    x0, y0, x1, y1 = _drawn_box(page)
    mid = (x0 + x1) / 2
    for left, right in ((x0 - 6, mid - 1), (mid + 1, x1 + 6)):
        _polygon(page, [(left, y0 - 6), (right, y0 - 6), (right, y1 + 6), (left, y1 + 6)])
    _shapes(page, 3)
    screenshot(page, f"followup-draw-{screen}-split")
    page.get_by_role("button", name="Dela i de ritade delarna").click()
    page.get_by_text("är delad i 2 scener").wait_for(timeout=30_000)
    parts = [s for s in views.draft(dash, fid).scenes.values() if s.predecessors == (split.scene_id,)]
    assert len(parts) == 2
    assert views.draft(dash, fid).scene(split.scene_id).visit == "replaced"

    # a new scene drawn beside it, named, with a category; its municipality from its place
    _mode(page, "Rita en ny scen")
    box = page.locator(FRAME).bounding_box()
    assert box is not None
    cx, cy = box["width"] * 0.3, box["height"] * 0.3
    _polygon(page, [(cx, cy), (cx + 70, cy), (cx + 70, cy + 50), (cx, cy + 50)])
    _shapes(page, 1)
    form = _new_form(page)
    form.get_by_label("Den nya scenens namn").fill("Ny plats <b>vid</b> torget")
    _category(page, form)
    form.get_by_role("button", name="Lägg till scenen").click()
    page.get_by_text("är tillagd").first.wait_for(timeout=30_000)
    (drawn,) = [s for s in views.draft(dash, fid).scenes.values() if s.visit == "new" and not s.predecessors]
    assert (drawn.name, drawn.geometry.geom_type) == ("Ny plats <b>vid</b> torget", "Polygon")
    assert drawn.kommun == split.kommun  # drawn in the view of the split scene's municipality

    # one drawn outside the county: refused, the problem on the map where it lies, nothing saved
    _mode(page, "Rita en ny scen")
    page.get_by_text("Ange formen som text (utan mus)").last.click()
    page.get_by_label("Form (WKT eller GeoJSON, longitud latitud i WGS 84)").last.fill("POINT (17.2 59.4)")
    form = _new_form(page)
    form.get_by_label("Den nya scenens namn").fill("Utanför länet")
    _category(page, form)
    form.get_by_role("button", name="Lägg till scenen").click()
    page.get_by_text("Det ritade sparades inte").first.wait_for(timeout=30_000)
    page.get_by_text("Platsen ligger utanför Stockholms län").first.wait_for(state="attached", timeout=30_000)
    page.frame_locator(FRAME).locator(".drawing-problem").first.wait_for(state="attached", timeout=30_000)
    page.locator(FRAME).scroll_into_view_if_needed()
    screenshot(page, f"followup-draw-{screen}-refused")
    assert "Utanför länet" not in [s.name for s in views.draft(dash, fid).scenes.values()]

    merge_scenes(page, (merge_a.scene_id, merge_b.scene_id), "Sammanslagen plats")
    (merged,) = [s for s in views.draft(dash, fid).scenes.values()
                 if s.predecessors == (merge_a.scene_id, merge_b.scene_id)]

    # the other scenes revisited through the core (48 forms in a browser prove nothing more), then publish
    current = views.draft(dash, fid)
    views.save(dash, fid, [c for s in current.scenes.values() if s.visit == "unvisited"
                           for c in fu.revisit(current, s.scene_id, "active")], actor="anna")
    page.goto(f"{url}/uppfoljning?utkast={fid}")
    page.get_by_label("Den nya kartläggningens namn").fill("Uppföljning ritad juni 2024")
    page.keyboard.press("Enter")
    page.wait_for_timeout(1_000)
    type_date(page, "Datum för uppföljningen", dt.date(2024, 6, 1))
    page.get_by_role("button", name="Granska utkastet").click()
    page.get_by_text("Utkastet klarar kontrollerna").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Publicera uppföljningen").click()
    page.get_by_text("Uppföljningen är publicerad som").wait_for(timeout=60_000)
    published = views.followups(dash, include_closed=True)[0].published_survey_id
    assert published is not None
    frame = dash.scenes(published)
    base = dash.scenes("k2024")

    # the lineage drawn is the lineage published (recomputed from the published scenes by compare)
    outcome = compare(base, frame)
    assert outcome.ceased == sorted([ceased.scene_id, split.scene_id, merge_a.scene_id, merge_b.scene_id])
    assert outcome.split == {split.scene_id: sorted(p.scene_id for p in parts)}
    assert outcome.merged == {merged.scene_id: sorted([merge_a.scene_id, merge_b.scene_id])}
    assert outcome.new == sorted([drawn.scene_id, merged.scene_id, *(p.scene_id for p in parts)])  # every new id
    total_ha = area_text(float(area_m2(frame.geometry).sum()), "sv")  # every area drawn, counted afresh

    page.goto(f"{url}/karta")  # the map shows the new survey, the latest
    page.get_by_text(f"Visar {len(frame)} av {len(frame)} scener i Uppföljning ritad juni 2024").first.wait_for(
        timeout=60_000)

    page.goto(f"{url}/utveckling")  # Utveckling compares it with the survey followed
    page.get_by_role("heading", name="Jämför två kartläggningar").first.wait_for(timeout=60_000)
    for label, n in (("Nya", 4), ("Upphörda", 4), ("Sammanslagna", 1), ("Delade", 1)):
        page.get_by_role("button", name=f"{label}: {n}").first.wait_for(timeout=30_000)
    screenshot(page, f"followup-draw-{screen}-utveckling")

    page.goto(f"{url}/")  # the status report states its count and its area
    pdf = _download(page, page.get_by_role("button", name="Exportera lägesrapport (PDF)"))
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Uppföljning ritad juni 2024" in text
    assert total_ha.replace("\u00a0", " ") in text.replace("\u00a0", " ")
    width_now = page.evaluate("document.documentElement.scrollWidth")
    assert width_now <= width, f"the page is {width_now} px wide on a {width} px screen"
    context.close()


def test_a_point_made_an_area(browser: object, county: tuple[str, Dashboard, str]) -> None:
    url, dash, screen = county
    width, height = VIEWPORTS[screen]
    fid = views.start(dash, actor="anna", base_survey_id="k2024", followup_id="uppf-rita-yta").followup.followup_id
    scene = next(s for s in views.draft(dash, fid).scenes.values() if s.geometry.geom_type == "Point")
    context, page = sign_in(browser, url, f"/uppfoljning?utkast={fid}", "anna", PASSWORD, width=width,
                            height=height)
    page.get_by_role("heading", name="Uppföljning").first.wait_for(timeout=60_000)
    _open(page, url, fid, scene.scene_id)
    # a point made an area: draw the area around it (the point goes with it)
    box = page.locator(FRAME).bounding_box()
    assert box is not None
    cx, cy = box["width"] / 2, box["height"] / 2
    _polygon(page, [(cx - 40, cy - 30), (cx + 40, cy - 30), (cx + 40, cy + 30), (cx - 40, cy + 30)])
    _shapes(page, 2)
    page.get_by_role("button", name="Spara formen").click()
    page.get_by_text(f"Den nya formen för {scene.name} är sparad").wait_for(timeout=30_000)
    saved = views.draft(dash, fid).scene(scene.scene_id)
    assert (saved.visit, saved.geometry.geom_type) == ("changed", "Polygon")
    assert saved.geometry.buffer(1e-6).contains(scene.geometry)  # drawn around where it was
    _map_ready(page)
    screenshot(page, f"followup-draw-{screen}-area")
    width_now = page.evaluate("document.documentElement.scrollWidth")
    assert width_now <= width, f"the page is {width_now} px wide on a {width} px screen"
    context.close()
