"""Schema migrations: MIGRATIONS[n] brings a version-n database to version n+1, keeping its data.

Each step runs inside the transaction `Store.ensure_schema` opens (SQLite and PostgreSQL both have transactional
DDL), so an upgrade is all or nothing. `v1_metadata()` is a frozen copy of the first schema, used by the tests
to build a genuine version-1 store and upgrade it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

__all__ = ["MIGRATIONS", "v1_metadata"]


def v1_metadata() -> sa.MetaData:
    """The schema as version 1 created it (surveys and scenes without revisions, no audit log)."""
    md = sa.MetaData()
    sa.Table("schema_version", md, sa.Column("version", sa.Integer, primary_key=True),
             sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False))
    sa.Table("meta", md, sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text, nullable=False))
    sa.Table("surveys", md,
             sa.Column("id", sa.String(64), primary_key=True), sa.Column("name", sa.String(200), nullable=False),
             sa.Column("date", sa.Date, nullable=False), sa.Column("kind", sa.String(32), nullable=False),
             sa.Column("source", sa.Text, nullable=False), sa.Column("demo", sa.Boolean, nullable=False),
             sa.Column("notes", sa.Text, nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False))
    sa.Table("scenes", md,
             sa.Column("survey_id", sa.String(64), sa.ForeignKey("surveys.id"), primary_key=True),
             sa.Column("scene_id", sa.String(64), primary_key=True), sa.Column("name", sa.String(300), nullable=False),
             sa.Column("kommun_kod", sa.String(4), nullable=False), sa.Column("kommun", sa.String(100), nullable=False),
             sa.Column("lokalpolisomrade", sa.String(64), nullable=False), sa.Column("stadsdel", sa.String(64)),
             sa.Column("categories", sa.Text, nullable=False), sa.Column("status", sa.String(32)),
             sa.Column("impact", sa.Integer), sa.Column("predecessors", sa.Text, nullable=False),
             sa.Column("notes", sa.Text, nullable=False), sa.Column("area_m2", sa.Float),
             sa.Column("geometry_wkt", sa.Text, nullable=False), sa.Index("ix_scenes_scene_id", "scene_id"))
    sa.Table("seminars", md, sa.Column("seminar_id", sa.String(100), primary_key=True),
             sa.Column("data", sa.Text, nullable=False),
             sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("updated_by", sa.String(200), nullable=False))
    sa.Table("app_settings", md, sa.Column("key", sa.String(64), primary_key=True),
             sa.Column("value", sa.Text, nullable=False),
             sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("updated_by", sa.String(200), nullable=False))
    return md


def _v1_to_v2(conn: Connection) -> None:
    """Revisions and the audit log: scenes get a `revision` in their key; every survey becomes revision 1."""
    from scenes import store

    store.survey_revisions.create(conn)
    store.audit_log.create(conn)
    conn.execute(sa.text("ALTER TABLE surveys ADD COLUMN current_revision INTEGER NOT NULL DEFAULT 1"))
    # The primary key changes, which SQLite cannot ALTER: build the new table, copy, swap.
    new = sa.Table("scenes_v2", sa.MetaData(),
                   *[sa.Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
                     for c in store.scenes.columns])
    new.create(conn)
    columns = [c.name for c in store.scenes.columns if c.name != "revision"]
    listed = ", ".join(columns)  # column names come from our own schema, never from input
    conn.execute(sa.text(f"INSERT INTO scenes_v2 ({listed}, revision) SELECT {listed}, 1 FROM scenes"))
    conn.execute(sa.text("DROP TABLE scenes"))
    conn.execute(sa.text("ALTER TABLE scenes_v2 RENAME TO scenes"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_scenes_scene_id ON scenes (scene_id)"))
    conn.execute(sa.text(
        "INSERT INTO survey_revisions (survey_id, revision, created_at, created_by, file_name, sha256, rows, note) "
        "SELECT s.id, 1, s.created_at, s.created_by, '', '', "
        "(SELECT COUNT(*) FROM scenes c WHERE c.survey_id = s.id), 'migrated from schema 1' FROM surveys s"))


def _v2_to_v3(conn: Connection) -> None:
    """Local accounts; a store that already holds real (non-demo) surveys requires sign-in from now on."""
    from scenes import store

    store.users.create(conn)
    real = conn.execute(sa.text("SELECT COUNT(*) FROM surveys WHERE demo = :f"), {"f": False}).scalar()
    if real:
        conn.execute(sa.text("INSERT INTO meta (key, value) VALUES ('sign_in_required', '1')"))


def _v3_to_v4(conn: Connection) -> None:
    """Server-side sessions, sign-in throttling per client and per account name, and withdrawn surveys.

    The tables are described here as version 4 created them (frozen), not imported from the live schema, so a
    later change to the store cannot change what this step does.
    """
    md = sa.MetaData()
    sa.Table("sessions", md,
             sa.Column("id_hash", sa.String(64), primary_key=True),
             sa.Column("username", sa.String(200), nullable=False),
             sa.Column("kind", sa.String(16), nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
             sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
             sa.Index("ix_sessions_username", "username"))
    sa.Table("throttle", md,
             sa.Column("key", sa.String(300), primary_key=True),
             sa.Column("failures", sa.Integer, nullable=False),
             sa.Column("last_failure", sa.DateTime(timezone=True), nullable=False),
             sa.Column("locked_until", sa.DateTime(timezone=True)))
    md.create_all(conn)
    conn.execute(sa.text("ALTER TABLE surveys ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE"))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
