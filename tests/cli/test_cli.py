"""The `scenes` command line, run as analysts and operators would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.test_maps import _points

SCENES = str(Path(sys.executable).with_name("scenes"))


def _run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCENES, "--database", db, *args], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli')}/scenes.db"
    result = _run("init", "--demo", db=url)
    assert result.returncode == 0, result.stderr
    return url


def test_surveys_json_has_the_documented_keys(db: str) -> None:
    """`scenes surveys --json` lists every survey with id, name, date, kind, counts and the demo flag."""
    result = _run("surveys", "--json", db=db)
    items = json.loads(result.stdout)
    assert [(i["id"], i["scenes"], i["municipalities"], i["police_areas"], i["demo"]) for i in items] == [
        ("demo-2021", 64, 13, 15, True), ("demo-2023-11", 63, 13, 14, True), ("demo-2024-02", 53, 8, 12, True)]
    assert {"id", "name", "date", "kind", "scenes", "municipalities", "police_areas", "demo"} <= set(items[0])


def test_export_geojson_properties(db: str, tmp_path: Path) -> None:
    """GeoJSON export carries the documented properties, categories as a list of codes."""
    out = tmp_path / "s.geojson"
    assert _run("export", "demo-2024-02", "--format", "geojson", "-o", str(out), db=db).returncode == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    props = features[0]["properties"]
    assert len(features) == 53
    assert {"scene_id", "name", "kommun_kod", "kommun", "lokalpolisomrade", "categories", "status"} <= set(props)
    assert isinstance(props["categories"], list)


def test_export_csv_to_stdout(db: str) -> None:
    """CSV export (Swedish Excel style) writes a header and one row per scene."""
    lines = _run("export", "demo-2021", "--format", "csv", db=db).stdout.splitlines()
    assert (lines[0].split(";")[:3], len(lines)) == (["\ufeffscene_id", "name", "kommun_kod"], 65)


@pytest.mark.parametrize(("fmt", "magic"), [("xlsx", b"PK\x03\x04"), ("gpkg", b"SQLite format 3\x00")])
def test_binary_exports_need_a_file(db: str, tmp_path: Path, fmt: str, magic: bytes) -> None:
    """xlsx and gpkg are written to the file given with -o; without it, a clear error and nothing on stdout."""
    result = _run("export", "demo-2021", "--format", fmt, db=db)
    assert (result.returncode, result.stdout, "-o FILE" in result.stderr) == (1, "", True)
    out = tmp_path / f"s.{fmt}"
    assert _run("export", "demo-2021", "--format", fmt, "-o", str(out), db=db).returncode == 0
    assert out.read_bytes().startswith(magic)


def test_unknown_survey_is_a_clear_error(db: str) -> None:
    """An unknown survey id exits 1 with a message listing the known ids, and no traceback."""
    result = _run("export", "nope", db=db)
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert "demo-2021" in result.stderr


def test_environment_selects_the_store(db: str) -> None:
    """SCENES_DATABASE_URL selects the store when --database is not given."""
    import os

    env = {**os.environ, "SCENES_DATABASE_URL": db}
    result = subprocess.run([SCENES, "surveys", "--json"], capture_output=True, text=True, env=env, check=False,
                            timeout=120)
    assert len(json.loads(result.stdout)) == 3


def _steps(page: str) -> list[int]:
    """Scene markers of each step of an exported map's time series, oldest survey first (a step with no scene
    shown has no point layer)."""
    counts = [sum(1 for k in data["k"] if data["kinds"][k]["cls"] == "scene-marker") for data in _points(page)]
    return [n for n in counts if n]


def test_map_writes_standalone_filtered_html(db: str, tmp_path: Path) -> None:
    """`scenes map` writes the map page's HTML: every survey under the filters, stepped through, opening at the
    survey asked for, one marker per filtered scene, with every asset inlined."""
    out = tmp_path / "karta.html"
    result = _run("map", "demo-2024-02", "-o", str(out), "--municipality", "0180", "--category",
                  "social_utsatthet,festmiljo", db=db)
    page = out.read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert _steps(page)[-1] == 3  # Stockholm city scenes with those categories in the survey mapped (the latest)
    assert "<script src=" not in page
    assert "Exempeldata" in page


def test_map_defaults_to_latest_survey(db: str, tmp_path: Path) -> None:
    """Without a survey id the latest survey is mapped."""
    out = tmp_path / "latest.html"
    assert _run("map", "-o", str(out), db=db).returncode == 0
    assert _steps(out.read_text(encoding="utf-8")) == [64, 63, 53]  # every survey, the latest shown first


def test_progress_json(db: str) -> None:
    """`scenes progress --json`: per survey the count, area, areas, trajectory value and on-track flag."""
    data = json.loads(_run("progress", "--json", db=db).stdout)
    latest = data["surveys"][-1]
    assert data["goal"]["is_example"] is True
    assert (latest["scenes"], latest["municipalities"], latest["on_track"]) == (53, 8, latest["scenes"]
                                                                               <= latest["trajectory"])
    assert {"area_m2", "police_areas", "trajectory"} <= set(latest)


def test_counts_are_the_map_pages_count_line(db: str) -> None:
    """`scenes counts` under a municipality filter: new and ceased within it (Nacka: none of the county's 11 new
    scenes of November 2023, 2 of its 2021 scenes ceased), as the map page's line says; `--json` the same."""
    result = _run("counts", "demo-2023-11", "--municipality", "0182", "--compare", "prev", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 of 63 scenes in Kartläggning november 2023 (exempel). 0 new and 2 ceased "
                                    "since Kartläggning 2021 (exempel). Area: "), result.stdout
    data = json.loads(_run("counts", "demo-2023-11", "--municipality", "0182", "--compare", "prev", "--json",
                           db=db).stdout)
    assert (data["shown"], data["total"], data["new"], data["ceased"], data["compared_with"]["id"]) == (
        5, 63, 0, 2, "demo-2021")


def test_report_pdf(db: str, tmp_path: Path) -> None:
    """`scenes report -o FILE.pdf` writes a PDF."""
    out = tmp_path / "r.pdf"
    assert _run("report", "-o", str(out), db=db).returncode == 0
    assert out.read_bytes()[:5] == b"%PDF-"


def test_every_command_has_its_own_handler() -> None:
    """Each sub-command is dispatched by argparse to a handler of its own (no chain of `if command == ...`)."""
    import argparse

    from scenes.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    handlers = {name: p.get_default("handler") for name, p in sub.choices.items()}
    assert [name for name, h in handlers.items() if h is None] == []
    assert len(set(handlers.values())) == len(handlers)


# -- measures and safety indicators -----------------------------------------------------------------------------------
@pytest.fixture
def real_db(tmp_path: Path) -> str:
    """A store after `scenes init` without demo data (real measures are shown beside real surveys only; municipality
    and police-area measures need no survey)."""
    url = f"sqlite:///{tmp_path}/real.db"
    assert _run("init", db=url).returncode == 0
    return url


def test_measures_import_then_export_round_trip(real_db: str, tmp_path: Path) -> None:
    """`scenes measures import` stores a file (audited under --actor) and says how many were added; the export, as
    CSV or .xlsx, reads back unchanged (nothing added or updated)."""
    source = tmp_path / "atgarder.csv"
    source.write_text("kommun_kod;lokalpolisomrade;kind;actor;status;start_date\n"
                      "0180;;vard_stod;kommun_0180;planerad;2025-01-01\n"
                      ";jarva;polisiar;lpo_jarva;pagaende;\n", encoding="utf-8")
    result = _run("measures", "import", str(source), "--actor", "anna", db=real_db)
    assert result.returncode == 0, result.stderr
    assert "2 measure(s) added, 0 updated" in result.stdout
    exported = _run("measures", "export", db=real_db)
    assert exported.stdout.lstrip("\ufeff").startswith("measure_id;scene_id;kommun_kod;lokalpolisomrade;kind")
    assert len(exported.stdout.strip().splitlines()) == 3
    xlsx = tmp_path / "atgarder.xlsx"
    assert _run("measures", "export", "--format", "xlsx", "-o", str(xlsx), db=real_db).returncode == 0
    again = _run("measures", "import", str(xlsx), "--actor", "anna", db=real_db)
    assert "0 measure(s) added, 0 updated" in again.stdout
    history = _run("history", db=real_db).stdout
    assert "measure-import" in history
    assert "anna" in history


def test_a_bad_measures_file_is_reported_located_and_nothing_is_stored(real_db: str, tmp_path: Path) -> None:
    """Every problem is printed with its row and column (in Swedish by default), the exit code is 1 and the store
    is unchanged."""
    source = tmp_path / "fel.csv"
    source.write_text("kommun_kod;kind;actor;status\n0180;magi;kommun_0180;klar\n", encoding="utf-8")
    result = _run("measures", "import", str(source), "--actor", "anna", db=real_db)
    assert result.returncode == 1
    assert "Åtgärdsfilen har 2 problem; inget importerades." in result.stderr
    lines = [line.split() for line in result.stderr.splitlines()]
    assert lines[1][:3] == ["Allvar", "Rad", "Kolumn"]
    assert [words[1:4] for words in lines[2:]] == [["2", "kind", "magi"], ["2", "status", "klar"]]
    assert "Traceback" not in result.stderr
    assert len(_run("measures", "export", db=real_db).stdout.strip().splitlines()) == 1  # the header only


def test_a_record_file_over_the_byte_cap_is_read_only_up_to_the_cap(real_db: str, tmp_path: Path) -> None:
    """The file is read at most one byte past SCENES_MAX_UPLOAD_MB and refused as too large; nothing is stored."""
    import os

    big = tmp_path / "stor.csv"
    big.write_bytes(b"indicator;value\n" + b"x;1\n" * 300_000)  # 1.2 MB
    env = {**os.environ, "SCENES_MAX_UPLOAD_MB": "1"}
    result = subprocess.run([SCENES, "--database", real_db, "indicators", "import", str(big), "--actor", "anna",
                             "--lang", "en"], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 1
    assert "The file is 1.0 MB; the limit is 1.0 MB." in result.stderr
    assert "None" not in result.stderr
    assert "Traceback" not in result.stderr


def test_indicators_import_and_export(real_db: str, tmp_path: Path) -> None:
    """`scenes indicators import` adds values and, for the same indicator, area and date, replaces them; `export`
    writes the documented columns; xlsx needs -o."""
    source = tmp_path / "ind.csv"
    source.write_text("indicator;value;unit;date;area_level;area_code;source;source_url\n"
                      "Otrygghet (test);31,5;%;2024-12-31;lan;;Testkälla;https://example.org/a\n", encoding="utf-8")
    first = _run("indicators", "import", str(source), "--actor", "anna", db=real_db)
    assert first.returncode == 0, first.stderr
    assert "1 value(s) added, 0 replaced" in first.stdout
    assert "0 value(s) added, 1 replaced" in _run("indicators", "import", str(source), "--actor", "bo",
                                                  db=real_db).stdout
    exported = _run("indicators", "export", db=real_db).stdout.lstrip("\ufeff").splitlines()
    assert exported[0] == "indicator;value;unit;date;area_level;area_code;source;source_url;note"
    assert exported[1].startswith("Otrygghet (test);31,5;%;2024-12-31;lan;")
    refused = _run("indicators", "export", "--format", "xlsx", db=real_db)
    assert (refused.returncode, "-o FILE" in refused.stderr) == (1, True)
