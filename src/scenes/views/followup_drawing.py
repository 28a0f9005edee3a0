"""Drawing on the follow-up page's map: a scene's boundary or place redrawn (a point made an area, too), a new scene
drawn, one scene split into the parts drawn. The shapes come from the map (GeoJSON features, as the drawing tools
send them) or as text typed in (WKT or GeoJSON: the way without a mouse), are read with caps, and are checked *as an
uploaded file of those rows would be* (`check_upload`: inside the county, valid areas, the size caps, the
municipality and police area from the place). A refusal says what is wrong and where it lies on the map
(`DrawingRefused.spots`); nothing of it is saved.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import shapely
from shapely.geometry import shape as to_shape
from shapely.geometry.base import BaseGeometry

from scenes.domain import followup as fu
from scenes.errors import Problem, ValidationFailed
from scenes.geo import SWEREF99TM, WGS84
from scenes.ingest.geometry import MAX_PARTS, MAX_VERTICES

if TYPE_CHECKING:
    from scenes.views.dashboard import Dashboard

__all__ = ["MAX_SHAPES", "MAX_TEXT_CHARS", "DrawingRefused", "add_drawn", "parse_drawing", "parse_text", "redraw",
           "split_drawn"]

#: shapes one drawing may hold (a split into more parts is made in a file)
MAX_SHAPES = 50
#: characters of a shape typed in (about 20,000 corners of WKT)
MAX_TEXT_CHARS = 500_000
#: a problem in one of these columns (None: the row's place) lies somewhere on the map; one in a field does not
_PLACE_COLUMNS = (None, "geometry", "lat", "lon", "wkt", "lokalpolisomrade", "stadsdel")
_REASON_AT = re.compile(r"\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)")


class DrawingRefused(ValidationFailed):
    """A drawn shape refused: the problems, and where each lies on the map (geometry, problem) for the page."""

    def __init__(self, message: str, problems: list[Problem], spots: Sequence[tuple[BaseGeometry, Problem]] = (),
                 *, code: str = "drawing_invalid") -> None:
        super().__init__(message, problems, code=code)
        self.spots = list(spots)


def _refused(problem: Problem, spots: Sequence[tuple[BaseGeometry, Problem]] = ()) -> DrawingRefused:
    return DrawingRefused("The drawing was not saved.", [problem], spots)


def _bounded(geometry: Mapping[str, Any], where: str) -> BaseGeometry:
    """One GeoJSON geometry as shapely, refused before building when it has more corners than any upload may."""
    corners, stack = 0, [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            if item and all(isinstance(v, int | float) for v in item):
                corners += 1
                if corners > MAX_VERTICES:
                    raise _refused(Problem(f"{where}: the shape has more than {MAX_VERTICES} corners.",
                                           code="geometry_too_complex",
                                           params={"corners": corners, "parts": 1, "limit": MAX_VERTICES,
                                                   "parts_limit": MAX_PARTS}))
            else:
                stack.extend(item)
    try:
        geom = to_shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError,
            shapely.errors.GEOSException) as exc:
        raise _refused(Problem(f"{where}: not a shape the map can read ({str(exc)[:80]}).", code="drawing_unreadable",
                               suggestion="Draw it again, or type it as WKT.")) from exc
    if geom.is_empty or geom.geom_type not in ("Point", "Polygon", "MultiPolygon"):
        raise _refused(Problem(f"{where}: a scene is a point or an area, not a {geom.geom_type}.",
                               code="followup_shape_kind", params={"kind": geom.geom_type}))
    return geom


def parse_drawing(features: object) -> list[BaseGeometry]:
    """The shapes of a drawing (streamlit-folium's `all_drawings`: GeoJSON features), in the order drawn. Whatever
    the browser sent is read with caps (shapes, corners) before any geometry is built."""
    if features is None:
        return []
    if not isinstance(features, list):
        raise _refused(Problem("The drawing could not be read; draw it again.", code="drawing_unreadable"))
    if len(features) > MAX_SHAPES:
        raise _refused(Problem(f"The drawing holds {len(features)} shapes; at most {MAX_SHAPES}.",
                               code="drawing_too_many", params={"count": len(features), "limit": MAX_SHAPES}))
    shapes = []
    for n, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
        if not isinstance(geometry, Mapping):
            raise _refused(Problem(f"Shape {n} could not be read; draw it again.", code="drawing_unreadable"))
        shapes.append(_bounded(geometry, f"Shape {n}"))
    return shapes


def parse_text(text: str) -> list[BaseGeometry]:
    """Shapes typed in: WKT, or GeoJSON (a geometry, a feature or a feature collection), in longitude and latitude
    (WGS 84). A GEOMETRYCOLLECTION (or a collection of features) is several shapes: the parts of a split."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > MAX_TEXT_CHARS:
        raise _refused(Problem(f"The text is {len(text):,} characters; at most {MAX_TEXT_CHARS:,}.",
                               code="drawing_text_long", params={"count": len(text), "limit": MAX_TEXT_CHARS}))
    if text[0] in "{[":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise _refused(Problem(f"Not valid GeoJSON: {str(exc)[:80]}.", code="drawing_unreadable",
                                   suggestion="Write WKT, e.g. POINT (18.06 59.33), or GeoJSON.")) from exc
        if isinstance(data, Mapping) and data.get("type") == "FeatureCollection":
            return parse_drawing(data.get("features"))
        if isinstance(data, Mapping) and data.get("type") == "Feature":
            return parse_drawing([data])
        return parse_drawing([{"geometry": data}])
    try:
        geom = shapely.from_wkt(text)
    except shapely.errors.GEOSException as exc:
        raise _refused(Problem(f"Not valid WKT: {str(exc)[:80]}.", code="drawing_unreadable",
                               suggestion="Write WKT, e.g. POINT (18.06 59.33), or GeoJSON.")) from exc
    parts = list(geom.geoms) if geom.geom_type == "GeometryCollection" else [geom]
    if len(parts) > MAX_SHAPES:
        raise _refused(Problem(f"The text holds {len(parts)} shapes; at most {MAX_SHAPES}.", code="drawing_too_many",
                               params={"count": len(parts), "limit": MAX_SHAPES}))
    return parse_drawing([{"geometry": p.__geo_interface__} for p in parts])


def _same(a: BaseGeometry, b: BaseGeometry | None) -> bool:
    return b is not None and a.geom_type == b.geom_type and a.equals_exact(b, 1e-7)


def _one(shapes: Sequence[BaseGeometry], original: BaseGeometry | None) -> BaseGeometry:
    """The one shape a redrawn or new scene is: an area drawn beside the original point replaces it."""
    if len(shapes) > 1 and original is not None:
        shapes = [s for s in shapes if not _same(s, original)]
    if len(shapes) != 1:
        raise _refused(Problem(f"A scene is one shape; the drawing holds {len(shapes)}. Remove the others with the "
                               "eraser, or draw one.", code="drawing_count", params={"count": len(shapes)}))
    if _same(shapes[0], original):
        raise _refused(Problem("The shape is as it was; move a corner or the whole shape first.",
                               code="drawing_unchanged"))
    return shapes[0]


def _parts(shapes: Sequence[BaseGeometry], original: BaseGeometry) -> list[BaseGeometry]:
    """The parts of a split: every area drawn or cut, the scene's own shape left as it was not among them."""
    parts = [p for s in shapes if not _same(s, original)
             for p in (s.geoms if s.geom_type == "MultiPolygon" else [s])]
    if len(parts) < 2 or any(p.geom_type != "Polygon" for p in parts):
        raise _refused(Problem(f"A split is two or more areas; the drawing holds {len(parts)} "
                               f"({', '.join(p.geom_type for p in parts) or '–'}). Cut the scene with a drawn area, "
                               "or draw its parts.", code="drawing_split_parts", params={"count": len(parts)}))
    if len(parts) > MAX_SHAPES:
        raise _refused(Problem(f"A split into {len(parts)} parts; at most {MAX_SHAPES}.", code="drawing_too_many",
                               params={"count": len(parts), "limit": MAX_SHAPES}))
    return parts


def _spot(dash: Dashboard, problem: Problem, shape: BaseGeometry) -> BaseGeometry:
    """Where `problem` lies: the part outside the county, the crossing that makes an area invalid, else the shape."""
    if problem.code == "partly_outside_county":
        wgs = gpd.GeoSeries([shape], crs=WGS84)
        outside = wgs.to_crs(SWEREF99TM).difference(dash.reference.county_outline).to_crs(WGS84).iloc[0]
        return outside if not outside.is_empty else shape
    if problem.code in ("invalid_geometry", "invalid_geometry_large", "repaired_polygon"):
        found = _REASON_AT.search(shapely.is_valid_reason(shape) or "")
        if found:
            return shapely.Point(float(found.group(1)), float(found.group(2)))
    return shape


def _checked(dash: Dashboard, draft: fu.Draft, rows: list[fu.DraftScene]) -> list[fu.DraftScene]:
    """`rows` checked as an uploaded file of them would be (as of the date of the survey followed, as a file loaded
    into the draft is): the scenes with the shape and tags the check gives (a repaired area, the municipality and
    police area from the place), or DrawingRefused naming each problem and where it lies."""
    from scenes.render.exports import export_scenes

    frame = fu.result_frame(fu.Draft(draft.followup, {s.scene_id: s for s in rows}))
    data = export_scenes(frame, "geojson", dash.reference)
    check = dash.check_upload(f"{draft.followup.followup_id}-drawing.geojson", data,
                              survey_date=dash.survey(draft.followup.base_survey_id).date)
    numbers = list(check.raw.row_numbers) if check.raw is not None else []
    located = []
    for problem in check.result.problems:
        at = numbers.index(problem.row) if problem.row in numbers else None
        if at is None and len(rows) == 1 and problem.row is not None:
            at = 0
        located.append((at, replace(problem, row=None if len(rows) == 1 else (at + 1 if at is not None else None))))
    if not check.ok:
        problems = [p for _, p in located]
        spots = [(_spot(dash, p, rows[at].geometry), p) for at, p in located
                 if at is not None and p.severity == "error" and p.column in _PLACE_COLUMNS]
        raise DrawingRefused("The drawing was not saved.", problems, spots)
    out = []
    for scene, row in zip(rows, check.frame.itertuples(index=False), strict=True):
        out.append(replace(scene, geometry=row.geometry, kommun_kod=str(row.kommun_kod), kommun=str(row.kommun),
                           lokalpolisomrade=str(row.lokalpolisomrade), stadsdel=row.stadsdel or None))
    return out


def redraw(dash: Dashboard, draft: fu.Draft, shown: fu.DraftScene, shapes: Sequence[BaseGeometry], *,
           actor: str) -> fu.Draft:
    """A scene's new boundary or place (as the form showed it, `shown`: a newer version saved meanwhile refuses the
    save), checked and saved; its municipality and police area follow the place."""
    from scenes.views.followup import save

    dash._writable(actor)
    base = fu.apply(draft, [shown])
    (changed,) = fu.reshape(base, shown.scene_id, _one(shapes, shown.geometry))
    (checked,) = _checked(dash, base, [changed])
    return save(dash, draft.followup.followup_id, [checked], actor=actor, detail="drawn")


def add_drawn(dash: Dashboard, draft: fu.Draft, shapes: Sequence[BaseGeometry], *, name: str,
              categories: Sequence[str], actor: str, police_area: str | None = None,
              district: str | None = None) -> tuple[fu.Draft, str]:
    """A new scene drawn on the map, named and with categories; its municipality and police area from its place
    (in Stockholm city the district or police area given decides it). Returns the draft and the scene's id."""
    from scenes.views.followup import new_ids, save

    dash._writable(actor)
    if not name.strip():
        raise _refused(Problem("A new scene needs a name.", column="name", code="drawing_name"))
    (new_id,) = new_ids(dash, draft)
    (scene,) = fu.add(draft, new_id, _one(shapes, None), name=name.strip(), kommun_kod="", kommun="",
                      lokalpolisomrade=police_area or "", stadsdel=district or None, categories=categories)
    (checked,) = _checked(dash, draft, [scene])
    return save(dash, draft.followup.followup_id, [checked], actor=actor, detail="drawn"), new_id


def split_drawn(dash: Dashboard, draft: fu.Draft, shown: fu.DraftScene, shapes: Sequence[BaseGeometry], *,
                actor: str) -> tuple[fu.Draft, list[str]]:
    """One scene split into the areas drawn (or cut from it): each a new scene continuing it, checked and saved
    together with the scene, which is then continued by them. Returns the draft and the parts' ids."""
    from scenes.views.followup import new_ids, save

    dash._writable(actor)
    base = fu.apply(draft, [shown])
    parts = _parts(shapes, shown.geometry)
    ids = new_ids(dash, base, len(parts))
    gone, *made = fu.split(base, shown.scene_id, parts, ids)
    checked = _checked(dash, base, made)
    return save(dash, draft.followup.followup_id, [gone, *checked], actor=actor, detail="drawn split"), ids
