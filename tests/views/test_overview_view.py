"""The overview view (`scenes.views.overview`): Översikt's figures as plain data, equal to a recount of the rows and
withheld as the reader's disclosure says."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenes.domain.disclosure import Disclosure
from scenes.i18n import t
from scenes.model import Lang as Language
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from scenes.views.overview import overview_view
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Dashboard:
    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("overview") / "state", data_dir=DATA_DIR,
                              sign_in_failure_seconds=0))
    dash.init(demo=True)
    return dash


def test_no_survey_no_view(settings: Settings) -> None:
    dash = Dashboard(settings)
    dash.init()
    assert overview_view(dash, disclosure=Disclosure.off(), lang="sv") is None


def test_disclosure_and_language_are_required(shared: Dashboard) -> None:
    with pytest.raises(TypeError):
        overview_view(shared, lang="sv")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        overview_view(shared, disclosure=Disclosure.off())  # type: ignore[call-arg]


def test_since_previous_compares_the_last_two_surveys(shared: Dashboard) -> None:
    view = overview_view(shared, disclosure=Disclosure.off(), lang="en")
    assert view is not None
    surveys = shared.surveys()
    assert view.since_previous is not None
    assert view.since_previous.previous.id == surveys[-2].id
    earlier, later = set(shared.scenes(surveys[-2].id)["scene_id"]), set(shared.scenes(surveys[-1].id)["scene_id"])
    assert set(view.since_previous.comparison.persisting) == earlier & later
    assert len(view.published) == len(shared.reference.published_totals)
    assert view.caption(str).startswith(t("overview.latest", "en", name=surveys[-1].name, date="")[:10])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(threshold=st.integers(min_value=1, max_value=80), lang=st.sampled_from(["sv", "en"]))
def test_figures_equal_a_recount_of_the_rows(shared: Dashboard, threshold: int, lang: Language) -> None:
    """Each survey's count, municipalities and police areas equal a recount of its rows, and the key figures are
    the latest survey's, whatever the reader's threshold: county-wide figures are shown to every reader (they
    point at no place; `Disclosure.county`)."""
    view = overview_view(shared, disclosure=Disclosure(threshold), lang=lang)
    assert view is not None
    surveys = shared.surveys()
    table = view.surveys
    assert list(table[t("col.name", lang)]) == [s.name for s in surveys]
    for row, survey in zip(table.to_dict("records"), surveys, strict=True):
        rows = shared.scenes(survey.id)
        assert row[t("col.scenes", lang)] == len(rows)
        assert row[t("col.municipalities", lang)] == rows["kommun_kod"].nunique()
        assert row[t("col.police_areas", lang)] == rows["lokalpolisomrade"].nunique()
        assert row[t("col.demo", lang)] is survey.demo
    latest = shared.scenes(surveys[-1].id)
    assert (view.hidden, view.both_hidden) == (False, False)
    assert view.scenes.value == len(latest)
    assert view.municipalities.value == latest["kommun_kod"].nunique()
    assert view.police_areas.value == latest["lokalpolisomrade"].nunique()
    total = len(shared.reference.municipalities)
    assert view.municipalities.delta == t("kpi.of_municipalities", lang, total=total)
    first = shared.scenes(view.progress.baseline.survey.id)
    if view.progress.compared:
        change = len(latest) - len(first)
        assert view.scenes.delta is not None
        assert (str(abs(change)) in view.scenes.delta) if change else view.scenes.delta == t("kpi.no_change", lang)
