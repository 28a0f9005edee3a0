"""Reading survey files as analysts have them into a table of text cells (plus geometry for geo formats).

Accepted: CSV (`;`, `,` or tab; UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252; quoted fields with
line breaks; Excel's `sep=` line), Excel .xlsx (first or chosen sheet; the header row is found among the first
rows), GeoJSON and GeoPackage (any CRS pyproj can convert to WGS 84, e.g. SWEREF 99 TM). The file's real type
is checked against its name. Every decision taken (encoding, separator, header row, CRS) is reported as a note.

Every cap (`bounded.Limits`) is enforced while reading; malformed structure becomes a located problem (file,
feature or row, what is wrong), never an exception from a parser.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError, ProjError
from shapely.geometry import shape

from scenes.errors import Problem, ProblemReport, ValidationFailed
from scenes.ingest.columns import is_header_row
from scenes.io.bounded import (
    MAX_HEADER_CHARS,
    Limits,
    TextBudget,
    TextTable,
    check_size,
    fail,
    nfc,
    note,
    read_csv_table,
)
from scenes.io.geopackage import harden_geopackage
from scenes.io.xlsx import read_xlsx_table

__all__ = ["KINDS", "Limits", "RawTable", "read_file", "sniff_kind", "table_frame"]

KINDS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".geojson": "geojson", ".json": "geojson",
         ".gpkg": "gpkg"}
_SCALARS = (str, int, float, bool)


@dataclass
class RawTable:
    """Cells as text, one row per scene; `geometry` (in `geometry.crs`) for geo formats.

    `row_numbers` are the rows as the analyst sees them (spreadsheet rows, or feature numbers for geo formats);
    `problems` are row-level faults found while reading (a feature that is not an object, say), merged into the
    validation report.
    """

    table: pd.DataFrame
    kind: str
    geometry: gpd.GeoSeries | None = None
    notes: list[Problem] = field(default_factory=list)  # decisions taken while reading (severity "info")
    sheets: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.row_numbers:
            start = 1 if self.geometry is not None else 2
            self.row_numbers = list(range(start, start + len(self.table)))


def sniff_kind(data: bytes) -> str:
    """What the bytes are, whatever the file is called: xlsx, gpkg, geojson, csv or binary."""
    head = data[:64]
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark: Excel's "Unicode text"
        return "csv"
    stripped = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "geojson"
    if b"\x00" in data[:4096]:
        return "binary"
    return "csv"


def read_file(name: str, data: bytes, limits: Limits, *, sheet: str | None = None) -> RawTable:
    """Read an uploaded file; raises ValidationFailed (with a located problem) when it cannot be read."""
    check_size(data, limits)
    suffix = Path(name).suffix.lower()
    if suffix not in KINDS:
        raise fail("wrong_type", f"Files of type '{suffix or name}' are not accepted; use CSV, XLSX, GeoJSON or "
                   "GeoPackage.", suffix=suffix or name)
    expected, actual = KINDS[suffix], sniff_kind(data)
    if expected != actual:
        raise fail("type_mismatch", f"The file is called '{name}' but its content is {actual}, not {expected}.",
                   name=name, actual=actual, expected=expected)
    if expected == "csv":
        return _from_text(read_csv_table(data, limits, is_header_row), "csv")
    if expected == "xlsx":
        return _from_text(read_xlsx_table(data, limits, is_header_row, sheet), "xlsx")
    if expected == "geojson":
        return _read_geojson(data, limits)
    return _read_gpkg(data, limits)


def table_frame(header: list[str], rows: list[list[str]]) -> pd.DataFrame:
    """Text cells as a DataFrame of Python strings (object dtype: much faster to iterate than Arrow strings)."""
    return pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)


def _from_text(text: TextTable, kind: str) -> RawTable:
    return RawTable(table=table_frame(text.header, text.rows), kind=kind, notes=text.notes, sheets=text.sheets,
                    row_numbers=text.row_numbers)


# -- geo formats ------------------------------------------------------------------------------------------------

def _crs(value: object, reading: str) -> CRS:
    """A CRS that converts to WGS 84, or a clear problem naming it."""
    text = str(value)[:200]
    try:
        crs = CRS.from_user_input(value if not isinstance(value, str) else value[:200])
    except (CRSError, TypeError, ValueError) as exc:
        raise fail("unknown_crs", f"The coordinate system '{text}' is not known; use SWEREF 99 TM (EPSG:3006) or "
                   "WGS 84 (EPSG:4326).", crs=text, reading=reading) from exc
    if not (crs.is_geographic or crs.is_projected):
        raise fail("local_crs", f"The coordinate system '{crs.name}' is local (not tied to the earth) and cannot be "
                   "placed on the map; export the layer in SWEREF 99 TM (EPSG:3006).", crs=crs.name)
    try:
        Transformer.from_crs(crs, 4326, always_xy=True)
    except ProjError as exc:  # another celestial body, or no known way to WGS 84
        raise fail("unknown_crs", f"The coordinate system '{crs.name}' cannot be converted to WGS 84; use SWEREF 99 "
                   "TM (EPSG:3006) or WGS 84 (EPSG:4326).", crs=crs.name[:200], reading=reading) from exc
    return crs


_CRS84 = CRS.from_user_input("OGC:CRS84")


def _crs_of(collection: dict[str, object]) -> CRS:
    crs = collection.get("crs")
    if crs is None:
        return CRS.from_epsg(4326)  # RFC 7946: GeoJSON is WGS 84
    props = crs.get("properties") if isinstance(crs, dict) else None
    name = props.get("name") if isinstance(props, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise fail("unknown_crs", "The GeoJSON 'crs' member has no name; remove it (WGS 84) or name the system, "
                   "e.g. EPSG:3006.", crs=str(crs)[:200])
    crs = _crs(name, "geojson")  # pyproj reads EPSG:3006, urn:ogc:def:crs:EPSG::3006, OGC CRS84 and the rest
    # CRS84 is WGS 84 in lon/lat order, which is how every GeoJSON is read here anyway: call it by its usual name
    return CRS.from_epsg(4326) if crs == _CRS84 else crs


def _feature_problem(number: int, code: str, message: str, **params: object) -> Problem:
    return Problem(f"Feature {number}: {message}", row=number, code=code, params=dict(params))


def _read_geojson(data: bytes, limits: Limits) -> RawTable:
    try:
        collection = json.loads(nfc(data.decode("utf-8-sig")))
    except UnicodeDecodeError as exc:
        raise fail("unreadable_geojson", f"The GeoJSON file is not UTF-8 (byte {exc.start}).",
                   detail=f"not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise fail("unreadable_geojson", f"The GeoJSON file is not valid JSON: {exc.msg} at line {exc.lineno}, "
                   f"column {exc.colno}.",
                   detail=f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise fail("unreadable_geojson", "The GeoJSON file is nested too deeply to be a survey.",
                   detail="nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise fail("unreadable_geojson", f"The GeoJSON file holds a value that cannot be read: {str(exc)[:120]}",
                   detail=str(exc)[:120]) from exc
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise fail("unreadable_geojson", "The GeoJSON file has no 'features' list.", detail="no 'features' list")
    if len(features) > limits.max_rows:
        raise fail("too_many_rows", f"The file has {len(features)} features; the limit is {limits.max_rows}.",
                   rows=len(features), limit=limits.max_rows)
    crs = _crs_of(collection)
    rows: list[dict[str, str]] = []
    geoms: list[object] = []
    problems = ProblemReport()  # capped: a file of 600,000 bad features lists 1,000
    keys: dict[str, None] = {}
    budget = TextBudget(limits)
    for number, feature in enumerate(features, start=1):
        row: dict[str, str] = {}
        rows.append(row)
        geoms.append(None)
        if not isinstance(feature, dict):
            problems.append(_feature_problem(number, "bad_feature", "is not a JSON object."))
            continue
        props = feature.get("properties")
        if props is None:
            props = {}
        if not isinstance(props, dict):
            problems.append(_feature_problem(number, "bad_properties", "its 'properties' is not an object."))
            props = {}
        for key, value in props.items():
            key = key.strip()
            if len(key) > MAX_HEADER_CHARS:
                raise fail("header_too_long", f"Feature {number} has a property name of {len(key)} characters; the "
                           f"limit is {MAX_HEADER_CHARS}.", row=number, column=key[:40] + "…", length=len(key),
                           limit=MAX_HEADER_CHARS)
            if value is None:
                text = ""
            elif isinstance(value, _SCALARS):
                text = str(value)
            elif isinstance(value, list) and all(isinstance(v, _SCALARS) for v in value):
                text = ";".join(str(v) for v in value)
            else:
                problems.append(Problem(f"Feature {number}: property '{key}' is not text, a number or a list of "
                                        "them.", row=number, column=key, code="bad_property", params={"key": key}))
                continue
            if len(text) > limits.max_cell_chars:
                raise fail("cell_too_long", f"The cell has {len(text)} characters; the limit is "
                           f"{limits.max_cell_chars}.", row=number, column=key, length=len(text),
                           limit=limits.max_cell_chars)
            if "\x00" in text:
                raise fail("nul_character", "The cell holds a NUL character (byte 0), which no database stores; "
                           "remove it.", row=number, column=key)
            if key not in keys:
                keys[key] = None
                if len(keys) > limits.max_columns:
                    raise fail("too_many_columns", f"The features have more than {limits.max_columns} different "
                               "properties.", row=number, cells=len(keys), limit=limits.max_columns)
            row[key] = text.strip()
        budget.take(list(row.values()), number)
        geometry = feature.get("geometry")
        if geometry is not None:
            try:
                if not isinstance(geometry, dict):
                    raise TypeError("not an object")
                geoms[-1] = shape(geometry)
            except Exception as exc:
                problems.append(_feature_problem(number, "bad_geometry", f"the geometry cannot be read ({exc}).",
                                                 detail=str(exc)[:120]))
    table = table_frame(list(keys), [[r.get(k, "") for k in keys] for r in rows])
    return RawTable(table=table, kind="geojson", geometry=gpd.GeoSeries(geoms, crs=crs),
                    notes=[note("note_crs", f"CRS: {crs.to_string()}", crs=crs.to_string())],
                    row_numbers=list(range(1, len(rows) + 1)), problems=problems.listed())


def _read_gpkg(data: bytes, limits: Limits) -> RawTable:
    import pyogrio

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.gpkg"
        path.write_bytes(data)
        layer, layer_count = harden_geopackage(path, limits)  # before GDAL runs anything in the file
        try:
            info = pyogrio.read_info(path, layer=layer)
        except ValidationFailed:
            raise
        except Exception as exc:
            detail = str(exc).replace(str(path), "upload.gpkg")[:200]
            raise fail("unreadable_gpkg", f"The GeoPackage cannot be read: {detail}", detail=detail) from exc
        if int(info.get("features") or 0) > limits.max_rows:
            raise fail("too_many_rows", f"The layer has {info['features']} features; the limit is "
                       f"{limits.max_rows}.", rows=int(info["features"]), limit=limits.max_rows)
        if len(info.get("fields", ())) > limits.max_columns:
            raise fail("too_many_columns", f"The layer has {len(info['fields'])} fields; the limit is "
                       f"{limits.max_columns}.", cells=len(info["fields"]), limit=limits.max_columns)
        crs = _crs(info["crs"], "gpkg") if info.get("crs") else CRS.from_epsg(4326)
        try:
            frame = gpd.read_file(path, layer=layer, engine="pyogrio")
        except Exception as exc:
            detail = str(exc).replace(str(path), "upload.gpkg")[:200]
            raise fail("unreadable_gpkg", f"The GeoPackage cannot be read: {detail}", detail=detail) from exc
    notes = [note("note_crs", f"CRS: {crs.to_string()}", crs=crs.to_string())]
    if layer_count > 1:
        notes.append(note("note_layer", f"layer: {layer} (of {layer_count})", layer=layer, count=layer_count))
    header = [nfc(str(c)).strip() for c in frame.columns if c != frame.geometry.name]
    rows = []
    budget = TextBudget(limits)
    for number, values in enumerate(frame.drop(columns=frame.geometry.name).itertuples(index=False), start=1):
        cells = ["" if v is None or (isinstance(v, float) and v != v) else nfc(str(v)).strip() for v in values]
        for column, cell in zip(header, cells, strict=True):
            if len(cell) > limits.max_cell_chars:
                raise fail("cell_too_long", f"The cell has {len(cell)} characters; the limit is "
                           f"{limits.max_cell_chars}.", row=number, column=column, length=len(cell),
                           limit=limits.max_cell_chars)
        budget.take(cells, number)
        rows.append(cells)
    geometry = gpd.GeoSeries(frame.geometry.to_numpy(), crs=crs)
    return RawTable(table=table_frame(header, rows), kind="gpkg", geometry=geometry, notes=notes,
                    row_numbers=list(range(1, len(rows) + 1)))
