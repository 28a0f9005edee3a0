"""The progress chart's data and rendering (offline, through vl-convert).

Layout tests read vl-convert's scenegraph: what Vega actually draws, with positions, at a phone's width.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from scenes.domain.breakdown import breakdown
from scenes.domain.disclosure import SHOW_ALL
from scenes.model import PublishedTotal, Seminar
from scenes.render.charts import (
    BREAKDOWN_PALETTE,
    OKABE_ITO,
    breakdown_chart,
    count_domain,
    matching_totals,
    progress_chart,
    progress_table,
    seminar_key,
    seminar_rows,
    to_png,
)
from scenes.views.dashboard import Dashboard


def _table(demo: Dashboard, lang: str = "sv"):  # type: ignore[no-untyped-def]
    return progress_table(demo.stats(), demo.reference.published_totals, demo.store.goal(), demo.store.seminars(),
                          lang, disclosure=SHOW_ALL)


def test_progress_table_holds_every_series(demo: Dashboard) -> None:
    """Three survey points (each with the published total of the same survey beside it), the one published total
    without a survey (2017), the two trajectory ends, two seminars; every published figure keeps its source."""
    table = _table(demo)
    counts = table.groupby("series").size().to_dict()
    assert counts == {"Kartläggningar (platsdata)": 3, "Publicerade totaler": 1, "Målbana": 2, "Seminarier": 2}
    assert table[table["series"] == "Publicerade totaler"]["source"].str.len().gt(0).all()
    surveys = table[table["series"] == "Kartläggningar (platsdata)"]
    assert list(surveys["published"]) == [64.0, 63.0, 53.0]
    assert surveys["published_source"].str.len().gt(0).all()


def test_trajectory_runs_from_baseline_to_target(demo: Dashboard) -> None:
    """The trajectory starts at the baseline survey's count and ends at the goal on the target date."""
    trajectory = _table(demo).query("series == 'Målbana'").sort_values("date")
    assert list(trajectory["value"]) == [64.0, 32.0]
    assert trajectory["date"].iloc[-1].date() == dt.date(2027, 12, 31)


def test_seminar_with_unknown_date_is_placed_at_deadline_and_says_so(demo: Dashboard) -> None:
    """The 2025 seminar sits at its registration deadline with a note that the date is not known."""
    sem = _table(demo, "en").query("series == 'Seminars'").sort_values("date").iloc[-1]
    assert sem["date"].date() == dt.date(2025, 11, 4)
    assert "not known" in sem["note"]


def test_charts_render_to_png_offline(demo: Dashboard) -> None:
    """Both chart kinds render to PNG in-process."""
    png = to_png(progress_chart(_table(demo), width=500, lang="sv"))
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL)
    png2 = to_png(breakdown_chart(data, width=400, lang="sv"))
    assert png[:8] == png2[:8] == b"\x89PNG\r\n\x1a\n"


def test_charts_use_colour_blind_safe_palette(demo: Dashboard) -> None:
    """Series colours come from the Okabe–Ito palette and also differ in shape."""
    spec = progress_chart(_table(demo), lang="sv").to_dict()
    text = str(spec)
    assert "#0072B2" in text
    assert "#D55E00" in text
    assert "'square'" in text
    assert "'diamond'" in text


# -- layout: what Vega draws -------------------------------------------------------------------------------------

PHONE = 340  # the chart's width in a 390 px wide phone screen, after the page's margins


def _items(chart: alt.TopLevelMixin) -> tuple[dict[str, Any], list[tuple[str, str, dict[str, Any], float, float]]]:
    """The scenegraph and every drawn item: (marktype, role, item, absolute x, absolute y)."""
    graph = vlc.vegalite_to_scenegraph(chart.to_json())
    found: list[tuple[str, str, dict[str, Any], float, float]] = []

    def walk(node: dict[str, Any], x: float, y: float, role: str) -> None:
        for item in node.get("items", []):
            if "marktype" in item:
                walk(item, x, y, item.get("role") or role)
                continue
            found.append((node["marktype"], role, item, x + item.get("x", 0), y + item.get("y", 0)))
            if node["marktype"] == "group":
                walk(item, x + item.get("x", 0), y + item.get("y", 0), role)

    walk(graph["scenegraph"], graph["origin"][0], graph["origin"][1], "")
    return graph, found


def _text_extent(item: dict[str, Any], x: float) -> tuple[float, float]:
    """Left and right edge of a text item, its width estimated generously (0.62 em a character), capped by its
    limit as Vega caps it."""
    width = 0.62 * item.get("fontSize", 11) * len(str(item.get("text", "")))
    width = min(width, item["limit"]) if item.get("limit") else width
    left = {"left": x, "center": x - width / 2, "right": x - width}[item.get("align", "left")]
    return left, left + width


def _symbols(found: list[tuple[str, str, dict[str, Any], float, float]]) -> list[dict[str, Any]]:
    return [item for kind, role, item, _, _ in found if kind == "symbol" and role == "mark"]


def test_same_survey_is_drawn_once_and_its_tooltip_gives_both_figures(demo: Dashboard) -> None:
    """The 2021 survey (1 Dec) and the 2021 total (known to the year only) are one point; so are the 2023 and 2024
    ones. Drawn: three surveys, the 2017 total and the goal end of the trajectory, nothing else."""
    _, found = _items(progress_chart(_table(demo), width=PHONE, lang="sv"))
    points = [s for s in _symbols(found) if s.get("size", 0) < 300]  # not the seminar badges
    assert len(points) == 5
    described = [p["description"] for p in points]
    assert sum("2021" in d for d in described) == 1
    merged = next(d for d in described if "2021" in d)
    assert "Publicerad total: 64 (Kartläggning 2021)" in merged
    assert "Länsstyrelsen" in merged
    note = _table(demo).query("series == 'Kartläggningar (platsdata)'").iloc[0]["note"]
    assert "Samma kartläggning som den publicerade totalen Kartläggning 2021" in note


def test_matching_is_by_year_for_a_year_only_total_and_one_to_one(demo: Dashboard) -> None:
    """A year-only total matches a survey that year; with two candidate surveys the one whose count agrees wins;
    a survey never takes two totals; a total in a year without a survey stays on its own."""
    stats = demo.stats()
    totals = demo.reference.published_totals
    by_survey = matching_totals(stats, totals)
    assert {k: v.label for k, v in by_survey.items()} == {
        "demo-2021": "Kartläggning 2021", "demo-2023-11": "Kartläggning november 2023",
        "demo-2024-02": "Uppföljning februari 2024"}
    year_2023 = replace(totals[2], date=dt.date(2023, 12, 31), date_precision="year", scenes=53)
    twin = replace(stats[2], survey=replace(stats[2].survey, id="x", date=dt.date(2023, 3, 1)), scenes=53)
    chosen = matching_totals([stats[1], twin], [year_2023])
    assert list(chosen) == ["x"]  # the count agrees
    assert matching_totals(stats, [totals[0]]) == {}  # 2017: no survey


def test_count_axis_contains_every_value_and_has_whole_ticks(demo: Dashboard) -> None:
    """The y domain is zero-based, ends above the largest value (a published total far above the surveys too) with
    room for the seminar badges, and its ticks are whole numbers; no point is drawn above the axis."""
    big = PublishedTotal(dt.date(2019, 5, 1), "day", "Stor", 1234, None, None, "", "Källa", "", "L")
    table = progress_table(demo.stats(), (*demo.reference.published_totals, big), demo.store.goal(),
                           demo.store.seminars(), lang="sv", disclosure=SHOW_ALL)
    spec = progress_chart(table, lang="sv").to_dict()
    y = next(layer["encoding"]["y"] for layer in spec["layer"] if layer["encoding"]["y"]["field"] == "value")
    low, high = y["scale"]["domain"]
    assert low == 0
    assert high >= 1234
    assert y["scale"]["zero"] is True
    assert y["axis"]["tickMinStep"] == 1
    assert y["axis"]["format"].endswith("d")
    assert all(float(v).is_integer() for v in y["axis"]["values"])
    _, found = _items(progress_chart(table, width=PHONE, lang="sv"))
    badges = [s for s in _symbols(found) if s.get("size", 0) >= 300]
    band = max(s["y"] for s in badges) + 9
    assert all(band < s["y"] for s in _symbols(found) if s not in badges)
    assert count_domain([2.0])[0] == [0.0, 2.0]
    assert count_domain([0.0])[0] == [0.0, 1.0]
    for values in ([64.0], [7.0], [1234.0], [3.2, 64.0]):
        (zero, top), step = count_domain(values, headroom=0.1)
        assert zero == 0
        assert top * 0.9 >= max(values)
        assert step >= 1
        assert float(top / step).is_integer()


def test_breakdown_counts_have_whole_ticks_and_rates_do_not(demo: Dashboard) -> None:
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL)
    counts = breakdown_chart(data, lang="sv").to_dict()["encoding"]["x"]["axis"]
    assert counts["tickMinStep"] == 1
    assert counts["format"].endswith("d")
    rate = breakdown_chart(data, measure="per_100k", lang="sv").to_dict()["encoding"]["x"]["axis"]
    assert "tickMinStep" not in rate


def test_numbers_and_months_follow_the_language(demo: Dashboard) -> None:
    """Swedish groups thousands with a no-break space and writes 1 december 2021; English 1,000 and December
    (axis labels as drawn; dates as the tooltips format them, with the chart's own locale)."""
    big = PublishedTotal(dt.date(2019, 5, 1), "day", "Stor", 1234, None, None, "", "Källa", "", "L")
    for lang, thousand, month in (("sv", "1\u00a0000", "1 december 2021"), ("en", "1,000", "1 December 2021")):
        chart = progress_chart(progress_table(demo.stats(), (big,), demo.store.goal(), [], lang, disclosure=SHOW_ALL),
                               lang, width=PHONE)
        _, found = _items(chart)
        assert thousand in [item["text"] for _, role, item, _, _ in found if role == "axis-label"]
        date_format = {tt["format"] for layer in chart.to_dict()["layer"] for tt in layer["encoding"].get("tooltip", [])
                       if tt["field"] == "date"}
        assert len(date_format) == 1
        probe = alt.Chart(pd.DataFrame({"d": [pd.Timestamp("2021-12-01")]})).mark_text().encode(
            text=alt.Text("d:T", format=date_format.pop())).configure(**chart.to_dict()["config"])
        assert [item["text"] for _, _, item, _, _ in _items(probe)[1] if "text" in item] == [month]


def _seminar(n: int, day: dt.date, title: str) -> Seminar:
    return Seminar(f"s{n}", title, "seminarium", day, "", "", None, "", "", "")


def test_seminars_close_in_time_get_different_rows() -> None:
    """Badges closer than a badge's width on the narrowest plot are stacked; far apart ones share the top row."""
    days = [dt.date(2022, 9, 14), dt.date(2022, 9, 15), dt.date(2022, 9, 16), dt.date(2025, 11, 4)]
    rows = seminar_rows(days, span_days=3800)
    assert rows[:3] == [0, 1, 2]
    assert rows[3] == 0
    assert seminar_rows([dt.date(2025, 1, 1), dt.date(2022, 1, 1)], span_days=3800) == [0, 0]


def test_seminar_badges_and_labels_never_overlap_or_leave_the_chart(demo: Dashboard) -> None:
    """Three seminars in one week, at a phone's width: every badge apart from the others, every text (numbers,
    axis labels, legend) inside the chart's width; the titles are in the key, numbered like the badges."""
    seminars = [_seminar(i, dt.date(2022, 9, 13 + i), f"Workshop {i} om en mycket lång titel som aldrig får "
                         "klippas eller skriva över något annat") for i in range(3)]
    seminars.append(_seminar(3, dt.date(2027, 12, 30), "Sist"))
    table = progress_table(demo.stats(), demo.reference.published_totals, demo.store.goal(), seminars, lang="sv",
                           disclosure=SHOW_ALL)
    graph, found = _items(progress_chart(table, width=PHONE, lang="sv"))
    badges = [(x, y) for kind, role, item, x, y in found
              if kind == "symbol" and role == "mark" and item.get("size", 0) >= 300]
    assert len(badges) == 4
    for (x1, y1), (x2, y2) in itertools.combinations(badges, 2):
        assert max(abs(x1 - x2), abs(y1 - y2)) >= 18, "badges overlap"
    assert all(9 <= x <= graph["width"] - 9 for x, _ in badges)
    for kind, role, item, x, _ in found:
        if kind == "text" and item.get("angle", 0) == 0:
            left, right = _text_extent(item, x)
            assert left >= 0, (role, item.get("text"))
            assert right <= graph["width"], (role, item.get("text"))
    key = seminar_key(table, lang="sv")
    assert len(key) == 4
    assert key[0].startswith("1 – Workshop 0")
    assert "13 september 2022" in key[0]


def test_a_wide_chart_staggers_its_badges_for_its_own_width(demo: Dashboard) -> None:
    """The report's chart (760 px) needs fewer badge rows than one that may be a phone's width, and every badge
    still keeps apart from the others."""
    seminars = [_seminar(i, dt.date(2022, 1, 15) + dt.timedelta(days=70 * i), f"Seminarium {i}") for i in range(20)]
    table = progress_table(demo.stats(), demo.reference.published_totals, demo.store.goal(), seminars, lang="sv",
                           disclosure=SHOW_ALL)

    def badges(width: int | str) -> list[tuple[float, float]]:
        _, found = _items(progress_chart(table, width=width, lang="sv"))
        return [(x, y) for kind, role, item, x, y in found
                if kind == "symbol" and role == "mark" and item.get("size", 0) >= 300]

    wide, narrow = badges(760), badges(PHONE)
    assert len(wide) == len(narrow) == 20
    assert len({y for _, y in wide}) < len({y for _, y in narrow})
    for (x1, y1), (x2, y2) in itertools.combinations(wide, 2):
        assert max(abs(x1 - x2), abs(y1 - y2)) >= 18, "badges overlap"


def test_breakdown_legend_lists_every_survey_in_full(demo: Dashboard) -> None:
    """Five surveys at a phone's width: five legend labels, each inside the chart, and names of a usual length
    whole (a label is cut with an ellipsis only beyond the plot's width)."""
    data = breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "municipality", lang="sv",
                     disclosure=SHOW_ALL)
    extra = []
    for i, name in enumerate(["Uppföljning november 2024 (exempel)",
                              "En kartläggning med ett namn långt bortom vad som får plats på en telefon (exempel)"]):
        copy = data[data["survey_id"] == "demo-2024-02"].copy()
        copy["survey_id"], copy["survey"] = f"x{i}", name
        copy["date"] = copy["date"] + pd.Timedelta(days=100 * (i + 1))
        extra.append(copy)
    data = pd.concat([data, *extra], ignore_index=True)
    graph, found = _items(breakdown_chart(data, width=PHONE, lang="sv"))
    labels = [(item, x) for kind, role, item, x, _ in found if role == "legend-label"]
    assert sorted(item["text"] for item, _ in labels) == sorted(data["survey"].unique())
    for item, x in labels:
        _, right = _text_extent(item, x)
        assert right <= graph["width"]
        if len(item["text"]) <= 40:  # whole: room for a full 0.55 em a character (sans-serif averages ~0.5)
            assert item["limit"] >= 0.55 * item["fontSize"] * len(item["text"]), item["text"]


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_breakdown_palette_colours_are_clearly_distinct() -> None:
    """Okabe–Ito without sky blue: every pair at least 30 apart in CIE L*a*b* (blue and sky are 26)."""
    assert OKABE_ITO["sky"] not in BREAKDOWN_PALETTE
    for a, b in itertools.combinations(BREAKDOWN_PALETTE, 2):
        distance = sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5
        assert distance >= 30, (a, b)
    assert BREAKDOWN_PALETTE[:2] == [OKABE_ITO["blue"], OKABE_ITO["orange"]]


LEGEND_CHANNELS = {"color", "fill", "stroke", "shape", "strokeDash", "size", "opacity"}


def _legends(spec: Any) -> Iterator[tuple[str, Any]]:
    """(channel, legend definition) of every channel that can have a legend; None where it is switched off."""
    if isinstance(spec, dict):
        for channel, definition in (spec.get("encoding") or {}).items():
            if channel in LEGEND_CHANNELS and isinstance(definition, dict) and "field" in definition:
                yield channel, definition.get("legend", {})
        for value in spec.values():
            yield from _legends(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _legends(value)


@pytest.mark.parametrize("which", ["progress", "breakdown"])
def test_one_legend_with_one_definition(demo: Dashboard, which: str) -> None:
    """Colour and shape share one legend: every channel that could show a legend defines it identically
    (Vega-Lite warned 'Conflicting legend property "disable"' in the browser when the dash had none), and the
    compiled Vega has exactly one legend."""
    if which == "progress":
        chart: alt.TopLevelMixin = progress_chart(_table(demo), lang="sv")
    else:
        chart = breakdown_chart(breakdown(demo.store.scenes(), demo.store.surveys(), demo.reference, "category",
                                          lang="sv", disclosure=SHOW_ALL), lang="sv")
    spec = chart.to_dict()
    definitions = {json.dumps(legend, sort_keys=True) for _, legend in _legends(spec)}
    assert len(definitions) == 1
    assert len(vlc.vegalite_to_vega(chart.to_json())["legends"]) == 1
    # no dash channel in the legend: merged into it, the dash garbled the trajectory's diamond symbol
    assert "strokeDash" not in {channel for channel, _ in _legends(spec)}
