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


def _real(dash: Dashboard) -> str:
    """The demo's latest scenes published as a real survey (February 2024); its id."""
    from scenes.model import Survey

    base = dash.surveys()[-1]
    dash.store.add_survey(Survey("k2024", "Kartläggning 2024", dt.date(2024, 2, 1), SurveyKind.KARTLAGGNING, "",
                                 False), dash.scenes(base.id).assign(survey_id="k2024"), actor="anna")
    return "k2024"


def test_a_draft_exported_and_loaded_back(dash: Dashboard) -> None:
    fid = views.start(dash, actor="anna", base_survey_id=_real(dash)).followup.followup_id
    draft = _mark_all(dash, fid)
    gone = next(iter(draft.scenes))
    draft = views.save(dash, fid, fu.revisit(draft, gone, "ceased"), actor="anna")
    data = views.export_draft(dash, fid, "csv")
    other = views.start(dash, actor="anna", followup_id="uppf-other", base_survey_id="k2024").followup.followup_id
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
    collection["features"][1]["properties"]["predecessors"] = []  # a kept id naming a predecessor: refused too
    collection["features"][2]["properties"]["predecessors"] = [collection["features"][3]["properties"]["scene_id"]]
    with pytest.raises(ValidationFailed) as refused:
        views.load_file(dash, other, "fel.geojson", json.dumps(collection).encode(), actor="anna")
    problem = refused.value.problems[0]
    assert (problem.code, problem.row, problem.column) == ("followup_kept_predecessor", 3, "predecessors")
    assert dash.store.draft(other) == before


def test_a_file_is_never_loaded_into_a_demo_draft(dash: Dashboard) -> None:
    """Real rows in a draft of demo data would publish as fictitious data, shown without sign-in: refused."""
    demo = views.start(dash, actor="anna").followup.followup_id
    data = views.export_draft(dash, demo, "geojson")
    with pytest.raises(ScenesError) as refused:
        views.load_file(dash, demo, "riktiga.geojson", data, actor="anna")
    assert refused.value.code == "followup_demo_file"


def test_deleting_a_merged_scene_gives_its_scenes_back(dash: Dashboard) -> None:
    fid = views.start(dash, actor="anna").followup.followup_id
    draft = dash.store.draft(fid)
    a, b = list(draft.scenes)[:2]
    (m,) = fu.new_scene_id(draft, dash.store.scene_ids_ever())
    draft = views.save(dash, fid, fu.merge(draft, [a, b], m), actor="anna")
    assert (draft.scene(a).visit, draft.scene(b).visit) == ("replaced", "replaced")
    draft = views.save(dash, fid, fu.remove(draft, m), actor="anna")
    assert (draft.scene(a).visit, draft.scene(b).visit, draft.scene(m).visit) == ("unvisited", "unvisited", "removed")
    assert compare(dash.scenes(draft.followup.base_survey_id), fu.result_frame(draft)).ceased == []


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


def test_ids_and_names_that_do_not_fit_are_refused_before_anything_is_written(dash: Dashboard) -> None:
    """PostgreSQL refuses a value longer than its column and SQLite keeps it: both refuse it here, with the reason."""
    from scenes.model import Survey

    base = dash.surveys()[-1]
    for followup_id, name, code in (("x" * 57, "Uppföljning", "followup_id_format"),
                                    ("bad id/../", "Uppföljning", "followup_id_format"),
                                    ("uppf-ok", "n" * 201, "followup_name_length"),
                                    ("uppf-ok", "   ", "followup_name_length")):
        with pytest.raises(StoreError) as caught:
            views.start(dash, actor="anna", followup_id=followup_id, name=name)
        assert caught.value.code == code
    assert dash.store.followups(include_closed=True) == []
    surveys = len(dash.all_surveys())
    kind = SurveyKind.KARTLAGGNING
    for survey, code in ((Survey("s" * 65, "Namn", base.date, kind, "", False), "survey_id_length"),
                         (Survey("ok", "n" * 201, base.date, kind, "", False), "survey_name_length")):
        with pytest.raises(StoreError) as caught:
            dash.store.add_survey(survey, dash.scenes(base.id), actor="anna")
        assert caught.value.code == code
    assert len(dash.all_surveys()) == surveys


def _race(dash: Dashboard, round_: int) -> tuple[str, dict[str, str], str]:
    """A publish and a save of one draft started at the same moment: (draft id, each one's outcome, the scene)."""
    import threading

    fid = views.start(dash, actor="anna", followup_id=f"uppf-race-{round_}").followup.followup_id
    draft = _mark_all(dash, fid)
    checked = views.review(dash, fid, survey_date=DAY, lang="sv", disclosure=SHOW_ALL)
    victim = list(draft.scenes)[round_]
    gate, outcome = threading.Barrier(2), {}

    def publish() -> None:
        gate.wait()
        try:
            outcome["publish"] = views.publish(dash, checked, name=f"Race {round_}", survey_date=DAY, actor="anna").id
        except StoreError as exc:
            outcome["publish"] = exc.code

    def save() -> None:
        gate.wait()
        try:
            views.save(dash, fid, fu.revisit(draft, victim, "ceased"), actor="bertil")
            outcome["save"] = "saved"
        except StoreError as exc:
            outcome["save"] = exc.code

    threads = [threading.Thread(target=publish), threading.Thread(target=save)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return fid, outcome, victim


def test_a_save_and_a_publish_at_once_never_both_land(dash: Dashboard) -> None:
    """The draft's row is locked by each of them (PostgreSQL; SQLite writes one at a time): whichever comes second
    sees the first's effect, so a save never lands in a draft already published without being in it."""
    for round_ in range(3):
        fid, outcome, victim = _race(dash, round_)
        assert sorted(outcome) == ["publish", "save"]
        if outcome["save"] == "saved":  # the save came first: the publish was refused as changed since its review
            assert outcome["publish"] == "followup_changed"
            assert dash.store.followup(fid).state == "open"
        else:  # the publish came first: the save was refused, and the survey holds the scene as reviewed
            assert outcome["save"] == "followup_closed"
            assert victim in set(dash.scenes(outcome["publish"])["scene_id"])
