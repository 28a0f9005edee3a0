"""Counting the SQL a piece of work sends: `selects(engine)` lists the SELECT statements run while its block runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa


@contextmanager
def selects(engine: sa.engine.Engine) -> Iterator[list[str]]:
    """The SELECT statements run on `engine` (by any thread) while the block runs."""
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
