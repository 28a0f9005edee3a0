"""The map page at national scale in Chromium: first drawn map and filter change to drawn map, three apps side by side.

Used by bench.py (`make bench`); also runnable alone: `python benchmarks/browser_map.py [--scenes 5000]`.

Apps, each served by its own Streamlit server over the same generated store (one survey), one after the other
(never two browsers or servers at once):
- ours: the app as it is run (serve.py: app.py with the warm-up), the map page at /karta;
- naive: benchmarks/naive_app.py, one folium.Marker per scene, everything re-read and redrawn on each rerun;
- floor: benchmarks/floor_app.py, the real app with the map taken out (its "Visar N av M" count line stays), served
  the same way (benchmarks/floor_serve.py).

"Drawn" means: the page shows the expected number of scenes and the browser has painted a frame since, as the page
itself records it (a watch run at every animation frame inside the document that shows the scenes, armed before the
click; this process only reads what it recorded). For a map:
the markers in the streamlit-folium iframe add up to it (each single scene marker counts 1, each cluster the number
written on it); for the floor: the "Visar N av M" line shows it. Timings:
- first drawn map: from navigation to the map page until all of the survey's scenes are drawn, each visit in a
  fresh browser context (nothing cached) that opened "/" first (the upstream page-not-found quirk,
  streamlit/streamlit#9992). The first visit is the first map page the server process draws (its caches cold);
  the median of the later visits is what the next visitors see. Ours and the floor are visited once they answer
  `GET /api/ready` (their warm-up done: libraries loaded and frozen), as a deployment's proxy routes readers only
  to a ready instance; a reader who arrives during the warm-up is the cold-start figure (bench.py);
- filter change: from the click on a municipality in the "Kommun" multiselect until exactly that municipality's
  scenes are drawn; the filter is cleared (untimed) between changes, each change picks another municipality.
  The naive page's changes follow its first maps. Ours and the floor are measured in turn, change by change
  (`measure_paired`): both servers and pages are up, each pick is chosen in one and then in the other (the order
  swapped from pick to pick and from round to round), and their changes pooled over the rounds. On a shared
  machine the speed drifts over minutes, and a change's time varies by a quarter from one change to the next:
  measured an app after the other, minutes apart (as before 2026-12-07), a round's ratio read anything from 1.10x
  to 1.21x for the same code. The ratio of each round is printed beside the pooled one, and a 95% interval of the
  pooled ratio (a bootstrap over the pairs of each round: `ratio_interval`): a target is met with confidence only
  when the interval's upper end is under it.
Only the selectors above are relied on: the multiselect is found by its label wherever the page puts it (sidebar,
main area, a folded expander). Also recorded: bytes received over the websocket until drawn, when the largest
message (the map) arrived and when the markers were in the page, which split the time into server + transfer,
building the map in the page, and painting it. A wait is capped (CAP_S): a page that takes longer reads "> cap".
Set SCENES_BENCH_SHOTS=<folder> for a screenshot of any page that was not drawn in time. External requests fail
to resolve (a Chromium flag, so the guard adds nothing to the times).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Nothing leaves the machine: every host name but the loopback server's fails to resolve. (Not a Playwright route:
# that sends each request through the driver and this process, which adds to every one of the page's ~100 requests
# and would be measured as the page's own time.)
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
CAP_S = 120.0
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

# Scenes drawn in a map: each single marker counts one, each cluster the number written on it.
COUNT_JS = """(single) => {
  let n = document.querySelectorAll(single).length;
  document.querySelectorAll('.leaflet-marker-icon.marker-cluster').forEach(c => {
    n += parseInt(c.textContent.trim(), 10) || 0; });
  return n; }"""
# Is the "Visar N av M" line there (any markdown block of the page)?
TEXT_JS = """(pattern) => { const re = new RegExp(pattern);
  return [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')].some(e => re.test(e.textContent)); }"""

# Watches one document (the map's frame, or the page when there is no map) from inside, at every animation frame:
# records the wall-clock time (ms) of the first frame whose callbacks found `n` scenes drawn, and of the next frame,
# by when the first one has been painted. Polled from here afterwards: the time is the page's own, not when a poll
# from this process happened to look (a poll costs the page a round trip or three, and every 25 ms more than one
# of them: it measured the map, which needs more of them per look, later than the page without one).
WATCH_JS = """([single, pattern, n]) => {
  const count = COUNT, text = TEXT;
  const drawn = () => single ? count(single) === n : text(pattern);
  const w = window.__scenesWatch = {found: null, painted: null, doc: document};
  const tick = () => {
    if (window.__scenesWatch !== w) return;
    if (!drawn()) { w.found = null; }
    else if (w.found === null) { w.found = Date.now(); }
    else { w.painted = Date.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}""".replace("COUNT", COUNT_JS).replace("TEXT", TEXT_JS)
# What the watch recorded: [found, painted], null while it waits, "unarmed" in a document the watch does not run in:
# a frame found while still on its initial about:blank document and armed there, which then loaded the map. The
# browser keeps the window for that load (same origin), and so `__scenesWatch`, but not the old document's frame
# callbacks: the watch stopped. `wait` arms the new document.
READ_JS = """() => { const w = window.__scenesWatch;
  return w === undefined || w.doc !== document ? "unarmed" : w.painted !== null ? [w.found, w.painted] : null; }"""


@dataclass(frozen=True)
class App:
    label: str
    script: Path
    path: str  # URL path of the map page
    single: str | None  # CSS selector of one single-scene marker; None: no map, wait for the count line


APPS = (
    App("ours", ROOT / "serve.py", "/karta", ".leaflet-marker-icon.scene-marker"),
    App("naive", ROOT / "benchmarks" / "naive_app.py", "/", ".leaflet-marker-icon:not(.marker-cluster)"),
    App("floor", ROOT / "benchmarks" / "floor_serve.py", "/karta", None),
)


@dataclass
class Step:
    seconds: float | None  # None: not drawn within the cap
    bytes: int = 0  # received over the websocket from the start of the step until drawn
    largest_at: float | None = None  # seconds from the start until the largest message of the step arrived
    found_at: float | None = None  # seconds from the start until the scenes were in the page (before painting)


@dataclass
class Result:
    firsts: list[Step] = field(default_factory=list)  # one per visit, each in a fresh browser; [0] the server's first
    changes: list[Step] = field(default_factory=list)  # every round's, pooled
    rounds: list[list[Step]] = field(default_factory=list)  # the changes of each round, in order
    error: str = ""

    @property
    def first(self) -> Step | None:
        """The first visit: the first map page this server process draws (nothing of it cached yet)."""
        return self.firsts[0] if self.firsts else None

    def later_median(self) -> float | None:
        """Median seconds of the later visits (the server's caches warm, the browser's cold); None if any was not
        drawn within the cap or there were none."""
        later = self.firsts[1:]
        if not later or any(s.seconds is None for s in later):
            return None
        return statistics.median(s.seconds for s in later if s.seconds is not None)

    def change_median(self) -> float | None:
        """Median seconds of the filter changes; None if any change was not drawn within the cap."""
        if not self.changes or any(s.seconds is None for s in self.changes):
            return None
        return statistics.median(s.seconds for s in self.changes if s.seconds is not None)


def plan(dash: Any, survey_id: str, changes: int) -> tuple[int, list[tuple[str, int]]]:
    """The survey's scene count and `changes` municipalities to choose, (name, count), most scenes first.

    Only names that are not part of another municipality's name, so typing one finds one option.
    """
    frame = dash.store.scenes(survey_id)
    counts = frame.groupby("kommun").size().sort_values(ascending=False)
    names = [str(n) for n in dash.reference.municipalities["kommun"]]
    unique = [n for n in counts.index if not any(n.lower() in o.lower() for o in names if o != n)]
    picks = [(n, int(counts[n])) for n in unique if counts[n] > 0][:changes]
    return len(frame), picks


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(script: Path, state: Path) -> Iterator[str]:
    """A Streamlit server for `script` over the store in `state` on a free loopback port; stopped on exit."""
    port = _free_port()
    env = {**os.environ, "SCENES_STATE_DIR": str(state)}
    env.pop("SCENES_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                             "--server.headless", "true", "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    # ours and the floor answer GET /api/ready once their warm-up is done, as a deployment's proxy waits for it
    probe = "/api/ready" if script.name.endswith("_serve.py") or script.name == "serve.py" else "/_stcore/health"
    try:
        deadline = time.perf_counter() + 120
        while True:
            try:
                urllib.request.urlopen(url + probe, timeout=1)  # noqa: S310 - our loopback server
                break
            except OSError:
                if time.perf_counter() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"{script.name}: the server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _number(n: int) -> str:
    """A pattern for `n` written with or without thousands separators (space, no-break space, comma)."""
    digits = str(n)
    groups = [digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)][::-1]
    return r"[\s\u00a0\u202f,]?".join(groups)


class Probe:
    """Reads one page: is it drawn with `n` scenes, is a script run under way, websocket bytes and their times."""

    def __init__(self, page: Any, app: App, total: int) -> None:
        self.page, self.app, self.total = page, app, total
        self.frames: list[tuple[float, int]] = []
        self.started = self.finished = 0  # script runs (whole page or fragment) begun and ended, from the messages
        self._frame: Any = None  # the map's frame, while it is attached
        self._armed: Any = None  # the document the watch for the awaited count runs in
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload: bytes | str) -> None:
        self.frames.append((time.perf_counter(), len(payload)))
        if isinstance(payload, bytes) and len(payload) < 4096:  # run start and end are small messages
            try:
                kind = ForwardMsg.FromString(payload).WhichOneof("type")
            except Exception:  # not a ForwardMsg: only bytes to count
                return
            if kind == "new_session":  # sent at the start of every run
                self.started += 1
            elif kind == "script_finished":
                self.finished += 1

    def _target(self) -> Any:
        """Where to look: the page (the count line), or the map's frame (None while there is none)."""
        if self.app.single is None:
            return self.page
        if self._frame is not None and not self._frame.is_detached():
            return self._frame
        handle = self.page.query_selector(MAP_FRAME)
        self._frame = handle.content_frame() if handle else None
        return self._frame

    def arm(self, n: int) -> None:
        """Watch for `n` scenes drawn from now on (`WATCH_JS`), in the document that shows them: armed before a
        click, the watch sees the first frame that draws them. A document that appears later (a first visit, a map
        frame made anew) is armed by `wait` when it is first found."""
        self._armed = None
        with contextlib.suppress(Exception):  # no document yet, or one being replaced: `wait` arms it
            target = self._target()
            if target is not None:
                self._arm(target, n)

    def _arm(self, target: Any, n: int) -> None:
        pattern = rf"Visar {_number(n)} av {_number(self.total)} scener"
        target.evaluate(WATCH_JS, [self.app.single, pattern, n])
        self._armed = target

    def wait(self, n: int, t0: float, cap: float, wall0: float | None = None) -> Step:
        """Until `n` scenes are found and a frame with them is painted, timed by the page itself (`WATCH_JS`; `t0`
        is `time.perf_counter()` and `wall0` `time.time()` at the start, `arm` called before it); or seconds=None
        after `cap`. Polls (25 ms) only to read what the page recorded."""
        wall0 = time.time() - (time.perf_counter() - t0) if wall0 is None else wall0
        seen = None
        while True:
            try:
                target = self._target()
                if target is not None and target is not self._armed:
                    self._arm(target, n)
                seen = target.evaluate(READ_JS) if target is not None else None
                if seen == "unarmed":  # the frame loaded another document after it was armed (READ_JS)
                    self._arm(target, n)
                    seen = None
            except Exception:  # the page or the map is being replaced: not drawn yet
                self._armed = None
            if seen:
                break
            if time.perf_counter() - t0 > cap:
                return Step(None, sum(size for t, size in self.frames if t >= t0))
            self.page.wait_for_timeout(25)  # (lets Playwright deliver the websocket events meanwhile)
        found, painted = (t0 + max(0.0, ms / 1000 - wall0) for ms in seen)
        in_step = [f for f in self.frames if t0 <= f[0] <= painted]
        largest = max(in_step, key=lambda f: f[1])[0] - t0 if in_step else None
        return Step(painted - t0, sum(size for _, size in in_step), largest, found - t0)

    def idle(self, cap: float, quiet: float = 1.0) -> None:
        """Wait until every script run has ended and nothing came for `quiet` seconds (a map drawn before its run
        ended, or a rerun streamlit-folium asks for once the map is up, must not overlap the next step)."""
        deadline = time.perf_counter() + cap
        while time.perf_counter() < deadline:
            last = self.frames[-1][0] if self.frames else 0.0
            if self.started <= self.finished and time.perf_counter() - last >= quiet:
                return
            self.page.wait_for_timeout(50)


def _shot(page: Any, name: str) -> None:
    """With SCENES_BENCH_SHOTS=<folder>, a screenshot of a page that was not drawn in time (what it showed)."""
    folder = os.environ.get("SCENES_BENCH_SHOTS")
    if folder:
        with contextlib.suppress(Exception):
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _reveal(page: Any, box: Any) -> None:
    """Make the "Kommun" box visible: open the collapsed expanders that hold it (the page may fold its filters)."""
    for _ in range(3):
        if box.is_visible():
            return
        closed = page.locator("details:not([open])", has=box)
        if not closed.count():
            return
        closed.first.locator("summary").first.click()
        page.wait_for_timeout(100)


def _choose(page: Any, box: Any, name: str) -> Any:
    """Open the "Kommun" box and type `name`; returns its option, to be clicked (the change that is timed)."""
    _reveal(page, box)
    box.click()
    page.keyboard.type(name)
    option = page.get_by_role("option", name=name, exact=True)
    option.wait_for(timeout=10_000)
    return option


def _visit(browser: Any, app: App, url: str, total: int, cap: float) -> tuple[Any, Probe, Step]:
    """A fresh browser context (nothing cached) opens "/" (the upstream quirk, streamlit/streamlit#9992), then the
    map page, timed from navigation until every scene is drawn."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    warm = context.new_page()
    warm_probe = Probe(warm, app, total)
    warm.goto(url + "/", timeout=cap * 1000)
    warm.locator("h1").first.wait_for(timeout=cap * 1000)
    warm_probe.idle(cap)
    warm.close()
    page = context.new_page()
    page.set_default_timeout(cap * 1000)  # a slow page is slow to click too: not an error
    probe = Probe(page, app, total)
    t0 = time.perf_counter()
    page.goto(url + app.path, wait_until="commit", timeout=cap * 1000)
    return page, probe, probe.wait(total, t0, cap)


@dataclass
class Side:
    """One app's page in a filter-change loop: where it is and whether a municipality is chosen."""

    page: Any
    probe: Probe
    box: Any
    chosen: bool = False


def _change(side: Side, name: str, count: int, total: int, cap: float) -> tuple[Step, str]:
    """Choose `name` in the "Kommun" box of `side`'s page (after clearing the last choice, untimed), timed until its
    `count` scenes are drawn; then wait until the page is idle. ("" or what went wrong.)"""
    page, probe, box = side.page, side.probe, side.box
    if side.chosen:  # back to every scene (untimed): remove the last choice
        _reveal(page, box)
        box.click()
        probe.arm(total)
        page.keyboard.press("Backspace")
        page.keyboard.press("Escape")
        if probe.wait(total, time.perf_counter(), cap).seconds is None:
            _shot(page, f"{probe.app.label}-clear")
            return Step(None), "the map did not come back to every scene after clearing the filter"
        probe.idle(cap)
    option = _choose(page, box, name)
    probe.arm(count)
    wall0, t0 = time.time(), time.perf_counter()
    option.click()
    side.chosen = True
    step = probe.wait(count, t0, cap, wall0)
    if step.seconds is None:
        _shot(page, f"{probe.app.label}-change-{name}")
        return step, f"{name} was not drawn within {cap:.0f} s"
    page.keyboard.press("Escape")
    probe.idle(cap)
    return step, ""


def measure(app: App, state: Path, total: int, picks: list[tuple[str, int]], cap: float = CAP_S,
            chromium: str = CHROMIUM, visits: int = 3) -> Result:
    """`visits` first drawn maps (the first one the server's first), then one filter change per pick (cleared in
    between) on the last visit's page, for one app."""
    from playwright.sync_api import sync_playwright

    result, page = Result(), None
    with serve(app.script, state) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            for visit in range(visits):
                if page is not None:
                    page.context.close()
                page, probe, step = _visit(browser, app, url, total, cap)
                result.firsts.append(step)
                if step.seconds is None:
                    _shot(page, f"{app.label}-first-{visit + 1}")
                    return result
                probe.idle(cap)
            side = Side(page, probe, page.get_by_label("Kommun", exact=True))
            for name, count in picks:
                step, result.error = _change(side, name, count, total, cap)
                if result.error:
                    break
                result.changes.append(step)
        except Exception as exc:  # the report says what failed; the other apps are still measured
            if page is not None:
                _shot(page, f"{app.label}-error")
            result.error = f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}"
        finally:
            browser.close()
    return result


def measure_paired(apps: tuple[App, App], state: Path, total: int, picks: list[tuple[str, int]], rounds: int,
                   cap: float = CAP_S, chromium: str = CHROMIUM) -> tuple[Result, Result]:
    """Filter changes of two apps in turn, change by change: both servers and pages up (each page in a browser of
    its own, idle while the other is measured), each pick chosen in one and then in the other, the order swapped
    from pick to pick and round to round (AB, BA, ...). A pair of changes shares the machine's minute, so the
    ratio is not the drift of a shared machine between two apps measured minutes apart."""
    from playwright.sync_api import sync_playwright

    results = (Result(), Result())
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(serve(app.script, state)) for app in apps]
        p = stack.enter_context(sync_playwright())
        sides: list[Side] = []
        try:
            for app, url, result in zip(apps, urls, results, strict=True):
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
                stack.callback(browser.close)
                page, probe, step = _visit(browser, app, url, total, cap)
                if step.seconds is None:
                    _shot(page, f"{app.label}-paired-first")
                    result.error = "the map page was not drawn"
                    return results
                probe.idle(cap)
                sides.append(Side(page, probe, page.get_by_label("Kommun", exact=True)))
            for turn in range(rounds):
                steps: tuple[list[Step], list[Step]] = ([], [])
                for i, (name, count) in enumerate(picks):
                    for k in ((0, 1) if (i + turn) % 2 == 0 else (1, 0)):
                        step, results[k].error = _change(sides[k], name, count, total, cap)
                        if results[k].error:
                            return results
                        steps[k].append(step)
                for result, taken in zip(results, steps, strict=True):
                    result.changes += taken
                    result.rounds.append(taken)
        except Exception as exc:  # the report says what failed
            for result in results:
                result.error = result.error or f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}"
    return results


def run(state: Path, survey_id: str, dash: Any, changes: int, cap: float = CAP_S,
        chromium: str = CHROMIUM, visits: int = 3, rounds: int = 2) -> tuple[int, dict[str, Result]]:
    """Every app's first drawn maps in turn over the store in `state` (and the naive page's filter changes), then
    `rounds` rounds of filter changes of ours and the floor in turn, change by change (`measure_paired`; module
    doc): (scene count, results by app label)."""
    total, picks = plan(dash, survey_id, changes)
    results = {app.label: measure(app, state, total, picks if app.label == "naive" else [], cap, chromium, visits)
               for app in APPS}
    results["naive"].rounds.append(list(results["naive"].changes))
    ours, floor = (next(app for app in APPS if app.label == label) for label in ("ours", "floor"))
    if not (results["ours"].error or results["floor"].error) and rounds > 0:
        paired = measure_paired((ours, floor), state, total, picks, rounds, cap, chromium)
        for app, result in zip((ours, floor), paired, strict=True):
            results[app.label].changes, results[app.label].rounds = result.changes, result.rounds
            results[app.label].error = result.error
    return total, results


# -- the table -----------------------------------------------------------------------------------------------------

def _s(value: float | None, cap: float) -> str:
    return f"> {cap:.0f} s" if value is None else f"{value:,.2f} s"


def _kib(steps: list[Step]) -> str:
    return f"{statistics.median(s.bytes for s in steps) / 1024:,.0f} KiB" if steps else "–"


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def ratio_interval(ours: list[list[float]], floor: list[list[float]], draws: int = 4000,
                   seed: int = 2027) -> tuple[float, float] | None:
    """A 95% interval for the ratio of the pooled medians (ours / floor), by bootstrap: each draw resamples every
    round's changes with replacement, within the round, and takes the ratio of the pooled medians; the interval is
    the 2.5th to 97.5th percentile of the draws. Where a round has as many changes of each app (measured in pairs,
    `measure_paired`), a draw takes pairs (the same indices for both apps: a pair shares the machine's minute);
    otherwise each app's changes are drawn on their own. None without changes of both apps. A seeded generator:
    the same figures give the same interval."""
    import numpy as np

    kept = [(o, f) for o, f in zip(ours, floor, strict=False) if o and f]
    if not kept:
        return None
    rng = np.random.default_rng(seed)
    drawn_ours, drawn_floor = [], []
    for o, f in kept:
        at = rng.integers(0, len(o), size=(draws, len(o)))
        drawn_ours.append(np.asarray(o)[at])
        drawn_floor.append(np.asarray(f)[at if len(f) == len(o) else rng.integers(0, len(f), size=(draws, len(f)))])
    ratios = (np.median(np.concatenate(drawn_ours, axis=1), axis=1)
              / np.median(np.concatenate(drawn_floor, axis=1), axis=1))
    low, high = np.percentile(ratios, [2.5, 97.5])
    return float(low), float(high)


def rows(total: int, results: dict[str, Result], changes: int,
         cap: float = CAP_S) -> list[tuple[str, str, str, str, str]]:
    """Rows for bench.py's table: (metric, data set, ours, baseline, ratio); the floor goes in the ours column."""
    ours, naive, floor = results["ours"], results["naive"], results["floor"]
    data = f"generated ({total:,} scenes, 1 survey)"
    first = {k: (r.first.seconds if r.first else None) for k, r in results.items()}
    change = {k: r.change_median() for k, r in results.items()}

    def shown(value: float | None, measured: bool) -> str:  # "–": never measured (an error, or no first map)
        return _s(value, cap) if measured else "–"

    def first_s(label: str) -> str:
        return shown(first[label], results[label].first is not None)

    def change_s(label: str) -> str:
        return shown(change[label], bool(results[label].changes))

    def ratio(base: float | None, our: float | None, measured: bool) -> str:  # baseline / ours (capped: at least)
        if our is None or not measured:
            return ""
        return f"> {cap / our:,.0f}x" if base is None else f"{base / our:,.1f}x"

    def floor_ratio(our: float | None, base: float | None, target: str) -> str:
        """Two decimals: a ratio held against a 1.2x target must not be rounded onto it."""
        return f"ours / floor {our / base:,.2f}x ({target})" if our is not None and base else f"({target})"

    later = {k: r.later_median() for k, r in results.items()}
    visits = max(len(r.firsts) for r in results.values()) - 1

    def later_s(label: str) -> str:
        return shown(later[label], len(results[label].firsts) > 1)

    out = [
        (f"first drawn map in Chromium ({total:,} scenes), the server's first visitor", data,
         f"{first_s('ours')} (target < 2 s)", first_s("naive"),
         ratio(first["naive"], first["ours"], naive.first is not None)),
        ("  floor: app.py with the map replaced by its count", "", first_s("floor"), "",
         floor_ratio(first["ours"], first["floor"], "for reference")),
    ]
    if visits > 0:
        out += [
            (f"first drawn map in Chromium ({total:,} scenes), next visitors (median of {visits})", data,
             f"{later_s('ours')} (target < 2 s)", later_s("naive"),
             ratio(later["naive"], later["ours"], len(naive.firsts) > 1)),
            ("  floor: app.py with the map replaced by its count", "", later_s("floor"), "",
             floor_ratio(later["ours"], later["floor"], "for reference")),
        ]
    rounds = min(len(ours.rounds), len(floor.rounds))

    def round_medians(r: Result) -> list[float | None]:
        return [None if not steps or any(s.seconds is None for s in steps)
                else statistics.median(s.seconds for s in steps if s.seconds is not None) for steps in r.rounds]

    by_round = [f"{o / f:,.2f}x" if o is not None and f else "–"
                for o, f in zip(round_medians(ours), round_medians(floor), strict=False)]
    timed = [[[s.seconds for s in steps if s.seconds is not None] for steps in r.rounds[:rounds]]
             for r in (ours, floor)]
    interval = ratio_interval(timed[0], timed[1])
    spread = f"; 95% interval {interval[0]:,.2f}x-{interval[1]:,.2f}x" if interval else ""
    pooled = (f"median of {len(ours.changes)}" + (f", {rounds} rounds" if rounds > 1 else "")
              + ", each beside one of the floor's")
    out += [
        (f"filter change to drawn map ({total:,} scenes, {pooled})", data, change_s("ours"),
         change_s("naive"), ratio(change["naive"], change["ours"], bool(naive.changes))),
        ("  floor: app.py with the map replaced by its count", "", change_s("floor"), "",
         floor_ratio(change["ours"], change["floor"], "target < 1.2x") + spread
         + (f"; by round {', '.join(by_round)}" if rounds > 1 else "")),
        (f"  websocket bytes until drawn: first map (floor {_kib([floor.first] if floor.first else [])})", "",
         _kib([ours.first] if ours.first else []), _kib([naive.first] if naive.first else []), ""),
        (f"  websocket bytes until drawn: filter change (floor {_kib(floor.changes)})", "", _kib(ours.changes),
         _kib(naive.changes), ""),
    ]
    # Where the time goes: the largest message (the map's) arrived, the markers were in the page, a frame was painted.
    for label, pick in (("first map", lambda r: [r.first] if r.first else []), ("filter change", lambda r: r.changes)):
        cells = []
        for r in (ours, naive):
            steps = [s for s in pick(r) if s.seconds is not None]
            parts = [_median([getattr(s, f) for s in steps]) for f in ("largest_at", "found_at", "seconds")]
            cells.append(" / ".join("–" if v is None else f"{v:,.2f}" for v in parts) + " s" if steps else "")
        out.append((f"  {label}: map message arrived / in the page / painted", "", *cells, ""))
    for label, r in results.items():
        if r.error:
            out.append((f"  {label}: error", "", r.error, "", ""))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--visits", type=int, default=3, help="first drawn maps per app, each in a fresh browser")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of filter changes of ours and the floor, change by change in turn")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import national_store

    with tempfile.TemporaryDirectory() as tmp:
        dash = national_store(Path(tmp), 1, args.scenes)
        total, results = run(Path(tmp), dash.store.surveys()[-1].id, dash, args.changes, visits=args.visits,
                             rounds=args.rounds)
    for r in rows(total, results, args.changes):
        print("  ".join(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
