"""A follow-up's drafting rules (`scenes.domain.followup`): the operations, and the property that the lineage they
record is exactly what `compare` infers from the published result."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from scenes.domain import followup as fu
from scenes.domain.query import compare
from scenes.errors import ScenesError
from scenes.geo import WGS84
from scenes.io.formats import normalise_scene_frame

RECORD = fu.Followup("uppf-1", "base", "Uppföljning", "open", False, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), "anna")


def base_frame(n: int) -> gpd.GeoDataFrame:
    """`n` scenes of a survey followed: points and areas near Stockholm, tagged, some with predecessors of their
    own (from the survey before it, which a follow-up must not carry over)."""
    rows = [{"scene_id": f"S{i:02d}", "name": f"Plats {i}", "kommun_kod": "0180", "kommun": "Stockholm",
             "lokalpolisomrade": "sodermalm", "categories": ["a"] if i % 2 else ["b"], "status": "aktiv",
             "impact": 1 + i % 5, "predecessors": ["OLD"] if i == 0 else [], "notes": "",
             "geometry": (Point(18.0 + i / 100, 59.3) if i % 3
                          else box(18.0 + i / 100, 59.3, 18.005 + i / 100, 59.305))}
            for i in range(n)]
    return normalise_scene_frame(gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84))


def test_a_draft_starts_with_every_scene_unvisited_and_publishes_them_unchanged() -> None:
    base = base_frame(6)
    draft = fu.draft_from_survey(RECORD, base)
    assert [s.visit for s in draft.scenes.values()] == ["unvisited"] * 6
    assert all(s.predecessors == () for s in draft.scenes.values())  # a scene that stays continues itself
    result = fu.result_frame(draft)
    assert list(result["scene_id"]) == list(base["scene_id"])
    assert list(result["impact"]) == list(base["impact"])
    assert result.geometry.geom_equals(base.geometry).all()
    outcome = compare(base, result)
    assert (outcome.new, outcome.ceased, outcome.merged, outcome.split) == ([], [], {}, {})
    assert [p.code for p in fu.publish_problems(draft)] == ["followup_unvisited"]


def test_operations_record_their_lineage() -> None:
    draft = fu.draft_from_survey(RECORD, base_frame(6))
    draft = fu.apply(draft, fu.revisit(draft, "S00", "ceased", notes="Bortarbetad"))
    draft = fu.apply(draft, fu.revisit(draft, "S01", "active", impact=2))
    draft = fu.apply(draft, fu.reshape(draft, "S02", box(18.02, 59.3, 18.03, 59.31)))
    a, b = fu.new_scene_id(draft, taken={"uppf-1-N1"}, count=2)
    assert (a, b) == ("uppf-1-N2", "uppf-1-N3")  # never an id the store has seen
    draft = fu.apply(draft, fu.split(draft, "S03", [Point(18.03, 59.3), Point(18.031, 59.3)], [a, b]))
    (m,) = fu.new_scene_id(draft, taken=())
    draft = fu.apply(draft, fu.merge(draft, ["S04", "S05"], m))
    assert draft.scene("S00").visit == "ceased"
    assert draft.scene("S02").visit == "changed"
    assert draft.scene("S03").visit == "replaced"
    assert draft.scene(a).predecessors == ("S03",)
    assert draft.scene(a).name == "Plats 3 (1)"
    merged = draft.scene(m)
    assert merged.predecessors == ("S04", "S05")
    assert merged.categories == ("b", "a")
    assert merged.impact == 5
    assert fu.publish_problems(draft) == []
    outcome = compare(base_frame(6), fu.result_frame(draft))
    assert outcome.ceased == ["S00", "S03", "S04", "S05"]
    assert outcome.new == sorted([a, b, m])
    assert outcome.split == {"S03": sorted([a, b])}
    assert outcome.merged == {m: ["S04", "S05"]}
    worklist = {w.key: w for w in fu.progress(draft)}
    assert (worklist["0180"].done, worklist["0180"].left, worklist["0180"].counts["new"]) == (6, 0, 3)


def test_refusals_say_what_to_do() -> None:
    draft = fu.draft_from_survey(RECORD, base_frame(3))
    with pytest.raises(ScenesError) as caught:
        fu.remove(draft, "S00")
    assert caught.value.code == "followup_mark_ceased"
    with pytest.raises(ScenesError) as caught:
        fu.split(draft, "S00", [Point(18, 59.3)], ["x"])
    assert caught.value.code == "followup_split_parts"
    with pytest.raises(ScenesError) as caught:
        fu.merge(draft, ["S00", "S00"], "x")
    assert caught.value.code == "followup_merge_count"
    with pytest.raises(ScenesError) as caught:
        fu.revisit(draft, "S00", "active", impact=9)
    assert caught.value.code == "followup_impact"
    with pytest.raises(ScenesError) as caught:
        fu.revisit(draft, "S00", "new")
    assert caught.value.code == "followup_bad_visit"
    with pytest.raises(ScenesError) as caught:
        fu.reshape(draft, "S00", Point())
    assert caught.value.code == "followup_empty_shape"
    with pytest.raises(ScenesError) as caught:
        fu.reshape(draft, "NOPE", Point(18, 59.3))
    assert caught.value.code == "followup_no_scene"
    gone = fu.apply(draft, fu.merge(draft, ["S00", "S01"], "M"))
    with pytest.raises(ScenesError) as caught:
        fu.revisit(gone, "S00", "active")
    assert caught.value.code == "followup_scene_gone"
    closed = fu.Draft(fu.Followup("uppf-1", "base", "x", "published", False, RECORD.created_at, "anna"), draft.scenes)
    with pytest.raises(ScenesError) as caught:
        fu.revisit(closed, "S00", "active")
    assert caught.value.code == "followup_closed"
    everything_ceased = draft
    for sid in ("S00", "S01", "S02"):
        everything_ceased = fu.apply(everything_ceased, fu.revisit(everything_ceased, sid, "ceased"))
    assert [p.code for p in fu.publish_problems(everything_ceased)] == ["followup_empty"]


# -- the property: what the operations record is what compare infers ------------------------------------------

OPS = st.lists(st.tuples(st.sampled_from(["cease", "restore", "active", "reshape", "split", "merge", "add", "remove"]),
                         st.integers(0, 50), st.integers(0, 50), st.integers(2, 3)), max_size=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 8), ops=OPS)
def test_recorded_lineage_is_what_compare_infers(n: int, ops: list[tuple[str, int, int, int]]) -> None:
    base = base_frame(n)
    draft = fu.draft_from_survey(RECORD, base)
    # An independent account of the same session: which scenes of the survey followed keep their id, and for
    # every scene drawn in the draft, the set of scenes of the survey followed it descends from.
    kept = set(base["scene_id"])
    ceased_by_hand: set[str] = set()
    drawn: dict[str, set[str]] = {}

    def origins(sid: str) -> set[str]:
        return {sid} if sid in kept else set(drawn[sid])

    for op, i, j, k in ops:
        live = sorted(kept | set(drawn))  # the scenes still in the result
        if op == "cease" and kept:
            sid = sorted(kept)[i % len(kept)]
            draft = fu.apply(draft, fu.revisit(draft, sid, "ceased"))
            kept.discard(sid)
            ceased_by_hand.add(sid)
        elif op == "restore" and ceased_by_hand:
            sid = sorted(ceased_by_hand)[i % len(ceased_by_hand)]
            draft = fu.apply(draft, fu.revisit(draft, sid, "active"))
            kept.add(sid)
            ceased_by_hand.discard(sid)
        elif op == "active" and live:
            draft = fu.apply(draft, fu.revisit(draft, live[i % len(live)], "active"))
        elif op == "reshape" and live:
            draft = fu.apply(draft, fu.reshape(draft, live[i % len(live)], Point(18.5, 59.5)))
        elif op == "split" and live:
            sid = live[i % len(live)]
            ids = fu.new_scene_id(draft, taken=(), count=k)
            draft = fu.apply(draft, fu.split(draft, sid, [Point(18.1, 59.3 + m / 100) for m in range(k)], ids))
            came_from = origins(sid)
            kept.discard(sid)
            drawn.pop(sid, None)
            drawn.update({new: set(came_from) for new in ids})
        elif op == "merge" and len(live) >= 2:
            first, second = live[i % len(live)], live[j % len(live)]
            if first == second:
                continue
            (new,) = fu.new_scene_id(draft, taken=())
            draft = fu.apply(draft, fu.merge(draft, [first, second], new))
            came_from = origins(first) | origins(second)
            for sid in (first, second):
                kept.discard(sid)
                drawn.pop(sid, None)
            drawn[new] = came_from
        elif op == "add":
            (new,) = fu.new_scene_id(draft, taken=())
            draft = fu.apply(draft, fu.add(draft, new, Point(18.2, 59.2), name="Ny", kommun_kod="0180",
                                           kommun="Stockholm", lokalpolisomrade="sodermalm", categories=["a"]))
            drawn[new] = set()
        elif op == "remove" and drawn:
            sid = sorted(drawn)[i % len(drawn)]
            draft = fu.apply(draft, fu.remove(draft, sid))
            came_from = drawn.pop(sid)
            still_named = set().union(*drawn.values()) if drawn else set()
            kept.update(came_from - still_named)  # nothing continues them: theirs to revisit again

    result = fu.result_frame(draft)
    assert set(result["scene_id"]) == kept | set(drawn)
    outcome = compare(base, result)
    all_ids = set(base["scene_id"])
    assert outcome.persisting == sorted(kept)
    assert outcome.ceased == sorted(all_ids - kept)
    assert outcome.new == sorted(drawn)
    assert outcome.merged == {sid: sorted(o) for sid, o in drawn.items() if len(o) >= 2}
    children: dict[str, list[str]] = {}
    for sid, came_from in drawn.items():
        for parent in came_from:
            children.setdefault(parent, []).append(sid)
    assert outcome.split == {parent: sorted(c) for parent, c in children.items() if len(c) >= 2}
    # the progress counts add up to the draft, and no scene is left "replaced" with nothing continuing it
    assert sum(sum(w.counts.values()) for w in fu.progress(draft)) == len(draft.scenes)
    live = {p for s in draft.scenes.values() if s.in_result for p in s.predecessors}
    assert [s.scene_id for s in draft.scenes.values() if s.visit == "replaced" and s.scene_id not in live] == []
