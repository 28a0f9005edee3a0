"""The store's foundation: the engine, transactions, the schema check, meta flags and the audit log.

Every part of the store (surveys, seminars and the goal, reference tables) builds on `StoreBase`; accounts and
sessions (`scenes.access.auth`, `scenes.access.sessions`) use its public `read`, `write`, `set_meta` and `audit_entry`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from scenes.errors import StoreError
from scenes.store.migrations import upgrade
from scenes.store.schema import AUDIT_ACTIONS, SCHEMA_VERSION, audit_log, meta, metadata, schema_version

__all__ = ["StoreBase", "create_engine_for", "now"]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_engine_for(url: str) -> Engine:
    """An engine for `url`; for SQLite files, creates the folder and turns on foreign keys."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    # A database server that does not answer fails a connection within 5 s (a readiness check, a page, the CLI)
    # instead of waiting for the operating system's TCP timeout.
    connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
    engine = sa.create_engine(url, pool_pre_ping=not url.startswith("sqlite"), connect_args=connect_args)
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # Writers take the write lock up front (BEGIN IMMEDIATE), so two writers queue on the busy timeout
            # instead of failing when a read lock cannot be upgraded; readers use a plain (deferred) BEGIN.
            immediate = conn.get_execution_options().get("scenes_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _stored_version(conn: Connection) -> int | None:
    if not sa.inspect(conn).has_table("schema_version"):
        return None
    value = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return None if value is None else int(value)


class StoreBase:
    """Engine, transactions and the schema check. The schema is checked once per Store object (at start, by
    `ensure_schema`, or by the first read); after that, reads and writes go straight to their tables."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(scenes_write=True)  # every write: `with self.write() as conn`
        self._schema_checked = False

    # -- schema ------------------------------------------------------------------------------------------
    def version(self) -> int | None:
        """Schema version of the database, or None when it has no schema yet."""
        with self.engine.connect() as conn:
            return _stored_version(conn)

    def ensure_schema(self) -> None:
        """Create the schema on an empty database, or migrate an older one forward (all or nothing)."""
        with self._writer.begin() as conn:
            # Read the version inside the write transaction, so two processes starting at once cannot both
            # create or both migrate the schema.
            current = _stored_version(conn)
            self._refuse_newer(current)
            if current is None:
                metadata.create_all(conn)
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION, applied_at=now()))
                conn.execute(meta.insert().values(key="data_version", value="0"))
            else:
                for step in upgrade(conn, current, SCHEMA_VERSION):
                    conn.execute(schema_version.insert().values(version=step, applied_at=now()))
        self._schema_checked = True

    @staticmethod
    def _refuse_newer(current: int | None) -> None:
        if current is not None and current > SCHEMA_VERSION:
            raise StoreError(
                f"The database has schema version {current}, newer than this program's {SCHEMA_VERSION}. "
                "Upgrade the program; it will not modify a newer database.",
                code="schema_newer", current=current, version=SCHEMA_VERSION)

    def _require_schema(self) -> None:
        """Refuse to read or write a database without this program's schema; checked once, then remembered."""
        if self._schema_checked:
            return
        current = self.version()
        if current is None:
            raise StoreError("The store has no schema yet. Run `scenes init` (or `scenes init --demo`).",
                             code="no_schema")
        self._refuse_newer(current)
        if current < SCHEMA_VERSION:
            raise StoreError(f"The database has schema version {current}; this program needs {SCHEMA_VERSION}. "
                             "Run `scenes init` once to upgrade it (its data is kept).",
                             code="schema_older", current=current, version=SCHEMA_VERSION)
        self._schema_checked = True

    # -- connections -------------------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read connection on a database with this program's schema."""
        self._require_schema()
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; a uniqueness clash with a concurrent writer becomes a clear StoreError."""
        self._require_schema()
        try:
            with self._writer.begin() as conn:
                yield conn
        except sa.exc.IntegrityError as exc:
            if "unique" in str(exc.orig).lower() or "duplicate" in str(exc.orig).lower():
                raise StoreError("Another change to the same record was saved at the same moment; nothing of "
                                 "this one was written. Reload and try again.", code="write_conflict") from exc
            raise

    # -- meta flags ----------------------------------------------------------------------------------------
    @staticmethod
    def set_meta(conn: Connection, key: str, value: str | None) -> None:
        """Set (or with None, delete) a flag inside the caller's write transaction."""
        conn.execute(meta.delete().where(meta.c.key == key))
        if value is not None:
            conn.execute(meta.insert().values(key=key, value=value))

    def meta_value(self, key: str) -> str | None:
        with self.read() as conn:
            value = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()
        return None if value is None else str(value)

    def meta_values(self, *keys: str) -> dict[str, str | None]:
        """Several flags in one query (a key that is not set: None)."""
        with self.read() as conn:
            rows = conn.execute(sa.select(meta.c.key, meta.c.value).where(meta.c.key.in_(keys))).all()
        found = {str(key): None if value is None else str(value) for key, value in rows}
        return {key: found.get(key) for key in keys}

    def data_version(self) -> int:
        """A number that grows with every write: caches key on it so pages see new data without a restart."""
        return int(self.meta_value("data_version") or 0)

    @staticmethod
    def bump(conn: Connection, key: str = "data_version") -> None:
        """Tell every cache that the data changed (inside the caller's write transaction)."""
        if conn.execute(sa.select(meta.c.key).where(meta.c.key == key)).first() is None:
            conn.execute(meta.insert().values(key=key, value="0"))
        conn.execute(meta.update().where(meta.c.key == key).values(
            value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.Text)))

    # -- the audit log -------------------------------------------------------------------------------------
    @staticmethod
    def audit_entry(conn: Connection, action: str, *, actor: str, survey_id: str | None = None,
                    revision: int | None = None, file_name: str = "", sha256: str = "", rows: int | None = None,
                    detail: str = "") -> None:
        """One line of the audit log, written in the caller's transaction. Every line names who acted."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}: add it to AUDIT_ACTIONS and the catalogue")
        if not actor.strip():
            raise StoreError(f"The audit log needs to know who acted ({action}); nothing was written.",
                             code="audit_actor")
        conn.execute(audit_log.insert().values(at=now(), actor=actor[:200], action=action, survey_id=survey_id,
                                               revision=revision, file_name=file_name, sha256=sha256, rows=rows,
                                               detail=detail))

    def record(self, action: str, *, actor: str, detail: str = "", survey_id: str | None = None) -> None:
        """Add an audit entry for an action outside the data writes (e.g. a sign-in)."""
        with self.write() as conn:
            self.audit_entry(conn, action, actor=actor, survey_id=survey_id, detail=detail)

    def audit(self, limit: int = 500) -> pd.DataFrame:
        """The newest audit-log entries first."""
        with self.read() as conn:
            rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in audit_log.columns])
