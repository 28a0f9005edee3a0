"""Seminars in their JSON form (as the store keeps them) and the seminars shipped in `data/`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from scenes.model import ProgrammeItem, Seminar

__all__ = ["load_seminars", "seminar_from_dict", "seminar_to_dict"]


def _date_or_none(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def seminar_from_dict(d: dict[str, object]) -> Seminar:
    """Build a Seminar from its JSON form (the shipped file and the store both use it)."""
    programme = d.get("programme") or []
    assert isinstance(programme, list)  # noqa: S101 - shape guaranteed by the JSON schema we write
    return Seminar(
        seminar_id=str(d["seminar_id"]),
        title=str(d["title"]),
        kind=str(d.get("kind") or ""),
        date=_date_or_none(d.get("date")),
        start_time=str(d.get("start_time") or ""),
        end_time=str(d.get("end_time") or ""),
        registration_deadline=_date_or_none(d.get("registration_deadline")),
        place=str(d.get("place") or ""),
        organiser=str(d.get("organiser") or ""),
        audience=str(d.get("audience") or ""),
        description=str(d.get("description") or ""),
        cost=str(d.get("cost") or ""),
        contact=str(d.get("contact") or ""),
        source=str(d.get("source") or ""),
        source_url=str(d.get("source_url") or ""),
        focus_categories=_strs(d.get("focus_categories")),
        invited_municipalities=_strs(d.get("invited_municipalities")),
        invited_police_areas=_strs(d.get("invited_police_areas")),
        programme=tuple(
            ProgrammeItem(time=str(p.get("time", "")), title=str(p["title"]), speakers=str(p.get("speakers", "")))
            for p in programme
        ),
    )


def seminar_to_dict(s: Seminar) -> dict[str, object]:
    return {
        "seminar_id": s.seminar_id,
        "title": s.title,
        "kind": s.kind,
        "date": s.date.isoformat() if s.date else None,
        "date_known": s.date is not None,
        "start_time": s.start_time,
        "end_time": s.end_time,
        "registration_deadline": s.registration_deadline.isoformat() if s.registration_deadline else None,
        "place": s.place,
        "organiser": s.organiser,
        "cost": s.cost,
        "audience": s.audience,
        "description": s.description,
        "focus_categories": list(s.focus_categories),
        "invited_municipalities": list(s.invited_municipalities),
        "invited_police_areas": list(s.invited_police_areas),
        "contact": s.contact,
        "source": s.source,
        "source_url": s.source_url,
        "programme": [{"time": p.time, "title": p.title, "speakers": p.speakers} for p in s.programme],
    }


def load_seminars(data_dir: Path) -> list[Seminar]:
    """The seminars shipped in data/seminars.json (the store is seeded from these)."""
    raw = json.loads((data_dir / "seminars.json").read_text(encoding="utf-8"))
    return [seminar_from_dict(d) for d in raw]
