"""Follow-ups in the making (drafts) in the database: started from a survey, edited scene by scene, published as the
next survey in one transaction (`scenes.domain.followup` holds the rules).

Every save of a draft scene adds a version; the newest is current and every version is kept (who, when). A save
made on top of a version someone else saved meanwhile is refused (`followup_changed`), so two analysts can work on
different scenes of one draft at once and neither undoes the other's change. A draft is never a figure: nothing here
is read by the map, the charts, the report or a download. Drafts do not move the data version (no figure cache
changes); they move their own (`followup_version`). Each write is one transaction with its audit line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import shapely
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from scenes.domain.followup import Draft, DraftScene, Followup, draft_from_survey
from scenes.errors import NotFoundError, StoreError
from scenes.model import Survey
from scenes.store.base import now
from scenes.store.schema import followup_scenes, followups, scenes
from scenes.store.surveys import SurveyStore

__all__ = ["FollowupStore"]

_VERSION_KEY = "followup_version"
_ID = re.compile(r"[A-Za-z0-9._-]{1,56}")  # (a drawn scene's id is the draft's id and "-N<n>": at most 64)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def _followup(r: Any) -> Followup:
    return Followup(followup_id=r["followup_id"], base_survey_id=r["base_survey_id"], name=r["name"],
                    state=r["state"], demo=bool(r["demo"]), created_at=_aware(r["created_at"]) or now(),
                    created_by=r["created_by"], edits=int(r["edits"]), published_survey_id=r["published_survey_id"])


def _scene(r: Any) -> DraftScene:
    return DraftScene(scene_id=r["scene_id"], name=r["name"], kommun_kod=r["kommun_kod"], kommun=r["kommun"],
                      lokalpolisomrade=r["lokalpolisomrade"], stadsdel=r["stadsdel"],
                      geometry=shapely.from_wkt(r["geometry_wkt"]), visit=r["visit"],
                      categories=tuple(json.loads(r["categories"])), status=r["status"], impact=r["impact"],
                      notes=r["notes"], predecessors=tuple(json.loads(r["predecessors"])), version=int(r["version"]),
                      updated_by=r["created_by"], updated_at=_aware(r["created_at"]))


def _row(followup_id: str, scene: DraftScene, version: int, position: int, actor: str,
         at: dt.datetime) -> dict[str, Any]:
    return {"followup_id": followup_id, "scene_id": scene.scene_id, "version": version, "visit": scene.visit,
            "name": scene.name, "kommun_kod": scene.kommun_kod, "kommun": scene.kommun,
            "lokalpolisomrade": scene.lokalpolisomrade, "stadsdel": scene.stadsdel,
            "categories": json.dumps(list(scene.categories), ensure_ascii=False), "status": scene.status,
            "impact": scene.impact, "predecessors": json.dumps(list(scene.predecessors), ensure_ascii=False),
            "notes": scene.notes, "geometry_wkt": shapely.to_wkt(scene.geometry, rounding_precision=7),
            "position": position, "created_at": at, "created_by": actor}


def _same(a: DraftScene, b: DraftScene) -> bool:
    """Whether two values of a scene hold the same content (a save of an unchanged form writes nothing)."""
    def content(s: DraftScene) -> tuple[object, ...]:
        return (s.visit, s.name, s.kommun_kod, s.kommun, s.lokalpolisomrade, s.stadsdel, s.categories, s.status,
                s.impact, s.notes, s.predecessors, shapely.to_wkt(s.geometry, rounding_precision=7))
    return content(a) == content(b)


class FollowupStore(SurveyStore):
    """Follow-up drafts, their versioned scenes, and their publication (as a survey: hence built on `SurveyStore`)."""

    CHUNK = 2000

    def start_followup(self, followup_id: str, base_survey_id: str, name: str, frame: gpd.GeoDataFrame, *,
                       actor: str, demo: bool) -> Draft:
        """A new draft of `frame` (the scenes of `base_survey_id` as published), every scene unvisited, in one
        audited transaction. An id in use is refused."""
        if not _ID.fullmatch(followup_id):
            raise StoreError(f"A follow-up's id is 1 to 56 letters, digits, '.', '-' or '_'; {followup_id[:80]!r} is "
                             "not.", code="followup_id_format", id=followup_id[:80])
        if not 0 < len(name.strip()) <= 200:
            raise StoreError(f"A follow-up's name has 1 to 200 characters; this one has {len(name)}. Shorten it.",
                             code="followup_name_length", length=len(name), limit=200)
        actor = actor[:200]
        record = Followup(followup_id, base_survey_id, name, "open", demo, now(), actor)
        draft = draft_from_survey(record, frame)
        with self.write() as conn:
            if conn.execute(sa.select(followups.c.followup_id)
                            .where(followups.c.followup_id == followup_id)).first() is not None:
                raise StoreError(f"A follow-up with id {followup_id!r} already exists; choose another id.",
                                 code="followup_exists", id=followup_id)
            conn.execute(followups.insert().values(
                followup_id=followup_id, base_survey_id=base_survey_id, name=name, state="open", demo=demo, edits=0,
                published_survey_id=None, created_at=record.created_at, created_by=actor))
            rows = [_row(followup_id, s, 1, i, actor, record.created_at) for i, s in enumerate(draft.scenes.values())]
            for start in range(0, len(rows), self.CHUNK):
                conn.execute(followup_scenes.insert(), rows[start:start + self.CHUNK])
            self.audit_entry(conn, "followup-start", actor=actor, survey_id=base_survey_id, rows=len(rows),
                             detail=f"{followup_id}: {name}"[:2000])
            self.bump(conn, _VERSION_KEY)
        return self.draft(followup_id)

    def followups(self, *, include_closed: bool = False) -> list[Followup]:
        """The follow-ups, newest first (open ones only unless asked)."""
        query = sa.select(followups).order_by(followups.c.created_at.desc(), followups.c.followup_id)
        if not include_closed:
            query = query.where(followups.c.state == "open")
        with self.read() as conn:
            return [_followup(r) for r in conn.execute(query).mappings().all()]

    def followup(self, followup_id: str) -> Followup:
        with self.read() as conn:
            return self._record(conn, followup_id)

    @staticmethod
    def _record(conn: Connection, followup_id: str, *, lock: bool = False) -> Followup:
        """The draft's record; with `lock`, its row is locked until the transaction ends (PostgreSQL: a save, a
        publish and a discard of one draft wait for one another, so none checks a state another is changing;
        SQLite's write transactions are one at a time already)."""
        query = sa.select(followups).where(followups.c.followup_id == followup_id)
        row = conn.execute(query.with_for_update() if lock else query).mappings().first()
        if row is None:
            raise NotFoundError(f"No follow-up with id {followup_id!r}. `scenes followup status` lists them.",
                                code="followup_unknown", id=followup_id)
        return _followup(row)

    def draft(self, followup_id: str) -> Draft:
        """The draft as it is now: the newest version of each of its scenes, in the draft's order."""
        newest = (sa.select(followup_scenes.c.scene_id, sa.func.max(followup_scenes.c.version).label("version"))
                  .where(followup_scenes.c.followup_id == followup_id).group_by(followup_scenes.c.scene_id)
                  .subquery())
        query = (sa.select(followup_scenes)
                 .join(newest, sa.and_(newest.c.scene_id == followup_scenes.c.scene_id,
                                       newest.c.version == followup_scenes.c.version))
                 .where(followup_scenes.c.followup_id == followup_id)
                 .order_by(followup_scenes.c.position, followup_scenes.c.scene_id))
        with self.read() as conn:
            record = self._record(conn, followup_id)
            rows = conn.execute(query).mappings().all()
        return Draft(record, {r["scene_id"]: _scene(r) for r in rows})

    def scene_versions(self, followup_id: str, scene_id: str) -> list[DraftScene]:
        """Every saved version of one scene of a draft, newest first (who changed what, when)."""
        with self.read() as conn:
            rows = conn.execute(sa.select(followup_scenes).where(
                followup_scenes.c.followup_id == followup_id, followup_scenes.c.scene_id == scene_id)
                .order_by(followup_scenes.c.version.desc())).mappings().all()
        return [_scene(r) for r in rows]

    def save_followup_scenes(self, followup_id: str, changed: Iterable[DraftScene], *, actor: str,
                             detail: str = "") -> Draft:
        """Store each changed scene as its next version, all in one audited transaction; returns the draft after.

        Each scene's `version` is the version its editor showed (0: a scene drawn now). When the stored newest
        differs, nothing at all is written (`followup_changed`): someone else saved that scene meanwhile. A scene
        identical to its stored version is skipped. A draft no longer open is refused (`followup_closed`).
        """
        changed, actor = list(changed), actor[:200]
        with self.write() as conn:
            record = self._record(conn, followup_id, lock=True)
            if record.state != "open":
                raise StoreError(f"The follow-up {followup_id!r} is {record.state}; nothing was saved.",
                                 code="followup_closed", id=followup_id)
            position = int(conn.execute(sa.select(sa.func.max(followup_scenes.c.position)).where(
                followup_scenes.c.followup_id == followup_id)).scalar() or 0)
            at, rows = now(), []
            for scene in changed:
                current = conn.execute(sa.select(followup_scenes).where(
                    followup_scenes.c.followup_id == followup_id, followup_scenes.c.scene_id == scene.scene_id)
                    .order_by(followup_scenes.c.version.desc()).limit(1)).mappings().first()
                stored = _scene(current) if current is not None else None
                stored_version = stored.version if stored is not None else 0
                if scene.version != stored_version:
                    who = f" by {stored.updated_by}" if stored is not None and stored.updated_by else ""
                    raise StoreError(
                        f"The scene {scene.scene_id!r} was changed{who} meanwhile (version {stored_version}, your "
                        f"form showed {scene.version}); nothing was saved. Reload the scene and make the change "
                        "again.", code="followup_changed", id=scene.scene_id, by=who.removeprefix(" by "))
                if stored is not None and _same(stored, scene):
                    continue
                if current is not None:
                    order = int(current["position"])
                else:
                    position += 1
                    order = position
                rows.append(_row(followup_id, scene, stored_version + 1, order, actor, at))
            if rows:
                conn.execute(followup_scenes.insert(), rows)
                conn.execute(followups.update().where(followups.c.followup_id == followup_id)
                             .values(edits=followups.c.edits + 1))
                ids = ", ".join(f"{r['scene_id']} v{r['version']} {r['visit']}" for r in rows[:50])
                more = f" (+{len(rows) - 50})" if len(rows) > 50 else ""
                self.audit_entry(conn, "followup-edit", actor=actor, survey_id=record.base_survey_id, rows=len(rows),
                                 detail=(f"{followup_id}: " + (detail + ": " if detail else "") + ids + more)[:2000])
                self.bump(conn, _VERSION_KEY)
        return self.draft(followup_id)

    def publish_followup(self, followup_id: str, survey: Survey, frame: gpd.GeoDataFrame, *, edits: int,
                         actor: str, file_name: str, sha256: str) -> Survey:
        """Publish a draft's result as a new survey and close the draft, in one transaction. `edits` is the draft's
        edit count when its result was checked: a draft changed since is refused (`followup_changed`), so nothing is
        published that nobody reviewed."""
        with self.write() as conn:
            record = self._record(conn, followup_id, lock=True)
            if record.state != "open":
                raise StoreError(f"The follow-up {followup_id!r} is {record.state}; nothing was published.",
                                 code="followup_closed", id=followup_id)
            if record.edits != edits:
                raise StoreError(f"The follow-up {followup_id!r} was changed after it was checked (edit "
                                 f"{record.edits}, checked at {edits}); nothing was published. Check it again and "
                                 "publish.",
                                 code="followup_changed", id=followup_id, by="")
            stored = self._insert_survey(conn, survey, frame, actor=actor, file_name=file_name, sha256=sha256)
            conn.execute(followups.update().where(followups.c.followup_id == followup_id)
                         .values(state="published", published_survey_id=stored.id))
            self.audit_entry(conn, "followup-publish", actor=actor, survey_id=stored.id, rows=len(frame),
                             detail=f"{followup_id} -> {stored.id}")
            self.bump(conn, _VERSION_KEY)
        return stored

    def discard_followup(self, followup_id: str, *, actor: str) -> None:
        """Close an open draft without publishing it (kept, with every version, for the record)."""
        with self.write() as conn:
            record = self._record(conn, followup_id, lock=True)
            if record.state != "open":
                raise StoreError(f"The follow-up {followup_id!r} is {record.state}; nothing was changed.",
                                 code="followup_closed", id=followup_id)
            conn.execute(followups.update().where(followups.c.followup_id == followup_id).values(state="discarded"))
            self.audit_entry(conn, "followup-discard", actor=actor, survey_id=record.base_survey_id,
                             detail=followup_id)
            self.bump(conn, _VERSION_KEY)

    def followup_version(self) -> int:
        """A number that grows with every write to any draft (the follow-up pages' caches key on it)."""
        return int(self.meta_value(_VERSION_KEY) or 0)

    def scene_ids_ever(self) -> set[str]:
        """Every scene id of every stored survey and draft (a new scene's id must be none of them)."""
        with self.read() as conn:
            published = conn.execute(sa.select(scenes.c.scene_id).distinct()).scalars().all()
            drafted = conn.execute(sa.select(followup_scenes.c.scene_id).distinct()).scalars().all()
        return set(published) | set(drafted)
