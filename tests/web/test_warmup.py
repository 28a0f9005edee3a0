"""The libraries the first page needs are imported while the server waits (`scenes.web.warmup`), and the app's
script waits for that before importing anything itself."""

from __future__ import annotations

import ast
import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

from websockets.sync.client import connect
from websockets.typing import Subprotocol

from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from scenes.web import warmup


def test_warm_up_imports_the_libraries_in_a_fresh_process() -> None:
    """In a fresh interpreter none of the heavy libraries is loaded; after `warm_up` every one is."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(PROJECT_ROOT / "src")!r})
        from scenes.web.warmup import LIBRARIES, start_warm_up, wait_for_warm_up
        before = [m for m in LIBRARIES if m in sys.modules]
        start_warm_up()
        wait_for_warm_up()
        after = [m for m in LIBRARIES if m not in sys.modules]
        print(before, after)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    before, missing = out.stdout.strip().split("] [")
    assert "pandas" not in before, out.stdout
    assert "geopandas" not in before, out.stdout
    assert missing.strip("[]") == "", out.stdout


def test_a_library_that_fails_is_reported_and_skipped() -> None:
    """A module that cannot be imported does not stop the warm-up (the page that needs it reports it)."""
    failed: list[str] = []
    warmup.warm_up(["scenes_no_such_module", "json"], on_error=lambda name, _exc: failed.append(name))
    assert failed == ["scenes_no_such_module"]
    assert sys.getswitchinterval() != warmup.SWITCH_INTERVAL  # restored afterwards


def test_the_app_waits_for_the_warm_up_before_its_first_import() -> None:
    """app.py's first statements: the `__future__` import, the warm-up's import, the wait; only then the rest."""
    tree = ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))
    body = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert ast.unparse(body[0]) == "from __future__ import annotations"
    assert ast.unparse(body[1]) == "from scenes.web.warmup import wait_for_warm_up"
    assert ast.unparse(body[2]) == "wait_for_warm_up()"


def test_the_server_starts_the_warm_up() -> None:
    """serve.py's `st.App` has a lifespan, and that lifespan starts the warm-up (the deployment's
    `uvicorn serve:app` and `make run` both go through it)."""
    tree = ast.parse((PROJECT_ROOT / "serve.py").read_text(encoding="utf-8"))
    apps = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "st.App"]
    assert [ast.unparse(k.value) for a in apps for k in a.keywords if k.arg == "lifespan"] == ["_lifespan"]
    lifespan = next(n for n in tree.body if isinstance(n, ast.AsyncFunctionDef) and n.name == "_lifespan")
    calls = [ast.unparse(n) for n in ast.walk(lifespan) if isinstance(n, ast.Call)]
    assert "start_warm_up(then=lambda: loop.call_soon_threadsafe(_freeze))" in calls  # frozen on the event loop


def test_no_full_collection_runs_during_the_warm_up() -> None:
    """In a fresh interpreter: while the warm-up imports, the collector is paused (Python's thresholds otherwise
    walked everything made so far three times, a quarter of the warm-up); after it, the collector runs again:
    at once without a `then`, and after `freeze_unless` with one (on either answer)."""
    code = textwrap.dedent(f"""
        import gc, sys, threading
        sys.path.insert(0, {str(PROJECT_ROOT / "src")!r})
        from scenes.web import warmup
        full = []
        gc.callbacks.append(lambda phase, info: full.append(info["generation"])
                            if phase == "stop" and info["generation"] == 2 else None)
        during = []
        warmup.start_warm_up(warmup.LIBRARIES[:4], then=lambda: during.append(gc.isenabled())).join()
        paused_until_freeze = gc.isenabled()
        warmup.freeze_unless(lambda: True)
        resumed_after_decline = gc.isenabled()
        warmup.start_warm_up(["json"]).join()
        print(len(full), during, paused_until_freeze, resumed_after_decline, gc.isenabled())
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split(maxsplit=1)[0] == "0", out.stdout  # pandas, GeoPandas, shapely, pyproj: no full walk
    assert out.stdout.split(maxsplit=1)[1].strip() == "[False] False True True", out.stdout


def test_the_freeze_happens_only_when_no_visitor_came_first() -> None:
    """In a fresh interpreter: asked while a visitor's session exists, `freeze_unless` freezes nothing; asked when
    none does, it freezes everything alive. What is made afterwards is collected as before, cycles included."""
    code = textwrap.dedent(f"""
        import gc, sys, weakref
        sys.path.insert(0, {str(PROJECT_ROOT / "src")!r})
        from scenes.web.warmup import LIBRARIES, freeze_unless, warm_up
        warm_up(LIBRARIES[:3])
        declined = freeze_unless(lambda: True)
        frozen = freeze_unless(lambda: False)
        class Node: pass
        later = Node(); later.me = later; alive = weakref.ref(later); del later
        gc.collect()
        print(declined, frozen, alive() is None)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    declined, frozen, collected = out.stdout.split()
    assert declined == "0", out.stdout
    assert int(frozen) > 50_000, out.stdout  # pandas, GeoPandas and shapely alone make far more objects than this
    assert collected == "True", out.stdout


def _serve(state: Path) -> tuple[subprocess.Popen[str], int]:
    port = _free_port()
    env = {**os.environ, "SCENES_STATE_DIR": str(state)}
    env.pop("SCENES_DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "serve.py"), "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return proc, port


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _loaded_line(proc: subprocess.Popen[str], timeout: float = 120) -> str:
    """The server's "libraries loaded" line on its stderr (the warm-up's end), or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "libraries loaded" in line:
            return line
        if not line and proc.poll() is not None:
            break
    raise AssertionError("the server never said its libraries were loaded")


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=30)


def test_a_server_nobody_visited_yet_freezes_what_it_loaded(tmp_path: Path) -> None:
    """`python serve.py`, as a deployment starts it, with no visitor: the warm-up ends with the libraries frozen
    (the server's real session count was asked, on its event loop)."""
    proc, _port = _serve(tmp_path)
    try:
        line = _loaded_line(proc)
    finally:
        _stop(proc)
    frozen = re.search(r"libraries loaded; (\d+) long-lived objects frozen", line)
    assert frozen is not None, line
    assert int(frozen.group(1)) > 100_000, line


def test_a_visitor_who_came_first_keeps_the_server_from_freezing(tmp_path: Path) -> None:
    """A browser's websocket session opened while the libraries are still loading (the server accepts connections
    from its first moment; the imports take a second or more): nothing is frozen, so that session's state can be
    collected after it closes."""
    proc, port = _serve(tmp_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=[Subprotocol("streamlit")],
                             open_timeout=5):
                    line = _loaded_line(proc)  # said while the session is open
                break
            except OSError:  # not listening yet
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
    finally:
        _stop(proc)
    assert "not frozen (a visitor came first)" in line, line


def test_the_server_is_ready_only_once_its_warm_up_is_done(tmp_path: Path) -> None:
    """`GET /api/ready`, asked from the server's first moment: "warming_up" (503) while the libraries load, then
    200 once the warm-up has said they are loaded (a proxy sends no reader to an instance still warming)."""
    Dashboard(Settings(state_dir=tmp_path)).init()
    proc, port = _serve(tmp_path)
    answers: list[tuple[int, str]] = []
    try:
        deadline = time.monotonic() + 120
        while not answers or answers[-1][0] != 200:
            assert time.monotonic() < deadline, answers[-3:]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/ready", timeout=5) as r:
                    answers.append((r.status, json.load(r)["reason"]))
            except urllib.error.HTTPError as refused:
                answers.append((refused.code, json.load(refused)["reason"]))
            except OSError:  # not listening yet
                time.sleep(0.01)
        line = _loaded_line(proc, timeout=1)  # already said
    finally:
        _stop(proc)
    assert answers[0] == (503, "warming_up"), answers[:3]
    assert set(answers[:-1]) == {(503, "warming_up")}, answers[-3:]
    assert answers[-1] == (200, "ready"), answers[-3:]
    assert "objects frozen" in line


def test_the_server_watches_no_source_files() -> None:
    """A session's source watcher walked every loaded module before its first page (about 0.1 s of each first page
    in Chromium, on the server's event loop) to reload code a deployment never changes under a running server:
    `.streamlit/config.toml` turns it off (development: `--server.fileWatcherType auto`)."""
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
