"""Reading survey files as analysts have them into a table of text cells (plus geometry for geo formats).

Accepted: CSV (`;`, `,` or tab; UTF-8, UTF-8 with BOM or Windows-1252; quoted fields with newlines), Excel
.xlsx (first or chosen sheet; the header row is found among the first rows), GeoJSON and GeoPackage (points and
polygons, any CRS pyproj knows, e.g. SWEREF 99 TM). The file's real type is checked against its name.
Every decision taken (encoding, separator, header row, CRS) is reported as a note.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import shape

from scenes.errors import Problem, ValidationFailed
from scenes.ingest.columns import canonical_name

__all__ = ["RawTable", "read_file", "sniff_kind"]

KINDS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".geojson": "geojson", ".json": "geojson",
         ".gpkg": "gpkg"}


@dataclass
class RawTable:
    """Cells as text, one row per scene; `geometry` (WGS 84 or `crs`) for geo formats."""

    table: pd.DataFrame
    kind: str
    geometry: gpd.GeoSeries | None = None
    notes: list[Problem] = field(default_factory=list)  # decisions taken while reading (severity "info")
    sheets: list[str] = field(default_factory=list)


def note(code: str, message: str, **params: object) -> Problem:
    """A decision taken while reading (encoding, separator, CRS …), reported like a problem but harmless."""
    return Problem(message, severity="info", code=code, params=dict(params))


def _fail(code: str, message: str, **params: object) -> ValidationFailed:
    return ValidationFailed(message, [Problem(message, code=code, params=dict(params))])


def sniff_kind(data: bytes) -> str:
    """What the bytes are, whatever the file is called: xlsx, gpkg, geojson, csv or binary."""
    head = data[:64]
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    stripped = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "geojson"
    if b"\x00" in data[:4096]:
        return "binary"
    return "csv"


def read_file(name: str, data: bytes, *, max_bytes: int, sheet: str | None = None) -> RawTable:
    """Read an uploaded file; raises ValidationFailed (with a located problem) when it cannot be read."""
    if not data:
        raise _fail("empty_file", "The file is empty.")
    if len(data) > max_bytes:
        raise _fail("too_large", f"The file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB.",
                    size=round(len(data) / 1e6, 1), limit=round(max_bytes / 1e6, 1))
    suffix = Path(name).suffix.lower()
    if suffix not in KINDS:
        raise _fail("wrong_type", f"Files of type '{suffix or name}' are not accepted; use CSV, XLSX, GeoJSON or "
                    "GeoPackage.", suffix=suffix or name)
    expected, actual = KINDS[suffix], sniff_kind(data)
    if expected != actual:
        raise _fail("type_mismatch", f"The file is called '{name}' but its content is {actual}, not {expected}.",
                    name=name, actual=actual, expected=expected)
    if expected == "csv":
        return _read_csv(data)
    if expected == "xlsx":
        return _read_xlsx(data, sheet)
    if expected == "geojson":
        return _read_geojson(data)
    return _read_gpkg(data)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 with BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _read_csv(data: bytes) -> RawTable:
    text, encoding = _decode(data)
    first_lines = "\n".join(text.splitlines()[:20])
    try:
        separator = csv.Sniffer().sniff(first_lines, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: first_lines.count(d) for d in ";,\t"}
        separator = max(counts, key=lambda d: counts[d])
    try:
        # object dtype: plain Python strings are much faster to iterate than pandas' Arrow-backed strings
        table = pd.read_csv(io.StringIO(text), sep=separator, dtype=object, keep_default_na=False,
                            skip_blank_lines=True)
    except (pd.errors.ParserError, ValueError) as exc:
        raise _fail("unreadable_csv", f"The CSV file cannot be read: {exc}", detail=str(exc)) from exc
    names = {";": ";", ",": ",", "\t": "tab"}
    notes = [note("note_encoding", f"encoding: {encoding}", encoding=encoding),
             note("note_separator", f"separator: {names.get(separator, separator)}",
                  separator=names.get(separator, separator))]
    return RawTable(table=_strip(table), kind="csv", notes=notes)


def _strip(table: pd.DataFrame) -> pd.DataFrame:
    table = table.rename(columns=lambda c: str(c).strip())
    table = table.loc[:, [c for c in table.columns if c and not c.startswith("Unnamed:")]]
    table = pd.DataFrame({c: [("" if v is None or (isinstance(v, float) and v != v) else str(v).strip())
                              for v in table[c].to_numpy(dtype=object)] for c in table.columns}, dtype=object)
    return table.loc[~(table == "").all(axis=1)].reset_index(drop=True)


def _read_xlsx(data: bytes, sheet: str | None) -> RawTable:
    import openpyxl  # uses defusedxml when installed: no entity expansion

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise _fail("unreadable_xlsx", f"The Excel file cannot be read: {exc.__class__.__name__}.",
                    detail=exc.__class__.__name__) from exc
    sheets = list(book.sheetnames)
    if sheet is not None and sheet not in sheets:
        raise _fail("no_sheet", f"The workbook has no sheet '{sheet}'. Sheets: {', '.join(sheets)}.",
                    sheet=sheet, sheets=", ".join(sheets))
    # The chosen sheet, else the first sheet that holds a recognisable table.
    rows: list[list[str]] = []
    header_at = None
    chosen = sheet or sheets[0]
    for name in [sheet] if sheet else sheets:
        rows = [["" if v is None else str(v) for v in row] for row in book[name].iter_rows(values_only=True)]
        header_at = next((i for i, row in enumerate(rows[:30])
                          if sum(canonical_name(c) is not None for c in row if c) >= 2), None)
        if header_at is not None:
            chosen = name
            break
    book.close()
    if header_at is None:
        raise _fail("no_header", "No header row found in the first 30 rows; the template shows the column names.")
    header = [c.strip() for c in rows[header_at]]
    body = [r + [""] * (len(header) - len(r)) for r in rows[header_at + 1:]]
    table = pd.DataFrame([r[:len(header)] for r in body], columns=header, dtype=str)
    notes = [note("note_sheet", f"sheet: {chosen}", sheet=chosen),
             note("note_header_row", f"header row: {header_at + 1}", row=header_at + 1)]
    raw = RawTable(table=_strip(table), kind="xlsx", notes=notes, sheets=sheets)
    raw.table.attrs["first_row"] = header_at + 2  # spreadsheet row number of the first data row
    return raw


def _crs_of(collection: dict[str, object]) -> str | None:
    crs = collection.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", ""))
        for code in ("3006", "4326", "CRS84"):
            if name.endswith(code) or name.endswith(f"::{code}"):
                return "EPSG:4326" if code == "CRS84" else f"EPSG:{code}"
        return name or None
    return None


def _read_geojson(data: bytes) -> RawTable:
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail("unreadable_geojson", f"The GeoJSON file is not valid JSON: {exc}", detail=str(exc)) from exc
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise _fail("unreadable_geojson", "The GeoJSON file has no 'features' list.", detail="no features")
    rows, geoms = [], []
    for feature in features:
        props = dict(feature.get("properties") or {})
        rows.append({k: ";".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
                     for k, v in props.items()})
        try:
            geoms.append(shape(feature["geometry"]) if feature.get("geometry") else None)
        except Exception:  # malformed coordinates: reported per row by validation
            geoms.append(None)
    crs = _crs_of(collection) or "EPSG:4326"
    table = pd.DataFrame(rows, dtype=str).fillna("")
    geometry = gpd.GeoSeries(geoms, crs=crs)
    return RawTable(table=_strip_keep(table), kind="geojson", geometry=geometry,
                    notes=[note("note_crs", f"CRS: {crs}", crs=crs)])


def _strip_keep(table: pd.DataFrame) -> pd.DataFrame:
    """Like _strip but keeps every row (rows align with geometries)."""
    table = table.rename(columns=lambda c: str(c).strip())
    return table.map(lambda v: "" if v is None else str(v).strip())


def _read_gpkg(data: bytes) -> RawTable:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.gpkg"
        path.write_bytes(data)
        try:
            frame = gpd.read_file(path, engine="pyogrio")
        except Exception as exc:  # GDAL reports damaged files in many ways
            raise _fail("unreadable_gpkg", f"The GeoPackage cannot be read: {exc}", detail=str(exc)) from exc
    crs = frame.crs.to_string() if frame.crs is not None else "EPSG:4326"
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name)).astype(str).replace({"None": "", "nan": ""})
    return RawTable(table=_strip_keep(table), kind="gpkg", geometry=frame.geometry.reset_index(drop=True),
                    notes=[note("note_crs", f"CRS: {crs}", crs=crs)])
