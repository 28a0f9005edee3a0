"""The HTTP routes the app serves beside Streamlit's own (Starlette; `serve.py` mounts them through `st.App`).

Streamlit cannot set a response header from a page, and a cookie written by the page's own script is readable by
every script on the page. So the session cookie is set here, by the server, `HttpOnly` (no script can read it),
`SameSite=Lax`, `Secure` over https:

- `POST {base}api/session` with `{"code": …}`: the page that has just signed someone in holds a one-time code
  (`offer`), not the token; its script sends the code here and the answer sets the cookie. A code works once,
  for a minute, on the instance that offered it (the one that holds the browser's WebSocket, as a sticky proxy
  keeps it; uploads need the same).
- `POST {base}api/session/end` with `{"code": …}` (a code offered for the token the page has just ended): clears
  the cookie, and ends its session if still live, only when the cookie still holds that token, so a stale tab
  never signs the browser out of a newer session.

- `GET {base}api/login?provider=…&next=…`: the organisation's sign-in. Remembers the page the person asked for
  (`next`, a cookie for ten minutes) and hands over to Streamlit's `auth/login`, whose provider round trip always
  returns to the app's root: the app then opens that page (deep links survive the round trip).
- `POST {base}api/signed-out` with `{"notice": …, "identity": true|false}`: sets a notice for the sign-in page
  ("you are signed out", "your session expired", …) and, with `identity`, clears Streamlit's identity cookies (a
  refused provider sign-in). The page's sign-out then goes on to Streamlit's `auth/logout`, which ends the
  session at the provider where it offers that.
- `GET {base}api/ready`: readiness for the proxy and the service manager: 200 when the configuration is valid,
  the database answers with this program's schema and the server's warm-up has loaded the libraries
  (`scenes.web.warmup`), 503 (with the reason, never data) otherwise.

The POST routes refuse requests from another site (`Origin` must name this host; a JSON body needs a CORS
pre-flight, which is never granted) and bodies over 1 KB. Nothing here imports streamlit: the routes are plain
Starlette, the framework Streamlit itself serves through.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scenes.access import COOKIE_NAME

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

    from scenes.settings import Settings
    from scenes.views.dashboard import Dashboard

__all__ = ["HANDOFF_SECONDS", "NEXT_COOKIE", "NOTICES", "NOTICE_COOKIE", "Handoffs", "client_address",
           "cookie_header", "cookie_value", "handoffs", "next_page", "routes", "startup_notes"]

#: the page asked for before the provider's round trip (a relative address, URL-encoded)
NEXT_COOKIE = "scenes_next"
#: what the sign-in page says after a sign-out or a refused sign-in
NOTICE_COOKIE = "scenes_notice"
NOTICES = ("signed-out", "expired", "ended", "blocked", "stale", "no_role", "no_subject")
#: Streamlit's identity cookies (and their numbered chunks)
_IDENTITY_COOKIES = ("_streamlit_user", "_streamlit_user_tokens")
_MAX_NEXT = 2_000

#: how long a one-time code may wait for the page's script to exchange it
HANDOFF_SECONDS = 60.0
_LOG = logging.getLogger("scenes")
_MAX_PENDING = 10_000  # codes offered and not yet claimed; the oldest go first beyond this
_MAX_BODY = 1_024


def cookie_value(header: str, name: str = COOKIE_NAME) -> str:
    """The value of cookie `name` in a `Cookie` request header, exactly as sent: no unquoting, no decoding.

    A token is letters, digits and `_.-` only, so a quoted or otherwise altered copy never equals it (the standard
    library's cookie parser would strip the quotes and accept it).
    """
    for part in header[:8_192].split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value
    return ""


def next_page(header: str) -> str:
    """The page remembered before the provider's round trip (`NEXT_COOKIE`), decoded; "" when there is none."""
    from urllib.parse import unquote

    value = cookie_value(header, NEXT_COOKIE)
    return unquote(value)[:_MAX_NEXT] if value else ""


def _safe_next(value: str) -> str:
    """A relative page address under the app (`karta?kategori=…`), or "": never another site or a scheme."""
    value = value.strip()
    if not value or len(value) > _MAX_NEXT or any(c in value for c in "\\\r\n\0") or value.startswith("/"):
        return ""
    parts = urlsplit(value)
    return "" if parts.scheme or parts.netloc else value


def cookie_header(value: str, *, max_age: int, secure: bool, path: str = "/", name: str = COOKIE_NAME) -> str:
    """A `Set-Cookie` value for the session cookie: HttpOnly and SameSite=Lax always, Secure over https."""
    parts = [f"{name}={value}", f"Path={path}", f"Max-Age={max(0, max_age)}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Handoffs:
    """One-time codes for session tokens, kept in this process's memory for `HANDOFF_SECONDS`.

    `offer(token)` gives the page a code to send instead of the token; `claim(code)` (the route) returns the token
    once. `delivered(token)` tells the page that the browser has the cookie now, so it stops offering.
    """

    def __init__(self, ttl: float = HANDOFF_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[str, float]] = {}  # code digest -> token, deadline
        self._delivered: dict[str, float] = {}  # token digest -> when

    def _prune(self, now: float) -> None:
        for key in [k for k, (_, deadline) in self._pending.items() if deadline <= now]:
            del self._pending[key]
        for key in [k for k, at in self._delivered.items() if at + 24 * 3600 <= now]:
            del self._delivered[key]
        while len(self._pending) > _MAX_PENDING:
            del self._pending[next(iter(self._pending))]
        while len(self._delivered) > _MAX_PENDING:
            del self._delivered[next(iter(self._delivered))]

    def offer(self, token: str) -> str:
        """A fresh one-time code standing for `token`."""
        code = secrets.token_urlsafe(24)
        with self._lock:
            now = self.clock()
            self._prune(now)
            self._pending[_digest(code)] = (token, now + self.ttl)
        return code

    def claim(self, code: str) -> str | None:
        """The token behind `code`, once, while it is fresh; None for anything else."""
        if not code or len(code) > 100:
            return None
        with self._lock:
            entry = self._pending.pop(_digest(code), None)
            now = self.clock()
            if entry is None or entry[1] <= now:
                return None
            self._delivered[_digest(entry[0])] = now
            return entry[0]

    def delivered(self, token: str) -> bool:
        """Has a code for `token` been claimed (the browser holds the cookie)?"""
        with self._lock:
            return _digest(token) in self._delivered


@functools.cache
def handoffs() -> Handoffs:
    """The process's one registry, shared by the pages (which offer) and the route (which claims)."""
    return Handoffs()


_FORWARDING = ("x-forwarded-for", "forwarded", "x-real-ip")


def client_address(headers: Mapping[str, str], peer: str, header: str) -> tuple[str, bool]:
    """The client's address for sign-in throttling, and whether a proxy whose header is not configured is in front.

    With `header` (SCENES_CLIENT_IP_HEADER) the last entry of that header: the one the trusted proxy added. Without
    it, the connection's address (`peer`, "" on localhost); "" (unknown, so failures count per account name only)
    when the request came through a proxy on loopback or a private network, whose address would be everyone's. A
    peer on a public address that sends forwarding headers is no proxy of ours: its own address counts, so such
    headers cannot switch the per-client count off.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    if header:
        forwarded = lower.get(header.lower(), "")
        if isinstance(forwarded, str) and forwarded:
            return forwarded.split(",")[-1].strip()[:100], False
    proxied = not header and any(lower.get(name) for name in _FORWARDING)
    if proxied and _internal(peer):
        return "", True
    return peer[:100], False


def _internal(address: str) -> bool:
    """Loopback or a private network: where a reverse proxy in front of the app sits."""
    if not address:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


def startup_notes(settings: Settings) -> list[str]:
    """What the server's log says at start about settings a deployment behind a proxy needs."""
    notes = []
    if not settings.client_ip_header:
        notes.append("SCENES_CLIENT_IP_HEADER is not set: behind a reverse proxy every user arrives from the proxy's "
                     "address, so sign-in failures are counted per account name only. Set it to the header the "
                     "proxy writes (e.g. X-Forwarded-For) to count them per client as well.")
    return notes


# -- the routes --------------------------------------------------------------------------------------------------

def _same_site(headers: Mapping[str, str]) -> bool:
    """Sent by a page of this very host: the browser's `Origin` names it (and `Sec-Fetch-Site`, when sent, agrees).

    The host is the `Host` header, or the one a proxy in front says it received (`X-Forwarded-Host`): a page
    cannot send that header to another site without a CORS pre-flight, which is never granted."""
    if headers.get("sec-fetch-site", "same-origin") != "same-origin":
        return False
    origin = urlsplit(headers.get("origin", "")).netloc.lower()
    hosts = {headers.get("host", "").lower(), headers.get("x-forwarded-host", "").split(",")[0].strip().lower()}
    return bool(origin) and origin in hosts - {""}


@functools.cache
def _warn_host_once() -> None:
    _LOG.warning("A same-site request was refused because its Origin does not name the host the server sees. Behind "
                 "a proxy, pass the host it received (nginx: proxy_set_header Host $host, or X-Forwarded-Host); "
                 "until then a sign-in does not survive a reload.")


def _secure(request: Request) -> bool:
    """Over https, at this server or at the proxy in front of it (which says so in X-Forwarded-Proto)."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


async def _body(request: Request) -> bytes | None:
    """The request body, or None once it passes _MAX_BODY (read in pieces: never more than that is held)."""
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > _MAX_BODY:
            return None
    return data


def routes(base: str = "", dashboard: Callable[[], Dashboard] | None = None,
           problems: Callable[[], list[str]] | None = None) -> list[BaseRoute]:
    """The app's own routes under Streamlit's `server.baseUrlPath` (`base`, e.g. "" or "scenes").

    `dashboard` gives the process's Dashboard (settings and sessions); by default one is built from the
    environment on first use, as the pages build theirs. `problems` gives what is wrong with the configuration
    (`scenes.web.readiness.config_problems`), for the readiness route.
    """
    from urllib.parse import quote, urlencode

    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse, RedirectResponse
    from starlette.responses import Response as Plain
    from starlette.routing import Route

    prefix = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    cookie_path = prefix.rstrip("/") or "/"
    get_dashboard = dashboard or _dashboard_from_env

    def refused(status: int, reason: str) -> Response:
        return JSONResponse({"error": reason}, status_code=status, headers={"Cache-Control": "no-store"})

    def with_cookie(request: Request, value: str, max_age: int) -> Response:
        return Plain(status_code=204, headers={
            "Cache-Control": "no-store",
            "Set-Cookie": cookie_header(value, max_age=max_age, secure=_secure(request), path=cookie_path)})

    async def claimed(request: Request) -> str | Response:
        """The token behind the request's one-time code, or the answer that refuses it."""
        if not _same_site(request.headers):
            if request.headers.get("origin") and request.headers.get("sec-fetch-site", "same-origin") == "same-origin":
                _warn_host_once()  # the browser says same-origin, yet the host differs: a proxy rewrites Host
            return refused(403, "cross_site")
        body = await _body(request)
        if body is None:
            return refused(413, "too_large")
        try:
            code = json.loads(body or b"{}").get("code", "")
        except (ValueError, AttributeError):
            return refused(400, "bad_request")
        token = handoffs().claim(code) if isinstance(code, str) else None
        return refused(400, "unknown_code") if token is None else token

    async def set_cookie(request: Request) -> Response:
        token = await claimed(request)
        if not isinstance(token, str):
            return token
        dash = await run_in_threadpool(get_dashboard)
        return with_cookie(request, token, int(dash.settings.session_lifetime_hours * 3600))

    async def end_session(request: Request) -> Response:
        token = await claimed(request)
        if not isinstance(token, str):
            return token
        if cookie_value(request.headers.get("cookie", "")) != token:
            return Plain(status_code=204, headers={"Cache-Control": "no-store"})  # the browser holds another one
        await run_in_threadpool(_end, get_dashboard, token)
        return with_cookie(request, "", 0)

    async def login(request: Request) -> Response:
        provider = request.query_params.get("provider", "")
        if not provider or len(provider) > _MAX_NEXT:
            return refused(400, "bad_request")
        target = f"{prefix}auth/login?{urlencode({'provider': provider})}"
        response = RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-store"})
        wanted = _safe_next(request.query_params.get("next", ""))
        # the page asked for now, or none: a page remembered by an earlier sign-in is forgotten
        response.headers.append("Set-Cookie", cookie_header(quote(wanted, safe=""), max_age=600 if wanted else 0,
                                                            secure=_secure(request), path=cookie_path,
                                                            name=NEXT_COOKIE))
        return response

    async def signed_out(request: Request) -> Response:
        if not _same_site(request.headers):
            return refused(403, "cross_site")
        body = await _body(request)
        if body is None:
            return refused(413, "too_large")
        try:
            asked = json.loads(body or b"{}")
            notice, identity = asked.get("notice", ""), bool(asked.get("identity", False))
        except (ValueError, AttributeError):
            return refused(400, "bad_request")
        if notice not in NOTICES:
            return refused(400, "bad_request")
        response = Plain(status_code=204, headers={"Cache-Control": "no-store"})
        secure = _secure(request)
        response.headers.append("Set-Cookie", cookie_header(notice, max_age=300, secure=secure, path=cookie_path,
                                                            name=NOTICE_COOKIE))
        if identity:  # Streamlit's identity cookies (and their chunks), at the path Streamlit sets them
            names = {n for n in request.cookies if any(
                n == c or (n.startswith(c + "_") and n[len(c) + 1:].isdigit()) for c in _IDENTITY_COOKIES)}
            for name in sorted(names | set(_IDENTITY_COOKIES)):
                response.headers.append("Set-Cookie", cookie_header("", max_age=0, secure=secure, path=cookie_path,
                                                                    name=name))
        return response

    async def ready(request: Request) -> Response:
        from scenes.web.readiness import readiness
        from scenes.web.warmup import warming

        found = await run_in_threadpool(lambda: readiness(get_dashboard(), problems() if problems else [],
                                                          warming=warming()))
        # the reason only: the details (which setting, which error) go to `scenes ready` and the server's log
        return JSONResponse({"status": "ready" if found.ok else "not_ready", "reason": found.reason},
                            status_code=200 if found.ok else 503,
                            headers={"Cache-Control": "no-store"})

    return [Route(f"{prefix}api/session", set_cookie, methods=["POST"]),
            Route(f"{prefix}api/session/end", end_session, methods=["POST"]),
            Route(f"{prefix}api/signed-out", signed_out, methods=["POST"]),
            Route(f"{prefix}api/login", login, methods=["GET"]),
            Route(f"{prefix}api/ready", ready, methods=["GET", "HEAD"])]


def _end(get_dashboard: Callable[[], Dashboard], token: str) -> None:
    """Sign out the session behind a cookie, if it is still live (the page has usually ended it already)."""
    dash = get_dashboard()
    found = dash.sessions.resolve(token)
    if found.state == "ok":
        dash.sign_out(token, actor=found.username)


@functools.cache
def _dashboard_from_env() -> Dashboard:
    from scenes.settings import Settings
    from scenes.views.dashboard import Dashboard

    return Dashboard(Settings.from_env())

