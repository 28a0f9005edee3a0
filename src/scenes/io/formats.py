"""Scene frames in and out of files: GeoJSON and CSV in the project's canonical form.

A scene frame is a GeoDataFrame with the columns of `model.SCENE_COLUMNS` (geometry in WGS 84).
List-valued columns (`categories`, `predecessors`) are Python lists in the frame, JSON arrays in GeoJSON and
`;`-joined text in CSV.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from scenes.geo import WGS84
from scenes.model import SCENE_COLUMNS

__all__ = [
    "LIST_COLUMNS",
    "empty_scene_frame",
    "neutralise",
    "normalise_scene_frame",
    "scenes_from_geojson",
    "scenes_to_geojson",
    "table_to_csv",
]

LIST_COLUMNS = ("categories", "predecessors")
_TEXT_COLUMNS = ("survey_id", "scene_id", "name", "kommun_kod", "kommun", "lokalpolisomrade", "stadsdel", "status",
                 "notes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def empty_scene_frame() -> gpd.GeoDataFrame:
    """A frame with every scene column and no rows."""
    data: dict[str, Any] = {c: pd.Series(dtype=object) for c in SCENE_COLUMNS if c != "geometry"}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs=WGS84), crs=WGS84)


def _as_list(value: object) -> list[str]:
    if type(value) is list and all(type(v) is str for v in value):
        return value  # already canonical (the common case): no copy
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace("|", ";").split(";") if v.strip()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(v) for v in list(value)]  # type: ignore[call-overload]  # numpy arrays and similar


def _none_if_missing(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA:
        return None
    return value


def normalise_scene_frame(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return `frame` with exactly the scene columns, in order, with consistent types."""
    out = gpd.GeoDataFrame(frame.copy(), geometry="geometry")
    if out.crs is None:
        out = out.set_crs(WGS84)
    elif out.crs.to_epsg() != WGS84:
        out = out.to_crs(WGS84)
    for column in SCENE_COLUMNS:
        if column not in out.columns:
            out[column] = None
    for column in LIST_COLUMNS:
        out[column] = pd.Series([_as_list(v) for v in out[column].to_numpy(dtype=object)], index=out.index,
                                dtype=object)
    for column in _TEXT_COLUMNS:
        # object dtype keeps a missing value as None (pandas' string dtype would turn it into NaN, which is
        # truthy, prints as "nan" and would reach a database as a float).
        out[column] = pd.Series([None if _none_if_missing(v) is None else str(v)
                                 for v in out[column].to_numpy(dtype=object)], index=out.index, dtype=object)
    out["impact"] = pd.to_numeric(out["impact"], errors="coerce").astype("Int64")
    out["area_m2"] = pd.to_numeric(out["area_m2"], errors="coerce").astype(float)
    return gpd.GeoDataFrame(out[list(SCENE_COLUMNS)], geometry="geometry", crs=WGS84).reset_index(drop=True)


def scenes_to_geojson(frame: gpd.GeoDataFrame, *, decimals: int = 6) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (dict) of the scenes, by GeoPandas' `to_geo_dict` (no feature ids, missing
    values null); coordinates rounded to `decimals` decimals, list columns as JSON lists."""
    out = frame.copy()
    # Round coordinates in place (set_precision would also re-order ring vertices, so a round trip would
    # not give back the same GeoJSON).
    out["geometry"] = shapely.transform(out.geometry.to_numpy(), lambda c: np.round(c, decimals))
    for column in LIST_COLUMNS:
        if column in out:
            out[column] = pd.Series([list(v) for v in out[column]], index=out.index, dtype=object)
    return out.to_geo_dict(na="null", drop_id=True)  # type: ignore[no-any-return]  # GeoPandas is untyped


def scenes_from_geojson(collection: dict[str, Any], survey_id: str | None = None) -> gpd.GeoDataFrame:
    """Read a FeatureCollection in the canonical form (as written by `scenes_to_geojson`)."""
    rows = []
    for feature in collection.get("features", []):
        props = dict(feature.get("properties") or {})
        props["geometry"] = shape(feature["geometry"]) if feature.get("geometry") else None
        if survey_id is not None:
            props["survey_id"] = survey_id
        rows.append(props)
    if not rows:
        return empty_scene_frame()
    return normalise_scene_frame(gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84))


def neutralise(value: object) -> object:
    """Defuse spreadsheet formula injection: text starting with = + - @ tab or CR gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_to_csv(table: pd.DataFrame) -> str:
    """Any table as CSV (UTF-8 with BOM so Excel opens å, ä, ö correctly), formulas neutralised."""
    safe = table.map(neutralise)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\r\n")  # CRLF: Excel's own, and CR inside a cell is quoted
    return "\ufeff" + buffer.getvalue()


def dumps_geojson(collection: dict[str, Any]) -> str:
    """Stable text form: one feature per line, keys in insertion order, UTF-8 characters kept."""
    head = '{"type": "FeatureCollection", "features": [\n'
    body = ",\n".join(json.dumps(f, ensure_ascii=False) for f in collection["features"])
    return head + body + "\n]}\n"
