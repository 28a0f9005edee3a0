"""Administrators edit reference tables: validated, versioned in the store, audited, read by every instance.

The shipped files in data/ seed version 1 at `scenes init` and are never written at run time: these tests use
the repository's own data folder and check it is unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scenes.errors import StoreError, ValidationFailed
from scenes.reference import EDITABLE
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.conftest import DATA_DIR, fingerprint


@pytest.fixture(scope="module")
def shipped() -> dict[str, str]:
    return fingerprint(DATA_DIR)


def _categories(dash: Dashboard) -> pd.DataFrame:
    frame = dash.reference.categories.copy()
    return frame[["code", "label_sv", "label_en", "description_sv", "description_en", "color", "working_name"]]


def test_init_seeds_each_editable_table_once(dash: Dashboard, shipped: dict[str, str]) -> None:
    """`scenes init` stores the shipped tables as version 1 (audited); running it again adds nothing."""
    assert {name: version for name, (version, _) in dash.store.reference_tables().items()} == {
        name: 1 for name in EDITABLE}
    assert dash.init(demo=True).reference_tables_seeded == []
    assert len(dash.reference_history("categories")) == 1
    assert (dash.store.audit()["action"] == "reference-seed").sum() == len(EDITABLE)
    assert fingerprint(DATA_DIR) == shipped


def test_renaming_a_category_label_is_a_new_version(dash: Dashboard, shipped: dict[str, str]) -> None:
    """The official name replaces the working name as version 2; the app sees it at once; the audit log and the
    table's history record who changed what; the shipped file is untouched."""
    edited = _categories(dash)
    edited.loc[edited["code"] == "festmiljo", "label_sv"] = "Nöjesmiljö"
    changes = dash.save_reference("categories", edited, actor="admin")
    assert changes == ["festmiljo.label_sv: 'Fest- och nöjesmiljö' -> 'Nöjesmiljö'"]
    assert dash.reference.category_label("festmiljo", language="sv") == "Nöjesmiljö"
    assert dash.store.audit().iloc[0]["action"] == "reference-edit"
    history = dash.reference_history("categories")
    assert list(history["version"]) == [2, 1]
    assert history.iloc[0]["created_by"] == "admin"
    assert "Nöjesmiljö" in history.iloc[0]["note"]
    assert fingerprint(DATA_DIR) == shipped


def test_another_instance_reads_the_saved_version(dash: Dashboard) -> None:
    """A second process on the same database (another instance behind a load balancer) sees the edit: the tables
    live in the store, not in each server's files."""
    other = Dashboard(Settings(database_url=dash.settings.effective_database_url, state_dir=dash.settings.state_dir))
    assert other.reference.category_label("festmiljo", language="sv") == "Fest- och nöjesmiljö"
    frame = dash.reference.municipalities[["kommun_kod", "population", "population_date"]].astype(object)
    frame.loc[frame["kommun_kod"] == "0180", ["population", "population_date"]] = ["1000000", "2024-12-31"]
    dash.save_reference("municipalities", frame, actor="admin")
    assert other.reference.population()["0180"] == 1_000_000  # a test value, not real
    other.store.engine.dispose()


@pytest.mark.parametrize(("change", "column"), [
    (lambda f: f.drop(index=0), "code"),                                   # removing a code in use
    (lambda f: f.assign(color=["red", "#0072B2", "#CC79A7"]), "color"),    # not #RRGGBB
    (lambda f: f.assign(label_en=["", "b", "c"]), "label_en"),             # empty label
])
def test_bad_edits_are_refused_and_nothing_is_written(dash: Dashboard, change, column: str) -> None:  # type: ignore[no-untyped-def]
    """Every bad edit is a located problem, and the store is unchanged (no version, no audit line)."""
    before = (dash.store.reference_version(), dash.store.data_version(), len(dash.store.audit()))
    with pytest.raises(ValidationFailed) as info:
        dash.save_reference("categories", change(_categories(dash)).reset_index(drop=True), actor="admin")
    assert any(p.column == column for p in info.value.problems)
    assert (dash.store.reference_version(), dash.store.data_version(), len(dash.store.audit())) == before


@pytest.mark.parametrize(("change", "code"), [
    (lambda f: pd.concat([f] * 100, ignore_index=True), "reference_too_many_rows"),  # 300 rows
    (lambda f: f.assign(description_sv=["x" * 5_000, "b", "c"]), "cell_too_long"),
])
def test_oversized_edits_are_refused_before_anything_else(dash: Dashboard, change, code: str) -> None:  # type: ignore[no-untyped-def]
    """A table of hundreds of rows or a cell of thousands of characters is refused with a located problem and
    nothing is stored: the store never grows without bound from the editor."""
    before = (dash.store.reference_version(), len(dash.store.audit()))
    with pytest.raises(ValidationFailed) as info:
        dash.save_reference("categories", change(_categories(dash)), actor="admin")
    assert [p.code for p in info.value.problems] == [code]
    assert (dash.store.reference_version(), len(dash.store.audit())) == before


def test_a_stale_editor_is_refused(dash: Dashboard) -> None:
    """Two tabs show version 1; the first saves; the second's save is refused with a reload hint instead of
    silently undoing the first one's change."""
    version, _ = dash.reference_table("categories")
    first, second = _categories(dash), _categories(dash)
    first.loc[first["code"] == "festmiljo", "label_sv"] = "Nöjesmiljö"
    second.loc[second["code"] == "festmiljo", "label_en"] = "Nightlife"
    dash.save_reference("categories", first, actor="admin", based_on=version)
    with pytest.raises(StoreError) as info:
        dash.save_reference("categories", second, actor="admin2", based_on=version)
    assert info.value.code == "reference_changed"
    assert dash.reference.category_label("festmiljo", language="sv") == "Nöjesmiljö"
    assert list(dash.reference_history("categories")["version"]) == [2, 1]


def test_a_problem_names_the_row_as_the_editor_counts_it(demo: Dashboard) -> None:
    """The first row of the editor is row 1 (the editor shows no file and no header line)."""
    edited = _categories(demo).assign(color=["red", "#0072B2", "#CC79A7"])
    with pytest.raises(ValidationFailed) as info:
        demo.save_reference("categories", edited, actor="admin")
    assert [(p.row, p.column, p.code) for p in info.value.problems] == [(1, "color", "colour_format")]


def test_before_init_the_shipped_tables_are_read(tmp_path: Path) -> None:
    """Commands that run before `scenes init` (checking a file) still have the reference tables."""
    dash = Dashboard(Settings(state_dir=tmp_path))
    assert dash.reference.category_label("festmiljo", language="sv") == "Fest- och nöjesmiljö"
