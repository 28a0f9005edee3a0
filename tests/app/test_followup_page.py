"""Uppföljning through Streamlit's AppTest: an analyst starts a draft, revisits scenes, merges two, is refused on a
stale form, reviews and publishes; who may open the page, and what a demo reader sees."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.domain import followup as fu
from scenes.domain.demo import load_demo
from scenes.i18n import t
from scenes.model import Survey, SurveyKind
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views import followup as views
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage, says
from ui import keys


@pytest.fixture
def real_store(app_env: Path) -> Dashboard:
    """A store with one real survey of February 2024 (the demo's latest scenes, published as real data)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes
    dash.store.add_survey(Survey("k2024", "Kartläggning 2024", dt.date(2024, 2, 1), SurveyKind.KARTLAGGNING, "s",
                                 False), scenes.assign(survey_id="k2024"), actor="test")
    return dash


def _button(at: AppTest, key: str, **params: object):  # type: ignore[no-untyped-def]
    label = t(key, "sv", **params)
    return next(b for b in at.button if b.label == label)


def _form_button(at: AppTest, key: str):  # type: ignore[no-untyped-def]
    label = t(key, "sv")
    return next(b for b in at.button if b.label == label)


def test_an_analyst_starts_revisits_merges_and_publishes(real_store: Dashboard, open_page: OpenPage) -> None:
    at = open_page("analytiker", "followup", account="anna")
    assert says(at.info, "followup.none")
    at = _form_button(at, "followup.start_button").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == []
    [draft_record] = real_store.store.followups()
    fid = draft_record.followup_id
    assert says(at.success, "followup.started", id=fid, n=53)
    assert at.query_params["utkast"] in (fid, [fid])  # the address names the draft: a reload opens it
    assert at.metric[1].value == "53"  # left to revisit

    # the first scene: ceased, with a note
    first = at.selectbox(key=keys.FU_SCENE).value
    at.radio[0].set_value("ceased")
    at.text_area[0].set_value("Bortarbetad <b>inte</b> html")
    at = _form_button(at, "followup.save").click().run()
    assert [e.value for e in at.error] == []
    scene = real_store.store.draft(fid).scene(first)
    assert (scene.visit, scene.notes, scene.updated_by) == ("ceased", "Bortarbetad <b>inte</b> html", "anna")

    # a merge of the next two scenes
    draft = real_store.store.draft(fid)
    a, b = [s for s in draft.scenes if s != first][:2]
    merge = next(m for m in at.multiselect if m.label == t("followup.merge_choose", "sv"))
    merge.set_value([a, b])
    next(i for i in at.text_input if i.label == t("followup.merge_name", "sv")).set_value("Sammanslagen plats")
    at = _form_button(at, "followup.merge_button").click().run()
    assert [e.value for e in at.error] == []
    draft = real_store.store.draft(fid)
    [merged] = [s for s in draft.scenes.values() if s.visit == "new"]
    assert merged.predecessors == (a, b)
    assert merged.name == "Sammanslagen plats"

    # every other scene still active (as an analyst would, saved through the store here for speed)
    rest = [c for s in draft.scenes.values() if s.visit == "unvisited"
            for c in fu.revisit(draft, s.scene_id, "active")]
    views.save(real_store, fid, rest, actor="anna")
    at.run()
    assert at.metric[1].value == "0"

    # review and publish
    next(i for i in at.text_input if i.label == t("followup.survey_name", "sv")).set_value("Uppföljning juni 2024")
    next(d for d in at.date_input if d.label == t("followup.survey_date", "sv")).set_value(dt.date(2024, 6, 1))
    at = _form_button(at.run(), "followup.review_button").click().run()
    assert [e.value for e in at.error] == []
    assert says(at.success, "followup.checked", n=51)
    at = _form_button(at, "followup.publish").click().run()
    published = real_store.store.followup(fid).published_survey_id
    assert published is not None
    assert says(at.success, "followup.published", id=published)
    survey = real_store.survey(published)
    assert survey.kind == SurveyKind.UPPFOLJNING
    assert not survey.demo
    assert real_store.store.followups() == []


def test_a_stale_form_is_refused_with_a_reload(real_store: Dashboard, open_page: OpenPage) -> None:
    fid = views.start(real_store, actor="anna").followup.followup_id
    at = open_page("analytiker", "followup", account="anna")
    scene_id = at.selectbox(key=keys.FU_SCENE).value
    draft = real_store.store.draft(fid)
    views.save(real_store, fid, fu.revisit(draft, scene_id, "ceased"), actor="bertil")  # another tab, meanwhile
    at.radio[0].set_value("active")
    at = _form_button(at, "followup.save").click().run()
    assert [e.value for e in at.exception] == []
    assert says(at.error, "error.followup_changed", id=scene_id), [e.value for e in at.error]
    assert real_store.store.draft(fid).scene(scene_id).visit == "ceased"  # bertil's change stands
    at = _form_button(at, "followup.reload").click().run()
    assert [e.value for e in at.error] == []
    assert at.radio[0].value == "ceased"  # the form now shows bertil's version


def test_publishing_is_refused_while_scenes_are_left(real_store: Dashboard, open_page: OpenPage) -> None:
    views.start(real_store, actor="anna")
    at = open_page("analytiker", "followup", account="anna")
    next(i for i in at.text_input if i.label == t("followup.survey_name", "sv")).set_value("Uppföljning")
    next(d for d in at.date_input if d.label == t("followup.survey_date", "sv")).set_value(dt.date(2024, 6, 1))
    at = _form_button(at.run(), "followup.review_button").click().run()
    assert any("53" in e.value for e in at.error)
    assert says(at.error, "followup.blocked")
    assert not [b for b in at.button if b.label == t("followup.publish", "sv")]


@pytest.mark.parametrize("role", ["deltagare", "styrgrupp"])
def test_participants_and_the_steering_group_never_see_a_draft(real_store: Dashboard, role: str,
                                                               signed_in: Callable[..., AppTest]) -> None:
    """The page is for analysts: not in another role's menu, and opened directly it refuses at its top with nothing
    of the draft."""
    views.start(real_store, actor="anna")
    at = signed_in(role)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("screens/followup.py")
    direct = AppTest.from_file(str(PROJECT_ROOT / "screens/followup.py"), default_timeout=60)
    direct.session_state["session_token"] = at.session_state["session_token"]
    direct.run()
    assert says(direct.error, "error.access_denied")
    assert [c for c in direct.selectbox if c.key in (keys.FU_SCENE, keys.FU_DRAFT)] == []
    assert not [b for b in direct.button if b.label == t("followup.save", "sv")]


def test_demo_readers_see_the_page_but_nothing_is_saved(open_page: OpenPage, app_env: Path) -> None:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = open_page("analytiker", "followup")
    assert says(at.info, "demo.readonly")
    assert _form_button(at, "followup.start_button").disabled


def _text_area(at: AppTest, label_key: str):  # type: ignore[no-untyped-def]
    label = t(label_key, "sv")
    return next(a for a in at.text_area if a.label == label)


def test_a_scene_redrawn_as_text_and_a_refusal_kept_beside_it(real_store: Dashboard, open_page: OpenPage,
                                                              drawing_tools: object) -> None:
    """The way without a mouse: a shape typed as WKT is saved as a drawing is; one outside the county is refused
    with the problem named, and nothing is saved."""
    fid = views.start(real_store, actor="anna", followup_id="uppf-text").followup.followup_id
    scene = next(s for s in real_store.store.draft(fid).scenes.values() if s.geometry.geom_type == "Point")
    at = open_page("analytiker", "followup", account="anna", params={"utkast": fid, "scen": scene.scene_id})
    assert says(at.subheader, "followup.map.title")
    assert not says(at.info, "followup.map.no_tools")  # installed by make (CI requires them)
    _text_area(at, "followup.map.text").set_value("POINT (17.2 59.4)").run()
    at = _button(at, "followup.map.save_shape").click().run()
    assert not at.exception
    assert says(at.error, "error.drawing_invalid")
    assert real_store.store.draft(fid).scene(scene.scene_id).version == 1  # nothing saved

    moved = f"POINT ({scene.geometry.x + 0.0005:.6f} {scene.geometry.y:.6f})"
    _text_area(at, "followup.map.text").set_value(moved).run()
    assert [e.value for e in at.error] == []  # the refusal belongs to the text refused, not to this one
    at = _button(at, "followup.map.save_shape").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == []
    assert says(at.success, "followup.map.saved_shape", name=scene.name)
    saved = real_store.store.draft(fid).scene(scene.scene_id)
    assert (saved.visit, saved.version, saved.updated_by) == ("changed", 2, "anna")
    assert round(saved.geometry.x, 6) == round(scene.geometry.x + 0.0005, 6)


def test_without_the_drawing_tools_the_page_says_so_and_text_still_works(
        real_store: Dashboard, open_page: OpenPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCENES_DRAWING_TOOLS_DIR", str(tmp_path / "no-tools"))
    fid = views.start(real_store, actor="anna", followup_id="uppf-utan").followup.followup_id
    at = open_page("analytiker", "followup", account="anna", params={"utkast": fid})
    assert says(at.info, "followup.map.no_tools")
    at.radio(key=keys.FU_DRAW_MODE).set_value("new").run()
    area = "POLYGON ((18.0 59.25, 18.001 59.25, 18.001 59.251, 18.0 59.25))"
    _text_area(at, "followup.map.text").set_value(area).run()
    name = next(i for i in at.text_input if i.label == t("followup.map.new_name", "sv"))
    name.set_value("Ny plats")
    *_, cats = (m for m in at.multiselect if m.label == t("followup.categories", "sv"))  # the scene form's is first
    cats.set_value([str(real_store.reference.categories["code"].iloc[0])])
    at = _form_button(at, "followup.map.save_new").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == []
    new = [s for s in real_store.store.draft(fid).scenes.values() if s.visit == "new"]
    assert [(s.name, s.geometry.geom_type) for s in new] == [("Ny plats", "Polygon")]
    assert at.query_params["scen"] in (new[0].scene_id, [new[0].scene_id])  # its form opens next
