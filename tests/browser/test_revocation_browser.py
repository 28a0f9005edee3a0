"""Access ends when it is revoked, at the next interaction of any kind, in a tab that has the map open.

A steering-group member has Karta open in three tabs of one browser (one session, through its cookie). Then the
session is revoked in one of five ways: the account removed, its role changed, its password changed, the user
signing out in a fourth tab, or the idle limit passing. In the open tabs the next interaction is a step through
time (the map fragment reruns), a filter change (the fragment again) or a download (a file made on click, outside
any rerun). Each gets the sign-in page and not one byte of scene data: the WebSocket frames after the revocation
hold no scene id or name, and no file arrives.

The session cookie itself is HttpOnly and SameSite=Lax (no script can read it), and a quoted copy of the token is
not the token.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from scenes.access.sessions import COOKIE_NAME
from scenes.domain.demo import load_demo
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.store.schema import sessions
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import _serve, screenshot, session_cookie

pytestmark = pytest.mark.browser

PASSWORD = "ett långt lösenord"  # noqa: S105 - a test account on a throwaway store
USER = "stina"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, Path, list[bytes]]]:
    """A real deployment with two real surveys and an administrator; yields (url, state, the scene data to look
    for: every scene id and name, as they would travel)."""
    state = tmp_path_factory.mktemp("revocation")
    dash = Dashboard(Settings(state_dir=state))
    dash.init()
    secrets: set[bytes] = set()
    for i, demo in enumerate(load_demo(dash.settings.data_dir)[-2:]):
        survey_id = f"k{2024 + i}"
        frame = demo.scenes.assign(survey_id=survey_id)
        dash.store.add_survey(Survey(survey_id, f"Kartläggning {2024 + i}", dt.date(2024 + i, 3, 1),
                                     SurveyKind.KARTLAGGNING, "Länsstyrelsen", False), frame, actor="analytiker")
        secrets |= {str(v).encode() for v in frame["scene_id"]} | {str(v).encode() for v in frame["name"]}
    dash.add_user("ada", PASSWORD, "admin", actor="cli:op")
    for url in _serve(state, browser):
        # the operator is told at start what a proxy in front needs (sign-in throttling without client addresses)
        assert "SCENES_CLIENT_IP_HEADER is not set" in (state / "streamlit.log").read_text()
        yield url, state, sorted(secrets)


def _revoke_by(kind: str, dash: Dashboard, context: object, url: str) -> None:
    if kind == "removed":
        dash.remove_user(USER, actor="ada")
    elif kind == "role":
        dash.set_role(USER, "deltagare", actor="ada")
    elif kind == "password":
        dash.set_password(USER, "ett helt nytt lösenord", actor="ada")
    elif kind == "idle":  # the idle limit passes: the session was last seen longer ago than it allows
        past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=dash.settings.session_idle_minutes + 1)
        with dash.store.engine.begin() as conn:
            conn.execute(sa.update(sessions).where(sessions.c.username == USER).values(last_seen=past))
    elif kind == "signed_out":  # in a fourth tab of the same browser
        other = context.new_page()  # type: ignore[attr-defined]
        other.goto(url + "/oversikt")
        other.get_by_text("Inloggad: stina").wait_for(timeout=60_000)
        other.wait_for_timeout(3000)
        screenshot(other, "atkomst-logga-ut-flik")
        other.get_by_role("button", name="Logga ut").click()
        other.get_by_role("button", name="Logga in").wait_for(timeout=30_000)
        other.close()


def _open_map(context: object, url: str, frames: list[bytes]) -> object:
    page = context.new_page()  # type: ignore[attr-defined]

    def record(ws: object) -> None:
        ws.on("framereceived", lambda f: frames.append(f if isinstance(f, bytes) else f.encode()))  # type: ignore[attr-defined]

    page.on("websocket", record)
    page.goto(url + "/karta")
    page.get_by_text("Inloggad: stina").wait_for(timeout=60_000)
    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(".leaflet-marker-icon").first.wait_for(
        timeout=60_000)
    return page


def _step(page: object) -> None:
    page.get_by_role("button", name="◀").click()  # type: ignore[attr-defined]


def _open_filters(page: object) -> None:
    """Open the Urval panel (before the revocation: opening it is a rerun of its own, which already signs out)."""
    page.locator('[data-testid="stExpander"] summary').filter(has_text="Urval").first.click()  # type: ignore[attr-defined]
    page.get_by_label("Kommun", exact=True).wait_for(timeout=30_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(1_000)  # type: ignore[attr-defined]


def _filter(page: object) -> None:
    page.get_by_label("Kommun", exact=True).click()  # type: ignore[attr-defined]
    page.keyboard.type("Botkyrka")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]


def _download(page: object) -> None:
    with pytest.raises(Exception, match="Timeout"), page.expect_download(timeout=10_000):  # type: ignore[attr-defined]
        page.get_by_role("button", name="GeoJSON").click()  # type: ignore[attr-defined]


INTERACTIONS: dict[str, Callable[[object], None]] = {"time step": _step, "filter change": _filter,
                                                      "download": _download}


_LAYERS = re.compile(rb'data-layers=\\?"([A-Za-z0-9+/=]+)')


def _readable(chunks: list[bytes]) -> bytes:
    """What the page received, with the maps' layers decoded (`ui.frame_layers` sends them base64-encoded), so a
    scene's id or name in them is found as written."""
    sent = b"".join(chunks)
    return sent + b"".join(base64.b64decode(m.group(1)) for m in _LAYERS.finditer(sent))


@pytest.mark.parametrize("kind", ["removed", "role", "password", "signed_out", "idle"])
def test_an_open_map_gets_no_scene_data_after_revocation(browser: object, county: tuple[str, Path, list[bytes]],
                                                         kind: str) -> None:
    url, state, secrets = county
    dash = Dashboard(Settings(state_dir=state))
    dash.add_user(USER, PASSWORD, "styrgrupp", actor="ada")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE",  # type: ignore[attr-defined]
                                  accept_downloads=True)
    try:
        first = context.new_page()
        first.goto(url + "/karta")
        first.get_by_role("textbox", name="Användarnamn").fill(USER)
        first.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
        first.get_by_role("button", name="Logga in").click()
        first.get_by_text("Inloggad: stina").wait_for(timeout=60_000)
        session_cookie(context, first)
        first.close()
        frames: dict[str, list[bytes]] = {name: [] for name in INTERACTIONS}
        pages = {name: _open_map(context, url, frames[name]) for name in INTERACTIONS}
        _open_filters(pages["filter change"])
        first_seen = {name: len(frames[name]) for name in INTERACTIONS}
        assert all(any(s in _readable(f) for s in secrets) for f in frames.values())  # the test can see a leak

        _revoke_by(kind, dash, context, url)

        for name, act in INTERACTIONS.items():
            page = pages[name]
            act(page)
            page.get_by_role("button", name="Logga in").wait_for(timeout=30_000)  # type: ignore[attr-defined]
            page.wait_for_timeout(1_000)  # type: ignore[attr-defined]
            after = _readable(frames[name][first_seen[name]:])
            leaked = [s.decode() for s in secrets if s in after]
            assert leaked == [], f"{kind}, {name}: scene data sent after the revocation: {leaked[:5]}"
            assert page.get_by_text("Inloggad:").count() == 0  # type: ignore[attr-defined]
        screenshot(pages["download"], f"atkomst-aterkallad-{kind}")
    finally:
        context.close()
        if kind != "removed":
            dash.remove_user(USER, actor="ada")


def test_session_cookie_is_httponly_and_exact(browser: object, county: tuple[str, Path, list[bytes]]) -> None:
    """The cookie is set by the server: HttpOnly (`document.cookie` does not show it), SameSite=Lax, not Secure over
    plain http. The exact token, replayed in a fresh browser, is signed in; a quoted copy of it is not."""
    url, state, _ = county
    dash = Dashboard(Settings(state_dir=state))
    dash.add_user("cecilia", PASSWORD, "styrgrupp", actor="ada")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(url + "/oversikt")
        page.get_by_role("textbox", name="Användarnamn").fill("cecilia")
        page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Logga in").click()
        page.get_by_text("Inloggad: cecilia").wait_for(timeout=60_000)
        cookie = session_cookie(context, page)
        assert cookie["httpOnly"] is True
        assert cookie["sameSite"] == "Lax"
        assert cookie["secure"] is False  # plain http on loopback; `Secure` is added over https
        assert COOKIE_NAME not in page.evaluate("document.cookie")
        page.reload()
        page.get_by_text("Inloggad: cecilia").wait_for(timeout=60_000)

        for value, signed_in in ((cookie["value"], True), (f'"{cookie["value"]}"', False)):
            replay = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
            replay.add_cookies([{**cookie, "value": value}])
            again = replay.new_page()
            again.goto(url + "/oversikt")
            if signed_in:
                again.get_by_text("Inloggad: cecilia").wait_for(timeout=60_000)
            else:
                again.get_by_role("button", name="Logga in").wait_for(timeout=60_000)
                assert again.get_by_text("Inloggad:").count() == 0
            replay.close()
    finally:
        context.close()
        dash.remove_user("cecilia", actor="ada")
