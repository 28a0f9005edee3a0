"""One definition per figure (`scenes.domain.figures`, `scenes.domain.progress`), checked against the stored rows.

The property tests publish generated survey histories (merges and splits, reappearing scenes, withdrawn and demo
surveys, surveys of points only, small municipalities) into a real store, then compare what the app computes
(`Dashboard.counts`, `Dashboard.progress`, `scenes counts --json`) with a recomputation written here from the
rows read straight out of the SQLite file. The recomputation is deliberately plain and shares no code with the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from scenes.cli import main
from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.figures import measured_area
from scenes.domain.query import SceneFilter
from scenes.errors import NotFoundError
from scenes.model import Goal, Survey, SurveyKind
from scenes.settings import PROJECT_ROOT, Settings
from scenes.store import Store
from scenes.store.base import create_engine_for
from scenes.views.dashboard import Dashboard

MUNICIPALITIES = ("0123", "0180", "0188")  # Järfälla, Stockholm, Norrtälje (the small one)
POLICE_AREAS = ("lpo_a", "lpo_b")
CATEGORIES = ("cat_a", "cat_b", "cat_c")
STATUSES = ("st_1", "st_2")
POOL = tuple(f"S{i}" for i in range(9))
BASE = dt.date(2024, 1, 1)


# -- generated histories ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Plan:
    survey: Survey
    withdrawn: bool
    rows: list[dict[str, Any]]


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[Plan], str | None]:
    """1-4 surveys of 1-6 scenes each, and the goal's chosen baseline (maybe withdrawn, maybe none)."""
    n = draw(st.integers(1, 4))
    plans, before = [], []
    for k in range(n):
        ids = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=6, unique=True))
        points_only = draw(st.booleans())
        rows = []
        for sid in ids:
            new = sid not in before
            rows.append({
                "scene_id": sid, "kommun_kod": draw(st.sampled_from(MUNICIPALITIES)),
                "lokalpolisomrade": draw(st.sampled_from(POLICE_AREAS)),
                "categories": draw(st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=2, unique=True)),
                "status": draw(st.sampled_from(STATUSES)),
                # a new scene may continue earlier ones: two or more is a merge, one named by two is a split
                "predecessors": draw(st.lists(st.sampled_from(before), max_size=3, unique=True))
                if new and before else [],
                "area_m2": None if points_only or draw(st.booleans()) else draw(st.floats(5.0, 50_000.0)),
            })
        day = BASE + dt.timedelta(days=30 * draw(st.integers(0, 3)))  # two surveys may share a day: id orders
        survey = Survey(id=f"k{k}", name=f"Kartläggning {k}", date=day, kind=SurveyKind.KARTLAGGNING, source="test",
                        demo=draw(st.booleans()))
        plans.append(Plan(survey, draw(st.booleans()), rows))
        before = ids
    baseline = draw(st.none() | st.sampled_from([p.survey.id for p in plans]))
    return plans, baseline


filters = st.builds(
    SceneFilter,
    municipalities=st.lists(st.sampled_from(MUNICIPALITIES), max_size=2, unique=True).map(tuple),
    police_areas=st.lists(st.sampled_from(POLICE_AREAS), max_size=1, unique=True).map(tuple),
    categories=st.lists(st.sampled_from(CATEGORIES), max_size=2, unique=True).map(tuple),
    statuses=st.lists(st.sampled_from(STATUSES), max_size=1, unique=True).map(tuple),
)


def _frame(plan: Plan) -> gpd.GeoDataFrame:
    geometry = [box(17.8 + i / 100, 59.3, 17.805 + i / 100, 59.305) if r["area_m2"] is not None
                else Point(17.8 + i / 100, 59.3) for i, r in enumerate(plan.rows)]
    return gpd.GeoDataFrame({
        "survey_id": [plan.survey.id] * len(plan.rows), "name": [r["scene_id"] for r in plan.rows],
        "kommun": ["x"] * len(plan.rows), **{c: [r[c] for r in plan.rows] for c in plan.rows[0]},
    }, geometry=geometry, crs=4326)


@pytest.fixture(scope="module")
def empty_db() -> Iterator[Path]:
    """An SQLite file with the current schema, copied for each generated history (creating it each time is slow)."""
    folder = Path(tempfile.mkdtemp(prefix="figures-"))
    path = folder / "empty.db"
    store = Store(create_engine_for(f"sqlite:///{path}"))
    store.ensure_schema()
    store.engine.dispose()
    yield path
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def published(empty_db: Path, plans: list[Plan], baseline: str | None) -> Iterator[tuple[Dashboard, Path, str]]:
    folder = Path(tempfile.mkdtemp(prefix="figures-"))
    path = folder / "scenes.db"
    shutil.copy(empty_db, path)
    url = f"sqlite:///{path}"
    dash = Dashboard(Settings(database_url=url, state_dir=folder, data_dir=PROJECT_ROOT / "data"))
    try:
        for plan in plans:
            dash.store.add_survey(plan.survey, _frame(plan), actor="test")
        for plan in plans:
            if plan.withdrawn:
                dash.store.set_withdrawn(plan.survey.id, True, actor="test")
        dash.store.set_goal(Goal(target_count=1, target_date=dt.date(2027, 12, 31), is_example=False,
                                 baseline_survey_id=baseline), actor="test")
        yield dash, path, url
    finally:
        dash.store.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


# -- the independent recomputation, from the rows in the file --------------------------------------------------------
def _stored(path: Path) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The shown surveys oldest first (no withdrawn one; no demo one beside a real one), and each one's rows."""
    con = sqlite3.connect(path)
    try:
        every = [{"id": i, "name": n, "date": d, "demo": bool(demo), "withdrawn": bool(w)} for i, n, d, demo, w in
                 con.execute("SELECT id, name, date, demo, withdrawn FROM surveys")]
        rows: dict[str, list[dict[str, Any]]] = {}
        for sid, scene, kommun, lpo, cats, status, area in con.execute(
                "SELECT s.survey_id, s.scene_id, s.kommun_kod, s.lokalpolisomrade, s.categories, s.status, s.area_m2 "
                "FROM scenes s JOIN surveys v ON v.id = s.survey_id AND v.current_revision = s.revision"):
            rows.setdefault(sid, []).append({"scene_id": scene, "kommun_kod": kommun, "lpo": lpo,
                                             "categories": json.loads(cats), "status": status, "area_m2": area})
    finally:
        con.close()
    present = [s for s in every if not s["withdrawn"]]
    shown = [s for s in present if not s["demo"]] or present
    return sorted(shown, key=lambda s: (s["date"], s["id"])), rows


def _passes(row: dict[str, Any], f: SceneFilter) -> bool:
    return ((not f.municipalities or row["kommun_kod"] in f.municipalities)
            and (not f.police_areas or row["lpo"] in f.police_areas)
            and (not f.categories or any(c in f.categories for c in row["categories"]))
            and (not f.statuses or row["status"] in f.statuses))


def _area(rows: list[dict[str, Any]]) -> float | None:
    areas = [r["area_m2"] for r in rows if r["area_m2"] is not None]
    return sum(areas) if areas else None


def _expected_counts(path: Path, survey_id: str | None, compare_to: str | None, f: SceneFilter) -> dict[str, Any]:
    shown, rows = _stored(path)
    ids = [s["id"] for s in shown]
    at = ids.index(survey_id) if survey_id else len(ids) - 1
    now = rows.get(ids[at], [])
    kept = [r for r in now if _passes(r, f)]
    earlier = ids[at - 1] if compare_to == "prev" and at > 0 else compare_to if compare_to in ids[:at] else None
    out: dict[str, Any] = {"survey": ids[at], "compared_with": earlier, "shown": len(kept), "total": len(now),
                           "new": None, "ceased": None, "area_m2": _area(kept)}
    if earlier is not None:
        before = rows.get(earlier, [])
        before_ids, now_ids = {r["scene_id"] for r in before}, {r["scene_id"] for r in now}
        out["new"] = sum(1 for r in kept if r["scene_id"] not in before_ids)
        out["ceased"] = sum(1 for r in before if r["scene_id"] not in now_ids and _passes(r, f))
    return out


def _as_found(line: Any) -> dict[str, Any]:
    return {"survey": line.survey.id, "compared_with": None if line.earlier is None else line.earlier.id,
            "shown": line.shown, "total": line.total, "new": line.new, "ceased": line.ceased,
            "area_m2": line.area_m2}


def _same(found: dict[str, Any], expected: dict[str, Any]) -> None:
    area, wanted = found.pop("area_m2"), expected.pop("area_m2")
    assert found == expected
    assert (area is None) == (wanted is None), (area, wanted)  # not measured is never 0
    if wanted is not None:
        assert area == pytest.approx(wanted, abs=0.1)


def _cli_counts(url: str, survey_id: str | None, compare_to: str | None, f: SceneFilter) -> dict[str, Any]:
    args = ["--database", url, "counts", *([survey_id] if survey_id else []), "--json"]
    for option, values in (("--municipality", f.municipalities), ("--police-area", f.police_areas),
                           ("--category", f.categories), ("--status", f.statuses)):
        if values:
            args += [option, ",".join(values)]
    if compare_to:
        args += ["--compare", compare_to]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


# -- the properties ------------------------------------------------------------------------------------------------
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


@FAST
@given(history=histories(), f=filters, data=st.data())
def test_count_line_matches_the_stored_rows(empty_db: Path, history: tuple[list[Plan], str | None], f: SceneFilter,
                                            data: st.DataObject) -> None:
    """Shown, total, new and ceased (both within the filter), the compared survey and the area: as recomputed from
    the stored rows, for any survey and comparison; `scenes counts --json` says the same."""
    plans, baseline = history
    with published(empty_db, plans, baseline) as (dash, path, url):
        shown = [s.id for s in dash.surveys()]
        if not shown:  # every survey withdrawn: nothing to count, and no figure pretends otherwise
            with pytest.raises(NotFoundError):
                dash.counts(None, f, None)
            return
        survey_id = data.draw(st.none() | st.sampled_from(shown))
        compare_to = data.draw(st.sampled_from([None, "prev", *[p.survey.id for p in plans]]))
        expected = _expected_counts(path, survey_id, compare_to, f)
        line = dash.counts(survey_id, f, compare_to)
        _same(_as_found(line), dict(expected))
        cli = _cli_counts(url, survey_id, compare_to, f)
        assert cli == line.as_dict()  # the command line prints the core function's figures, nothing else
        cli["survey"] = cli["survey"]["id"]
        cli["compared_with"] = cli["compared_with"] and cli["compared_with"]["id"]
        _same(cli, dict(expected))


@FAST
@given(history=histories())
def test_key_figures_match_the_stored_rows(empty_db: Path, history: tuple[list[Plan], str | None]) -> None:
    """The latest survey against the baseline: count, change (None, so no arrow, when the baseline is the latest
    survey), area (None when not measured), and a withdrawn chosen baseline named with the one used instead."""
    plans, chosen = history
    with published(empty_db, plans, chosen) as (dash, path, _):
        shown, rows = _stored(path)
        ids = [s["id"] for s in shown]
        progress = dash.progress()
        if not ids:
            assert progress is None
            return
        assert progress is not None
        used = chosen if chosen in ids else ids[0]
        latest = ids[-1]
        assert (progress.latest.survey.id, progress.baseline.survey.id) == (latest, used)
        assert progress.latest.scenes == len(rows[latest])
        change = None if used == latest else len(rows[latest]) - len(rows[used])
        assert progress.change == change
        assert progress.compared == (used != latest)  # an arrow only between two surveys
        area = _area(rows[latest])
        assert (progress.latest.area_m2 is None) == (area is None)
        if area is not None:
            assert progress.latest.area_m2 == pytest.approx(area, abs=0.1)
        if progress.area_change_pct is not None:
            assert used != latest
            assert _area(rows[used])
        if chosen is None or chosen in ids:
            assert progress.swap is None
        else:
            assert progress.swap is not None
            assert (progress.swap.chosen_id, progress.swap.used.id) == (chosen, used)
            withdrawn = next(p.withdrawn for p in plans if p.survey.id == chosen)
            assert progress.swap.reason == ("withdrawn" if withdrawn else "demo")
        for stats in dash.stats():  # every survey's area: measured or not, never 0 for points only
            assert (stats.area_m2 is None) == (_area(rows[stats.survey.id]) is None)


# -- unit tests ------------------------------------------------------------------------------------------------------
def _survey(sid: str, day: dt.date, *, demo: bool = False) -> Survey:
    return Survey(id=sid, name=f"Kartläggning {sid}", date=day, kind=SurveyKind.KARTLAGGNING, source="test", demo=demo)


def _plan(sid: str, day: dt.date, rows: list[tuple[str, str, float | None]], *, demo: bool = False) -> Plan:
    return Plan(_survey(sid, day, demo=demo), False, [
        {"scene_id": scene, "kommun_kod": kommun, "lokalpolisomrade": "lpo_a", "categories": ["cat_a"],
         "status": "st_1", "predecessors": [], "area_m2": area} for scene, kommun, area in rows])


def test_points_only_area_is_not_measured() -> None:
    """A survey of points has no measured area: None, not 0 (and an empty frame likewise)."""
    frame = _frame(_plan("p", BASE, [("A", "0180", None), ("B", "0123", None)]))
    assert measured_area(frame) is None
    assert measured_area(frame.iloc[:0]) is None
    assert measured_area(_frame(_plan("q", BASE, [("A", "0180", 20.0), ("B", "0123", None)]))) == 20.0


def test_withdrawn_baseline_is_named_with_what_is_used(empty_db: Path) -> None:
    """The goal's baseline withdrawn: the earliest shown survey is used, and the report, the CLI and the pages
    name both; with only one survey left there is no change (no "+0 (+0 %)" arrow)."""
    plans = [_plan("a", BASE, [("A", "0180", 100.0), ("B", "0123", None)]),
             _plan("b", BASE + dt.timedelta(days=90), [("A", "0180", None)])]
    with published(empty_db, plans, "a") as (dash, _, url):
        before = dash.progress()
        assert before is not None
        assert (before.swap, before.change) == (None, -1)
        dash.withdraw("a", actor="test")
        after = dash.progress()
        assert after is not None
        assert after.swap is not None
        assert (after.swap.chosen_name, after.swap.reason, after.swap.used.id) == ("Kartläggning a", "withdrawn", "b")
        assert (after.change, after.change_pct, after.area_change_pct) == (None, None, None)
        assert after.latest.area_m2 is None  # points only: not measured
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["--database", url, "progress", "--json"]) == 0
        goal = json.loads(out.getvalue())["goal"]
        assert goal["baseline"] == "b"
        assert goal["baseline_not_used"]["id"] == "a"
        assert "withdrawn" in goal["baseline_not_used"]["note"]
        assert json.loads(out.getvalue())["surveys"][0]["area_m2"] is None
        from pypdf import PdfReader

        pdf = dash.report_pdf(lang="sv", disclosure=SHOW_ALL, exact=True)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert "Kartläggning a är återkallad. Utgångsläget är i stället Kartläggning b" in " ".join(text.split())
        assert "ej uppmätt" in text


def test_the_map_counts_new_scenes_within_the_filter(empty_db: Path) -> None:
    """The day-one case: filtered to Järfälla, the new scenes elsewhere in the county are not counted."""
    plans = [_plan("a", BASE, [("A", "0123", None), ("B", "0180", None)]),
             _plan("b", BASE + dt.timedelta(days=90), [("C", "0180", None), ("D", "0188", None)])]
    with published(empty_db, plans, None) as (dash, _, _):
        line = dash.counts(None, SceneFilter(municipalities=("0123",)), "prev")
        assert (line.shown, line.total, line.new, line.ceased) == (0, 2, 0, 1)
        county = dash.counts(None, SceneFilter(), "prev")
        assert (county.new, county.ceased) == (2, 2)
        single = dash.counts("a", SceneFilter(), "prev")  # nothing earlier: no comparison at all
        assert (single.earlier, single.new, single.ceased) == (None, None, None)
        with pytest.raises(NotFoundError):
            dash.counts("nope", SceneFilter(), None)


def test_an_upload_is_never_previewed_against_demo_data(empty_db: Path) -> None:
    """Before the first real survey there is nothing to compare an upload with; after it, the real one."""
    plans = [_plan("demo", BASE, [("A", "0180", 10.0)], demo=True)]
    with published(empty_db, plans, None) as (dash, _, _):
        assert dash.previous_survey(BASE + dt.timedelta(days=400)) is None
        dash.store.add_survey(_survey("real", BASE + dt.timedelta(days=30)), _frame(plans[0]), actor="test")
        found = dash.previous_survey(BASE + dt.timedelta(days=400))
        assert found is not None
        assert found.id == "real"


def test_overview_of_one_survey_of_points_has_no_arrow_and_no_area(app_env: Path) -> None:
    """Översikt over a single survey recorded as points: the count without a change (no arrow), the area "ej
    uppmätt" (not "0,0"), and the caption says there is nothing earlier to compare with."""
    from streamlit.testing.v1 import AppTest

    dash = Dashboard(Settings(state_dir=app_env))
    dash.init()
    plan = _plan("only", BASE, [("A", "0180", None), ("B", "0123", None), ("C", "0123", None)], demo=True)
    dash.store.add_survey(plan.survey, _frame(plan), actor="test")
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
    at.run()
    assert list(at.exception) == []
    metrics = {m.label: m for m in at.metric}
    assert (metrics["Öppna drogscener"].value, metrics["Öppna drogscener"].delta) == ("3", "")  # no delta, no arrow
    assert (metrics["Total yta (ha)"].value, metrics["Total yta (ha)"].delta) == ("ej uppmätt", "")
    assert any("Ingen tidigare kartläggning att jämföra med" in c.value for c in at.caption)


def test_overview_surveys_table_says_not_measured(app_env: Path) -> None:
    """Översikt's surveys table: a survey of points reads "ej uppmätt" in its area cell (not an empty cell or
    "–"), a survey with polygons its area in hectares."""
    from streamlit.testing.v1 import AppTest

    dash = Dashboard(Settings(state_dir=app_env))
    dash.init()
    for plan in (_plan("points", BASE, [("A", "0180", None), ("B", "0123", None)], demo=True),
                 _plan("areas", BASE + dt.timedelta(days=90), [("A", "0180", 20.0)], demo=True)):
        dash.store.add_survey(plan.survey, _frame(plan), actor="test")
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
    at.run()
    assert list(at.exception) == []
    table = next(d.value for d in at.dataframe if "Yta (ha)" in d.value.columns and "Namn" in d.value.columns)
    areas = dict(zip(table["Namn"], table["Yta (ha)"], strict=True))
    assert areas["Kartläggning points"] == "ej uppmätt"
    assert areas["Kartläggning areas"] not in ("ej uppmätt", "–", "", None)
