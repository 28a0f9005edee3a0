"""A survey file's geometry (a step of `scenes.ingest.validate.validate`): from the file's own geometry, WKT,
latitude/longitude or SWEREF 99 TM columns, to WGS 84; polygons bounded and, when small, repaired."""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from scenes.errors import Problem
from scenes.geo import SWEREF99TM, WGS84
from scenes.ingest.cells import numbers
from scenes.ingest.readers import RawTable
from scenes.io.bounded import note

__all__ = ["scene_geometry"]

# SWEREF 99 TM ranges for Sweden: northing 6.1–7.7 million m, easting 0.2–1.0 million m.
_NORTHING = (6_100_000, 7_700_000)
_EASTING = (200_000, 1_000_000)
ALLOWED_GEOMETRIES = ("Point", "Polygon", "MultiPolygon")
#: A scene's outline is drawn by hand or simplified from a survey: these bound the work (repair, areas, preview).
MAX_VERTICES = 50_000
#: brackets a scene's WKT may nest (a MULTIPOLYGON is three; a GEOMETRYCOLLECTION of them four): deeper text is
#: refused before GEOS reads it, which recurses on nesting (a few hundred thousand levels crash the process)
MAX_WKT_DEPTH = 4
MAX_PARTS = 1_000
#: Repairing a self-intersecting polygon takes time that grows with the number of crossings (a star of 401
#: corners: 4 s): only small outlines are repaired here, within a CPU budget for the whole file.
MAX_REPAIR_VERTICES = 250
REPAIR_BUDGET_S = 10.0


def scene_geometry(raw: RawTable, columns: dict[str, str], col, add, notes: list[Problem]) -> gpd.GeoSeries | None:  # type: ignore[no-untyped-def]
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


def nesting(text: str, limit: int) -> int:
    """How deep brackets ((, [ and {) nest in `text`, outside JSON strings; counting stops past `limit` (so the
    answer is at most limit + 1, in one pass, whatever the text)."""
    depth = deepest = 0
    quoted = escaped = False
    for char in text:
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in "([{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif char in ")]}":
            depth -= 1
    return deepest


def _wkt_geometry(columns: dict[str, str], col, add, notes: list[Problem]) -> gpd.GeoSeries:  # type: ignore[no-untyped-def]
    """The WKT column in WGS 84; SWEREF 99 TM is recognised from the size of the numbers."""
    parsed = []
    for i, text in enumerate(col("wkt")):
        try:
            if text and nesting(text, MAX_WKT_DEPTH) > MAX_WKT_DEPTH:
                raise shapely.errors.GEOSException("nested too deeply")
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
    y, x = numbers(col(y_col)), numbers(col(x_col))
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
        x, y = numbers(col("x")).median(), numbers(col("y")).median()
        if _NORTHING[0] <= x <= _NORTHING[1] and _EASTING[0] <= y <= _EASTING[1]:
            notes.append(note("note_x_northing", "coordinates: X read as northing and Y as easting (SWEREF 99 TM; "
                              "Swedish practice), decided from the values"))
            return "x", "y"
        if _NORTHING[0] <= y <= _NORTHING[1] and _EASTING[0] <= x <= _EASTING[1]:
            notes.append(note("note_x_easting", "coordinates: X read as easting and Y as northing (SWEREF 99 TM), "
                              "decided from the values"))
            return "y", "x"
    return None, None
