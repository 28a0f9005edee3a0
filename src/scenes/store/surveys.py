"""Surveys, their revisions and their scene observations.

Published surveys are never overwritten: a corrected upload becomes a new *revision*; every revision is kept and
any of them can be made current again (rollback). A survey can be withdrawn (hidden from every figure, kept in
history) and shown again. Each write is one transaction with its audit line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from scenes.errors import NotFoundError, StoreError
from scenes.geo import WGS84
from scenes.io.formats import empty_scene_frame, normalise_scene_frame
from scenes.model import Survey, SurveyKind
from scenes.store.base import StoreBase, now
from scenes.store.schema import followup_scenes, followups, measures, scenes, survey_revisions, surveys

__all__ = ["SurveyStore", "shown_surveys"]


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



#: the longest survey id and name the table holds (PostgreSQL refuses a longer value; SQLite would keep it)
MAX_SURVEY_ID, MAX_SURVEY_NAME = 64, 200


def _check_survey_fields(survey: Survey) -> None:
    """A survey's id and name fit their columns, checked before anything is written (every survey inserted passes
    here: an upload, an import, a follow-up's publish)."""
    if not 0 < len(survey.id) <= MAX_SURVEY_ID:
        raise StoreError(f"A survey id has 1 to {MAX_SURVEY_ID} characters; this one has {len(survey.id)}. Choose a "
                         "shorter one.", code="survey_id_length", length=len(survey.id), limit=MAX_SURVEY_ID)
    if not 0 < len(survey.name.strip()) <= MAX_SURVEY_NAME:
        raise StoreError(f"A survey's name has 1 to {MAX_SURVEY_NAME} characters; this one has {len(survey.name)}. "
                         "Shorten it.", code="survey_name_length", length=len(survey.name), limit=MAX_SURVEY_NAME)


class SurveyStore(StoreBase):
    """Surveys, revisions and scenes."""

    # -- surveys -----------------------------------------------------------------------------------------
    def add_survey(self, survey: Survey, frame: gpd.GeoDataFrame, *, actor: str, file_name: str = "",
                   sha256: str = "") -> Survey:
        """Publish a new survey (revision 1) and its scenes in one transaction. An existing id is refused."""
        with self.write() as conn:
            return self._insert_survey(conn, survey, frame, actor=actor, file_name=file_name, sha256=sha256)

    def _insert_survey(self, conn: Connection, survey: Survey, frame: gpd.GeoDataFrame, *, actor: str,
                       file_name: str, sha256: str) -> Survey:
        """`add_survey` inside the caller's write transaction (a follow-up's publish marks its draft in the same)."""
        _check_survey_fields(survey)
        frame = normalise_scene_frame(frame)
        stored = Survey(
            id=survey.id, name=survey.name, date=survey.date, kind=survey.kind, source=survey.source,
            demo=survey.demo, notes=survey.notes, created_at=now(), created_by=actor, revision=1,
        )
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
        """Delete every demo survey with its revisions and scenes, the demo measures and the follow-ups of demo surveys,
        in one audited transaction.
        Returns the surveys' ids."""
        with self.write() as conn:
            ids = list(conn.execute(sa.select(surveys.c.id).where(surveys.c.demo == sa.true())
                                    .order_by(surveys.c.id)).scalars())
            if not ids:
                return []
            conn.execute(scenes.delete().where(scenes.c.survey_id.in_(ids)))
            conn.execute(survey_revisions.delete().where(survey_revisions.c.survey_id.in_(ids)))
            conn.execute(surveys.delete().where(surveys.c.id.in_(ids)))
            conn.execute(measures.delete().where(measures.c.demo == sa.true()))
            demo_drafts = sa.select(followups.c.followup_id).where(followups.c.demo == sa.true())
            conn.execute(followup_scenes.delete().where(followup_scenes.c.followup_id.in_(demo_drafts)))
            conn.execute(followups.delete().where(followups.c.demo == sa.true()))
            self.set_meta(conn, "demo_removed", "1")
            self.audit_entry(conn, "demo-remove", actor=actor, detail=", ".join(ids))
            self.bump(conn)
        return ids

    def revisions(self, survey_id: str | None = None) -> pd.DataFrame:
        """Every revision (of one survey or all), with who, when, file, SHA-256 and row count."""
        query = (sa.select(survey_revisions, surveys.c.current_revision)
                 .join(surveys, surveys.c.id == survey_revisions.c.survey_id)
                 .order_by(survey_revisions.c.survey_id, survey_revisions.c.revision))
        if survey_id is not None:
            query = query.where(survey_revisions.c.survey_id == survey_id)
        with self.read() as conn:
            table = pd.DataFrame(conn.execute(query).mappings().all())
        if table.empty:
            return pd.DataFrame(columns=["survey_id", "revision", "created_at", "created_by", "file_name", "sha256",
                                         "rows", "note", "current"])
        table["current"] = table["revision"] == table.pop("current_revision")
        return table

    #: rows per INSERT statement; a survey is written in chunks inside one transaction
    CHUNK = 2000

    def _write_revision(self, conn: Connection, survey_id: str, revision: int, frame: gpd.GeoDataFrame, *,
                        created_by: str, file_name: str, sha256: str, note: str) -> None:
        conn.execute(survey_revisions.insert().values(
            survey_id=survey_id, revision=revision, created_at=now(), created_by=created_by, file_name=file_name,
            sha256=sha256, rows=len(frame), note=note))
        rows = _scene_rows(survey_id, revision, frame)
        for start in range(0, len(rows), self.CHUNK):
            self._insert_chunk(conn, rows[start:start + self.CHUNK])
        self.bump(conn)

    def _insert_chunk(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        conn.execute(scenes.insert(), rows)

    def all_surveys(self) -> list[Survey]:
        """Every stored survey, oldest first: demo, real and withdrawn alike (for history and administration).

        The one survey order, the store's contract: by date, then id (two surveys of one day keep a stable order;
        `Survey.order` is the same key, for comparing two surveys). Every caller relies on it and none re-sorts.
        """
        with self.read() as conn:
            result = conn.execute(sa.select(surveys).order_by(surveys.c.date, surveys.c.id)).mappings().all()
        return [_survey_from_row(r) for r in result]

    def surveys(self) -> list[Survey]:
        """The surveys every figure and map is made of, oldest first (the order of `all_surveys`).

        Withdrawn surveys are left out; so are demo surveys as soon as one real survey is shown, so fictitious
        and real figures never mix, whether or not the demo surveys were removed yet.
        """
        return shown_surveys(self.all_surveys())

    def survey(self, survey_id: str) -> Survey:
        """One survey by id (shown or not)."""
        with self.read() as conn:
            row = conn.execute(sa.select(surveys).where(surveys.c.id == survey_id)).mappings().first()
        if row is None:
            known = ", ".join(s.id for s in self.all_surveys()) or "none"
            raise NotFoundError(f"No survey with id {survey_id!r}. Known surveys: {known}.", code="survey_unknown",
                                id=survey_id)
        return _survey_from_row(row)

    def scenes(self, survey_id: str | None = None) -> gpd.GeoDataFrame:
        """Scene observations of one survey, or of every shown survey (see `surveys`) when `survey_id` is None."""
        query = (sa.select(scenes).join(surveys, sa.and_(surveys.c.id == scenes.c.survey_id,
                                                         surveys.c.current_revision == scenes.c.revision))
                 .order_by(scenes.c.survey_id, scenes.c.scene_id))
        if survey_id is not None:
            query = query.where(scenes.c.survey_id == survey_id)
        else:
            query = query.where(scenes.c.survey_id.in_([s.id for s in self.surveys()]))
        with self.read() as conn:
            result = conn.execute(query)
            keys, rows = list(result.keys()), result.fetchall()
        # Column by column from plain tuples: pandas probes each Row object otherwise (a third of the read's time).
        table = pd.DataFrame(dict(zip(keys, zip(*rows, strict=True), strict=True)) if rows else {k: [] for k in keys})
        if table.empty:
            if survey_id is not None:
                self.survey(survey_id)  # an unknown id raises NotFoundError with the known ids
            return empty_scene_frame()
        table = table.drop(columns="revision")
        table["categories"] = _json_lists(table["categories"])
        table["predecessors"] = _json_lists(table["predecessors"])
        geometry = shapely.from_wkt(table.pop("geometry_wkt").to_numpy())
        return normalise_scene_frame(gpd.GeoDataFrame(table, geometry=geometry, crs=WGS84))

    def demo_mode(self) -> bool:
        """True while the store holds only demo data and no account was ever made: no sign-in needed.

        Creating the first account or publishing real data sets a lasting flag; deleting them again does not bring
        demo mode back.
        """
        return self.meta_value("sign_in_required") != "1" and self.is_demo_only()

    def is_demo_only(self) -> bool:
        """True when every stored survey is demo data (or there are none)."""
        return all(s.demo for s in self.all_surveys())


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
