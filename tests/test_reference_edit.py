"""Administrators edit reference tables: validated, atomic, audited, picked up without a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scenes.core import Dashboard
from scenes.errors import ValidationFailed
from scenes.reference import load_reference
from scenes.settings import Settings
from tests.conftest import DATA_DIR


@pytest.fixture
def dash(tmp_path: Path) -> Dashboard:
    """A dashboard over a private copy of data/ (the repository's files are never edited by tests)."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    d = Dashboard(Settings(state_dir=tmp_path / "state", data_dir=data))
    d.init(demo=True)
    return d


def _categories(dash: Dashboard):  # type: ignore[no-untyped-def]
    frame = dash.reference.categories.copy()
    return frame[["code", "label_sv", "label_en", "description_sv", "description_en", "color", "working_name"]]


def test_renaming_a_category_label_is_saved_and_audited(dash: Dashboard) -> None:
    """The official name replaces the working name; the app sees it at once; the audit log records it."""
    edited = _categories(dash)
    edited.loc[edited["code"] == "festmiljo", "label_sv"] = "Nöjesmiljö"
    changes = dash.save_reference("categories", edited, actor="admin")
    assert changes == ["festmiljo.label_sv: 'Fest- och nöjesmiljö' -> 'Nöjesmiljö'"]
    assert dash.reference.category_label("festmiljo") == "Nöjesmiljö"
    assert dash.store.audit().iloc[0]["action"] == "reference-edit"


@pytest.mark.parametrize(("change", "column"), [
    (lambda f: f.drop(index=0), "code"),                                   # removing a code in use
    (lambda f: f.assign(color=["red", "#0072B2", "#CC79A7"]), "color"),    # not #RRGGBB
    (lambda f: f.assign(label_en=["", "b", "c"]), "label_en"),             # empty label
])
def test_bad_edits_are_refused_and_nothing_is_written(dash: Dashboard, change, column: str) -> None:  # type: ignore[no-untyped-def]
    """Every bad edit is a located problem, and the file on disk is unchanged."""
    path = dash.settings.data_dir / "reference" / "categories.csv"
    before = path.read_bytes()
    with pytest.raises(ValidationFailed) as info:
        dash.save_reference("categories", change(_categories(dash)).reset_index(drop=True), actor="admin")
    assert any(p.column == column for p in info.value.problems)
    assert path.read_bytes() == before


def test_population_edit(dash: Dashboard) -> None:
    """A municipality's population can be filled in; rates per 100,000 then include it."""
    frame = dash.reference.municipalities[["kommun_kod", "population", "population_date"]].astype(object)
    frame.loc[frame["kommun_kod"] == "0180", ["population", "population_date"]] = ["1000000", "2024-12-31"]
    dash.save_reference("municipalities", frame, actor="admin")
    assert load_reference(dash.settings.data_dir).population()["0180"] == 1_000_000  # a test value, not real


def test_a_problem_names_the_row_as_the_editor_counts_it(dash: Dashboard) -> None:
    """The first row of the editor is row 1 (the editor shows no file and no header line)."""
    edited = _categories(dash).assign(color=["red", "#0072B2", "#CC79A7"])
    with pytest.raises(ValidationFailed) as info:
        dash.save_reference("categories", edited, actor="admin")
    assert [(p.row, p.column, p.code) for p in info.value.problems] == [(1, "color", "colour_format")]
