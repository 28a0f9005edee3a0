"""Shared fixtures. Stores are built from code in a temporary folder; nothing touches var/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.core import Dashboard
from scenes.reference import Reference, load_reference
from scenes.settings import PROJECT_ROOT, Settings
from scenes.store import Store

DATA_DIR = PROJECT_ROOT / "data"


@pytest.fixture(scope="session")
def ref() -> Reference:
    """The shipped reference tables."""
    return load_reference(DATA_DIR)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing the SQLite store at a temporary folder."""
    return Settings(state_dir=tmp_path / "state", data_dir=DATA_DIR)


@pytest.fixture
def store(settings: Settings) -> Store:
    """An empty store with the current schema."""
    s = Store.from_settings(settings)
    s.ensure_schema()
    return s


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
