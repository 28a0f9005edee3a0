"""Warnings about the date and kind an analyst gives a new survey: the form has no default for either, and what
looks like a slip (today's date, a date to come, a date before the last published survey, a weekend, a
follow-up with nothing to follow up) is pointed out before publishing. None of these blocks publishing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from scenes.errors import Problem
from scenes.model import Survey, SurveyKind

__all__ = ["local_today", "survey_date_warnings"]

_LOCAL = ZoneInfo("Europe/Stockholm")


def local_today() -> dt.date:
    """Today in Sweden (what the analyst's calendar says), whatever the server's time zone."""
    return dt.datetime.now(_LOCAL).date()


def survey_date_warnings(day: dt.date, kind: SurveyKind | None, surveys: Iterable[Survey], *,
                         today: dt.date) -> list[Problem]:
    """What is unusual about a new survey dated `day` of `kind`, given the published (non-demo) `surveys` (oldest
    first, the store's order)."""
    real = [s for s in surveys if not s.demo]  # oldest first: the store's order
    out: list[Problem] = []
    iso = day.isoformat()
    if day == today:
        out.append(Problem("The survey is dated today: is that the day it was made, or the day of the upload?",
                           severity="warning", code="date_today", params={"day": iso}))
    elif day > today:
        out.append(Problem(f"The survey is dated {iso}, in the future.", severity="warning", code="date_future",
                           params={"day": iso}))
    if real and day < real[-1].date:
        latest = real[-1]
        out.append(Problem(f"The survey is dated {iso}, before the latest published survey, {latest.name} "
                           f"({latest.date.isoformat()}): it will be compared with the survey before it, not the "
                           "latest.", severity="warning", code="date_before_latest",
                           params={"day": iso, "name": latest.name, "latest": latest.date.isoformat()}))
    same = [s for s in real if s.date == day]
    if same:
        out.append(Problem(f"{same[0].name} has the same date; is this a corrected version of it?",
                           severity="warning", code="date_taken", params={"name": same[0].name}))
    if day.weekday() >= 5:
        out.append(Problem(f"{iso} is a Saturday or Sunday.", severity="warning", code="date_weekend",
                           params={"day": iso}))
    if kind == SurveyKind.UPPFOLJNING and not [s for s in real if s.date < day]:
        out.append(Problem("A follow-up, but no published survey before it to follow up.", severity="warning",
                           code="kind_followup_first"))
    return out
