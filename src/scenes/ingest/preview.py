"""What publishing a checked file would change: county totals before and after, and scenes worth a second look.

The preview guards the figures the steering group sees. A survey sent back without its polygons would report a
false fall in area ("Total yta 0,0 ha, −100 %"); here every scene whose polygon became a point, whose area
changed by more than a threshold, or which moved further than a threshold is listed before anything is
published, next to the totals before and after.

A file that changes nothing (same scenes, same tags, every geometry within `SAME_PLACE_M` of where it was, e.g.
our own export re-imported) is recognised as such: publishing it as a revision is a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from scenes.domain.figures import measured_area
from scenes.domain.query import Comparison, compare
from scenes.geo import SWEREF99TM
from scenes.i18n import number, t
from scenes.model import Lang

__all__ = ["SAME_PLACE_M", "Preview", "SceneFlag", "flags_table", "preview"]

#: Geometries whose corners are all within this distance (metres) of each other are the same place: the rounding
#: of our exports (millimetres in SWEREF 99 TM, about 0.1 m in WGS 84 with six decimals) stays well inside it.
SAME_PLACE_M = 0.5
#: Areas closer than this (m²) are the same area (stored areas are rounded to 0.1 m²).
SAME_AREA_M2 = 1.0
_COMPARED = ("name", "kommun_kod", "lokalpolisomrade", "stadsdel", "status", "notes")
_AREAL = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class SceneFlag:
    """One scene worth a look: `code` is `became_point`, `area_change` or `moved`; figures in m² or m."""

    scene_id: str
    name: str
    code: str
    before: float
    after: float


@dataclass
class Preview:
    count_before: int
    count_after: int
    area_before_m2: float | None  # None: not measured (no polygon; `scenes.domain.figures.measured_area`)
    area_after_m2: float | None
    comparison: Comparison
    flags: list[SceneFlag] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # persisting scenes whose tags or geometry changed

    @property
    def unchanged(self) -> bool:
        """Nothing would change: same scene ids, tags and places."""
        c = self.comparison
        return not (c.new or c.ceased or self.changed)

    @property
    def area_change_pct(self) -> float | None:
        if not self.area_before_m2 or self.area_after_m2 is None:
            return None
        return 100.0 * (self.area_after_m2 - self.area_before_m2) / self.area_before_m2


def _tags(row: dict[str, Any]) -> tuple[object, ...]:
    impact = None if pd.isna(row["impact"]) else int(row["impact"])
    return (*((row[c] or None) for c in _COMPARED), tuple(sorted(row["categories"])),
            tuple(sorted(row["predecessors"])), impact)


def preview(earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame, *, area_change_pct: float,
            move_m: float) -> Preview:
    """Compare the scenes of `later` (a checked file) with `earlier` (the survey it follows or revises)."""
    comparison = compare(earlier, later)
    result = Preview(len(earlier), len(later), measured_area(earlier), measured_area(later), comparison)
    if not comparison.persisting:
        return result
    a = earlier.drop_duplicates("scene_id").set_index("scene_id").loc[comparison.persisting]
    b = later.drop_duplicates("scene_id").set_index("scene_id").loc[comparison.persisting]
    geom_a = gpd.GeoSeries(a.geometry.to_numpy(), crs=earlier.crs).to_crs(SWEREF99TM).to_numpy()
    geom_b = gpd.GeoSeries(b.geometry.to_numpy(), crs=later.crs).to_crs(SWEREF99TM).to_numpy()
    # Same place: the same corners in the same order, each within SAME_PLACE_M (linear; Hausdorff is quadratic
    # in the corners, minutes for a large polygon). A reordered ring counts as a change: the safe side.
    same = shapely.equals_exact(geom_a, geom_b, tolerance=SAME_PLACE_M)
    moved = shapely.distance(shapely.centroid(geom_a), shapely.centroid(geom_b))
    rows_a, rows_b = a.to_dict("index"), b.to_dict("index")
    for i, sid in enumerate(comparison.persisting):
        ra, rb = rows_a[sid], rows_b[sid]
        type_a, type_b = geom_a[i].geom_type, geom_b[i].geom_type
        area_a, area_b = (float(x) if x == x and x is not None else 0.0 for x in (ra["area_m2"], rb["area_m2"]))
        same_place = type_a == type_b and bool(same[i]) and abs(area_a - area_b) <= SAME_AREA_M2
        if _tags(ra) != _tags(rb) or not same_place:
            result.changed.append(sid)
        name = str(rb["name"] or ra["name"] or "")
        if type_a in _AREAL and type_b not in _AREAL:
            result.flags.append(SceneFlag(sid, name, "became_point", area_a, area_b))
        elif type_a in _AREAL and area_a > 0 and abs(area_b - area_a) / area_a * 100 > area_change_pct:
            result.flags.append(SceneFlag(sid, name, "area_change", area_a, area_b))
        if float(moved[i]) > move_m:
            result.flags.append(SceneFlag(sid, name, "moved", 0.0, round(float(moved[i]), 1)))
    return result


def flags_table(result: Preview, lang: Lang) -> pd.DataFrame:
    """The flagged scenes as a table in `lang`: areas in hectares, moves in metres."""
    return pd.DataFrame([{
        t("col.scene_id", lang): f.scene_id, t("col.name", lang): f.name,
        t("upload.flag", lang): t(f"flag.{f.code}", lang),
        t("upload.flag_before", lang): "" if f.code == "moved" else number(f.before / 10_000, lang, 2),
        t("upload.flag_after", lang): number(f.after, lang) if f.code == "moved" else number(f.after / 10_000, lang, 2),
    } for f in result.flags])
