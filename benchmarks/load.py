"""Bounded load run on loopback: N concurrent browser sessions view the map page and change a filter.

`make load` (default 25 sessions). Each session opens the map, waits for all 53 demo scenes, chooses a
municipality in the filters and measures the time until the map shows that municipality's scenes. Prints the
median and 95th percentile of those times and the number of errors. Only 127.0.0.1 is contacted; every other
request is aborted. Runs once per session (bounded), then stops.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from scenes.settings import Settings  # noqa: E402
from scenes.views.dashboard import Dashboard  # noqa: E402

COUNT_JS = """() => {
  let n = document.querySelectorAll('.leaflet-marker-icon.scene-marker').length;
  document.querySelectorAll('.leaflet-marker-icon.marker-cluster').forEach(c => {
    n += parseInt(c.textContent.trim(), 10) || 0; });
  return n; }"""


async def _count(page, expected: int, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if await frame.evaluate(COUNT_JS) == expected:
                        return True
                except Exception:  # noqa: S110 - the frame is re-rendering; poll again
                    pass
        await asyncio.sleep(0.1)
    return False


async def session(browser, url: str, index: int) -> float | None:  # type: ignore[no-untyped-def]
    context = await browser.new_context(viewport={"width": 1366, "height": 768})

    async def guard(route):  # type: ignore[no-untyped-def]
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        await (route.continue_() if host in ("127.0.0.1", "localhost") or not host else route.abort())

    await context.route("**/*", guard)
    page = await context.new_page()
    try:
        await page.goto(url + "/karta", timeout=120_000)
        await page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=120_000)
        if not await _count(page, 53, 120):
            return None
        municipality, expected = [("Botkyrka", 7), ("Huddinge", 8), ("Södertälje", 9)][index % 3]
        # the filters sit in an expander headed "Urval: …"
        await page.locator('[data-testid="stExpander"] summary').filter(has_text="Urval").first.click()
        box = page.get_by_label("Kommun", exact=True)
        await box.wait_for(timeout=30_000)
        t0 = time.perf_counter()
        await box.click()
        await page.keyboard.type(municipality, delay=40)
        await page.get_by_role("option", name=municipality, exact=True).click()  # the search is fuzzy: by name
        ok = await _count(page, expected, 120)
        return (time.perf_counter() - t0) if ok else None
    except Exception:  # any failure counts as an error in the report
        return None
    finally:
        await context.close()


async def run(sessions: int, url: str) -> list[float | None]:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium",
                                          args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                "--disable-dev-shm-usage"])
        results = await asyncio.gather(*(session(browser, url, i) for i in range(sessions)))
        await browser.close()
    return list(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        Dashboard(Settings(state_dir=Path(tmp))).init(demo=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "SCENES_STATE_DIR": tmp}
        proc = subprocess.Popen([sys.executable, str(ROOT / "serve.py"), "--server.port",
                                 str(port), "--server.headless", "true", "--server.address", "127.0.0.1"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(url + "/_stcore/health", timeout=1)  # noqa: S310 - our loopback server
                    break
                except OSError:
                    time.sleep(0.1)
            asyncio.run(run(1, url))  # warm-up: the data and the caches load before the clock starts
            t0 = time.perf_counter()
            results = asyncio.run(run(args.sessions, url))
            wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    times = sorted(r for r in results if r is not None)
    errors = len(results) - len(times)
    print(f"load: {args.sessions} concurrent browser sessions on loopback, {os.cpu_count()} cores, {wall:.0f} s")
    if times:
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"filter change -> updated map: median {statistics.median(times):.2f} s, p95 {p95:.2f} s, "
              f"max {times[-1]:.2f} s")
    print(f"errors: {errors}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
