"""Scene exports for the way analysts work: CSV for Swedish Excel, .xlsx, GeoJSON and GeoPackage.

Every writer takes a canonical scene frame (`formats.normalise_scene_frame`: geometry in WGS 84, categories and
predecessors as lists) and returns the file's bytes. The analyst's coordinates are SWEREF 99 TM (EPSG:3006):
`northing`/`easting` of each scene's point (the point itself, or a point inside a polygon) and, for polygons
only, `wkt`. The tables carry no lat/lon: the importer prefers lat/lon when present, so an analyst's edited
SWEREF coordinates would be ignored. Each export re-imports unchanged to the same scenes (ids, tags, geometry
types; positions within millimetres, areas within 0.1 m²).
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from scenes.errors import ScenesError
from scenes.geo import SWEREF99TM
from scenes.io.formats import LIST_COLUMNS, neutralise, scenes_to_geojson
from scenes.reference import Reference

__all__ = [
    "EXPORT_COLUMNS",
    "FORMATS",
    "export_scenes",
    "file_type",
    "scenes_to_excel_csv",
    "scenes_to_gpkg",
    "scenes_to_xlsx",
]

#: Columns of the CSV and .xlsx exports, in order (the GeoPackage has them up to area_m2, plus its geometry).
EXPORT_COLUMNS = ["scene_id", "name", "kommun_kod", "kommun", "lokalpolisomrade", "stadsdel", "categories", "status",
                  "impact", "predecessors", "notes", "area_m2", "northing", "easting", "wkt"]
_TEXT = ["scene_id", "name", "kommun_kod", "kommun", "lokalpolisomrade", "stadsdel", "categories", "status",
         "predecessors", "notes"]
_DECIMALS = {"area_m2": 1, "northing": 2, "easting": 2}
_WKT_DECIMALS = 3  # millimetres in SWEREF 99 TM
_GEOJSON_DECIMALS = 7  # about 1 cm, as the store keeps WGS 84 coordinates: a GeoJSON export is exact
_EXCEL_CELL = 32_767  # the most characters an Excel cell holds
_XLSX_HELP = [
    ("northing / easting", "SWEREF 99 TM (EPSG:3006) i meter: punkten, eller en punkt inuti ytan. Används för "
                           "rader utan wkt."),
    ("wkt", "Ytans gräns i SWEREF 99 TM (WKT), bara för ytor; tom för punkter. En rad med wkt får sin plats "
            "härifrån."),
    ("area_m2", "Ytans area i m², beräknad i SWEREF 99 TM. Räknas om vid uppladdning; ändringar här ignoreras."),
]

#: format -> (file suffix, MIME type)
FORMATS: dict[str, tuple[str, str]] = {
    "csv": (".csv", "text/csv"),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "geojson": (".geojson", "application/geo+json"),
    "gpkg": (".gpkg", "application/geopackage+sqlite3"),
}


def file_type(fmt: str) -> tuple[str, str]:
    """The file suffix and MIME type of an export format."""
    if fmt not in FORMATS:
        raise ScenesError(f"Unknown export format {fmt!r}; use {', '.join(repr(f) for f in FORMATS)}.",
                          code="unknown_format", fmt=fmt)
    return FORMATS[fmt]


def _text(value: object) -> str | None:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _analyst_table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The export columns: text as str or None, numbers as floats (NaN where missing), SWEREF 99 TM coordinates."""
    projected = frame.geometry.to_crs(SWEREF99TM)
    points = projected.representative_point()  # a point's own position; a point inside a polygon
    polygonal = projected.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    wkt = shapely.to_wkt(projected.to_numpy(), rounding_precision=_WKT_DECIMALS)
    table = pd.DataFrame({column: [";".join(v) for v in frame[column]] if column in LIST_COLUMNS
                          else [_text(v) for v in frame[column]] for column in _TEXT}, dtype=object)
    table["impact"] = pd.array(frame["impact"], dtype="Int64")
    table["area_m2"] = frame["area_m2"].astype(float).round(_DECIMALS["area_m2"]).to_numpy()
    table["northing"] = points.y.round(_DECIMALS["northing"]).to_numpy()
    table["easting"] = points.x.round(_DECIMALS["easting"]).to_numpy()
    table["wkt"] = pd.Series([w if p else None for w, p in zip(wkt, polygonal, strict=True)], dtype=object)
    return table[EXPORT_COLUMNS]


def _decimal_comma(value: float, decimals: int) -> str:
    return "" if value != value else f"{value:.{decimals}f}".replace(".", ",")


def scenes_to_excel_csv(frame: gpd.GeoDataFrame) -> bytes:
    """CSV as Swedish Excel reads and writes it: `;`, decimal comma, UTF-8 with BOM, CRLF; formulas neutralised."""
    table = _analyst_table(frame)
    for column in _TEXT:
        table[column] = ["" if v is None else str(neutralise(v)) for v in table[column]]
    table["impact"] = ["" if pd.isna(v) else str(int(v)) for v in table["impact"]]
    for column, decimals in _DECIMALS.items():
        table[column] = [_decimal_comma(v, decimals) for v in table[column]]
    buffer = io.StringIO()
    table.to_csv(buffer, sep=";", index=False, lineterminator="\r\n")  # a CR or LF inside a cell is quoted
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def scenes_to_xlsx(frame: gpd.GeoDataFrame, ref: Reference) -> bytes:
    """An Excel workbook: sheet "Scener" (numbers as numbers, text as text, never a formula) and the code lists."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from scenes.render.template import scenes_workbook

    table = _analyst_table(frame)
    too_long = table["wkt"].str.len() > _EXCEL_CELL
    if too_long.any():
        ids = ", ".join(table.loc[too_long, "scene_id"].astype(str))
        raise ScenesError(f"The polygon of scene {ids} has too many points for an Excel cell "
                          f"({_EXCEL_CELL} characters); export CSV, GeoJSON or GeoPackage instead.",
                          code="excel_cell", ids=ids, limit=_EXCEL_CELL)
    for column in _TEXT:  # control characters cannot be stored in a workbook
        table[column] = [None if v is None else ILLEGAL_CHARACTERS_RE.sub("", v) for v in table[column]]
    table["impact"] = table["impact"].astype(object).where(table["impact"].notna(), None)
    return scenes_workbook(table, ref, help_rows=_XLSX_HELP)


def scenes_to_gpkg(frame: gpd.GeoDataFrame) -> bytes:
    """A GeoPackage, layer "scener", in SWEREF 99 TM (EPSG:3006); polygons stay polygons, lists `;`-joined."""
    import pyogrio

    table = _analyst_table(frame).drop(columns=["northing", "easting", "wkt"])
    layer = gpd.GeoDataFrame(table, geometry=frame.geometry.to_crs(SWEREF99TM).to_numpy(), crs=SWEREF99TM)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scener.gpkg"
        pyogrio.write_dataframe(layer, path, layer="scener", driver="GPKG", geometry_type="Unknown")
        return path.read_bytes()


def _geojson(frame: gpd.GeoDataFrame) -> bytes:
    collection = scenes_to_geojson(frame, decimals=_GEOJSON_DECIMALS)
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def export_scenes(frame: gpd.GeoDataFrame, fmt: str, ref: Reference) -> bytes:
    """The scenes as a file in `fmt` (see `FORMATS`)."""
    file_type(fmt)
    writers: dict[str, Callable[[], bytes]] = {
        "csv": lambda: scenes_to_excel_csv(frame),
        "xlsx": lambda: scenes_to_xlsx(frame, ref),
        "geojson": lambda: _geojson(frame),
        "gpkg": lambda: scenes_to_gpkg(frame),
    }
    return writers[fmt]()
