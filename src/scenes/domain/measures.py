"""Measures (åtgärder) and the actors responsible for them: the record, its rules, its file form, and how a
measure follows its scene.

A measure belongs to exactly one of: a scene (by the scene's stable id), a municipality (`kommun_kod`) or a local
police area (`lokalpolisomrade`). Its kind and its responsible organisation are codes of the editable reference
tables `measure_kinds` and `actors` (codes stable, names editable, like the categories). Its status is one of
`MEASURE_STATUSES`.

**Following a scene.** Scene ids are stable across surveys, and a scene that continues earlier ones lists them in
`predecessors` (a merge lists several; each part of a split lists the same one). A measure entered for scene X
therefore belongs, in a later survey, to every scene whose lineage (itself, its predecessors, theirs …) includes X:
the merged scene inherits the measures of all the scenes it merged, and both parts of a split inherit the measures
of the scene they split from.

**Responsible actor.** A scene has a responsible actor while it has a measure that is planned, ongoing or paused
(`RESPONSIBLE_STATUSES`); a finished measure leaves no one responsible.

File columns (header names exactly; CSV or .xlsx, read by the survey readers with the same caps):

| column | required | meaning |
|---|---|---|
| measure_id | no | stable id (letters, digits, `-`, `_`); empty: a new measure; an existing id is updated |
| scene_id | one of three | the scene's stable id |
| kommun_kod | one of three | municipality code, four digits (0180) |
| lokalpolisomrade | one of three | local police area code (e.g. `jarva`) |
| kind | yes | code of the measure kind (reference table `measure_kinds`) |
| actor | yes | code of the responsible organisation (reference table `actors`) |
| status | yes | `planerad`, `pagaende`, `pausad` or `avslutad` |
| start_date, end_date | no | YYYY-MM-DD; the end is not before the start |
| note | no | free text, at most 2,000 characters |
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from scenes.domain.lineage import Lineage
from scenes.errors import Problem, ProblemReport, ValidationFailed
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["MEASURE_COLUMNS", "MEASURE_STATUSES", "RESPONSIBLE_STATUSES", "Measure", "measure_problems",
           "measures_by_scene", "measures_from_rows", "measures_table", "new_measure_id", "parse_date", "status_label",
           "status_order"]

#: planned, ongoing, paused, done — in the order a measure usually goes
MEASURE_STATUSES = ("planerad", "pagaende", "pausad", "avslutad")
ONGOING = "pagaende"
#: a measure in one of these states means someone is responsible for its scene
RESPONSIBLE_STATUSES = frozenset({"planerad", "pagaende", "pausad"})
MEASURE_COLUMNS = ["measure_id", "scene_id", "kommun_kod", "lokalpolisomrade", "kind", "actor", "status",
                   "start_date", "end_date", "note"]
REQUIRED_COLUMNS = ("kind", "actor", "status")
MAX_NOTE = 2_000
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


@dataclass(frozen=True)
class Measure:
    """One measure, as its newest version in the store says (version 0: not stored yet)."""

    measure_id: str
    kind: str
    actor: str
    status: str
    scene_id: str | None = None
    kommun_kod: str | None = None
    lokalpolisomrade: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    note: str = ""
    demo: bool = False
    removed: bool = False
    version: int = 0
    created_at: dt.datetime | None = None
    created_by: str = ""

    @property
    def target(self) -> tuple[str, str]:
        """("scene" | "kommun" | "lpo", code): what the measure belongs to."""
        if self.scene_id:
            return ("scene", self.scene_id)
        if self.kommun_kod:
            return ("kommun", self.kommun_kod)
        return ("lpo", self.lokalpolisomrade or "")

    @property
    def ongoing(self) -> bool:
        return self.status == ONGOING

    @property
    def responsible(self) -> bool:
        return self.status in RESPONSIBLE_STATUSES

    def same_content(self, other: Measure) -> bool:
        """True when nothing an analyst entered differs (saving it again would add an empty version)."""
        keys = ("kind", "actor", "status", "scene_id", "kommun_kod", "lokalpolisomrade", "start_date", "end_date",
                "note", "removed")
        return all(getattr(self, k) == getattr(other, k) for k in keys)


def status_order(m: Measure) -> int:
    """Where a measure's status stands in `MEASURE_STATUSES` (an unknown status last): lists sort by it."""
    return MEASURE_STATUSES.index(m.status) if m.status in MEASURE_STATUSES else len(MEASURE_STATUSES)


def status_label(code: str, lang: Lang) -> str:
    """A measure status in words (an unknown code as it is)."""
    from scenes.i18n import t

    return t(f"measure.status.{code}", lang) if code in MEASURE_STATUSES else code


def new_measure_id() -> str:
    """A fresh id: random, so two instances adding measures at once never pick the same one."""
    return f"atg-{secrets.token_hex(4)}"


def parse_date(value: str, row: int | None, column: str, problems: list[Problem]) -> dt.date | None:
    """A YYYY-MM-DD date, or None for an empty cell; a bad one adds a located problem."""
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        problems.append(Problem("not a date; write it as YYYY-MM-DD", code="date_format", row=row, column=column,
                                value=value))
        return None


def measure_problems(m: Measure, ref: Reference, known_scenes: Iterable[str] | None, row: int | None = None
                     ) -> list[Problem]:
    """Every rule of one measure: its id, exactly one target that exists, known kind and actor codes, a status,
    dates in order, a bounded note. `known_scenes` are the scene ids a measure may belong to (None: not checked)."""
    problems: list[Problem] = []
    if not _ID.fullmatch(m.measure_id):
        problems.append(Problem("measure_id must be 1–64 letters, digits, '-' or '_'", code="measure_id_format",
                                row=row, column="measure_id", value=m.measure_id[:100]))
    targets = [c for c in ("scene_id", "kommun_kod", "lokalpolisomrade") if getattr(m, c)]
    if len(targets) != 1:
        problems.append(Problem("a measure belongs to exactly one scene, municipality or local police area",
                                code="measure_target", row=row, column="scene_id"))
    scenes = None if known_scenes is None else set(known_scenes)
    if m.scene_id and scenes is not None and m.scene_id not in scenes:
        problems.append(Problem("no published survey has a scene with this id", code="measure_scene_unknown", row=row,
                                column="scene_id", value=m.scene_id[:100]))
    checks = (("kommun_kod", m.kommun_kod, set(ref.municipalities["kommun_kod"])),
              ("lokalpolisomrade", m.lokalpolisomrade, set(ref.police_areas["lpo_code"])),
              ("kind", m.kind, set(ref.measure_kinds["code"])),
              ("actor", m.actor, set(ref.actors["code"])),
              ("status", m.status, set(MEASURE_STATUSES)))
    for column, value, known in checks:
        if column in REQUIRED_COLUMNS and not value:
            problems.append(Problem("a value is required", code="value_required", row=row, column=column))
        elif value and value not in known:
            problems.append(Problem("unknown code", code="unknown_code", row=row, column=column, value=value[:100]))
    if m.start_date and m.end_date and m.end_date < m.start_date:
        problems.append(Problem("the end date is before the start date", code="end_before_start", row=row,
                                column="end_date", value=m.end_date.isoformat()))
    if len(m.note) > MAX_NOTE:
        problems.append(Problem(f"the note has {len(m.note)} characters; the limit is {MAX_NOTE}",
                                code="cell_too_long", row=row, column="note",
                                params={"length": len(m.note), "limit": MAX_NOTE}))
    return problems


def measures_from_rows(rows: list[tuple[int, dict[str, str]]], ref: Reference, known_scenes: Iterable[str],
                       existing: Mapping[str, Measure]) -> list[Measure]:
    """Measures from a read record file; every problem at once (rows as a spreadsheet numbers them), nothing
    returned when any is wrong. A row with an existing `measure_id` updates that measure; an empty id adds one."""
    scenes = set(known_scenes)
    problems: list[Problem] = []
    out: list[Measure] = []
    seen: set[str] = set()
    for row_no, r in rows:
        dates: list[Problem] = []
        mid = r.get("measure_id", "") or new_measure_id()
        item = Measure(
            measure_id=mid, kind=r.get("kind", ""), actor=r.get("actor", ""), status=r.get("status", ""),
            scene_id=r.get("scene_id") or None, kommun_kod=r.get("kommun_kod") or None,
            lokalpolisomrade=r.get("lokalpolisomrade") or None,
            start_date=parse_date(r.get("start_date", ""), row_no, "start_date", dates),
            end_date=parse_date(r.get("end_date", ""), row_no, "end_date", dates), note=r.get("note", ""))
        problems += dates + measure_problems(item, ref, scenes, row_no)
        if mid in seen:
            problems.append(Problem("measure_id appears twice in the file", code="measure_id_twice", row=row_no,
                                    column="measure_id", value=mid[:100]))
        seen.add(mid)
        old = existing.get(mid)
        out.append(item if old is None else replace(item, version=old.version, demo=old.demo))
    if problems:
        raise ValidationFailed(f"The measures file has {len(problems)} problem(s); nothing was imported.",
                               ProblemReport(problems).listed(), code="measure_file_invalid", n=len(problems))
    return out


def measures_table(measures: Iterable[Measure]) -> pd.DataFrame:
    """The measures in the file columns (codes, ISO dates): what an export writes and an import reads back."""
    rows = [{"measure_id": m.measure_id, "scene_id": m.scene_id, "kommun_kod": m.kommun_kod,
             "lokalpolisomrade": m.lokalpolisomrade, "kind": m.kind, "actor": m.actor, "status": m.status,
             "start_date": m.start_date.isoformat() if m.start_date else None,
             "end_date": m.end_date.isoformat() if m.end_date else None, "note": m.note} for m in measures]
    return pd.DataFrame(rows, columns=MEASURE_COLUMNS, dtype=object)


def measures_by_scene(scene_ids: Iterable[str], all_scenes: pd.DataFrame, measures: Iterable[Measure]
                      ) -> dict[str, list[Measure]]:
    """For each scene id, the scene-level measures that belong to it: those entered for the scene itself or for any
    scene it continues (see the module docstring). Every id is a key; a scene without measures gets []."""
    line = Lineage(all_scenes)
    by_target: dict[str, list[Measure]] = {}
    for m in measures:
        if m.scene_id and not m.removed:
            by_target.setdefault(m.scene_id, []).append(m)
    out: dict[str, list[Measure]] = {}
    for sid in scene_ids:
        found = [m for ancestor in sorted(line.ancestors(sid)) for m in by_target.get(ancestor, [])]
        out[sid] = sorted(found, key=lambda m: (status_order(m), m.start_date or dt.date.max, m.measure_id))
    return out
