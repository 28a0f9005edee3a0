"""Validation and tagging: a raw table in, a canonical scene frame and a complete problem report out.

Every problem is collected (never only the first), located by row and column, and carries a suggestion where one
exists (a misspelt municipality, police area, district or category; a category label instead of its code).
Columns are vectorised where it matters (coordinates, projection, municipality tagging), so a 100,000-row file
validates in seconds; unknown values are fuzzy-matched once per distinct value, not once per row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz, process

from scenes.errors import Problem, ProblemReport
from scenes.geo import SWEREF99TM, WGS84, area_m2, nearest_municipality, tag_municipality
from scenes.ingest.columns import DERIVED, canonical_name, normalise_header, suggest
from scenes.ingest.readers import RawTable
from scenes.io.bounded import note
from scenes.io.formats import normalise_scene_frame
from scenes.reference import COUNTY_TOLERANCE_M, Reference

__all__ = ["ValidationResult", "header_mapping", "validate"]

#: A report lists at most this many problems (one more line says how many were left out).
MAX_PROBLEMS = 5_000
#: Most values (categories, predecessors) in one list cell.
MAX_LIST_VALUES = 50
#: Fuzzy name suggestions closer than this (rapidfuzz WRatio points) to a second candidate are not offered.
AMBIGUOUS_MARGIN = 5.0
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
# SWEREF 99 TM ranges for Sweden: northing 6.1–7.7 million m, easting 0.2–1.0 million m.
_NORTHING = (6_100_000, 7_700_000)
_EASTING = (200_000, 1_000_000)


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


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


class _Resolver:
    """Resolve a value by code or name; unknown values get a fuzzy suggestion (computed once per value)."""

    def __init__(self, pairs: Iterable[tuple[str, str]], *, suggest_code: bool = False) -> None:
        self.suggest_code = suggest_code
        self.by_code: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for code, name in pairs:
            self.by_code[code.lower()] = code
            self.by_name[name.strip().lower()] = code
            self.names[code] = name
        self._cache: dict[str, str | None] = {}

    def exact(self, value: str) -> str | None:
        key = value.strip().lower()
        return self.by_code.get(key) or self.by_name.get(key)

    def suggestion(self, value: str) -> str | None:
        if value not in self._cache:
            choices = {**{_fold(n): n for n in self.by_name}, **{_fold(c): c for c in self.by_code}}
            matches = process.extract(_fold(value), list(choices), scorer=fuzz.WRatio, score_cutoff=80, limit=5)
            found: dict[str, float] = {}
            for text, score, _ in matches:
                key = choices[text]
                code = self.by_code.get(key) or self.by_name[key]
                found[code] = max(score, found.get(code, 0.0))
            ranked = sorted(found.items(), key=lambda item: -item[1])
            # Unambiguous only: a runner-up within AMBIGUOUS_MARGIN points means we cannot tell which was meant.
            if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUOUS_MARGIN):
                self._cache[value] = None
            else:
                code = ranked[0][0]
                self._cache[value] = code if self.suggest_code else self.names[code]
        return self._cache[value]


def _number(series: pd.Series) -> pd.Series:
    """Numbers written with decimal comma or point, spaces as thousands separators; NaN where not a number."""
    cleaned = series.astype(str).str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    cleaned = cleaned.str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce")


_SPLIT = re.compile(r"[;,|]")


def _list_cell(value: str, i: int, column: str, add) -> list[str]:  # type: ignore[no-untyped-def]
    """The values of a list cell (categories, predecessors); none, with an error, past MAX_LIST_VALUES."""
    parts = _split(value)
    if len(parts) <= MAX_LIST_VALUES:
        return parts
    add(i, column, "too_many_values", f"The cell lists {len(parts)} values; the limit is {MAX_LIST_VALUES}.",
        count=len(parts), limit=MAX_LIST_VALUES)
    return []


def _split(value: str) -> list[str]:
    if not value:
        return []
    return [v.strip() for v in _SPLIT.split(value) if v.strip()]


def validate(raw: RawTable, ref: Reference, *, mapping: dict[str, str | None] | None = None,
             max_rows: int = 100_000, survey_date: dt.date | None = None) -> ValidationResult:
    """Check every row and tag it; the frame holds the rows that passed (publish only when `ok`).

    Reference geography that changes (police areas) is checked against `survey_date`: a police area that had
    ended (or not yet begun) by then is an error naming its successors. Without a date, today is used and a note
    says so.
    """
    problems = ProblemReport(raw.problems, cap=MAX_PROBLEMS)  # a report nobody can read, and memory nobody should spend
    notes = list(raw.notes)
    table = raw.table
    numbers = raw.row_numbers

    def row_no(i: int) -> int:
        return numbers[i]

    def add(i: int | None, column: str | None, code: str, message: str, *, value: object = None,
            suggestion: str | None = None, severity: str = "error", **params: object) -> None:
        problems.append(Problem(message, row=None if i is None else row_no(i), column=column,
                                value=None if value is None else str(value), suggestion=suggestion,
                                severity=severity, code=code, params=params))

    if table.empty:
        add(None, None, "no_rows", "The file has no data rows.")
        return ValidationResult(normalise_scene_frame(gpd.GeoDataFrame(geometry=[], crs=WGS84)), problems.listed(),
                                notes)
    if len(table) > max_rows:
        add(None, None, "too_many_rows", f"The file has {len(table)} rows; the limit is {max_rows}.",
            rows=len(table), limit=max_rows)
        return ValidationResult(normalise_scene_frame(gpd.GeoDataFrame(geometry=[], crs=WGS84)), problems.listed(),
                                notes)

    # -- headers ------------------------------------------------------------------------------------------
    columns: dict[str, str] = {}
    for header in table.columns:
        target = (mapping or {}).get(header, canonical_name(header)) if mapping and header in mapping \
            else canonical_name(header)
        if target is None and normalise_header(header) in DERIVED:
            notes.append(note("note_derived_column", f"column '{header}' is computed on import and was ignored",
                              column=header))
            continue
        if target is None:
            hint = suggest(header)
            add(None, header, "unknown_column", "Unknown column; it is ignored unless you map it.",
                suggestion=", ".join(hint) or None, severity="warning")
            continue
        if target in columns:
            add(None, header, "duplicate_column", f"Two columns mean '{target}'.", severity="error", field=target)
            continue
        columns[target] = header

    blank = pd.Series([""] * len(table), index=table.index)

    def col(name: str) -> pd.Series:
        return table[columns[name]] if name in columns else blank

    for required in ("scene_id", "name", "categories"):
        if required not in columns:
            add(None, required, "missing_column", "Required column is missing.", field=required)

    # -- geometry -----------------------------------------------------------------------------------------
    geometry = _geometry(raw, columns, col, add, notes)
    if geometry is None:
        return ValidationResult(normalise_scene_frame(gpd.GeoDataFrame(geometry=[], crs=WGS84)), problems.listed(),
                                notes)

    # -- ids and names ---------------------------------------------------------------------------------------
    ids = col("scene_id")
    names = col("name")
    duplicated = ids.duplicated(keep="first") & ids.ne("")
    duplicated_list = list(duplicated)
    for i, (sid, name) in enumerate(zip(ids, names, strict=True)):
        if "scene_id" in columns:
            if not sid:
                add(i, columns["scene_id"], "required", "A value is required.")
            elif not _ID.match(sid):
                add(i, columns["scene_id"], "bad_id", "Use 1–64 letters, digits or . _ : -", value=sid)
            elif duplicated_list[i]:
                add(i, columns["scene_id"], "duplicate_id", "This scene id appears earlier in the file.", value=sid)
        if "name" in columns and not name:
            add(i, columns["name"], "required", "A value is required.")

    # -- where: municipality from the geometry; a stated one (code or name column) is checked ----------------
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
    munis = _Resolver(zip(ref.municipalities["kommun_kod"], ref.municipalities["kommun"], strict=True))
    stated = {c: list(col(c)) for c in ("kommun_kod", "kommun") if c in columns}
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

    # -- district, police area (as they were on the survey's date) ----------------------------------------------
    out_district, out_lpo = _police_areas(ref, geometry, tagged, columns, col, add, notes, survey_date)

    # -- categories, status, impact, predecessors ------------------------------------------------------------
    cat_codes = _Resolver(zip(ref.categories["code"], ref.categories["code"], strict=True))
    cat_labels = _Resolver([*zip(ref.categories["code"], ref.categories["label_sv"], strict=True),
                            *zip(ref.categories["code"], ref.categories["label_en"], strict=True)], suggest_code=True)
    statuses = _Resolver([*zip(ref.statuses["code"], ref.statuses["label_sv"], strict=True),
                          *zip(ref.statuses["code"], ref.statuses["label_en"], strict=True)], suggest_code=True)
    out_cats: list[list[str]] = []
    for i, raw_value in enumerate(col("categories")):
        codes: list[str] = []
        if "categories" in columns and not raw_value:
            add(i, columns["categories"], "required", "At least one category is required.")
        for part in _list_cell(raw_value, i, columns.get("categories", ""), add):
            code = cat_codes.exact(part)
            if code is None and (label := cat_labels.exact(part)) is not None:
                add(i, columns["categories"], "category_label", f"A label was given; its code '{label}' is used.",
                    value=part, suggestion=label, severity="warning", category=label)
                code = label
            if code is None:
                add(i, columns["categories"], "unknown_category", "Unknown category.", value=part,
                    suggestion=cat_labels.suggestion(part))
            elif code not in codes:
                codes.append(code)
        out_cats.append(codes)
    out_status: list[str | None] = []
    for i, value in enumerate(col("status")):
        code = statuses.exact(value) if value else None
        if value and code is None:
            add(i, columns["status"], "unknown_status", "Unknown status.", value=value,
                suggestion=statuses.suggestion(value))
        out_status.append(code)
    impact = _number(col("impact"))
    for i, (value, number) in enumerate(zip(col("impact"), impact, strict=True)):
        if value and not (number == number and float(number).is_integer() and 1 <= number <= 5):
            add(i, columns["impact"], "bad_impact", "Impact is a whole number from 1 to 5.", value=value)

    # -- assemble the rows that passed ------------------------------------------------------------------------
    frame = gpd.GeoDataFrame({
        "scene_id": ids.to_numpy(), "name": names.to_numpy(), "kommun_kod": tagged.to_numpy(),
        "kommun": [munis.names.get(c, "") if c else "" for c in tagged],
        "lokalpolisomrade": out_lpo, "stadsdel": out_district, "categories": out_cats, "status": out_status,
        "impact": impact.where(impact.between(1, 5)).to_numpy(),
        "predecessors": [_list_cell(v, i, columns.get("predecessors", ""), add)
                         for i, v in enumerate(col("predecessors"))], "notes": col("notes").to_numpy(),
    }, geometry=geometry.to_numpy(), crs=WGS84)
    bad_rows = {p.row for p in problems if p.severity == "error" and p.row is not None}
    keep = [i for i in range(len(frame)) if numbers[i] not in bad_rows]
    problems.sort(key=lambda p: (p.row or 0, p.severity != "error", p.column or ""))
    frame = frame.iloc[keep]
    frame["area_m2"] = area_m2(frame.geometry) if len(frame) else []
    return ValidationResult(normalise_scene_frame(frame), problems.listed(), notes)


#: A Stockholm row without police area or district gets the police area of the nearest row in the same file that
#: has one (as a suggestion, never silently) when that row lies within this distance (metres).
NEIGHBOUR_M = 1_000.0
STOCKHOLM = "0180"


def _police_areas(ref: Reference, geometry: gpd.GeoSeries, tagged: pd.Series, columns: dict[str, str], col,  # type: ignore[no-untyped-def]
                  add, notes: list[Problem], survey_date: dt.date | None) -> tuple[list[str | None], list[str | None]]:
    """Each row's district and police area on the survey's date.

    A stated police area must exist on that date (a dissolved one is an error naming its successors, with the
    successor that covers the row's place as the suggestion). A missing one is derived from the place where the
    coverage table decides it: the municipality, or in Stockholm city the district (the shipped data has no
    district boundaries, so a point in Stockholm alone does not decide it). Where it is not decided, the error
    names the candidates and suggests the police area of the nearest row within NEIGHBOUR_M that has one.
    """
    day = survey_date or dt.date.today()
    if survey_date is None:
        notes.append(note("note_no_survey_date", f"no survey date given: police areas are checked as of today "
                          f"({day.isoformat()})", day=day.isoformat()))
    districts = _Resolver(zip(ref.districts["district_code"], ref.districts["name"], strict=True))
    lpos = _Resolver(zip(ref.police_areas["lpo_code"], ref.police_areas["name"], strict=True))
    name = ref.police_area_name
    covering = functools.cache(lambda kind, unit: ref.police_areas_covering(kind, unit, day))  # once per place
    valid = functools.cache(lambda code: ref.police_area_valid_on(code, day))  # once per police area
    successors_of = functools.cache(ref.police_area_successors)
    lpo_column = columns.get("lokalpolisomrade", "lokalpolisomrade")
    out_district: list[str | None] = []
    out_lpo: list[str | None] = []
    undecided: dict[int, list[str]] = {}  # row index -> candidates (possibly none)
    district_values, lpo_values = list(col("stadsdel")), list(col("lokalpolisomrade"))
    for i, code in enumerate(tagged):
        d_raw = district_values[i]
        district = None
        if d_raw:
            district = districts.exact(d_raw)
            if district is None:
                add(i, columns["stadsdel"], "unknown_district", "Unknown Stockholm city district.", value=d_raw,
                    suggestion=districts.suggestion(d_raw))
            elif code is not None and code != STOCKHOLM:
                add(i, columns["stadsdel"], "district_outside_stockholm",
                    "Districts apply only inside Stockholm municipality; the value is ignored.", value=d_raw,
                    severity="warning")
                district = None
        out_district.append(district)
        if code is None:
            candidates: list[str] = []
        elif code == STOCKHOLM:
            candidates = covering("stadsdel", district) if district else []
        else:
            candidates = covering("kommun", code)
        l_raw = lpo_values[i]
        lpo = None
        if l_raw:
            lpo = lpos.exact(l_raw)
            if lpo is None:
                add(i, lpo_column, "unknown_police_area", "Unknown local police area.", value=l_raw,
                    suggestion=lpos.suggestion(l_raw))
            elif not valid(lpo):
                start, end = ref.police_area_period(lpo)
                fix = name(candidates[0]) if len(candidates) == 1 else None
                if end is not None and day > end:
                    successors = successors_of(lpo)
                    if fix is None and len(successors) == 1:
                        fix = name(successors[0])
                    names = ", ".join(name(s) for s in successors) or "–"
                    add(i, lpo_column, "police_area_dissolved", f"{name(lpo)} ended on {end.isoformat()}, before the "
                        f"survey's date {day.isoformat()}; it was succeeded by {names}.", value=l_raw, suggestion=fix,
                        area=name(lpo), ended=end.isoformat(), day=day.isoformat(), successors=names)
                else:
                    add(i, lpo_column, "police_area_not_yet", f"{name(lpo)} began on "
                        f"{start.isoformat() if start else '?'}, after the survey's date {day.isoformat()}.",
                        value=l_raw, suggestion=fix, area=name(lpo),
                        began=start.isoformat() if start else "?", day=day.isoformat())
                lpo = None
        elif len(candidates) == 1:
            lpo = candidates[0]  # decided by the place
        elif code is not None:
            undecided[i] = candidates
        out_lpo.append(lpo)
    if undecided:
        _suggest_police_areas(ref, geometry, tagged, out_lpo, undecided, lpo_column, add, day)
    return out_district, out_lpo


def _suggest_police_areas(ref: Reference, geometry: gpd.GeoSeries, tagged: pd.Series, out_lpo: list[str | None],  # type: ignore[no-untyped-def]
                          undecided: dict[int, list[str]], lpo_column: str, add, day: dt.date) -> None:
    """An error for each row whose police area the place does not decide, with the candidates it has; the police
    area of the nearest decided row of the same municipality within NEIGHBOUR_M (if it is a candidate) is the
    suggestion. Nearest rows are found with a spatial index: linear-logarithmic in the rows, not quadratic."""
    points = gpd.GeoSeries([g.representative_point() if g is not None and not g.is_empty else None
                            for g in geometry], crs=WGS84).to_crs(SWEREF99TM).to_numpy()
    codes = tagged.to_numpy(dtype=object)
    name = ref.police_area_name
    nearest: dict[int, tuple[str, float]] = {}
    for municipality in {codes[i] for i in undecided}:
        decided = [j for j, lpo in enumerate(out_lpo) if lpo is not None and points[j] is not None
                   and codes[j] == municipality]
        asking = [i for i in undecided if codes[i] == municipality and points[i] is not None]
        if not decided or not asking:
            continue
        tree = shapely.STRtree(np.asarray([points[j] for j in decided], dtype=object))
        (found_at, hits), distances = tree.query_nearest(np.asarray([points[i] for i in asking], dtype=object),
                                                         max_distance=NEIGHBOUR_M, return_distance=True,
                                                         all_matches=False)
        for a, h, distance in zip(found_at.tolist(), hits.tolist(), distances.tolist(), strict=True):
            nearest.setdefault(asking[a], (str(out_lpo[decided[h]]), float(distance)))
    stockholm = None
    for i, candidates in undecided.items():
        fix = None
        if i in nearest and (not candidates or nearest[i][0] in candidates):
            fix = name(nearest[i][0])
        if candidates:
            options = " / ".join(name(c) for c in candidates)
        else:
            if stockholm is None:  # the police areas that cover a district on that day
                valid = set(ref.police_areas_on(day)["lpo_code"])
                cov = ref.coverage
                stockholm = " / ".join(name(str(c)) for c in dict.fromkeys(cov.loc[cov["kind"] == "stadsdel",
                                                                                   "lpo_code"]) if c in valid)
            options = stockholm
        message = (f"The local police area is required here: the place does not decide it ({options}); give it, "
                   "or give the district.")
        if fix:
            message += f" The nearest row with a police area ({nearest[i][1]:.0f} m away) has {fix}."
        add(i, lpo_column, "police_area_required", message, value="", suggestion=fix, options=options)

ALLOWED_GEOMETRIES = ("Point", "Polygon", "MultiPolygon")
#: A scene's outline is drawn by hand or simplified from a survey: these bound the work (repair, areas, preview).
MAX_VERTICES = 50_000
MAX_PARTS = 1_000
#: Repairing a self-intersecting polygon takes time that grows with the number of crossings (a star of 401
#: corners: 4 s): only small outlines are repaired here, within a CPU budget for the whole file.
MAX_REPAIR_VERTICES = 250
REPAIR_BUDGET_S = 10.0


def _geometry(raw: RawTable, columns: dict[str, str], col, add, notes: list[Problem]) -> gpd.GeoSeries | None:  # type: ignore[no-untyped-def]
    """Geometry per row in WGS 84, from the file's geometry, WKT, lat/lon or SWEREF 99 TM; repairs polygons.

    A WKT column and coordinate columns may be given together (our CSV export does): a row's WKT is used where
    it has one, its coordinates elsewhere. Only points, polygons and multipolygons are scenes.
    """
    n = len(raw.table)
    if raw.geometry is not None:
        series = raw.geometry.reset_index(drop=True)
        series = series.set_crs(series.crs or WGS84, allow_override=True)
        missing = (series.isna() | series.is_empty).to_numpy()
        reported = {p.row for p in raw.problems}
        for j in np.flatnonzero(missing).tolist():
            if raw.row_numbers[j] not in reported:  # a feature whose geometry could not be read says so already
                add(j, None, "no_location", "The row has no location.")
    else:
        wkt = _wkt_geometry(columns, col, add, notes) if "wkt" in columns else None
        has_wkt = np.zeros(n, dtype=bool) if wkt is None else ~(wkt.isna() | wkt.is_empty).to_numpy()
        points = _point_geometry(columns, col, add, notes, skip=has_wkt if wkt is not None else None)
        if wkt is None and points is None:
            add(None, None, "no_geometry",
                "No coordinates found: give lat and lon, SWEREF 99 TM northing and easting (or X and Y), a WKT "
                "column, or upload GeoJSON/GeoPackage.")
            return None
        if wkt is None:
            series = points
        elif points is None:
            series = wkt
            for j in np.flatnonzero(~has_wkt).tolist():
                add(j, columns["wkt"], "no_location", "The row has no location.")
        else:
            series = gpd.GeoSeries(np.where(has_wkt, wkt.to_numpy(), points.to_numpy()), crs=WGS84)
    if series.crs is not None and series.crs.to_epsg() != WGS84:
        series = series.to_crs(WGS84)
    fixed = list(np.asarray(series.values, dtype=object))
    started = time.process_time()
    for i, geom in enumerate(fixed):
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type not in ALLOWED_GEOMETRIES:
            add(i, None, "geometry_type", f"A {geom.geom_type} is not a scene; give a point, a polygon or a "
                "multipolygon.", value=geom.geom_type, type=geom.geom_type)
            fixed[i] = None
        elif (corners := shapely.get_num_coordinates(geom)) > MAX_VERTICES or \
                shapely.get_num_geometries(geom) > MAX_PARTS:
            add(i, None, "geometry_too_complex", f"The geometry has {corners} corners in "
                f"{shapely.get_num_geometries(geom)} parts; the limit is {MAX_VERTICES} corners and {MAX_PARTS} "
                "parts. Simplify it (e.g. in QGIS: Vector > Geometry Tools > Simplify).", corners=int(corners),
                parts=int(shapely.get_num_geometries(geom)), limit=MAX_VERTICES, parts_limit=MAX_PARTS)
            fixed[i] = None
        elif not geom.is_valid:
            if corners > MAX_REPAIR_VERTICES or time.process_time() - started > REPAIR_BUDGET_S:
                add(i, None, "invalid_geometry_large", "The polygon is invalid (e.g. self-intersecting) and too "
                    "large to repair here; repair it in your GIS (QGIS: Processing > Fix geometries).",
                    corners=int(corners), limit=MAX_REPAIR_VERTICES)
                fixed[i] = None
                continue
            try:
                # "structure" rebuilds rings by the even-odd rule: linear in practice, where the default
                # ("linework") takes minutes for a self-intersecting star of a few hundred corners.
                repaired = shapely.make_valid(geom, method="structure")
            except shapely.errors.GEOSException:
                repaired = geom
            if repaired.is_valid and repaired.geom_type in ("Polygon", "MultiPolygon") and repaired.area > 0:
                add(i, None, "repaired_polygon", "The polygon was invalid (e.g. self-intersecting) and was repaired.",
                    severity="warning")
                fixed[i] = repaired
                continue
            add(i, None, "invalid_geometry", "The geometry is invalid and cannot be repaired safely.")
            fixed[i] = None
    out = gpd.GeoSeries(fixed, crs=WGS84)
    assert len(out) == n  # noqa: S101 - one geometry per row, by construction
    return out


def _wkt_geometry(columns: dict[str, str], col, add, notes: list[Problem]) -> gpd.GeoSeries:  # type: ignore[no-untyped-def]
    """The WKT column in WGS 84; SWEREF 99 TM is recognised from the size of the numbers."""
    parsed = []
    for i, text in enumerate(col("wkt")):
        try:
            parsed.append(shapely.from_wkt(text) if text else None)
        except shapely.errors.GEOSException:
            add(i, columns["wkt"], "bad_wkt", "Not a valid WKT geometry.", value=text[:60])
            parsed.append(None)
    sample = [g for g in parsed if g is not None and not g.is_empty]
    large = bool(sample) and abs(sample[0].representative_point().x) > 1000
    crs_name = "SWEREF 99 TM (EPSG:3006)" if large else "WGS 84 (EPSG:4326)"
    notes.append(note("note_wkt_crs", f"WKT coordinates read as {crs_name}", crs=crs_name))
    return gpd.GeoSeries(parsed, crs=SWEREF99TM if large else WGS84).to_crs(WGS84)


def _point_geometry(columns: dict[str, str], col, add, notes: list[Problem],  # type: ignore[no-untyped-def]
                    skip: np.ndarray | None) -> gpd.GeoSeries | None:
    """Points from lat/lon or SWEREF 99 TM columns, in WGS 84; None when there are no such columns.

    Rows in `skip` (they have a WKT geometry) are not reported when their coordinates are missing.
    """
    if "lat" in columns and "lon" in columns:
        y_col, x_col, crs = "lat", "lon", WGS84
        notes.append(note("note_latlon", "coordinates: latitude/longitude (WGS 84)"))
        message = "Latitude and longitude must be numbers."
    else:
        north_col, east_col = _northing_easting(columns, col, notes)
        if north_col is None or east_col is None:
            return None
        y_col, x_col, crs = north_col, east_col, SWEREF99TM
        message = "Coordinates must be numbers."
    y, x = _number(col(y_col)), _number(col(x_col))
    bad = (y.isna() | x.isna()).to_numpy().copy()
    if skip is not None:
        bad &= ~skip
    for j in np.flatnonzero(bad).tolist():
        add(j, columns[y_col], "bad_coordinate", message, value=f"{col(y_col).iloc[j]}, {col(x_col).iloc[j]}")
    return _points(x, y).set_crs(crs).to_crs(WGS84)


def _points(x: pd.Series, y: pd.Series) -> gpd.GeoSeries:
    """Points where both numbers are present; None elsewhere (reported as a bad coordinate)."""
    ok = (x.notna() & y.notna()).to_numpy()
    geoms = np.full(len(x), None, dtype=object)
    geoms[ok] = shapely.points(x.to_numpy()[ok], y.to_numpy()[ok])
    return gpd.GeoSeries(geoms)


def _northing_easting(columns: dict[str, str], col, notes: list[Problem]) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """Which columns hold SWEREF 99 TM northing and easting; X/Y are decided from the values."""
    if "northing" in columns and "easting" in columns:
        notes.append(note("note_northing_easting", "coordinates: SWEREF 99 TM northing/easting"))
        return "northing", "easting"
    if "x" in columns and "y" in columns:
        x, y = _number(col("x")).median(), _number(col("y")).median()
        if _NORTHING[0] <= x <= _NORTHING[1] and _EASTING[0] <= y <= _EASTING[1]:
            notes.append(note("note_x_northing", "coordinates: X read as northing and Y as easting (SWEREF 99 TM; "
                              "Swedish practice), decided from the values"))
            return "x", "y"
        if _NORTHING[0] <= y <= _NORTHING[1] and _EASTING[0] <= x <= _EASTING[1]:
            notes.append(note("note_x_easting", "coordinates: X read as easting and Y as northing (SWEREF 99 TM), "
                              "decided from the values"))
            return "y", "x"
    return None, None

