"""The app's own HTTP routes (scenes.web.routes): the session cookie set by the server, HttpOnly, from a one-time code;
cleared by the server; requests from another site, oversized bodies and unknown or reused codes refused; only the
exact token read from a Cookie header."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from pathlib import Path

import pytest
from starlette.applications import Starlette

from scenes.access.sessions import COOKIE_NAME
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from scenes.web.routes import Handoffs, cookie_header, cookie_value, handoffs, routes

HOST = "dashboard.example.se"


def _call(app: Starlette, method: str, path: str, *, body: bytes = b"", headers: dict[str, str] | None = None
          ) -> tuple[int, dict[str, str], bytes]:
    """One request through the real Starlette app (ASGI), without a network: (status, headers, body); the last
    value of a repeated header (see `_raw` for all of them)."""
    status, every, data = _raw(app, method, path, body=body, headers=headers)
    return status, dict(every), data


@pytest.fixture
def dash(tmp_path: Path) -> Dashboard:
    d = Dashboard(Settings(state_dir=tmp_path))
    d.init()
    d.add_user("stina", "ett långt lösenord", "styrgrupp", actor="cli:op")
    return d


@pytest.fixture
def app(dash: Dashboard) -> Starlette:
    return Starlette(routes=routes("", dashboard=lambda: dash))


SAME_SITE = {"origin": f"https://{HOST}", "content-type": "application/json", "sec-fetch-site": "same-origin"}


def test_a_one_time_code_sets_an_httponly_cookie_once(dash: Dashboard, app: Starlette) -> None:
    token = dash.sessions.start("stina")
    code = handoffs().offer(token)
    status, headers, _ = _call(app, "POST", "/api/session", body=json.dumps({"code": code}).encode(),
                               headers=SAME_SITE)
    assert status == 204
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}={token};")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Path=/" in cookie
    assert f"Max-Age={int(dash.settings.session_lifetime_hours * 3600)}" in cookie
    assert "Secure" not in cookie  # plain http
    assert handoffs().delivered(token)
    again = _call(app, "POST", "/api/session", body=json.dumps({"code": code}).encode(), headers=SAME_SITE)
    assert again[0] == 400  # a code works once
    assert "set-cookie" not in again[1]


def test_the_host_a_proxy_received_counts(dash: Dashboard, app: Starlette) -> None:
    """Behind a proxy that rewrites Host (nginx's default), the host it received (X-Forwarded-Host) is this site."""
    code = handoffs().offer(dash.sessions.start("stina"))
    status, _, _ = _call(app, "POST", "/api/session", body=json.dumps({"code": code}).encode(),
                         headers={**SAME_SITE, "host": "127.0.0.1:8501", "x-forwarded-host": HOST})
    assert status == 204


def test_secure_over_https_at_the_proxy(dash: Dashboard, app: Starlette) -> None:
    code = handoffs().offer(dash.sessions.start("stina"))
    _, headers, _ = _call(app, "POST", "/api/session", body=json.dumps({"code": code}).encode(),
                          headers={**SAME_SITE, "x-forwarded-proto": "https"})
    assert headers["set-cookie"].endswith("; Secure")


@pytest.mark.parametrize(("headers", "status"), [
    ({"origin": "https://evil.example", "content-type": "application/json"}, 403),
    ({"content-type": "application/json"}, 403),  # no Origin at all
    ({**SAME_SITE, "sec-fetch-site": "cross-site"}, 403),
])
def test_requests_from_another_site_are_refused(dash: Dashboard, app: Starlette, headers: dict[str, str],
                                                status: int) -> None:
    code = handoffs().offer(dash.sessions.start("stina"))
    got = _call(app, "POST", "/api/session", body=json.dumps({"code": code}).encode(), headers=headers)
    assert got[0] == status
    assert "set-cookie" not in got[1]
    assert _call(app, "POST", "/api/session/end", headers=headers)[0] == status


@pytest.mark.parametrize("body", [b"x" * 5_000, b"not json", b"[1, 2]", b'{"code": 7}', b'{"code": "nope"}'])
def test_bad_bodies_are_refused(app: Starlette, body: bytes) -> None:
    status, headers, _ = _call(app, "POST", "/api/session", body=body, headers=SAME_SITE)
    assert status in (400, 413)
    assert "set-cookie" not in headers


def test_ending_clears_the_cookie_and_the_session(dash: Dashboard, app: Starlette) -> None:
    token = dash.sessions.start("stina")
    code = handoffs().offer(token)
    status, headers, _ = _call(app, "POST", "/api/session/end", body=json.dumps({"code": code}).encode(),
                               headers={**SAME_SITE, "cookie": f"other=1; {COOKIE_NAME}={token}"})
    assert status == 204
    assert headers["set-cookie"].startswith(f"{COOKIE_NAME}=;")
    assert "Max-Age=0" in headers["set-cookie"]
    assert "HttpOnly" in headers["set-cookie"]
    assert dash.sessions.resolve(token).state == "invalid"
    assert "sign-out" in set(dash.audit()["action"])


def test_a_stale_tab_never_ends_a_newer_session(dash: Dashboard, app: Starlette) -> None:
    """A tab that ended its old token asks to clear the cookie; the browser meanwhile holds a newer sign-in's token,
    so nothing is cleared or ended."""
    old, new = dash.sessions.start("stina"), dash.sessions.start("stina")
    code = handoffs().offer(old)
    status, headers, _ = _call(app, "POST", "/api/session/end", body=json.dumps({"code": code}).encode(),
                               headers={**SAME_SITE, "cookie": f"{COOKIE_NAME}={new}"})
    assert status == 204
    assert "set-cookie" not in headers
    assert dash.sessions.resolve(new).state == "ok"
    without = _call(app, "POST", "/api/session/end", headers={**SAME_SITE, "cookie": f"{COOKIE_NAME}={new}"})
    assert without[0] == 400  # no code: nothing is cleared
    assert dash.sessions.resolve(new).state == "ok"


def test_routes_follow_the_base_path(dash: Dashboard) -> None:
    app = Starlette(routes=routes("/scenes/", dashboard=lambda: dash))
    code = handoffs().offer(dash.sessions.start("stina"))
    status, headers, _ = _call(app, "POST", "/scenes/api/session", body=json.dumps({"code": code}).encode(),
                               headers=SAME_SITE)
    assert status == 204
    assert "Path=/scenes;" in headers["set-cookie"]


def test_codes_expire() -> None:
    clock = [100.0]
    registry = Handoffs(ttl=60, clock=lambda: clock[0])
    code = registry.offer("token-a")
    clock[0] += 61
    assert registry.claim(code) is None
    fresh = registry.offer("token-b")
    assert registry.claim(fresh) == "token-b"
    assert registry.claim(fresh) is None


@pytest.mark.parametrize(("header", "expected"), [
    ("scenes_session=abc.def", "abc.def"),
    ("a=1; scenes_session=abc.def; b=2", "abc.def"),
    ('scenes_session="abc.def"', '"abc.def"'),  # read as sent: quotes are not stripped, so it is not the token
    ("xscenes_session=abc", ""),
    ("scenes_session", ""),
    ("", ""),
])
def test_cookie_value_is_read_exactly(header: str, expected: str) -> None:
    assert cookie_value(header) == expected


def test_cookie_header_flags() -> None:
    expected = f"{COOKIE_NAME}=t; Path=/; Max-Age=60; HttpOnly; SameSite=Lax"
    assert cookie_header("t", max_age=60, secure=False) == expected
    assert cookie_header("", max_age=-5, secure=True).endswith("Max-Age=0; HttpOnly; SameSite=Lax; Secure")


def test_a_quoted_token_is_not_a_session(dash: Dashboard) -> None:
    """The page refuses a value outside the token's alphabet before it asks the store; the store itself refuses a
    quoted copy too."""
    from ui.identity import _TOKEN

    token = dash.sessions.start("stina")
    assert _TOKEN.match(token)
    assert not _TOKEN.match(f'"{token}"')
    assert dash.sessions.resolve(f'"{token}"').state == "invalid"


def test_the_start_names_a_missing_proxy_header(tmp_path: Path) -> None:
    """The server's log says at start that, without SCENES_CLIENT_IP_HEADER, failures count per account name only."""
    from scenes.web.routes import startup_notes

    assert any("SCENES_CLIENT_IP_HEADER is not set" in n for n in startup_notes(Settings(state_dir=tmp_path)))
    assert startup_notes(Settings(state_dir=tmp_path, client_ip_header="X-Forwarded-For")) == []


@pytest.mark.parametrize(("headers", "peer", "setting", "expected"), [
    ({}, "93.184.216.34", "", ("93.184.216.34", False)),  # no proxy: the connection's address
    ({}, "", "", ("", False)),  # localhost
    ({"X-Forwarded-For": "203.0.113.9"}, "", "", ("", True)),  # a proxy on this machine, header not configured
    ({"X-Forwarded-For": "203.0.113.9"}, "10.0.0.5", "", ("", True)),  # a proxy on the private network
    ({"X-Forwarded-For": "203.0.113.9"}, "93.184.216.34", "", ("93.184.216.34", False)),  # a public peer forging it
    ({"X-Forwarded-For": "1.1.1.1, 203.0.113.9"}, "10.0.0.5", "X-Forwarded-For", ("203.0.113.9", False)),
    ({"x-forwarded-for": "203.0.113.9"}, "10.0.0.5", "X-Forwarded-For", ("203.0.113.9", False)),
])
def test_client_address(headers: dict[str, str], peer: str, setting: str, expected: tuple[str, bool]) -> None:
    """Which address sign-in throttling counts: forwarding headers make the client unknown only when they come
    from where a proxy sits (loopback or a private network), so a direct client cannot switch the count off."""
    from scenes.web.routes import client_address

    assert client_address(headers, peer, setting) == expected


# -- the organisation's sign-in, the notice after sign-out, readiness ---------------------------------------------

def _raw(app: Starlette, method: str, path: str, *, query: str = "", body: bytes = b"",
         headers: dict[str, str] | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """Like `_call`, keeping every header (several Set-Cookie) and sending a query string."""
    sent: list[dict[str, object]] = []
    raw = {"host": HOST, **(headers or {})}

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "headers": [(k.lower().encode(), v.encode()) for k, v in raw.items()],
             "scheme": "http", "server": (HOST, 80), "client": ("192.0.2.7", 5000), "http_version": "1.1",
             "root_path": ""}
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()  # type: ignore[arg-type]
    start = next(m for m in sent if m["type"] == "http.response.start")
    out = [(k.decode().lower(), v.decode()) for k, v in start["headers"]]  # type: ignore[attr-defined]
    return int(start["status"]), out, b"".join(m.get("body", b"") for m in sent  # type: ignore[misc]
                                                 if m["type"] == "http.response.body")


def test_login_remembers_the_page_and_hands_over_to_streamlit(app: Starlette) -> None:
    from urllib.parse import quote

    status, headers, _ = _raw(app, "GET", "/api/login", query="provider=tok.en&next=" + quote("karta?kategori=A&x=1"))
    assert status == 302
    assert dict(headers)["location"] == "/auth/login?provider=tok.en"
    cookies = [v for k, v in headers if k == "set-cookie"]
    assert len(cookies) == 1
    assert cookies[0].startswith("scenes_next=karta%3Fkategori%3DA%26x%3D1;")
    assert "HttpOnly" in cookies[0]
    assert "Max-Age=600" in cookies[0]
    from scenes.web.routes import next_page

    assert next_page(cookies[0].split(";")[0]) == "karta?kategori=A&x=1"


@pytest.mark.parametrize("wanted", ["https://evil.example/x", "//evil.example/x", "/karta", "a\\b", "x" * 2001])
def test_login_never_remembers_another_site(app: Starlette, wanted: str) -> None:
    from urllib.parse import quote

    status, headers, _ = _raw(app, "GET", "/api/login", query="provider=t&next=" + quote(wanted))
    assert status == 302
    # nothing remembered, and a page remembered by an earlier sign-in is forgotten
    assert [v.split(";")[0] for k, v in headers if k == "set-cookie"] == ["scenes_next="]
    assert all("Max-Age=0" in v for k, v in headers if k == "set-cookie")
    assert _raw(app, "GET", "/api/login")[0] == 400  # no provider


def test_signed_out_sets_the_notice_and_clears_the_identity(app: Starlette) -> None:
    body = json.dumps({"notice": "ended", "identity": True}).encode()
    status, headers, _ = _raw(app, "POST", "/api/signed-out", body=body, headers={
        **SAME_SITE, "cookie": "_streamlit_user=a; _streamlit_user_1=b; _streamlit_user_tokens=c; other=d"})
    assert status == 204
    cookies = [v for k, v in headers if k == "set-cookie"]
    assert any(c.startswith("scenes_notice=ended;") for c in cookies)
    cleared = {c.split("=", 1)[0] for c in cookies if "Max-Age=0" in c}
    assert cleared == {"_streamlit_user", "_streamlit_user_1", "_streamlit_user_tokens"}
    assert _raw(app, "POST", "/api/signed-out", body=b'{"notice": "<b>"}', headers=SAME_SITE)[0] == 400
    assert _raw(app, "POST", "/api/signed-out", body=body, headers={
        **SAME_SITE, "origin": "https://evil.example"})[0] == 403


def test_ready_says_why_not_without_detail(dash: Dashboard, tmp_path: Path) -> None:
    ok = Starlette(routes=routes("", dashboard=lambda: dash, problems=list))
    status, _, body = _raw(ok, "GET", "/api/ready")
    assert (status, json.loads(body)) == (200, {"status": "ready", "reason": "ready"})
    bad = Starlette(routes=routes("", dashboard=lambda: dash, problems=lambda: ["SCENES_ROLE_MAP: secret detail"]))
    status, _, body = _raw(bad, "GET", "/api/ready")
    assert (status, json.loads(body)) == (503, {"status": "not_ready", "reason": "config"})
    gone = Dashboard(Settings(database_url="postgresql+psycopg://u:p@127.0.0.1:9/none", state_dir=tmp_path))
    down = Starlette(routes=routes("", dashboard=lambda: gone, problems=list))
    assert json.loads(_raw(down, "GET", "/api/ready")[2])["reason"] == "database"
