"""A page opened at its own address gets the server's address written into its HTML (`scenes.web.pagebase`), so
it connects at once instead of first asking `/karta/_stcore/…` and waiting; everything else passes untouched.

Behind the middleware is a real Starlette app with GZip, as Streamlit's own stack has; the browser side (no request
to `/karta/_stcore/…`, the page connects) is tests/browser/test_page_address_browser.py."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from scenes.web.pagebase import MAX_PAGE_BYTES, SCRIPT, PageBaseMiddleware, is_page_path, script_hash

T = TypeVar("T")
PAGE = "<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>" + "x" * 4000 + "</body></html>"
seen_encodings: list[str | None] = []


async def spa(request: Request) -> Response:
    """Streamlit's fallback: its page for any address it has no route for."""
    seen_encodings.append(request.headers.get("accept-encoding"))
    if request.url.path.endswith("/huge"):
        return HTMLResponse("<html><head></head>" + "y" * (MAX_PAGE_BYTES + 10) + "</html>")
    if request.url.path.endswith("/streamed"):
        async def parts():
            for part in ("<html><he", "ad><title>s</title></head>", "<body>ok</body></html>"):
                yield part.encode()
        return StreamingResponse(parts(), media_type="text/html")
    if request.url.path.endswith("/missing"):
        return HTMLResponse(PAGE, status_code=404)
    if request.url.path.endswith("/plain"):
        return PlainTextResponse("<head>not a page</head>")
    return HTMLResponse(PAGE)


def _run(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to its end in a thread of its own, with its own event loop (in the full suite, the browser
    tests' Playwright keeps an event loop running in this thread, where `asyncio.run` refuses)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result(timeout=60)


class Client:
    """Requests to the app in-process (httpx over ASGI), one at a time."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        async def send() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app),
                                         base_url="http://testserver") as web:
                return await web.request(method, path, headers=headers)
        return _run(send)

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.request("GET", path, headers)

    def head(self, path: str) -> httpx.Response:
        return self.request("HEAD", path)

    def post(self, path: str) -> httpx.Response:
        return self.request("POST", path)


def client(base: str = "") -> Client:
    prefix = f"/{base.strip('/')}" if base.strip("/") else ""
    app = Starlette(routes=[Route(f"{prefix}/api/ready", lambda _r: JSONResponse({"status": "ready"})),
                            Route(f"{prefix}/{{path:path}}", spa, methods=["GET", "HEAD", "POST"])],
                    middleware=[Middleware(PageBaseMiddleware, base_url_path=base), Middleware(GZipMiddleware)])
    return Client(app)


def test_a_page_address_gets_the_script_at_the_start_of_its_head() -> None:
    seen_encodings.clear()
    answer = client().get("/karta?kommun=0180", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.content.startswith(b"<!doctype html><html><head>" + SCRIPT + b"<meta charset='utf-8'>")
    assert answer.content.endswith(PAGE.encode().split(b"<head>", 1)[1])
    assert int(answer.headers["content-length"]) == len(answer.content) == len(PAGE) + len(SCRIPT)
    assert "content-encoding" not in answer.headers  # sent plain: Streamlit's gzip was not asked for it
    assert seen_encodings == [None]


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/static/js/index.js", "/media/a.png", "/api/ready",
                                  "/karta/sub", "/app/static/vendor/map.js", "/favicon.png", "/component/x"])
def test_other_addresses_pass_untouched(path: str) -> None:
    answer = client().get(path, headers={"Accept-Encoding": "gzip"})
    assert SCRIPT not in answer.content
    if path != "/api/ready":  # (too small for gzip)
        assert answer.headers.get("content-encoding") == "gzip"  # the request kept its Accept-Encoding


def test_other_answers_pass_untouched() -> None:
    web = client()
    assert web.get("/missing").content == PAGE.encode()  # a 404 page
    assert web.get("/plain").content == b"<head>not a page</head>"  # not HTML
    assert SCRIPT not in web.post("/karta").content  # not a GET
    head = web.head("/karta")
    assert head.status_code == 200
    assert head.content == b""
    huge = web.get("/huge")  # far larger than Streamlit's page: passed on as it came
    assert SCRIPT not in huge.content
    assert len(huge.content) > MAX_PAGE_BYTES


def test_a_page_sent_in_parts_is_put_together_first() -> None:
    answer = client().get("/streamed")
    assert answer.content == b"<html><head>" + SCRIPT + b"<title>s</title></head><body>ok</body></html>"


def test_under_a_base_path_only_its_pages_get_the_script() -> None:
    web = client("lansstyrelsen/drogscener")
    assert SCRIPT in web.get("/lansstyrelsen/drogscener/karta").content
    assert SCRIPT in web.get("/lansstyrelsen/drogscener/karta/").content
    assert SCRIPT not in web.get("/lansstyrelsen/drogscener/").content
    assert SCRIPT not in web.get("/lansstyrelsen/drogscener/karta/x").content


@pytest.mark.parametrize(("path", "base", "page"), [
    ("/karta", "/", True), ("/karta/", "/", True), ("/logga-in", "/", True), ("/", "/", False),
    ("//karta", "/", False), ("/_stcore", "/", False), ("/static", "/", False), ("/a.b", "/", False),
    ("/x/karta", "/x/", True), ("/karta", "/x/", False), ("/x/", "/x/", False), ("/x/karta/y", "/x/", False)])
def test_which_addresses_are_pages(path: str, base: str, page: bool) -> None:
    assert is_page_path(path, base) is page


def test_the_script_holds_no_value_from_the_request() -> None:
    """The script is a constant: what the browser shows decides the address, nothing the request carried."""
    first = client().get("/karta?x=%3Cscript%3E", headers={"Host": "evil.example"}).content
    second = client().get("/oversikt").content
    assert first.count(SCRIPT) == second.count(SCRIPT) == 1
    assert b"evil" not in first
    assert b"%3C" not in first


def _served_file(tmp_path: Path) -> Starlette:
    """Streamlit's own way of answering a page's address: its index.html as a `FileResponse` (ETag,
    Last-Modified, ranges, and `pathsend` where the server offers it)."""
    index = tmp_path / "index.html"
    index.write_text(PAGE, encoding="utf-8")
    return Starlette(routes=[Route("/{path:path}", lambda _r: FileResponse(index, media_type="text/html"))],
                     middleware=[Middleware(PageBaseMiddleware)])


def test_a_file_answer_is_sent_whole_without_the_files_validators(tmp_path: Path) -> None:
    """A range or a conditional request still gets the whole page with the script; the answer does not claim the
    file's ETag, date or ranges (they describe a different body)."""
    web = Client(_served_file(tmp_path))
    answer = web.get("/karta", headers={"Range": "bytes=100-", "If-Range": "x", "If-None-Match": "*"})
    assert answer.status_code == 200
    assert answer.content.count(SCRIPT) == 1
    assert int(answer.headers["content-length"]) == len(PAGE) + len(SCRIPT)
    assert not {"etag", "last-modified", "accept-ranges"} & set(answer.headers)
    plain = web.get("/", headers={"Range": "bytes=0-9"})  # not a page: the file server's own answer
    assert plain.status_code == 206
    assert plain.content == PAGE.encode()[:10]


def _call(app: Starlette, scope: dict[str, Any]) -> list[dict[str, Any]]:
    """One request straight through the ASGI interface; the messages the app sends, in order."""
    sent: list[dict[str, Any]] = []
    asked: list[bool] = []

    async def receive() -> dict[str, Any]:
        if not asked:  # the request's (empty) body, once; then nothing until the answer is done (no disconnect)
            asked.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(60)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    base = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
            "query_string": b"", "headers": [(b"host", b"testserver")], "server": ("testserver", 80),
            "client": ("127.0.0.1", 5000), "root_path": ""}
    _run(lambda: asyncio.wait_for(app({**base, **scope}, receive, send), timeout=20))
    return sent


def test_a_server_that_sends_files_by_path_still_gets_the_page_as_a_body(tmp_path: Path) -> None:
    """An ASGI server offering `http.response.pathsend` (Starlette's `FileResponse` then sends the path instead of
    the bytes): for a page's address the offer is withdrawn, so the start comes first and the body has the script;
    other addresses keep it."""
    app = _served_file(tmp_path)
    offer = {"extensions": {"http.response.pathsend": {}}}
    sent = _call(app, {"path": "/karta", "raw_path": b"/karta", **offer})
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert SCRIPT in sent[1]["body"]
    other = _call(app, {"path": "/", "raw_path": b"/", **offer})
    assert [m["type"] for m in other] == ["http.response.start", "http.response.pathsend"]


def test_a_root_path_of_the_asgi_server_is_not_part_of_the_page_address(tmp_path: Path) -> None:
    """`uvicorn --root-path /drogscener`: the path the app sees starts with it; the page after it is matched."""
    app = _served_file(tmp_path)
    sent = _call(app, {"path": "/drogscener/karta", "raw_path": b"/drogscener/karta", "root_path": "/drogscener"})
    assert SCRIPT in sent[1]["body"]
    sent = _call(app, {"path": "/drogscener/", "raw_path": b"/drogscener/", "root_path": "/drogscener"})
    assert SCRIPT not in b"".join(m.get("body", b"") for m in sent)


def test_the_scripts_hash_for_a_content_security_policy() -> None:
    inner = SCRIPT.removeprefix(b"<script>").removesuffix(b"</script>")
    assert script_hash() == f"'sha256-{base64.b64encode(hashlib.sha256(inner).digest()).decode()}'"
