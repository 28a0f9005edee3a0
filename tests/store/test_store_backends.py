"""The store on both backends (SQLite file and a real PostgreSQL server): data, revisions, migration, faults.

Under CI=true the PostgreSQL variants must run (.ci/run installs and starts the server); elsewhere they use
SCENES_TEST_POSTGRES_URL or start a throwaway cluster, and skip with a hint if PostgreSQL is not installed.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from scenes.access.sessions import Sessions
from scenes.errors import StoreError
from scenes.model import Survey, SurveyKind
from scenes.store import SCHEMA_VERSION, Store, create_engine_for
from scenes.store.migrations import upgrade, v1_metadata
from scenes.views.dashboard import Dashboard

SCENES = str(Path(sys.executable).with_name("scenes"))


def _survey(sid: str) -> Survey:
    return Survey(sid, sid, dt.date(2024, 12, 1), SurveyKind.KARTLAGGNING, "test", False)


def test_demo_round_trip(dash: Dashboard) -> None:
    """The demo surveys come back with their counts and every attribute, on both backends."""
    from scenes.domain.demo import load_demo

    for item in load_demo(dash.settings.data_dir):
        got = dash.store.scenes(item.survey.id)
        assert got.drop(columns="geometry").equals(item.scenes.drop(columns="geometry"))


def test_revisions_rollback_and_audit(dash: Dashboard) -> None:
    """Revisions are kept, rollback restores, and the audit log records each step, on both backends."""
    frame = dash.store.scenes("demo-2021")
    revision = dash.store.add_revision("demo-2021", frame.iloc[:10], actor="a", file_name="f.csv",
                                       sha256="ab" * 32)
    assert (revision, len(dash.store.scenes("demo-2021"))) == (2, 10)
    dash.store.rollback("demo-2021", 1, actor="a")
    assert len(dash.store.scenes("demo-2021")) == 64
    log = dash.store.audit()
    assert list(log["action"][:2]) == ["rollback", "revise"]
    assert log.iloc[1]["sha256"] == "ab" * 32


def _version_1_store(url: str) -> sa.Engine:
    """A genuine schema-1 store with one real survey, built from the frozen first schema."""
    engine = create_engine_for(url)
    md = v1_metadata()
    md.create_all(engine)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(md.tables["schema_version"].insert().values(version=1, applied_at=now))
        conn.execute(md.tables["meta"].insert().values(key="data_version", value="1"))
        conn.execute(md.tables["surveys"].insert().values(
            id="old", name="Gammal", date=dt.date(2021, 12, 1), kind="kartläggning", source="s", demo=False,
            notes="", created_at=now, created_by="v1"))
        conn.execute(md.tables["scenes"].insert().values(
            survey_id="old", scene_id="S1", name="Plats", kommun_kod="0127", kommun="Botkyrka",
            lokalpolisomrade="botkyrka", stadsdel=None, categories='["utsatt_omrade"]', status=None, impact=None,
            predecessors="[]", notes="", area_m2=None, geometry_wkt="POINT (17.83 59.2)"))
    return engine


def _stored_at(url: str, version: int) -> sa.Engine:
    """A store at schema `version`: the version-1 store brought there by the frozen steps, as that release did."""
    engine = _version_1_store(url)
    with engine.begin() as conn:
        for reached in upgrade(conn, 1, version):
            conn.execute(sa.text("INSERT INTO schema_version (version, applied_at) VALUES (:v, :t)"),
                         {"v": reached, "t": dt.datetime.now(dt.UTC)})
    return engine


def _schema_of(engine: sa.Engine) -> dict[str, object]:
    """What a schema is made of: per table its columns (name, type, nullable), primary key, indexes and foreign
    keys. Defaults are left out (an ALTER TABLE writes them differently from CREATE TABLE, to the same effect)."""
    inspector = sa.inspect(engine)
    shape: dict[str, object] = {}
    for table in sorted(inspector.get_table_names()):
        shape[table] = {
            "columns": sorted((c["name"], str(c["type"].compile(engine.dialect)), c["nullable"])
                              for c in inspector.get_columns(table)),
            "primary key": sorted(inspector.get_pk_constraint(table)["constrained_columns"]),
            "indexes": sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)),
            "foreign keys": sorted((tuple(f["constrained_columns"]), f["referred_table"],
                                    tuple(f["referred_columns"])) for f in inspector.get_foreign_keys(table)),
        }
    return shape


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_every_earlier_schema_upgrades(backend_url: str, start: int) -> None:
    """A store of every earlier schema version upgrades to the current one with its data, on both backends."""
    engine = _stored_at(backend_url, start)
    store = Store(engine)
    with pytest.raises(StoreError, match="scenes init") as refused:  # before the upgrade: a clear refusal
        store.surveys()
    assert refused.value.code == "schema_older"
    store.ensure_schema()
    assert store.version() == SCHEMA_VERSION
    assert list(store.scenes("old")["name"]) == ["Plats"]
    assert store.survey("old").revision == 1
    assert store.survey("old").withdrawn is False  # v4: shown unless withdrawn
    assert list(store.revisions("old")["rows"]) == [1]
    assert not store.demo_mode()  # real data was there: sign-in is required after the upgrade
    store.add_revision("old", store.scenes("old"), actor="test")  # the upgraded store takes revisions
    assert store.survey("old").revision == 2
    token = Sessions(store, "k" * 32, idle=dt.timedelta(minutes=5), lifetime=dt.timedelta(hours=1)).start("x")
    assert token  # v4: the sessions table exists and takes rows
    assert store.reference_tables() == {}  # v5: the reference tables exist, empty until `scenes init` seeds them
    assert store.measures() == []  # v6: measures and indicators exist
    assert store.indicators() == []
    engine.dispose()


def test_an_upgraded_store_has_the_fresh_schema(backend_url: str, tmp_path: Path) -> None:
    """The frozen steps, run from version 1, end in exactly the schema a fresh store is created with: no step
    leaves a column, key or index different from the live definitions."""
    upgraded = _version_1_store(backend_url)
    Store(upgraded).ensure_schema()
    if backend_url.startswith("sqlite"):
        fresh = create_engine_for(f"sqlite:///{tmp_path}/fresh.db")
    else:  # a second database on the same server
        fresh = create_engine_for(backend_url)
        with fresh.connect() as conn:
            conn.execute(sa.text("COMMIT"))
            conn.execute(sa.text("CREATE SCHEMA fresh"))
            conn.commit()
        fresh = sa.create_engine(backend_url, connect_args={"options": "-csearch_path=fresh"})
    Store(fresh).ensure_schema()
    assert _schema_of(upgraded) == _schema_of(fresh)
    upgraded.dispose()
    fresh.dispose()


def test_failed_import_writes_nothing(dash: Dashboard, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after some rows were inserted rolls the whole survey back, on both backends."""
    frame = dash.store.scenes("demo-2021")
    before = (len(dash.store.surveys()), len(dash.store.scenes()), dash.store.data_version(), len(dash.store.audit()))
    calls = {"n": 0}
    original = Store._insert_chunk

    def failing(self: Store, conn: sa.Connection, rows: list[dict[str, object]]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("injected")
        original(self, conn, rows)

    monkeypatch.setattr(Store, "CHUNK", 10)
    monkeypatch.setattr(Store, "_insert_chunk", failing)
    with pytest.raises(RuntimeError):
        dash.store.add_survey(_survey("half"), frame, actor="test")
    after = (len(dash.store.surveys()), len(dash.store.scenes()), dash.store.data_version(), len(dash.store.audit()))
    assert after == before


def _import(url: str, path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([SCENES, "--database", url, "import", str(path), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_imports_at_once_both_land(dash: Dashboard, tmp_path: Path) -> None:
    """Two processes importing different surveys at the same moment both land, complete."""
    path = tmp_path / "e.geojson"
    path.write_bytes(dash.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    url = dash.settings.effective_database_url
    procs = [_import(url, path, "--name", f"Parallell {i}", "--date", "2024-05-0" + str(i + 1)) for i in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    new = [s for s in dash.store.surveys() if s.name.startswith("Parallell")]
    assert sorted(len(dash.store.scenes(s.id)) for s in new) == [53, 53]


def test_two_revisions_at_once_never_mix(dash: Dashboard, tmp_path: Path) -> None:
    """Two processes revising one survey at once: two complete revisions, or one clear conflict; never a mix."""
    full, part = tmp_path / "full.geojson", tmp_path / "part.csv"
    full.write_bytes(dash.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    lines = dash.export("demo-2024-02", "csv", precision="exact", lang="sv").decode("utf-8").splitlines()
    part.write_text("\n".join(lines[:21]) + "\n", encoding="utf-8")  # header + 20 scenes
    url = dash.settings.effective_database_url
    # revision 1 differs from both files (an unchanged file would publish no revision)
    real = dash.store.add_survey(_survey("real"), dash.store.scenes("demo-2024-02").iloc[:30], actor="test").id
    procs = [_import(url, f, "--revise", real) for f in (full, part)]
    results = [p.communicate(timeout=120) for p in procs]
    codes = [p.returncode for p in procs]
    revisions = dash.store.revisions(real)
    if codes == [0, 0]:
        assert sorted(revisions["rows"]) == [20, 30, 53]
    else:
        assert sorted(codes) == [0, 1]
        assert any("same moment" in err for _, err in results)
    for rev, rows in zip(revisions["revision"], revisions["rows"], strict=True):
        dash.store.rollback(real, int(rev), actor="test")
        assert len(dash.store.scenes(real)) == rows  # each revision is exactly its file


KILL_SCRIPT = """
import sys, time
from scenes.views.dashboard import Dashboard
from scenes.settings import Settings
from scenes.store import Store
from scenes.model import Survey, SurveyKind
import datetime as dt
dash = Dashboard(Settings(database_url=sys.argv[1], state_dir=sys.argv[2]))
frame = dash.store.scenes("demo-2021")
original = Store._insert_chunk
def slow(self, conn, rows):
    original(self, conn, rows)
    print("chunk", flush=True)
    time.sleep(0.3)
Store._insert_chunk = slow
Store.CHUNK = 5
survey = Survey("killed", "Killed", dt.date(2025, 1, 1), SurveyKind.KARTLAGGNING, "", False)
dash.store.add_survey(survey, frame, actor="t")
print("finished", flush=True)
"""


def test_sigkill_during_import_leaves_data_intact(dash: Dashboard, tmp_path: Path) -> None:
    """A process killed (SIGKILL) in the middle of an import leaves the published data intact and readable."""
    before = {s.id: len(dash.store.scenes(s.id)) for s in dash.store.surveys()}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, dash.settings.effective_database_url,
                             str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    chunks = 0
    while chunks < 3:  # some rows are written inside the open transaction
        line = proc.stdout.readline()
        assert line, "the importer ended early"
        chunks += line.startswith("chunk")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    time.sleep(0.5)
    fresh = Store(create_engine_for(dash.settings.effective_database_url))
    after = {s.id: len(fresh.scenes(s.id)) for s in fresh.surveys()}
    assert after == before
    assert "killed" not in after
    if fresh.engine.dialect.name == "sqlite":
        with fresh.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with pytest.raises(StoreError, match="scenes init"):
        Store(create_engine_for(f"sqlite:///{tmp_path}/other.db")).surveys()
    fresh.engine.dispose()


def test_sessions_locks_and_demo_removal(dash: Dashboard) -> None:
    """Day one on both backends: a session shared by two instances and revoked; a lock; demo data removed."""
    t0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    dash.add_user("ada", "ett långt lösenord", "admin", actor="cli:op")
    other = Dashboard(dash.settings, store=Store(create_engine_for(dash.settings.effective_database_url)))
    token = dash.sessions.start("ada")
    assert other.sessions.resolve(token).role == "admin"  # the secret and the row are shared through the database
    other.set_role("ada", "admin", actor="ada")  # any account change ends the sessions everywhere
    assert dash.sessions.resolve(token).state == "invalid"
    for i in range(5):
        dash.accounts.authenticate("ada", "fel lösenord!!", client="x", now=t0 + dt.timedelta(seconds=i))
    right = "ett långt lösenord"
    assert other.accounts.authenticate("ada", right, client="x", now=t0 + dt.timedelta(seconds=6)) is None
    assert other.accounts.authenticate("ada", right, client="y", now=t0 + dt.timedelta(seconds=7)) == "admin"
    dash.store.add_survey(_survey("real"), dash.store.scenes("demo-2024-02"), actor="ada")
    assert [s.id for s in other.surveys()] == ["real"]
    assert other.remove_demo(actor="ada") == ["demo-2021", "demo-2023-11", "demo-2024-02"]
    assert [s.id for s in dash.all_surveys()] == ["real"]
    other.store.engine.dispose()


def test_measures_and_indicators_on_both_backends(dash: Dashboard) -> None:
    """Demo measures are stored at init and leave with the demo; a second instance sees a measure saved by the
    first and cannot save on top of a version it did not show; indicator values are replaced by key, on SQLite and
    PostgreSQL alike."""
    from scenes.domain.indicators import Indicator
    from scenes.domain.measures import Measure

    assert len(dash.measures()) == 61
    assert all(m.demo for m in dash.measures())
    other = Dashboard(dash.settings)  # another app instance on the same database
    real = Survey("k2025", "Skarp", dt.date(2025, 3, 1), SurveyKind.KARTLAGGNING, "s", False)
    dash.store.add_survey(real, dash.store.scenes("demo-2024-02").assign(survey_id="k2025"), actor="ana")
    scene = str(dash.store.scenes("k2025")["scene_id"].iloc[0])
    first = dash.save_measure(Measure("atg-1", "uppsokande", "region_stockholm", "planerad", scene_id=scene),
                              actor="ana")
    seen = other.measures()
    assert [(m.measure_id, m.version) for m in seen] == [("atg-1", 1)]
    dash.save_measure(replace(first, status="pagaende"), actor="ana")
    with pytest.raises(StoreError) as stale:
        other.save_measure(replace(seen[0], note="from the other instance"), actor="bo")
    assert stale.value.code == "measure_changed"
    item = Indicator("Otrygghet", 31.5, "%", dt.date(2024, 6, 30), "lan", "", "Källa", "https://example.se")
    assert dash.store.save_indicators([item], actor="ana") == (1, 0)
    assert other.store.save_indicators([replace(item, value=30.0)], actor="bo") == (0, 1)
    assert [i.value for i in dash.indicators()] == [30.0]
    dash.remove_demo(actor="admin")
    assert [m.measure_id for m in dash.store.measures(include_removed=True)] == ["atg-1"]
