"""Day one in the browser, as a new deployment walks it: demo -> the first administrator with the server's setup
code, in the same step as publishing the first real survey -> demo data removed -> a reload keeps the session ->
a revision and a rollback -> a shared workshop link asks for sign-in, then opens the map with its filters ->
sign-out revokes the session (the old cookie, replayed, gets the sign-in page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenes.ingest.dates import local_today
from scenes.reference import load_reference
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests import analyst_files
from tests.browser.conftest import screenshot, session_cookie, settled, type_date, upload
from tests.conftest import DATA_DIR

pytestmark = pytest.mark.browser

BAD = "id;namn;kommun;kategori;lat;lon;lokalpolisomrade\r\nN1;Ny plats;Sodertalje;utsat_omrade;59,1955;17,6253;\r\n"
GOOD = ("id;namn;kommun;kategori;lat;lon;lokalpolisomrade\r\n"
        "N1;Ny plats;Södertälje;utsatt_omrade;59,1955;17,6253;\r\n"
        "N3;Torget;Stockholm;social_utsatthet;59,3146;18,0714;sodermalm\r\n")
ADMIN, PASSWORD = "ada", "ett långt lösenord"


def _choose(page, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a selectbox option from the keyboard: focus, type to filter, Enter."""
    box = page.get_by_label(label, exact=True)
    box.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)


def _setup_code(state: Path) -> str:
    """What the operator reads in the server's log."""
    found = re.search(r"Setup code for the first administrator: ([A-Z0-9-]{14})", (state / "streamlit.log").read_text())
    assert found, "the server logged no setup code"
    return found.group(1)


def _sign_in(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("textbox", name="Användarnamn").fill(ADMIN)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_day_one_from_demo_to_real_data(browser: object, writable_server: tuple[str, Path], tmp_path: Path) -> None:
    """The whole first day of a deployment, in Chromium, with nothing done on the server but reading its log."""
    url, state = writable_server
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + "/ladda-upp")
    page.get_by_label("Namn").fill("Kartläggning 2026")
    page.get_by_label("Namn").press("Enter")
    type_date(page, "Datum", local_today())  # no default: the analyst chooses (today here; the preview says so)
    _choose(page, "Typ", "Kartläggning")
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_bytes(BAD.encode("cp1252"))
    good.write_bytes(GOOD.encode("cp1252"))

    # A bad file: located problems with suggestions; nothing can be published.
    upload(page, bad)
    page.get_by_text("Filen har fel och kan inte publiceras").wait_for(timeout=30_000)
    assert "utsatt_omrade" in page.locator(".st-key-up_errors").inner_text()
    assert "Södertälje" in page.locator(".st-key-up_warnings").inner_text()

    # The fixed file: preview, then (in demo mode) the first administrator and the publish in one step.
    upload(page, good)
    page.get_by_text("Det finns ingen tidigare riktig kartläggning att jämföra med").wait_for(timeout=30_000)  # no demo
    page.get_by_text("Kartläggningen är daterad i dag").wait_for(timeout=30_000)
    page.get_by_text("Demoläget upphör när riktiga data publiceras").wait_for(timeout=30_000)
    page.get_by_role("textbox", name="Engångskod").fill(_setup_code(state))
    page.get_by_role("textbox", name="Användarnamn").fill(ADMIN)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("textbox", name="Lösenordet igen").fill(PASSWORD)
    screenshot(page, "dag-ett-forsta-admin")
    page.get_by_role("button", name="Skapa administratören och publicera").click()
    page.get_by_text("Inloggad: ada (Administratör)").wait_for(timeout=30_000)
    page.get_by_text("Exempeldatan visas inte längre").wait_for(timeout=30_000)
    session_cookie(context, page)  # set by the server in exchange for the page's one-time code

    # The demo data goes, in one audited step, from the history page.
    page.get_by_role("link", name="Ta bort exempeldata").click()
    page.get_by_text("Ja, ta bort alla exempelkartläggningar").click()
    page.get_by_role("button", name="Ta bort exempeldata").click()
    page.get_by_text("Exempeldata borttagen (3 kartläggningar)").wait_for(timeout=30_000)
    page.get_by_text("Riktiga kartläggningar finns nu").wait_for(state="detached", timeout=30_000)

    # A reload keeps the session (the cookie), and the map shows the real survey only, without the demo notice.
    page.goto(url + "/karta")
    page.get_by_text("Inloggad: ada (Administratör)").wait_for(timeout=30_000)
    page.get_by_text("Visar 2 av 2 scener i Kartläggning 2026").wait_for(timeout=30_000)
    assert page.get_by_text("Exempeldata – fiktiva platser").count() == 0

    # A corrected file becomes revision 2; rollback brings revision 1 back everywhere.
    three = tmp_path / "three.csv"
    three.write_bytes((GOOD + "N2;Andra platsen;Botkyrka;utsatt_omrade;59,2005;17,8297;\r\n").encode("cp1252"))
    page.get_by_role("link", name="Ladda upp", exact=True).click()
    page.get_by_text("En rättad version av en publicerad kartläggning").click()
    _choose(page, "Kartläggning som rättas", "Kartläggning 2026")
    upload(page, three)
    page.get_by_text("Förhandsgranskning mot Kartläggning 2026").wait_for(timeout=30_000)
    settled(page)  # the preview's rerun has drawn the page: the press is on the page as it stands
    page.get_by_role("button", name="Publicera", exact=True).click()
    # The page reruns after publishing; the success box is drawn by the rerun, so the page is settled then.
    page.locator('[data-testid="stAlert"]').filter(has_text="revision 2").wait_for(timeout=30_000)
    page.get_by_role("link", name="Karta", exact=True).click()
    page.get_by_text("Visar 3 av 3 scener i Kartläggning 2026").wait_for(timeout=30_000)
    page.get_by_role("link", name="Historik", exact=True).click()
    _choose(page, "Kartläggning", "Kartläggning 2026")
    _choose(page, "Revision", "1")
    page.get_by_role("button", name="Gör vald revision gällande").click()
    page.get_by_text("Gällande revision: 1").wait_for(timeout=30_000)
    page.get_by_role("link", name="Karta", exact=True).click()
    page.get_by_text("Visar 2 av 2 scener i Kartläggning 2026").wait_for(timeout=30_000)

    # A second tab of the same browser is signed in too.
    second = context.new_page()
    second.goto(url + "/utveckling")
    second.get_by_text("Inloggad: ada (Administratör)").wait_for(timeout=30_000)
    second.close()

    # A seminar's workshop link, opened in a fresh browser: sign in, then the map with the link's filters.
    fresh = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    shared = fresh.new_page()
    shared.goto(url + "/karta?kategori=social_utsatthet")
    shared.get_by_role("button", name="Logga in").wait_for(timeout=30_000)
    assert shared.get_by_text("Page not found").count() == 0
    _sign_in(shared)
    shared.get_by_text("Visar 1 av 2 scener i Kartläggning 2026").wait_for(timeout=30_000)
    assert "kategori=social_utsatthet" in shared.url
    shared.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(".leaflet-marker-icon").first.wait_for(
        timeout=30_000)
    screenshot(shared, "dag-ett-delad-lank-efter-inloggning")
    fresh.close()

    # Sign-out revokes the session: the old cookie, replayed in a new browser, gets the sign-in page.
    cookie = session_cookie(context, page)
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="Logga in").wait_for(timeout=30_000)
    replay = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    replay.add_cookies([cookie])
    again = replay.new_page()
    again.goto(url + "/historik")
    again.get_by_role("button", name="Logga in").wait_for(timeout=30_000)
    assert again.get_by_text("Inloggad:").count() == 0
    replay.close()
    context.close()

    dash = Dashboard(Settings(state_dir=state))
    assert [s.name for s in dash.all_surveys()] == ["Kartläggning 2026"]
    log = dash.audit(10_000)
    assert {"first-admin", "publish", "demo-remove", "revise", "rollback", "sign-out"} <= set(log["action"])
    assert (log["actor"].str.strip() != "").all()


def test_sign_in_page_and_a_page_the_role_may_not_open(browser: object, writable_server: tuple[str, Path]) -> None:
    """A participant following a link to Ladda upp signs in and is told, in Swedish, that the role may not open it.

    The sign-in page itself passes axe-core (no serious or critical violation).
    """
    from axe_playwright_python.sync_playwright import Axe

    url, state = writable_server
    Dashboard(Settings(state_dir=state)).add_user("dora", PASSWORD, "deltagare", actor="cli:op")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + "/ladda-upp")
    page.get_by_role("button", name="Logga in").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []
    page.get_by_label("Användarnamn").fill("dora")
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("rollen Workshopdeltagare får inte öppna den").wait_for(timeout=30_000)
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_role("link", name="Ladda upp", exact=True).count() == 0  # not offered in the menu either
    screenshot(page, "sida-inte-for-rollen")
    context.close()


def test_analysts_file_gets_a_triaged_report(browser: object, server: str, tmp_path: Path) -> None:
    """Issue 27: the analysts' file (Windows-1252 CSV, 46 rows) for a 2026 survey. The page waits for the date; then
    the 10 errors come first and apart, by kind and row by row; the 47 warnings are grouped by kind with counts
    and examples, each kind with its own apply. Applying the labels changes nothing else."""
    path = tmp_path / "kartlaggning-mars-2026.csv"
    path.write_bytes(analyst_files.windows_csv(load_reference(DATA_DIR)))
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/ladda-upp")
    page.get_by_label("Namn").fill("Kartläggning mars 2026")
    page.get_by_label("Namn").press("Enter")
    upload(page, path)
    page.get_by_text("Välj kartläggningens datum först").wait_for(timeout=30_000)  # nothing is checked without it
    assert page.get_by_text("Filen har fel").count() == 0
    type_date(page, "Datum", analyst_files.SURVEY_DAY)
    page.get_by_text("Filen har fel och kan inte publiceras").wait_for(timeout=60_000)
    errors = page.locator(".st-key-up_errors")
    warnings = page.locator(".st-key-up_warnings")
    errors.get_by_text("10 fel hindrar publicering").wait_for(timeout=30_000)
    text = errors.inner_text()
    assert "Lokalpolisområde som upphört före kartläggningen: 5 rader" in text
    assert "rad 32: 'Norrmalm' → Lidingö-Kungsholmen" in text
    assert "Utsatt område" not in text  # the harmless warnings are not among the errors
    text = warnings.inner_text()
    assert "Kategori skriven som namn: 46 rader" in text
    assert "'Sodertalje' liknar Södertälje men platsen ligger i Järfälla" in text
    box = {name: page.locator(f".st-key-{name}").bounding_box() for name in ("up_errors", "up_warnings")}
    assert box["up_errors"]["y"] < box["up_warnings"]["y"]  # type: ignore[index]
    assert page.get_by_role("button", name="Tillämpa alla förslag").count() == 0
    apply_labels = page.get_by_role("button", name="Tillämpa (46)", exact=True)
    assert apply_labels.count() == 1
    page.evaluate("document.querySelector('.st-key-up_errors').scrollIntoView({block: 'start'}); "
                  "window.scrollBy(0, -90)")  # the top of the report, below the page's header
    screenshot(page, "uppladdning-triagerad-rapport")
    warnings.scroll_into_view_if_needed()
    screenshot(page, "uppladdning-triagerad-rapport-varningar")

    apply_labels.click()
    page.get_by_text("Förslagen är tillämpade: 46 celler ändrade").wait_for(timeout=60_000)
    page.locator(".st-key-up_errors").get_by_text("10 fel hindrar publicering").wait_for(timeout=30_000)
    assert "Kategori skriven som namn" not in page.locator(".st-key-up_warnings").inner_text()
    assert page.get_by_role("button", name="Tillämpa (5)", exact=True).count() == 1  # the dissolved police areas
    context.close()
