"""Bounded reading of tabular files: every cap is enforced while reading, never after.

A file is read into a header and rows of text cells. The caps (`Limits`) bound the work any file can cause:

- bytes: checked before anything is decoded (the upload page and the command line never buffer more);
- CSV: the text is decoded once; the separator is found by a linear scan of a bounded sample (no
  `csv.Sniffer`, whose time grows with the square of a line's length); rows, columns and cell lengths are
  checked as each record is read, so reading stops at the first record over a cap;
- .xlsx: the zip's declared member sizes are checked against a decompressed-size budget before openpyxl opens
  it (Python's zipfile never inflates a member past its declared size, and a lying size fails its CRC), the
  shared-strings table (which openpyxl holds in memory) gets a quarter of that budget, and the sheet is
  streamed (read-only mode) with the same row, column and cell caps.

Text is normalised to Unicode NFC (macOS writes decomposed å/ä/ö), Excel's `sep=;` first line is honoured,
and UTF-16 files with a byte-order mark (Excel's "Unicode text") are read.
"""

from __future__ import annotations

import contextlib
import csv
import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.reader import excel as openpyxl_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from scenes.errors import Problem, ValidationFailed
from scenes.limits import Limits

__all__ = ["Limits", "TextBudget", "TextTable", "column_name", "decode", "detect_separator", "fail", "nfc",
           "read_csv_table", "read_xlsx_table"]

#: How much of a CSV file the separator detection looks at (bytes of text) and how many records.
SAMPLE_CHARS = 64 * 1024
SAMPLE_RECORDS = 50
#: The header row of a workbook is looked for among its first rows.
HEADER_SEARCH_ROWS = 30
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
#: A column name longer than this is not a column name (and would make the fuzzy suggestions slow).
MAX_HEADER_CHARS = 200
SEPARATORS = (";", ",", "\t")
_FORMULA_START = ("=", "+", "-", "@")  # as `formats.neutralise` writes them (tab and CR are stripped anyway)
SEPARATOR_NAMES = {";": ";", ",": ",", "\t": "tab", "|": "|"}


@dataclass
class TextTable:
    """A header and rows of stripped, NFC-normalised text; `row_numbers` are the rows as the analyst sees them."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    notes: list[Problem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


def fail(code: str, message: str, *, row: int | None = None, column: str | None = None,
         **params: object) -> ValidationFailed:
    """A reading failure as one located problem."""
    return ValidationFailed(message, [Problem(message, row=row, column=column, code=code, params=dict(params))],
                            code="file_unreadable")


def note(code: str, message: str, **params: object) -> Problem:
    """A decision taken while reading (encoding, separator, CRS …), reported like a problem but harmless."""
    return Problem(message, severity="info", code=code, params=dict(params))


def nfc(text: str) -> str:
    """Unicode NFC (composed å, ä, ö); ASCII text is returned as it is."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def check_size(data: bytes, limits: Limits) -> None:
    if not data:
        raise fail("empty_file", "The file is empty.")
    if len(data) > limits.max_bytes:
        raise fail("too_large", f"The file is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.1f} MB.",
                   size=round(len(data) / 1e6, 1), limit=round(limits.max_bytes / 1e6, 1))


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            raise fail("bad_encoding", f"The file says it is UTF-8 but byte {exc.start + 3} is not: {exc.reason}.",
                       position=exc.start + 3) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise fail("bad_encoding", f"The file says it is UTF-16 but byte {exc.start} is not: {exc.reason}.",
                       position=exc.start) from exc
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if not data[:exc.start].isascii():  # UTF-8 letters before the fault: a file of mixed encodings
            line = data[:exc.start].count(b"\n") + 1
            raise fail("mixed_encoding", f"Line {line} is not UTF-8 although earlier lines are (byte {exc.start}); "
                       "save the whole file as UTF-8.", row=line, position=exc.start) from exc
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def detect_separator(text: str) -> str:
    """The separator of a CSV text: `;`, `,` or tab, from a bounded sample, in time linear in the sample.

    Counts each candidate outside quotes per record (a quote toggles the quoted state, so Excel's doubled quotes
    and line breaks inside quoted cells are handled) and takes the candidate that splits the most records into
    the same, non-zero number of cells; ties go to `;` (Swedish Excel), then `,`, then tab.
    """
    sample = text[:SAMPLE_CHARS]
    counts: list[dict[str, int]] = []
    current = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    seen_text = False
    for ch in sample:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "\n" or ch == "\r":
            if seen_text:
                counts.append(current)
                if len(counts) >= SAMPLE_RECORDS:
                    break
            current, seen_text = dict.fromkeys(SEPARATORS, 0), False
            continue
        elif ch in current:
            current[ch] += 1
        seen_text = True
    if seen_text and len(counts) < SAMPLE_RECORDS and len(sample) == len(text):
        counts.append(current)  # the last record, when the whole text was sampled

    def score(sep: str) -> tuple[int, int, int]:
        values = [c[sep] for c in counts]
        if not values or not values[0]:  # the header row must be split by it
            return (0, 0, 0)
        consistent = sum(1 for v in values if v == values[0])
        return (consistent, values[0], -SEPARATORS.index(sep))

    return max(SEPARATORS, key=score)


def _sep_line(text: str) -> tuple[str | None, str]:
    """Excel's `sep=X` first line: the separator it names and the text after it."""
    head, _, rest = text.partition("\n")
    stripped = head.rstrip("\r").strip(" ").strip('"')
    if stripped.lower().startswith("sep=") and len(stripped) == 5:
        return stripped[4], rest
    return None, text


def column_name(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _check_cells(cells: list[str], row: int, limits: Limits, header: list[str] | None) -> None:
    if len(cells) > limits.max_columns and any(c.strip() for c in cells[limits.max_columns:]):
        raise fail("too_many_columns", f"Row {row} has {len(cells)} cells; the limit is {limits.max_columns} columns.",
                   row=row, cells=len(cells), limit=limits.max_columns)
    def where(j: int) -> str:
        return header[j] if header and j < len(header) and header[j] else column_name(j)

    for j, cell in enumerate(cells):
        if "\x00" in cell:
            raise fail("nul_character", "The cell holds a NUL character (byte 0), which no database stores; remove "
                       "it.", row=row, column=where(j))
        if len(cell) > limits.max_cell_chars:
            column = where(j)
            raise fail("cell_too_long", f"The cell has {len(cell)} characters; the limit is {limits.max_cell_chars}.",
                       row=row, column=column, length=len(cell), limit=limits.max_cell_chars)


class TextBudget:
    """Counts the characters of the cells a file becomes, as they are read; refuses past `Limits.max_text_chars`.

    Each cell costs its characters and one more, as it would in a CSV file (its separator), so a sparse sheet of
    empty cells is bounded too."""

    def __init__(self, limits: Limits) -> None:
        self.limit = limits.max_text_chars
        self.used = 0

    def take(self, cells: list[str], row: int) -> None:
        self.used += sum(map(len, cells)) + len(cells)
        if self.used > self.limit:
            raise too_much_text(row, self.limit)


def too_much_text(row: int, limit: int) -> ValidationFailed:
    return fail("too_much_text", f"By row {row} the cells hold more than {limit:,} characters in all; the limit is "
                f"{limit:,} (what a CSV file of the size limit can hold). Text repeated in many cells counts each "
                "time; remove the repeated text or split the file.", row=row, limit=limit)


def _unquote(cell: str) -> str:
    """Undo the apostrophe our CSV downloads put before text a spreadsheet would run as a formula."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _FORMULA_START else cell


def _table(header_cells: list[str], body: list[tuple[int, list[str]]], notes: list[Problem], *,
           unquote: bool = False) -> TextTable:
    """Header checks (duplicates, empty names), rows padded to the header, empty rows dropped."""
    header = [nfc(h).strip() for h in header_cells[: max((i + 1 for i, h in enumerate(header_cells) if h.strip()),
                                                         default=0)]]
    seen: dict[str, int] = {}
    for j, name in enumerate(header):
        if len(name) > MAX_HEADER_CHARS:
            raise fail("header_too_long", f"The name of column {column_name(j)} has {len(name)} characters; the "
                       f"limit is {MAX_HEADER_CHARS}. Is the header row really the first row?",
                       column=column_name(j), length=len(name), limit=MAX_HEADER_CHARS)
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            first = seen[key]
            raise fail("duplicate_header",
                       f"The header has '{header[first]}' twice (columns {column_name(first)} and "
                       f"{column_name(j)}); rename or remove one.",
                       column=name, first=header[first], first_at=column_name(first), second_at=column_name(j))
        seen[key] = j
    width = len(header)
    keep = [j for j, name in enumerate(header) if name]
    rows, numbers = [], []
    for k, (number, cells) in enumerate(body):
        body[k] = (number, [])  # each raw row is released as soon as it is converted: one copy at a time
        extra = [c for c in cells[width:] if c.strip()]
        if extra:
            raise fail("extra_cells", f"Row {number} has {len(extra)} more filled cell(s) than the header has "
                       "columns; a quote or separator inside a cell is probably not quoted.",
                       row=number, extra=len(extra))
        values = [nfc(cells[j]).strip() if j < len(cells) else "" for j in keep]
        if unquote:
            values = [_unquote(v) for v in values]
        if any(values):
            rows.append(values)
            numbers.append(number)
    return TextTable([header[j] for j in keep], rows, numbers, notes)


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, one at a time (no second copy of the whole text, as StringIO makes)."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        stop = end if stop == -1 else stop + 1
        yield text[start:stop]
        start = stop


def read_csv_table(data: bytes, limits: Limits, is_header: Callable[[list[str]], bool] | None = None) -> TextTable:
    """A CSV file as a text table; raises ValidationFailed (located) at the first cap or damage.

    `is_header` recognises the header row among the first rows (a title row above the table, as Excel users
    write); when no row among the first HEADER_SEARCH_ROWS is recognised (or without it), the first non-empty
    row is the header, so unknown column names can still be mapped.
    """
    check_size(data, limits)
    text, encoding = decode(data)
    if "\n" not in text[:SAMPLE_CHARS] and "\r" in text:
        text = text.replace("\r", "\n")  # classic Mac line ends
    notes = [note("note_encoding", f"encoding: {encoding}", encoding=encoding)]
    separator, text = _sep_line(text)
    if separator is None:
        separator = detect_separator(text)
    else:
        notes.append(note("note_sep_line", "the first line 'sep=' names the separator"))
    notes.append(note("note_separator", f"separator: {SEPARATOR_NAMES.get(separator, separator)}",
                      separator=SEPARATOR_NAMES.get(separator, separator)))
    reader = csv.reader(_lines(text), delimiter=separator)
    header: list[str] | None = None
    header_row = 0
    searched: list[tuple[int, list[str]]] = []  # non-empty rows while the header is looked for
    body: list[tuple[int, list[str]]] = []
    record = 0
    try:
        for cells in reader:
            record += 1
            _check_cells(cells, record, limits, header)
            if not any(c.strip() for c in cells):
                continue  # blank lines are skipped, but still counted in the row numbers
            if header is None:
                if is_header is None or is_header(cells):
                    header, header_row = cells, record
                elif record < HEADER_SEARCH_ROWS:
                    searched.append((record, cells))
                else:  # nothing recognisable: the first row is the header after all
                    searched.append((record, cells))
                    (header_row, header), body = searched[0], searched[1:]
                continue
            if len(body) >= limits.max_rows:
                raise fail("too_many_rows", f"The file has more than {limits.max_rows} rows; the limit is "
                           f"{limits.max_rows}.", rows=f"> {limits.max_rows}", limit=limits.max_rows)
            body.append((record, cells))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # the csv module's own cap (131,072) met first
            raise fail("cell_too_long", f"A cell is longer than {limits.max_cell_chars} characters.", row=record + 1,
                       length=f"> {csv.field_size_limit()}", limit=limits.max_cell_chars) from exc
        raise fail("unreadable_csv", f"The CSV file cannot be read at line {reader.line_num}: {exc}",
                   row=record + 1, detail=f"line {reader.line_num}: {exc}") from exc
    if header is None and searched:
        (header_row, header), body = searched[0], searched[1:]
    if header is None:
        raise fail("no_rows", "The file has no data rows.")
    if header_row != 1:
        notes.append(note("note_header_row", f"header row: {header_row}", row=header_row))
    return _table(header, body, notes, unquote=True)


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


#: SQLite virtual-machine steps our own checks of an uploaded GeoPackage may take (progress handler).
MAX_SQLITE_STEPS = 50_000_000


def harden_geopackage(path: Path, limits: Limits) -> tuple[str, int]:
    """Make an uploaded GeoPackage (our own temporary copy) safe to hand to GDAL, before GDAL opens it; returns
    the layer to read (the first feature layer) and how many feature layers there are.

    The layer must be a plain table: a view or a generated column is SQL that SQLite would run on every read
    (a recursive query runs for ever). Views and triggers are dropped and other layers unlisted, so GDAL never
    runs any of the file's SQL. The feature count is counted, not trusted: GDAL reads only as many features as
    `gpkg_ogr_contents` claims. Our own queries run under a step budget.
    """
    import sqlite3

    steps = [0]

    def budget() -> int:
        steps[0] += 1
        return 1 if steps[0] * 1_000 > MAX_SQLITE_STEPS else 0  # non-zero aborts the statement

    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    try:
        with contextlib.closing(sqlite3.connect(path)) as con:
            con.set_progress_handler(budget, 1_000)
            layers = [str(r[0]) for r in con.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid").fetchall()]
            if not layers:
                raise fail("unreadable_gpkg", "The GeoPackage has no layer with geometries.", detail="no layer")
            layer = layers[0]
            kinds = dict(con.execute("SELECT name, type FROM sqlite_master WHERE name = ?", (layer,)).fetchall())
            if kinds.get(layer) != "table":
                raise fail("gpkg_not_a_table", f"The layer '{layer[:100]}' is not a plain table (it is a "
                           f"{kinds.get(layer, 'missing object')}); export it as a table (e.g. QGIS: Save Features "
                           "As).", layer=layer[:100])
            if any(row[6] in (2, 3) for row in con.execute(f"PRAGMA table_xinfo({quoted(layer)})")):
                raise fail("gpkg_not_a_table", f"The layer '{layer[:100]}' has computed columns; export it as a "
                           "plain table (e.g. QGIS: Save Features As).", layer=layer[:100])
            for kind, name in con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
                                          ).fetchall():
                con.execute(f"DROP {'TRIGGER' if kind == 'trigger' else 'VIEW'} {quoted(str(name))}")
            con.execute("DELETE FROM gpkg_contents WHERE table_name != ?", (layer,))
            count = int(con.execute(f"SELECT count(*) FROM {quoted(layer)}").fetchone()[0])
            if count > limits.max_rows:
                raise fail("too_many_rows", f"The layer has {count} features; the limit is {limits.max_rows}.",
                           rows=count, limit=limits.max_rows)
            _measure_layer(con, layer, limits)
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                            (count, layer))
            con.commit()
    except sqlite3.Error as exc:
        raise fail("unreadable_gpkg", f"The GeoPackage cannot be read: {str(exc)[:200]}",
                   detail=str(exc)[:200]) from exc
    return layer, len(layers)


def _measure_layer(con: Any, layer: str, limits: Limits) -> None:
    """What the layer's features become, counted row by row before GDAL reads any: a column added with a DEFAULT
    is stored once and read in every row, so a small file could otherwise become a huge table. Text (all
    attribute columns, in bytes of UTF-8) within `max_text_chars`, geometry within the file size cap."""
    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    columns = [str(row[1]) for row in con.execute(f"PRAGMA table_xinfo({quoted(layer)})")]
    geometry = {str(row[0]) for row in con.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,))}

    def size(names: list[str]) -> str:
        return " + ".join(f"coalesce(length(CAST({quoted(c)} AS BLOB)), 0)" for c in names) or "0"

    text_used = geometry_used = 0
    query = (f"SELECT {size([c for c in columns if c not in geometry])}, {size([c for c in columns if c in geometry])} "
             f"FROM {quoted(layer)}")
    for number, (text, shape) in enumerate(con.execute(query), start=1):
        text_used += int(text)
        geometry_used += int(shape)
        if text_used > limits.max_text_chars:
            raise too_much_text(number, limits.max_text_chars)
        if geometry_used > limits.max_bytes:
            raise fail("too_much_geometry", f"By feature {number} the geometries take more than "
                       f"{limits.max_bytes:,} bytes in all; the limit is the file size limit.", row=number,
                       limit=limits.max_bytes)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def read_xlsx_table(data: bytes, limits: Limits, is_header: Callable[[list[str]], bool],
                    sheet: str | None = None) -> TextTable:
    """An .xlsx workbook's table (the chosen sheet, else the first with a header row `is_header` recognises)."""
    import openpyxl  # uses defusedxml when installed: no entity expansion

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
        _check_cells(cells, number, limits, None)
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
        _check_cells(cells, number, limits, header)
        budget.take(cells, number)
        body.append((number, cells))
    notes = [note("note_header_row", f"header row: {header_row}", row=header_row)]
    return _table(header, body, notes)


class _HeadSizedWorksheet(ReadOnlyWorksheet):  # type: ignore[misc]
    """openpyxl's read-only sheet, looking for its `<dimension>` only in the sheet's first bytes.

    The schema puts `<dimension>` before `<sheetData>`, so a file that states its size states it there; openpyxl
    would otherwise parse a whole sheet that does not state it, at every open, before a single row is read.
    """

    def _get_size(self) -> None:
        with self._get_source() as source:
            head = source.read(DIMENSION_SEARCH_BYTES)
        try:
            dimensions = WorkSheetParser(io.BytesIO(head), []).parse_dimensions()
        except Exception:  # a truncated head without a dimension: the size is simply unknown
            dimensions = None
        if dimensions is not None:
            self._min_column, self._min_row, self._max_column, self._max_row = dimensions


openpyxl_excel.ReadOnlyWorksheet = _HeadSizedWorksheet  # used by load_workbook(read_only=True)
