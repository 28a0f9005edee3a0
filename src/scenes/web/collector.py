"""The full garbage collection a Streamlit app needs, made when the server is idle instead of at the end of every run.

Streamlit collects all garbage after every run of the script (`runner.postScriptGC`), in the run's own thread, while
that run's last messages wait for the interpreter lock to be sent. With pandas, GeoPandas, folium, SQLAlchemy and
the app loaded, a full collection walks about 170,000 long-lived objects: 80 ms on the project's 2-core machine,
paid by every reader on every rerun, before the page they asked for is complete. (Turned off for a test: a filter
change on the map at 5,000 scenes took 0.428 s instead of 0.493 s, median of 18.)

`.streamlit/config.toml` turns that collection off, and every run of the app (app.py and each fragment) calls
`collect_when_idle()` as it ends. The collection follows once no run has ended for `IDLE_SECONDS`, and at the latest
`AT_MOST_SECONDS` after the first run it waits for, so a server that is never idle still collects: memory stays
bounded as before, and nobody waits for it. Python's own collector keeps running as always.

Why not `gc.freeze()` after the imports, which makes each collection short? A session alive at the moment of the
freeze is frozen with the libraries and is never collected after it ends, with everything its state holds (seen in
a test: the first session's 20 MB stayed after it closed). A server restarted mid-use has sessions from its first
second on.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable

__all__ = ["AT_MOST_SECONDS", "IDLE_SECONDS", "IdleCollector", "collect_when_idle"]

#: seconds without a run ending before the collection
IDLE_SECONDS = 1.0
#: seconds at most between the first run that waits for a collection and the collection, however busy the server
AT_MOST_SECONDS = 10.0


class IdleCollector:
    """Calls `collect` once the runs have stopped ending for `idle` seconds, and at most `at_most` seconds after the
    first run since the last collection (one daemon thread while a collection is due, none otherwise)."""

    def __init__(self, *, idle: float = IDLE_SECONDS, at_most: float = AT_MOST_SECONDS,
                 collect: Callable[[], object] = gc.collect) -> None:
        self._idle, self._at_most, self._collect = idle, at_most, collect
        self._lock = threading.Lock()
        self._due: float | None = None  # monotonic time of the collection
        self._first: float | None = None  # when the first run waiting for it ended
        self._thread: threading.Thread | None = None

    def ran(self) -> None:
        """A run ended: collect once the server has been idle for a while (or has waited long enough)."""
        now = time.monotonic()
        with self._lock:
            self._first = now if self._first is None else self._first
            self._due = min(now + self._idle, self._first + self._at_most)
            if self._thread is None:
                self._thread = threading.Thread(target=self._wait, name="scenes-idle-gc", daemon=True)
                self._thread.start()

    def _wait(self) -> None:
        while True:
            with self._lock:
                left = (self._due or 0.0) - time.monotonic()
                if left <= 0:
                    self._due = self._first = None
                    self._thread = None
                    break
            time.sleep(left)
        self._collect()


_collector = IdleCollector()


def collect_when_idle() -> None:
    """Called as each run of the app ends (module doc)."""
    _collector.ran()
