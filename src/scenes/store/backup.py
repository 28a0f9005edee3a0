"""Backups of the store and their restore, with the tools each database is made for.

- SQLite: the online backup API (`sqlite3.Connection.backup`): a consistent copy while the servers keep running.
  The backup is itself a SQLite file; the restore copies it into the configured database the same way.
- PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction` (all or
  nothing), from Debian's `postgresql-client` (the same major version as the server, or newer).

A restore is for a fresh store or one being replaced on purpose (`replace=True`). No session comes back with it
(SQLite: they are deleted from a private copy before it replaces the store; PostgreSQL: `pg_restore` skips the
sessions table's rows), so nobody stays signed in on data their session never saw; a provider sign-in issued before
the restore is refused (a marker in the store); the caches' version numbers move past every number used before, so
running instances never serve figures cached before the restore; an audit line says what happened. Every survey,
revision, audit line and account of the backup comes back as it was. A backup is written to `FILE.part` (mode 600:
it holds password hashes and the session key) and renamed, so a half-written backup never carries the final name.
The database password reaches pg_dump and pg_restore through the environment, never the process list.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from scenes.errors import ScenesError, StoreError
from scenes.store import Store

__all__ = ["backup", "restore"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_MAGIC = b"PGDMP"


def _sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") and ":memory:" not in url else None


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A SQLAlchemy PostgreSQL URL as libpq (pg_dump, pg_restore) reads it, without its password, and the
    environment that carries the password (PGPASSWORD: not visible in the process list)."""
    made = sa.engine.make_url(url)
    env = {"PGPASSWORD": made.password} if made.password else {}
    return made.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ScenesError(f"{name} is not installed: install Debian's postgresql-client (the server's major version "
                          "or newer) on this machine.", code="tool_missing")
    return found


def _run(args: list[str], url: str) -> str:
    """Run a PostgreSQL tool (files it writes are private); its error output becomes one line (no data: the tools
    print no rows). Returns what it printed."""
    target, secret = _libpq(url)
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10", **secret}
    done = subprocess.run([*args, "--dbname", target], env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=3600, check=False, preexec_fn=lambda: os.umask(0o077))
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        last = lines[-1][:300] if lines else f"exit status {done.returncode}"
        raise StoreError(f"{Path(args[0]).name} failed: {last}", code="backup_failed")
    return done.stdout


def backup(store: Store, target: Path) -> Path:
    """Write a backup of the store to `target` (atomically: `target.part`, then renamed)."""
    url = store.engine.url.render_as_string(hide_password=False)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    source = _sqlite_path(url)
    if source is not None:
        if not source.exists():
            raise StoreError(f"There is no database at {source} to back up.", code="no_database")
        os.close(os.open(part, os.O_CREAT | os.O_WRONLY, 0o600))  # private from the first byte
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
    if not replace and _holds_data(store):
        raise StoreError("The database already holds data (surveys, accounts, measures, indicators or sign-ins): "
                         "restore into a fresh database, or pass --replace to replace everything in it with the "
                         "backup.", code="restore_not_empty")
    before = _versions(store)
    url = store.engine.url.render_as_string(hide_password=False)
    target = _sqlite_path(url)
    if head.startswith(_SQLITE_MAGIC):
        if target is None:
            raise StoreError("This is a backup of a SQLite store; restore it into a SQLite database "
                             "(SCENES_DATABASE_URL=sqlite:///…).", code="restore_kind")
        store.engine.dispose()
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as work:
            private = Path(work) / "restore.db"
            try:
                _copy(f"file:{source}?mode=ro", str(private))
                with contextlib.closing(sqlite3.connect(private)) as check:
                    check.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:  # the store itself is not touched before this point
                raise ScenesError(f"{source} starts like a SQLite backup but cannot be read as one ({exc}); nothing "
                                  "was changed.", code="restore_format") from exc
            with contextlib.closing(sqlite3.connect(private)) as conn:  # no session comes back with the data
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sessions'").fetchone():
                    conn.execute("DELETE FROM sessions")
                    conn.commit()
            _copy(f"file:{private}?mode=ro", str(target))  # one step: the old database or the restored one
    elif head.startswith(_PG_MAGIC):
        if store.engine.dialect.name != "postgresql":
            raise StoreError("This is a backup of a PostgreSQL store (pg_dump); restore it into a PostgreSQL "
                             "database.", code="restore_kind")
        store.engine.dispose()
        with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listed:
            listed.write("".join(line for line in _list(source).splitlines(keepends=True)
                                 if not _sessions_data(line)))
        try:
            _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  "--use-list", listed.name, str(source)], url)
        finally:
            Path(listed.name).unlink(missing_ok=True)
    else:
        raise ScenesError(f"{source} is not a backup made by `scenes backup` (neither SQLite nor pg_dump's custom "
                          "format).", code="restore_format")
    store.ensure_schema()  # an older backup is brought up to this program's schema
    from scenes.store.schema import meta, sessions

    with store.write() as conn:
        ended = int(conn.execute(sessions.delete()).rowcount or 0)
        for key, old in before.items():  # past every number a running instance may have cached under
            restored = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()
            conn.execute(meta.delete().where(meta.c.key == key))
            conn.execute(meta.insert().values(key=key, value=str(max(old, int(restored or 0)) + 1)))
        conn.execute(meta.delete().where(meta.c.key == "identities_valid_after"))
        conn.execute(meta.insert().values(key="identities_valid_after", value=str(int(time.time()))))
        store.audit_entry(conn, "restore-backup", actor=_actor(), detail=f"{source.name}; {ended} sessions ended")
    return ended


def _list(source: Path) -> str:
    """pg_restore's table of contents of a backup (no database involved)."""
    done = subprocess.run([_tool("pg_restore"), "--list", str(source)], capture_output=True, text=True,  # noqa: S603
                          timeout=600, check=False)
    if done.returncode != 0:
        raise StoreError(f"pg_restore cannot read {source.name}: {(done.stderr.strip().splitlines() or ['?'])[-1]}",
                         code="backup_failed")
    return done.stdout


def _sessions_data(line: str) -> bool:
    """Is this line of pg_restore's list the rows of the sessions table (which a restore never brings back)?"""
    _, found, rest = line.partition(" TABLE DATA ")
    return bool(found) and rest.split()[:2] == ["public", "sessions"]


_DATA_TABLES = ("surveys", "users", "measures", "indicators", "identities")


def _holds_data(store: Store) -> bool:
    """Does the store hold anything a person made (beyond what `scenes init` seeds)?"""
    if store.version() is None:
        return False
    inspector = sa.inspect(store.engine)
    present = set(inspector.get_table_names())
    with store.engine.connect() as conn:
        return any(conn.execute(sa.text(f"SELECT 1 FROM {name} LIMIT 1")).first()
                   for name in _DATA_TABLES if name in present)


def _versions(store: Store) -> dict[str, int]:
    """The caches' version numbers now (data and reference tables), so the restore can move past them."""
    out = {"data_version": 0, "reference_version": 0}
    if store.version() is None:
        return out
    for key in out:
        try:
            out[key] = int(store.meta_value(key) or 0)
        except (ValueError, sa.exc.SQLAlchemyError):
            out[key] = 0
    return out


def _copy(source_uri: str, target: str) -> None:
    """SQLite's online backup of one database into another, in one step."""
    with contextlib.closing(sqlite3.connect(source_uri, uri=True)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _actor() -> str:
    return f"cli:{os.environ.get('USER', 'operator')}"
