"""The entry pages through Streamlit's AppTest: Åtgärder and Trygghetsindikatorer for every role, and the reference
tables of measure kinds and actors for the administrator."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.domain.demo import load_demo
from scenes.domain.indicators import Indicator
from scenes.i18n import t, time_text
from scenes.model import Survey, SurveyKind
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage, says
from ui.lang import escape_markdown


@pytest.fixture
def real_store(app_env: Path) -> Dashboard:
    """A store with one real survey (the demo's latest scenes, published as real data)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init()
    scenes = load_demo(dash.settings.data_dir)[-1].scenes
    dash.store.add_survey(Survey("k2025", "Kartläggning 2025", dt.date(2025, 3, 1), SurveyKind.KARTLAGGNING, "s",
                                 False), scenes.assign(survey_id="k2025"), actor="test")
    return dash


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _save_form(at: AppTest) -> AppTest:
    return _button(at, t("measures.save", "sv")).click().run()


def _scene_label(at: AppTest, scene: str) -> str:
    """How the form's scene choice names `scene` (data: the scene's name and place)."""
    return next(b for b in at.selectbox if b.label == t("measures.target.scene", "sv")).format_func(scene)


def _version_shown(at: AppTest, store: Dashboard, measure_id: str, version: int) -> bool:
    """The form says it shows that version of the measure, with who saved it and when (as the store has them)."""
    [shown] = [m for m in store.measure_versions(measure_id) if m.version == version]
    return says(at.caption, "measures.version", version=version, by=shown.created_by,
                when=time_text(shown.created_at, "sv", "long"))


def _fill_new_measure(at: AppTest, scene: str) -> None:
    at.selectbox(key="m_choice").set_value(None)
    boxes = {s.label: s for s in at.selectbox}
    boxes[t("measures.target.scene", "sv")].set_value(scene)
    boxes[t("measures.field.kind", "sv")].set_value("uppsokande")
    boxes[t("measures.field.actor", "sv")].set_value("region_stockholm")
    boxes[t("measures.field.status", "sv")].set_value("pagaende")
    at.text_area[0].input("Fältarbete kvällstid")


def test_analyst_adds_a_measure_for_a_scene(real_store: Dashboard, open_page: OpenPage) -> None:
    """An analyst picks a scene of the current survey by its name, fills in kind, actor and status, and saves: the
    measure is stored as version 1 by the analyst, listed with labels (not codes) and chosen for editing."""
    scene = str(real_store.scenes()["scene_id"].iloc[0])
    at = open_page("analytiker", "measures", account="anna")
    assert says(at.info, "measures.empty")
    _fill_new_measure(at, scene)
    _save_form(at)
    assert list(at.exception) == []
    [saved] = real_store.measures()
    assert (saved.scene_id, saved.kind, saved.actor, saved.status, saved.version, saved.created_by) == (
        scene, "uppsokande", "region_stockholm", "pagaende", 1, "anna")
    assert says(at.success, "measures.saved", id=saved.measure_id, version=1,
                what=f"Uppsökande socialt arbete – {_scene_label(at, scene)}")
    listed = at.dataframe[0].value
    assert list(listed[t("measures.col.kind", "sv")]) == ["Uppsökande socialt arbete"]
    assert list(listed[t("measures.col.actor", "sv")]) == ["Region Stockholm"]
    assert list(listed[t("measures.col.status", "sv")]) == [t("measure.status.pagaende", "sv")]
    assert scene in listed[t("measures.col.target", "sv")].iloc[0]
    assert (real_store.audit().iloc[0]["action"], real_store.audit().iloc[0]["actor"]) == ("measure", "anna")


def test_after_a_save_the_form_is_a_new_empty_one(real_store: Dashboard, open_page: OpenPage) -> None:
    """Saved, the form returns to "Ny åtgärd" with every field empty and says what was saved; what is typed next is
    a second measure (version 1), never version 2 of the first."""
    first, second = (str(s) for s in real_store.scenes()["scene_id"].iloc[:2])
    at = open_page("analytiker", "measures", account="anna")
    _fill_new_measure(at, first)
    _save_form(at)
    [saved] = real_store.measures()
    assert [s.value.replace("\\", "") for s in at.success] == [
        t("measures.saved", "sv", id=saved.measure_id, version=1,
          what=f"Uppsökande socialt arbete – {_scene_label(at, first)}")]
    assert (at.selectbox(key="m_choice").value, at.selectbox(key="m_choice").placeholder) == (
        None, t("measures.new", "sv"))
    assert {b.label: b.value for b in at.selectbox if b.key is None or b.key == "m_choice"} == {
        t("measures.choose", "sv"): None, t("measures.target.scene", "sv"): None, t("measures.field.kind", "sv"): None,
        t("measures.field.actor", "sv"): None, t("measures.field.status", "sv"): "planerad"}
    assert at.text_area[0].value == ""
    version_line = t("measures.version", "sv").split("{")[0]  # the catalogue's text before its first figure
    assert version_line
    assert not any(c.value.startswith(version_line) for c in at.caption)
    _fill_new_measure(at, second)
    _save_form(at)
    assert sorted((m.scene_id, m.version) for m in real_store.measures()) == sorted([(first, 1), (second, 1)])
    assert [m.version for m in real_store.measure_versions(saved.measure_id)] == [1]


def test_analyst_edits_a_measure_and_sees_its_history(real_store: Dashboard, open_page: OpenPage
                                                      ) -> None:
    """Editing a measure saves version 2 on top of the version the form showed; the history lists both, with who
    and what changed, in words."""
    scene = str(real_store.scenes()["scene_id"].iloc[0])
    from scenes.domain.measures import Measure

    real_store.save_measure(Measure("atg-1", "uppsokande", "region_stockholm", "planerad", scene_id=scene),
                            actor="bo")
    at = open_page("analytiker", "measures", account="anna")
    at.selectbox(key="m_choice").set_value("atg-1").run()
    assert _version_shown(at, real_store, "atg-1", 1)
    next(s for s in at.selectbox if s.label == t("measures.field.status", "sv")).set_value("pagaende")
    _save_form(at)
    assert [m.status for m in real_store.measure_versions("atg-1")] == ["pagaende", "planerad"]
    assert real_store.measure_versions("atg-1")[0].created_by == "anna"
    assert at.selectbox(key="m_choice").value is None  # saved: the form is a new one again
    at.selectbox(key="m_choice").set_value("atg-1").run()
    assert _version_shown(at, real_store, "atg-1", 2)
    history = at.dataframe[-1].value
    assert list(history[t("measures.col.version", "sv")]) == [2, 1]
    assert list(history[t("measures.col.who", "sv")]) == ["anna", "bo"]
    what = history[t("measures.col.what", "sv")]
    assert what.iloc[0] == (f"{t('measures.field.status', 'sv')}: {t('measure.status.planerad', 'sv')} → "
                            f"{t('measure.status.pagaende', 'sv')}")
    assert what.iloc[1] == t("measures.history.added", "sv", target=_scene_label(at, scene))


def test_a_stale_edit_is_refused_with_a_reload_hint(real_store: Dashboard, open_page: OpenPage
                                                    ) -> None:
    """A form that shows version 1 while someone else saved version 2 saves nothing: the translated error says so,
    with a button to show the latest version, which the form then shows."""
    scene = str(real_store.scenes()["scene_id"].iloc[0])
    from scenes.domain.measures import Measure

    first = real_store.save_measure(Measure("atg-1", "uppsokande", "region_stockholm", "planerad", scene_id=scene),
                                    actor="bo")
    at = open_page("analytiker", "measures", account="anna")
    at.selectbox(key="m_choice").set_value("atg-1").run()
    real_store.save_measure(dataclasses.replace(first, note="från en annan flik"), actor="bo")
    next(s for s in at.selectbox if s.label == t("measures.field.status", "sv")).set_value("avslutad")
    _save_form(at)
    assert [e.value.split("\n\n")[-1] for e in at.error] == [
        t("error.measure_changed", "sv", id=escape_markdown("atg-1"))]
    assert [m.status for m in real_store.measure_versions("atg-1")] == ["planerad", "planerad"]
    _button(at, t("measures.reload", "sv")).click().run()
    assert _version_shown(at, real_store, "atg-1", 2)
    assert at.text_area[0].value == "från en annan flik"


def test_removing_a_measure_asks_first_and_saves_a_removed_version(real_store: Dashboard,
                                                                   open_page: OpenPage) -> None:
    """"Ta bort" is disabled until confirmed; then the measure is saved as a removed version and leaves the list."""
    from scenes.domain.measures import Measure

    real_store.save_measure(Measure("atg-9", "polisiar", "lpo_jarva", "pagaende", lokalpolisomrade="jarva"),
                            actor="bo")
    at = open_page("analytiker", "measures", account="anna")
    at.selectbox(key="m_choice").set_value("atg-9").run()
    assert _button(at, t("measures.remove", "sv")).disabled
    next(c for c in at.checkbox if c.label == t("measures.remove_confirm", "sv")).check().run()
    _button(at, t("measures.remove", "sv")).click().run()
    assert list(at.exception) == []
    assert real_store.measures() == []
    newest = real_store.measure_versions("atg-9")[0]
    assert (newest.removed, newest.version, newest.created_by) == (True, 2, "anna")
    assert says(at.success, "measures.removed", id="atg-9", version=2)


def test_a_refused_measure_names_the_form_fields(real_store: Dashboard, open_page: OpenPage) -> None:
    """Saving without a target and kind says what is wrong by the form's own labels; nothing is stored."""
    at = open_page("analytiker", "measures", account="anna")
    _save_form(at)
    assert [e.value.split("\n\n")[-1] for e in at.error] == [t("error.measure_invalid", "sv")]
    problems = at.dataframe[-1].value
    assert set(problems[t("problem.column", "sv")]) == {
        t(f"measures.field.{f}", "sv") for f in ("scene_id", "kind", "actor")}
    assert real_store.measures() == []


def test_a_bad_import_shows_the_located_problems_and_saves_nothing(real_store: Dashboard,
                                                                   open_page: OpenPage) -> None:
    """An import with problems lists each by row and column (the file's own names) and stores nothing; a good one
    says how many measures were added and updated."""
    at = open_page("analytiker", "measures", account="anna")
    bad = b"kommun_kod;kind;actor;status\n0180;magi;region_stockholm;klar\n"
    at.file_uploader(key="measures_upload").set_value(("fel.csv", bad, "text/csv")).run()
    _button(at, t("measures.import_button", "sv")).click().run()
    problems = at.dataframe[-1].value
    assert sorted(zip(problems[t("problem.row", "sv")], problems[t("problem.column", "sv")], strict=True)) == [
        (2, "kind"), (2, "status")]  # the file's own column names
    assert real_store.measures() == []
    good = b"kommun_kod;kind;actor;status\n0180;vard_stod;kommun_0180;planerad\n"
    at.file_uploader(key="measures_upload").set_value(("bra.csv", good, "text/csv")).run()
    _button(at, t("measures.import_button", "sv")).click().run()
    assert says(at.success, "measures.imported", added=1, updated=0)
    assert [m.kommun_kod for m in real_store.measures()] == ["0180"]


def test_exports_are_offered_as_csv_and_xlsx(real_store: Dashboard, open_page: OpenPage) -> None:
    """Both pages offer their records as CSV and Excel, and show the file's header row."""
    for page, stem, first in (("measures", "atgarder", "measure_id"),
                              ("indicators", "trygghetsindikatorer", "indicator")):
        at = open_page("analytiker", page, account=f"anna-{stem}")
        names = {d.proto.label for d in at.get("download_button")}
        assert {t(f"{page}.export_csv", "sv"), t(f"{page}.export_xlsx", "sv")} <= names, page
        codes = [c.value for c in at.code]
        assert [c.split(";")[0] for c in codes] == [first]


@pytest.mark.parametrize("role", ["deltagare", "styrgrupp"])
@pytest.mark.parametrize("page", ["screens/measures.py", "screens/indicators.py"])
def test_participants_and_the_steering_group_cannot_open_the_entry_pages(
        app_env: Path, signed_in: Callable[..., AppTest], role: str, page: str) -> None:
    """The entry pages are for analysts: they are not in another role's menu, and opened directly they refuse at
    their top with nothing of the page."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = signed_in(role)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)
    direct = AppTest.from_file(str(PROJECT_ROOT / page), default_timeout=60)
    direct.session_state["session_token"] = at.session_state["session_token"]
    direct.run()
    assert says(direct.error, "error.access_denied")
    assert not [b for b in direct.button if b.label in (t("measures.save", "sv"), t("indicators.save", "sv"))]


def test_demo_measures_are_labelled_and_writes_explained(open_page: OpenPage, app_env: Path) -> None:
    """In demo mode the analyst sees the fictitious measures labelled as demo data; the form's button is disabled
    and the page says nothing is saved."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = open_page("analytiker", "measures")
    assert says(at.warning, "demo.notice")
    assert says(at.info, "demo.readonly")
    assert t("col.demo", "sv") in at.dataframe[0].value.columns
    assert _button(at, t("measures.save", "sv")).disabled


def test_a_real_measure_waits_for_the_first_real_survey(app_env: Path, open_page: OpenPage) -> None:
    """With accounts but only demo surveys, the page says a real measure appears once a real survey is published."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = open_page("analytiker", "measures", account="anna")
    assert says(at.info, "measures.demo_real_later")


def test_indicator_page_empty_state_then_a_value_its_chart_and_removal(real_store: Dashboard,
                                                                        open_page: OpenPage) -> None:
    """With no value the page says the app ships none and how to add one; an analyst's value is listed with its
    source address as a link, charted, and can be removed after a confirmation."""
    at = open_page("analytiker", "indicators", account="anna")
    assert says(at.info, "indicators.empty")
    fields = {box.label: box for box in at.text_input}
    fields[t("indicators.field.indicator", "sv")].input("Andel otrygga nära scen")
    fields[t("indicators.field.value", "sv")].input("31,5")
    fields[t("indicators.field.unit", "sv")].input("%")
    fields[t("indicators.field.source", "sv")].input("Region Stockholm, trygghetsundersökning (testvärde)")
    fields[t("indicators.field.source_url", "sv")].input("https://example.org/rapport")
    next(d for d in at.date_input if d.label == t("indicators.field.date", "sv")).set_value(dt.date(2024, 12, 31))
    _button(at, t("indicators.save", "sv")).click().run()
    assert list(at.exception) == []
    [value] = real_store.indicators()
    assert (value.value, value.area_level, value.area_code, value.created_by) == (31.5, "lan", "", "anna")
    assert len(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")) == 1
    table = at.dataframe[0]
    assert list(table.value["source_url"]) == ["https://example.org/rapport"]
    assert json.loads(table.proto.columns)["source_url"]["type_config"]["type"] == "link"
    at.selectbox(key="i_remove_choice").set_value(value.key).run()
    next(c for c in at.checkbox if c.label == t("indicators.remove_confirm", "sv")).check().run()
    _button(at, t("indicators.remove", "sv")).click().run()
    assert real_store.indicators() == []
    assert real_store.audit().iloc[0]["action"] == "indicator-remove"


def test_a_refused_indicator_value_names_the_form_fields(real_store: Dashboard,
                                                         open_page: OpenPage) -> None:
    """A value that is not a number and a source address that is not http(s) are named by the form's labels."""
    at = open_page("analytiker", "indicators", account="anna")
    fields = {box.label: box for box in at.text_input}
    fields[t("indicators.field.value", "sv")].input("många")
    fields[t("indicators.field.source_url", "sv")].input("javascript:alert(1)")
    _button(at, t("indicators.save", "sv")).click().run()
    problems = at.dataframe[-1].value
    assert {t("indicators.field.value", "sv"), t("indicators.field.date", "sv")} <= set(
        problems[t("problem.column", "sv")])
    assert real_store.indicators() == []
    real_store.save_indicator(Indicator("X", 1.0, "%", dt.date(2024, 1, 1), "lan", "", "Källa",
                                        "https://example.org"), actor="bo")
    at.run()
    assert list(at.exception) == []


def test_admin_edits_the_actors_table(app_env: Path, open_page: OpenPage) -> None:
    """The reference page offers the measure kinds and the actors, each with its help text; an administrator renames
    an actor in the editor and saves: the new name is the table's next version (audited), used in every label."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    at = open_page("admin", "reference", account="ada")
    for name in ("measure_kinds", "actors"):
        at.session_state["ref_table"] = name
        at.run()
        assert list(at.exception) == []
        assert says(at.caption, f"measures.ref_help.{name}"), name
    frame = at.dataframe[0].value
    assert "organisation_type" in frame.columns
    row = int(frame.index[frame["code"] == "region_stockholm"][0])
    at.session_state["editor_actors"] = {"edited_rows": {row: {"label_sv": "Region Stockholm (RS)"}},
                                         "added_rows": [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == t("reference.save", "sv")).click().run()
    assert list(at.exception) == []
    assert [s.value for s in at.success] == [t("reference.saved", "sv", n=1)]
    fresh = Dashboard(Settings(state_dir=app_env))
    assert fresh.reference.actor_label("region_stockholm", language="sv") == "Region Stockholm (RS)"
    assert (fresh.audit().iloc[0]["action"], fresh.audit().iloc[0]["actor"]) == ("reference-edit", "ada")


def test_progress_page_charts_the_indicators_beside_the_counts(real_store: Dashboard,
                                                               open_page: OpenPage) -> None:
    """Without a value the progress page says none is entered; with values, each indicator is charted there (one at
    a time, chosen in a select) with its sources named, for the steering group and for participants alike."""
    at = open_page("styrgrupp", "progress", account="sara")
    charts_before = len(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))
    assert says(at.caption, "indicators.progress_empty")
    base = {"unit": "%", "area_level": "lan", "area_code": "", "source_url": "https://example.org/rapport"}
    real_store.save_indicator(Indicator(indicator="Andel otrygga", value=31.5, date=dt.date(2023, 12, 31),
                                        source="Trygghetsundersökningen", **base), actor="anna")
    real_store.save_indicator(Indicator(indicator="Andel <b>oroliga</b>", value=12.0, date=dt.date(2024, 12, 31),
                                        source="Annan *källa*", **base), actor="anna")
    for role in ("styrgrupp", "deltagare"):
        at = open_page(role, "progress", account=f"{role}1")
        assert len(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")) == charts_before + 1
        choice = at.selectbox(key="p_indicator")
        assert choice.options == ["Andel <b>oroliga</b>", "Andel otrygga"]
        assert any("Annan \\*källa\\*" in c.value for c in at.caption)  # user text is inert Markdown
        choice.set_value("Andel otrygga").run()
        assert any("Trygghetsundersökningen" in c.value for c in at.caption)
