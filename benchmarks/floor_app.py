"""The floor for the browser map benchmark: the real app (app.py, every page as it is) with the map taken out.

Served as our app is served (`streamlit run benchmarks/floor_serve.py`: the warm-up included). The map page still
reads, filters and counts the scenes, writes its "Visar N av M scener i …" line, its table, legend and downloads;
only building the map (`maps.base_map`, `maps.layers`) and sending it to the browser (`ui.map_layers`, which hands
the layers over, `ui.draw_map`, `ui.show_map`) are replaced by no-ops. The time from a filter change to that line is
what the page costs without a map: the lowest a page with a map can reach.

Built by patching modules, not by copying pages: pages call `maps.layers(...)`, `ui.map_layers(...)`,
`ui.draw_map(...)` and `ui.show_map(...)` through the module attribute at call time, so they get the no-ops.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for entry in (str(ROOT), str(ROOT / "src")):  # `import ui` and `import scenes`, as when app.py is the main script
    if entry not in sys.path:
        sys.path.insert(0, entry)

from scenes.web.warmup import wait_for_warm_up  # noqa: E402

wait_for_warm_up()  # served by floor_serve.py as serve.py serves app.py: never two threads importing at once

import streamlit as st  # noqa: E402

import ui  # noqa: E402
from scenes.render import maps  # noqa: E402


def _no_map(*_args: Any, **_kwargs: Any) -> None:
    return None


def _no_layers(*_args: Any, **_kwargs: Any) -> list[Any]:
    return []


def _show_nothing(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
    return {}


maps.base_map = _no_map  # type: ignore[assignment]
maps.layers = _no_layers  # type: ignore[assignment]
ui.map_layers = _no_map  # type: ignore[assignment]
ui.draw_map = _show_nothing  # type: ignore[assignment]
ui.show_map = _show_nothing  # type: ignore[assignment]

# The page registry names pages by paths relative to app.py ("screens/map.py"); Streamlit resolves such paths
# against the main script's folder, which is benchmarks/ here. Resolve them against the project root instead.
def _rooted(call: Any) -> Any:
    def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(page, str | Path) and not Path(page).is_absolute():
            page = ROOT / page
        return call(page, *args, **kwargs)
    wrapper.rooted = True
    return wrapper


for _name in ("Page", "page_link", "switch_page"):
    if not getattr(getattr(st, _name), "rooted", False):  # the script reruns: wrap once per process
        setattr(st, _name, _rooted(getattr(st, _name)))

runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
