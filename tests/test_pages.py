"""Every page through Streamlit's AppTest: renders without exception, in Swedish and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.core import Dashboard
from scenes.settings import PROJECT_ROOT, Settings

APP = str(PROJECT_ROOT / "app.py")
PAGES = ["pages/overview.py"]


@pytest.fixture
def demo_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


def _run(page: str | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(demo_store: Path, page: str) -> None:
    """Each page runs on the demo store with no exception element."""
    at = _run(page)
    assert list(at.exception) == []


def test_overview_shows_kpis_and_demo_notice(demo_store: Path) -> None:
    """The overview shows the latest count, the change vs 2021, the example-goal label and the demo notice."""
    at = _run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Öppna drogscener"] == "53"
    assert any("Exempeldata – fiktiva platser" in w.value for w in at.warning)
    assert any("Exempelvärde" in c.value for c in at.caption)


def test_overview_in_english(demo_store: Path) -> None:
    """?lang=en switches the interface to English."""
    at = _run(lang="en")
    assert "Open drug scenes" in {m.label for m in at.metric}
    assert any("Demo data – fictitious places" in w.value for w in at.warning)


def test_language_selector_switches(demo_store: Path) -> None:
    """Choosing English in the sidebar re-renders in English."""
    at = _run()
    at.sidebar.selectbox[0].set_value("en").run()
    assert at.title[0].value == "Open drug scenes in Stockholm County"


def test_empty_store_shows_how_to_start(app_env: Path) -> None:
    """With no surveys the overview explains what to do instead of showing empty tiles."""
    at = _run()
    assert list(at.exception) == [] and any("scenes init --demo" in i.value for i in at.info)
