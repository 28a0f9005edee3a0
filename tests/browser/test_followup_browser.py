"""A follow-up made in the browser, on a county's own deployment: an analyst starts a draft, revisits a scene, merges
two, reloads (the address keeps the draft), reviews and publishes; the same on a phone; two analysts at once on one
draft (different scenes both saved, the same scene refused for the second); a participant never sees the draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from scenes.domain import followup as fu
from scenes.domain.demo import load_demo
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views import followup as views
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import ACTIVE_OPTION, _serve, merge_scenes, screenshot, sign_in, type_date

pytestmark = pytest.mark.browser

PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account on a throwaway store


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, Dashboard]]:
    """A real deployment: one real survey of February 2024, two analysts and a participant; yields (url, dash)."""
    state = tmp_path_factory.mktemp("followup")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes.assign(survey_id="k2024")
    dash.store.add_survey(Survey("k2024", "Kartläggning 2024", dt.date(2024, 2, 1), SurveyKind.KARTLAGGNING,
                                 "Länsstyrelsen", False), scenes, actor="analytiker")
    for user, role in (("anna", "analytiker"), ("bertil", "analytiker"), ("per", "deltagare")):
        dash.add_user(user, PASSWORD, role, actor="cli:op")
    for url in _serve(state, browser):
        yield url, dash


def _signed_in(browser: object, url: str, path: str, user: str, width: int = 1366, height: int = 768):  # type: ignore[no-untyped-def]
    return sign_in(browser, url, path, user, PASSWORD, width=width, height=height)


def _pick(page, label: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A selectbox from the keyboard, as a person uses it: focus, type to filter, let the list settle, arrow down to
    the option that holds `text` (the search is fuzzy: look-alikes may come first), Enter; checked, else again."""
    box = page.get_by_label(label, exact=True)
    for _ in range(3):
        if text in (box.input_value() or ""):
            return
        box.click()
        page.keyboard.type(text, delay=20)
        page.wait_for_timeout(800)
        for _ in range(30):
            if text in (page.evaluate(ACTIVE_OPTION) or ""):
                page.keyboard.press("Enter")
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Escape")
        page.wait_for_timeout(1500)
    raise AssertionError(f"{label!r}: could not choose {text!r}")


def _visit(page, url: str, dash: Dashboard, fid: str, scene: str) -> None:  # type: ignore[no-untyped-def]
    """Open `scene`'s form by its address (a shared link: ?utkast=&scen=) and wait until it is drawn."""
    page.goto(f"{url}/uppfoljning?utkast={fid}&scen={scene}")
    name = views.draft(dash, fid).scene(scene).name
    page.get_by_role("heading", name=f"Besök: {name}").wait_for(timeout=60_000)
    page.wait_for_timeout(500)


def _form(page):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Spara besöket"))


def test_an_analyst_revisits_merges_reloads_reviews_and_publishes(browser: object,
                                                                  county: tuple[str, Dashboard]) -> None:
    url, dash = county
    context, page = _signed_in(browser, url, "/uppfoljning", "anna")
    page.get_by_role("heading", name="Uppföljning").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="Starta utkastet").click()
    page.get_by_text("Utkastet uppf-").first.wait_for(timeout=60_000)
    [record] = views.followups(dash)
    fid = record.followup_id
    assert f"utkast={fid}" in page.url  # the address names the draft

    draft = views.draft(dash, fid)
    a, first, b = list(draft.scenes)[:3]
    _pick(page, "Scen att besöka", first)  # by keyboard: type, arrow to it, Enter
    page.get_by_role("heading", name=f"Besök: {draft.scene(first).name}").wait_for(timeout=30_000)
    assert f"scen={first}" in page.url
    form = _form(page)
    form.get_by_text("Upphört", exact=True).click()
    form.get_by_label("Anteckning").fill("Bortarbetad <script>alert(1)</script>")
    form.get_by_role("button", name="Spara besöket").click()
    page.get_by_text("Sparat:").first.wait_for(timeout=30_000)
    assert views.draft(dash, fid).scene(first).visit == "ceased"
    screenshot(page, "followup-1366-saved")

    page.reload()  # a reload keeps the draft (the address) and the session
    page.get_by_role("heading", name="Uppföljning").first.wait_for(timeout=60_000)
    page.get_by_text("Besökta").first.wait_for(timeout=30_000)
    assert f"utkast={fid}" in page.url

    merge_scenes(page, (a, b), "Sammanslagen plats")
    merged = [s for s in views.draft(dash, fid).scenes.values() if s.visit == "new"]
    assert [(s.name, s.predecessors) for s in merged] == [("Sammanslagen plats", (a, b))]

    # the other 50 scenes are still there: saved through the core (50 forms in a browser prove nothing more)
    current = views.draft(dash, fid)
    views.save(dash, fid, [c for s in current.scenes.values() if s.visit == "unvisited"
                           for c in fu.revisit(current, s.scene_id, "active")], actor="anna")
    page.reload()
    page.get_by_label("Den nya kartläggningens namn").fill("Uppföljning juni 2024")
    page.keyboard.press("Enter")
    page.wait_for_timeout(1000)
    type_date(page, "Datum för uppföljningen", dt.date(2024, 6, 1))
    page.get_by_role("button", name="Granska utkastet").click()
    page.get_by_text("Utkastet klarar kontrollerna: 51 scener.").wait_for(timeout=60_000)
    screenshot(page, "followup-1366-review")
    page.get_by_role("button", name="Publicera uppföljningen").click()
    page.get_by_text("Uppföljningen är publicerad som").wait_for(timeout=60_000)
    published = views.followups(dash, include_closed=True)[0].published_survey_id
    assert published is not None
    survey = dash.survey(published)
    assert (survey.kind, len(dash.scenes(published))) == (SurveyKind.UPPFOLJNING, 51)
    context.close()


def test_the_form_on_a_phone(browser: object, county: tuple[str, Dashboard]) -> None:
    url, dash = county
    fid = views.start(dash, actor="anna", followup_id="uppf-telefon").followup.followup_id
    context, page = _signed_in(browser, url, f"/uppfoljning?utkast={fid}", "bertil", width=390, height=844)
    page.get_by_role("heading", name="Uppföljning").first.wait_for(timeout=60_000)
    scene = next(iter(views.draft(dash, fid).scenes))
    _visit(page, url, dash, fid, scene)
    form = _form(page)
    form.get_by_text("Kvar", exact=True).click()
    form.get_by_role("button", name="Spara besöket").scroll_into_view_if_needed()
    screenshot(page, "followup-390-form")
    form.get_by_role("button", name="Spara besöket").click()
    page.get_by_text("Sparat:").first.wait_for(timeout=30_000)
    assert views.draft(dash, fid).scene(scene).visit == "active"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    context.close()


def test_two_analysts_at_once(browser: object, county: tuple[str, Dashboard]) -> None:
    url, dash = county
    fid = views.start(dash, actor="anna", followup_id="uppf-tva").followup.followup_id
    first, second = list(views.draft(dash, fid).scenes)[:2]
    path = f"/uppfoljning?utkast={fid}"
    anna_context, anna = _signed_in(browser, url, path, "anna")
    bertil_context, bertil = _signed_in(browser, url, path, "bertil")
    for page, scene in ((anna, first), (bertil, second)):
        page.get_by_role("heading", name="Uppföljning").first.wait_for(timeout=60_000)
        _visit(page, url, dash, fid, scene)
    for page in (anna, bertil):  # different scenes: both saved
        _form(page).get_by_text("Kvar", exact=True).click()
        _form(page).get_by_role("button", name="Spara besöket").click()
        page.get_by_text("Sparat:").first.wait_for(timeout=30_000)
    draft = views.draft(dash, fid)
    assert (draft.scene(first).updated_by, draft.scene(second).updated_by) == ("anna", "bertil")

    _visit(anna, url, dash, fid, second)  # both open the same scene's form ...
    _visit(bertil, url, dash, fid, second)
    _form(anna).get_by_text("Upphört", exact=True).click()
    _form(anna).get_by_role("button", name="Spara besöket").click()
    anna.get_by_text("Sparat:").first.wait_for(timeout=30_000)
    _form(bertil).get_by_text("Ändrad", exact=True).click()  # ... and the second save is refused
    _form(bertil).get_by_role("button", name="Spara besöket").click()
    bertil.get_by_text("ändrades av någon annan under tiden").first.wait_for(timeout=30_000)
    screenshot(bertil, "followup-1366-refused")
    assert views.draft(dash, fid).scene(second).visit == "ceased"
    bertil.get_by_role("button", name="Ladda om scenen").click()
    bertil.wait_for_timeout(1500)
    assert _form(bertil).get_by_role("radio", name="Upphört").is_checked()  # anna's version, shown
    anna_context.close()
    bertil_context.close()


def test_a_participant_never_sees_a_draft(browser: object, county: tuple[str, Dashboard]) -> None:
    url, dash = county
    fid = views.start(dash, actor="anna", followup_id="uppf-hemlig").followup.followup_id
    secret = next(iter(views.draft(dash, fid).scenes.values())).scene_id
    context, page = _signed_in(browser, url, f"/uppfoljning?utkast={fid}", "per")
    page.get_by_text("får inte öppna den").first.wait_for(timeout=60_000)
    assert page.get_by_role("link", name="Uppföljning").count() == 0  # not in the menu
    assert fid not in page.locator("section.main, [data-testid=stMain]").first.inner_text()
    assert secret not in page.content()
    context.close()
