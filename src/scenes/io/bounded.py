"""Bounded reading of tabular files: every cap is enforced while reading, never after.

A file is read into a header and rows of text cells. The caps (`Limits`) bound the work any file can cause:

- bytes: checked before anything is decoded (the upload page and the command line never buffer more);
- CSV: the text is decoded once; the separator is found by a linear scan of a bounded sample (no
  `csv.Sniffer`, whose time grows with the square of a line's length); rows, columns and cell lengths are
  checked as each record is read, so reading stops at the first record over a cap;
- .xlsx (`scenes.io.xlsx`): the zip's declared sizes are checked against a budget before openpyxl opens it, and
  the sheet is streamed with the same row, column and cell caps (`check_cells`, `TextBudget`, `text_table`);
- GeoPackage (`scenes.io.geopackage`): the SQLite file is checked and hardened before GDAL opens it.

Text is normalised to Unicode NFC (macOS writes decomposed å/ä/ö), Excel's `sep=;` first line is honoured,
and UTF-16 files with a byte-order mark (Excel's "Unicode text") are read.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from scenes.errors import Problem, ValidationFailed
from scenes.limits import Limits

__all__ = ["Limits", "TextBudget", "TextTable", "check_cells", "column_name", "decode", "detect_separator", "fail",
           "nfc", "read_csv_table", "text_table"]

#: How much of a CSV file the separator detection looks at (bytes of text) and how many records.
SAMPLE_CHARS = 64 * 1024
SAMPLE_RECORDS = 50
#: The header row of a workbook is looked for among its first rows.
HEADER_SEARCH_ROWS = 30
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


def check_cells(cells: list[str], row: int, limits: Limits, header: list[str] | None) -> None:
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


def text_table(header_cells: list[str], body: list[tuple[int, list[str]]], notes: list[Problem], *,
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
            check_cells(cells, record, limits, header)
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
    return text_table(header, body, notes, unquote=True)
