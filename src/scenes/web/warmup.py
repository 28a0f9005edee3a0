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

**What the warm-up imported is then frozen, unless a visitor came first** (`freeze_unless`). Streamlit runs a full
garbage collection after every run of the script (`runner.postScriptGC`), holding the interpreter lock while the
run's last messages wait to be sent. With the libraries loaded, that collection walks every long-lived object they
made (modules, classes, functions, Altair's schema): 110-220 ms per run measured on the project's machine.
`gc.freeze()` moves every object alive into a permanent generation the collector no longer walks, so a collection
looks only at what was made since (a few milliseconds).

Frozen objects are still freed when nothing refers to them; a *cycle* among frozen objects is never collected. So
the freeze happens only while no visitor's session exists: a session frozen with the libraries would keep, after it
closed, everything its state later held (a probe with 20 MB in session state kept all of it). `serve.py` asks on the
server's event loop, the thread that creates sessions, so no session can appear between the question and the
freeze. When a visitor did come first (a cold start with someone waiting), nothing is frozen and each collection
walks everything, as with plain `streamlit run`. The imports leave a few dozen unreachable objects (60 when
measured); they are frozen as they are, once per process, rather than making the first visitor wait for a full
collection first.

**The collector waits for the warm-up.** While the imports make those objects, Python's own thresholds started
three full collections of everything made so far (50, 80 and 120-180 ms measured: a quarter of the warm-up, spent
while a first visitor's browser loads the page on the same two cores). `start_warm_up` pauses automatic collection
for the imports, and `freeze_unless` resumes it after its decision, so what the imports made is frozen without
ever being walked; when a visitor came first, the first collection after the warm-up walks it once.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
import time
from collections.abc import Callable, Sequence

__all__ = ["LIBRARIES", "freeze_unless", "start_warm_up", "wait_for_warm_up", "warm_up", "warming"]

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


def start_warm_up(modules: Sequence[str] = LIBRARIES, *,
                  then: Callable[[], object] | None = None) -> threading.Thread:
    """`warm_up` in a daemon thread (the server's start does not wait for it, and its end does not either), with
    the garbage collector paused; `then` is called in that thread once the imports are done (serve.py: schedule
    `freeze_unless` on the event loop, which resumes the collector). Without `then` the collector resumes at once."""
    global _started

    def work() -> None:
        collecting = gc.isenabled()
        gc.disable()  # (module doc: the collector waits for the warm-up, and resumes after the freeze)
        try:
            warm_up(modules)
        finally:
            if then is not None:
                then()
            elif collecting:
                gc.enable()

    _started = threading.Thread(target=work, name="scenes-warm-up", daemon=True)
    _started.start()
    return _started


def freeze_unless(visited: Callable[[], bool]) -> int:
    """Freeze every object alive (`gc.freeze`) unless `visited()` says a visitor's session exists (module doc).
    Returns how many objects are frozen: 0 when it declined and nothing was frozen before."""
    if not visited():
        gc.freeze()
    gc.enable()  # paused for the warm-up (`start_warm_up`)
    return gc.get_freeze_count()


def warming() -> bool:
    """Whether a warm-up started in this process is still running: the server's readiness says "warming_up"
    meanwhile (`GET /api/ready` answers 503), so a proxy sends no visitor to an instance that would make them wait
    for the imports, and the libraries are frozen before anyone's session exists."""
    return _started is not None and _started.is_alive()


def wait_for_warm_up(timeout: float = 60.0) -> None:
    """Return once the warm-up started in this process (if any) has finished, or after `timeout` seconds.

    The app's script calls this before its first import, so the first visitor's imports never run beside the
    warm-up's (module doc)."""
    if _started is not None:
        _started.join(timeout)
