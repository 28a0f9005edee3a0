"""The live schema: every table the store reads and writes, shared by the store's parts and the tests.

A fresh database is created from `metadata` and stamped with `SCHEMA_VERSION`. Migration steps never import
these definitions (see `scenes.store.migrations`): each step describes the tables as its own version had them,
so a change here cannot change what an old step does. A test checks that a store migrated from version 1 has
exactly the schema a fresh one gets.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["AUDIT_ACTIONS", "SCHEMA_VERSION", "metadata"]

SCHEMA_VERSION = 8

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

surveys = sa.Table(
    "surveys",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("demo", sa.Boolean, nullable=False, default=False),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False, default=""),
    sa.Column("current_revision", sa.Integer, nullable=False, server_default="1"),
    sa.Column("withdrawn", sa.Boolean, nullable=False, server_default=sa.false()),
)

survey_revisions = sa.Table(
    "survey_revisions",
    metadata,
    sa.Column("survey_id", sa.String(64), sa.ForeignKey("surveys.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False, default=""),
    sa.Column("file_name", sa.String(300), nullable=False, default=""),
    sa.Column("sha256", sa.String(64), nullable=False, default=""),
    sa.Column("rows", sa.Integer, nullable=False, default=0),
    sa.Column("note", sa.Text, nullable=False, default=""),
)

#: every action the audit log records; each has its words in the catalogue (`audit.<action>`)
AUDIT_ACTIONS = ("publish", "revise", "rollback", "withdraw", "restore", "demo-remove", "seminar", "seminar-import",
                 "goal", "reference-seed", "measure", "measure-import", "indicator", "indicator-import",
                 "indicator-remove", "reference-edit", "user-add", "user-remove", "role-change",
                 "password-change", "unlock", "sign-in", "sign-in-failed", "sign-out", "session-expired",
                 "first-admin", "setup-code-failed", "sessions-ended", "identity-block",
                 "identity-unblock", "sign-in-refused", "backup", "restore-backup", "followup-start",
                 "followup-edit", "followup-publish", "followup-discard")

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False, default=""),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("survey_id", sa.String(64)),
    sa.Column("revision", sa.Integer),
    sa.Column("file_name", sa.String(300), nullable=False, default=""),
    sa.Column("sha256", sa.String(64), nullable=False, default=""),
    sa.Column("rows", sa.Integer),
    sa.Column("detail", sa.Text, nullable=False, default=""),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(100), primary_key=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_login", sa.DateTime(timezone=True)),
    sa.Column("failed", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.DateTime(timezone=True)),
)

#: Signed-in sessions. The browser holds only a signed, opaque token carrying the session's random id; the table
#: keeps the id's SHA-256, so a copy of the database hands out no live session.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # "local" or "oidc"
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_sessions_username", "username"),
)

#: Everyone who has signed in through the organisation's provider (OIDC): the role their claims gave at the last
#: sign-in, when, and whether an administrator has blocked the identity. Local accounts live in `users`.
identities = sa.Table(
    "identities",
    metadata,
    sa.Column("username", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20)),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_login", sa.DateTime(timezone=True), nullable=False),
    sa.Column("blocked_at", sa.DateTime(timezone=True)),
    sa.Column("blocked_by", sa.String(200)),
)

#: Each provider sign-in (one ID token) the app has accepted, by SHA-256 of its issuer, subject, issue time and
#: nonce. The provider's sign-in is kept in Streamlit's identity cookie for 30 days; a sign-in seen here whose
#: session has ended (signed out, expired, ended by an administrator, a restore) is refused when it comes back.
identity_signins = sa.Table(
    "identity_signins",
    metadata,
    sa.Column("key_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

#: Failed sign-in attempts per client and per account name (known or not): the delay they earn.
throttle = sa.Table(
    "throttle",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure", sa.DateTime(timezone=True), nullable=False),
    sa.Column("locked_until", sa.DateTime(timezone=True)),
)

scenes = sa.Table(
    "scenes",
    metadata,
    sa.Column("survey_id", sa.String(64), sa.ForeignKey("surveys.id"), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("scene_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("kommun_kod", sa.String(4), nullable=False),
    sa.Column("kommun", sa.String(100), nullable=False),
    sa.Column("lokalpolisomrade", sa.String(64), nullable=False),
    sa.Column("stadsdel", sa.String(64)),
    sa.Column("categories", sa.Text, nullable=False),  # JSON array of codes
    sa.Column("status", sa.String(32)),
    sa.Column("impact", sa.Integer),
    sa.Column("predecessors", sa.Text, nullable=False),  # JSON array of scene ids
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("area_m2", sa.Float),
    sa.Column("geometry_wkt", sa.Text, nullable=False),
    sa.Index("ix_scenes_scene_id", "scene_id"),
)

seminars = sa.Table(
    "seminars",
    metadata,
    sa.Column("seminar_id", sa.String(100), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),  # the seminar's JSON form (reference.seminar_to_dict)
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.String(200), nullable=False, default=""),
)

app_settings = sa.Table(
    "app_settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),  # JSON
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.String(200), nullable=False, default=""),
)

#: Administrators' versions of the editable reference tables (categories, statuses, municipal populations).
#: Every save adds a version; the newest is current; the shipped files in data/reference/ seed version 1.
reference_tables = sa.Table(
    "reference_tables",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("data", sa.Text, nullable=False),  # JSON: {"columns": [...], "rows": [[text or null, ...], ...]}
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)

#: Measures (åtgärder): every save of a measure adds a version; the newest is current. A measure belongs to one
#: scene (by its stable id, so it follows the scene across surveys, merges and splits), or to a municipality or a
#: local police area. `removed` marks a measure entered by mistake (kept in history, shown nowhere else).
measures = sa.Table(
    "measures",
    metadata,
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
    sa.Index("ix_measures_scene_id", "scene_id"),
)

#: Safety indicators: one sourced value per indicator, area and date (county: area_code "").
indicators = sa.Table(
    "indicators",
    metadata,
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
    sa.Column("created_by", sa.String(200), nullable=False),
)

#: Follow-ups in the making (drafts): which survey each follows, whether it is open, published (and as which survey)
#: or discarded, and how many edits it has had (a publish names the count it reviewed).
followups = sa.Table(
    "followups",
    metadata,
    sa.Column("followup_id", sa.String(64), primary_key=True),
    sa.Column("base_survey_id", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("demo", sa.Boolean, nullable=False),
    sa.Column("edits", sa.Integer, nullable=False),
    sa.Column("published_survey_id", sa.String(64)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

#: A follow-up's scenes: every save of a scene adds a version; the newest is current (`scenes.domain.followup`).
followup_scenes = sa.Table(
    "followup_scenes",
    metadata,
    sa.Column("followup_id", sa.String(64), sa.ForeignKey("followups.followup_id"), primary_key=True),
    sa.Column("scene_id", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("visit", sa.String(16), nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("kommun_kod", sa.String(4), nullable=False),
    sa.Column("kommun", sa.String(100), nullable=False),
    sa.Column("lokalpolisomrade", sa.String(64), nullable=False),
    sa.Column("stadsdel", sa.String(64)),
    sa.Column("categories", sa.Text, nullable=False),  # JSON array of codes
    sa.Column("status", sa.String(32)),
    sa.Column("impact", sa.Integer),
    sa.Column("predecessors", sa.Text, nullable=False),  # JSON array of scene ids of the survey followed
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("geometry_wkt", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # the draft's order: the survey followed's, then as drawn
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)
