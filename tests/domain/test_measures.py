"""Measures and safety indicators in the core: the rules, how a measure follows its scene, the files, the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import Point

from scenes import Dashboard
from scenes.domain.demo import demo_measures, load_demo
from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.indicators import Indicator, indicator_problems
from scenes.domain.lineage import Lineage
from scenes.domain.measures import Measure, measure_problems, measures_by_scene
from scenes.errors import DemoSandbox, StoreError, ValidationFailed
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.settings import Settings


def _frame(rows: list[tuple[str, str, list[str]]]) -> gpd.GeoDataFrame:
    """Observations: (survey_id, scene_id, predecessors)."""
    return gpd.GeoDataFrame({"survey_id": [r[0] for r in rows], "scene_id": [r[1] for r in rows],
                             "predecessors": [r[2] for r in rows]},
                            geometry=[Point(18, 59.3)] * len(rows), crs=4326)


def _m(mid: str, scene: str | None = None, status: str = "pagaende", **kw: object) -> Measure:
    fields: dict[str, object] = {"kind": "uppsokande", "actor": "region_stockholm", **kw}
    return Measure(measure_id=mid, status=status, scene_id=scene, **fields)  # type: ignore[arg-type]


# -- following a scene ------------------------------------------------------------------------------------------
HISTORY = _frame([
    ("s1", "A", []), ("s1", "B", []), ("s1", "C", []), ("s1", "D", []),
    ("s2", "A", []),                 # A persists
    ("s2", "BC", ["B", "C"]),        # B and C merge
    ("s2", "D1", ["D"]), ("s2", "D2", ["D"]),  # D splits
    ("s3", "BC", []), ("s3", "D1x", ["D1"]),   # D1 continues again under a new id
])


def test_lineage_follows_merges_and_splits_through_several_surveys() -> None:
    line = Lineage(HISTORY)
    assert line.ancestors("BC") == {"BC", "B", "C"}
    assert line.ancestors("D2") == {"D2", "D"}
    assert line.ancestors("D1x") == {"D1x", "D1", "D"}
    assert line.ancestors("A") == {"A"}


def test_measures_follow_their_scene_across_merges_and_splits() -> None:
    ms = [_m("mA", "A"), _m("mB", "B"), _m("mC", "C", status="avslutad"), _m("mD", "D"), _m("mD1", "D1"),
          _m("gone", "A", removed=True), Measure("mk", "vard_stod", "kommun_0180", "pagaende", kommun_kod="0180")]
    by = measures_by_scene(["A", "BC", "D1", "D2", "D1x", "NEW"], HISTORY, ms)
    ids = {sid: [m.measure_id for m in found] for sid, found in by.items()}
    assert ids["A"] == ["mA"]  # the removed measure and the municipality's are not the scene's
    assert ids["BC"] == ["mB", "mC"]  # both merged scenes' measures; ongoing before finished
    assert ids["D1"] == ["mD", "mD1"]
    assert ids["D2"] == ["mD"]  # each part of a split inherits the split scene's measures
    assert ids["D1x"] == ["mD", "mD1"]
    assert ids["NEW"] == []


def test_a_cycle_in_bad_predecessor_data_ends() -> None:
    frame = _frame([("s1", "X", ["Y"]), ("s1", "Y", ["X"])])
    assert Lineage(frame).ancestors("X") == {"X", "Y"}


# -- the rules of one measure ------------------------------------------------------------------------------------
def test_a_valid_measure_has_no_problems(ref: Reference) -> None:
    assert measure_problems(_m("atg-1", "S1", start_date=dt.date(2025, 1, 1), end_date=dt.date(2025, 2, 1)), ref,
                            {"S1"}) == []
    assert measure_problems(Measure("k", "polisiar", "lpo_jarva", "planerad", lokalpolisomrade="jarva"), ref,
                            None) == []


@pytest.mark.parametrize(("change", "code", "column"), [
    ({"measure_id": "has space"}, "measure_id_format", "measure_id"),
    ({"scene_id": None}, "measure_target", "scene_id"),
    ({"kommun_kod": "0180"}, "measure_target", "scene_id"),
    ({"scene_id": "NOPE"}, "measure_scene_unknown", "scene_id"),
    ({"kind": "magic"}, "unknown_code", "kind"),
    ({"actor": ""}, "value_required", "actor"),
    ({"status": "klar"}, "unknown_code", "status"),
    ({"start_date": dt.date(2025, 3, 1), "end_date": dt.date(2025, 2, 1)}, "end_before_start", "end_date"),
    ({"note": "x" * 2001}, "cell_too_long", "note"),
])
def test_each_rule_names_its_column(ref: Reference, change: dict[str, object], code: str, column: str) -> None:
    bad = dataclasses.replace(_m("atg-1", "S1"), **change)  # type: ignore[arg-type]
    problems = measure_problems(bad, ref, {"S1"}, row=7)
    assert [(p.code, p.column, p.row) for p in problems] == [(code, column, 7)]


# -- the dashboard: a real deployment ----------------------------------------------------------------------------
@pytest.fixture
def real(settings: Settings) -> Dashboard:
    """A store after `scenes init` with one real survey (the demo's 2021 scenes, published as real data)."""
    dash = Dashboard(settings)
    dash.init()
    scenes = load_demo(settings.data_dir)[0].scenes
    dash.store.add_survey(Survey("k2025", "Kartläggning 2025", dt.date(2025, 3, 1), SurveyKind.KARTLAGGNING, "s",
                                 False), scenes.assign(survey_id="k2025"), actor="analytiker")
    return dash


def test_save_versions_audit_and_stale_refusal(real: Dashboard) -> None:
    scene = str(real.scenes()["scene_id"].iloc[0])
    first = real.save_measure(_m("atg-1", scene, status="planerad"), actor="ana")
    assert (first.version, first.created_by, first.demo) == (1, "ana", False)
    second = real.save_measure(dataclasses.replace(first, status="pagaende"), actor="bo")
    assert second.version == 2
    assert [m.status for m in real.measure_versions("atg-1")] == ["pagaende", "planerad"]
    assert real.store.audit()["action"].iloc[0] == "measure"
    with pytest.raises(StoreError) as stale:  # a second tab still showing version 1
        real.save_measure(dataclasses.replace(first, note="from an old tab"), actor="ana")
    assert stale.value.code == "measure_changed"
    assert [m.note for m in real.measures()] == [""]
    same = real.save_measure(second, actor="bo")  # nothing changed: no empty version
    assert same.version == 2
    assert len(real.measure_versions("atg-1")) == 2


def test_an_invalid_measure_is_refused_and_nothing_is_written(real: Dashboard) -> None:
    before = real.store.data_version()
    with pytest.raises(ValidationFailed) as refused:
        real.save_measure(_m("atg-1", "NOT-A-SCENE", kind="x"), actor="ana")
    assert {p.code for p in refused.value.problems} == {"measure_scene_unknown", "unknown_code"}
    assert real.store.data_version() == before
    assert real.measures() == []


def test_the_demo_is_a_sandbox_for_measures(demo: Dashboard) -> None:
    with pytest.raises(DemoSandbox):
        demo.save_measure(_m("atg-1", "DEMO-0127-01"), actor="demo")
    with pytest.raises(DemoSandbox):
        demo.import_measures("a.csv", b"kind;actor;status\n", actor="demo")


def test_demo_measures_are_shown_with_the_demo_only_and_removed_with_it(demo: Dashboard) -> None:
    shown = demo.measures()
    assert shown
    assert all(m.demo for m in shown)
    scenes = demo.scenes()
    real = Survey("k2025", "Skarp", dt.date(2025, 3, 1), SurveyKind.KARTLAGGNING, "s", False)
    demo.store.add_survey(real, scenes[scenes["survey_id"] == "demo-2024-02"].assign(survey_id="k2025"),
                          actor="ana")
    assert demo.measures() == []  # a real survey is shown: the demo's measures are not
    assert demo.known_scene_ids()
    demo.remove_demo(actor="admin")
    assert demo.store.measures(include_removed=True) == []


def test_demo_measures_are_consistent_with_the_demo_surveys(ref: Reference, settings: Settings) -> None:
    items = load_demo(settings.data_dir)
    measures = demo_measures(items, ref)
    assert measures == demo_measures(items, ref)  # fixed seed
    ids = {str(s) for item in items for s in item.scenes["scene_id"]}
    for m in measures:
        assert m.demo
        assert "Fiktiv demodata" in m.note
        assert measure_problems(m, ref, ids) == [], m
    latest = items[-1].scenes
    by = measures_by_scene(latest["scene_id"], pd.concat([i.scenes for i in items]), measures)
    without = [sid for sid, found in by.items() if not any(m.ongoing for m in found)]
    assert 0 < len(without) < len(latest)  # the coordination view has gaps to show, and work to show


# -- files ---------------------------------------------------------------------------------------------------------
def test_export_import_round_trip_csv_and_xlsx(real: Dashboard) -> None:
    scene = str(real.scenes()["scene_id"].iloc[0])
    real.save_measure(_m("atg-1", scene, note="=SUM(A1) ; \"quoted\"\nline two", start_date=dt.date(2025, 1, 2)),
                      actor="ana")
    real.save_measure(Measure("atg-2", "polisiar", "lpo_jarva", "planerad", lokalpolisomrade="jarva"), actor="ana")
    for fmt in ("csv", "xlsx"):
        data = real.export_measures(fmt)
        assert real.import_measures(f"m.{fmt}", data, actor="ana") == []  # nothing changed: nothing written
    assert next(m.note for m in real.measures()) == "=SUM(A1) ; \"quoted\"\nline two"
    sheet = openpyxl.load_workbook(io.BytesIO(real.export_measures("xlsx"))).active
    assert sheet is not None
    assert sheet["J2"].data_type == "s"  # text that looks like a formula is stored as text, never run
    assert "'=SUM" in real.export_measures("csv").decode("utf-8-sig")  # and defused in the CSV


def test_an_import_adds_and_updates_in_one_transaction(real: Dashboard) -> None:
    scene = str(real.scenes()["scene_id"].iloc[0])
    real.save_measure(_m("atg-1", scene), actor="ana")
    text = ("measure_id;scene_id;kommun_kod;kind;actor;status;start_date\n"
            f"atg-1;{scene};;uppsokande;region_stockholm;avslutad;2024-01-01\n"
            ";;0180;vard_stod;kommun_0180;planerad;\n")
    saved = real.import_measures("m.csv", text.encode(), actor="ana")
    assert sorted(m.version for m in saved) == [1, 2]
    assert {m.status for m in real.measures()} == {"avslutad", "planerad"}
    assert real.store.audit()["action"].iloc[0] == "measure-import"


def test_a_bad_import_names_every_row_and_column_and_changes_nothing(real: Dashboard) -> None:
    text = ("scene_id;kind;actor;status;start_date;end_date\n"
            "NOPE;uppsokande;region_stockholm;pagaende;2024-01-01;\n"
            ";uppsokande;region_stockholm;klar;2024-13-01;2023-01-01\n")
    before = real.store.data_version()
    with pytest.raises(ValidationFailed) as refused:
        real.import_measures("m.csv", text.encode("cp1252"), actor="ana")
    found = {(p.row, p.column, p.code) for p in refused.value.problems}
    assert found == {(2, "scene_id", "measure_scene_unknown"), (3, "start_date", "date_format"),
                     (3, "scene_id", "measure_target"), (3, "status", "unknown_code")}
    assert real.store.data_version() == before


@pytest.mark.parametrize(("name", "data", "code"), [
    ("m.pdf", b"%PDF", "record_file_type"),
    ("m.csv", b"kind;actor;colour\nx;y;z\n", "record_file_columns"),
    ("m.csv", b"kind;actor;status\n", "record_file_columns"),
])
def test_files_that_are_not_measure_files_are_refused(real: Dashboard, name: str, data: bytes, code: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        real.import_measures(name, data, actor="ana")
    assert refused.value.code == code


def test_a_measure_file_over_the_row_cap_is_refused_while_reading(settings: Settings) -> None:
    dash = Dashboard(settings.model_copy(update={"max_rows": 5}))
    dash.init()
    rows = "".join(";0180;vard_stod;kommun_0180;planerad\n" for _ in range(50))
    with pytest.raises(ValidationFailed) as refused:
        dash.import_measures("m.csv", ("scene_id;kommun_kod;kind;actor;status\n" + rows).encode(), actor="ana")
    assert "5" in str(refused.value)
    assert dash.store.measures() == []


# -- safety indicators ----------------------------------------------------------------------------------------------
def _ind(**kw: object) -> Indicator:
    base: dict[str, object] = {"indicator": "Otrygghet nära scen", "value": 31.5, "unit": "%",
                               "date": dt.date(2024, 6, 30), "area_level": "kommun", "area_code": "0180",
                               "source": "Trygghetsundersökning", "source_url": "https://example.se/rapport"}
    return Indicator(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(("change", "code", "column"), [
    ({"source": ""}, "value_required", "source"),
    ({"source_url": "example.se"}, "source_url_format", "source_url"),
    ({"source_url": "javascript:alert(1)"}, "source_url_format", "source_url"),
    ({"area_level": "region"}, "area_level", "area_level"),
    ({"area_level": "lan", "area_code": "0180"}, "area_code_county", "area_code"),
    ({"area_code": "9999"}, "unknown_code", "area_code"),
    ({"indicator": "x" * 201}, "cell_too_long", "indicator"),
])
def test_indicator_rules(ref: Reference, change: dict[str, object], code: str, column: str) -> None:
    assert indicator_problems(_ind(), ref) == []
    assert [(p.code, p.column) for p in indicator_problems(_ind(**change), ref)] == [(code, column)]


def test_indicators_import_replace_export_and_remove(real: Dashboard) -> None:
    text = ("indicator;value;unit;date;area_level;area_code;source;source_url\n"
            "Otrygghet;31,5;%;2024-06-30;kommun;0180;Trygghetsundersökningen;https://example.se/a\n"
            "Otrygghet;28;%;2024-06-30;lan;;Trygghetsundersökningen;https://example.se/a\n")
    assert real.import_indicators("i.csv", text.encode(), actor="ana") == (2, 0)
    assert real.import_indicators("i.csv", text.replace("31,5", "30,0").encode(), actor="ana") == (0, 2)
    assert sorted(i.value for i in real.indicators()) == [28.0, 30.0]
    assert "31.5 -> 30.0" in real.store.audit()["detail"].iloc[0]
    for fmt in ("csv", "xlsx"):
        assert real.import_indicators(f"i.{fmt}", real.export_indicators(fmt), actor="ana") == (0, 2)
    assert sorted(i.value for i in real.indicators()) == [28.0, 30.0]
    real.remove_indicator(("Otrygghet", "lan", "", dt.date(2024, 6, 30)), actor="ana")
    assert [i.area_level for i in real.indicators()] == ["kommun"]
    with pytest.raises(StoreError):
        real.remove_indicator(("Otrygghet", "lan", "", dt.date(2024, 6, 30)), actor="ana")


def test_a_bad_indicator_file_is_located_and_nothing_is_saved(real: Dashboard) -> None:
    text = ("indicator;value;unit;date;area_level;area_code;source;source_url\n"
            "Otrygghet;många;%;2024-06-30;kommun;0180;Källa;https://example.se\n"
            "Otrygghet;1;%;;lan;;;https://example.se\n"
            "Otrygghet;2;%;2024-06-30;kommun;0180;Källa;https://example.se\n")
    with pytest.raises(ValidationFailed) as refused:
        real.import_indicators("i.csv", text.encode(), actor="ana")
    found = {(p.row, p.column, p.code) for p in refused.value.problems}
    assert found == {(2, "value", "value_format"), (3, "date", "value_required"), (3, "source", "value_required"),
                     (4, "date", "indicator_twice")}
    assert real.indicators() == []


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_report_shows_the_indicators_with_their_sources(real: Dashboard) -> None:
    empty = _pdf_text(real.report_pdf(today=dt.date(2026, 11, 22), lang="sv", disclosure=SHOW_ALL, exact=True))
    assert "Inga indikatorvärden är inlagda" in empty
    real.save_indicator(_ind(value=31.5, date=dt.date(2023, 6, 30)), actor="ana")
    real.save_indicator(_ind(value=28.25, date=dt.date(2024, 6, 30)), actor="ana")
    real.save_indicator(_ind(area_level="lan", area_code="", value=12.0), actor="ana")
    text = _pdf_text(real.report_pdf(today=dt.date(2026, 11, 22), lang="sv", disclosure=SHOW_ALL, exact=True))
    assert "Trygghetsindikatorer" in text
    assert "28,25 % 31,5 % (2023-06-30)" in text.replace("\u00a0", " ")  # latest beside the one before
    assert "Länet" in text
    assert "Trygghetsundersökning: https://example.se/rapport" in text
    english = _pdf_text(real.report_pdf(lang="en", today=dt.date(2026, 11, 22), disclosure=SHOW_ALL, exact=True))
    assert "Safety indicators" in english


def test_the_report_states_the_measures_as_the_reader_may_see_them(demo: Dashboard) -> None:
    """Cleared readers: gaps, measures by kind and status, per organisation, labelled as demo data. Participants:
    counts per municipality and kind only, small ones hidden, no organisation named."""
    from scenes.domain.disclosure import Disclosure

    today = dt.date(2026, 11, 22)
    cleared = _pdf_text(demo.report_pdf(today=today, lang="sv", disclosure=SHOW_ALL, exact=True)).replace("\u00a0", " ")
    assert "Åtgärder" in cleared
    assert "Åtgärderna och aktörerna är också exempeldata" in cleared
    assert "Uppföljning februari 2024 (exempel): 53 scener, varav" in cleared
    assert "Ansvarig organisation" in cleared
    assert "Fastighetsägare" in cleared
    participant = Disclosure.for_precision("generalised", demo.settings.small_count_threshold)
    counts = _pdf_text(demo.report_pdf(today=today, disclosure=participant, exact=False, lang="sv")).replace("\u00a0",
                                                                                                             " ")
    assert "Antal åtgärder per kommun och typ" in counts
    assert "Ansvarig organisation" not in counts
    assert "Fastighetsägare" not in counts
    assert "utan pågående åtgärd" not in counts
    section = counts[counts.index("Antal åtgärder per kommun och typ"):counts.rindex("Källor")]
    assert "skyddad" in section  # one word for every withheld count
    assert "färre än" not in section


def test_the_report_says_when_no_measure_is_registered(real: Dashboard) -> None:
    text = _pdf_text(real.report_pdf(today=dt.date(2026, 11, 22), lang="sv", disclosure=SHOW_ALL, exact=True))
    assert "Inga åtgärder är registrerade" in text


def test_the_indicator_form_and_file_share_one_verdict(ref: Reference) -> None:
    """The form's fields and a file's row go through `parse_indicator`: the same text, the same problems."""
    from scenes.domain.indicators import indicators_from_rows, parse_indicator

    cells = {"indicator": "Otrygghet", "value": "många", "unit": "%", "date": "", "area_level": "kommun",
             "area_code": "9999", "source": "", "source_url": "ftp://x"}
    _, from_form = parse_indicator(cells, ref)
    with pytest.raises(ValidationFailed) as from_file:
        indicators_from_rows([(2, cells)], ref)
    expected = {("value", "value_format"), ("date", "value_required"), ("area_code", "unknown_code"),
                ("source", "value_required"), ("source_url", "source_url_format")}
    assert {(p.column, p.code) for p in from_form} == expected
    assert {(p.column, p.code) for p in from_file.value.problems} == expected
