"""Measures in the browser, on a county's own deployment (no demo data): an analyst adds a measure to a scene of a
real survey on Åtgärder; the coordination view shows it (key figures, the scene's measures, downloaded as the
reader gets them) and so does the status report; a workshop participant sees only counts per municipality and kind,
with no scene, organisation or note, however the link is written."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.domain.demo import load_demo
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import _serve, screenshot, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account on a throwaway store
NOTE = "Kvällsvandring med fältassistenter"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, str]]:
    """A real deployment: `scenes init`, one real survey, an analyst and a participant; yields (url, a scene id)."""
    state = tmp_path_factory.mktemp("county")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes.assign(survey_id="k2025")
    dash.store.add_survey(Survey("k2025", "Kartläggning 2025", dt.date(2025, 3, 1), SurveyKind.KARTLAGGNING,
                                 "Länsstyrelsen", False), scenes, actor="analytiker")
    dash.add_user("anna", PASSWORD, "analytiker", actor="cli:op")
    dash.add_user("per", PASSWORD, "deltagare", actor="cli:op")
    scene = str(scenes.sort_values("scene_id")["scene_id"].iloc[0])
    for url in _serve(state, browser):
        yield url, scene


def _signed_in(browser: object, url: str, path: str, user: str, width: int = 1366, height: int = 768):  # type: ignore[no-untyped-def]
    return sign_in(browser, url, path, user, PASSWORD, width=width, height=height)


def _choose(page, scope, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """A selectbox (in `scope`) from the keyboard: focus, type to filter, Enter."""
    scope.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    page.wait_for_timeout(800)


def _download(page, button) -> bytes:  # type: ignore[no-untyped-def]
    with page.expect_download(timeout=60_000) as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_analyst_adds_a_measure_coordination_and_report_show_it_participant_sees_counts(
        browser: object, county: tuple[str, str]) -> None:
    url, scene = county
    context, page = _signed_in(browser, url, "/atgarder", "anna")
    page.get_by_role("heading", name="Åtgärder").first.wait_for(timeout=60_000)
    form = page.get_by_test_id("stForm")
    _choose(page, form, "Scen", scene)
    _choose(page, form, "Typ av åtgärd", "Uppsökande socialt arbete")
    _choose(page, form, "Ansvarig aktör", "Region Stockholm")
    _choose(page, form, "Status", "Pågående")
    form.get_by_label("Anteckning").fill(NOTE)
    form.get_by_role("button", name="Spara åtgärden").click()
    page.get_by_text("sparades (version 1)").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    # saved: the form is a new, empty one (what is typed next is another measure, not version 2 of this one)
    form = page.get_by_test_id("stForm")
    assert form.get_by_label("Anteckning").input_value() == ""
    assert page.get_by_text("Formuläret är tomt för nästa åtgärd").count() == 1
    assert page.get_by_text("Formuläret visar version").count() == 0
    assert page.get_by_role("combobox", name="Åtgärd", exact=True).get_attribute("placeholder") == "Ny åtgärd"
    for label in ("Scen", "Typ av åtgärd", "Ansvarig aktör"):  # each shows its placeholder again
        box = form.get_by_role("combobox", name=label)
        assert (box.input_value(), box.get_attribute("placeholder")) == ("", "Välj …"), label
    screenshot(page, "atgard-sparad")

    # The coordination view, opened as a shared link to that scene: one scene fewer without an ongoing measure.
    page.goto(url + f"/samordning?scen={scene}")
    page.get_by_text("Utan pågående åtgärd").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert metrics == ["53", "52", "52", "1"], metrics
    page.get_by_role("tab", name="Per scen").click()
    panel = page.get_by_role("tabpanel", name="Per scen")
    csv = _download(page, panel.get_by_role("button", name="Ladda ner data (CSV)").first).decode("utf-8-sig")
    assert NOTE in csv
    assert "Region Stockholm" in csv
    assert "Pågående" in csv
    screenshot(page, "samordning-per-scen")

    # The status report states the measure.
    page.goto(url + "/")
    pdf = _download(page, page.get_by_role("button", name="Exportera lägesrapport (PDF)"))
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Kartläggning 2025: 53 scener, varav 52 utan pågående åtgärd och 52 utan ansvarig aktör" in text
    assert "Region Stockholm 0 1 0 0 1" in text
    context.close()

    # A participant, even through a link naming the scene and the organisation, sees counts only.
    context, page = _signed_in(browser, url, f"/samordning?scen={scene}&organisation=region_stockholm", "per",
                               1920, 1080)
    page.get_by_text("Åtgärder per kommun och typ").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    body = page.locator("body").inner_text()
    for secret in (scene, "Region Stockholm", NOTE, "Per scen", "Utan pågående åtgärd"):
        assert secret not in body, secret
    csv = _download(page, page.get_by_role("button", name="Ladda ner data (CSV)").first).decode("utf-8-sig")
    assert "Kommun,Järfälla,0,skyddad,0,0,0,skyddad" in csv  # one measure: withheld, its totals too
    assert "Län,Totalt,0,skyddad,0,0,0,skyddad" in csv
    for secret in (scene, "Region Stockholm", NOTE):
        assert secret not in csv, secret
    screenshot(page, "samordning-deltagare")
    context.close()
