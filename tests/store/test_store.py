"""The store: round trips, never overwriting, atomic writes, schema versions and migrations."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
import sqlalchemy as sa
from shapely.geometry import Point

from scenes.errors import NotFoundError, StoreError
from scenes.model import EXAMPLE_GOAL, Goal, Survey, SurveyKind
from scenes.settings import Settings
from scenes.store import Store, create_engine_for
from scenes.store import schema as store_schema
from scenes.views.dashboard import Dashboard


def _survey(survey_id: str = "s1") -> Survey:
    return Survey(survey_id, "Test", dt.date(2025, 5, 1), SurveyKind.UPPFOLJNING, "test", False)


def _frame(n: int = 2) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({
        "scene_id": [f"A{i}" for i in range(n)], "name": [f"Plats {i} – Å\"'<b>" for i in range(n)],
        "kommun_kod": ["0127"] * n, "kommun": ["Botkyrka"] * n, "lokalpolisomrade": ["botkyrka"] * n,
        "categories": [["utsatt_omrade", "festmiljo"]] * n, "status": ["aktiv"] * n, "impact": [3] * n,
        "predecessors": [["X1"]] * n, "notes": ["anteckning"] * n,
    }, geometry=[Point(17.83 + i / 1000, 59.2) for i in range(n)], crs=4326)


def test_demo_round_trip_keeps_every_attribute(demo: Dashboard) -> None:
    """Scenes read back from the store equal the committed demo files, attribute for attribute."""
    from scenes.domain.demo import load_demo

    for item in load_demo(demo.settings.data_dir):
        got = demo.store.scenes(item.survey.id)
        assert got.drop(columns="geometry").equals(item.scenes.drop(columns="geometry"))
        assert got.geometry.geom_equals_exact(item.scenes.geometry, tolerance=1e-7).all()


def test_survey_metadata_round_trip(store: Store) -> None:
    """Survey fields come back as written, with a creation time and author."""
    store.add_survey(_survey(), _frame(), actor="analyst@example.se")
    got = store.survey("s1")
    assert (got.name, got.date, got.kind, got.demo, got.created_by) == (
        "Test", dt.date(2025, 5, 1), SurveyKind.UPPFOLJNING, False, "analyst@example.se")
    assert got.created_at is not None
    assert got.created_at.tzinfo is not None


def test_published_survey_is_never_overwritten(store: Store) -> None:
    """Publishing an existing id fails and leaves the original scenes untouched."""
    store.add_survey(_survey(), _frame(2), actor="test")
    with pytest.raises(StoreError, match="never overwritten"):
        store.add_survey(_survey(), _frame(5), actor="test")
    assert len(store.scenes("s1")) == 2


def test_failed_write_leaves_nothing_behind(store: Store) -> None:
    """A scene row that violates the schema aborts the whole survey: no survey row, no scene rows."""
    bad = _frame(3)
    bad.loc[2, "kommun_kod"] = None  # NOT NULL violated on the last row
    version = store.data_version()
    with pytest.raises(sa.exc.IntegrityError):
        store.add_survey(_survey(), bad, actor="test")
    assert (store.surveys(), len(store.scenes()), store.data_version()) == ([], 0, version)


def test_surveys_come_oldest_first_by_date_then_id(store: Store) -> None:
    """The one survey order is the store's contract: by date, then id, however they were added; callers never
    re-sort (`Survey.order` is the same key)."""
    added = [("s-late", dt.date(2025, 9, 1)), ("b-same-day", dt.date(2024, 3, 1)), ("a-same-day", dt.date(2024, 3, 1)),
             ("z-early", dt.date(2021, 1, 1))]
    for survey_id, day in added:
        survey = Survey(survey_id, survey_id, day, SurveyKind.UPPFOLJNING, "test", False)
        store.add_survey(survey, _frame(), actor="test")
    expected = ["z-early", "a-same-day", "b-same-day", "s-late"]
    assert [s.id for s in store.all_surveys()] == expected
    assert [s.id for s in store.surveys()] == expected
    assert [s.id for s in sorted(store.all_surveys(), key=lambda s: s.order)] == expected


def test_unknown_survey_names_the_known_ones(demo: Dashboard) -> None:
    """Asking for a missing survey says which ones exist."""
    with pytest.raises(NotFoundError, match="demo-2021"):
        demo.store.scenes("nope")


def test_data_version_grows_with_each_write(store: Store) -> None:
    """Every write bumps the data version that caches key on."""
    v0 = store.data_version()
    store.add_survey(_survey(), _frame(), actor="test")
    store.set_goal(Goal(20, dt.date(2027, 12, 31)), actor="test")
    assert store.data_version() == v0 + 2


def test_goal_defaults_to_labelled_example_then_saved_value(store: Store) -> None:
    """Until the steering group saves a goal the example is returned, flagged as an example."""
    assert store.goal() == EXAMPLE_GOAL
    assert store.goal().is_example
    store.set_goal(Goal(40, dt.date(2027, 6, 30), target_area_m2=100000.0), actor="test")
    assert store.goal() == Goal(40, dt.date(2027, 6, 30), 100000.0, is_example=False)


def test_seminars_seeded_once_with_unknown_date(demo: Dashboard) -> None:
    """The two shipped seminars are stored; the 2025 one has no date but keeps its registration deadline."""
    demo.init(demo=True)  # a second init adds nothing
    items = demo.store.seminars()
    assert [s.date for s in items] == [dt.date(2022, 9, 14), None]
    assert items[1].registration_deadline == dt.date(2025, 11, 4)
    assert len(items[0].programme) == 6
    assert len(items[1].programme) == 9


def test_init_is_idempotent(demo: Dashboard) -> None:
    """Running init --demo again adds no surveys and no seminars."""
    report = demo.init(demo=True)
    assert (report.created_schema, report.seminars_added, report.demo_surveys_added) == (False, 0, [])
    assert len(demo.store.surveys()) == 3


def test_store_without_schema_says_how_to_create_it(settings: Settings) -> None:
    """Reading an uninitialised store is a clear error naming the command to run."""
    with pytest.raises(StoreError, match="scenes init"):
        Store.from_settings(settings).surveys()


def test_newer_schema_is_refused(store: Store) -> None:
    """A database written by a newer program version is not touched."""
    with store.engine.begin() as conn:
        conn.execute(store_schema.schema_version.insert().values(version=99, applied_at=dt.datetime.now(dt.UTC)))
    with pytest.raises(StoreError, match="newer"):
        store.ensure_schema()


def test_sqlite_folder_is_created(tmp_path: Settings) -> None:
    """The SQLite file's folder is created on demand (the state folder is not in git)."""
    engine = create_engine_for(f"sqlite:///{tmp_path}/a/b/scenes.db")
    Store(engine).ensure_schema()
    assert (tmp_path / "a" / "b" / "scenes.db").exists()  # type: ignore[operator]
