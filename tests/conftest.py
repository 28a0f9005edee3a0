"""Shared fixtures. Stores are built from code in a temporary folder; nothing touches var/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenes.reference import Reference, load_reference
from scenes.settings import PROJECT_ROOT, Settings
from scenes.store import Store
from scenes.views.dashboard import Dashboard

DATA_DIR = PROJECT_ROOT / "data"


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below `folder` and its SHA-256: equal before and after means nothing was written there."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def ref() -> Reference:
    """The shipped reference tables."""
    return load_reference(DATA_DIR)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing the SQLite store at a temporary folder.

    Failed sign-ins answer at once here (the floor that evens out their timing is 0): the tests check that every
    failure does the same work instead, and `make bench` shows the times. The app and the browser tests keep the
    default floor.
    """
    return Settings(state_dir=tmp_path / "state", data_dir=DATA_DIR, sign_in_failure_seconds=0)


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: PostgreSQL tests must run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL server: SCENES_TEST_POSTGRES_URL if set (CI starts one), else a throwaway cluster."""
    url = os.environ.get("SCENES_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    bindir = _postgres_bin()
    if bindir is None:
        _unavailable("PostgreSQL is not installed (apt-get install postgresql) and SCENES_TEST_POSTGRES_URL is unset")
    assert bindir is not None
    # Not under pytest's tmp folder: that is private to root, and the server runs as `postgres` when we are root.
    base = Path(tempfile.mkdtemp(prefix="scenes-pg-"))
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(base, "postgres")
    data = base / "data"
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -h 127.0.0.1 -k {base} -F", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    import sqlalchemy as sa

    name = f"scenes_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = pg_admin_url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store URL for each backend the store suite runs against."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.db"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(backend_url: str) -> Iterator[Store]:
    """An empty store with the current schema, on SQLite and on PostgreSQL."""
    from scenes.store import create_engine_for

    s = Store(create_engine_for(backend_url))
    s.ensure_schema()
    yield s
    s.engine.dispose()


@pytest.fixture
def dash(backend_url: str, tmp_path: Path) -> Iterator[Dashboard]:
    """The demo data on each backend (SQLite and PostgreSQL)."""
    d = Dashboard(Settings(database_url=backend_url, state_dir=tmp_path))
    d.init(demo=True)
    yield d
    d.store.engine.dispose()


@pytest.fixture
def demo(settings: Settings) -> Dashboard:
    """A dashboard over a fresh store holding the demo surveys and shipped seminars."""
    dash = Dashboard(settings)
    dash.init(demo=True)
    return dash


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Environment for AppTest runs: a temporary state folder, and Streamlit's caches cleared around it."""
    import streamlit as st

    state = tmp_path / "app-state"
    monkeypatch.setenv("SCENES_STATE_DIR", str(state))
    monkeypatch.delenv("SCENES_DATABASE_URL", raising=False)
    monkeypatch.chdir(PROJECT_ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield state
    st.cache_resource.clear()
    st.cache_data.clear()


#: the password of accounts the tests create in throwaway stores
TEST_PASSWORD = "correct horse battery"  # noqa: S105


@pytest.fixture
def signed_in(app_env: Path) -> Callable[..., object]:
    """A factory: an AppTest of app.py signed in (a real account and a real server-side session) with a role."""
    from streamlit.testing.v1 import AppTest

    def make(role: str = "admin", username: str | None = None) -> AppTest:
        dash = Dashboard(Settings(state_dir=app_env))
        name = username or f"test-{role}"
        dash.add_user(name, TEST_PASSWORD, role, actor="test-setup")
        at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
        at.session_state["session_token"] = dash.sessions.start(name)
        return at

    return make


@pytest.fixture(scope="session")
def drawing_tools() -> object:
    """The follow-up page's drawing tools (Leaflet-Geoman, `make drawing-tools`). Without them (no npm here) the
    tests that need them skip with a hint, except under CI=true, where they fail: CI installs them."""
    from scenes.render.assets import drawing_assets

    assets = drawing_assets(Settings().drawing_tools_dir)
    if assets is None:
        message = "The drawing tools are not installed: run `make drawing-tools` (needs npm)."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: the drawing tests must run)")
        pytest.skip(message)
    return assets
