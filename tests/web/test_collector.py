"""The full garbage collection follows the runs when the server is idle (`scenes.web.collector`), not at the end of
each run, where it held the interpreter lock while the run's last messages waited."""

from __future__ import annotations

import threading
import time
import tomllib

from scenes.settings import PROJECT_ROOT
from scenes.web.collector import IdleCollector


class _Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.calls += 1
        self.event.set()


def test_one_collection_follows_a_burst_of_runs() -> None:
    """Runs ending close together are followed by one collection, after the last of them."""
    counter = _Counter()
    collector = IdleCollector(idle=0.2, at_most=60, collect=counter)
    for _ in range(5):
        collector.ran()
    assert counter.event.wait(10)
    time.sleep(0.5)  # (nothing more is due: a second collection would have come by now)
    assert counter.calls == 1


def test_a_server_that_is_never_idle_still_collects() -> None:
    """Runs that never stop ending (a busy server) still get a collection, `at_most` after the first of them."""
    counter = _Counter()
    collector = IdleCollector(idle=30, at_most=0.2, collect=counter)
    deadline = time.monotonic() + 10
    while not counter.event.is_set() and time.monotonic() < deadline:
        collector.ran()  # a run ends every 10 ms: never idle for 30 s
        time.sleep(0.01)
    assert counter.calls >= 1


def test_runs_after_a_collection_wait_for_the_next_one() -> None:
    """After a collection the collector is idle again: the next run schedules the next collection."""
    counter = _Counter()
    collector = IdleCollector(idle=0.05, at_most=60, collect=counter)
    collector.ran()
    assert counter.event.wait(10)
    counter.event.clear()
    collector.ran()
    assert counter.event.wait(10)
    assert counter.calls == 2


def test_streamlit_collects_no_more_after_each_run() -> None:
    """The server's configuration turns Streamlit's collection after each run off (the app's collector replaces
    it)."""
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
