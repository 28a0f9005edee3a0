"""Sizing: what one instance's server process spends per browser session, measured on the server's own core.

The server (`python serve.py`, one Python process: Streamlit runs every session's script in that process, so one
instance uses about one core) is pinned to CPU 0; this script and its Chromium to the other CPUs, so browsers never
take the server's core. Sessions run one after another. For each, the server's CPU time (utime + stime of its
process, from /proc) is read around a page view (the map page until every marker is drawn) and around a filter
change (a municipality chosen, until the map shows its scenes); every session stays open, and the server's
resident memory growth divided by the sessions is the memory per session.

From these: filter changes one instance finishes within the 2 s target when they arrive together
(2 s / CPU per change), and the sessions one instance sustains when each changes a filter every 30 s on average
while the server's core stays at most half busy (queueing stays short): 0.5 x 30 s / CPU per change.
Prints JSON (for bench.py) with --json, else a short table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.load import _count  # noqa: E402
from scenes.settings import Settings  # noqa: E402
from scenes.views.dashboard import Dashboard  # noqa: E402

TARGET_S, THINK_S, BUSY = 2.0, 30.0, 0.5
TICK = os.sysconf("SC_CLK_TCK")
PICKS = [("Botkyrka", 7), ("Huddinge", 8), ("Södertälje", 9)]


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime of every thread of the process


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _session(browser, url: str, pid: int, index: int, keep: list) -> tuple[float, float] | None:  # type: ignore[no-untyped-def]
    context = await browser.new_context(viewport={"width": 1366, "height": 768})

    async def guard(route):  # type: ignore[no-untyped-def]
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        await (route.continue_() if host in ("127.0.0.1", "localhost") or not host else route.abort())

    await context.route("**/*", guard)
    keep.append(context)
    page = await context.new_page()
    c0 = cpu_s(pid)
    await page.goto(url + "/karta", timeout=120_000)
    await page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=120_000)
    if not await _count(page, 53, 120):
        return None
    await asyncio.sleep(1.0)  # the page's last messages (widths, the component's handshake) settle
    c1 = cpu_s(pid)
    municipality, expected = PICKS[index % len(PICKS)]
    await page.locator('[data-testid="stExpander"] summary').filter(has_text="Urval").first.click()
    box = page.get_by_label("Kommun", exact=True)
    await box.wait_for(timeout=30_000)
    await box.click()
    await page.keyboard.type(municipality, delay=40)
    await page.get_by_role("option", name=municipality, exact=True).click()
    if not await _count(page, expected, 120):
        return None
    await asyncio.sleep(1.0)
    c2 = cpu_s(pid)
    return c1 - c0, c2 - c1


async def _run(url: str, pid: int, sessions: int) -> dict[str, object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium",
                                          args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                "--disable-dev-shm-usage"])
        keep: list = []  # type: ignore[type-arg]
        await _session(browser, url, pid, 0, keep)  # warm-up: data and caches load before anything is counted
        for context in keep:
            await context.close()
        keep.clear()
        await asyncio.sleep(2.0)
        base = rss_mib(pid)
        views, changes = [], []
        for i in range(sessions):
            got = await _session(browser, url, pid, i, keep)
            if got is not None:
                views.append(got[0])
                changes.append(got[1])
        await asyncio.sleep(2.0)
        grown = rss_mib(pid) - base
        await browser.close()
    return {"sessions": sessions, "measured": len(changes), "base_rss_mib": base,
            "view_cpu_s": statistics.median(views) if views else None,
            "change_cpu_s": statistics.median(changes) if changes else None,
            "mib_per_session": grown / max(1, len(changes))}


def measure(sessions: int) -> dict[str, object]:
    cores = sorted(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        Dashboard(Settings(state_dir=Path(tmp))).init(demo=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server_core = {cores[0]}
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py"), "--server.port", str(port), "--server.headless", "true",
             "--server.address", "127.0.0.1"], cwd=ROOT, env={**os.environ, "SCENES_STATE_DIR": tmp},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: os.sched_setaffinity(0, server_core))
        if len(cores) > 1:
            os.sched_setaffinity(0, set(cores[1:]))  # this script and Chromium: the other cores
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(url + "/_stcore/health", timeout=1)  # noqa: S310 - our loopback server
                    break
                except OSError:
                    time.sleep(0.1)
            result = asyncio.run(_run(url, proc.pid, sessions))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            os.sched_setaffinity(0, set(cores))
    change = result["change_cpu_s"]
    if isinstance(change, float) and change > 0:
        result["together_within_target"] = int(TARGET_S / change)
        result["sessions_per_instance"] = int(BUSY * THINK_S / change)
    result["pinned"] = len(cores) > 1
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.sessions)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
