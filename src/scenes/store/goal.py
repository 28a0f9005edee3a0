"""The steering group's settings: the seminars on the timeline and the reduction goal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

import sqlalchemy as sa

from scenes.model import EXAMPLE_GOAL, Goal, Seminar
from scenes.reference import seminar_from_dict, seminar_to_dict
from scenes.store.base import StoreBase, now
from scenes.store.schema import app_settings, seminars

__all__ = ["SettingsStore"]


class SettingsStore(StoreBase):
    """Seminars and the goal."""

    def seminars(self) -> list[Seminar]:
        """All seminars, by date (unknown dates placed by their registration deadline)."""
        with self.read() as conn:
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
                    updated_at=now(), updated_by=actor,
                ))
                self.audit_entry(conn, action, actor=actor, detail=f"{item.seminar_id}: {item.title}")
            self.bump(conn)

    # -- settings ------------------------------------------------------------------------------------------
    def goal(self) -> Goal:
        """The steering group's goal, or the shipped example until one is saved."""
        with self.read() as conn:
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
            conn.execute(app_settings.insert().values(key="goal", value=value, updated_at=now(), updated_by=actor))
            self.audit_entry(conn, "goal", actor=actor, detail=value)
            self.bump(conn)
