"""Validation and tagging: a raw table in, a canonical scene frame and a complete problem report out.

Every problem is collected (never only the first), located by row and column, and carries a suggestion where one
exists (a misspelt municipality, police area, district or category; a category label instead of its code).
Columns are vectorised where it matters (coordinates, projection, municipality tagging), so a 100,000-row file
validates in seconds; unknown values are fuzzy-matched once per distinct value, not once per row.

`validate` runs named steps in a fixed order over one `_Check` (the table, the columns found, the capped report):
headers, geometry (`scenes.ingest.geometry`), ids and names, municipalities, police areas and districts
(`scenes.ingest.police`), categories, statuses, impact, then the rows that passed are assembled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from scenes.errors import Problem, ProblemReport
from scenes.geo import SWEREF99TM, WGS84, area_m2, nearest_municipality, tag_municipality
from scenes.ingest.cells import Resolver, list_cell, numbers
from scenes.ingest.columns import DERIVED, canonical_name, normalise_header, suggest
from scenes.ingest.geometry import scene_geometry
from scenes.ingest.police import police_areas
from scenes.ingest.readers import RawTable
from scenes.io.bounded import note
from scenes.io.formats import normalise_scene_frame
from scenes.reference import COUNTY_TOLERANCE_M, Reference

__all__ = ["ValidationResult", "header_mapping", "validate"]

#: A report lists at most this many problems (one more line says how many were left out).
MAX_PROBLEMS = 5_000
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
#: the longest scene name the store's column holds (PostgreSQL refuses a longer value)
MAX_NAME = 300


@dataclass
class ValidationResult:
    frame: gpd.GeoDataFrame
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # decisions taken (severity "info")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def header_mapping(headers: Iterable[str]) -> dict[str, tuple[str | None, list[str]]]:
    """For each header: the canonical field it maps to (or None) and suggestions when unknown."""
    return {h: (canonical_name(h), [] if canonical_name(h) else suggest(h)) for h in headers}


@dataclass
class _Check:
    """One validation under way: the raw table, the columns found so far, the capped report and the notes."""

    raw: RawTable
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> the file's header
    problems: ProblemReport = field(init=False)
    notes: list[Problem] = field(init=False)

    def __post_init__(self) -> None:
        # a report nobody can read, and memory nobody should spend: at most MAX_PROBLEMS listed
        self.problems = ProblemReport(self.raw.problems, cap=MAX_PROBLEMS)
        self.notes = list(self.raw.notes)
        self._blank = pd.Series([""] * len(self.raw.table), index=self.raw.table.index)

    def add(self, i: int | None, column: str | None, code: str, message: str, *, value: object = None,
            suggestion: str | None = None, severity: str = "error", **params: object) -> None:
        """A problem at row index `i` (None: the file), located as the analyst numbers rows."""
        self.problems.append(Problem(message, row=None if i is None else self.raw.row_numbers[i], column=column,
                                     value=None if value is None else str(value), suggestion=suggestion,
                                     severity=severity, code=code, params=params))

    def col(self, name: str) -> pd.Series:
        """The cells of a canonical field (blank when the file has no such column)."""
        return self.raw.table[self.columns[name]] if name in self.columns else self._blank

    def result(self, frame: gpd.GeoDataFrame | None = None) -> ValidationResult:
        frame = gpd.GeoDataFrame(geometry=[], crs=WGS84) if frame is None else frame
        return ValidationResult(normalise_scene_frame(frame), self.problems.listed(), self.notes)


def validate(raw: RawTable, ref: Reference, *, mapping: dict[str, str | None] | None = None,
             max_rows: int = 100_000, survey_date: dt.date | None = None) -> ValidationResult:
    """Check every row and tag it; the frame holds the rows that passed (publish only when `ok`).

    Reference geography that changes (police areas) is checked against `survey_date`: a police area that had
    ended (or not yet begun) by then is an error naming its successors. Without a date, today is used and a note
    says so.
    """
    check = _Check(raw)
    table = raw.table
    if table.empty:
        check.add(None, None, "no_rows", "The file has no data rows.")
        return check.result()
    if len(table) > max_rows:
        check.add(None, None, "too_many_rows", f"The file has {len(table)} rows; the limit is {max_rows}.",
                  rows=len(table), limit=max_rows)
        return check.result()
    _headers(check, mapping)
    geometry = scene_geometry(raw, check.columns, check.col, check.add, check.notes)
    if geometry is None:
        return check.result()
    _ids_and_names(check)
    tagged, names = _municipalities(check, ref, geometry)
    out_district, out_lpo = police_areas(ref, geometry, tagged, check.columns, check.col, check.add, check.notes,
                                         survey_date)
    categories = _categories(check, ref)
    statuses = _statuses(check, ref)
    impact = _impact(check)
    frame = gpd.GeoDataFrame({
        "scene_id": check.col("scene_id").to_numpy(), "name": check.col("name").to_numpy(),
        "kommun_kod": tagged.to_numpy(), "kommun": [names.get(c, "") if c else "" for c in tagged],
        "lokalpolisomrade": out_lpo, "stadsdel": out_district, "categories": categories, "status": statuses,
        "impact": impact.where(impact.between(1, 5)).to_numpy(),
        "predecessors": [list_cell(v, i, check.columns.get("predecessors", ""), check.add)
                         for i, v in enumerate(check.col("predecessors"))], "notes": check.col("notes").to_numpy(),
    }, geometry=geometry.to_numpy(), crs=WGS84)
    return _passed(check, frame)


def _headers(check: _Check, mapping: dict[str, str | None] | None) -> None:
    """Each header to its canonical field (the analyst's `mapping` first); unknown, duplicate, missing ones."""
    for header in check.raw.table.columns:
        target = (mapping or {}).get(header, canonical_name(header)) if mapping and header in mapping \
            else canonical_name(header)
        if target is None and normalise_header(header) in DERIVED:
            check.notes.append(note("note_derived_column", f"column '{header}' is computed on import and was ignored",
                                    column=header))
            continue
        if target is None:
            hint = suggest(header)
            check.add(None, header, "unknown_column", "Unknown column; it is ignored unless you map it.",
                      suggestion=", ".join(hint) or None, severity="warning")
            continue
        if target in check.columns:
            check.add(None, header, "duplicate_column", f"Two columns mean '{target}'.", severity="error",
                      field=target)
            continue
        check.columns[target] = header
    for required in ("scene_id", "name", "categories"):
        if required not in check.columns:
            check.add(None, required, "missing_column", "Required column is missing.", field=required)


def _ids_and_names(check: _Check) -> None:
    """A scene id is present, well formed and unique in the file; a name is present."""
    columns = check.columns
    ids, names = check.col("scene_id"), check.col("name")
    duplicated = list(ids.duplicated(keep="first") & ids.ne(""))
    for i, (sid, name) in enumerate(zip(ids, names, strict=True)):
        if "scene_id" in columns:
            if not sid:
                check.add(i, columns["scene_id"], "required", "A value is required.")
            elif not _ID.match(sid):
                check.add(i, columns["scene_id"], "bad_id", "Use 1–64 letters, digits or . _ : -", value=sid)
            elif duplicated[i]:
                check.add(i, columns["scene_id"], "duplicate_id", "This scene id appears earlier in the file.",
                          value=sid)
        if "name" in columns and not name:
            check.add(i, columns["name"], "required", "A value is required.")
        elif "name" in columns and len(name) > MAX_NAME:
            check.add(i, columns["name"], "name_too_long", f"A scene's name has at most {MAX_NAME} characters; "
                      f"this one has {len(name)}. Shorten it.", length=len(name), limit=MAX_NAME)


def _municipalities(check: _Check, ref: Reference, geometry: gpd.GeoSeries) -> tuple[pd.Series, dict[str, str]]:
    """Each row's municipality from its location (the nearest one just outside the generalised boundaries, with
    a warning); a location outside the county is an error, and a stated municipality (code or name) that differs
    a warning. Returns the codes per row and the names by code."""
    add, columns = check.add, check.columns
    tagged = tag_municipality(geometry, ref.boundaries)
    untagged = np.flatnonzero((tagged.isna() & geometry.notna() & ~geometry.is_empty).to_numpy())
    near_boundary: dict[int, float] = {}
    if len(untagged):  # just outside the generalised boundaries: the nearest municipality, with a warning
        nearest = nearest_municipality(geometry.iloc[untagged], ref.boundaries, COUNTY_TOLERANCE_M)
        for j, (code, distance) in zip(untagged.tolist(), nearest.itertuples(index=False), strict=True):
            if isinstance(code, str):
                tagged.iloc[j] = code
                near_boundary[j] = float(distance)
    geoms = np.asarray(geometry.values, dtype=object)  # plain shapely objects: fast to iterate
    areal = geometry.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    reaches_out: set[int] = set()
    if areal.any():  # the whole polygon must lie in the county, not only the point it is tagged by
        inside = shapely.covers(ref.county_outline, geometry[areal].to_crs(SWEREF99TM).to_numpy())
        reaches_out = set(np.flatnonzero(areal)[~inside].tolist())
    munis = Resolver(zip(ref.municipalities["kommun_kod"], ref.municipalities["kommun"], strict=True))
    stated = {c: list(check.col(c)) for c in ("kommun_kod", "kommun") if c in columns}
    for i, (geom, code) in enumerate(zip(geoms, tagged.to_numpy(dtype=object), strict=True)):
        if geom is None or geom.is_empty:
            continue
        if code is None:
            add(i, None, "outside_county", "The location is outside Stockholm County.",
                value=f"{geom.representative_point().y:.5f}, {geom.representative_point().x:.5f}")
            continue
        if i in reaches_out:
            add(i, None, "partly_outside_county", "Part of the area lies outside Stockholm County; draw it inside "
                "the county or split it.")
            continue
        found = munis.names[code]
        if i in near_boundary:
            add(i, None, "near_boundary", f"The location lies {near_boundary[i]:.0f} m outside the shipped "
                f"(generalised) municipality boundaries; it was tagged to the nearest, {found}. Check the "
                "coordinates if that is wrong.", severity="warning", distance=round(near_boundary[i]), found=found)
        for column, values in stated.items():  # the location decides; a stated value that differs is a warning
            value = values[i]
            if not value:
                continue
            key = value
            if column == "kommun_kod" and value.isdigit() and len(value) == 3:
                key = "0" + value  # Excel opened a CSV and dropped the leading zero: 127 is 0127
            fix = code if column == "kommun_kod" else found
            resolved = munis.exact(key)
            resembles = munis.suggestion(value) if resolved is None and column == "kommun" else None
            if resembles is not None and resembles != found:  # a misspelt name of another place: which is wrong?
                add(i, columns[column], "municipality_name_mismatch", f"'{value}' resembles {resembles} but the "
                    f"location lies in {found}: check the coordinates or the municipality.", value=value,
                    severity="warning", stated=value, resembles=resembles, found=found)
            elif resolved is None:
                add(i, columns[column], "unknown_municipality", f"Unknown municipality; the location lies in {found}, "
                    "which is used.", value=value, suggestion=fix, severity="warning", found=found)
            elif resolved != code:
                add(i, columns[column], "municipality_mismatch",
                    f"The row says {munis.names[resolved]} but the location lies in {found}; {found} is used.",
                    value=value, suggestion=fix, severity="warning", stated=munis.names[resolved], found=found)
    return tagged, munis.names


def _categories(check: _Check, ref: Reference) -> list[list[str]]:
    """Each row's category codes: a code, or a label (Swedish or English) with a warning; at least one."""
    cat_codes = Resolver(zip(ref.categories["code"], ref.categories["code"], strict=True))
    cat_labels = Resolver([*zip(ref.categories["code"], ref.categories["label_sv"], strict=True),
                           *zip(ref.categories["code"], ref.categories["label_en"], strict=True)], suggest_code=True)
    column = check.columns.get("categories", "")
    out: list[list[str]] = []
    for i, raw_value in enumerate(check.col("categories")):
        codes: list[str] = []
        if "categories" in check.columns and not raw_value:
            check.add(i, column, "required", "At least one category is required.")
        for part in list_cell(raw_value, i, column, check.add):
            code = cat_codes.exact(part)
            if code is None and (label := cat_labels.exact(part)) is not None:
                check.add(i, column, "category_label", f"A label was given; its code '{label}' is used.",
                          value=part, suggestion=label, severity="warning", category=label)
                code = label
            if code is None:
                check.add(i, column, "unknown_category", "Unknown category.", value=part,
                          suggestion=cat_labels.suggestion(part))
            elif code not in codes:
                codes.append(code)
        out.append(codes)
    return out


def _statuses(check: _Check, ref: Reference) -> list[str | None]:
    """Each row's status code (by code or label), or None when the cell is empty."""
    statuses = Resolver([*zip(ref.statuses["code"], ref.statuses["label_sv"], strict=True),
                         *zip(ref.statuses["code"], ref.statuses["label_en"], strict=True)], suggest_code=True)
    out: list[str | None] = []
    for i, value in enumerate(check.col("status")):
        code = statuses.exact(value) if value else None
        if value and code is None:
            check.add(i, check.columns["status"], "unknown_status", "Unknown status.", value=value,
                      suggestion=statuses.suggestion(value))
        out.append(code)
    return out


def _impact(check: _Check) -> pd.Series:
    """Each row's impact rating as a number (a whole number from 1 to 5, else a problem)."""
    impact = numbers(check.col("impact"))
    for i, (value, number) in enumerate(zip(check.col("impact"), impact, strict=True)):
        if value and not (number == number and float(number).is_integer() and 1 <= number <= 5):
            check.add(i, check.columns["impact"], "bad_impact", "Impact is a whole number from 1 to 5.", value=value)
    return impact


def _passed(check: _Check, frame: gpd.GeoDataFrame) -> ValidationResult:
    """The rows without an error, with their areas; the report sorted by row, errors first, then column."""
    problems, numbers_ = check.problems, check.raw.row_numbers
    bad_rows = {p.row for p in problems if p.severity == "error" and p.row is not None}
    keep = [i for i in range(len(frame)) if numbers_[i] not in bad_rows]
    problems.sort(key=lambda p: (p.row or 0, p.severity != "error", p.column or ""))
    frame = frame.iloc[keep]
    frame["area_m2"] = area_m2(frame.geometry) if len(frame) else []
    return check.result(frame)
