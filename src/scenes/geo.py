"""Geometry helpers: projection to SWEREF 99 TM, areas, and tagging scenes with their municipality.

Areas are always computed in SWEREF 99 TM (EPSG:3006), the Swedish national projected CRS; degrees are
never used as a unit of area. Municipality tagging uses the shipped boundaries, with a deterministic answer
for points exactly on a shared boundary (the lowest municipality code wins).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry.base import BaseGeometry

__all__ = ["SWEREF99TM", "WGS84", "area_m2", "tag_municipality"]

WGS84 = 4326
SWEREF99TM = 3006


def area_m2(geometries: gpd.GeoSeries) -> pd.Series:
    """Area in m² of polygonal geometries (computed in EPSG:3006); NaN for points and lines."""
    if geometries.crs is None:
        raise ValueError("geometries have no CRS; set it (e.g. .set_crs(4326)) before computing areas")
    projected = geometries.to_crs(SWEREF99TM)
    polygonal = projected.geom_type.isin(["Polygon", "MultiPolygon"])
    areas: pd.Series = projected.area.where(polygonal, np.nan).round(1)
    return areas


def nearest_municipality(geometries: gpd.GeoSeries, boundaries: gpd.GeoDataFrame,
                         max_distance_m: float) -> pd.DataFrame:
    """For each geometry: the nearest municipality within `max_distance_m` (columns kommun_kod, distance_m; NaN
    beyond it). Used where a location falls just outside the shipped, generalised boundaries."""
    probe = gpd.GeoDataFrame({"_i": np.arange(len(geometries))}, geometry=geometries.to_crs(SWEREF99TM).to_numpy(),
                             crs=SWEREF99TM)
    shapes = boundaries[["kommun_kod", "geometry"]].to_crs(SWEREF99TM)
    joined = gpd.sjoin_nearest(probe, shapes, how="left", max_distance=max_distance_m, distance_col="distance_m")
    best = joined.sort_values(["_i", "distance_m", "kommun_kod"]).groupby("_i")[["kommun_kod", "distance_m"]].first()
    out: pd.DataFrame = best.reindex(np.arange(len(geometries)))
    return out


def tag_municipality(geometries: gpd.GeoSeries, boundaries: gpd.GeoDataFrame) -> pd.Series:
    """Municipality code for each geometry (None outside every boundary).

    Polygons are tagged by a representative point inside them. A point on a boundary shared by two
    municipalities intersects both; we take the lowest code so the answer never depends on row order.
    """
    wgs = geometries.to_crs(WGS84)
    is_point = (wgs.geom_type == "Point").to_numpy()
    anchors = wgs.values.copy()
    if (~is_point).any():  # polygons: a point guaranteed inside them; points are their own anchor
        anchors[~is_point] = wgs[~is_point].representative_point().values
    probe = gpd.GeoDataFrame({"_i": np.arange(len(geometries))}, geometry=anchors, crs=WGS84)
    joined = gpd.sjoin(probe, boundaries[["kommun_kod", "geometry"]], how="left", predicate="intersects")
    best = joined.sort_values(["_i", "kommun_kod"]).groupby("_i")["kommun_kod"].first()
    out = pd.Series([None] * len(geometries), index=geometries.index, dtype=object)
    found = best.dropna()
    out.iloc[found.index.to_numpy()] = found.to_numpy()
    return out


def within(geometry: BaseGeometry, boundaries: gpd.GeoDataFrame, kommun_kod: str) -> bool:
    """True if `geometry` lies inside the named municipality."""
    shape = boundaries.loc[boundaries["kommun_kod"] == kommun_kod, "geometry"]
    return bool(len(shape)) and bool(shape.iloc[0].contains(geometry))
