"""Every page through Streamlit's AppTest: renders without exception, in Swedish and English."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.i18n import t, time_text
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage, says
from ui import keys
from ui.lang import escape_markdown

PAGES = ["overview", "map", "progress", "seminars", "goal", "upload", "history"]
#: the demo surveys' names (data, from data/demo/surveys.json)
LATEST = "Uppföljning februari 2024 (exempel)"
NOVEMBER_2023 = "Kartläggning november 2023 (exempel)"
FIRST_2021 = "Kartläggning 2021 (exempel)"


@pytest.fixture
def demo_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(open_page: OpenPage, demo_store: Path, page: str) -> None:
    """Each page runs on the demo store with no exception element."""
    at = open_page(None, page)
    assert list(at.exception) == []


def test_overview_shows_kpis_and_demo_notice(open_page: OpenPage, demo_store: Path) -> None:
    """The overview shows the latest count, the change vs 2021, the example-goal label and the demo notice."""
    at = open_page(None, None)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("kpi.scenes", "sv")] == "53"
    assert says(at.warning, "demo.notice")
    assert says(at.caption, "kpi.goal_example")


def test_overview_in_english(open_page: OpenPage, demo_store: Path) -> None:
    """?lang=en switches the interface to English."""
    at = open_page(None, None, "en")
    assert t("kpi.scenes", "en") in {m.label for m in at.metric}
    assert says(at.warning, "demo.notice", "en")


def test_language_selector_switches(open_page: OpenPage, demo_store: Path) -> None:
    """Choosing English in the sidebar re-renders in English."""
    at = open_page(None, "overview")
    at.sidebar.selectbox[0].set_value("en").run()
    assert at.title[0].value == t("app.title", "en")


def test_empty_store_shows_how_to_start(open_page: OpenPage, app_env: Path) -> None:
    """With no surveys the overview explains what to do instead of showing empty tiles."""
    at = open_page(None, None)
    assert list(at.exception) == []
    assert says(at.info, "empty.no_surveys")


def _open_table(at: AppTest) -> None:
    """Open the map page's folded scene table, as a click on its header does (a rerun with it open)."""
    at.session_state[keys.SCENE_TABLE_OPEN] = True
    at.run()
    assert list(at.exception) == []


def test_map_page_shows_counts_table_and_legend(open_page: OpenPage, demo_store: Path) -> None:
    """The map page agrees with itself: the count line, the table rows and the data are the same 53 scenes. The
    table is folded (not even sent) until the reader opens it."""
    at = open_page(None, "map")
    assert list(at.exception) == []
    assert says(at.markdown, "map.counts", shown=53, total=53, survey=LATEST)
    assert len(at.dataframe) == 0
    _open_table(at)
    assert len(at.dataframe[0].value) == 53
    assert says(at.warning, "map.demo_short")


def test_map_page_reads_preset_from_url(open_page: OpenPage, demo_store: Path) -> None:
    """A shared link with ?kommun=0180&kategori=... opens the map with those filters set."""
    at = open_page(None, "map", params={"kommun": "0180"})
    assert at.multiselect(key="f_kommun").value == ["0180"]
    assert says(at.markdown, "map.counts", shown=7, total=53, survey=LATEST)
    _open_table(at)
    assert len(at.dataframe[0].value) == 7


def test_map_page_drops_unknown_codes_from_a_link(open_page: OpenPage, demo_store: Path) -> None:
    """A link with codes that name nothing (typed, stale or hostile) keeps only the known ones."""
    at = open_page(None, "map", params={"kategori": "nope,utsatt_omrade", "lpo": "a" * 5000})
    assert list(at.exception) == []
    assert at.multiselect(key="f_kategori").value == ["utsatt_omrade"]
    assert at.multiselect(key="f_lpo").value == []


def test_map_page_empty_selection_explains(open_page: OpenPage, demo_store: Path) -> None:
    """A filter that matches nothing shows a clear message instead of an empty map."""
    at = open_page(None, "map")
    at.multiselect(key="f_kommun").set_value(["0188"]).run()
    assert says(at.info, "map.empty")
    assert list(at.exception) == []


def test_map_page_ceased_since_earlier_survey(open_page: OpenPage, demo_store: Path) -> None:
    """By default the changes since the previous survey are marked (Feb 2024: none new, 10 ceased since Nov 2023);
    choosing an earlier survey reports those since it (21 ceased since 2021 in the demo)."""
    at = open_page(None, "map")
    assert says(at.markdown, "map.counts_changes", new=0, ceased=10, survey=NOVEMBER_2023)
    at.selectbox(key="f_compare").set_value("demo-2021").run()
    assert says(at.markdown, "map.counts_changes", new=10, ceased=21, survey=FIRST_2021)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_english(open_page: OpenPage, demo_store: Path, page: str) -> None:
    """Every page also runs in English without exception."""
    at = open_page(None, page, "en")
    assert list(at.exception) == []


def test_overview_since_previous_survey(open_page: OpenPage, demo_store: Path) -> None:
    """Since Nov 2023: 0 new, 10 ceased, 53 persisting; each number opens its list."""
    at = open_page(None, None)
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert labels == [f"{t(f'compare.{kind}', 'sv')}: {n}" for kind, n in
                      (("new", 0), ("ceased", 10), ("persisting", 53), ("merged", 0), ("split", 0))]


def test_progress_page_chart_breakdown_and_comparison(open_page: OpenPage, demo_store: Path) -> None:
    """The progress page shows the chart, the impact ratings, the breakdown table and the 2021 -> 2024 comparison
    (21 ceased)."""
    at = open_page(None, "progress")
    assert len(at.get("vega_lite_chart")) == 3  # progress, impact ratings, breakdown
    labels = [p.proto.popover.label for p in at.get("popover")]
    assert f"{t('compare.ceased', 'sv')}: 21" in labels
    assert f"{t('compare.merged', 'sv')}: 1" in labels
    assert f"{t('compare.split', 'sv')}: 1" in labels


def test_seminars_page_lists_past_seminars_latest_first_with_honest_dates(open_page: OpenPage,
                                                                          demo_store: Path) -> None:
    """Both shipped seminars are past (2022, 2025): under "Tidigare", latest first, each with one workshop-map
    link; the 2025 date, never published, is said to be so (not "unknown"), the 2022 date is written out."""
    at = open_page(None, "seminars")
    assert [h.value for h in at.header] == [t("seminars.upcoming", "sv"), t("seminars.past", "sv")]
    assert says(at.caption, "seminars.no_upcoming")
    titles = [s.value.replace("\\", "") for s in at.subheader]
    assert titles == ["Trygghet för alla på öppna drogscener med social utsatthet",
                      "Öppna drogscener i Stockholms läns utsatta områden"]
    plain = [m.value.replace("\\", "") for m in at.markdown]  # markdown source has user text escaped
    assert says(at.markdown, "seminars.date_unpublished", deadline="4 november 2025")
    assert any("14 september 2022, 13:00–16:30" in m for m in plain)  # a date and times, composed in code
    programme = [m for m in plain if "Inledning" in m]
    assert programme
    assert all("·" not in m for m in programme)
    links = [link for link in at.get("page_link") if link.proto.label == t("seminars.open_map", "sv")]
    assert len(links) == 2


def test_goal_is_saved_and_no_longer_an_example(demo_store: Path, open_page: OpenPage) -> None:
    """Saving the goal form stores the steering group's goal, with who saved it; the example label goes away."""
    at = open_page("styrgrupp", "goal", account="stina")
    assert says(at.warning, "kpi.goal_example")
    at.number_input[0].set_value(40)
    at.button[0].click().run()
    dash = Dashboard(Settings(state_dir=demo_store))
    goal = dash.goal()
    assert (goal.target_count, goal.is_example) == (40, False)
    assert not says(at.warning, "kpi.goal_example")
    assert (dash.audit().iloc[0]["action"], dash.audit().iloc[0]["actor"]) == ("goal", "stina")


def test_goal_form_refuses_in_demo_mode(open_page: OpenPage, demo_store: Path) -> None:
    """In demo mode the goal form explains that nothing is saved, and its button is disabled."""
    at = open_page(None, "goal")
    assert says(at.info, "demo.readonly")
    assert at.button[0].disabled
    assert Dashboard(Settings(state_dir=demo_store)).goal().is_example


def test_history_page_rollback(demo_store: Path, open_page: OpenPage) -> None:
    """The history page lists revisions and the audit log; making revision 1 current again works."""
    dash = Dashboard(Settings(state_dir=demo_store))
    frame = dash.store.scenes("demo-2024-02")
    real = dash.store.add_survey(Survey("real", "Real", dt.date(2025, 1, 1), SurveyKind.KARTLAGGNING, "s", False),
                                 frame, actor="test").id
    dash.store.add_revision(real, frame.iloc[:40], actor="test", note="trimmed")
    at = open_page("analytiker", "history", account="anders")
    at.selectbox(key="rb_survey").set_value(real).run()
    at.selectbox(key="rb_revision").set_value(1).run()
    next(b for b in at.button if b.label == t("history.make_current", "sv")).click().run()
    assert list(at.exception) == []
    assert len(dash.store.scenes(real)) == 53
    assert (dash.audit().iloc[0]["action"], dash.audit().iloc[0]["actor"]) == ("rollback", "anders")
    # What was done stays on the page after the rerun (a toast could vanish before it was drawn), once.
    assert [s.value for s in at.success] == [t("history.rolled_back", "sv", id="real", revision=1)]
    at.run()
    assert list(at.success) == []


def test_what_a_write_did_names_user_text_as_text(demo_store: Path, open_page: OpenPage) -> None:
    """The message after withdrawing a survey quotes its name; Markdown and HTML in the name stay text."""
    dash = Dashboard(Settings(state_dir=demo_store))
    frame = dash.store.scenes("demo-2024-02")
    name = "**Fet** <b>x</b> [länk](https://example.org)"
    dash.store.add_survey(Survey("real", name, dt.date(2025, 1, 1), SurveyKind.KARTLAGGNING, "s", False), frame,
                          actor="test")
    at = open_page("analytiker", "history", account="anders")
    at.selectbox(key="rb_survey").set_value("real").run()
    next(b for b in at.button if b.label == t("history.withdraw", "sv")).click().run()
    assert list(at.exception) == []
    assert dash.store.survey("real").withdrawn
    assert [s.value for s in at.success] == [t("history.withdrawn_done", "sv", name=escape_markdown(name))]  # once
    assert "\\*\\*Fet\\*\\*" in at.success[0].value
    assert "&lt;b&gt;" in at.success[0].value
    # The state is said under the choice, whose label stays the name (a label that changed went stale in a browser).
    current = t("history.current", "sv", revision=1)
    assert f"{current} · {t('history.withdrawn', 'sv')}" in [c.value for c in at.caption]
    assert at.selectbox(key="rb_survey").format_func("real") == name
    next(b for b in at.button if b.label == t("history.restore", "sv")).click().run()
    assert not dash.store.survey("real").withdrawn
    assert [s.value for s in at.success] == [t("history.restored", "sv", name=escape_markdown(name))]
    assert current in [c.value for c in at.caption]


def test_goal_page_shows_where_we_stand_and_no_area_target_by_default(demo_store: Path,
                                                                      open_page: OpenPage) -> None:
    """The goal page states the latest survey against the trajectory in whole scenes; the optional area target is
    empty (not "0.0") until set, and saving without it keeps no area target."""
    at = open_page("styrgrupp", "goal", account="stina")
    behind = f"{t('kpi.behind', 'sv')}: {t('kpi.versus_trajectory', 'sv', n=53, allowed=52)}"
    status = [m.value for m in at.markdown if m.value.startswith("**:material/")]
    assert status == [f"**:material/warning: {behind}**"]
    area = at.number_input[1]
    assert area.value is None
    at.number_input[0].set_value(45)
    at.button[0].click().run()
    goal = Dashboard(Settings(state_dir=demo_store)).goal()
    assert (goal.target_count, goal.target_area_m2) == (45, None)
    on_track = f"{t('kpi.on_track', 'sv')}: {t('kpi.versus_trajectory', 'sv', n=53, allowed=57)}"
    assert f"**:material/check_circle: {on_track}**" in [m.value for m in at.markdown]


def test_overview_is_one_screen_of_figures_map_and_trend(open_page: OpenPage, demo_store: Path) -> None:
    """The overview carries the key figures, a small map of the latest survey (a described picture of counts per
    municipality, with its legend) and the trend chart, each linking to its page."""
    at = open_page(None, None)
    assert [m.label for m in at.metric][:4] == [
        t(f"kpi.{k}", "sv") for k in ("scenes", "area", "municipalities", "police_areas")]
    pictures = [h.proto.body for h in at.get("html") if "<img" in h.proto.body]
    assert len(pictures) == 1
    assert f'alt="{html.escape(t("overview.map_alt", "sv", name=LATEST))}"' in pictures[0]
    assert f"<strong>{html.escape(t('map.legend', 'sv'))}:</strong>" in pictures[0]
    assert "6–10" in pictures[0]
    assert len(at.get("vega_lite_chart")) == 1  # the trend
    links = {p.proto.page: p.proto.label for p in at.get("page_link")}
    assert (links.get("karta"), links.get("utveckling")) == (t("overview.to_map", "sv"),
                                                             t("overview.to_progress", "sv"))


def test_rate_without_population_says_why(open_page: OpenPage, demo_store: Path) -> None:
    """Scenes per 100,000: municipalities without a population in the reference table are named (no bar, a dash
    in the table), not silently left out."""
    at = open_page(None, "progress")
    at.segmented_control(key="p_measure").set_value("per_100k").run()
    missing = ", ".join(["Nynäshamn", "Sigtuna", "Sollentuna", "Solna", "Stockholm", "Sundbyberg", "Södertälje",
                         "Upplands Väsby"])  # not Huddinge, whose population is entered
    assert [says([c], "progress.population_missing", names=missing) for c in at.caption].count(True) == 1


def test_seminar_form_problems_name_the_form_fields(demo_store: Path, open_page: OpenPage) -> None:
    """A refused seminar says what is wrong in Swedish and where by the form's own labels, not field codes."""
    at = open_page("analytiker", "seminars", account="anna")
    form = {box.label: box for box in at.text_input}
    form[t("seminars.field_id", "sv")].input("nytt-seminarium")
    form[t("seminars.field_start", "sv")].input("25:99")
    next(b for b in at.button if b.label == t("seminars.save", "sv")).click().run()
    assert [e.value.split("\n\n")[-1] for e in at.error] == [t("error.seminar_invalid", "sv")]
    problems = at.dataframe[-1].value
    column, message = t("problem.column", "sv"), t("problem.message", "sv")
    assert sorted(zip(problems[column], problems[message], strict=True)) == sorted([
        (t("seminars.field_start", "sv"), t("problem.time_format", "sv")),
        (t("seminars.field_title", "sv"), t("problem.title_required", "sv"))])


def test_goal_page_says_once_that_the_goal_is_an_example(open_page: OpenPage, demo_store: Path) -> None:
    """The example-goal notice stands once on the goal page (its warning), not again in the status box."""
    at = open_page(None, "goal")
    notices = [e.value for e in [*at.warning, *at.caption] if t("kpi.goal_example", "sv") in e.value]
    assert len(notices) == 1


def test_reference_page_shows_the_version_and_its_history(demo_store: Path, open_page: OpenPage
                                                          ) -> None:
    """The reference page says which version of the table is current and who saved it; a save in another tab or
    on another instance shows at the next rerun, and every version is listed."""
    at = open_page("admin", "reference", account="test-admin")
    dash = Dashboard(Settings(state_dir=demo_store))

    def latest(field: str) -> object:  # the latest version's field, as the store has it
        return dash.reference_history("categories").iloc[0][field]

    assert latest("version") == 1
    assert says(at.caption, "reference.version", version=1, by=latest("created_by"),
                when=time_text(latest("created_at"), "sv", "long"))
    frame = dash.reference.categories.drop(columns=["sort"], errors="ignore").copy()
    frame.loc[frame["code"] == "festmiljo", "label_sv"] = "Nöjesmiljö"
    dash.save_reference("categories", frame, actor="annan-admin")
    at.run()
    assert latest("version") == 2
    assert says(at.caption, "reference.version", version=2, by="annan-admin",
                when=time_text(latest("created_at"), "sv", "long"))
    assert t("reference.history", "sv") in [e.label for e in at.expander]
    assert list(at.exception) == []


def test_utveckling_reruns_without_recomputing_the_protection(demo_store: Path, open_page: OpenPage,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """As a participant, Utveckling's first run computes each survey's protection once (cached by data version);
    a rerun (another dimension chosen) computes none."""
    import ui.cache
    from scenes.domain import protection as protection_module

    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return protection_module.protection(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ui.cache, "protection", counted)
    at = open_page("deltagare", "progress", account="test-deltagare")
    assert list(at.exception) == []
    first = len(calls)
    assert first == len(Dashboard(Settings(state_dir=demo_store)).surveys())  # one per survey, not per table
    at.segmented_control(key="p_dim").set_value("police_area").run()
    assert list(at.exception) == []
    assert len(calls) == first
