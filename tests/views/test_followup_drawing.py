"""Drawing on the follow-up map (`scenes.views.followup_drawing`): what the browser sends is read with caps, each
drawn shape is checked as an uploaded file of it would be, a refusal says where it lies on the map and saves nothing,
and what is saved (redrawn, new, split) publishes with the lineage `compare` infers."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon, box

from scenes.domain import followup as fu
from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.query import compare
from scenes.errors import ScenesError, StoreError
from scenes.ingest.geometry import MAX_VERTICES
from scenes.model import Survey, SurveyKind
from scenes.views import followup as views
from scenes.views import followup_drawing as drawing
from scenes.views.dashboard import Dashboard

DAY = dt.date(2024, 6, 1)


def _refused(fn, *args, **kwargs) -> drawing.DrawingRefused:  # type: ignore[no-untyped-def]
    with pytest.raises(drawing.DrawingRefused) as caught:
        fn(*args, **kwargs)
    return caught.value


def _codes(exc: drawing.DrawingRefused) -> list[str]:
    return [p.code for p in exc.problems]


def _feature(geom: object) -> dict[str, object]:
    return {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(geom)}


# -- reading what the browser sends ---------------------------------------------------------------------------


def test_a_drawing_is_read_as_shapes_in_the_order_drawn() -> None:
    shapes = drawing.parse_drawing([_feature(Point(18.06, 59.33)), _feature(box(18.0, 59.3, 18.01, 59.31))])
    assert [s.geom_type for s in shapes] == ["Point", "Polygon"]
    assert drawing.parse_drawing(None) == []  # nothing drawn yet


@pytest.mark.parametrize(("sent", "code"), [
    ("not a list", "drawing_unreadable"),
    ([{"type": "Feature"}], "drawing_unreadable"),
    ([{"geometry": {"type": "Polygon", "coordinates": "x"}}], "drawing_unreadable"),
    ([{"geometry": {"type": "LineString", "coordinates": [[18.0, 59.3], [18.1, 59.4]]}}], "followup_shape_kind"),
    ([_feature(Point(18.0, 59.3))] * (drawing.MAX_SHAPES + 1), "drawing_too_many"),
    ([{"geometry": {"type": "Polygon", "coordinates": [[[18.0, 59.3]] * (MAX_VERTICES + 5)]}}],
     "geometry_too_complex"),
])
def test_what_a_hostile_browser_sends_is_refused_with_a_reason(sent: object, code: str) -> None:
    assert _codes(_refused(drawing.parse_drawing, sent)) == [code]


@pytest.mark.parametrize("sent", [
    [{"geometry": {"type": "Point", "coordinates": ["18.0", "59.3"]}}],  # numbers as text: counted, refused
    [{"geometry": {"type": "Point", "coordinates": [float("nan"), 59.3]}}],
    [{"geometry": {"type": "Point", "coordinates": [float("inf"), 59.3]}}],
    [{"geometry": {"type": "Point", "coordinates": [10**400, 59.3]}}],
    [{"geometry": {"type": "Point", "coordinates": [True, 59.3]}}],
    [{"geometry": {"type": "Point", "coordinates": [18.0, 59.3, 1.0, 2.0]}}],
    [{"geometry": {"type": "Polygon", "coordinates": [[[[[18.0, 59.3]]]]]}}],
    [{"geometry": {"type": "Polygon", "coordinates": []}}],
])
def test_coordinates_a_browser_could_forge_are_refused_as_unreadable(sent: object) -> None:
    assert _codes(_refused(drawing.parse_drawing, sent)) == ["drawing_unreadable"]


def test_collections_and_the_whole_drawing_have_caps_before_anything_is_built() -> None:
    many = {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [18.0, 59.3]}] * 200_000}
    assert _codes(_refused(drawing.parse_drawing, [{"geometry": many}])) == ["followup_shape_kind"]
    ring = [[18.0 + i * 1e-6, 59.3] for i in range(MAX_VERTICES // 3)] + [[18.0, 59.3]]
    big = {"geometry": {"type": "Polygon", "coordinates": [ring]}}
    assert len(drawing.parse_drawing([big, big])) == 2
    assert _codes(_refused(drawing.parse_drawing, [big] * 4)) == ["geometry_too_complex"]  # over all shapes


@pytest.mark.parametrize("text", [
    "GEOMETRYCOLLECTION (" * 21_000 + "POINT (1 2)" + ")" * 21_000,  # crashed GEOS (a segfault) unguarded
    "GEOMETRYCOLLECTION (GEOMETRYCOLLECTION (POINT (18 59.3)))",
    "[" * 5_000,
    '{"type": "Point", "coordinates": ' + "[" * 400 + "18, 59" + "]" * 400 + "}",
    "POINT (nan 59)",
    "POINT (1e999 59)",
    '{"type": "Point", "coordinates": [NaN, 59]}',
])
def test_text_nested_too_deep_or_not_finite_is_refused_unread(text: str) -> None:
    refused = _refused(drawing.parse_text, text)
    assert _codes(refused)[0] in ("drawing_unreadable", "followup_shape_kind")


def test_an_uploaded_wkt_cell_nested_too_deep_is_a_located_error_not_a_crash(ref: object) -> None:
    from scenes.ingest.geometry import MAX_WKT_DEPTH, nesting

    assert nesting("MULTIPOLYGON (((18 59, 18.1 59, 18.1 59.1, 18 59)))", 9) == 3
    assert nesting('{"name": "((((((", "coordinates": [[18, 59]]}', 9) == 3  # brackets in JSON strings are text
    assert nesting("(" * 100_000, MAX_WKT_DEPTH) == MAX_WKT_DEPTH + 1  # counting stops at the limit
    from scenes.ingest.upload import check_upload
    from scenes.limits import Limits

    cell = "GEOMETRYCOLLECTION (" * 2_000 + "POINT (18 59.3)" + ")" * 2_000
    data = f"scene_id;name;wkt\nA;Plats;{cell}\n".encode()
    check = check_upload("djup.csv", data, ref, limits=Limits(), survey_date=dt.date(2024, 2, 1))  # type: ignore[arg-type]
    assert "bad_wkt" in [p.code for p in check.result.errors]


def test_nesting_as_deep_as_a_message_allows_is_refused_not_a_traceback() -> None:
    deep: list[object] = [18.0, 59.3]
    for _ in range(5_000):
        deep = [deep]
    assert _codes(_refused(drawing.parse_drawing, [{"geometry": {"type": "Polygon", "coordinates": deep}}])) == [
        "drawing_unreadable"]


def test_shapes_typed_as_wkt_or_geojson() -> None:
    (point,) = drawing.parse_text(" POINT (18.0649 59.3326) ")
    assert (point.x, point.y) == (18.0649, 59.3326)
    parts = drawing.parse_text("GEOMETRYCOLLECTION (POLYGON ((18 59.3, 18.01 59.3, 18.01 59.31, 18 59.3)), "
                               "POLYGON ((18.02 59.3, 18.03 59.3, 18.03 59.31, 18.02 59.3)))")
    assert len(parts) == 2
    collection = {"type": "FeatureCollection", "features": [_feature(Point(18.0, 59.3))]}
    assert drawing.parse_text(json.dumps(collection))[0].equals(Point(18.0, 59.3))
    assert drawing.parse_text(json.dumps({"type": "Point", "coordinates": [18.0, 59.3]}))[0].equals(Point(18.0, 59.3))
    assert drawing.parse_text("   ") == []
    assert _codes(_refused(drawing.parse_text, "POLYGON ((18 59")) == ["drawing_unreadable"]
    assert _codes(_refused(drawing.parse_text, "{not json")) == ["drawing_unreadable"]
    assert _codes(_refused(drawing.parse_text, "x" * (drawing.MAX_TEXT_CHARS + 1))) == ["drawing_text_long"]


# -- the rules of a drawing, checked as an upload ------------------------------------------------------------


def _real(dash: Dashboard) -> str:
    """The demo's latest scenes published as a real survey (February 2024; nothing real is drawn into demo data);
    its id."""
    if "k2024" not in {s.id for s in dash.all_surveys()}:
        base = [s for s in dash.surveys() if s.demo][-1]
        dash.store.add_survey(Survey("k2024", "Kartläggning 2024", dt.date(2024, 2, 1), SurveyKind.KARTLAGGNING, "",
                                     False), dash.scenes(base.id).assign(survey_id="k2024"), actor="anna")
    return "k2024"


def _draft(dash: Dashboard, followup_id: str | None = None) -> fu.Draft:
    return views.start(dash, actor="anna", base_survey_id=_real(dash), followup_id=followup_id,
                       today=dt.date(2026, 12, 7))


def _polygon_scene(draft: fu.Draft) -> fu.DraftScene:
    return next(s for s in draft.scenes.values() if s.geometry.geom_type == "Polygon")


def _point_scene(draft: fu.Draft) -> fu.DraftScene:
    return next(s for s in draft.scenes.values() if s.geometry.geom_type == "Point")


def test_a_redrawn_boundary_is_saved_as_a_change_and_a_point_becomes_an_area(demo: Dashboard) -> None:
    draft = _draft(demo)
    scene = _polygon_scene(draft)
    moved = shapely.affinity.translate(scene.geometry, 0.0004, 0.0002)
    after = drawing.redraw(demo, draft, scene, [moved], actor="anna")
    saved = after.scene(scene.scene_id)
    assert (saved.visit, saved.version, saved.updated_by) == ("changed", scene.version + 1, "anna")
    assert saved.geometry.equals_exact(moved, 1e-9)
    assert (saved.kommun_kod, saved.kommun) == (scene.kommun_kod, scene.kommun)  # from the place, as an upload

    point = _point_scene(after)
    area = point.geometry.buffer(0.0005, quad_segs=2)
    # the tools send the point still there beside the area drawn: the area replaces it
    after = drawing.redraw(demo, after, point, [point.geometry, area], actor="anna")
    assert after.scene(point.scene_id).geometry.geom_type == "Polygon"


def test_a_drawing_that_is_not_one_changed_shape_is_refused(demo: Dashboard) -> None:
    draft = _draft(demo)
    scene = _polygon_scene(draft)
    assert _codes(_refused(drawing.redraw, demo, draft, scene, [scene.geometry], actor="anna")) == [
        "drawing_unchanged"]
    two = [box(18.0, 59.3, 18.001, 59.301), box(18.01, 59.3, 18.011, 59.301)]
    assert _codes(_refused(drawing.redraw, demo, draft, scene, two, actor="anna")) == ["drawing_count"]
    assert _codes(_refused(drawing.redraw, demo, draft, scene, [], actor="anna")) == ["drawing_count"]
    assert demo.store.draft(draft.followup.followup_id).scene(scene.scene_id).version == scene.version


def test_a_shape_outside_the_county_is_refused_where_it_lies_and_nothing_is_saved(demo: Dashboard) -> None:
    draft = _draft(demo)
    scene = _polygon_scene(draft)
    refused = _refused(drawing.redraw, demo, draft, scene, [Point(17.2, 59.4)], actor="anna")
    assert _codes(refused) == ["outside_county"]
    assert refused.problems[0].row is None  # one shape: no row of a file to name
    assert [g.equals(Point(17.2, 59.4)) for g, _ in refused.spots] == [True]

    # an area reaching out of the county: the spot is the part outside, not the whole area
    outline = gpd.GeoSeries([demo.reference.county_outline], crs=3006).to_crs(4326).iloc[0]
    edge = shapely.ops.nearest_points(outline.exterior if outline.geom_type == "Polygon"
                                      else outline.boundary, Point(17.6, 59.3))[0]
    across = box(edge.x - 0.01, edge.y - 0.01, edge.x + 0.01, edge.y + 0.01)
    refused = _refused(drawing.redraw, demo, draft, scene, [across], actor="anna")
    assert _codes(refused) == ["partly_outside_county"]
    ((spot, problem),) = refused.spots
    assert problem.code == "partly_outside_county"
    assert 0 < spot.area < across.area
    assert spot.within(across.buffer(1e-6))
    assert not spot.intersection(outline.buffer(-0.001)).area > 0.01 * spot.area
    assert demo.store.draft(draft.followup.followup_id).scene(scene.scene_id).version == scene.version


def test_a_stale_drawing_is_refused_by_the_store(dash: Dashboard) -> None:
    """On SQLite and PostgreSQL."""
    demo = dash
    draft = _draft(demo)
    scene = _polygon_scene(draft)
    views.save(demo, draft.followup.followup_id, fu.revisit(draft, scene.scene_id, "ceased"), actor="bertil")
    moved = shapely.affinity.translate(scene.geometry, 0.0004, 0.0)
    with pytest.raises(StoreError) as caught:  # anna's map showed the version before bertil's save
        drawing.redraw(demo, draft, scene, [moved], actor="anna")
    assert caught.value.code == "followup_changed"
    assert demo.store.draft(draft.followup.followup_id).scene(scene.scene_id).visit == "ceased"


def test_a_new_scene_takes_its_municipality_and_police_area_from_its_place(demo: Dashboard) -> None:
    draft = _draft(demo)
    near = _point_scene(draft)
    where = Point(near.geometry.x + 0.0008, near.geometry.y)
    category = str(demo.reference.categories["code"].iloc[0])
    refused = _refused(drawing.add_drawn, demo, draft, [where], name="  ", categories=[category], actor="anna")
    assert _codes(refused) == ["drawing_name"]
    refused = _refused(drawing.add_drawn, demo, draft, [where], name="Ny plats", categories=[], actor="anna")
    assert "categories" in [p.column for p in refused.problems]
    assert refused.spots == []
    after, new_id = drawing.add_drawn(demo, draft, [where], name="Ny <b>plats</b>", categories=[category],
                                      actor="anna")
    scene = after.scene(new_id)
    assert new_id.startswith(draft.followup.followup_id + "-N")
    assert (scene.visit, scene.name, scene.predecessors) == ("new", "Ny <b>plats</b>", ())
    assert (scene.kommun_kod, scene.lokalpolisomrade) == (near.kommun_kod, near.lokalpolisomrade)


def test_a_split_drawn_or_cut_publishes_with_the_lineage_compare_infers(dash: Dashboard) -> None:
    """On SQLite and PostgreSQL."""
    demo = dash
    draft = _draft(demo)
    fid = draft.followup.followup_id
    base = demo.scenes(draft.followup.base_survey_id)
    scene = max((s for s in draft.scenes.values() if s.geometry.geom_type == "Polygon"),
                key=lambda s: s.geometry.area)
    # Geoman's cut: the scene less a strip across it, one MultiPolygon, its parts the new scenes
    minx, miny, maxx, maxy = scene.geometry.bounds
    mid = (minx + maxx) / 2
    cut = scene.geometry.difference(box(mid - (maxx - minx) / 50, miny - 1, mid + (maxx - minx) / 50, maxy + 1))
    assert cut.geom_type == "MultiPolygon"
    refused = _refused(drawing.split_drawn, demo, draft, scene, [scene.geometry], actor="anna")
    assert _codes(refused) == ["drawing_split_parts"]
    after, ids = drawing.split_drawn(demo, draft, scene, [cut], actor="anna")
    assert len(ids) == len(cut.geoms) >= 2
    assert after.scene(scene.scene_id).visit == "replaced"
    assert all(after.scene(i).predecessors == (scene.scene_id,) for i in ids)

    other = next(s for s in after.scenes.values() if s.from_base and s.visit == "unvisited"
                 and s.geometry.geom_type == "Polygon")
    halves = [box(*other.geometry.bounds[:2], (other.geometry.bounds[0] + other.geometry.bounds[2]) / 2,
                  other.geometry.bounds[3]),
              box((other.geometry.bounds[0] + other.geometry.bounds[2]) / 2, *other.geometry.bounds[1:])]
    after, drawn_ids = drawing.split_drawn(demo, after, other, [other.geometry, *halves], actor="anna")
    assert len(drawn_ids) == 2  # the scene's own shape, left as it was beside the parts, is no part

    changed = [c for s in after.scenes.values() if s.visit == "unvisited"
               for c in fu.revisit(after, s.scene_id, "active")]
    after = views.save(demo, fid, changed, actor="anna")
    checked = views.review(demo, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    assert checked.ok, checked.check.result.problems
    survey = views.publish(demo, checked, name="Uppföljning ritad", survey_date=DAY, actor="anna")
    outcome = compare(base, demo.scenes(survey.id))
    assert outcome.split == {scene.scene_id: sorted(ids), other.scene_id: sorted(drawn_ids)}
    assert outcome.ceased == sorted([scene.scene_id, other.scene_id])


def test_a_drawing_of_a_draft_closed_meanwhile_is_refused_by_the_store(dash: Dashboard) -> None:
    """The map was drawn while the draft was open; someone discarded it before the save (SQLite and PostgreSQL)."""
    draft = _draft(dash)
    scene = _polygon_scene(draft)
    views.discard(dash, draft.followup.followup_id, actor="bertil")
    with pytest.raises(StoreError) as caught:
        drawing.redraw(dash, draft, scene, [shapely.affinity.translate(scene.geometry, 0.0004, 0.0)], actor="anna")
    assert caught.value.code == "followup_closed"


def test_nothing_is_drawn_into_a_draft_of_demo_data(demo: Dashboard) -> None:
    """Real places drawn into demo data would be published as fictitious, shown without sign-in."""
    draft = views.start(demo, actor="anna", base_survey_id=[s for s in demo.surveys() if s.demo][-1].id)
    assert draft.followup.demo
    scene = _polygon_scene(draft)
    moved = shapely.affinity.translate(scene.geometry, 0.0004, 0.0)
    for call in (lambda: drawing.redraw(demo, draft, scene, [moved], actor="anna"),
                 lambda: drawing.split_drawn(demo, draft, scene, [box(*moved.bounds), box(*scene.geometry.bounds)],
                                             actor="anna"),
                 lambda: drawing.add_drawn(demo, draft, [Point(18.0, 59.3)], name="x", categories=["a"],
                                           actor="anna")):
        with pytest.raises(ScenesError) as caught:
            call()
        assert caught.value.code == "followup_demo_drawing"
    assert demo.store.draft(draft.followup.followup_id).scene(scene.scene_id).version == 1


def test_a_shape_sent_back_rounded_by_the_browser_is_the_shape_it_was(demo: Dashboard) -> None:
    """Leaflet sends coordinates rounded to six decimals; the store keeps seven. The scene's own shape, sent back
    untouched beside the parts of a split (or beside an area drawn around a point), is not a part of its own."""
    draft = _draft(demo)
    fid = draft.followup.followup_id
    area, point = _polygon_scene(draft), _point_scene(draft)
    fine = [fu.reshape(draft, area.scene_id, shapely.affinity.translate(area.geometry, 3.3e-7, 2.7e-7))[0],
            fu.reshape(draft, point.scene_id, shapely.affinity.translate(point.geometry, 3.3e-7, 2.7e-7))[0]]
    draft = views.save(demo, fid, fine, actor="anna")
    area, point = draft.scene(area.scene_id), draft.scene(point.scene_id)
    assert area.geometry.equals_exact(shapely.set_precision(area.geometry, 1e-6), 1e-9) is False  # seven decimals

    def browser(g: object) -> object:  # what the map sends back: six decimals
        return shapely.transform(g, lambda xy: xy.round(6))

    x0, y0, x1, y1 = area.geometry.bounds
    mid = (x0 + x1) / 2
    draft, ids = drawing.split_drawn(demo, draft, area, [browser(area.geometry), box(x0, y0, mid, y1),
                                                         box(mid, y0, x1, y1)], actor="anna")
    assert len(ids) == 2
    around = point.geometry.buffer(0.0005, quad_segs=2)
    draft = drawing.redraw(demo, draft, point, [browser(point.geometry), around], actor="anna")
    assert draft.scene(point.scene_id).geometry.geom_type == "Polygon"
    refused = _refused(drawing.redraw, demo, draft, draft.scene(point.scene_id),
                       [browser(draft.scene(point.scene_id).geometry)], actor="anna")
    assert _codes(refused) == ["drawing_unchanged"]


def test_the_police_area_follows_the_place(demo: Dashboard) -> None:
    """A scene moved to another municipality takes that municipality's police area; a police area chosen for a new
    scene counts only where the place does not decide it (Stockholm city)."""
    draft = _draft(demo)
    here = _point_scene(draft)
    other = next(s for s in draft.scenes.values() if s.kommun_kod not in (here.kommun_kod, "0180")
                 and s.geometry.geom_type == "Point")
    after = drawing.redraw(demo, draft, here, [other.geometry.buffer(0.0003, quad_segs=2)], actor="anna")
    moved = after.scene(here.scene_id)
    assert (moved.kommun_kod, moved.lokalpolisomrade) == (other.kommun_kod, other.lokalpolisomrade)
    category = str(demo.reference.categories["code"].iloc[0])
    stockholm = next(s for s in after.scenes.values() if s.kommun_kod == "0180" and s.in_result)
    wrong = stockholm.lokalpolisomrade  # a police area of Stockholm city, chosen for a place elsewhere: not used
    after, new_id = drawing.add_drawn(demo, after, [other.geometry], name="Ny", categories=[category],
                                      actor="anna", police_area=wrong)
    assert after.scene(new_id).lokalpolisomrade == other.lokalpolisomrade
    point = stockholm.geometry.representative_point()
    refused = _refused(drawing.add_drawn, demo, after, [point], name="Ny i stan", categories=[category],
                       actor="anna")
    assert [p.column for p in refused.problems] == ["lokalpolisomrade"]  # the place alone does not decide it
    assert len(refused.spots) == 1
    after, new_id = drawing.add_drawn(demo, after, [point], name="Ny i stan", categories=[category], actor="anna",
                                      police_area=stockholm.lokalpolisomrade)
    assert after.scene(new_id).lokalpolisomrade == stockholm.lokalpolisomrade

    # a scene moved into Stockholm city from elsewhere keeps no police area of the place it left
    outside = after.scene(other.scene_id)
    into = point.buffer(0.0003, quad_segs=2)
    refused = _refused(drawing.redraw, demo, after, outside, [into], actor="anna")
    assert [p.column for p in refused.problems] == ["lokalpolisomrade"]
    after = drawing.redraw(demo, after, outside, [into], actor="anna", police_area=stockholm.lokalpolisomrade)
    assert (after.scene(other.scene_id).kommun_kod, after.scene(other.scene_id).lokalpolisomrade) == (
        "0180", stockholm.lokalpolisomrade)


def test_a_polygon_that_crosses_itself_is_repaired_as_an_upload_repairs_it(demo: Dashboard) -> None:
    draft = _draft(demo)
    scene = _polygon_scene(draft)
    x0, y0, x1, y1 = scene.geometry.bounds
    bow = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])  # a bow tie
    assert not bow.is_valid
    after = drawing.redraw(demo, draft, scene, [bow], actor="anna")
    assert after.scene(scene.scene_id).geometry.is_valid


# -- a drawing session, property-tested against compare ------------------------------------------------------

SESSION = st.lists(st.tuples(st.sampled_from(["redraw", "split", "add", "cease"]), st.integers(0, 10_000),
                             st.floats(-1.0, 1.0), st.floats(-1.0, 1.0)), min_size=1, max_size=6)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=SESSION)
def test_a_drawing_session_publishes_the_lineage_compare_infers(demo: Dashboard, ops: list[tuple[str, int, float,
                                                                                                   float]]) -> None:
    """Random drawing sessions (redraw, split into drawn halves, a new scene drawn, a scene ceased) on a draft of
    the demo's latest survey, published: `compare` of the survey followed and the published survey finds exactly
    what an account kept beside the session (not the draft's own records) expects."""
    fid = f"prop-{len(demo.store.followups(include_closed=True))}"
    draft = _draft(demo, fid)
    base = demo.scenes(draft.followup.base_survey_id)
    category = str(demo.reference.categories["code"].iloc[0])
    ceased: set[str] = set()
    split: dict[str, list[str]] = {}
    moved: set[str] = set()
    new: set[str] = set()
    for op, pick, dx, dy in ops:
        open_base = sorted((s for s in draft.scenes.values() if s.from_base and s.in_result), key=lambda s: s.scene_id)
        scene = open_base[pick % len(open_base)]
        if op == "redraw":
            shifted = shapely.affinity.translate(scene.geometry, 0.0003 * (dx if abs(dx) > 0.1 else 0.5), 0.0003 * dy)
            draft = drawing.redraw(demo, draft, scene, [shifted], actor="anna")
            moved.add(scene.scene_id)
        elif op == "split" and scene.geometry.geom_type == "Polygon":
            x0, y0, x1, y1 = scene.geometry.bounds
            mid = x0 + (x1 - x0) * (0.5 + 0.3 * dx)
            draft, ids = drawing.split_drawn(demo, draft, scene, [box(x0, y0, mid, y1), box(mid, y0, x1, y1)],
                                             actor="anna")
            split[scene.scene_id] = sorted(ids)
            ceased.add(scene.scene_id)
            moved.discard(scene.scene_id)
            new.update(ids)
        elif op == "add":
            at = scene.geometry.representative_point()
            # (in Stockholm city the place does not decide the police area: the analyst names the scene's)
            draft, new_id = drawing.add_drawn(demo, draft, [Point(at.x + 0.0002 * dx, at.y + 0.0002 * dy)],
                                              name="Ritad", categories=[category], actor="anna",
                                              police_area=scene.lokalpolisomrade if scene.kommun_kod == "0180"
                                              else None)
            new.add(new_id)
        elif op == "cease":
            draft = views.save(demo, fid, fu.revisit(draft, scene.scene_id, "ceased"), actor="anna")
            ceased.add(scene.scene_id)
            moved.discard(scene.scene_id)
    draft = views.save(demo, fid, [c for s in draft.scenes.values() if s.visit == "unvisited"
                                   for c in fu.revisit(draft, s.scene_id, "active")], actor="anna")
    checked = views.review(demo, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    assert checked.ok, checked.check.result.problems  # (at most six operations: scenes are always left)
    survey = views.publish(demo, checked, name=f"Uppföljning {fid}", survey_date=DAY, actor="anna")
    published = demo.scenes(survey.id)
    outcome = compare(base, published)
    assert outcome.ceased == sorted(ceased)
    assert outcome.split == split
    assert outcome.merged == {}
    assert outcome.new == sorted(new)
    assert set(outcome.persisting) == set(base["scene_id"]) - ceased
    kept = published.set_index("scene_id")
    for sid in moved:  # a redrawn scene is published where it was drawn
        assert not kept.loc[sid, "geometry"].equals_exact(base.set_index("scene_id").loc[sid, "geometry"], 1e-9)
