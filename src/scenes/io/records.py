"""Record files (measures, safety indicators): read and written as CSV or .xlsx with the survey readers' caps.

A record file is a plain table with documented column names. It is read by the same bounded readers as survey
files (`scenes.io.bounded`: encodings, separators, Excel's quirks, every cap enforced while reading), so an
analyst's file gets the same treatment and the same located problems wherever it is read: on a page or in the
command line. Written files are CSV for Swedish Excel (`;`, UTF-8 with BOM) or a workbook of text cells, with
spreadsheet formulas neutralised either way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import PurePath

import pandas as pd

from scenes.errors import Problem, ValidationFailed
from scenes.io.bounded import TextTable, read_csv_table
from scenes.io.xlsx import read_xlsx_table
from scenes.limits import Limits

__all__ = ["RECORD_FORMATS", "read_record_file", "record_rows", "write_record_file"]

#: The formats a record file is read from and written to, by file suffix.
RECORD_FORMATS = ("csv", "xlsx")


def record_format(file_name: str) -> str:
    """"csv" or "xlsx" from the file's name; anything else is refused with the formats that are read."""
    suffix = PurePath(file_name).suffix.lower().lstrip(".")
    if suffix in ("csv", "txt"):
        return "csv"
    if suffix == "xlsx":
        return "xlsx"
    raise ValidationFailed(f"{file_name!r} is not a CSV or .xlsx file.", [Problem(
        "the file is read as CSV (.csv) or Excel (.xlsx)", code="record_file_type", value=file_name)],
        code="record_file_type", name=file_name)


def read_record_file(file_name: str, data: bytes, limits: Limits, columns: Sequence[str],
                     required: Iterable[str]) -> TextTable:
    """The file's table (text cells, row numbers as a spreadsheet shows them), or ValidationFailed naming each
    missing required column and each unknown column (nothing is read further then)."""
    known = set(columns)

    def is_header(cells: list[str]) -> bool:
        return bool(known & {c.strip() for c in cells})

    fmt = record_format(file_name)
    table = read_csv_table(data, limits) if fmt == "csv" else read_xlsx_table(data, limits, is_header)
    header = [h.strip() for h in table.header]
    table.header = header
    problems = [Problem("required column is missing", column=c, code="missing_column")
                for c in required if c not in header]
    problems += [Problem("unknown column; see the documented columns", column=h, code="unknown_record_column",
                         params={"columns": ", ".join(columns)}) for h in header if h and h not in known]
    if problems:
        raise ValidationFailed("The file's columns are not the documented ones; nothing was imported.", problems,
                               code="record_file_columns")
    if not table.rows:
        raise ValidationFailed("The file has a header but no rows; nothing was imported.",
                               [Problem("the file has a header but no rows", code="no_record_rows")],
                               code="record_file_columns")
    return table


def record_rows(table: TextTable) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: stripped text}) for each row of a read record file."""
    return [(row_no, {h: c.strip() for h, c in zip(table.header, cells, strict=True) if h})
            for row_no, cells in zip(table.row_numbers, table.rows, strict=True)]


def write_record_file(table: pd.DataFrame, fmt: str, sheet: str) -> bytes:
    """`table` (text or number cells; None is empty) as "csv" (Swedish Excel) or "xlsx" (sheet `sheet`)."""
    from scenes.io.formats import neutralise

    if fmt not in RECORD_FORMATS:
        raise ValidationFailed(f"Records are written as CSV or .xlsx, not {fmt!r}.", [Problem(
            "records are written as csv or xlsx", code="record_file_type", value=fmt)], code="record_file_type",
            name=fmt)
    cells = table.astype(object).where(table.notna(), None)
    if fmt == "csv":
        buffer = io.StringIO()
        cells.map(neutralise).to_csv(buffer, sep=";", index=False, lineterminator="\r\n", decimal=",")
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.worksheets[0])
    ws = book.create_sheet(sheet)
    ws.append([str(c) for c in cells.columns])
    for row in cells.itertuples(index=False, name=None):
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if cell.data_type == "f":  # text that looks like a formula stays text (as in the scene export)
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
