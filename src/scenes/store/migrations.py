"""Schema migrations: MIGRATIONS[n] brings a version-n database to version n+1, keeping its data.

Each step runs inside the transaction `Store.ensure_schema` opens (SQLite and PostgreSQL both have transactional
DDL), so an upgrade is all or nothing. Steps are frozen: each describes the tables it creates as its own version
had them and never imports the live schema (`scenes.store.schema`), so changing the live schema can never change
what an old step does. A new schema version adds a step here and bumps `SCHEMA_VERSION`; the upgrade tests then
build every earlier version and check that the upgraded store has exactly the schema a fresh one gets.
`v1_metadata()` is the first schema, the starting point of those tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection

__all__ = ["MIGRATIONS", "upgrade", "v1_metadata"]


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


def _v2_tables(md: sa.MetaData) -> tuple[sa.Table, sa.Table, sa.Table]:
    """Revisions, the audit log and the re-keyed scene table, as version 2 created them (frozen)."""
    revisions = sa.Table(
        "survey_revisions", md,
        sa.Column("survey_id", sa.String(64), sa.ForeignKey("surveys.id"), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False), sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False), sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False))
    audit = sa.Table(
        "audit_log", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False), sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False), sa.Column("survey_id", sa.String(64)),
        sa.Column("revision", sa.Integer), sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False), sa.Column("rows", sa.Integer),
        sa.Column("detail", sa.Text, nullable=False))
    scenes = sa.Table(
        "scenes_v2", md,
        sa.Column("survey_id", sa.String(64), sa.ForeignKey("surveys.id"), primary_key=True),
        sa.Column("revision", sa.Integer, primary_key=True), sa.Column("scene_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False), sa.Column("kommun_kod", sa.String(4), nullable=False),
        sa.Column("kommun", sa.String(100), nullable=False),
        sa.Column("lokalpolisomrade", sa.String(64), nullable=False), sa.Column("stadsdel", sa.String(64)),
        sa.Column("categories", sa.Text, nullable=False), sa.Column("status", sa.String(32)),
        sa.Column("impact", sa.Integer), sa.Column("predecessors", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False), sa.Column("area_m2", sa.Float),
        sa.Column("geometry_wkt", sa.Text, nullable=False))
    return revisions, audit, scenes


def _v1_to_v2(conn: Connection) -> None:
    """Revisions and the audit log: scenes get a `revision` in their key; every survey becomes revision 1."""
    md = sa.MetaData()
    sa.Table("surveys", md, sa.Column("id", sa.String(64), primary_key=True))  # the foreign keys' target
    revisions, audit, scenes = _v2_tables(md)
    revisions.create(conn)
    audit.create(conn)
    conn.execute(sa.text("ALTER TABLE surveys ADD COLUMN current_revision INTEGER NOT NULL DEFAULT 1"))
    # The primary key changes, which SQLite cannot ALTER: build the new table, copy, swap.
    scenes.create(conn)
    columns = [c.name for c in scenes.columns if c.name != "revision"]
    listed = ", ".join(columns)  # column names come from this frozen definition, never from input
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
    md = sa.MetaData()
    sa.Table("users", md,
             sa.Column("username", sa.String(100), primary_key=True),
             sa.Column("password_hash", sa.String(200), nullable=False),
             sa.Column("role", sa.String(20), nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("last_login", sa.DateTime(timezone=True)),
             sa.Column("failed", sa.Integer, nullable=False),
             sa.Column("locked_until", sa.DateTime(timezone=True)))
    md.create_all(conn)
    real = conn.execute(sa.text("SELECT COUNT(*) FROM surveys WHERE demo = :f"), {"f": False}).scalar()
    if real:
        conn.execute(sa.text("INSERT INTO meta (key, value) VALUES ('sign_in_required', '1')"))


def _v3_to_v4(conn: Connection) -> None:
    """Server-side sessions, sign-in throttling per client and per account name, and withdrawn surveys."""
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


def _v4_to_v5(conn: Connection) -> None:
    """The editable reference tables move into the database (`scenes init` seeds them from data/reference/)."""
    md = sa.MetaData()
    sa.Table("reference_tables", md,
             sa.Column("name", sa.String(40), primary_key=True),
             sa.Column("version", sa.Integer, primary_key=True),
             sa.Column("data", sa.Text, nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False),
             sa.Column("note", sa.Text, nullable=False))
    md.create_all(conn)


def _v5_to_v6(conn: Connection) -> None:
    """Measures (versioned, per scene, municipality or police area) and sourced safety indicators."""
    md = sa.MetaData()
    sa.Table("measures", md,
             sa.Column("measure_id", sa.String(64), primary_key=True),
             sa.Column("version", sa.Integer, primary_key=True),
             sa.Column("scene_id", sa.String(64)),
             sa.Column("kommun_kod", sa.String(4)),
             sa.Column("lokalpolisomrade", sa.String(64)),
             sa.Column("kind", sa.String(64), nullable=False),
             sa.Column("actor", sa.String(64), nullable=False),
             sa.Column("status", sa.String(16), nullable=False),
             sa.Column("start_date", sa.Date),
             sa.Column("end_date", sa.Date),
             sa.Column("note", sa.Text, nullable=False),
             sa.Column("demo", sa.Boolean, nullable=False),
             sa.Column("removed", sa.Boolean, nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False),
             sa.Index("ix_measures_scene_id", "scene_id"))
    sa.Table("indicators", md,
             sa.Column("indicator", sa.String(200), primary_key=True),
             sa.Column("area_level", sa.String(20), primary_key=True),
             sa.Column("area_code", sa.String(64), primary_key=True),
             sa.Column("date", sa.Date, primary_key=True),
             sa.Column("value", sa.Float, nullable=False),
             sa.Column("unit", sa.String(100), nullable=False),
             sa.Column("source", sa.Text, nullable=False),
             sa.Column("source_url", sa.Text, nullable=False),
             sa.Column("note", sa.Text, nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False))
    md.create_all(conn)


def _v6_to_v7(conn: Connection) -> None:
    """Who has signed in through the organisation's provider, and each provider sign-in accepted."""
    md = sa.MetaData()
    sa.Table("identities", md,
             sa.Column("username", sa.String(200), primary_key=True),
             sa.Column("role", sa.String(20)),
             sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
             sa.Column("last_login", sa.DateTime(timezone=True), nullable=False),
             sa.Column("blocked_at", sa.DateTime(timezone=True)),
             sa.Column("blocked_by", sa.String(200)))
    sa.Table("identity_signins", md,
             sa.Column("key_hash", sa.String(64), primary_key=True),
             sa.Column("username", sa.String(200), nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))
    md.create_all(conn)


def _v7_to_v8(conn: Connection) -> None:
    """Follow-ups in the making: the drafts and their scenes, versioned per scene."""
    md = sa.MetaData()
    sa.Table("followups", md,
             sa.Column("followup_id", sa.String(64), primary_key=True),
             sa.Column("base_survey_id", sa.String(64), nullable=False),
             sa.Column("name", sa.String(200), nullable=False),
             sa.Column("state", sa.String(16), nullable=False),
             sa.Column("demo", sa.Boolean, nullable=False),
             sa.Column("edits", sa.Integer, nullable=False),
             sa.Column("published_survey_id", sa.String(64)),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False))
    sa.Table("followup_scenes", md,
             sa.Column("followup_id", sa.String(64), sa.ForeignKey("followups.followup_id"), primary_key=True),
             sa.Column("scene_id", sa.String(64), primary_key=True),
             sa.Column("version", sa.Integer, primary_key=True),
             sa.Column("visit", sa.String(16), nullable=False),
             sa.Column("name", sa.String(300), nullable=False),
             sa.Column("kommun_kod", sa.String(4), nullable=False),
             sa.Column("kommun", sa.String(100), nullable=False),
             sa.Column("lokalpolisomrade", sa.String(64), nullable=False),
             sa.Column("stadsdel", sa.String(64)),
             sa.Column("categories", sa.Text, nullable=False),
             sa.Column("status", sa.String(32)),
             sa.Column("impact", sa.Integer),
             sa.Column("predecessors", sa.Text, nullable=False),
             sa.Column("notes", sa.Text, nullable=False),
             sa.Column("geometry_wkt", sa.Text, nullable=False),
             sa.Column("position", sa.Integer, nullable=False),
             sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
             sa.Column("created_by", sa.String(200), nullable=False))
    md.create_all(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5,
                                                       5: _v5_to_v6, 6: _v6_to_v7, 7: _v7_to_v8}


def upgrade(conn: Connection, current: int, target: int) -> Iterator[int]:
    """Run the steps from version `current` to `target` in the caller's transaction; yields each version reached."""
    for step in range(current, target):
        MIGRATIONS[step](conn)
        yield step + 1
