"""Real-browser fixtures: the app served by Streamlit on a free port, driven by Playwright in Chromium.

Browser: Debian's /usr/bin/chromium (or SCENES_CHROMIUM), else Playwright's own if installed. Outside CI a
missing browser skips these tests with a hint; under CI=true it is an error. Every request that is not to
localhost is aborted and recorded, so the tests also prove the app needs no network.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
#: the process behind each running server's URL (for tests that read the server's memory)
SERVER_PIDS: dict[str, int] = {}


def _chromium() -> str | None:
    for candidate in (os.environ.get("SCENES_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        except Exception as exc:  # no Debian chromium and no Playwright browser
            message = (f"No Chromium for browser tests ({exc.__class__.__name__}). Install Debian's `chromium` "
                       "(apt-get install chromium) or set SCENES_CHROMIUM to a Chromium binary.")
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        yield b
        b.close()


@contextlib.contextmanager
def streamlit_server(state: Path) -> Iterator[str]:
    """The app over the store in `state`, started as a deployment starts it (`python serve.py`), on a free
    port; yields its URL once Streamlit answers its health check (no browser session has run the app yet)."""
    port = _free_port()
    env = {**os.environ, "SCENES_STATE_DIR": str(state)}
    env.pop("SCENES_DATABASE_URL", None)
    log = (state / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "serve.py"), "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    SERVER_PIDS[url] = proc.pid
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310 - our loopback
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail(f"Streamlit did not start; log: {(state / 'streamlit.log').read_text()[-2000:]}")
        yield url
    finally:
        SERVER_PIDS.pop(url, None)
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def loaded(state: Path, timeout: float = 120) -> str:
    """Wait until the server in `state` has said its libraries are loaded (serve.py's warm-up) and return that
    line of its log: "… frozen" when no visitor came first."""
    log = state / "streamlit.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = next((ln for ln in log.read_text(encoding="utf-8").splitlines() if "libraries loaded" in ln), None)
        if line is not None:
            return line
        time.sleep(0.1)
    pytest.fail(f"the server never said its libraries were loaded; log: {log.read_text()[-2000:]}")


def _serve(state: Path, browser: object) -> Iterator[str]:
    """`streamlit_server`, warmed up as a deployment is once its warm-up is done (libraries loaded and frozen,
    `scenes.web.warmup`), and then by one visit to the main page, which loads the data and the caches before the
    tests' clocks start. (A cold server, with a visitor who came first, is tested on its own in
    test_cold_start.py.)"""
    with streamlit_server(state) as url:
        assert "objects frozen" in loaded(state)
        warm = browser.new_page()  # type: ignore[attr-defined]
        warm.goto(url + "/")
        warm.get_by_text("Öppna drogscener i Stockholms län").first.wait_for(timeout=60_000)
        warm.close()
        yield url


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[str]:
    """The app over a demo store that the tests only read."""
    state = tmp_path_factory.mktemp("browser-state")
    Dashboard(Settings(state_dir=state)).init(demo=True)
    yield from _serve(state, browser)


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, Path]]:
    """The app over its own demo store, for journeys that publish; yields (url, state folder)."""
    state = tmp_path_factory.mktemp("browser-writable")
    Dashboard(Settings(state_dir=state)).init(demo=True)
    for url in _serve(state, browser):
        yield url, state


class Page:
    """A Playwright page plus the list of requests it tried to send off the machine."""

    def __init__(self, page: object, blocked: list[str]) -> None:
        self.page = page
        self.blocked = blocked


@pytest.fixture
def page(browser: object, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    blocked: list[str] = []

    def guard(route: object) -> None:
        host = urlparse(route.request.url).hostname  # type: ignore[attr-defined]
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):  # type: ignore[attr-defined]
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(route.request.url)  # type: ignore[attr-defined]
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    p = context.new_page()
    yield Page(p, blocked)
    context.close()


def session_cookie(context: object, page: object, timeout_ms: int = 30_000) -> dict[str, object]:
    """The session cookie, once the server has set it: the page's script exchanges its one-time code for it just
    after the sign-in is drawn, so it arrives a moment later (fails after `timeout_ms`)."""
    from scenes.access.sessions import COOKIE_NAME

    for _ in range(timeout_ms // 100):
        found = next((c for c in context.cookies() if c["name"] == COOKIE_NAME), None)  # type: ignore[attr-defined]
        if found is not None:
            return dict(found)
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    raise AssertionError(f"the server set no session cookie within {timeout_ms} ms")


def sign_in(browser: object, url: str, path: str, user: str, password: str, *, width: int = 1366,  # type: ignore[no-untyped-def]
            height: int = 768):
    """A new browser context signed in as `user` with a local account (the form at `url + path`), once the session
    cookie is set (a link opened later keeps the session); returns (context, page)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE",  # type: ignore[attr-defined]
                                  accept_downloads=True)
    page = context.new_page()
    page.goto(url + path)
    page.get_by_role("textbox", name="Användarnamn").fill(user)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(password)
    page.get_by_role("button", name="Logga in").click()
    session_cookie(context, page)
    return context, page


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[object]:
    """On a failed browser test, a screenshot of every open page goes to test-artifacts/ (what the person saw), and
    each page's address and text go into the report, so a failure in a clean-clone CI run (whose files are gone)
    still says what the page showed."""
    report = yield
    if call.when == "call" and call.excinfo is not None and "browser" in item.fixturenames:
        browser = item.funcargs.get("browser")
        for i, context in enumerate(getattr(browser, "contexts", [])):
            for j, open_page in enumerate(context.pages):
                with contextlib.suppress(Exception):  # a page that cannot be drawn any more: the failure stands
                    screenshot(open_page, f"FAILED-{item.name}-{i}-{j}")
                with contextlib.suppress(Exception):
                    text = open_page.locator("body").inner_text(timeout=5_000)
                    report.sections.append((f"page {i}-{j} at failure: {open_page.url}", text[:6_000]))
    return report


ACTIVE_OPTION = """() => { const id = document.activeElement.getAttribute('aria-activedescendant');
                           const e = id && document.getElementById(id); return e ? e.textContent : null; }"""


def choose(page: object, label: str, option: str) -> None:
    """Pick `option` in the multiselect `label` by keyboard. Streamlit's search is fuzzy and may list "Select N
    matches" and look-alikes first, so arrow down until the option itself is the active one, then Enter."""
    listed = page.get_by_role("option", name=option, exact=True)  # type: ignore[attr-defined]
    for attempt in range(3):  # keys typed while the list is still opening can be lost: type again
        page.get_by_label(label, exact=True).focus()  # type: ignore[attr-defined]
        if attempt:  # clear what the last attempt typed (never on the first: Backspace drops a chosen value)
            page.keyboard.press("ControlOrMeta+a")  # type: ignore[attr-defined]
            page.keyboard.press("Backspace")  # type: ignore[attr-defined]
        page.keyboard.type(option, delay=40)  # type: ignore[attr-defined]
        try:
            listed.wait_for(timeout=5_000)
            break
        except Exception:
            if attempt == 2:
                raise
    for _ in range(30):
        if page.evaluate(ACTIVE_OPTION) == option:  # type: ignore[attr-defined]
            break
        page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]


def choose_demo_role(page: object, role: str) -> None:
    """Pick a role in the demo's role switcher. It sits below the menu, so at 768 px it may be below the fold: scroll
    it into view first (a click that scrolls the sidebar closes the list it opens, as a person scrolling would)."""
    box = page.get_by_label("Visa som roll (demoläge)")  # type: ignore[attr-defined]
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    box.click()
    page.get_by_role("option", name=role.capitalize()).click()  # type: ignore[attr-defined]


def upload(page: object, path: Path, *, attempts: int = 3) -> None:
    """Choose `path` in the page's file uploader, as a person would, and wait until the uploader lists it. A file
    set while the page is still rerunning (after a field's Enter) can be dropped when the uploader is drawn again
    (a clean-clone run lost one that way): it is then chosen again."""
    for attempt in range(attempts):
        page.locator("input[type=file]").set_input_files(str(path))  # type: ignore[attr-defined]
        try:
            # the chip shortens a long name in the middle ("kartlag...s-2026.csv"); its title is the whole name
            chip = page.locator(f'[data-testid="stFileChipName"][title={json.dumps(path.name)}]')  # type: ignore[attr-defined]
            chip.first.wait_for(timeout=10_000)
            return
        except Exception:
            if attempt == attempts - 1:
                raise


def settled(page: object, timeout_ms: int = 30_000) -> None:
    """Wait until the app's script is not running (Streamlit marks its root `data-test-script-state`): a button
    pressed while a rerun is still drawing the page is pressed on what the page was, not on what it becomes."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(  # type: ignore[attr-defined]
        state="attached", timeout=timeout_ms)


def type_date(page: object, label: str, day: object) -> None:
    """Type `day` (a date) into Streamlit's date field `label` (segments: year, month, day in Swedish) from the
    keyboard, as a person does, and commit it."""
    field = page.get_by_label(label, exact=True)  # type: ignore[attr-defined]
    field.get_by_role("spinbutton").first.click()
    page.keyboard.type(day.strftime("%Y%m%d"), delay=60)  # type: ignore[attr-defined]  # each segment moves on
    page.keyboard.press("Enter")  # type: ignore[attr-defined]  # commits the date (the app reruns with it)
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]


def merge_scenes(page, scenes: tuple[str, ...], name: str) -> None:  # type: ignore[no-untyped-def]
    """On Uppföljning: choose `scenes` in "Slå ihop scener" by keyboard, name the merged scene, merge, and wait."""
    page.get_by_text("Slå ihop scener", exact=True).click()
    box = page.get_by_label("Scener att slå ihop", exact=True)
    for scene in scenes:
        box.click()
        page.keyboard.type(scene, delay=20)
        page.wait_for_timeout(300)
        for _ in range(30):
            if scene in (page.evaluate(ACTIVE_OPTION) or ""):
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    page.get_by_label("Den sammanslagna scenens namn").fill(name)
    page.get_by_role("button", name="Slå ihop", exact=True).click()
    page.get_by_text("scener är sammanslagna till").first.wait_for(timeout=30_000)
