"""Drawing on the follow-up page's map: a scene's boundary or place redrawn (a point made an area, too), a new scene
drawn, one scene split into the parts drawn. The shapes come from the map (GeoJSON features, as the drawing tools
send them) or as text typed in (WKT or GeoJSON: the way without a mouse), are read with caps, and are checked *as an
uploaded file of those rows would be* (`check_upload`: inside the county, valid areas, the size caps, the
municipality and police area from the place). A refusal says what is wrong and where it lies on the map
(`DrawingRefused.spots`); nothing of it is saved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import shape as to_shape
from shapely.geometry.base import BaseGeometry

from scenes.domain import followup as fu
from scenes.errors import Problem, ScenesError, ValidationFailed
from scenes.geo import SWEREF99TM, WGS84, tag_municipality
from scenes.ingest.geometry import ALLOWED_GEOMETRIES, MAX_PARTS, MAX_VERTICES, MAX_WKT_DEPTH, nesting

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


class _Budget:
    """Corners left for a whole drawing: every shape of it together may have as many as one upload's shape."""

    def __init__(self) -> None:
        self.left = MAX_VERTICES

    def take(self, n: int, where: str) -> None:
        self.left -= n
        if self.left < 0:
            raise _refused(Problem(f"{where}: the drawing has more than {MAX_VERTICES} corners.",
                                   code="geometry_too_complex",
                                   params={"corners": MAX_VERTICES - self.left, "parts": 1, "limit": MAX_VERTICES,
                                           "parts_limit": MAX_PARTS}))


def _unreadable(where: str, why: str = "") -> DrawingRefused:
    return _refused(Problem(f"{where}: not a shape the map can read{f' ({why[:80]})' if why else ''}.",
                            code="drawing_unreadable", suggestion="Draw it again, or type it as WKT."))


def _bounded(geometry: Mapping[str, Any], where: str, budget: _Budget) -> BaseGeometry:
    """One GeoJSON geometry as shapely. Before anything is built: its type must be a scene's (a point or an area),
    its coordinates nested no deeper than a multipolygon's, each position two or three numbers, and its corners
    within what is left of the drawing's budget. After: every coordinate finite."""
    kind = geometry.get("type")
    if kind not in ALLOWED_GEOMETRIES:
        raise _refused(Problem(f"{where}: a scene is a point or an area, not a {str(kind)[:40]}.",
                               code="followup_shape_kind", params={"kind": str(kind)[:40]}))
    stack: list[tuple[object, int]] = [(geometry.get("coordinates"), 1)]
    corners = 0
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, list | tuple) or depth > 4:
            raise _unreadable(where)
        if len(item) > budget.left:  # more rings, parts or corners than the whole drawing may have: unread
            budget.take(len(item), where)
        if any(isinstance(v, list | tuple) for v in item):
            stack.extend((v, depth + 1) for v in item)
            continue
        if not 2 <= len(item) <= 3 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in item):
            raise _unreadable(where)
        corners += 1
        if corners > 10_000:  # taken in steps: a shape over the budget stops early
            budget.take(corners, where)
            corners = 0
    budget.take(corners, where)
    try:
        geom = to_shape(geometry)
        finite = bool(np.isfinite(shapely.get_coordinates(geom, include_z=bool(shapely.has_z(geom)))).all())
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError, OverflowError,
            shapely.errors.GEOSException) as exc:
        raise _unreadable(where, str(exc)) from exc
    if not finite:
        raise _unreadable(where, "a coordinate is not a finite number")
    if geom.is_empty:
        raise _refused(Problem(f"{where}: the shape is empty.", code="followup_shape_kind",
                               params={"kind": "EMPTY"}))
    return geom


def parse_drawing(features: object) -> list[BaseGeometry]:
    """The shapes of a drawing (streamlit-folium's `all_drawings`: GeoJSON features), in the order drawn. Whatever
    the browser sent is read with caps (shapes, nesting, corners of the whole drawing) before any geometry is
    built."""
    if features is None:
        return []
    if not isinstance(features, list):
        raise _refused(Problem("The drawing could not be read; draw it again.", code="drawing_unreadable"))
    if len(features) > MAX_SHAPES:
        raise _refused(Problem(f"The drawing holds {len(features)} shapes; at most {MAX_SHAPES}.",
                               code="drawing_too_many", params={"count": len(features), "limit": MAX_SHAPES}))
    budget = _Budget()
    shapes = []
    for n, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, Mapping) else None
        if not isinstance(geometry, Mapping):
            raise _refused(Problem(f"Shape {n} could not be read; draw it again.", code="drawing_unreadable"))
        shapes.append(_bounded(geometry, f"Shape {n}", budget))
    return shapes


#: brackets typed GeoJSON may nest: a feature collection of multipolygons is eight deep
_JSON_DEPTH = 8


def parse_text(text: str) -> list[BaseGeometry]:
    """Shapes typed in: WKT, or GeoJSON (a geometry, a feature or a feature collection), in longitude and latitude
    (WGS 84). A GEOMETRYCOLLECTION (or a collection of features) is several shapes: the parts of a split. The text
    is refused unread when longer than MAX_TEXT_CHARS or nested deeper than a scene's shapes are (GEOS and
    Python's JSON reader recurse on nesting)."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > MAX_TEXT_CHARS:
        raise _refused(Problem(f"The text is {len(text):,} characters; at most {MAX_TEXT_CHARS:,}.",
                               code="drawing_text_long", params={"count": len(text), "limit": MAX_TEXT_CHARS}))
    is_json = text[0] in "{["
    limit = _JSON_DEPTH if is_json else MAX_WKT_DEPTH
    if nesting(text, limit) > limit:
        raise _unreadable("The text", "nested deeper than a scene's shape")
    if is_json:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
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
    for n, part in enumerate(parts, start=1):  # (a nested collection is refused before it is written out again)
        if part.geom_type not in ALLOWED_GEOMETRIES:
            raise _refused(Problem(f"Shape {n}: a scene is a point or an area, not a {part.geom_type}.",
                                   code="followup_shape_kind", params={"kind": part.geom_type}))
    return parse_drawing([{"geometry": p.__geo_interface__} for p in parts])


#: the browser sends shapes rounded to six decimals (Leaflet's `toGeoJSON`), the store keeps seven: a shape sent back
#: untouched is the same shape within this (degrees; about 0.1 m)
_SAME = 1.5e-6


def _same(a: BaseGeometry, b: BaseGeometry | None) -> bool:
    return b is not None and a.geom_type == b.geom_type and a.equals_exact(b, _SAME)


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


def _placed(dash: Dashboard, scene: fu.DraftScene, day: dt.date,
            chosen: tuple[str | None, str | None] = (None, None)) -> fu.DraftScene:
    """`scene` with the police area and district the check is to see. Where the place decides the police area (one
    police area covers its municipality), none: the check derives it from the place, as for an uploaded row without
    one. Where it does not (Stockholm city, whose districts decide): the police area or district the analyst
    `chosen`, else the scene's own if it stays in the municipality it was in, else none (the check then says which
    to choose)."""
    code = tag_municipality(gpd.GeoSeries([scene.geometry], crs=WGS84), dash.reference.boundaries).iloc[0]
    if code is not None and len(dash.reference.police_areas_covering("kommun", str(code), day)) == 1:
        return replace(scene, lokalpolisomrade="", stadsdel=None)
    if any(chosen):
        return replace(scene, lokalpolisomrade=chosen[0] or "", stadsdel=chosen[1] or None)
    if code is not None and scene.kommun_kod == str(code):
        return scene
    return replace(scene, lokalpolisomrade="", stadsdel=None)


def _checked(dash: Dashboard, draft: fu.Draft, rows: list[fu.DraftScene],
             chosen: tuple[str | None, str | None] = (None, None)) -> list[fu.DraftScene]:
    """`rows` checked as an uploaded file of them would be (as of the date of the survey followed, as a file loaded
    into the draft is): the scenes with the shape and tags the check gives (a repaired area; the municipality and,
    where the place decides it, the police area from the place: `_placed`), or DrawingRefused naming each problem
    and where it lies."""
    from scenes.render.exports import export_scenes

    day = dash.survey(draft.followup.base_survey_id).date
    rows = [replace(_placed(dash, s, day, chosen), kommun_kod="", kommun="") for s in rows]  # the place decides
    frame = fu.result_frame(fu.Draft(draft.followup, {s.scene_id: s for s in rows}))
    data = export_scenes(frame, "geojson", dash.reference)
    check = dash.check_upload(f"{draft.followup.followup_id}-drawing.geojson", data, survey_date=day)
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


def _writable(dash: Dashboard, draft: fu.Draft, actor: str) -> None:
    """A drawing is written by an analyst, into a draft of real data: real places drawn into a demo draft would be
    published as fictitious data, shown without sign-in (as a file is refused: `views.followup.load_file`)."""
    dash._writable(actor)
    if draft.followup.demo:
        raise ScenesError("Nothing is drawn into a follow-up of demo data; start the follow-up from a real survey.",
                          code="followup_demo_drawing")


def redraw(dash: Dashboard, draft: fu.Draft, shown: fu.DraftScene, shapes: Sequence[BaseGeometry], *,
           actor: str, police_area: str | None = None, district: str | None = None) -> fu.Draft:
    """A scene's new boundary or place (as the form showed it, `shown`: a newer version saved meanwhile refuses the
    save), checked and saved; its municipality and police area follow the place (`_placed`: in Stockholm city the
    police area or district given, else its own while it stays there)."""
    from scenes.views.followup import save

    _writable(dash, draft, actor)
    base = fu.apply(draft, [shown])
    (changed,) = fu.reshape(base, shown.scene_id, _one(shapes, shown.geometry))
    (checked,) = _checked(dash, base, [changed], (police_area, district))
    return save(dash, draft.followup.followup_id, [checked], actor=actor, detail="drawn")


def add_drawn(dash: Dashboard, draft: fu.Draft, shapes: Sequence[BaseGeometry], *, name: str,
              categories: Sequence[str], actor: str, police_area: str | None = None,
              district: str | None = None) -> tuple[fu.Draft, str]:
    """A new scene drawn on the map, named and with categories; its municipality and police area from its place
    (only where the place alone does not decide it, in Stockholm city, do the police area or district given
    count). Returns the draft and the scene's id."""
    from scenes.views.followup import new_ids, save

    _writable(dash, draft, actor)
    if not name.strip():
        raise _refused(Problem("A new scene needs a name.", column="name", code="drawing_name"))
    (new_id,) = new_ids(dash, draft)
    (scene,) = fu.add(draft, new_id, _one(shapes, None), name=name.strip(), kommun_kod="", kommun="",
                      lokalpolisomrade="", categories=categories)
    (checked,) = _checked(dash, draft, [scene], (police_area, district))
    return save(dash, draft.followup.followup_id, [checked], actor=actor, detail="drawn"), new_id


def split_drawn(dash: Dashboard, draft: fu.Draft, shown: fu.DraftScene, shapes: Sequence[BaseGeometry], *,
                actor: str) -> tuple[fu.Draft, list[str]]:
    """One scene split into the areas drawn (or cut from it): each a new scene continuing it, checked and saved
    together with the scene, which is then continued by them. Returns the draft and the parts' ids."""
    from scenes.views.followup import new_ids, save

    _writable(dash, draft, actor)
    base = fu.apply(draft, [shown])
    parts = _parts(shapes, shown.geometry)
    ids = new_ids(dash, base, len(parts))
    gone, *made = fu.split(base, shown.scene_id, parts, ids)
    checked = _checked(dash, base, made)
    return save(dash, draft.followup.followup_id, [gone, *checked], actor=actor, detail="drawn split"), ids
