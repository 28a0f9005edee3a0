"""The rules of one seminar record, each with its one message and problem code (`problem.<code>` in the catalogue).

The seminar CSV import (`scenes.domain.seminars.read_seminar_csv`) and the seminar form (`Dashboard.save_seminar`) both
use `record_problems`, so the same value gets the same verdict, code and message wherever it is entered. Kept
apart from `scenes.domain.seminars` so the Dashboard can check a record without loading the file readers.
"""

from __future__ import annotations

import re

from scenes.errors import Problem
from scenes.model import Seminar

__all__ = ["id_problem", "record_problems", "time_problem", "title_problem"]

_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def id_problem(value: str, row: int | None = None) -> Problem | None:
    """A seminar id is 1–100 letters, digits, `-` or `_` (it names the record and appears in URLs)."""
    if _ID.fullmatch(value):
        return None
    return Problem("seminar_id must be 1–100 letters, digits, '-' or '_'", code="seminar_id_format", row=row,
                   column="seminar_id", value=value)


def title_problem(value: str, row: int | None = None) -> Problem | None:
    """Every seminar has a title."""
    return None if value else Problem("a title is required", code="title_required", row=row, column="title")


def time_problem(column: str, value: str, row: int | None = None) -> Problem | None:
    """A start or end time is empty or HH:MM (00:00–23:59)."""
    if not value or _TIME.fullmatch(value):
        return None
    return Problem("not a time; write it as HH:MM", code="time_format", row=row, column=column, value=value)


def record_problems(seminar: Seminar, row: int | None = None) -> list[Problem]:
    """Every rule of one record that does not depend on other records: id, title, times."""
    found = [id_problem(seminar.seminar_id, row), title_problem(seminar.title, row),
             time_problem("start_time", seminar.start_time, row), time_problem("end_time", seminar.end_time, row)]
    return [p for p in found if p is not None]
