"""The `scenes` command line, run as analysts and operators would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_maps import _markers

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


def test_map_writes_standalone_filtered_html(db: str, tmp_path: Path) -> None:
    """`scenes map` writes one marker per filtered scene, with every asset inlined."""
    out = tmp_path / "karta.html"
    result = _run("map", "demo-2024-02", "-o", str(out), "--municipality", "0180", "--category",
                  "social_utsatthet,festmiljo", db=db)
    page = out.read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert _markers(page) == 3  # Stockholm city scenes with those categories
    assert "<script src=" not in page
    assert "Exempeldata" in page


def test_map_defaults_to_latest_survey(db: str, tmp_path: Path) -> None:
    """Without a survey id the latest survey is mapped."""
    out = tmp_path / "latest.html"
    assert _run("map", "-o", str(out), db=db).returncode == 0
    assert _markers(out.read_text(encoding="utf-8")) == 53


def test_progress_json(db: str) -> None:
    """`scenes progress --json`: per survey the count, area, areas, trajectory value and on-track flag."""
    data = json.loads(_run("progress", "--json", db=db).stdout)
    latest = data["surveys"][-1]
    assert data["goal"]["is_example"] is True
    assert (latest["scenes"], latest["municipalities"], latest["on_track"]) == (53, 8, latest["scenes"]
                                                                               <= latest["trajectory"])
    assert {"area_m2", "police_areas", "trajectory"} <= set(latest)


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
