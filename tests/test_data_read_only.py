"""The app never writes `data/` at run time: a deployment can ship it read-only, every instance reads the same
files, and a `git pull` never meets local edits. Reference edits live in the store.

The journey runs under an audit hook that refuses any write, rename, removal or new folder below `data/` (as the
operating system would for a read-only folder; the suite may run as root, which ignores file modes), and the
folder's contents are compared before and after.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.auth import allowed_pages
from scenes.domain.disclosure import SHOW_ALL
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.conftest import DATA_DIR, TEST_PASSWORD, fingerprint

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_guard: dict[str, object] = {"root": None, "refused": []}


def _below_data(path: object) -> bool:
    root = _guard["root"]
    if root is None or not isinstance(path, str | bytes | os.PathLike):
        return False
    target = Path(os.fsdecode(path) if not isinstance(path, os.PathLike) else os.fspath(path))
    return str(target.resolve()).startswith(str(root))


def _writes_below_data(event: str, args: tuple[object, ...]) -> bool:
    if event == "open" and len(args) >= 3:
        mode, flags = args[1], args[2]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and bool(flags & _WRITE_FLAGS))
        return writes and _below_data(args[0])
    moves = ("os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.truncate", "shutil.rmtree")
    return event in moves and any(_below_data(a) for a in args[:2])


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _guard["root"] is not None and _writes_below_data(event, args):
        refused = _guard["refused"]
        assert isinstance(refused, list)
        refused.append((event, str(args[0])))
        raise PermissionError(f"data/ is read-only: {args[0]}")


sys.addaudithook(_hook)  # hooks cannot be removed; it does nothing outside `read_only_data`


@pytest.fixture
def read_only_data() -> Iterator[list[tuple[str, str]]]:
    before = fingerprint(DATA_DIR)
    refused: list[tuple[str, str]] = []
    _guard.update(root=DATA_DIR.resolve(), refused=refused)
    try:
        yield refused
    finally:
        _guard.update(root=None, refused=[])
    assert fingerprint(DATA_DIR) == before


def test_the_guard_refuses_a_write(read_only_data: list[tuple[str, str]]) -> None:
    """The guard works: a write below data/ is refused (so the journey below would fail on one)."""
    with pytest.raises(PermissionError):
        (DATA_DIR / "reference" / "probe.csv").write_text("x")
    assert read_only_data == [("open", str(DATA_DIR / "reference" / "probe.csv"))]
    read_only_data.clear()


def test_a_deployment_runs_with_data_read_only(app_env: Path, signed_in: Callable[..., AppTest],
                                               read_only_data: list[tuple[str, str]]) -> None:
    """From `scenes init` through the first administrator, a real survey, a reference edit, exports and the
    report, to every page an administrator opens: nothing below data/ is written."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=False)
    dash.add_user("admin", TEST_PASSWORD, "admin", actor="scenes cli")
    from scenes.domain.demo import load_demo
    from scenes.model import Survey, SurveyKind
    from scenes.render.exports import export_scenes

    assert dash.store.all_surveys() == []  # a real deployment: no demo surveys
    item = load_demo(DATA_DIR)[-1]
    check = dash.check_upload("kartlaggning.geojson", export_scenes(item.scenes, "geojson", dash.reference),
                             survey_date=item.survey.date)
    assert check.ok, check.result.errors
    survey = Survey("host-2026", "Kartläggning hösten 2026", item.survey.date, SurveyKind.KARTLAGGNING, "test",
                    False)
    survey_id, _ = dash.publish(check, survey=survey, actor="admin")
    frame = dash.reference.categories[["code", "label_sv", "label_en", "description_sv", "description_en",
                                       "color", "working_name"]].copy()
    frame.loc[frame["code"] == "festmiljo", "label_sv"] = "Nöjesmiljö"
    assert dash.save_reference("categories", frame, actor="admin")
    for fmt in ("csv", "xlsx", "geojson", "gpkg"):
        assert dash.export(survey_id, fmt, precision="exact", lang="sv")
    assert dash.report_pdf("sv", disclosure=SHOW_ALL, exact=True).startswith(b"%PDF")
    at = signed_in("admin")
    at.run()
    for page in allowed_pages("admin"):
        at.switch_page(f"screens/{page}.py")
        at.run()
        assert list(at.exception) == [], page
        assert [e.value for e in at.error] == [], page
    assert read_only_data == []
    assert (PROJECT_ROOT / "data") == DATA_DIR
