"""The SELECT statements of a map-page rerun (Streamlit's AppTest on a demo store), ours against the same page
with every helper asking the store again, as the app did before a rerun's facts were resolved once: each cached
read asks for the data version, each use of the reference tables for their version.

`python benchmarks/rerun_selects.py STATE_DIR` prints "ours naive"; `benchmarks/bench.py` reports both.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


@contextmanager
def _uncached() -> Iterator[None]:
    """As before the facts: every cached read asks the store for the data version, `Dashboard.reference` asks for
    its version on every access, and demo mode is asked of the store (who is asking is still decided once)."""
    import ui
    import ui.cache
    from scenes.views.dashboard import Dashboard

    version, state = ui.cache.data_version, Dashboard.state

    def fresh_state(self: Dashboard) -> object:
        self._demo_only = None
        found = state(self)
        self._forget_state()
        return found

    def ask() -> int:
        return ui.cache.dashboard().data_version()
    ui.cache.data_version = ui.data_version = ask
    Dashboard.state = fresh_state  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        ui.cache.data_version = ui.data_version = version
        Dashboard.state = state  # type: ignore[method-assign]


def map_rerun_selects(state_dir: Path, *, naive: bool) -> int:
    """The SELECTs of the second run of the map page (the first fills the caches), in demo mode."""
    import sqlalchemy as sa
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["SCENES_STATE_DIR"] = str(state_dir)
    os.environ.pop("SCENES_DATABASE_URL", None)
    os.chdir(ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    from ui.cache import dashboard

    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)
    with _uncached() if naive else _nothing():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page("screens/map.py")
        at.run()
        engine = dashboard().store.engine
        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            at.run()
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
    if list(at.exception):
        raise RuntimeError(f"the map page failed: {at.exception[0].value}")
    return len(seen)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" chatter
    where = Path(sys.argv[1])
    print(map_rerun_selects(where, naive=False), map_rerun_selects(where, naive=True))
