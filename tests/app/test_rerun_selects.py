"""A rerun's facts are resolved once: a map-page rerun asks the database only a few small questions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard

APP = str(PROJECT_ROOT / "app.py")
#: the SELECTs of a map-page rerun on the demo store (measured: 14 before a rerun's facts were resolved once, 3 after:
#: the versions and demo mode in one query, and the page's two survey lists)
MAX_SELECTS = 4


@contextmanager
def selects(engine: sa.engine.Engine) -> Iterator[list[str]]:
    """The SELECT statements run on `engine` while the block runs."""
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


@pytest.fixture
def map_page(app_env: Path) -> AppTest:
    """The map page open on the demo store (its first run done: caches filled)."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/map.py")
    at.run()
    assert list(at.exception) == []
    return at


def test_a_map_rerun_makes_few_selects(map_page: AppTest) -> None:
    """A rerun of the map page (nothing changed) reads who is asking and the versions, not every table again."""
    from ui.cache import dashboard

    with selects(dashboard().store.engine) as seen:
        map_page.run()
    assert list(map_page.exception) == []
    assert seen, "the counter saw no statement: the rerun must still ask the database (revocation, versions)"
    assert len(seen) <= MAX_SELECTS, "\n".join(seen)
