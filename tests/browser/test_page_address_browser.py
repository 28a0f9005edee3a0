"""A page opened at its own address (a shared link, a reload, a bookmark) connects to the server at once: the
page's HTML carries the server's address (`scenes.web.pagebase`), so Chromium never asks `/karta/_stcore/…` first
(two 404s and a wait of about 0.1 s before the fix), and the page works as before."""

from __future__ import annotations

from urllib.parse import urlparse

from tests.browser.conftest import Page

FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _watch(page: object) -> tuple[list[str], list[str], list[str]]:
    """What the page asks for over HTTP, the WebSockets it opens and the errors in its console, as they come."""
    requests: list[str] = []
    sockets: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(urlparse(r.url).path))  # type: ignore[attr-defined]
    page.on("websocket", lambda w: sockets.append(urlparse(w.url).path))  # type: ignore[attr-defined]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    return requests, sockets, errors


def test_a_shared_link_connects_at_once_and_after_a_reload(page: Page, server: str) -> None:
    tab = page.page
    requests, sockets, errors = _watch(tab)
    tab.goto(server + "/karta?kategori=social_utsatthet")  # type: ignore[attr-defined]
    tab.frame_locator(FRAME).locator(".leaflet-marker-icon").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]
    tab.reload()  # type: ignore[attr-defined]
    tab.frame_locator(FRAME).locator(".leaflet-marker-icon").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]
    tab.goto(server + "/oversikt")  # type: ignore[attr-defined]
    tab.get_by_text("Öppna drogscener i Stockholms län").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]
    assert "/_stcore/health" in requests  # asked where the server is …
    assert not [r for r in requests if r.startswith(("/karta/", "/oversikt/"))]  # … never below a page's address
    assert sockets
    assert set(sockets) == {"/_stcore/stream"}
    assert not [e for e in errors if "404" in e], errors
    assert tab.url.endswith("/oversikt")  # type: ignore[attr-defined]
