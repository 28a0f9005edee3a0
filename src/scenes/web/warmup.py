"""The modules the first page needs, imported while the server waits for its first visitor.

Streamlit runs the app's script only when the first session arrives, so without this the first person to open the
app also waits for pandas, GeoPandas, folium, Altair, SQLAlchemy and the app's own core to import (about two
seconds on the project's 2-core machine). `serve.py` starts `warm_up` in a background thread when the server starts
(its lifespan) and does not wait for it. The app's script waits for it before it imports anything
(`wait_for_warm_up`): a visitor who arrives sooner waits for the rest of the warm-up, and no two threads ever import
at once. (Two threads importing one package at once can each wait for a module the other is importing, and the
import system then fails one of the imports: "deadlock detected".)

Nothing that declares a Streamlit component is imported here: streamlit-folium must be declared inside the running
server (`serve.py` explains why), so the `ui` package and the pages are left to the first run. The core
(`scenes`) never imports streamlit.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable, Sequence

__all__ = ["LIBRARIES", "start_warm_up", "wait_for_warm_up", "warm_up"]

#: seconds between the interpreter's thread switches while warming (Python's default is 0.005): the imports hold the
#: interpreter lock, and the server's event loop, which serves the page's scripts meanwhile, waits for it
SWITCH_INTERVAL = 0.0005

#: the libraries, slowest first, then the core
LIBRARIES: tuple[str, ...] = (
    "pandas", "geopandas", "shapely", "pyproj", "sqlalchemy", "pydantic", "folium", "folium.plugins", "branca",
    "jinja2", "altair", "babel.dates", "babel.numbers", "PIL.Image",
    # the core the first page calls (the map, Översikt, Utveckling, the upload page's reader)
    "scenes.views.dashboard", "scenes.views.map", "scenes.views.overview", "scenes.views.progress",
    "scenes.render.maps", "scenes.render.charts", "scenes.render.printmap", "scenes.ingest.upload",
)


def warm_up(modules: Sequence[str] = LIBRARIES, *, on_error: Callable[[str, Exception], None] | None = None) -> float:
    """Import `modules` and return the seconds it took. A module that fails to import is passed to `on_error` and
    skipped: the page that needs it reports the failure when it imports it."""
    started, interval = time.perf_counter(), sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)  # the server's own thread gets the interpreter back sooner meanwhile
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception as exc:  # a broken library is the page's to report, not the start's
                if on_error is not None:
                    on_error(name, exc)
    finally:
        sys.setswitchinterval(interval)
    return time.perf_counter() - started


_started: threading.Thread | None = None


def start_warm_up(modules: Sequence[str] = LIBRARIES) -> threading.Thread:
    """`warm_up` in a daemon thread (the server's start does not wait for it, and its end does not either)."""
    global _started
    _started = threading.Thread(target=warm_up, args=(modules,), name="scenes-warm-up", daemon=True)
    _started.start()
    return _started


def wait_for_warm_up(timeout: float = 60.0) -> None:
    """Return once the warm-up started in this process (if any) has finished, or after `timeout` seconds.

    The app's script calls this before its first import, so the first visitor's imports never run beside the
    warm-up's (module doc)."""
    if _started is not None:
        _started.join(timeout)
