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

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.reader import excel as openpyxl_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from scenes.errors import Problem, ValidationFailed
from scenes.ingest.limits import Limits

__all__ = ["Limits", "TextTable", "column_name", "decode", "detect_separator", "fail", "nfc", "read_csv_table",
           "read_xlsx_table"]

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
    return ValidationFailed(message, [Problem(message, row=row, column=column, code=code, params=dict(params))])


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
    except UnicodeDecodeError:
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
    stripped = head.strip().strip('"')
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
    for j, cell in enumerate(cells):
        if len(cell) > limits.max_cell_chars:
            column = header[j] if header and j < len(header) and header[j] else column_name(j)
            raise fail("cell_too_long", f"The cell has {len(cell)} characters; the limit is {limits.max_cell_chars}.",
                       row=row, column=column, length=len(cell), limit=limits.max_cell_chars)


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


def read_csv_table(data: bytes, limits: Limits) -> TextTable:
    """A CSV file as a text table; raises ValidationFailed (located) at the first cap or damage."""
    check_size(data, limits)
    text, encoding = decode(data)
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
    body: list[tuple[int, list[str]]] = []
    record = 0
    try:
        for cells in reader:
            record += 1
            _check_cells(cells, record, limits, header)
            if header is None:
                if not any(c.strip() for c in cells):
                    continue
                header = cells
                header_row = record
                continue
            if not any(c.strip() for c in cells):
                continue  # blank lines are skipped, but still counted in the row numbers
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
    if header is None:
        raise fail("no_rows", "The file has no data rows.")
    if header_row != 1:
        notes.append(note("note_header_row", f"header row: {header_row}", row=header_row))
    return _table(header, body, notes, unquote=True)


def _check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose members would expand past the budget, before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise fail("unreadable_xlsx", f"The Excel file cannot be read: {exc}.", detail=str(exc)) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise fail("xlsx_too_complex", f"The workbook has {len(members)} parts; the limit is {MAX_ZIP_MEMBERS}.",
                   parts=len(members), limit=MAX_ZIP_MEMBERS)
    total = sum(m.file_size for m in members)
    if total > limits.max_decompressed_bytes:
        raise fail("xlsx_too_large", f"The workbook expands to {total / 1e6:.0f} MB; the limit is "
                   f"{limits.max_decompressed_bytes / 1e6:.0f} MB.", size=round(total / 1e6),
                   limit=round(limits.max_decompressed_bytes / 1e6))
    for member in members:
        if member.filename.lower().endswith("sharedstrings.xml") and member.file_size > limits.max_shared_strings_bytes:
            raise fail("xlsx_too_large", f"The workbook's text table expands to {member.file_size / 1e6:.0f} MB; the "
                       f"limit is {limits.max_shared_strings_bytes / 1e6:.0f} MB.",
                       size=round(member.file_size / 1e6), limit=round(limits.max_shared_strings_bytes / 1e6))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def read_xlsx_table(data: bytes, limits: Limits, sheet: str | None = None) -> TextTable:
    """An .xlsx workbook's table (the chosen sheet, else the first with a recognisable header row)."""
    import openpyxl  # uses defusedxml when installed: no entity expansion

    from scenes.ingest.columns import canonical_name

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
            found = _stream_sheet(book[name], limits, canonical_name)
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


def _stream_sheet(worksheet, limits: Limits, canonical_name) -> TextTable | None:  # type: ignore[no-untyped-def]
    """Stream one sheet: find the header among the first rows, then read the body under the caps.

    Explicit bounds are always passed to openpyxl: without `max_row` it would look for the sheet's size (parsing
    the whole sheet when the file does not state it), and without `max_col` it would pad every row to the width
    the file claims (16,384 columns, say). The body is read only as wide as the header, plus one column to
    notice cells beyond it.
    """
    header: list[str] | None = None
    header_row = 0
    rows = worksheet.iter_rows(max_col=limits.max_columns + 1, max_row=HEADER_SEARCH_ROWS, values_only=True)
    for number, values in enumerate(rows, start=1):
        cells = [_cell_text(v) for v in values]
        _check_cells(cells, number, limits, None)
        if sum(canonical_name(c) is not None for c in cells if c) >= 2:
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
