"""Apply every unambiguous suggestion of a check to the analyst's own table, and write the corrected file.

Only cell values are changed, and only where the report made a suggestion it is sure of (a misspelt
municipality, police area, district, category or status; a category label for its code; a stated municipality
that the location contradicts). The corrected file keeps the analyst's columns and rows, so it can be checked
again, published, and kept as the file of record.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from scenes.errors import Problem
from scenes.ingest.readers import RawTable
from scenes.io.formats import neutralise

__all__ = ["APPLICABLE", "Correction", "applicable", "apply_suggestions", "corrected_file"]

#: Problem codes whose suggestion replaces the cell's value (or, in a list cell, the one part named).
APPLICABLE = frozenset({"unknown_municipality", "municipality_mismatch", "unknown_district", "unknown_police_area",
                        "unknown_category", "category_label", "unknown_status", "police_area_dissolved",
                        "police_area_not_yet", "police_area_required"})
_LIST_COLUMNS = {"unknown_category", "category_label"}
_PARTS = re.compile(r"([;,|])")


@dataclass(frozen=True)
class Correction:
    """A corrected file: its name, its bytes, and how many cells were changed."""

    name: str
    data: bytes
    changes: int


def applicable(problems: list[Problem], codes: frozenset[str] | set[str] | None = None) -> list[Problem]:
    """The problems whose suggestion can be applied to a cell (only those of `codes`, when given)."""
    return [p for p in problems if p.code in APPLICABLE and p.suggestion and p.row is not None and p.column
            and p.value is not None and (codes is None or p.code in codes)]


def apply_suggestions(raw: RawTable, problems: list[Problem],
                      codes: frozenset[str] | set[str] | None = None) -> tuple[RawTable, int]:
    """A copy of `raw` with every applicable suggestion (of the kinds `codes`, when given) written into its cell;
    and the number of cells changed. A suggested police area for a file without that column adds the column."""
    table = raw.table.copy()
    fixes = applicable(problems, codes)
    for column in {str(p.column) for p in fixes if p.value == "" and p.column not in table.columns}:
        table[column] = ""
    index = {number: i for i, number in enumerate(raw.row_numbers)}
    changed: set[tuple[int, str]] = set()
    for problem in fixes:
        i = index.get(problem.row)  # type: ignore[arg-type]
        columns = list(table.columns)
        if i is None or problem.column not in columns:
            continue
        j, suggestion = columns.index(problem.column), str(problem.suggestion)
        cell = str(table.iat[i, j])
        if problem.code in _LIST_COLUMNS:  # one part of a list cell: "festmiljo; utsat_omrade"
            new = "".join(suggestion if p.strip() == problem.value else p for p in _PARTS.split(cell))
        else:
            new = suggestion if cell.strip() == problem.value else cell
        if new != cell:
            table.iat[i, j] = new
            changed.add((i, str(problem.column)))
    corrected = RawTable(table=table, kind=raw.kind, geometry=raw.geometry, notes=list(raw.notes), sheets=raw.sheets,
                         row_numbers=list(raw.row_numbers), problems=list(raw.problems))
    return corrected, len(changed)


def corrected_file(raw: RawTable, file_name: str) -> tuple[str, bytes]:
    """The table as a file of the same kind where we can write it (CSV, .xlsx), else GeoJSON; name and bytes.

    CSV is written as Swedish Excel does (`;`, UTF-8 with BOM); cells keep their text exactly (decimal commas
    included), formula-like text is neutralised as in every download.
    """
    stem = Path(file_name).stem or "kartlaggning"
    header = list(raw.table.columns)
    rows = [[str(v) for v in row] for row in raw.table.itertuples(index=False)]
    if raw.kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([[neutralise(v) for v in row] for row in rows])
        return f"{stem}-rattad.csv", ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if raw.kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Scener"
        sheet.append(header)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"  # text stays text: a cell starting with "=" is never a formula
        out = io.BytesIO()
        book.save(out)
        return f"{stem}-rattad.xlsx", out.getvalue()
    frame = gpd.GeoDataFrame(raw.table.copy(), geometry=raw.geometry.reset_index(drop=True) if raw.geometry is not None
                             else None)
    if frame.crs is not None:
        frame = frame.to_crs(4326)
    return f"{stem}-rattad.geojson", frame.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")
