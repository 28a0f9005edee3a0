"""Issue 27: reference geography in time, names against places, a triaged report, and the survey's date.

The files are the analysts' (tests/analyst_files.py): Swedish Excel's CSV (Windows-1252, `;`) and an .xlsx
workbook, with categories written as labels, a police area that had ended before the survey, Stockholm rows
without a police area, and a municipality name that contradicts its point. Checked in the core, by the command
line (`scenes validate`, `scenes import`) and (tests/browser/test_upload_browser.py) on the page.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenes.errors import ValidationFailed
from scenes.ingest.dates import survey_date_warnings
from scenes.ingest.triage import group_examples, group_title, triage, triage_json
from scenes.ingest.upload import UploadCheck, check_upload
from scenes.io.bounded import Limits
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference, load_reference
from scenes.views.dashboard import Dashboard
from tests import analyst_files
from tests.conftest import DATA_DIR

SCENES = str(Path(sys.executable).with_name("scenes"))
FORMATS = {"csv": analyst_files.windows_csv, "xlsx": analyst_files.xlsx}


def _check(ref: Reference, fmt: str, day: dt.date | None = analyst_files.SURVEY_DAY) -> UploadCheck:
    return check_upload(f"scener.{fmt}", FORMATS[fmt](ref), ref, limits=Limits(), survey_date=day)


def _by_code(check: UploadCheck, code: str) -> dict[int, object]:
    return {p.row: p for p in check.result.problems if p.code == code}  # type: ignore[misc]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_analysts_file_for_2026(ref: Reference, fmt: str) -> None:
    """The realistic file for a 2026 survey: exactly the located errors the issue asks for, and the warnings."""
    check = _check(ref, fmt)
    assert not check.ok
    # Norrmalm police area ended 2024-12-31: a located error naming its successors, suggesting the one covering
    # the row's place (Lidingö and Kungsholmen: Lidingö-Kungsholmen)
    dissolved = _by_code(check, "police_area_dissolved")
    assert sorted(dissolved) == [32, 33, 34, 35, 36]
    for p in dissolved.values():
        assert (p.severity, p.column, p.value, p.suggestion) == ("error", "lokalpolisområde", "Norrmalm",  # type: ignore[attr-defined]
                                                                 "Lidingö-Kungsholmen")
        assert p.params["successors"] == "Lidingö-Kungsholmen, Norra innerstaden"  # type: ignore[attr-defined]
    # Stockholm without police area: derived from the district; else suggested from the nearest row; else the
    # candidates are named
    required = _by_code(check, "police_area_required")
    assert sorted(required) == [42, 43, 44, 45, 46]
    assert [required[r].suggestion for r in (42, 43, 44)] == ["Södermalm"] * 3  # type: ignore[attr-defined]
    assert [required[r].suggestion for r in (45, 46)] == [None, None]  # type: ignore[attr-defined]
    assert required[45].params["options"] == "Globen / Farsta"  # type: ignore[attr-defined]
    frame = check.frame.set_index("scene_id")
    assert set(frame.loc[[f"S{n:02d}" for n in range(36, 41)], "lokalpolisomrade"]) == {"sodermalm"}
    assert frame.loc["S01", "lokalpolisomrade"] == "botkyrka"  # decided by the municipality
    assert "norrmalm" not in set(frame["lokalpolisomrade"])
    # the name resembles Södertälje, the point lies in Järfälla: a located warning naming both, no silent fix
    (mismatch,) = _by_code(check, "municipality_name_mismatch").values()
    assert (mismatch.row, mismatch.column, mismatch.suggestion) == (47, "kommun", None)  # type: ignore[attr-defined]
    assert (mismatch.params["resembles"], mismatch.params["found"]) == ("Södertälje", "Järfälla")  # type: ignore[attr-defined]
    assert not _by_code(check, "unknown_municipality")
    assert len(check.result.errors) == 10
    assert len(_by_code(check, "category_label")) == 46


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_same_file_for_2024_keeps_norrmalm(ref: Reference, fmt: str) -> None:
    """Before the reorganisation Norrmalm is valid, and Lidingö's police area is derived as Norrmalm."""
    check = _check(ref, fmt, dt.date(2024, 6, 3))
    assert not _by_code(check, "police_area_dissolved")
    frame = check.frame.set_index("scene_id")
    assert frame.loc["S31", "lokalpolisomrade"] == "norrmalm"


def test_police_area_not_yet_formed(ref: Reference) -> None:
    data = ("id;namn;kommun;lokalpolisområde;kategori;lat;lon\r\n"
            "A;x;Lidingö;Lidingö-Kungsholmen;festmiljo;59,3667;18,1500\r\n").encode("cp1252")
    check = check_upload("a.csv", data, ref, limits=Limits(), survey_date=dt.date(2024, 6, 3))
    (problem,) = check.result.errors
    assert (problem.code, problem.row, problem.suggestion) == ("police_area_not_yet", 2, "Norrmalm")


def test_no_date_is_checked_as_of_today_with_a_note(ref: Reference) -> None:
    check = _check(ref, "csv", None)
    assert any(n.code == "note_no_survey_date" for n in check.result.notes)
    assert _by_code(check, "police_area_dissolved")  # today is after 2024-12-31


def test_report_is_triaged(ref: Reference) -> None:
    """Errors first and apart, by kind and row by row; warnings grouped by kind with counts and examples, those
    needing a person's judgement before the harmless ones."""
    result = triage(_check(ref, "csv").result.problems)
    assert [p.row for p in result.errors] == [32, 33, 34, 35, 36, 42, 43, 44, 45, 46]
    assert [g.code for g in result.error_groups] == ["police_area_dissolved", "police_area_required"]  # 5 each
    assert [g.code for g in result.warning_groups] == ["municipality_name_mismatch", "category_label"]
    labels = result.warning_groups[1]
    assert group_title(labels, lang="sv") == "Kategori skriven som namn: 46 rader"
    assert (labels.count, labels.fixable) == (46, 46)
    assert group_examples(labels, lang="sv") == "t.ex. rad 2: 'Utsatt område' → utsatt_omrade"
    assert "liknar Södertälje men platsen ligger i Järfälla" in group_examples(result.warning_groups[0], lang="sv")
    assert group_title(result.error_groups[0], "en") == "Police area that ended before the survey: 5 rows"
    data = triage_json(result, "en")
    assert [g["code"] for g in data["warning_groups"]] == ["municipality_name_mismatch", "category_label"]  # type: ignore[index]
    assert [g["fixable"] for g in data["error_groups"]] == [5, 3]  # type: ignore[index]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_apply_one_kind_at_a_time(demo: Dashboard, fmt: str) -> None:
    """Each kind is applied on its own: labels first (nothing else changes), then the police areas; what stays is
    what a person must decide (the shared district, the name against its place)."""
    day = analyst_files.SURVEY_DAY
    check = demo.check_upload(f"scener.{fmt}", FORMATS[fmt](demo.reference), survey_date=day)
    labels = demo.correct(check, {"category_label"})
    assert labels.changes == 46
    again = demo.check_upload(labels.name, labels.data, survey_date=day)
    assert not _by_code(again, "category_label")
    assert len(again.result.errors) == 10
    areas = demo.correct(again, {"police_area_dissolved", "police_area_required"})
    assert areas.changes == 8
    last = demo.check_upload(areas.name, areas.data, survey_date=day)
    assert sorted(p.row for p in last.result.errors) == [45, 46]  # type: ignore[type-var]
    assert [p.code for p in last.result.warnings] == ["municipality_name_mismatch"]
    frame = last.frame.set_index("scene_id")
    assert frame.loc["S32", "lokalpolisomrade"] == "lidingo_kungsholmen"
    assert frame.loc["S41", "lokalpolisomrade"] == "sodermalm"


def test_suggested_police_area_adds_the_missing_column(ref: Reference) -> None:
    """A file without a police-area column gets one when a suggestion is applied."""
    from scenes.ingest.corrections import apply_suggestions
    from scenes.ingest.validate import validate

    data = ("id;namn;kommun;stadsdel;kategori;lat;lon\r\n"
            "A;x;Stockholm;Södermalm;festmiljo;59,3146;18,0714\r\n"
            "B;y;Stockholm;;festmiljo;59,3126;18,0734\r\n").encode("cp1252")
    check = check_upload("b.csv", data, ref, limits=Limits(), survey_date=analyst_files.SURVEY_DAY)
    (problem,) = check.result.errors
    assert (problem.code, problem.row, problem.suggestion) == ("police_area_required", 3, "Södermalm")
    assert check.raw is not None
    raw, changes = apply_suggestions(check.raw, check.result.problems, {"police_area_required"})
    assert changes == 1
    assert validate(raw, ref, survey_date=analyst_files.SURVEY_DAY).ok


def test_publishing_rechecks_for_the_surveys_date(demo: Dashboard) -> None:
    """A file checked as of 2024 (valid then) published as a 2026 survey is checked again and refused; as a 2024
    survey it is published."""
    data = ("id;namn;kommun;lokalpolisområde;kategori;lat;lon\r\n"
            "A;x;Lidingö;Norrmalm;festmiljo;59,3667;18,1500\r\n").encode("cp1252")
    check = demo.check_upload("s.csv", data, survey_date=dt.date(2024, 6, 3))
    assert check.ok
    later = Survey("s-2026", "S 2026", analyst_files.SURVEY_DAY, SurveyKind.KARTLAGGNING, "", False)
    with pytest.raises(ValidationFailed) as refused:
        demo.publish(check, survey=later, actor="test")
    assert [(p.code, p.row) for p in refused.value.problems] == [("police_area_dissolved", 2)]
    assert "s-2026" not in {s.id for s in demo.surveys()}
    earlier = Survey("s-2024", "S 2024", dt.date(2024, 6, 3), SurveyKind.KARTLAGGNING, "", False)
    assert demo.publish(check, survey=earlier, actor="test") == ("s-2024", 1)
    assert list(demo.store.scenes("s-2024")["lokalpolisomrade"]) == ["norrmalm"]


def test_survey_date_warnings() -> None:
    """Unusual dates and kinds are pointed out, never blocking."""
    old = Survey("a", "Kartläggning 2025", dt.date(2025, 11, 3), SurveyKind.KARTLAGGNING, "", False)
    demo_only = Survey("d", "Demo", dt.date(2024, 2, 20), SurveyKind.UPPFOLJNING, "", True)
    today = dt.date(2026, 3, 4)  # a Wednesday

    def codes(day: dt.date, kind: SurveyKind | None, surveys: list[Survey]) -> list[str]:
        found = survey_date_warnings(day, kind, surveys, today=today)
        assert all(p.severity == "warning" for p in found)
        return [p.code for p in found]

    assert codes(dt.date(2026, 3, 2), SurveyKind.KARTLAGGNING, [old]) == []
    assert codes(today, SurveyKind.KARTLAGGNING, [old]) == ["date_today"]
    assert codes(dt.date(2026, 4, 1), SurveyKind.KARTLAGGNING, [old]) == ["date_future"]
    assert codes(dt.date(2025, 6, 2), SurveyKind.KARTLAGGNING, [old]) == ["date_before_latest"]
    assert codes(dt.date(2025, 11, 3), SurveyKind.UPPFOLJNING, [old]) == ["date_taken", "kind_followup_first"]
    assert codes(dt.date(2026, 2, 28), SurveyKind.KARTLAGGNING, [old]) == ["date_weekend"]
    assert codes(dt.date(2026, 3, 2), SurveyKind.UPPFOLJNING, [demo_only]) == ["kind_followup_first"]


# -- the reference in time ----------------------------------------------------------------------------------------

_REF = load_reference(DATA_DIR)
_MUNICIPALITIES = [c for c in _REF.municipalities["kommun_kod"] if c != "0180"]
_DISTRICTS = list(_REF.districts["district_code"])


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)), code=st.sampled_from(_MUNICIPALITIES),
       district=st.sampled_from(_DISTRICTS))
def test_coverage_on_any_day(day: dt.date, code: str, district: str) -> None:
    """On any day, a municipality outside Stockholm city has exactly one police area, valid that day; a district
    has one or (Enskede-Årsta-Vantör) two, each valid that day."""
    (lpo,) = _REF.police_areas_covering("kommun", code, day)
    assert _REF.police_area_valid_on(lpo, day)
    found = _REF.police_areas_covering("stadsdel", district, day)
    assert 1 <= len(found) <= (2 if district == "enskede_arsta_vantor" else 1)
    assert all(_REF.police_area_valid_on(c, day) for c in found)


def test_successors_are_read_from_the_coverage() -> None:
    assert _REF.police_area_successors("norrmalm") == ["lidingo_kungsholmen", "norra_innerstaden"]
    assert _REF.police_area_successors("sodermalm") == []


# -- the command line --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli27')}/scenes.db"
    done = subprocess.run([SCENES, "--database", url, "init"], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    return url


def _run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCENES, "--database", db, *args], capture_output=True, text=True, timeout=120,
                          check=False)


def test_cli_validate_triages(db: str, tmp_path: Path) -> None:
    """`scenes validate`: errors first with their kinds and rows, then the warnings by kind; exit 1."""
    path = tmp_path / "scener.csv"
    path.write_bytes(analyst_files.windows_csv(load_reference(DATA_DIR)))
    done = _run(db, "validate", str(path), "--date", "2026-03-02", "--lang", "sv")
    assert done.returncode == 1, done.stderr
    out = done.stdout
    errors_at, warnings_at = out.index("10 FEL HINDRAR PUBLICERING"), out.index("Varningar (47)")
    assert errors_at < warnings_at
    assert "Lokalpolisområde som upphört före kartläggningen: 5 rader  [--apply police_area_dissolved: 5]" in out
    assert "rad 32: Norrmalm upphörde 2024-12-31" in out[errors_at:warnings_at]
    assert "Kategori skriven som namn: 46 rader  [--apply category_label: 46]" in out[warnings_at:]
    assert "'Sodertalje' liknar Södertälje men platsen ligger i Järfälla" in out[warnings_at:]
    assert "Utsatt område" not in out[errors_at:warnings_at]  # the harmless warnings are not among the errors


def test_cli_json_and_apply(db: str, tmp_path: Path) -> None:
    path = tmp_path / "scener.xlsx"
    path.write_bytes(analyst_files.xlsx(load_reference(DATA_DIR)))
    report = json.loads(_run(db, "validate", str(path), "--date", "2026-03-02", "--json").stdout)
    assert report["survey_date"] == "2026-03-02"
    assert [e["row"] for e in report["errors"]][:2] == [32, 33]
    assert {g["code"]: g["count"] for g in report["warning_groups"]} == {"municipality_name_mismatch": 1,
                                                                        "category_label": 46}
    done = _run(db, "validate", str(path), "--date", "2026-03-02", "--apply", "category_label",
                "--apply", "police_area_dissolved", "--json")
    assert "51 cell(s) changed" in done.stderr  # 46 labels + 5 police areas
    corrected = json.loads(done.stdout)
    assert corrected["file"] == "scener-rattad.xlsx"
    assert {g["code"] for g in corrected["error_groups"]} == {"police_area_required"}
    assert (tmp_path / "scener-rattad.xlsx").exists()
    refused = _run(db, "validate", str(path), "--apply", "no_such_kind")
    assert refused.returncode != 0
    assert "no_such_kind" in refused.stderr


def test_cli_import_checks_as_of_the_date(db: str, tmp_path: Path) -> None:
    """`scenes import --date 2026-…` refuses Norrmalm; the same (corrected) rows as of 2024 are published."""
    ref = load_reference(DATA_DIR)
    path = tmp_path / "scener.csv"
    path.write_bytes(analyst_files.windows_csv(ref))
    done = _run(db, "import", str(path), "--name", "K 2026", "--date", "2026-03-02")
    assert done.returncode == 1
    assert "Norrmalm upphörde 2024-12-31" in done.stderr or "Norrmalm ended on 2024-12-31" in done.stderr
    assert "Nothing was published." in done.stderr
