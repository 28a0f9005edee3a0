"""Domain records. Plain, typed, immutable; no storage or UI concerns here.

Scene observations travel through the app as a GeoDataFrame with the columns in `SCENE_COLUMNS`
(geometry in WGS 84); these dataclasses describe the other records and document the scene columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, get_args

__all__ = [
    "LANGS",
    "PRECISIONS",
    "ROLES",
    "SCENE_COLUMNS",
    "Goal",
    "Lang",
    "Precision",
    "ProgrammeItem",
    "PublishedTotal",
    "Role",
    "Seminar",
    "Survey",
    "SurveyKind",
    "as_lang",
    "as_role",
]

#: The languages of the interface and of everything written for a reader. Plain `Literal` aliases, not enums: the
#: values already travel as strings (settings, query parameters, session state, the store), so a `Literal` costs no
#: conversion at any edge while mypy still rejects a misspelt value or a bare `str` where one of these is required.
Lang = Literal["sv", "en"]
#: How precisely scene locations may be shown: exact points, or counts per area only (`scenes.domain.disclosure`).
Precision = Literal["exact", "generalised"]
#: The roles, lowest first (`scenes.access.auth` ranks them in this order).
Role = Literal["deltagare", "styrgrupp", "analytiker", "admin"]

LANGS: tuple[Lang, ...] = get_args(Lang)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
ROLES: tuple[Role, ...] = get_args(Role)


def as_lang(value: object) -> Lang | None:
    """A chosen language code (a query parameter, a setting) as a `Lang`; anything else is None."""
    return next((lang for lang in LANGS if lang == value), None)


def as_role(value: object) -> Role | None:
    """A stored or chosen role name as a `Role`; anything else (None, an unknown name) is no role at all."""
    return next((role for role in ROLES if role == value), None)


class SurveyKind(StrEnum):
    """A full mapping of the county, or a follow-up of known scenes."""

    KARTLAGGNING = "kartläggning"
    UPPFOLJNING = "uppföljning"


@dataclass(frozen=True)
class Survey:
    """One published survey (kartläggning or uppföljning)."""

    id: str
    name: str
    date: dt.date
    kind: SurveyKind
    source: str
    demo: bool
    notes: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""
    revision: int = 1  # the current revision of the survey's data
    withdrawn: bool = False  # hidden from every figure and map, kept in history; can be restored

    @property
    def order(self) -> tuple[dt.date, str]:
        """The key of the one survey order (by date, then id), for comparing two surveys. Lists of surveys come
        in this order from the store (`Store.all_surveys`, `Store.surveys`); nobody re-sorts them."""
        return (self.date, self.id)


#: Columns of a scene-observation frame, in order, with their meaning.
SCENE_COLUMNS: dict[str, str] = {
    "survey_id": "the survey this observation belongs to",
    "scene_id": "stable id: the same place keeps it across surveys",
    "name": "scene name (free text)",
    "kommun_kod": "municipality code, four digits (0180 = Stockholm)",
    "kommun": "municipality name",
    "lokalpolisomrade": "local police area code (see data/reference/police_areas.csv)",
    "stadsdel": "Stockholm city district code, only inside Stockholm municipality",
    "categories": "list of category codes (see data/reference/categories.csv), at least one",
    "status": "status code (see data/reference/statuses.csv)",
    "impact": "impact/unsafety rating 1 (low) to 5 (high), optional",
    "predecessors": "scene ids of the previous survey that this scene continues (merge or split)",
    "notes": "free text",
    "area_m2": "area of the scene's polygon in m², computed in SWEREF 99 TM (EPSG:3006); empty for points",
    "geometry": "point or polygon, WGS 84 (EPSG:4326)",
}


@dataclass(frozen=True)
class PublishedTotal:
    """An official published county total, kept apart from scene-level data."""

    date: dt.date
    date_precision: str  # "year", "month" or "day": how much of `date` is known
    label: str
    scenes: int
    municipalities: int | None
    police_areas: int | None
    notes: str  # Swedish
    source: str
    source_url: str
    confidence: str
    notes_en: str = ""

    def notes_in(self, lang: Lang) -> str:
        return self.notes_en if lang == "en" and self.notes_en else self.notes


@dataclass(frozen=True)
class ProgrammeItem:
    time: str
    title: str
    speakers: str


@dataclass(frozen=True)
class Seminar:
    """A seminar or workshop of the regional collaboration."""

    seminar_id: str
    title: str
    kind: str
    date: dt.date | None  # None: not known; see registration_deadline
    start_time: str
    end_time: str
    registration_deadline: dt.date | None
    place: str
    organiser: str
    audience: str
    description: str = ""
    cost: str = ""
    contact: str = ""
    source: str = ""
    source_url: str = ""
    focus_categories: tuple[str, ...] = ()
    invited_municipalities: tuple[str, ...] = ()
    invited_police_areas: tuple[str, ...] = ()
    programme: tuple[ProgrammeItem, ...] = field(default_factory=tuple)

    @property
    def timeline_date(self) -> dt.date | None:
        """Where to place the seminar on a timeline: its date, else its registration deadline."""
        return self.date or self.registration_deadline


@dataclass(frozen=True)
class Goal:
    """The steering group's target: scene count (and optionally area) by a date."""

    target_count: int
    target_date: dt.date
    target_area_m2: float | None = None
    is_example: bool = True  # True until the steering group sets its own values
    #: the survey the trajectory starts from, chosen by the steering group; None: the earliest shown survey
    baseline_survey_id: str | None = None


#: Shipped default. No numeric target is published: this is an example (halve the 2021 count by the end
#: of 2027) and the UI labels it as such until the steering group saves its own.
EXAMPLE_GOAL = Goal(target_count=32, target_date=dt.date(2027, 12, 31), target_area_m2=None, is_example=True)
