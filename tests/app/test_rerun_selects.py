"""A rerun's facts are resolved once: a map-page rerun asks the database only a few small questions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard

from ..statements import selects

APP = str(PROJECT_ROOT / "app.py")
#: the SELECTs of a map-page rerun on the demo store (measured: 14 before a rerun's facts were resolved once, 3 after:
#: the versions and demo mode in one query, and the page's two survey lists)
MAX_SELECTS = 4


@pytest.fixture
def map_page(app_env: Path) -> AppTest:
    """The map page open on the demo store (its first run done: caches filled)."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("screens/map.py")
    at.run()
    assert list(at.exception) == []
    return at


def test_a_map_rerun_makes_few_selects(map_page: AppTest) -> None:
    """A rerun of the map page (nothing changed) reads who is asking and the versions, not every table again."""
    from ui.cache import dashboard

    with selects(dashboard().store.engine) as seen:
        map_page.run()
    assert list(map_page.exception) == []
    assert seen, "the counter saw no statement: the rerun must still ask the database (revocation, versions)"
    assert len(seen) <= MAX_SELECTS, "\n".join(seen)


def test_a_signed_in_map_rerun_makes_few_selects(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """Signed in with an account, the rerun also asks whether the session still stands (revocation), once."""
    from ui.cache import dashboard

    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = signed_in("analytiker")
    at.run()
    at.switch_page("screens/map.py")
    at.run()
    with selects(dashboard().store.engine) as seen:
        at.run()
    assert list(at.exception) == []
    assert sum("FROM sessions" in s for s in seen) == 1, "\n".join(seen)
    assert len(seen) <= MAX_SELECTS + 1, "\n".join(seen)


def test_data_changed_between_reruns_shows_at_the_next(app_env: Path) -> None:
    """The facts are read afresh every rerun: a survey withdrawn by another instance leaves the overview's count at
    the next rerun (every cached read keys on the data version the facts read)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    before = {m.label: m.value for m in at.metric}
    latest = dash.surveys()[-1]
    dash.withdraw(latest.id, actor="annan-admin")
    at.run()
    after = {m.label: m.value for m in at.metric}
    assert list(at.exception) == []
    assert before
    assert after != before


def test_each_rerun_resolves_its_facts_afresh(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """Revocation still takes effect at the next interaction: a role changed elsewhere changes the next rerun's
    precision and disclosure; sessions ended elsewhere leave the next rerun signed out."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    at = signed_in("analytiker", "ulla")
    dash.add_user("boss", "correct horse battery", "admin", actor="test-setup")
    at.run()
    at.switch_page("screens/map.py")
    at.run()
    first = at.session_state["_facts"]
    assert (first.who.role, first.precision, first.disclosure.threshold) == ("analytiker", "exact", 1)
    dash.set_role("ulla", "deltagare", actor="boss")  # ends her sessions too: she signs in again
    at.session_state["session_token"] = dash.sessions.start("ulla")
    at.run()
    second = at.session_state["_facts"]
    assert (second.who.role, second.precision) == ("deltagare", "generalised")
    assert second.disclosure.threshold == dash.settings.small_count_threshold
    dash.end_sessions("ulla", actor="boss")
    at.run()
    assert at.session_state["_facts"].who.role is None
    assert list(at.exception) == []
