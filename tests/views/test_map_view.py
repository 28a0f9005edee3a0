"""The map view (`scenes.views.map`): what Karta shows as plain data, the one download rule, and `scenes map` writing
the same file as the page's "Karta (HTML)"."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenes.cli import main
from scenes.domain.disclosure import Disclosure
from scenes.domain.query import SceneFilter
from scenes.errors import ScenesError
from scenes.model import Lang as Language
from scenes.render.exports import FORMATS
from scenes.views.dashboard import Dashboard
from scenes.views.map import MapChoice, MapView, Precision, download_formats, map_view
from tests.conftest import DATA_DIR

LATEST, EARLIER = "demo-2024-02", "demo-2023-11"


def _view(dash: Dashboard, choice: MapChoice, precision: Precision = "exact", lang: Language = "sv") -> MapView:
    disclosure = Disclosure.for_precision(precision, dash.settings.small_count_threshold)
    return map_view(dash, choice, disclosure=disclosure, precision=precision, lang=lang)


@pytest.mark.parametrize(("precision", "lang", "args", "choice"), [
    ("exact", "sv", ["--municipality", "0180", "--category", "social_utsatthet,festmiljo", "--compare", "prev"],
     MapChoice(survey_id=LATEST, compare_to="prev", filt=SceneFilter(municipalities=("0180",),
                                                                      categories=("social_utsatthet", "festmiljo")))),
    ("generalised", "en", ["--measure", "per_capita"], MapChoice(survey_id=LATEST, measure="per_capita")),
    ("exact", "en", [], MapChoice(survey_id=EARLIER)),
])
def test_cli_map_is_the_pages_html(demo: Dashboard, tmp_path: Path, precision: Precision, lang: Language,
                                   args: list[str], choice: MapChoice) -> None:
    """`scenes map` and the page's "Karta (HTML)" download are one file for the same choices and reader."""
    out = tmp_path / "karta.html"
    url = demo.settings.effective_database_url
    assert main(["--database", url, "--data-dir", str(DATA_DIR), "map", choice.survey_id or "", "-o", str(out),
                 "--precision", precision, "--lang", lang, *args]) == 0
    page = next(d for d in _view(demo, choice, precision, lang).downloads if d.fmt == "html")
    assert page.file_name == f"karta-{choice.survey_id}.html"
    html = page.data()
    assert isinstance(html, str)
    assert len(html) > 10_000
    assert out.read_text(encoding="utf-8") == html


def test_cli_map_refuses_a_later_comparison(demo: Dashboard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    url = demo.settings.effective_database_url
    assert main(["--database", url, "map", EARLIER, "-o", str(tmp_path / "k.html"), "--compare", LATEST]) == 1
    assert "is not a shown survey earlier than" in capsys.readouterr().err


def test_download_rule_is_written_once(demo: Dashboard) -> None:
    """Exact readers may have every scene format; generalised readers counts as CSV and GeoJSON, and the export
    refuses the rest with the same rule."""
    assert download_formats("exact") == tuple(FORMATS)
    assert download_formats("generalised") == ("csv", "geojson")
    exact = _view(demo, MapChoice(), "exact")
    general = _view(demo, MapChoice(), "generalised")
    assert [d.fmt for d in exact.downloads] == [*FORMATS, "html"]
    assert [d.fmt for d in general.downloads] == ["csv", "geojson", "html"]
    for fmt in ("xlsx", "gpkg"):
        with pytest.raises(ScenesError) as refused:
            demo.export(LATEST, fmt, precision="generalised", lang="sv")
        assert refused.value.code == "generalised_format"


def test_generalised_downloads_name_no_scene(demo: Dashboard) -> None:
    """The participant's files hold counts per municipality only: no scene id, name or coordinate."""
    view = _view(demo, MapChoice(filt=SceneFilter(municipalities=("0180", "0127"))), "generalised")
    files = {d.fmt: d.data() for d in view.downloads if d.fmt != "html"}
    text = {fmt: data.decode("utf-8") if isinstance(data, bytes) else data for fmt, data in files.items()}
    for sid, name in zip(view.shown["scene_id"], view.shown["name"], strict=True):
        assert all(str(sid) not in t and str(name) not in t for t in text.values())
    counts = json.loads(text["geojson"])
    assert {f["properties"]["kommun_kod"] for f in counts["features"]} <= {"0180", "0127"}
    shown = {f["properties"]["kommun_kod"]: f["properties"]["scenes"] for f in counts["features"]}
    for _code, n in shown.items():  # a count is shown as the number only at or above the threshold
        assert n is None or n >= demo.settings.small_count_threshold
    # the whole survey's generalised export is the same rule and writer, over every scene
    whole = json.loads(demo.export(LATEST, "geojson", precision="generalised", lang="sv"))
    assert {f["properties"]["kommun_kod"] for f in whole["features"]} >= set(shown)


def test_generalised_readers_compare_with_nothing(demo: Dashboard) -> None:
    """A comparison and the ongoing measures are exact precision only: a generalised view has neither."""
    choice = MapChoice(survey_id=LATEST, compare_to="prev", ongoing=True)
    general, exact = _view(demo, choice, "generalised"), _view(demo, choice, "exact")
    assert (general.earlier, general.ceased, general.counts.new) == (None, None, None)
    assert general.options.ongoing == frozenset()
    assert exact.earlier is not None
    assert exact.earlier.id == EARLIER
    assert exact.counts.new is not None
    assert str(general.counts.total) in general.count_text(str)


def test_disclosure_precision_and_language_are_required(demo: Dashboard) -> None:
    for missing in ("disclosure", "precision", "lang"):
        given = {"disclosure": Disclosure.off(), "precision": "exact", "lang": "sv"}
        del given[missing]
        with pytest.raises(TypeError):
            map_view(demo, MapChoice(), **given)  # type: ignore[arg-type]
    assert all(p.kind is p.KEYWORD_ONLY and p.default is p.empty
               for name, p in inspect.signature(map_view).parameters.items()
               if name in ("disclosure", "precision", "lang"))


def test_html_steps_through_every_survey_at_the_chosen_one(demo: Dashboard) -> None:
    view = _view(demo, MapChoice(survey_id=EARLIER))
    steps = view.timeline()
    assert [s.title for s in steps] == [s.name for s in demo.surveys()]
    assert [len(s.scenes) for s in steps] == [len(demo.scenes(s.id)) for s in demo.surveys()]
    assert steps[0].ceased is None
    assert all(s.ceased is not None for s in steps[1:])


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Dashboard:
    from scenes.settings import Settings

    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("view") / "state", data_dir=DATA_DIR,
                              sign_in_failure_seconds=0))
    dash.init(demo=True)
    return dash


def _choices(dash: Dashboard) -> st.SearchStrategy[tuple[MapChoice, Precision]]:
    """A survey, filters drawn from the codes the scenes carry, a comparison and a precision."""
    frame, surveys = dash.scenes(None), [s.id for s in dash.surveys()]

    def codes(column: str, most: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
        values = sorted({str(c) for v in frame[column] for c in (v if isinstance(v, list | tuple) else [v])})
        return st.lists(st.sampled_from(values), max_size=most, unique=True).map(tuple)

    filters = st.builds(SceneFilter, municipalities=codes("kommun_kod"), police_areas=codes("lokalpolisomrade"),
                        categories=codes("categories", 2), statuses=codes("status"))
    choices = st.builds(MapChoice, survey_id=st.sampled_from(surveys), filt=filters,
                        compare_to=st.sampled_from(["prev", None, *surveys]))
    return st.tuples(choices, st.sampled_from(["exact", "generalised"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_count_line_equals_a_recount_of_the_rows(shared: Dashboard, data: st.DataObject) -> None:
    """The view's figures equal a plain recount over the survey's rows: shown, total, ceased and new since the
    compared survey (exact precision only), and the table's counts add up to the shown scenes."""
    choice, precision = data.draw(_choices(shared))
    view = _view(shared, choice, precision)
    rows = shared.scenes(choice.survey_id).to_dict("records")
    f = choice.filt

    def kept(r: dict[str, object]) -> bool:
        cats = set(r["categories"])  # type: ignore[call-overload]
        return ((not f.municipalities or r["kommun_kod"] in f.municipalities)
                and (not f.police_areas or r["lokalpolisomrade"] in f.police_areas)
                and (not f.categories or bool(cats & set(f.categories)))
                and (not f.statuses or r["status"] in f.statuses))

    shown_ids = {r["scene_id"] for r in rows if kept(r)}
    assert view.counts.total == len(rows)
    assert view.counts.shown == len(shown_ids) == len(view.shown)
    order = [s.id for s in shared.surveys()]
    at = order.index(choice.survey_id or order[-1])
    earlier = None
    if precision == "exact":
        if choice.compare_to == "prev":
            earlier = order[at - 1] if at else None
        elif choice.compare_to in order[:at]:
            earlier = choice.compare_to
    assert (view.earlier.id if view.earlier else None) == earlier
    if earlier is None:
        assert view.counts.new is None
        assert view.counts.ceased is None
    else:
        before = shared.scenes(earlier).to_dict("records")
        now_ids = {r["scene_id"] for r in rows}
        assert view.counts.ceased == sum(1 for r in before if kept(r) and r["scene_id"] not in now_ids)
        before_ids = {r["scene_id"] for r in before}
        assert view.counts.new == len(shown_ids - before_ids)
    if precision == "exact":
        assert len(view.table) == len(shown_ids)
    else:
        numbers = [v for v in view.table.iloc[:, 2] if isinstance(v, int | float) and not isinstance(v, bool)]
        assert sum(numbers) <= len(shown_ids)
        if not view.withheld.total_hidden:
            assert str(len(shown_ids)) in view.count_text(str)
