"""Bounded reading of .xlsx workbooks: the zip's declared member sizes are checked against a decompressed-size
budget before openpyxl opens it (Python's zipfile never inflates a member past its declared size, and a lying size
fails its CRC), the shared-strings table (which openpyxl holds in memory) gets a quarter of that budget, every
sheet's rows are scanned once for size and order, and the sheet is streamed (read-only mode) with the same row,
column and cell caps as a CSV file (`scenes.io.bounded`).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from functools import cache
from types import ModuleType

from scenes.errors import ValidationFailed
from scenes.io.bounded import (
    HEADER_SEARCH_ROWS,
    Limits,
    TextBudget,
    TextTable,
    check_cells,
    check_size,
    fail,
    note,
    text_table,
)

__all__ = ["read_xlsx_table"]

#: Excel's own row limit: the bound passed to openpyxl so it never has to size a sheet first.
EXCEL_MAX_ROWS = 1_048_576
#: Where a sheet's `<dimension>` element is looked for (it precedes the data).
DIMENSION_SEARCH_BYTES = 64 * 1024
#: A workbook with more zip members than this is not a spreadsheet an analyst saved.
MAX_ZIP_MEMBERS = 2_000
#: Most worksheets a workbook may list (each is read when looking for the table).
MAX_SHEETS = 50
#: Parts openpyxl parses whole (styles, workbook, relationships …) may each unzip to at most this many bytes.
MAX_SMALL_PART = 5_000_000
#: One `<row>` of a sheet may take at most this many bytes of XML (openpyxl builds a whole row in memory before
#: any column bound applies; a million empty cells in one row would take gigabytes).
MAX_ROW_BYTES = 1_000_000


def _too_large(part: str, size: int, limit: int) -> ValidationFailed:
    return fail("xlsx_part_too_large", f"The workbook's part {part} expands to {size / 1e6:.1f} MB; the limit is "
                f"{limit / 1e6:.1f} MB.", size=round(size / 1e6, 1), limit=round(limit / 1e6, 1), part=part[:100])


def _parts(archive: zipfile.ZipFile) -> tuple[list[str], set[str]]:
    """The worksheet parts (one per sheet entry) and the table-of-texts parts, from the workbook's relationships."""
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

    try:
        rels = archive.getinfo("xl/_rels/workbook.xml.rels")
    except KeyError:
        return [], set()  # openpyxl will say what is missing
    if rels.file_size > MAX_SMALL_PART:
        raise _too_large(rels.filename, rels.file_size, MAX_SMALL_PART)
    sheets: list[str] = []
    shared: set[str] = set()
    for rel in fromstring(archive.read(rels)):
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target))
        if kind.endswith("/worksheet"):
            sheets.append(path)
        elif kind.endswith("/sharedStrings"):
            shared.add(path)
    return sheets, shared


_ROW_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]{0,20}:)?row\b[^>]{0,500}?>|<(?:[A-Za-z_][\w.-]{0,20}:)?row\b')
_ROW_NUMBER = re.compile(rb'\sr="(\d{1,9})"')


def _scan_sheet(archive: zipfile.ZipFile, part: str) -> None:
    """Stream a sheet's XML once, cheaply: no row may be bigger than MAX_ROW_BYTES, and row numbers must rise
    (openpyxl silently drops a row numbered at or below an earlier one, and re-reads a sheet whose rows all say
    1 to the end while looking for a header)."""
    offset, last_start, last_number, rows, tail = 0, 0, 0, 0, b""
    with archive.open(part) as source:
        while chunk := source.read(1 << 20):
            block = tail + chunk
            base = offset - len(tail)
            for match in _ROW_TAG.finditer(block):
                if not match.group(0).endswith(b">") and match.end() > len(block) - 600:
                    break  # a row tag cut by the chunk's end: seen again with the next chunk
                start = base + match.start()
                if start <= last_start and rows:
                    continue  # seen in the previous block's overlap
                rows += 1
                if start - last_start > MAX_ROW_BYTES and rows > 1:
                    raise fail("xlsx_row_too_large", f"Row {last_number or rows - 1} of the sheet takes "
                               f"{(start - last_start) / 1e6:.1f} MB; the limit is {MAX_ROW_BYTES / 1e6:.0f} MB.",
                               row=last_number or rows - 1, size=round((start - last_start) / 1e6, 1),
                               limit=round(MAX_ROW_BYTES / 1e6))
                number = _ROW_NUMBER.search(match.group(0))
                if number is not None:
                    value = int(number.group(1))
                    if value <= last_number:
                        raise fail("xlsx_rows_out_of_order", f"Row {value} comes after row {last_number} in the "
                                   "file; rows out of order would be lost. Save the workbook again in Excel.",
                                   row=value, previous=last_number)
                    last_number = value
                last_start = start
            offset += len(chunk)
            tail = block[-600:]
            if offset - last_start > MAX_ROW_BYTES and rows:
                raise fail("xlsx_row_too_large", f"Row {last_number or rows} of the sheet takes more than "
                           f"{MAX_ROW_BYTES / 1e6:.0f} MB; the limit is {MAX_ROW_BYTES / 1e6:.0f} MB.",
                           row=last_number or rows, size=round((offset - last_start) / 1e6, 1),
                           limit=round(MAX_ROW_BYTES / 1e6))


def _check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a workbook that would expand past the budgets, before openpyxl inflates anything.

    Every part is checked by its declared size (zipfile never inflates past it): worksheets share the whole
    budget and are streamed, the table of texts may take a quarter of it, every other XML part (styles,
    workbook, relationships, which openpyxl parses whole) at most MAX_SMALL_PART. Then each worksheet's rows
    are scanned once for size and order.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise fail("xlsx_too_complex", f"The workbook has {len(members)} parts; the limit is "
                           f"{MAX_ZIP_MEMBERS}.", parts=len(members), limit=MAX_ZIP_MEMBERS)
            total = sum(m.file_size for m in members)
            if total > limits.max_decompressed_bytes:
                raise fail("xlsx_too_large", f"The workbook expands to {total / 1e6:.0f} MB; the limit is "
                           f"{limits.max_decompressed_bytes / 1e6:.0f} MB.", size=round(total / 1e6),
                           limit=round(limits.max_decompressed_bytes / 1e6))
            sheets, shared = _parts(archive)
            if len(sheets) > MAX_SHEETS:
                raise fail("xlsx_too_complex", f"The workbook lists {len(sheets)} sheets; the limit is {MAX_SHEETS}.",
                           parts=len(sheets), limit=MAX_SHEETS)
            for member in members:
                name = member.filename
                if name in sheets or not name.lower().endswith((".xml", ".rels")):
                    continue
                limit = limits.max_shared_strings_bytes if name in shared else MAX_SMALL_PART
                if member.file_size > limit:
                    raise _too_large(name, member.file_size, limit)
            for part in dict.fromkeys(sheets):
                if part in archive.NameToInfo:
                    _scan_sheet(archive, part)
    except ValidationFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, RuntimeError, NotImplementedError,
            SyntaxError) as exc:  # damaged, encrypted or oddly compressed parts; malformed relationships
        raise fail("unreadable_xlsx", f"The Excel file cannot be read: {exc}.", detail=str(exc)[:200]) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def read_xlsx_table(data: bytes, limits: Limits, is_header: Callable[[list[str]], bool],
                    sheet: str | None = None) -> TextTable:
    """An .xlsx workbook's table (the chosen sheet, else the first with a header row `is_header` recognises)."""
    openpyxl = _openpyxl()
    check_size(data, limits)
    _check_zip(data, limits)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:
        raise fail("unreadable_xlsx", f"The Excel file cannot be read: {exc.__class__.__name__}.",
                   detail=exc.__class__.__name__) from exc
    try:
        sheets = list(book.sheetnames)
        if sheet is not None and sheet not in sheets:
            raise fail("no_sheet", f"The workbook has no sheet '{sheet}'. Sheets: {', '.join(sheets)}.",
                       sheet=sheet, sheets=", ".join(sheets))
        for name in [sheet] if sheet else sheets:
            found = _stream_sheet(book[name], limits, is_header)
            if found is not None:
                table = found
                table.notes.insert(0, note("note_sheet", f"sheet: {name}", sheet=name))
                table.sheets = sheets
                return table
    except ValidationFailed:
        raise
    except Exception as exc:
        raise fail("unreadable_xlsx", f"The Excel file cannot be read: {exc.__class__.__name__}.",
                   detail=exc.__class__.__name__) from exc
    finally:
        book.close()
    raise fail("no_header", "No header row found in the first 30 rows; the template shows the column names.")


def _stream_sheet(worksheet, limits: Limits,  # type: ignore[no-untyped-def]
                  is_header: Callable[[list[str]], bool]) -> TextTable | None:
    """Stream one sheet: find the header among the first rows, then read the body under the caps.

    Explicit bounds are always passed to openpyxl: without `max_row` it would look for the sheet's size (parsing
    the whole sheet when the file does not state it), and without `max_col` it would pad every row to the width
    the file claims (16,384 columns, say). The body is read only as wide as the header, plus one column to
    notice cells beyond it.
    """
    header: list[str] | None = None
    header_row = 0
    budget = TextBudget(limits)  # a shared string counts in every cell that refers to it
    rows = worksheet.iter_rows(max_col=limits.max_columns + 1, max_row=HEADER_SEARCH_ROWS, values_only=True)
    for number, values in enumerate(rows, start=1):
        cells = [_cell_text(v) for v in values]
        check_cells(cells, number, limits, None)
        budget.take(cells, number)
        if is_header(cells):
            header, header_row = cells, number
            break
    if header is None:
        return None
    while header and not header[-1].strip():
        header.pop()
    width = len(header)
    body: list[tuple[int, list[str]]] = []
    rows = worksheet.iter_rows(min_row=header_row + 1, max_row=EXCEL_MAX_ROWS, max_col=width + 1, values_only=True)
    for number, values in enumerate(rows, start=header_row + 1):
        if values.count(None) == len(values):  # empty rows (and the gaps openpyxl fills) cost next to nothing
            continue
        if len(body) >= limits.max_rows:
            raise fail("too_many_rows", f"The sheet has more than {limits.max_rows} rows; the limit is "
                       f"{limits.max_rows}.", rows=f"> {limits.max_rows}", limit=limits.max_rows)
        cells = [_cell_text(v) for v in values]
        check_cells(cells, number, limits, header)
        budget.take(cells, number)
        body.append((number, cells))
    notes = [note("note_header_row", f"header row: {header_row}", row=header_row)]
    return text_table(header, body, notes)


@cache
def _openpyxl() -> ModuleType:
    """openpyxl (which uses defusedxml when installed: no entity expansion), imported at the first workbook read,
    so a page that reads none never pays its 0.3 s import. Its read-only sheet is made to look for its size only in
    its first bytes (`_head_sized`) before any workbook is opened."""
    import openpyxl
    from openpyxl.reader import excel

    excel.ReadOnlyWorksheet = _head_sized()  # used by load_workbook(read_only=True)
    return openpyxl  # type: ignore[no-any-return]  # untyped


def _head_sized() -> type:
    """openpyxl's read-only sheet, looking for its `<dimension>` only in the sheet's first bytes.

    The schema puts `<dimension>` before `<sheetData>`, so a file that states its size states it there; openpyxl
    would otherwise parse a whole sheet that does not state it, at every open, before a single row is read.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import WorkSheetParser

    class HeadSizedWorksheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            with self._get_source() as source:
                head = source.read(DIMENSION_SEARCH_BYTES)
            try:
                dimensions = WorkSheetParser(io.BytesIO(head), []).parse_dimensions()
            except Exception:  # a truncated head without a dimension: the size is simply unknown
                dimensions = None
            if dimensions is not None:
                self._min_column, self._min_row, self._max_column, self._max_row = dimensions

    return HeadSizedWorksheet
