"""Measures (versioned) and safety indicators in the database.

Every save of a measure adds a version; the newest is current, and every version is kept (who, when). A save made
from a form that showed an older version is refused (`measure_changed`), so no one's change is silently undone.
Indicator values are keyed by indicator, area and date: saving one again replaces it, with the old value in the
audit line. Each write is one transaction with its audit line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.errors import StoreError
from scenes.store.base import StoreBase, now
from scenes.store.schema import indicators, measures

__all__ = ["MeasureStore"]

_MEASURE_FIELDS = ("scene_id", "kommun_kod", "lokalpolisomrade", "kind", "actor", "status", "start_date",
                   "end_date", "note", "demo", "removed")


def _measure(r: Any) -> Measure:
    created = r["created_at"]
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    return Measure(measure_id=r["measure_id"], kind=r["kind"], actor=r["actor"], status=r["status"],
                   scene_id=r["scene_id"], kommun_kod=r["kommun_kod"], lokalpolisomrade=r["lokalpolisomrade"],
                   start_date=r["start_date"], end_date=r["end_date"], note=r["note"], demo=bool(r["demo"]),
                   removed=bool(r["removed"]), version=int(r["version"]), created_at=created,
                   created_by=r["created_by"])


def _indicator(r: Any) -> Indicator:
    return Indicator(indicator=r["indicator"], value=float(r["value"]), unit=r["unit"], date=r["date"],
                     area_level=r["area_level"], area_code=r["area_code"], source=r["source"],
                     source_url=r["source_url"], note=r["note"], created_at=r["created_at"],
                     created_by=r["created_by"])


class MeasureStore(StoreBase):
    """Measures with their versions, and indicator values."""

    # -- measures ------------------------------------------------------------------------------------------
    def measures(self, *, include_removed: bool = False) -> list[Measure]:
        """The newest version of every measure (removed ones only when asked), by id."""
        newest = (sa.select(measures.c.measure_id, sa.func.max(measures.c.version).label("version"))
                  .group_by(measures.c.measure_id).subquery())
        query = sa.select(measures).join(newest, sa.and_(newest.c.measure_id == measures.c.measure_id,
                                                          newest.c.version == measures.c.version))
        with self.read() as conn:
            rows = conn.execute(query.order_by(measures.c.measure_id)).mappings().all()
        found = [_measure(r) for r in rows]
        return found if include_removed else [m for m in found if not m.removed]

    def measure_versions(self, measure_id: str) -> list[Measure]:
        """Every saved version of one measure, newest first."""
        with self.read() as conn:
            rows = conn.execute(sa.select(measures).where(measures.c.measure_id == measure_id)
                                .order_by(measures.c.version.desc())).mappings().all()
        return [_measure(r) for r in rows]

    def save_measures(self, items: Iterable[Measure], *, actor: str, action: str = "measure",
                      detail: str = "") -> list[Measure]:
        """Store each measure as its next version, all in one audited transaction; returns them as stored.

        Each item's `version` is the version its editor showed (0: a new measure). When the stored newest differs,
        nothing at all is written (`measure_changed`). An item identical to its stored version is skipped.
        """
        items = list(items)
        saved: list[Measure] = []
        with self.write() as conn:
            for item in items:
                current = self._current(conn, item.measure_id)
                stored_version = current.version if current is not None else 0
                if item.version != stored_version:
                    raise StoreError(
                        f"The measure {item.measure_id!r} was changed by someone else meanwhile (version "
                        f"{stored_version}, the form showed {item.version}); nothing was saved. Reload and make the "
                        "change again.", code="measure_changed", id=item.measure_id)
                if current is not None and current.same_content(item):
                    continue
                version = stored_version + 1
                values = {k: getattr(item, k) for k in _MEASURE_FIELDS}
                if current is not None:
                    values["demo"] = current.demo  # demo or real is decided once, when a measure is made
                at = now()
                conn.execute(measures.insert().values(measure_id=item.measure_id, version=version, created_at=at,
                                                      created_by=actor, **values))
                saved.append(Measure(measure_id=item.measure_id, version=version, created_at=at, created_by=actor,
                                     **values))
            if saved:
                ids = ", ".join(f"{m.measure_id} v{m.version}" for m in saved[:50])
                more = f" (+{len(saved) - 50})" if len(saved) > 50 else ""
                self.audit_entry(conn, action, actor=actor, rows=len(saved),
                                 detail=(detail + ": " if detail else "") + ids + more)
                self.bump(conn)
        return saved

    @staticmethod
    def _current(conn: Connection, measure_id: str) -> Measure | None:
        row = conn.execute(sa.select(measures).where(measures.c.measure_id == measure_id)
                           .order_by(measures.c.version.desc()).limit(1)).mappings().first()
        return None if row is None else _measure(row)

    # -- indicators ----------------------------------------------------------------------------------------
    def indicators(self) -> list[Indicator]:
        """Every indicator value, by indicator, area and date."""
        with self.read() as conn:
            rows = conn.execute(sa.select(indicators).order_by(
                indicators.c.indicator, indicators.c.area_level, indicators.c.area_code,
                indicators.c.date)).mappings().all()
        return [_indicator(r) for r in rows]

    def save_indicators(self, items: Iterable[Indicator], *, actor: str, action: str = "indicator",
                        detail: str = "") -> tuple[int, int]:
        """Add or replace values (by indicator, area and date) in one audited transaction: (added, replaced)."""
        added = replaced = 0
        notes: list[str] = []
        with self.write() as conn:
            for item in items:
                where = self._where(item)
                old = conn.execute(sa.select(indicators.c.value).where(where)).scalar()
                if old is not None:
                    conn.execute(indicators.delete().where(where))
                    replaced += 1
                    notes.append(f"{item.indicator} {item.area_level}:{item.area_code} {item.date}: {old} -> "
                                 f"{item.value}")
                else:
                    added += 1
                conn.execute(indicators.insert().values(
                    indicator=item.indicator, area_level=item.area_level, area_code=item.area_code, date=item.date,
                    value=item.value, unit=item.unit, source=item.source, source_url=item.source_url,
                    note=item.note, created_at=now(), created_by=actor))
            summary = f"{added} added, {replaced} replaced" + ("; " + "; ".join(notes[:20]) if notes else "")
            self.audit_entry(conn, action, actor=actor, rows=added + replaced,
                             detail=((detail + ": ") if detail else "") + summary[:2000])
            self.bump(conn)
        return added, replaced

    def remove_indicator(self, key: tuple[str, str, str, dt.date], *, actor: str) -> None:
        """Delete one value (audited, with the value it had)."""
        indicator, level, code, day = key
        probe = Indicator(indicator=indicator, value=0.0, unit="", date=day, area_level=level, area_code=code,
                          source="", source_url="")
        with self.write() as conn:
            old = conn.execute(sa.select(indicators.c.value).where(self._where(probe))).scalar()
            if old is None:
                raise StoreError(f"No value of {indicator!r} for {level} {code} on {day} is stored.",
                                 code="indicator_missing", indicator=indicator)
            conn.execute(indicators.delete().where(self._where(probe)))
            self.audit_entry(conn, "indicator-remove", actor=actor, rows=1,
                             detail=f"{indicator} {level}:{code} {day}: {old}"[:2000])
            self.bump(conn)

    @staticmethod
    def _where(item: Indicator) -> sa.ColumnElement[bool]:
        return sa.and_(indicators.c.indicator == item.indicator, indicators.c.area_level == item.area_level,
                       indicators.c.area_code == item.area_code, indicators.c.date == item.date)
