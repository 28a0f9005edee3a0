"""The proof of a county's deployment, walked in Chromium through HAProxy (deploy/haproxy.cfg) in front of two
instances on one PostgreSQL, signing in at a real OpenID Connect provider (node's oidc-provider):

sign-in by e-mail, by group and by the default role; the sandbox left by the administrator; reload, a second tab
and a deep link through the provider's round trip; a survey published on one instance seen on the other; sign-out
in one tab refused in the other and for a replayed copy of the cookies; expiry with the app's own message; a person
with no role; an administrator ending sessions; kill -9 of an instance and its return with an upload right after;
readiness failing while the database is stopped, and everyone still signed in after it is back; a configuration
error refusing the start. The tests run in order and share the deployment.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from scenes.settings import PROJECT_ROOT
from tests.browser.conftest import CHROMIUM_FLAGS, screenshot, type_date  # noqa: F401
from tests.browser.deploy.conftest import CONTACT, County, status_of, write_secrets

pytestmark = pytest.mark.browser

# (an e-mail address is drawn with a word joiner before "@", so Markdown never makes it a link)
ELLA = re.compile("Inloggad: ella\\.admin\u2060?@lansstyrelsen\\.se \\(Administratör\\)")
GUSTAV = re.compile("Inloggad: gustav\u2060?@sollentuna\\.se \\(Analytiker\\)")
DORA = re.compile("Inloggad: dora\u2060?@polisen\\.se \\(Workshopdeltagare\\)")
SURVEY = ("id;namn;kommun;kategori;lat;lon;lokalpolisomrade\r\n"
          "N1;Ny plats;Södertälje;utsatt_omrade;59,1955;17,6253;\r\n"
          "N3;Torget;Stockholm;social_utsatthet;59,3146;18,0714;sodermalm\r\n")
T = 45_000


def _context(browser: object, county: County, instance: str | None = None) -> object:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    if instance is not None:  # as if HAProxy had placed this browser there
        context.add_cookies([{"name": "SCENES_INSTANCE", "value": instance, "url": county.proxy}])
    return context


def sign_in(page: object, county: County, login: str, *, button: str = "Logga in med organisationens konto",
            app: str | None = None) -> None:
    """Click the app's sign-in button, sign in at the provider's own form, and come back (to the proxy, or `app`)."""
    page.get_by_role("button", name=button).click(timeout=T)  # type: ignore[attr-defined]
    page.wait_for_url(f"{county.provider}/interaction/**", timeout=T)  # type: ignore[attr-defined]
    page.fill("input[name=login]", login)  # type: ignore[attr-defined]
    page.fill("input[name=password]", "any password")  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url(f"{app or county.proxy}/**", timeout=T)  # type: ignore[attr-defined]


def see(page: object, text: str | re.Pattern[str]) -> None:
    page.get_by_text(text).first.wait_for(timeout=T)  # type: ignore[attr-defined]


def in_table(page: object, text: str) -> None:
    """A value in a data table (drawn on a canvas; its accessible cells are in the page, not visible)."""
    page.get_by_text(text, exact=True).first.wait_for(state="attached", timeout=T)  # type: ignore[attr-defined]


def test_ready_through_the_proxy_and_a_bad_configuration_refuses_to_start(county: County) -> None:
    assert status_of(f"{county.proxy}/api/ready") == (200, b'{"status":"ready","reason":"ready"}')
    broken = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "serve.py"), "--server.port", "1", "--server.headless", "true",
         "--secrets.files", str(county.secrets)],
        cwd=PROJECT_ROOT, env={**county.env, "SCENES_ROLE_MAP": '{"emails": {"a@b.se": "chef"}}'},
        capture_output=True, text=True, timeout=120, check=False)
    assert broken.returncode == 2
    assert "SCENES_ROLE_MAP: emails['a@b.se'] is 'chef', not a role" in broken.stderr


def test_roles_by_email_group_and_default_and_the_sandbox_left(browser: object, county: County) -> None:
    ctx = _context(browser, county, "app1")
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/")
    see(page, "Logga in med organisationens konto")
    assert page.get_by_text("Demoläge").count() == 0  # with [auth], no anonymous sandbox
    sign_in(page, county, "ella")
    see(page, ELLA)  # by e-mail
    see(page, "Demoläge: bara exempeldata, och inget sparas")
    page.goto(county.proxy + "/starta-skarp-drift")
    page.get_by_role("button", name="Starta skarp drift").click()
    see(page, ELLA)
    page.goto(county.proxy + "/anvandare")
    see(page, "Alla som kan logga in eller har loggat in")
    assert page.get_by_text("Demoläge").count() == 0
    screenshot(page, "drift-anvandare-1366")
    ctx.close()  # type: ignore[attr-defined]
    for login, expected in (("gustav", GUSTAV), ("dora", DORA)):  # by group; by the default role
        other = _context(browser, county)
        p = other.new_page()  # type: ignore[attr-defined]
        p.goto(county.proxy + "/")
        sign_in(p, county, login)
        see(p, expected)
        other.close()  # type: ignore[attr-defined]


def test_deep_link_reload_and_second_tab(browser: object, county: County) -> None:
    ctx = _context(browser, county)
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/seminarier?lank=verkstad-3")
    sign_in(page, county, "dora")
    see(page, DORA)
    page.wait_for_url(f"{county.proxy}/seminarier?lank=verkstad-3", timeout=T)  # the link survived the round trip
    page.reload()
    see(page, DORA)
    second = ctx.new_page()  # type: ignore[attr-defined]
    second.goto(county.proxy + "/utveckling")
    see(second, DORA)
    ctx.close()  # type: ignore[attr-defined]


def _upload(page: object, county: County, path: Path, name: str, day: dt.date) -> None:
    page.goto(county.proxy + "/ladda-upp")  # type: ignore[attr-defined]
    page.get_by_label("Namn").fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Namn").press("Enter")  # type: ignore[attr-defined]
    type_date(page, "Datum", day)  # no default date or kind: the analyst chooses both
    page.get_by_label("Typ", exact=True).click()  # type: ignore[attr-defined]
    page.keyboard.type("Kartläggning")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.locator("input[type=file]").set_input_files(str(path))  # type: ignore[attr-defined]
    see(page, "Kontrollerad: 2 godkända rader")
    page.get_by_role("button", name="Publicera").click()  # type: ignore[attr-defined]
    page.locator('[data-testid="stAlert"]').filter(has_text="revision 1").wait_for(timeout=T)  # type: ignore[attr-defined]


def test_published_on_one_instance_seen_on_the_other(browser: object, county: County, tmp_path: Path) -> None:
    survey = tmp_path / "kartlaggning.csv"
    survey.write_bytes(SURVEY.encode("cp1252"))
    analyst = _context(browser, county, "app1")
    page = analyst.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/ladda-upp")
    sign_in(page, county, "gustav")
    see(page, GUSTAV)
    _upload(page, county, survey, "Kartläggning våren 2026", dt.date(2026, 3, 2))
    admin = _context(browser, county, "app2")
    other = admin.new_page()  # type: ignore[attr-defined]
    other.goto(county.proxy + "/historik")
    sign_in(other, county, "ella")
    in_table(other, "Kartläggning våren 2026")
    assert {c["value"] for c in admin.cookies() if c["name"] == "SCENES_INSTANCE"} == {"app2"}  # type: ignore[attr-defined]
    analyst.close()  # type: ignore[attr-defined]
    admin.close()  # type: ignore[attr-defined]


def test_sign_out_ends_the_session_everywhere(browser: object, county: County) -> None:
    ctx = _context(browser, county)
    tab = ctx.new_page()  # type: ignore[attr-defined]
    tab.goto(county.proxy + "/")
    sign_in(tab, county, "gustav")
    see(tab, GUSTAV)
    other = ctx.new_page()  # type: ignore[attr-defined]
    other.goto(county.proxy + "/karta")
    see(other, GUSTAV)
    copied = ctx.cookies()  # type: ignore[attr-defined]
    tab.get_by_role("button", name="Logga ut").click()
    tab.get_by_role("button", name="Yes, sign me out").click(timeout=T)  # the provider's end-session page
    tab.wait_for_url(f"{county.proxy}/**", timeout=T)
    see(tab, "Du är utloggad.")
    screenshot(tab, "drift-utloggad")
    assert not [c for c in ctx.cookies() if c["name"].startswith("_streamlit_user")]  # type: ignore[attr-defined]
    other.get_by_role("link", name="Utveckling", exact=True).click()  # the other tab's next click
    see(other, "Logga in")
    assert other.get_by_text(GUSTAV).count() == 0
    replay = _context(browser, county)
    replay.add_cookies([c for c in copied if c["name"] != "SCENES_INSTANCE"])  # type: ignore[attr-defined]
    page = replay.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/oversikt")
    see(page, "Den här inloggningen är avslutad")
    assert page.get_by_text(GUSTAV).count() == 0
    ctx.close()  # type: ignore[attr-defined]
    replay.close()  # type: ignore[attr-defined]


def test_expiry_and_an_ended_session_show_the_apps_message(browser: object, county: County) -> None:
    ctx = _context(browser, county)
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/")
    sign_in(page, county, "dora")
    see(page, DORA)
    engine = sa.create_engine(county.pg.url)
    with engine.begin() as conn:  # two hours pass without a click
        conn.execute(sa.text("UPDATE sessions SET last_seen = last_seen - interval '2 hours' "
                             "WHERE username = 'oidc:dora@polisen.se'"))
    engine.dispose()
    page.get_by_role("link", name="Utveckling", exact=True).click()
    see(page, "Sessionen har avslutats (inaktivitet eller maximal tid)")
    assert county.provider not in page.url  # the app's message, not the provider's sign-out page
    sign_in(page, county, "dora", button="Logga in igen")
    see(page, DORA)
    admin = _context(browser, county)
    a = admin.new_page()  # type: ignore[attr-defined]
    a.goto(county.proxy + "/anvandare")
    sign_in(a, county, "ella")
    see(a, "Sessioner och spärr")
    box = a.get_by_label("Person", exact=True)
    box.click()
    a.keyboard.type("dora")
    a.keyboard.press("Enter")
    a.get_by_role("button", name="Avsluta personens sessioner").click()
    see(a, re.compile("sessioner för oidc:dora\u2060?@polisen\\.se avslutades"))
    page.get_by_role("link", name="Seminarier", exact=True).click()
    see(page, "Den här inloggningen är avslutad")
    ctx.close()  # type: ignore[attr-defined]
    admin.close()  # type: ignore[attr-defined]


def test_a_person_without_a_role_is_told_who_to_ask(browser: object, county: County) -> None:
    """A deployment whose role map has no default: a person it does not name gets a page saying whom to ask."""
    solo = county.instances["solo"]
    secrets = write_secrets(county.root / "solo-secrets.toml", solo.url, county.provider)
    county.start("solo", env={"SCENES_ROLE_MAP": json.dumps({"emails": {"ella.admin@lansstyrelsen.se": "admin"}})},
                 secrets=secrets)
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = ctx.new_page()
    page.goto(solo.url + "/")
    sign_in(page, county, "nils", app=solo.url)
    see(page, "men kontot har ingen roll i verktyget")
    see(page, re.compile(re.escape(CONTACT).replace("@", "\u2060?@")))
    screenshot(page, "drift-ingen-roll")
    engine = sa.create_engine(county.pg.url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM sessions WHERE username = 'oidc:nils@example.org'")
                            ).scalar() == 0
        assert conn.execute(sa.text("SELECT role FROM identities WHERE username = 'oidc:nils@example.org'")
                            ).scalar() is None
    engine.dispose()
    ctx.close()
    assert solo.proc is not None
    solo.proc.terminate()
    solo.proc.wait(timeout=30)


def test_an_instance_killed_and_back_then_an_upload(browser: object, county: County, tmp_path: Path) -> None:
    """kill -9 of the analyst's instance: HAProxy moves the tab to the other one (and says so in its cookie); when
    the killed instance is back, the tab stays where its WebSocket is, and the next upload works."""
    survey = tmp_path / "hosten.csv"
    survey.write_bytes(SURVEY.encode("cp1252"))
    ctx = _context(browser, county, "app1")
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/ladda-upp")
    sign_in(page, county, "gustav")
    see(page, GUSTAV)
    county.kill("app1")
    page.get_by_role("link", name="Historik", exact=True).click()
    see(page, GUSTAV)  # still signed in, now on app2
    in_table(page, "Kartläggning våren 2026")
    assert {c["value"] for c in ctx.cookies() if c["name"] == "SCENES_INSTANCE"} == {"app2"}  # type: ignore[attr-defined]
    county.start("app1")  # failback: the instance returns
    _upload(page, county, survey, "Kartläggning hösten 2026", dt.date(2026, 9, 14))
    ctx.close()  # type: ignore[attr-defined]


def test_readiness_fails_while_the_database_is_stopped(browser: object, county: County) -> None:
    ctx = _context(browser, county, "app2")
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(county.proxy + "/")
    sign_in(page, county, "ella")
    see(page, ELLA)
    county.pg.stop()
    try:
        page.get_by_role("link", name="Karta", exact=True).click()  # an interaction while the database is down
        see(page, "Databasen svarar inte just nu")  # a clear message, not Streamlit's error page
        app2 = county.instances["app2"]
        status, body = status_of(f"{app2.url}/api/ready")
        assert (status, json.loads(body)) == (503, {"status": "not_ready", "reason": "database"})
        check = subprocess.run([str(Path(sys.executable).with_name("scenes")), "ready"], env=county.env,
                               capture_output=True, text=True, timeout=60, check=False)
        assert check.returncode == 3
        assert check.stderr.startswith("not ready: database")
    finally:
        county.pg.start()
    from tests.browser.deploy.conftest import _wait_http

    _wait_http(f"{county.proxy}/api/ready", timeout=60)
    retry = page.get_by_role("button", name="Försök igen")  # shown if the page reran while the database was down
    if retry.count():
        retry.click()
    page.get_by_role("link", name="Historik", exact=True).click()
    in_table(page, "Kartläggning hösten 2026")
    see(page, ELLA)  # still signed in: the sessions live in the database, which kept them
    ctx.close()  # type: ignore[attr-defined]
