"""Seminar records: CSV import with documented columns, validation, and the map preset of a workshop.

CSV columns (header names exactly). The file is read by the same bounded reader as survey files
(`scenes.io.bounded`): `;`, `,` or tab separated, Excel's `sep=` line, UTF-8 with or without BOM, UTF-16 with
BOM or Windows-1252, Excel's doubled quotes and line breaks inside quoted cells, and the same caps.

| column | required | meaning |
|---|---|---|
| seminar_id | yes | stable id (letters, digits, `-`, `_`); an existing id is updated |
| title | yes | title |
| kind | no | e.g. "Seminarium", "Workshop" |
| date | no | YYYY-MM-DD; empty when not known |
| start_time, end_time | no | HH:MM |
| registration_deadline | no | YYYY-MM-DD |
| place, organiser, audience, description, cost, contact, source, source_url | no | free text |
| focus_categories | no | category codes separated by `;` or `|` |
| invited_municipalities | no | municipality codes (e.g. 0180) separated by `;` or `|` |
| invited_police_areas | no | LPO codes separated by `;` or `|` |
| programme | no | one item per line: `HH:MM | title | speakers` |
"""

from __future__ import annotations

import datetime as dt
import re

from scenes.domain.seminar_rules import record_problems
from scenes.errors import Problem, ProblemReport, ValidationFailed
from scenes.i18n import date_text, t
from scenes.io.bounded import Limits, read_csv_table
from scenes.model import Lang, ProgrammeItem, Seminar
from scenes.reference import Reference

__all__ = ["SEMINAR_COLUMNS", "date_state", "map_preset", "parse_programme", "read_seminar_csv", "split_upcoming",
           "when_text"]

SEMINAR_COLUMNS = ["seminar_id", "title", "kind", "date", "start_time", "end_time", "registration_deadline",
                   "place", "organiser", "audience", "description", "cost", "contact", "source", "source_url",
                   "focus_categories", "invited_municipalities", "invited_police_areas", "programme"]


#: Most codes in one cell.
MAX_CODES = 100


def _codes(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in re.split(r"[;|]", value or "", maxsplit=MAX_CODES) if v.strip())[:MAX_CODES]


def parse_programme(text: str) -> tuple[ProgrammeItem, ...]:
    """`HH:MM | title | speakers` per line (time and speakers optional)."""
    items = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 1:
            parts = ["", parts[0], ""]
        parts += [""] * (3 - len(parts))
        items.append(ProgrammeItem(time=parts[0], title=parts[1], speakers=" | ".join(parts[2:]).strip(" |")))
    return tuple(items)


def _date(value: str, row: int, column: str, problems: list[Problem]) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        problems.append(Problem("not a date; write it as YYYY-MM-DD",
                                code="date_format", row=row, column=column, value=value))
        return None


def read_seminar_csv(data: bytes | str, ref: Reference, limits: Limits | None = None) -> list[Seminar]:
    """Parse and validate seminar rows; every problem is reported at once (row numbers as in a spreadsheet)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    table = read_csv_table(data, limits or Limits())
    header = table.header
    problems: list[Problem] = []
    missing = [c for c in ("seminar_id", "title") if c not in header]
    unknown = [h for h in header if h not in SEMINAR_COLUMNS]
    problems += [Problem("required column is missing", column=c, code="missing_column") for c in missing]
    problems += [Problem("unknown column; see the documented columns", column=c,
                         code="unknown_seminar_column") for c in unknown]
    if missing:
        raise ValidationFailed("The seminar file cannot be read.", problems, code="seminar_file_unreadable")
    categories, municipalities = set(ref.categories["code"]), set(ref.municipalities["kommun_kod"])
    lpos = set(ref.police_areas["lpo_code"])
    seminars, seen = [], set()
    for row_no, cells in zip(table.row_numbers, table.rows, strict=True):
        r = dict(zip(header, cells, strict=True))
        sid = r.get("seminar_id", "")
        dates: list[Problem] = []
        item = Seminar(
            seminar_id=sid, title=r.get("title", ""), kind=r.get("kind", ""),
            date=_date(r.get("date", ""), row_no, "date", dates),
            start_time=r.get("start_time", ""), end_time=r.get("end_time", ""),
            registration_deadline=_date(r.get("registration_deadline", ""), row_no, "registration_deadline", dates),
            place=r.get("place", ""), organiser=r.get("organiser", ""), audience=r.get("audience", ""),
            description=r.get("description", ""), cost=r.get("cost", ""), contact=r.get("contact", ""),
            source=r.get("source", ""), source_url=r.get("source_url", ""),
            focus_categories=_codes(r.get("focus_categories", "")),
            invited_municipalities=_codes(r.get("invited_municipalities", "")),
            invited_police_areas=_codes(r.get("invited_police_areas", "")),
            programme=parse_programme(r.get("programme", "")),
        )
        record = record_problems(item, row_no)
        problems += record
        if sid in seen and not any(p.column == "seminar_id" for p in record):
            problems.append(Problem("seminar_id appears twice in the file",
                                    code="seminar_id_twice", row=row_no, column="seminar_id",
                                    value=sid))
        seen.add(sid)
        for column, codes, known in (("focus_categories", item.focus_categories, categories),
                                     ("invited_municipalities", item.invited_municipalities, municipalities),
                                     ("invited_police_areas", item.invited_police_areas, lpos)):
            for code in codes:
                if code not in known:
                    problems.append(Problem("unknown code", code="unknown_code", row=row_no, column=column, value=code))
        problems += dates
        seminars.append(item)
    if not seminars:
        problems.append(Problem("the file has a header but no seminar rows", code="no_seminar_rows"))
    if problems:
        count = len(problems)
        raise ValidationFailed(f"The seminar file has {count} problem(s); nothing was imported.",
                               ProblemReport(problems).listed(),
                               code="seminar_file_invalid", n=count)
    return seminars


def map_preset(seminar: Seminar) -> dict[str, str]:
    """URL query parameters that open the map on the seminar's workshop focus, in presentation mode (a
    seminar's map is shown on a shared screen)."""
    preset = {"visning": "1"}
    if seminar.focus_categories:
        preset["kategori"] = ",".join(seminar.focus_categories)
    if seminar.invited_municipalities:
        preset["kommun"] = ",".join(seminar.invited_municipalities)
    if seminar.invited_police_areas:
        preset["lpo"] = ",".join(seminar.invited_police_areas)
    return preset


def date_state(seminar: Seminar, today: dt.date) -> str:
    """How honest the seminar's date can be: "known" (it has a date); "pending" (no date yet, and its registration
    deadline, if any, is still ahead, so one may be published); "unpublished" (no date, and the deadline has passed:
    the source never published one)."""
    if seminar.date is not None:
        return "known"
    if seminar.registration_deadline is not None and seminar.registration_deadline < today:
        return "unpublished"
    return "pending"


def split_upcoming(seminars: list[Seminar], today: dt.date) -> tuple[list[Seminar], list[Seminar]]:
    """(upcoming, past): upcoming are those on or after `today` (by date, else registration deadline; with neither,
    upcoming), soonest first; past are the rest, latest first."""
    upcoming = [s for s in seminars if s.timeline_date is None or s.timeline_date >= today]
    past = [s for s in seminars if s.timeline_date is not None and s.timeline_date < today]
    upcoming.sort(key=lambda s: (s.timeline_date or dt.date.max, s.seminar_id))
    past.sort(key=lambda s: (s.timeline_date, s.seminar_id), reverse=True)
    return upcoming, past


def when_text(seminar: Seminar, lang: Lang, today: dt.date) -> str:
    """The seminar's date as honestly as it is known, as plain text: the date written out with its times; or not
    published yet (with the registration deadline, if any); or never published (the deadline has passed)."""
    deadline = date_text(seminar.registration_deadline, lang) if seminar.registration_deadline else ""
    state = date_state(seminar, today)
    if state == "known" and seminar.date is not None:
        times = "–".join(x for x in (seminar.start_time, seminar.end_time) if x)
        return date_text(seminar.date, lang) + (f", {times}" if times else "")
    if state == "unpublished":
        return t("seminars.date_unpublished", lang, deadline=deadline)
    return t("seminars.date_pending", lang, deadline=deadline) if deadline else t("seminars.date_pending_open", lang)
