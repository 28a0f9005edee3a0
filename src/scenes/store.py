"""Storage: surveys, scene observations, seminars and settings, through SQLAlchemy 2 Core.

The store takes an injected engine; SQLite is the default, any SQLAlchemy URL works (PostgreSQL via
`postgresql+psycopg://`). Geometry is stored as WKT text in WGS 84, so no spatial extension is needed.

Schema versions: a fresh database gets the current schema and is stamped with `SCHEMA_VERSION`; an older
database is brought forward by the steps in `scenes.migrations`, in order, inside one transaction, so an
upgrade keeps existing data. A database newer than this code is refused rather than guessed at.

Published surveys are never overwritten: a corrected upload becomes a new *revision* of the survey; every
revision is kept and any of them can be made current again (rollback). Every write is one transaction and leaves
a line in the audit log (who, when, what, file name and SHA-256).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from scenes.errors import NotFoundError, StoreError
from scenes.formats import empty_scene_frame, normalise_scene_frame
from scenes.geo import WGS84
from scenes.model import EXAMPLE_GOAL, Goal, Seminar, Survey, SurveyKind
from scenes.reference import seminar_from_dict, seminar_to_dict
from scenes.settings import Settings

__all__ = ["SCHEMA_VERSION", "Store", "create_engine_for", "shown_surveys"]

SCHEMA_VERSION = 4

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
                 "goal", "reference-edit", "user-add", "user-remove", "role-change", "password-change", "unlock",
                 "sign-in", "sign-in-failed", "sign-out", "session-expired", "first-admin", "setup-code-failed")

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

def _migrations() -> dict[int, Callable[[Connection], None]]:
    from scenes.migrations import MIGRATIONS as steps

    return steps


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_engine_for(url: str) -> Engine:
    """An engine for `url`; for SQLite files, creates the folder and turns on foreign keys."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
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


def _json_lists(values: Iterable[str]) -> list[list[str]]:
    """Decode a column of JSON lists. The same text repeats over thousands of rows (a scene's category codes), so
    each distinct text is decoded once; every row still gets its own list."""
    decoded: dict[str, list[str]] = {}
    out = []
    for value in values:
        hit = decoded.get(value)
        if hit is None:
            hit = decoded[value] = json.loads(value)
        out.append(list(hit))
    return out


class Store:
    """The dashboard's data, behind one object. Every write is a single transaction and names its actor."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(scenes_write=True)  # every write: `with self.write() as conn`

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        return cls(create_engine_for(settings.effective_database_url))

    # -- schema ------------------------------------------------------------------------------------------
    def version(self) -> int | None:
        """Schema version of the database, or None when it has no schema yet."""
        if not sa.inspect(self.engine).has_table("schema_version"):
            return None
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()

    def ensure_schema(self) -> None:
        """Create the schema on an empty database, or migrate an older one forward."""
        with self._writer.begin() as conn:
            # Read the version inside the write transaction, so two processes starting at once cannot both
            # create or both migrate the schema.
            current = None
            if sa.inspect(conn).has_table("schema_version"):
                current = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
            if current is not None and current > SCHEMA_VERSION:
                raise StoreError(
                    f"The database has schema version {current}, newer than this program's {SCHEMA_VERSION}. "
                    "Upgrade the program; it will not modify a newer database.",
                    code="schema_newer", current=current, version=SCHEMA_VERSION
                )
            if current is None:
                metadata.create_all(conn)
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION, applied_at=_now()))
                conn.execute(meta.insert().values(key="data_version", value="0"))
                return
            steps = _migrations()
            for step in range(current, SCHEMA_VERSION):
                steps[step](conn)
                conn.execute(schema_version.insert().values(version=step + 1, applied_at=_now()))

    def _require_schema(self) -> None:
        if self.version() is None:
            raise StoreError("The store has no schema yet. Run `scenes init` (or `scenes init --demo`).",
                             code="no_schema")

    @staticmethod
    def set_meta(conn: Connection, key: str, value: str | None) -> None:
        """Set (or with None, delete) a flag inside the caller's write transaction."""
        conn.execute(meta.delete().where(meta.c.key == key))
        if value is not None:
            conn.execute(meta.insert().values(key=key, value=value))

    def meta_value(self, key: str) -> str | None:
        self._require_schema()
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()
        return None if value is None else str(value)

    def demo_mode(self) -> bool:
        """True while the store holds only demo data and no account was ever made: no sign-in needed.

        Creating the first account or publishing real data sets a lasting flag; deleting them again does not bring
        demo mode back.
        """
        return self.meta_value("sign_in_required") != "1" and self.is_demo_only()

    def data_version(self) -> int:
        """A number that grows with every write: caches key on it so pages see new data without a restart."""
        self._require_schema()
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "data_version")).scalar()
        return int(value or 0)

    @staticmethod
    def bump(conn: Connection) -> None:
        """Tell every cache that the data changed (inside the caller's write transaction)."""
        conn.execute(meta.update().where(meta.c.key == "data_version").values(
            value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.Text)))

    # -- writing -----------------------------------------------------------------------------------------
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
        conn.execute(audit_log.insert().values(at=_now(), actor=actor[:200], action=action, survey_id=survey_id,
                                               revision=revision, file_name=file_name, sha256=sha256, rows=rows,
                                               detail=detail))

    def record(self, action: str, *, actor: str, detail: str = "", survey_id: str | None = None) -> None:
        """Add an audit entry for an action outside the data writes (e.g. a sign-in)."""
        with self.write() as conn:
            self.audit_entry(conn, action, actor=actor, survey_id=survey_id, detail=detail)

    # -- surveys -----------------------------------------------------------------------------------------
    def add_survey(self, survey: Survey, frame: gpd.GeoDataFrame, *, actor: str, file_name: str = "",
                   sha256: str = "") -> Survey:
        """Publish a new survey (revision 1) and its scenes in one transaction. An existing id is refused."""
        frame = normalise_scene_frame(frame)
        stored = Survey(
            id=survey.id, name=survey.name, date=survey.date, kind=survey.kind, source=survey.source,
            demo=survey.demo, notes=survey.notes, created_at=_now(), created_by=actor, revision=1,
        )
        with self.write() as conn:
            exists = conn.execute(sa.select(surveys.c.id).where(surveys.c.id == stored.id)).first()
            if exists:
                raise StoreError(f"A survey with id {stored.id!r} is already published; it is never overwritten. "
                                 "Upload the corrected file as a new revision of it, or choose another id.",
                                 code="survey_exists", id=stored.id)
            conn.execute(surveys.insert().values(
                id=stored.id, name=stored.name, date=stored.date, kind=str(stored.kind), source=stored.source,
                demo=stored.demo, notes=stored.notes, created_at=stored.created_at, created_by=stored.created_by,
                current_revision=1, withdrawn=False,
            ))
            self._write_revision(conn, stored.id, 1, frame, created_by=actor, file_name=file_name,
                                 sha256=sha256, note="")
            self.audit_entry(conn, "publish", actor=actor, survey_id=stored.id, revision=1, file_name=file_name,
                             sha256=sha256, rows=len(frame),
                             detail=f"{stored.name} ({stored.date.isoformat()}, {stored.kind})")
            if not stored.demo:  # real data: from now on everyone signs in (demo mode never returns silently)
                self.set_meta(conn, "sign_in_required", "1")
        return stored

    def add_revision(self, survey_id: str, frame: gpd.GeoDataFrame, *, actor: str, file_name: str = "",
                     sha256: str = "", note: str = "") -> int:
        """Publish corrected data for a survey as its next revision (made current); earlier ones are kept."""
        frame = normalise_scene_frame(frame)
        with self.write() as conn:
            row = conn.execute(sa.select(surveys.c.id).where(surveys.c.id == survey_id)).first()
            if row is None:
                raise NotFoundError(f"No survey with id {survey_id!r} to revise.", code="survey_unknown", id=survey_id)
            latest = conn.execute(sa.select(sa.func.max(survey_revisions.c.revision))
                                  .where(survey_revisions.c.survey_id == survey_id)).scalar() or 0
            revision = int(latest) + 1
            self._write_revision(conn, survey_id, revision, frame, created_by=actor, file_name=file_name,
                                 sha256=sha256, note=note)
            conn.execute(surveys.update().where(surveys.c.id == survey_id).values(current_revision=revision))
            self.audit_entry(conn, "revise", actor=actor, survey_id=survey_id, revision=revision,
                             file_name=file_name, sha256=sha256, rows=len(frame), detail=note)
        return revision

    def rollback(self, survey_id: str, revision: int, *, actor: str) -> None:
        """Make an earlier (or later) revision of a survey current again."""
        with self.write() as conn:
            known = conn.execute(sa.select(survey_revisions.c.revision).where(
                survey_revisions.c.survey_id == survey_id)).scalars().all()
            if revision not in known:
                raise NotFoundError(f"Survey {survey_id!r} has no revision {revision}. Revisions: "
                                    f"{', '.join(map(str, sorted(known))) or 'none'}.",
                                    code="revision_unknown", id=survey_id, revision=revision)
            conn.execute(surveys.update().where(surveys.c.id == survey_id).values(current_revision=revision))
            self.audit_entry(conn, "rollback", actor=actor, survey_id=survey_id, revision=revision,
                             detail=f"revision {revision} made current")
            self.bump(conn)  # every page's cache keys on the data version: the rollback shows at once

    def set_withdrawn(self, survey_id: str, withdrawn: bool, *, actor: str, reason: str = "") -> None:
        """Withdraw a published survey (hidden from every figure and map, kept in history) or restore it."""
        with self.write() as conn:
            current = conn.execute(sa.select(surveys.c.withdrawn).where(surveys.c.id == survey_id)).first()
            if current is None:
                raise NotFoundError(f"No survey with id {survey_id!r}.", code="survey_unknown", id=survey_id)
            if bool(current[0]) == withdrawn:
                state = "withdrawn" if withdrawn else "shown"
                raise StoreError(f"The survey {survey_id!r} is already {state}; nothing was changed.",
                                 code=f"already_{state}", id=survey_id)
            conn.execute(surveys.update().where(surveys.c.id == survey_id).values(withdrawn=withdrawn))
            self.audit_entry(conn, "withdraw" if withdrawn else "restore", actor=actor, survey_id=survey_id,
                             detail=reason[:2000])
            self.bump(conn)

    def remove_demo_surveys(self, *, actor: str) -> list[str]:
        """Delete every demo survey with its revisions and scenes, in one audited transaction. Returns their ids."""
        with self.write() as conn:
            ids = list(conn.execute(sa.select(surveys.c.id).where(surveys.c.demo == sa.true())
                                    .order_by(surveys.c.id)).scalars())
            if not ids:
                return []
            conn.execute(scenes.delete().where(scenes.c.survey_id.in_(ids)))
            conn.execute(survey_revisions.delete().where(survey_revisions.c.survey_id.in_(ids)))
            conn.execute(surveys.delete().where(surveys.c.id.in_(ids)))
            self.set_meta(conn, "demo_removed", "1")
            self.audit_entry(conn, "demo-remove", actor=actor, detail=", ".join(ids))
            self.bump(conn)
        return ids

    def revisions(self, survey_id: str | None = None) -> pd.DataFrame:
        """Every revision (of one survey or all), with who, when, file, SHA-256 and row count."""
        self._require_schema()
        query = (sa.select(survey_revisions, surveys.c.current_revision)
                 .join(surveys, surveys.c.id == survey_revisions.c.survey_id)
                 .order_by(survey_revisions.c.survey_id, survey_revisions.c.revision))
        if survey_id is not None:
            query = query.where(survey_revisions.c.survey_id == survey_id)
        with self.engine.connect() as conn:
            table = pd.DataFrame(conn.execute(query).mappings().all())
        if table.empty:
            return pd.DataFrame(columns=["survey_id", "revision", "created_at", "created_by", "file_name", "sha256",
                                         "rows", "note", "current"])
        table["current"] = table["revision"] == table.pop("current_revision")
        return table

    def audit(self, limit: int = 500) -> pd.DataFrame:
        """The newest audit-log entries first."""
        self._require_schema()
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).mappings().all()
        return pd.DataFrame(rows, columns=[c.name for c in audit_log.columns])

    #: rows per INSERT statement; a survey is written in chunks inside one transaction
    CHUNK = 2000

    def _write_revision(self, conn: Connection, survey_id: str, revision: int, frame: gpd.GeoDataFrame, *,
                        created_by: str, file_name: str, sha256: str, note: str) -> None:
        conn.execute(survey_revisions.insert().values(
            survey_id=survey_id, revision=revision, created_at=_now(), created_by=created_by, file_name=file_name,
            sha256=sha256, rows=len(frame), note=note))
        rows = _scene_rows(survey_id, revision, frame)
        for start in range(0, len(rows), self.CHUNK):
            self._insert_chunk(conn, rows[start:start + self.CHUNK])
        self.bump(conn)

    def _insert_chunk(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        conn.execute(scenes.insert(), rows)

    def all_surveys(self) -> list[Survey]:
        """Every stored survey, oldest first: demo, real and withdrawn alike (for history and administration)."""
        self._require_schema()
        with self.engine.connect() as conn:
            result = conn.execute(sa.select(surveys).order_by(surveys.c.date, surveys.c.id)).mappings().all()
        return [_survey_from_row(r) for r in result]

    def surveys(self) -> list[Survey]:
        """The surveys every figure and map is made of, oldest first.

        Withdrawn surveys are left out; so are demo surveys as soon as one real survey is shown, so fictitious
        and real figures never mix, whether or not the demo surveys were removed yet.
        """
        return shown_surveys(self.all_surveys())

    def survey(self, survey_id: str) -> Survey:
        """One survey by id (shown or not)."""
        self._require_schema()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(surveys).where(surveys.c.id == survey_id)).mappings().first()
        if row is None:
            known = ", ".join(s.id for s in self.all_surveys()) or "none"
            raise NotFoundError(f"No survey with id {survey_id!r}. Known surveys: {known}.", code="survey_unknown",
                                id=survey_id)
        return _survey_from_row(row)

    def scenes(self, survey_id: str | None = None) -> gpd.GeoDataFrame:
        """Scene observations of one survey, or of every shown survey (see `surveys`) when `survey_id` is None."""
        self._require_schema()
        query = (sa.select(scenes).join(surveys, sa.and_(surveys.c.id == scenes.c.survey_id,
                                                         surveys.c.current_revision == scenes.c.revision))
                 .order_by(scenes.c.survey_id, scenes.c.scene_id))
        if survey_id is not None:
            self.survey(survey_id)  # raises NotFoundError with the known ids
            query = query.where(scenes.c.survey_id == survey_id)
        else:
            query = query.where(scenes.c.survey_id.in_([s.id for s in self.surveys()]))
        with self.engine.connect() as conn:
            result = conn.execute(query)
            keys, rows = list(result.keys()), result.fetchall()
        # Column by column from plain tuples: pandas probes each Row object otherwise (a third of the read's time).
        table = pd.DataFrame(dict(zip(keys, zip(*rows, strict=True), strict=True)) if rows else {k: [] for k in keys})
        if table.empty:
            return empty_scene_frame()
        table = table.drop(columns="revision")
        table["categories"] = _json_lists(table["categories"])
        table["predecessors"] = _json_lists(table["predecessors"])
        geometry = shapely.from_wkt(table.pop("geometry_wkt").to_numpy())
        return normalise_scene_frame(gpd.GeoDataFrame(table, geometry=geometry, crs=WGS84))

    def is_demo_only(self) -> bool:
        """True when every stored survey is demo data (or there are none)."""
        return all(s.demo for s in self.all_surveys())

    # -- seminars ----------------------------------------------------------------------------------------
    def seminars(self) -> list[Seminar]:
        """All seminars, by date (unknown dates placed by their registration deadline)."""
        self._require_schema()
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(seminars.c.data)).scalars().all()
        items = [seminar_from_dict(json.loads(r)) for r in rows]
        return sorted(items, key=lambda s: (s.timeline_date or dt.date.max, s.seminar_id))

    def save_seminars(self, items: Iterable[Seminar], *, actor: str, action: str = "seminar") -> None:
        """Insert or replace seminars by id, all in one transaction."""
        with self.write() as conn:
            for item in items:
                conn.execute(seminars.delete().where(seminars.c.seminar_id == item.seminar_id))
                conn.execute(seminars.insert().values(
                    seminar_id=item.seminar_id, data=json.dumps(seminar_to_dict(item), ensure_ascii=False),
                    updated_at=_now(), updated_by=actor,
                ))
                self.audit_entry(conn, action, actor=actor, detail=f"{item.seminar_id}: {item.title}")
            self.bump(conn)

    # -- settings ------------------------------------------------------------------------------------------
    def goal(self) -> Goal:
        """The steering group's goal, or the shipped example until one is saved."""
        self._require_schema()
        with self.engine.connect() as conn:
            raw = conn.execute(sa.select(app_settings.c.value).where(app_settings.c.key == "goal")).scalar()
        if raw is None:
            return EXAMPLE_GOAL
        d = json.loads(raw)
        return Goal(target_count=int(d["target_count"]), target_date=dt.date.fromisoformat(d["target_date"]),
                    target_area_m2=d.get("target_area_m2"), is_example=False,
                    baseline_survey_id=d.get("baseline_survey_id"))

    def set_goal(self, goal: Goal, *, actor: str) -> None:
        value = json.dumps({"target_count": goal.target_count, "target_date": goal.target_date.isoformat(),
                            "target_area_m2": goal.target_area_m2, "baseline_survey_id": goal.baseline_survey_id})
        with self.write() as conn:
            conn.execute(app_settings.delete().where(app_settings.c.key == "goal"))
            conn.execute(app_settings.insert().values(key="goal", value=value, updated_at=_now(), updated_by=actor))
            self.audit_entry(conn, "goal", actor=actor, detail=value)
            self.bump(conn)


def shown_surveys(every: list[Survey]) -> list[Survey]:
    """The rule for what figures are made of: no withdrawn survey, and no demo survey beside a real one."""
    present = [s for s in every if not s.withdrawn]
    real = [s for s in present if not s.demo]
    return real if real else present


def _survey_from_row(r: Any) -> Survey:
    created = r["created_at"]
    if created is not None and created.tzinfo is None:  # SQLite returns naive datetimes
        created = created.replace(tzinfo=dt.UTC)
    return Survey(id=r["id"], name=r["name"], date=r["date"], kind=SurveyKind(r["kind"]), source=r["source"],
                  demo=bool(r["demo"]), notes=r["notes"], created_at=created, created_by=r["created_by"],
                  revision=int(r["current_revision"]), withdrawn=bool(r["withdrawn"]))


def _scene_rows(survey_id: str, revision: int, frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    wkt = shapely.to_wkt(frame.geometry.values, rounding_precision=7)
    rows = []
    for record, geometry_wkt in zip(frame.drop(columns="geometry").to_dict("records"), wkt, strict=True):
        impact = record["impact"]
        area = record["area_m2"]
        rows.append({
            "survey_id": survey_id,
            "revision": revision,
            "scene_id": record["scene_id"],
            "name": record["name"] or "",
            "kommun_kod": record["kommun_kod"],
            "kommun": record["kommun"] or "",
            "lokalpolisomrade": record["lokalpolisomrade"] or "",
            "stadsdel": record["stadsdel"],
            "categories": json.dumps(list(record["categories"])),
            "status": record["status"],
            "impact": None if pd.isna(impact) else int(impact),
            "predecessors": json.dumps(list(record["predecessors"])),
            "notes": record["notes"] or "",
            "area_m2": None if pd.isna(area) else float(area),
            "geometry_wkt": str(geometry_wkt),
        })
    return rows
