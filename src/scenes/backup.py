"""Backups of the store and their restore, with the tools each database is made for.

- SQLite: the online backup API (`sqlite3.Connection.backup`): a consistent copy while the servers keep running.
  The backup is itself a SQLite file; the restore copies it into the configured database the same way.
- PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction` (all or
  nothing), from Debian's `postgresql-client` (the same major version as the server, or newer).

A restore is for a fresh store or one being replaced on purpose (`replace=True`). It ends every session (nobody
stays signed in on data their session never saw) and writes an audit line; every survey, revision, audit line and
account of the backup comes back as it was. A backup is written to `FILE.part` and renamed, so a half-written
backup never carries the final name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa

from scenes.errors import ScenesError, StoreError
from scenes.store import Store

__all__ = ["backup", "restore"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_MAGIC = b"PGDMP"


def _sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") and ":memory:" not in url else None


def _libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq (pg_dump, pg_restore) reads it."""
    made = sa.engine.make_url(url)
    return made.set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ScenesError(f"{name} is not installed: install Debian's postgresql-client (the server's major version "
                          "or newer) on this machine.", code="tool_missing")
    return found


def _run(args: list[str], url: str) -> None:
    """Run a PostgreSQL tool; its error output becomes one line (no data: the tools print no rows)."""
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    done = subprocess.run([*args, "--dbname", _libpq_url(url)], env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=3600, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        last = lines[-1][:300] if lines else f"exit status {done.returncode}"
        raise StoreError(f"{Path(args[0]).name} failed: {last}", code="backup_failed")


def backup(store: Store, target: Path) -> Path:
    """Write a backup of the store to `target` (atomically: `target.part`, then renamed)."""
    url = store.engine.url.render_as_string(hide_password=False)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    source = _sqlite_path(url)
    if source is not None:
        if not source.exists():
            raise StoreError(f"There is no database at {source} to back up.", code="no_database")
        _copy(f"file:{source}?mode=ro", str(part))
    elif store.engine.dialect.name == "postgresql":
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(part)], url)
    else:
        raise StoreError(f"Backups support SQLite and PostgreSQL, not {store.engine.dialect.name}.",
                         code="backup_unsupported")
    part.replace(target)
    store.record("backup", actor=_actor(), detail=target.name)
    return target


def restore(store: Store, source: Path, *, replace: bool = False) -> int:
    """Restore a backup into the store; returns the number of sessions ended. Refuses a store holding data unless
    `replace`, and a backup of the other kind of database."""
    try:
        with source.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise ScenesError(f"Cannot read {source}: {exc.strerror}.", code="unreadable") from exc
    if not replace and store.version() is not None and store.all_surveys():
        raise StoreError("The database already holds surveys: restore into a fresh database, or pass --replace to "
                         "replace everything in it with the backup.", code="restore_not_empty")
    url = store.engine.url.render_as_string(hide_password=False)
    target = _sqlite_path(url)
    if head.startswith(_SQLITE_MAGIC):
        if target is None:
            raise StoreError("This is a backup of a SQLite store; restore it into a SQLite database "
                             "(SCENES_DATABASE_URL=sqlite:///…).", code="restore_kind")
        store.engine.dispose()
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(f"file:{source}?mode=ro", str(target))  # one step: the old database or the restored one, no mix
    elif head.startswith(_PG_MAGIC):
        if store.engine.dialect.name != "postgresql":
            raise StoreError("This is a backup of a PostgreSQL store (pg_dump); restore it into a PostgreSQL "
                             "database.", code="restore_kind")
        store.engine.dispose()
        _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
             url)
    else:
        raise ScenesError(f"{source} is not a backup made by `scenes backup` (neither SQLite nor pg_dump's custom "
                          "format).", code="restore_format")
    store.ensure_schema()  # an older backup is brought up to this program's schema
    from scenes.store.schema import sessions

    with store.write() as conn:
        ended = int(conn.execute(sessions.delete()).rowcount or 0)
        store.audit_entry(conn, "restore-backup", actor=_actor(), detail=f"{source.name}; {ended} sessions ended")
    return ended


def _copy(source_uri: str, target: str) -> None:
    """SQLite's online backup of one database into another, in one step."""
    with contextlib.closing(sqlite3.connect(source_uri, uri=True)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _actor() -> str:
    return f"cli:{os.environ.get('USER', 'operator')}"
