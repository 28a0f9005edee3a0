"""An analyst's journey in the browser: a bad file is reported, the fixed file is previewed and published."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes.auth import Accounts
from scenes.core import Dashboard
from scenes.settings import Settings
from tests.browser.conftest import CHROMIUM_FLAGS, screenshot  # noqa: F401 - flags documented there

pytestmark = pytest.mark.browser

BAD = "id;namn;kommun;kategori;lat;lon\r\nN1;Ny plats;Sodertalje;utsatt;59,1955;17,6253\r\n"
GOOD = "id;namn;kommun;kategori;lat;lon\r\nN1;Ny plats;Södertälje;utsatt_omrade;59,1955;17,6253\r\n"


def _choose(page, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a selectbox option from the keyboard: focus, type to filter, Enter."""
    box = page.get_by_label(label, exact=True)
    box.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)


def test_upload_report_fix_preview_publish(browser: object, writable_server: tuple[str, Path],
                                           tmp_path: Path) -> None:
    """Bad file -> located problems with suggestions; fixed file -> preview -> publish -> a new survey."""
    url, state = writable_server
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + "/ladda-upp")
    page.get_by_label("Namn").fill("Uppföljning test")
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_bytes(BAD.encode("cp1252"))
    good.write_bytes(GOOD.encode("cp1252"))

    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_text("Filen har fel och kan inte publiceras").wait_for(timeout=30_000)
    screenshot(page, "ladda-upp-fel")
    report = page.get_by_role("table").last
    assert "Södertälje" in report.inner_text() and "utsatt_omrade" in report.inner_text()  # the suggestions

    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Publicera").wait_for(timeout=30_000)
    page.get_by_text("Förhandsgranskning mot").wait_for(timeout=30_000)
    screenshot(page, "ladda-upp-forhandsgranskning")
    page.get_by_role("button", name="Publicera").click()
    page.get_by_text("Publicerad:").first.wait_for(timeout=30_000)
    # Real data ends demo mode: from now on everyone signs in. An administrator makes an account (the CLI's
    # `scenes user add`), the analyst signs in and finds the new survey on the map at once.
    Accounts(Dashboard(Settings(state_dir=state)).store).add("analys", "ett långt lösenord", "analytiker")
    page.goto(url + "/")
    page.get_by_label("Användarnamn").fill("analys")
    page.get_by_label("Lösenord").fill("ett långt lösenord")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Karta").click()
    page.get_by_text("Visar 1 av 1 scener i Uppföljning test").wait_for(timeout=30_000)
    screenshot(page, "ladda-upp-ny-pa-kartan")

    # A corrected file becomes revision 2 of the same survey ...
    two = tmp_path / "two.csv"
    two.write_bytes((GOOD + "N2;Andra platsen;Botkyrka;utsatt_omrade;59,2005;17,8297\r\n").encode("cp1252"))
    page.get_by_role("link", name="Ladda upp").click()
    page.get_by_text("En rättad version av en publicerad kartläggning").click()
    _choose(page, "Kartläggning som rättas", "Uppföljning test")
    page.locator("input[type=file]").set_input_files(str(two))
    page.get_by_role("button", name="Publicera").click()
    page.get_by_text("revision 2").first.wait_for(timeout=30_000)
    page.get_by_role("link", name="Karta").click()
    page.get_by_text("Visar 2 av 2 scener i Uppföljning test").wait_for(timeout=30_000)
    # ... and rolling back to revision 1 brings the old state back everywhere.
    page.get_by_role("link", name="Historik").click()
    _choose(page, "Kartläggning", "Uppföljning test")
    _choose(page, "Revision", "1")
    page.get_by_role("button", name="Gör vald revision gällande").click()
    page.get_by_text("Gällande revision: 1").wait_for(timeout=30_000)
    page.get_by_role("link", name="Karta").click()
    page.get_by_text("Visar 1 av 1 scener i Uppföljning test").wait_for(timeout=30_000)
    context.close()

    surveys = Dashboard(Settings(state_dir=state)).store.surveys()
    new = [s for s in surveys if s.name == "Uppföljning test"]
    assert len(new) == 1 and not new[0].demo
    assert len(Dashboard(Settings(state_dir=state)).store.scenes(new[0].id)) == 1
