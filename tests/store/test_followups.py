"""Follow-up drafts in the store, on SQLite and PostgreSQL: started from a survey, edited by two analysts at once,
checked as an upload, published with their lineage in one transaction, exported and loaded back."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from shapely.geometry import Point

from scenes.domain import followup as fu
from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.query import compare
from scenes.errors import ScenesError, StoreError, ValidationFailed
from scenes.model import SurveyKind
from scenes.store.schema import followup_scenes
from scenes.views import followup as views
from scenes.views.dashboard import Dashboard

DAY = dt.date(2024, 6, 1)  # the demo data's police areas are those before the 2025 reorganisation


def _mark_all(dash: Dashboard, fid: str, actor: str = "anna") -> fu.Draft:
    draft = dash.store.draft(fid)
    changed = [c for s in draft.scenes.values() if s.visit == "unvisited"
               for c in fu.revisit(draft, s.scene_id, "active")]
    return views.save(dash, fid, changed, actor=actor)


def test_a_follow_up_from_start_to_publish(dash: Dashboard) -> None:
    base = dash.surveys()[-1]
    data_version = dash.store.data_version()
    draft = views.start(dash, actor="anna", today=dt.date(2026, 12, 7))
    fid = draft.followup.followup_id
    assert fid == f"uppf-2026-12-07-{base.id}"
    assert draft.followup.base_survey_id == base.id
    assert draft.followup.demo is base.demo
    assert len(draft.scenes) == len(dash.scenes(base.id))
    assert {s.visit for s in draft.scenes.values()} == {"unvisited"}
    assert dash.store.data_version() == data_version  # a draft is no figure: no figure cache moves
    assert dash.store.followup_version() > 0
    assert dash.store.audit(5)["action"].tolist()[0] == "followup-start"

    frame = dash.scenes(base.id)
    by_municipality = frame.groupby("kommun_kod")["scene_id"].apply(list)
    pair = next(ids for ids in by_municipality if len(ids) >= 4)
    ceased, split_me, merge_a, merge_b = pair[:4]
    draft = views.save(dash, fid, fu.revisit(draft, ceased, "ceased", notes="Bortarbetad"), actor="anna")
    where = draft.scene(split_me).geometry.representative_point()
    parts = [Point(where.x + dx, where.y) for dx in (0.0, 0.0005)]
    ids = fu.new_scene_id(draft, dash.store.scene_ids_ever(), count=2)
    draft = views.save(dash, fid, fu.split(draft, split_me, parts, ids), actor="bertil")
    (merged,) = fu.new_scene_id(draft, dash.store.scene_ids_ever())
    draft = views.save(dash, fid, fu.merge(draft, [merge_a, merge_b], merged), actor="anna")
    draft = _mark_all(dash, fid)
    assert fu.publish_problems(draft) == []

    checked = views.review(dash, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    assert checked.ok, checked.check.result.problems
    assert checked.preview is not None
    expected = compare(frame, fu.result_frame(draft))
    assert checked.preview.comparison.ceased == expected.ceased == sorted([ceased, split_me, merge_a, merge_b])
    assert checked.preview.comparison.split == {split_me: sorted(ids)}
    assert checked.preview.comparison.merged == {merged: sorted([merge_a, merge_b])}

    survey = views.publish(dash, checked, name="Uppföljning juni 2024", survey_date=DAY, actor="anna")
    assert survey.kind == SurveyKind.UPPFOLJNING
    assert survey.demo is base.demo
    published = dash.scenes(survey.id)
    outcome = compare(frame, published)
    assert (outcome.ceased, outcome.split, outcome.merged) == (expected.ceased, expected.split, expected.merged)
    assert dash.store.followup(fid).state == "published"
    assert dash.store.followup(fid).published_survey_id == survey.id
    assert dash.store.data_version() > data_version  # the published survey is a figure
    actions = dash.store.audit(3)["action"].tolist()
    assert actions[:2] == ["followup-publish", "publish"]
    with pytest.raises(StoreError) as caught:  # a published draft is closed
        views.save(dash, fid, fu.revisit(draft, ids[0], "active", impact=3), actor="anna")
    assert caught.value.code == "followup_closed"
    assert dash.store.followups() == []  # no open draft left
    assert [f.followup_id for f in dash.store.followups(include_closed=True)] == [fid]


def test_two_analysts_at_once_and_a_stale_form(dash: Dashboard) -> None:
    fid = views.start(dash, actor="anna").followup.followup_id
    anna_sees = dash.store.draft(fid)
    bertil_sees = dash.store.draft(fid)
    first, second = list(anna_sees.scenes)[:2]
    views.save(dash, fid, fu.revisit(anna_sees, first, "active", impact=2), actor="anna")
    views.save(dash, fid, fu.revisit(bertil_sees, second, "ceased"), actor="bertil")  # another scene: fine
    with pytest.raises(StoreError) as caught:  # the same scene from a form read before anna's save
        views.save(dash, fid, [*fu.revisit(bertil_sees, first, "ceased"),
                               *fu.revisit(dash.store.draft(fid), second, "active")], actor="bertil")
    assert caught.value.code == "followup_changed"
    assert caught.value.params["by"] == "anna"
    assert "nothing was saved" in str(caught.value)
    now = dash.store.draft(fid)
    assert (now.scene(first).visit, now.scene(first).impact, now.scene(second).visit) == ("active", 2, "ceased")
    assert [v.updated_by for v in dash.store.scene_versions(fid, first)] == ["anna", "anna"]
    # an unchanged form writes nothing
    edits = now.followup.edits
    views.save(dash, fid, fu.revisit(now, first, "active", impact=2), actor="anna")
    assert dash.store.followup(fid).edits == edits


def test_publishing_refuses_what_was_not_reviewed_or_not_revisited(dash: Dashboard) -> None:
    fid = views.start(dash, actor="anna").followup.followup_id
    checked = views.review(dash, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    assert not checked.ok
    assert [p.code for p in checked.draft_problems] == ["followup_unvisited"]
    with pytest.raises(ValidationFailed) as refused:
        views.publish(dash, checked, name="x", survey_date=DAY, actor="anna")
    assert refused.value.problems[0].code == "followup_unvisited"
    draft = _mark_all(dash, fid)
    checked = views.review(dash, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    assert checked.ok
    first = next(iter(draft.scenes))
    views.save(dash, fid, fu.revisit(draft, first, "ceased"), actor="bertil")  # changed after the review
    surveys = len(dash.all_surveys())
    with pytest.raises(StoreError) as caught:
        views.publish(dash, checked, name="Uppföljning", survey_date=DAY, actor="anna")
    assert caught.value.code == "followup_changed"
    assert len(dash.all_surveys()) == surveys
    assert dash.store.followup(fid).state == "open"


def test_a_draft_exported_and_loaded_back(dash: Dashboard) -> None:
    fid = views.start(dash, actor="anna").followup.followup_id
    draft = _mark_all(dash, fid)
    gone = next(iter(draft.scenes))
    draft = views.save(dash, fid, fu.revisit(draft, gone, "ceased"), actor="anna")
    data = views.export_draft(dash, fid, "csv")
    other = views.start(dash, actor="anna", followup_id="uppf-other").followup.followup_id
    loaded = views.load_file(dash, other, "fran-excel.csv", data, actor="anna")
    assert loaded.scene(gone).visit == "ceased"
    assert {s.visit for sid, s in loaded.scenes.items() if sid != gone} == {"active"}
    assert fu.publish_problems(loaded) == []
    # a file naming a predecessor that is not in the survey followed is refused, located, and changes nothing
    before = dash.store.draft(other)
    collection = json.loads(views.export_draft(dash, fid, "geojson"))
    collection["features"][1]["properties"]["predecessors"] = ["NOT-A-SCENE"]
    bad = json.dumps(collection).encode()
    with pytest.raises(ValidationFailed) as refused:
        views.load_file(dash, other, "fel.geojson", bad, actor="anna")
    problem = refused.value.problems[0]
    assert (problem.code, problem.row, problem.column) == ("followup_predecessor", 2, "predecessors")
    assert dash.store.draft(other) == before


def test_demo_drafts_go_with_the_demo_and_the_sandbox_saves_nothing(dash: Dashboard) -> None:
    from scenes.views.dashboard_base import DEMO_ACTOR

    with pytest.raises(ScenesError) as caught:
        views.start(dash, actor=DEMO_ACTOR)
    assert caught.value.code == "demo_sandbox"
    fid = views.start(dash, actor="anna").followup.followup_id
    assert dash.store.followup(fid).demo
    dash.store.remove_demo_surveys(actor="admin")
    assert dash.store.followups(include_closed=True) == []
    with dash.store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(followup_scenes)).scalar() == 0
