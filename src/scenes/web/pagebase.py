"""A page opened at its own address connects at once: the server's address is written into the page.

Streamlit's page does not know where its server is. Opened at `/karta` (a reload, a shared link, a bookmark), it
first asks `/karta/_stcore/health` and `/karta/_stcore/host-config` (in case the server lives at `/karta/`), gets
404 for both, waits, and only then tries the parent address, `/`: about 0.1 s of every such visit, measured in
Chromium, and two "404" lines in the browser's console. Opened at `/` it asks `/` first and is right.

The page reads one setting that settles this, `window.__streamlit.BACKEND_BASE_URL`, before its own scripts run.
`PageBaseMiddleware` writes it into the page's HTML, as a script at the start of `<head>`, for the addresses of
pages (one path segment below the server's base path): the address the browser shows without its last segment.
It is computed in the browser from the address the browser shows, so it stays right behind a proxy that serves the
app under a prefix of its own (with or without `server.baseUrlPath`). Everything else passes untouched: other
paths, other methods, other content types, anything that is not a plain 200 HTML answer. The script holds no
value from the request. (Without it, or where a site's Content-Security-Policy forbids inline scripts, the page
finds its server as before, a moment later.)

Pure ASGI, no Streamlit: `serve.py` adds it to its `st.App` as middleware, outside Streamlit's own (so the answer
is modified before Streamlit's gzip would compress it). For these addresses the request is passed on as a plain
one: without `Accept-Encoding` (the 8 KB page goes out uncompressed), without range and conditional headers (the
answer is always the whole page), and without the server's `http.response.pathsend` extension (which would send
the file by its path instead of as a body). The modified answer carries no `ETag`, `Last-Modified` or
`Accept-Ranges` of the file it came from. Where a site's Content-Security-Policy lists script hashes, add
`SCRIPT`'s (`script_hash()`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["MAX_PAGE_BYTES", "SCRIPT", "PageBaseMiddleware", "is_page_path", "script_hash"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the setting, computed in the browser: the shown address without its last segment (trailing slashes ignored)
SCRIPT = (b'<script>(function(){var p=location.pathname.replace(/\\/+$/,"");'
          b'window.__streamlit=Object.assign({},window.__streamlit,'
          b'{BACKEND_BASE_URL:location.origin+p.slice(0,p.lastIndexOf("/")+1)});})();</script>')

#: a larger answer is passed on as it is (Streamlit's page is about 8 KB)
MAX_PAGE_BYTES = 256 * 1024

#: a page's address: one segment of letters, digits, "-" and "_", not starting with "_" (Streamlit's `_stcore`)
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
#: Streamlit's and the app's own single-segment routes, which are never pages
_NOT_PAGES = frozenset({"static", "media", "component", "app", "api", "auth", "oauth2callback"})
#: request headers a page's request is passed on without (module doc)
_PLAIN = frozenset({b"accept-encoding", b"range", b"if-range", b"if-none-match", b"if-modified-since"})
#: answer headers that describe the file the page came from, not the page sent
_OF_THE_FILE = frozenset({b"etag", b"last-modified", b"accept-ranges"})


def script_hash() -> str:
    """`SCRIPT`'s hash as a Content-Security-Policy source ('sha256-…'), for sites whose policy lists hashes."""
    inner = SCRIPT[len(b"<script>"):-len(b"</script>")]
    return "'sha256-" + base64.b64encode(hashlib.sha256(inner).digest()).decode() + "'"


def is_page_path(path: str, base: str = "/") -> bool:
    """Whether `path` is a page's address: one segment below `base` (the server's base path, "/" or "/x/")."""
    if not path.startswith(base):
        return False
    rest = path[len(base):].rstrip("/")
    return bool(_SEGMENT.fullmatch(rest)) and rest not in _NOT_PAGES


def _base(base_url_path: str) -> str:
    """Streamlit's `server.baseUrlPath` ("", "x", "/x/") as "/" or "/x/"."""
    inner = base_url_path.strip("/")
    return f"/{inner}/" if inner else "/"


class PageBaseMiddleware:
    """ASGI middleware: the server's address written into a page's HTML (module doc)."""

    def __init__(self, app: ASGIApp, base_url_path: str = "") -> None:
        self.app, self.base = app, _base(base_url_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, root = str(scope.get("path", "")), str(scope.get("root_path", "")).rstrip("/")
        if root and path.startswith(root + "/"):  # (an ASGI server's --root-path: the app's own path after it)
            path = path[len(root):]
        if scope.get("type") != "http" or scope.get("method") != "GET" or not is_page_path(path, self.base):
            await self.app(scope, receive, send)
            return
        plain = dict(scope)
        plain["headers"] = [(k, v) for k, v in scope.get("headers", []) if bytes(k).lower() not in _PLAIN]
        plain["extensions"] = {k: v for k, v in (scope.get("extensions") or {}).items()
                               if k != "http.response.pathsend"}
        await self.app(plain, receive, _Injecting(send))


class _Injecting:
    """The `send` of one page answer: holds a 200 `text/html` answer until its body is complete, then sends it
    with the script at the start of `<head>`; passes anything else on as it comes."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.start: Message | None = None
        self.body = bytearray()
        self.passing = False

    async def __call__(self, message: Message) -> None:
        kind = message.get("type")
        if kind == "http.response.start":
            headers = {bytes(k).lower(): bytes(v) for k, v in message.get("headers", [])}
            if (message.get("status") == 200 and headers.get(b"content-type", b"").startswith(b"text/html")
                    and b"content-encoding" not in headers):
                self.start = message
            else:
                self.passing = True
                await self.send(message)
            return
        if self.passing or self.start is None:
            await self.send(message)
            return
        if kind != "http.response.body":  # not a body while the start is held: send both, as they came
            self.passing = True
            await self.send(self.start)
            if self.body:
                await self.send({"type": "http.response.body", "body": bytes(self.body), "more_body": True})
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if len(self.body) > MAX_PAGE_BYTES:  # not the page this is for: send what came, and the rest as it comes
            self.passing = True
            await self.send(self.start)
            await self.send({"type": "http.response.body", "body": bytes(self.body),
                             "more_body": message.get("more_body", False)})
            return
        if message.get("more_body", False):
            return
        page = bytes(self.body)
        at = page.find(b"<head>")
        if at >= 0:
            page = page[:at + 6] + SCRIPT + page[at + 6:]
        start = dict(self.start)
        start["headers"] = [(k, str(len(page)).encode() if bytes(k).lower() == b"content-length" else v)
                            for k, v in self.start.get("headers", []) if bytes(k).lower() not in _OF_THE_FILE]
        await self.send(start)
        await self.send({"type": "http.response.body", "body": page, "more_body": False})
