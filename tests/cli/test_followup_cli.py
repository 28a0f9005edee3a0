"""`scenes followup`, run as an analyst without a GIS program would: start a draft, export it, finish it in a file,
load it back, and publish it; a draft with scenes left is refused with the reason."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import _run


def test_a_follow_up_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/scenes.db"
    assert _run("init", "--demo", db=db).returncode == 0
    mapping = tmp_path / "kartlaggning.geojson"  # the county's own survey (a follow-up of demo data takes no file)
    assert _run("export", "demo-2024-02", "-o", str(mapping), db=db).returncode == 0
    imported = _run("import", str(mapping), "--name", "Kartläggning 2024", "--date", "2024-02-01", "--id", "k2024",
                    db=db)
    assert imported.returncode == 0, imported.stderr
    started = _run("followup", "start", "--survey", "k2024", "--id", "uppf-test", "--actor", "anna", db=db)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "uppf-test"
    assert "53 scenes of k2024" in started.stderr

    status = json.loads(_run("followup", "status", "uppf-test", "--json", db=db).stdout)
    assert status["totals"]["unvisited"] == 53
    assert sum(m["left"] for m in status["municipalities"]) == 53

    refused = _run("followup", "publish", "uppf-test", "--name", "Uppföljning", "--date", "2024-06-01", db=db)
    assert refused.returncode == 1
    assert "53 scenes have not been revisited yet" in refused.stderr
    assert "Nothing was published." in refused.stderr

    exported = tmp_path / "utkast.geojson"
    assert _run("followup", "export", "uppf-test", "-o", str(exported), db=db).returncode == 0
    collection = json.loads(exported.read_text(encoding="utf-8"))
    features = collection["features"]
    ceased = features.pop(0)["properties"]["scene_id"]  # worked away
    split = features.pop(0)
    parent = split["properties"]["scene_id"]
    for n in (1, 2):  # split in two, each part continuing the scene
        part = json.loads(json.dumps(split))
        part["properties"].update(scene_id=f"{parent}-D{n}", predecessors=[parent])
        features.append(part)
    exported.write_text(json.dumps(collection), encoding="utf-8")
    loaded = _run("followup", "load", "uppf-test", str(exported), "--actor", "anna", db=db)
    assert loaded.returncode == 0, loaded.stderr
    assert "0 scenes left to revisit" in loaded.stderr

    published = _run("followup", "publish", "uppf-test", "--name", "Uppföljning juni 2024", "--date", "2024-06-01",
                     "--actor", "anna", db=db)
    assert published.returncode == 0, published.stderr
    assert "k2024 -> 53 scenes: 51 persisting, 2 new, 2 ceased, 0 merged, 1 split." in published.stderr
    survey_id = published.stdout.strip()
    surveys = {s["id"]: s for s in json.loads(_run("surveys", "--json", db=db).stdout)}
    assert surveys[survey_id]["kind"] == "uppföljning"
    assert surveys[survey_id]["scenes"] == 53
    listed = _run("followup", "status", db=db).stdout
    assert f"uppf-test  published -> {survey_id}" in listed
    again = _run("followup", "load", "uppf-test", str(exported), db=db)
    assert again.returncode == 1
    assert "is published" in again.stderr
    assert ceased not in {f["properties"]["scene_id"] for f in features}
