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

Both refuse requests from another site (`Origin` must name this host; a JSON body needs a CORS pre-flight, which
is never granted) and bodies over 1 KB. Nothing here imports streamlit: the routes are plain Starlette, the
framework Streamlit itself serves through.
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

from scenes.sessions import COOKIE_NAME

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

    from scenes.core import Dashboard
    from scenes.settings import Settings

__all__ = ["HANDOFF_SECONDS", "Handoffs", "client_address", "cookie_header", "cookie_value", "handoffs", "routes",
           "startup_notes"]

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


def cookie_header(value: str, *, max_age: int, secure: bool, path: str = "/") -> str:
    """A `Set-Cookie` value for the session cookie: HttpOnly and SameSite=Lax always, Secure over https."""
    parts = [f"{COOKIE_NAME}={value}", f"Path={path}", f"Max-Age={max(0, max_age)}", "HttpOnly", "SameSite=Lax"]
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


def routes(base: str = "", dashboard: Callable[[], Dashboard] | None = None) -> list[BaseRoute]:
    """The app's own routes under Streamlit's `server.baseUrlPath` (`base`, e.g. "" or "scenes").

    `dashboard` gives the process's Dashboard (settings and sessions); by default one is built from the
    environment on first use, as the pages build theirs.
    """
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse
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

    return [Route(f"{prefix}api/session", set_cookie, methods=["POST"]),
            Route(f"{prefix}api/session/end", end_session, methods=["POST"])]


def _end(get_dashboard: Callable[[], Dashboard], token: str) -> None:
    """Sign out the session behind a cookie, if it is still live (the page has usually ended it already)."""
    dash = get_dashboard()
    found = dash.sessions.resolve(token)
    if found.state == "ok":
        dash.sign_out(token, actor=found.username)


@functools.cache
def _dashboard_from_env() -> Dashboard:
    from scenes.core import Dashboard
    from scenes.settings import Settings

    return Dashboard(Settings.from_env())

