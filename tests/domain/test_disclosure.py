"""Small-count suppression: counts of 1 and 2 below the county level never reach a workshop participant as
numbers; county-wide figures are shown (`Disclosure.county`). The attacker (sums and differences) is
tests/domain/test_disclosure_attack.py.

The store built here has two real surveys made from demo scenes so that municipalities, police areas, districts and
categories have exactly 1 and 2 scenes beside groups of 3 or more; the page tests render Översikt and Utveckling
as `deltagare` (no small area count, no district) and as `styrgrupp` (the small numbers are there: the test can
fail).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from scenes.domain.breakdown import breakdown, change_by, suppressed
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.progress import survey_stats
from scenes.model import EXAMPLE_GOAL, Survey, SurveyKind
from scenes.render.charts import progress_table
from scenes.render.tables import generalised_table
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.access.test_auth import _all_text as element_text
from ui import keys

SMALL = {1, 2}
FEWER = "färre än 3"
WITHHELD = "skyddad"  # every count `Disclosure.protect` withholds, small or hidden to protect a small one
#: district names that are no municipality's or police area's name (Järva, Skärholmen and Södermalm are both)
DISTRICTS = ("Norra innerstaden", "Enskede-Årsta-Vantör")
#: columns of the pages' tables that hold counts of scenes
COUNT_COLUMNS = ("Scener", "Tidigare", "Senare", "Värde")


# -- the store ------------------------------------------------------------------------------------------------

def _publish(dash: Dashboard, *, latest: str = "small") -> tuple[str, str]:
    """Two real surveys (the demo ones are then hidden); returns (earlier id, later id).

    Later survey ("small"): Järfälla 5, Huddinge 2 (two polygons), Botkyrka 1 (one polygon), Stockholm 7 with
    districts of 1 and 2 and police areas of 1 and 2; festmiljö in 2 scenes. One Järfälla scene is new.
    Earlier survey: Järfälla 4, Huddinge 8, Botkyrka 7, Haninge 7, Stockholm 7.
    With `latest="tiny"` the later survey holds only the two Huddinge scenes (a county total of 2).
    """
    frame = dash.store.scenes("demo-2024-02")

    def municipality(code: str, n: int | None = None) -> pd.DataFrame:
        rows = frame[frame["kommun_kod"] == code]
        return rows if n is None else rows.iloc[:n]

    huddinge = frame[frame["scene_id"].isin(["DEMO-0126-04", "DEMO-0126-08"])]
    botkyrka = frame[frame["scene_id"] == "DEMO-0127-03"]
    later = (pd.concat([municipality("0123"), huddinge, botkyrka, municipality("0180")]) if latest == "small"
             else huddinge)
    earlier = pd.concat([municipality("0123", 4), municipality("0126"), municipality("0127"), municipality("0136"),
                         municipality("0180")])
    a = dash.store.add_survey(Survey("real-2024", "Kartläggning 2024", dt.date(2024, 6, 1), SurveyKind.KARTLAGGNING,
                                     "Polisen", False), earlier, actor="analyst").id
    b = dash.store.add_survey(Survey("real-2025", "Uppföljning 2025", dt.date(2025, 6, 1), SurveyKind.UPPFOLJNING,
                                     "Polisen", False), later, actor="analyst").id
    return a, b


@pytest.fixture
def published(settings: Settings) -> Dashboard:
    dash = Dashboard(settings)
    dash.init(demo=True)
    _publish(dash)
    return dash


ON = Disclosure.for_precision("generalised", 3)


# -- Disclosure -----------------------------------------------------------------------------------------------

def test_disclosure_hides_one_and_two_and_shows_zero() -> None:
    """1 and 2 become words in both languages; 0, 3 and missing values are not hidden."""
    assert ON.active
    assert ON.threshold == 3
    assert [ON.hidden(n) for n in (0, 1, 2, 3, 40)] == [False, True, True, False, False]
    assert not ON.hidden(None)
    assert not ON.hidden(float("nan"))
    assert (ON.text(1, lang="sv"), ON.text(2.0, "en"), ON.text(0, "sv"), ON.text(3, "sv"),
            ON.text(1234, "sv")) == (
        FEWER, "fewer than 3", "0", "3", "1\u00a0234")
    assert ON.text(None, lang="sv") == ""
    assert ON.any_hidden(5, 2)
    assert not ON.any_hidden(5, 0)
    assert (ON.derived(4.2, 5, 2), ON.derived(4.2, 5, 0)) == (None, 4.2)


def test_exact_precision_and_threshold_one_hide_nothing() -> None:
    """Exact roles get Disclosure.off(); a threshold of 1 turns suppression off; other thresholds follow."""
    for off in (Disclosure.for_precision("exact", 3), Disclosure.for_precision("generalised", 1), SHOW_ALL):
        assert not off.active
        assert not off.hidden(1)
        assert off.text(1, lang="sv") == "1"
    five = Disclosure.for_precision("generalised", Settings(small_count_threshold=5).small_count_threshold)
    assert five.hidden(4)
    assert not five.hidden(5)
    assert five.text(4, lang="sv") == "färre än 5"
    counts = pd.Series([0, 1, 7])
    assert SHOW_ALL.counts_column(counts, lang="sv") is counts


def test_table_masks_derived_columns() -> None:
    """`table`: counts as text where hidden, derived columns empty there, integer columns stay integers."""
    table = pd.DataFrame({"label": ["a", "b", "c"], "earlier": [5, 8, 0], "later": [7, 2, 0],
                          "change": [2, -6, 0]})
    out = ON.table(table, ("earlier", "later"), ("change",), "sv")
    assert list(out["later"]) == ["7", FEWER, "0"]
    assert list(out["earlier"]) == [5, 8, 0]  # nothing hidden in this column: numbers as they were
    assert out["change"].tolist() == [2, pd.NA, 0]
    assert str(out["change"].dtype) == "Int64"
    assert SHOW_ALL.table(table, "later", (), "sv") is table
    assert list(ON.visible(table, "later")["label"]) == ["a", "c"]


# -- tables, breakdowns, the progress table -------------------------------------------------------------------

def _numbers(values: pd.Series) -> set[float]:
    """The cells of a column that are numbers (or text that reads as a whole number)."""
    found: set[float] = set()
    for v in values:
        number = isinstance(v, (int, float)) and not pd.isna(v)
        if number or (isinstance(v, str) and v.strip().lstrip("-").isdigit()):
            found.add(float(v))
    return found


def test_generalised_table_suppresses_small_counts(published: Dashboard) -> None:
    """Counts per municipality and police area: 1 and 2 as words with a disclosure, as numbers without."""
    frame = published.scenes("real-2025")
    exact = generalised_table(published.reference, frame, lang="sv", disclosure=SHOW_ALL)
    assert _numbers(exact["Scener"]) >= SMALL
    shown = generalised_table(published.reference, frame, "sv", disclosure=ON)
    assert not SMALL & _numbers(shown["Scener"])
    assert WITHHELD in set(shown["Scener"])
    assert 5.0 in _numbers(shown["Scener"])  # a count that may be shown stays readable
    english = generalised_table(published.reference, frame, "en", disclosure=ON)
    assert "withheld" in set(english["Scenes"])


def test_breakdown_suppression(published: Dashboard) -> None:
    """Scenes as words when hidden; their area and rate empty; shown groups untouched; hidden rows by label."""
    all_scenes, surveys, ref = published.scenes(None), published.surveys(), published.reference
    plain = breakdown(all_scenes, surveys, ref, "municipality", lang="sv", disclosure=SHOW_ALL)
    table = breakdown(all_scenes, surveys, ref, "municipality", disclosure=ON, lang="sv")
    latest = table[table["survey_id"] == "real-2025"]
    assert list(latest["label"]) == ["Stockholm", "Järfälla", "Botkyrka", "Huddinge"]
    hidden = latest[latest["scenes"] == WITHHELD]
    assert set(hidden["label"]) == {"Botkyrka", "Huddinge"}
    assert hidden["area_m2"].isna().all()
    assert hidden["per_100k"].isna().all()
    huddinge = plain[(plain["survey_id"] == "real-2025") & (plain["label"] == "Huddinge")].iloc[0]
    assert huddinge["scenes"] == 2
    assert huddinge["area_m2"] > 0
    assert huddinge["per_100k"] > 0
    jarfalla = latest[latest["label"] == "Järfälla"].iloc[0]
    assert (jarfalla["scenes"], jarfalla["per_100k"]) == ("5", 5.6)
    for dimension in ("municipality", "police_area", "category", "district"):
        assert SMALL & _numbers(breakdown(all_scenes, surveys, ref, dimension, lang="sv",
                                          disclosure=SHOW_ALL)["scenes"])
        assert not SMALL & _numbers(breakdown(all_scenes, surveys, ref, dimension, disclosure=ON, lang="sv")["scenes"])
    assert suppressed(plain, SHOW_ALL, lang="sv") is plain
    with_ha = plain.assign(area_ha=plain["area_m2"] / 10_000)
    assert suppressed(with_ha, ON, lang="sv").loc[lambda t: t["scenes"] == FEWER, "area_ha"].isna().all()
    marked = breakdown(all_scenes, surveys, ref, "municipality", disclosure=ON, text=False, lang="sv")  # for the chart
    assert set(marked.loc[marked["withheld"] & (marked["survey_id"] == "real-2025"), "label"]) == {
        "Botkyrka", "Huddinge"}
    assert set(ON.visible(marked, "scenes")["scenes"]) >= {5, 7}


def test_change_by_suppression(published: Dashboard) -> None:
    """A change is left out (and listed last) when either side is hidden; 0 and visible changes are shown."""
    earlier, later, ref = published.scenes("real-2024"), published.scenes("real-2025"), published.reference
    table = change_by(earlier, later, ref, "municipality", disclosure=ON, lang="sv").set_index("label")
    assert table.loc["Haninge", ["earlier", "later", "change"]].tolist() == [7, "0", -7]
    assert table.loc["Järfälla", "change"] == 1
    assert table.loc["Huddinge", "later"] == WITHHELD
    assert pd.isna(table.loc["Huddinge", "change"])
    assert list(table.index[-2:]) == ["Botkyrka", "Huddinge"]
    police = change_by(earlier, later, ref, "police_area", disclosure=ON, lang="sv")
    for column in ("earlier", "later"):
        assert not SMALL & _numbers(police[column])
    assert police.loc[police["later"] == WITHHELD, "change"].isna().all()
    plain = change_by(earlier, later, ref, "police_area", lang="sv", disclosure=SHOW_ALL)
    assert _numbers(plain["later"]) >= SMALL


def test_progress_table_shows_a_small_county_total(settings: Settings) -> None:
    """County totals are shown to every reader (`Disclosure.county`): a survey of 2 scenes in the whole county is
    drawn, with its trajectory, for a participant as for the steering group."""
    dash = Dashboard(settings)
    dash.init(demo=True)
    _publish(dash, latest="tiny")
    stats = survey_stats(dash.surveys(), dash.scenes(None))
    assert [s.scenes for s in stats] == [33, 2]
    table = progress_table(stats, (), EXAMPLE_GOAL, [], "sv", disclosure=ON)
    surveys = table[table["series"] == "Kartläggningar (platsdata)"].set_index("label")
    assert surveys.loc["Uppföljning 2025", "value"] == 2
    assert FEWER not in surveys.loc["Uppföljning 2025", "note"]
    assert table.equals(progress_table(stats, (), EXAMPLE_GOAL, [], "sv", disclosure=SHOW_ALL))
    assert "Målbana" in set(progress_table(stats[1:], (), EXAMPLE_GOAL, [], "sv", disclosure=ON)["series"])


# -- the participants' exports --------------------------------------------------------------------------------

def test_generalised_exports_suppress_small_counts(published: Dashboard) -> None:
    """The generalised CSV and GeoJSON never write 1 or 2 as a count; the exact numbers come back with threshold 1."""
    csv_text = published.export("real-2025", "csv", precision="generalised", lang="sv").decode("utf-8")
    table = pd.read_csv(io.StringIO(csv_text.lstrip("\ufeff")), dtype=str)
    assert not SMALL & _numbers(table["Scener"])
    assert WITHHELD in set(table["Scener"])
    collection = json.loads(published.export("real-2025", "geojson", precision="generalised", lang="sv"))
    properties = {f["properties"]["kommun_kod"]: f["properties"] for f in collection["features"]}
    assert set(properties) == {"0123", "0126", "0127", "0180"}
    assert {p["scenes"] for p in properties.values()} == {5, 7, None}
    assert (properties["0126"]["scenes_text"], properties["0123"]["scenes_text"]) == (WITHHELD, "5")
    assert not any(isinstance(p["scenes"], int) and p["scenes"] in SMALL for p in properties.values())

    unsuppressed = Dashboard(published.settings.model_copy(update={"small_count_threshold": 1}))
    counts = {f["properties"]["kommun_kod"]: f["properties"]["scenes"]
              for f in json.loads(unsuppressed.export("real-2025", "geojson", precision="generalised",
                                                      lang="sv"))["features"]}
    assert (counts["0126"], counts["0127"]) == (2, 1)
    exact_csv = unsuppressed.export("real-2025", "csv", precision="generalised", lang="sv").decode("utf-8")
    assert _numbers(pd.read_csv(io.StringIO(exact_csv.lstrip("\ufeff")))["Scener"]) >= SMALL


# -- the pages ------------------------------------------------------------------------------------------------

@pytest.fixture
def page_store(app_env: Path) -> Path:
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash)
    return app_env


def _open(signed_in: Callable[..., AppTest], role: str, page: str) -> AppTest:
    """The page as `role`, with what it folds until asked for opened (the map's table): all it can send is read."""
    at = signed_in(role)
    at.session_state[keys.SCENE_TABLE_OPEN] = True
    at.run()
    at.switch_page(page)
    at.run()
    assert list(at.exception) == []
    return at


def _all_text(at: AppTest) -> str:
    """Every element's message, with the tables' and charts' data (sent as Arrow bytes) written out as text."""
    parts = [frame.to_string() for frame in [*(d.value for d in at.dataframe), *_chart_data(at)]]
    return "\n".join([*parts, element_text(at)])


def _chart_data(at: AppTest) -> list[pd.DataFrame]:
    """The data of every Vega-Lite chart on the page (sent as Arrow datasets)."""
    found: list[pd.DataFrame] = []

    def walk(node: object) -> None:
        if getattr(node, "type", None) == "vega_lite_chart":
            found.extend(pa.ipc.open_stream(d.data.data).read_all().to_pandas()
                         for d in node.proto.datasets)  # type: ignore[attr-defined]
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def _shown_counts(at: AppTest) -> set[float]:
    """Every number in a scene-count column of an area table, or in an area chart's counts (county-wide figures,
    the metrics and the table of surveys, are shown to every reader)."""
    found: set[float] = set()
    for frame in (d.value for d in at.dataframe):
        if "Exempeldata" in frame.columns:  # the surveys: county totals
            continue
        for column in COUNT_COLUMNS:
            if column in frame.columns:
                found |= _numbers(frame[column])
    for data in _chart_data(at):
        if "scenes" in data.columns and "key" in data.columns:
            found |= _numbers(data["scenes"])
    return found


def test_participant_sees_no_small_count_on_progress(page_store: Path, signed_in: Callable[..., AppTest]) -> None:
    """Utveckling as deltagare: no 1 or 2 in any count, no district, hidden bars left out and said so."""
    at = _open(signed_in, "deltagare", "screens/progress.py")
    assert not SMALL & _shown_counts(at)
    text = _all_text(at)
    assert WITHHELD in text
    assert not any(name in text for name in DISTRICTS)
    assert "Stadsdel" not in text  # neither the breakdown option nor the district change table
    assert any("Skyddade antal visas inte i diagrammet" in c.value for c in at.caption)
    bars = next(d for d in _chart_data(at) if "key" in d.columns)  # the breakdown (the impact chart has no key)
    assert set(bars.loc[bars["survey_id"] == "real-2025", "key"]) == {"0123", "0180"}
    assert bars["area_m2"].notna().any()  # shown bars keep their area (a group of points only has none, not 0)
    breakdown_table = next(d.value for d in at.dataframe if "Per 100 000 inv." in d.value.columns)
    hidden = breakdown_table[breakdown_table["Scener"] == WITHHELD]
    assert len(hidden) == 2
    assert (hidden[["Per 100 000 inv.", "Yta (ha)"]] == "–").all().all()  # missing, as the table shows it
    assert [m.value for m in at.metric if m.label == "Nya"] == ["1"]  # county-wide: shown


def test_steering_group_sees_the_small_counts_on_progress(page_store: Path,
                                                          signed_in: Callable[..., AppTest]) -> None:
    """The same page for styrgrupp shows 1 and 2 and the districts (so the test above can fail)."""
    at = _open(signed_in, "styrgrupp", "screens/progress.py")
    assert _shown_counts(at) >= SMALL
    text = _all_text(at)
    assert FEWER not in text
    assert WITHHELD not in text
    assert all(name in text for name in DISTRICTS)
    assert "Stadsdel" in text
    assert "Nya: 1" in text


def test_participant_overview_key_figures_hold_under_arithmetic(page_store: Path,
                                                                signed_in: Callable[..., AppTest]) -> None:
    """Översikt as deltagare: the county-wide key figures are all numbers (the issue: "Nya: färre än 3" beside 42
    and 40 was a subtraction away), and they add up: total = persisting + new, previous = persisting + ceased."""
    at = _open(signed_in, "deltagare", "screens/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Öppna drogscener"], metrics["Nya"], metrics["Kvarstående"], metrics["Upphörda"]) == (
        "15", "1", "14", "19")
    assert int(metrics["Kvarstående"]) + int(metrics["Nya"]) == int(metrics["Öppna drogscener"])
    text = _all_text(at)
    assert not {FEWER, WITHHELD} & set(metrics.values())
    assert WITHHELD in text  # the small map withholds municipalities (its legend says so)
    assert not SMALL & _shown_counts(at)
    assert not any(name in text for name in DISTRICTS)
    exact = _open(signed_in, "styrgrupp", "screens/overview.py")
    assert "Nya: 1" in _all_text(exact)
    assert WITHHELD not in _all_text(exact)


def test_small_county_total_on_overview(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """A latest survey of 2 scenes: a county-wide figure, so the participant reads 2, its area, change and
    trajectory like the steering group (the map below withholds the municipality and another beside it)."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _publish(dash, latest="tiny")
    at = _open(signed_in, "deltagare", "screens/overview.py")
    metrics = {m.label: m for m in at.metric}
    assert metrics["Öppna drogscener"].value == "2"
    assert metrics["Öppna drogscener"].delta
    assert metrics["Kommuner"].value == "1"
    surveys = next(d.value for d in at.dataframe if "Exempeldata" in d.value.columns).set_index("Namn")
    assert surveys.loc["Uppföljning 2025", "Scener"] == 2
    assert "Vid senaste kartläggningen" in _all_text(at)
    exact = _open(signed_in, "styrgrupp", "screens/overview.py")
    assert {m.label: m.value for m in exact.metric}["Öppna drogscener"] == "2"


def _map_numbers(text: str) -> list[str]:
    """What the map writes on each municipality (count labels) and in its tooltips ("value"), as sent."""
    # the map's JavaScript travels JSON-escaped several times over: drop the escapes, then decode \uXXXX
    text = re.sub(r"u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), text.replace("\\", ""))
    labels = re.findall(r"<span>([^<]*)</span>", text)
    values = re.findall(r'"value": "([^"]*)"', text)
    return labels + values


def test_participant_map_never_shows_a_small_count(page_store: Path, signed_in: Callable[..., AppTest]) -> None:
    """Karta as deltagare, on a survey with municipalities of 1 and 2 scenes: labels, tooltips, the count line,
    the table and a filter isolating one scene all say "skyddad"; no 1 or 2 is sent."""
    at = _open(signed_in, "deltagare", "screens/map.py")
    shown = _map_numbers(element_text(at))
    assert shown
    assert WITHHELD in shown
    assert not {"1", "2"} & set(shown), shown
    table = next(d.value for d in at.dataframe if "Scener" in d.value.columns)
    assert not SMALL & _numbers(table["Scener"])
    assert WITHHELD in set(table["Scener"])
    at.multiselect(key="f_kommun").set_value(["0127"]).run()  # Botkyrka: one scene
    assert any(f"urvalet i Uppföljning 2025: {WITHHELD}" in m.value for m in at.markdown), [
        m.value for m in at.markdown][:5]
    shown = _map_numbers(element_text(at))
    assert WITHHELD in shown
    assert not {"1", "2"} & set(shown)
    at.radio(key="f_measure").set_value("per_capita").run()  # a rate would give the count away
    values = _map_numbers(element_text(at))
    assert "1,0" not in values
    assert WITHHELD in values


def test_steering_group_map_shows_the_small_counts(page_store: Path, signed_in: Callable[..., AppTest]) -> None:
    """The same map for styrgrupp: the count line says 1 for Botkyrka (so the test above can fail)."""
    at = _open(signed_in, "styrgrupp", "screens/map.py")
    at.multiselect(key="f_kommun").set_value(["0127"]).run()
    assert any(m.value.startswith("Visar 1 av 15") for m in at.markdown), [m.value for m in at.markdown][:5]
    assert "1" in _map_numbers(element_text(at))
    at.radio(key="f_measure").set_value("per_capita").run()
    assert "1,0" in _map_numbers(element_text(at))
