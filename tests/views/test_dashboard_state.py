"""`Dashboard.state`: what a rerun asks of the store first, in one query; `reference` then follows the version read."""

from __future__ import annotations

import threading

from scenes.settings import Settings
from scenes.views.dashboard import Dashboard, StoreState

from ..statements import selects


def _renamed(dash: Dashboard, label: str) -> object:
    frame = dash.reference.categories[["code", "label_sv", "label_en", "description_sv", "description_en", "color",
                                       "working_name"]].copy()
    frame.loc[frame["code"] == "festmiljo", "label_sv"] = label
    return frame


def _label(dash: Dashboard) -> str:
    cats = dash.reference.categories
    return str(cats.loc[cats["code"] == "festmiljo", "label_sv"].iloc[0])


def test_state_reads_versions_and_demo_mode_in_one_query(demo: Dashboard) -> None:
    """On a demo store: one SELECT of the flags, plus the survey list the first time (and after a data change)."""
    with selects(demo.store.engine) as first:
        state = demo.state()
    assert state == StoreState(data_version=demo.data_version(), reference_version=demo.store.reference_version(),
                               demo_mode=True)
    assert len(first) == 2  # the flags, and whether every survey is demo data
    with selects(demo.store.engine) as again:
        assert demo.state() == state
    assert len(again) == 1  # the survey list is known for this data version


def test_state_follows_demo_mode_out_of_the_sandbox(demo: Dashboard) -> None:
    """Creating the first administrator ends demo mode at the next `state()` (it sets the lasting flag)."""
    assert demo.state().demo_mode
    code = demo.setup_code()
    assert code is not None
    demo.create_first_admin(code, "admin", "correct horse battery")
    assert not demo.state().demo_mode
    assert not demo.demo_mode()


def test_reference_uses_the_version_state_read_on_its_thread(demo: Dashboard, settings: Settings) -> None:
    """After `state()`, `reference` asks the store nothing on this thread; a save elsewhere shows at the next
    `state()` (the next rerun), and at once on another thread (which never read a state)."""
    demo.state()
    before = _label(demo)
    with selects(demo.store.engine) as seen:
        demo.reference  # noqa: B018 - the access is what is measured
    assert seen == []
    other = Dashboard(settings)  # another instance saves a new version
    assert other.save_reference("categories", _renamed(other, "Nöjesmiljö"), actor="annan-admin")
    assert _label(demo) == before  # this rerun keeps the version it read
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.append(_label(demo)))
    worker.start()
    worker.join()
    assert found == ["Nöjesmiljö"]  # another thread asks the store
    demo.state()
    assert _label(demo) == "Nöjesmiljö"  # the next rerun reads the new version


def test_a_save_on_this_thread_shows_at_once(demo: Dashboard) -> None:
    """The rerun that saves a table shows the saved table, though it read the version before saving."""
    demo.state()
    assert demo.save_reference("categories", _renamed(demo, "Nöjesmiljö"), actor="admin")
    assert _label(demo) == "Nöjesmiljö"


def test_a_dashboard_without_state_asks_on_every_access(demo: Dashboard, settings: Settings) -> None:
    """The command line and the tests never call `state()`: `reference` asks the store each time, as before."""
    assert demo.reference is not None
    other = Dashboard(settings)
    other.save_reference("categories", _renamed(other, "Nöjesmiljö"), actor="annan-admin")
    with selects(demo.store.engine) as seen:
        assert _label(demo) == "Nöjesmiljö"
    assert any("FROM meta" in s for s in seen)  # the version, asked again
