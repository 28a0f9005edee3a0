"""Samordning as plain data (`scenes.views.coordination`): the tables at each precision, and its figures against a
recomputation from the scene rows and the measures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenes.domain.coordination import CoordinationFilter, participant_counts
from scenes.domain.disclosure import Disclosure
from scenes.domain.measures import Measure
from scenes.i18n import t
from scenes.model import Survey
from scenes.settings import Settings
from scenes.views.coordination import CoordinationView, coordination_view
from scenes.views.dashboard import Dashboard
from tests.conftest import DATA_DIR


@dataclass(frozen=True)
class Shown:
    dash: Dashboard
    survey: Survey
    frame: gpd.GeoDataFrame
    every: gpd.GeoDataFrame
    measures: list[Measure]


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> Shown:
    """The demo store's latest survey, every shown observation and the demo measures."""
    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("coord"), data_dir=DATA_DIR))
    dash.init(demo=True)
    survey = dash.surveys()[-1]
    return Shown(dash, survey, dash.scenes(survey.id), dash.scenes(None), dash.measures())


def _view(shown: Shown, filt: CoordinationFilter, precision: Literal["exact", "generalised"],
          threshold: int = 1) -> CoordinationView:
    return coordination_view(shown.survey, shown.frame, shown.every, shown.measures, filt, shown.dash.reference,
                             precision=precision, disclosure=Disclosure(threshold), lang="sv")


def test_the_demo_has_measures_to_coordinate(shown: Shown) -> None:
    """(The data the tests below read: measures at scenes and at areas.)"""
    view = _view(shown, CoordinationFilter(), "exact")
    assert view.exact is not None
    assert view.exact.measures > 0
    assert view.coordination.areas
    assert view.demo


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_key_figures_recomputed_from_the_rows(shown: Shown, data: st.DataObject) -> None:
    """Exact precision under a municipality filter: the scene count is that of the survey's rows in the chosen
    municipalities; the measures count each measure once; the gap table lists exactly the scenes without an
    ongoing measure; the organisations are those owning a shown measure."""
    frame = shown.frame
    codes = sorted(set(frame["kommun_kod"]))
    chosen = tuple(data.draw(st.lists(st.sampled_from(codes), unique=True, max_size=3)))
    view = _view(shown, CoordinationFilter(municipalities=chosen), "exact")
    rows = frame[frame["kommun_kod"].isin(chosen)] if chosen else frame
    coord = view.coordination
    if view.empty:
        assert rows.empty
        assert not coord.areas
        return
    assert view.exact is not None
    assert view.counts is None
    assert view.exact.scenes == len(rows)
    ids = {m.measure_id for found in coord.by_scene.values() for m in found} | {m.measure_id for m in coord.areas}
    assert view.exact.measures == len(ids)
    no_ongoing = {str(s) for s in rows["scene_id"]
                  if not any(m.ongoing for m in coord.any_status.get(str(s), []))}
    assert set(view.exact.gaps[t("col.scene_id", "sv")]) == no_ongoing
    assert view.exact.without_ongoing == len(no_ongoing)
    assert set(view.exact.actors) == {m.actor for m in coord.measures}


def test_a_participant_gets_counts_only(shown: Shown) -> None:
    """Generalised precision: the protected counts per municipality and kind, and nothing that names a scene or an
    organisation."""
    dash = shown.dash
    view = _view(shown, CoordinationFilter(), "generalised", threshold=3)
    assert view.exact is None
    assert view.counts is not None
    expected = participant_counts(dash.reference, view.coordination, disclosure=Disclosure(3), lang="sv")
    assert view.counts.equals(expected)
    assert not set(view.counts.columns) & {t(k, "sv") for k in ("col.scene_id", "col.name", "coord.col.actor")}


def test_an_empty_selection_computes_no_table(shown: Shown) -> None:
    """A filter that leaves no scene and no area measure: the view says so and holds no table."""
    view = _view(shown, CoordinationFilter(municipalities=("9999",)), "exact")
    assert view.empty
    assert view.exact is None
    assert view.counts is None
