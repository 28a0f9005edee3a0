"""Altair (Vega-Lite) charts: the progress timeline, breakdowns and the safety indicators.

Colours are from the Okabe–Ito palette and every series also differs in shape or dash, so no meaning rests on
colour alone. Every chart is built from a plain table (`progress_table`, `breakdown`) that the UI offers as a
download, and renders offline to PNG through vl-convert for the PDF report.

Layout rules the charts keep at any width (phone to wide screen, and the PDF's fixed width):
- the count axis starts at zero and ends on a round number above every value drawn (`count_domain`), with whole
  numbers only as ticks;
- a survey and the published total of the same survey are one point (`matching_totals`), whose tooltip carries both;
- seminars are numbered badges in a band at the top of the plot, staggered into rows so that badges close in time
  never overlap (`seminar_rows`); their titles are in a key beside the chart (`seminar_key`), not in the plot;
- legends list one item per line, so none is cut off; `autosize` fits the whole chart, padding included, to the width;
- numbers and dates are written the interface language's way (`vega_locale` in the spec's config, which both the
  browser and vl-convert honour).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

import altair as alt
import pandas as pd
from babel.dates import get_day_names, get_month_names, get_period_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from scenes.domain.disclosure import Disclosure
from scenes.domain.indicators import Indicator
from scenes.domain.progress import SurveyStats, baseline_of, trajectory_value
from scenes.i18n import LOCALES, date_text, number, t
from scenes.model import Goal, Lang, PublishedTotal, Seminar, Survey
from scenes.reference import Reference

__all__ = ["BREAKDOWN_PALETTE", "IMPACT_PALETTE", "breakdown_chart", "count_domain", "impact_chart",
           "indicator_chart", "indicator_table", "matching_totals", "progress_chart", "progress_table", "seminar_key",
           "seminar_rows", "to_png"]

_C = TypeVar("_C", alt.Chart, alt.LayerChart)

OKABE_ITO = {"blue": "#0072B2", "vermillion": "#D55E00", "green": "#009E73", "black": "#000000",
             "orange": "#E69F00", "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442"}
#: one colour per survey, oldest first. Okabe–Ito without sky blue (too close to blue); pale yellow last.
BREAKDOWN_PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "green", "purple", "vermillion", "black", "yellow")]

@cache
def vega_locale(lang: Lang) -> dict[str, object]:
    """The Vega format locale (d3-format / d3-time-format definition) of an interface language, from Babel's locale
    data, as the rest of the pages write numbers and dates: Swedish 1 234,5 and lower-case month names."""
    locale = LOCALES.get(lang, LOCALES["sv"])
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)  # 0 is Monday; d3 starts on Sunday
    short_days = get_day_names("abbreviated", locale=locale)
    periods = get_period_names(locale=locale)
    return {
        "number": {"decimal": get_decimal_symbol(locale), "thousands": get_group_symbol(locale), "grouping": [3],
                   "currency": ["", ""]},
        "time": {"dateTime": "%x %X", "date": "%Y-%m-%d" if lang == "sv" else "%d/%m/%Y", "time": "%H:%M:%S",
                 "periods": [periods["am"], periods["pm"]],
                 "days": [days[(i + 6) % 7] for i in range(7)],
                 "shortDays": [short_days[(i + 6) % 7] for i in range(7)],
                 "months": [months[m] for m in range(1, 13)], "shortMonths": [short_months[m] for m in range(1, 13)]},
    }


COUNT_FORMAT = ",d"  # whole numbers, thousands grouped the language's way
DECIMAL_FORMAT = ",.1~f"  # at most one decimal: 31,5 / 32
DATE_FORMAT = "%-d %B %Y"  # 1 december 2021 / 1 December 2021
#: the chart fills the width it is given, axes and legend included; the plot keeps the height asked for, so the
#: band kept free for seminar badges is a known share of it
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")
#: room round the chart for text Vega measures narrower than the browser draws it (Streamlit's font)
PADDING = {"left": 8, "top": 8, "right": 8, "bottom": 4}


def _legend(compact: bool = False) -> alt.Legend:
    """One legend item per line, each label as wide as the plot allows (a bottom legend starts at the plot's left
    edge). Every channel that shares the legend gets this same definition, so Vega-Lite merges them cleanly.

    `compact`: where the plot is wide enough (480 px), the items share one line, three columns of a third each.
    """
    if compact:
        return alt.Legend(title=None, orient="bottom", direction="vertical",
                          columns=alt.ExprRef("width >= 480 ? 3 : 1"),
                          labelLimit=alt.ExprRef("width >= 480 ? max(width / 3 - 24, 80) : max(width - 24, 80)"))
    return alt.Legend(title=None, orient="bottom", direction="vertical", columns=1,
                      labelLimit=alt.ExprRef("max(width - 24, 80)"))

#: a published total dated to the day or month matches a survey at most this many days away
MATCH_DAYS = 45
#: seminar badges: diameter and row pitch in pixels, and the narrowest plot they must not overlap on
BADGE_SIZE = 18
BADGE_PITCH = 22
NARROWEST_PLOT_PX = 260


def _placed(total: PublishedTotal) -> dt.date:
    """Where a published total sits on the time axis: a figure known to the year only is drawn mid-year."""
    return dt.date(total.date.year, 7, 1) if total.date_precision == "year" else total.date


def _describes(survey: Survey, total: PublishedTotal) -> bool:
    """Whether a survey's date agrees with a published total's date as far as the total's date is known."""
    if total.date_precision == "year":
        return survey.date.year == total.date.year
    return abs((survey.date - total.date).days) <= MATCH_DAYS


def matching_totals(stats: Sequence[SurveyStats], totals: Sequence[PublishedTotal]) -> dict[str, PublishedTotal]:
    """Survey id -> the published total that describes the same survey; each total and survey used at most once.

    A total describes a survey when their dates agree as far as the total's date is known: the same year for a
    figure known to the year only, at most `MATCH_DAYS` apart otherwise. Where several pairs are possible, a pair
    whose counts agree goes first, then the pair closest in time.
    """
    pairs = sorted(((s.scenes != p.scenes, abs((s.survey.date - _placed(p)).days), i, j)
                    for i, s in enumerate(stats) for j, p in enumerate(totals) if _describes(s.survey, p)))
    out: dict[str, PublishedTotal] = {}
    used: set[int] = set()
    for _, _, i, j in pairs:
        survey_id = stats[i].survey.id
        if survey_id not in out and j not in used:
            out[survey_id] = totals[j]
            used.add(j)
    return out


def progress_table(stats: list[SurveyStats], totals: tuple[PublishedTotal, ...], goal: Goal,
                   seminars: list[Seminar], lang: Lang, *, disclosure: Disclosure) -> pd.DataFrame:
    """Every point of the progress chart, one row each: series, date, value, label, source, note, and for a survey
    the published total of the same survey (published, published_label, published_source).

    A survey and the published total of the same survey (`matching_totals`) are one row, so one point: the survey's
    own count in `value`, the published figure beside it, and a note that says they are the same survey. A published
    total without a survey is a row of its own.

    The county totals are shown to every reader (`Disclosure.county`), so `disclosure` hides nothing here; were
    one hidden, it would have no value (not drawn) and say so in its note, and the goal trajectory, which starts at
    the baseline's total, would be left out.
    """
    disclosure = disclosure.county
    matched = {sid: p for sid, p in matching_totals(stats, totals).items()
               if not disclosure.hidden(next(s.scenes for s in stats if s.survey.id == sid))}
    rows: list[dict[str, object]] = []
    for s in stats:
        same = matched.get(s.survey.id)
        notes = [t("chart.demo", lang) if s.survey.demo else "",
                 disclosure.suppressed_text(lang) if disclosure.hidden(s.scenes) else "",
                 t("chart.same_survey", lang, label=same.label, n=same.scenes) if same else ""]
        rows.append({"series": t("chart.series.surveys", lang), "date": s.survey.date,
                     "value": disclosure.derived(float(s.scenes), s.scenes), "label": s.survey.name,
                     "source": s.survey.source, "note": "; ".join(n for n in notes if n),
                     "published": float(same.scenes) if same else None, "published_label": same.label if same else "",
                     "published_source": same.source if same else ""})
    drawn_with_survey = {id(p) for p in matched.values()}
    for p in totals:
        if id(p) in drawn_with_survey:
            continue
        # A figure known to the year only is drawn mid-year, and its tooltip says the year is all we know.
        rows.append({"series": t("chart.series.published", lang), "date": _placed(p), "value": float(p.scenes),
                     "label": p.label, "source": p.source,
                     "note": (t("chart.year_only", lang) + " " if p.date_precision == "year" else "")
                     + p.notes_in(lang)})
    base = baseline_of(stats, goal)
    if base is not None and not disclosure.hidden(base.scenes):
        goal_note = t("chart.goal_example", lang) if goal.is_example else ""
        for day in (base.survey.date, goal.target_date):
            rows.append({"series": t("chart.series.trajectory", lang), "date": day,
                         "value": round(trajectory_value(goal, base.survey.date, base.scenes, day), 1),
                         "label": t("chart.trajectory_label", lang, count=goal.target_count,
                                    date=date_text(goal.target_date, lang)),
                         "source": "", "note": goal_note})
    for sem in seminars:
        placed = sem.timeline_date
        if placed is None:
            continue
        rows.append({"series": t("chart.series.seminars", lang), "date": placed, "value": None, "label": sem.title,
                     "source": sem.source,
                     "note": "" if sem.date else t("chart.date_unknown", lang, deadline=date_text(placed, lang))})
    columns = ["series", "date", "value", "label", "source", "note", "published", "published_label",
               "published_source"]
    table = pd.DataFrame(rows, columns=columns)
    table["date"] = pd.to_datetime(table["date"])
    for column in ("source", "note", "published_label", "published_source"):
        table[column] = table[column].fillna("")
    return table.sort_values(["series", "date"], kind="stable").reset_index(drop=True)


def _nice_step(raw: float) -> float:
    """The d3 tick step for `raw`: 1, 2 or 5 times a power of ten."""
    power = 10.0 ** math.floor(math.log10(raw))
    error = raw / power
    return power * (10 if error >= 7.07 else 5 if error >= 3.16 else 2 if error >= 1.41 else 1)


def count_domain(values: Sequence[float], *, headroom: float = 0.0, ticks: int = 6) -> tuple[list[float], float]:
    """A zero-based count axis for `values`: (domain, tick step).

    The top is a whole multiple of a round step (at least 1), high enough that every value sits in the lower
    `1 - headroom` share of the axis (the top share is kept free for the seminar badges).
    """
    finite = [v for v in values if v is not None and math.isfinite(v)]
    top = max([*finite, 0.0]) / (1.0 - headroom)
    if top <= 0:
        return [0.0, 1.0], 1.0
    step = max(1.0, _nice_step(top / ticks))
    return [0.0, math.ceil(top / step) * step], step


def seminar_rows(dates: Sequence[dt.date], span_days: float, *, plot_px: float = NARROWEST_PLOT_PX) -> list[int]:
    """The badge row (0 = top) of each seminar, in the order given: badges closer in time than one badge's width
    on a plot `plot_px` wide showing `span_days` go to different rows (greedy, oldest first, lowest free row)."""
    gap = span_days * BADGE_PITCH / max(plot_px, 1.0)
    last: list[dt.date] = []  # last date placed in each row
    rows = [0] * len(dates)
    for i in sorted(range(len(dates)), key=lambda k: dates[k]):
        row = next((r for r, d in enumerate(last) if (dates[i] - d).days >= gap), len(last))
        if row == len(last):
            last.append(dates[i])
        last[row] = dates[i]
        rows[i] = row
    return rows


def _seminars(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The seminar rows of a progress table, oldest first, numbered from 1."""
    seminars = table[table["series"] == t("chart.series.seminars", lang)].sort_values(["date", "label"])
    seminars = seminars.reset_index(drop=True).copy()
    seminars["number"] = [str(i + 1) for i in range(len(seminars))]
    return seminars


def seminar_key(table: pd.DataFrame, lang: Lang) -> list[str]:
    """The key to the progress chart's seminar badges: "1 – title (date)", one line per seminar."""
    return [t("chart.seminar_key_item", lang, number=r["number"], title=r["label"],
              date=date_text(r["date"].date(), lang)) + (f" – {r['note']}" if r["note"] else "")
            for _, r in _seminars(table, lang).iterrows()]


def _sized(chart: _C, lang: Lang, width: int | str, height: int) -> _C:
    """A top-level chart: its size, the shared autosize and padding, and the language's number and date locale."""
    sized: _C = chart.properties(width=width, height=height, autosize=AUTOSIZE, padding=PADDING).configure(
        locale=vega_locale(lang))
    return sized


def _tooltip(field: str, title: str, kind: str = "N", fmt: str | None = None) -> alt.Tooltip:
    return alt.Tooltip(f"{field}:{kind}", title=title, format=fmt) if fmt else alt.Tooltip(f"{field}:{kind}",
                                                                                          title=title)


def progress_chart(table: pd.DataFrame, lang: Lang, *, width: int | str = "container",
                   height: int = 420, compact_legend: bool = False) -> alt.LayerChart:
    """Counts per survey, published totals, the goal trajectory and seminars, on one time axis."""
    series = [t(f"chart.series.{k}", lang) for k in ("surveys", "published", "trajectory")]
    colours = [OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["black"]]
    shapes = ["circle", "square", "diamond"]
    points = table[table["series"].isin(series)].copy()
    points["published_text"] = [
        "" if pd.isna(v) else t("chart.published_value", lang, value=number(v, lang), label=label)
        for v, label in zip(points["published"], points["published_label"], strict=True)]
    # The trajectory starts at the baseline survey's point: only its end (the goal) gets a marker of its own.
    trajectory = points["series"] == series[2]
    points["marker"] = ~(trajectory & (points["date"] == points.loc[trajectory, "date"].min()))
    seminars = _seminars(table, lang)

    dates = pd.to_datetime(table["date"])
    span = max((dates.max() - dates.min()).days, 1) if len(dates) else 1
    # A chart of known width (the report's) staggers for that width; one that fills its container for the
    # narrowest it may get.
    plot_px = max(NARROWEST_PLOT_PX, width - 80) if isinstance(width, int) else NARROWEST_PLOT_PX
    seminars["row"] = seminar_rows([d.date() for d in seminars["date"]], span, plot_px=plot_px)
    band_rows = int(seminars["row"].max()) + 1 if len(seminars) else 0
    band_px = BADGE_PITCH * band_rows + (6 if band_rows else 0)
    domain, step = count_domain(list(points["value"].dropna()), headroom=band_px / height)
    ticks = [step * i for i in range(int(domain[1] / step) + 1)]

    x = alt.X("date:T", title=t("chart.axis.date", lang),
              axis=alt.Axis(format="%Y", tickCount="year", labelOverlap=True, labelFlush=True),
              scale=alt.Scale(padding=BADGE_SIZE))
    y = alt.Y("value:Q", title=t("chart.axis.scenes", lang),
              scale=alt.Scale(domain=domain, zero=True, nice=False),
              axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1, values=ticks, labelFlush=True))
    # Colour, shape and dash describe the same field and share one legend: one identical definition on each, or
    # Vega-Lite warns about conflicting legend properties (a channel without a legend conflicts too).
    legend = _legend(compact_legend)
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=colours), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=shapes), legend=legend)
    common = [_tooltip("series", t("chart.tt.series", lang)), _tooltip("label", t("chart.tt.label", lang)),
              _tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT),
              _tooltip("value", t("chart.axis.scenes", lang), "Q", DECIMAL_FORMAT)]
    tail = [_tooltip("source", t("chart.tt.source", lang)), _tooltip("note", t("chart.tt.note", lang))]
    with_published = [*common, _tooltip("published_text", t("chart.tt.published", lang)),
                      _tooltip("published_source", t("chart.tt.published_source", lang)), *tail]

    base = alt.Chart(points)
    # Published totals are separate figures: no line. The trajectory is dashed by its own layer, not by a dash
    # channel, so the legend draws each series' symbol alone (a dash channel merged into it garbled the diamond).
    lines = base.mark_line().encode(x=x, y=y, color=colour).transform_filter(alt.datum.series == series[0])
    trajectory_line = base.mark_line(strokeDash=[6, 4]).encode(x=x, y=y, color=colour).transform_filter(
        alt.datum.series == series[2])
    marks = base.mark_point(size=90, filled=True, opacity=1).encode(
        x=x, y=y, color=colour, shape=shape, tooltip=common + tail,
    ).transform_filter((alt.datum.series != series[1]) & (alt.datum.published_text == "") & alt.datum.marker)
    # A survey with a published total of its own: one point, and the tooltip gives both figures.
    matched = base.mark_point(size=90, filled=True, opacity=1).encode(
        x=x, y=y, color=colour, shape=shape, tooltip=with_published,
    ).transform_filter(alt.datum.published_text != "")
    # Published totals without a survey are hollow and larger.
    published = base.mark_point(size=220, filled=False, strokeWidth=2.5, opacity=1).encode(
        x=x, y=y, color=colour, shape=shape, tooltip=common + tail,
    ).transform_filter(alt.datum.series == series[1])
    layers: list[alt.Chart] = [lines, trajectory_line, marks, matched, published]
    if len(seminars):
        seminars["y"] = [BADGE_PITCH * r + BADGE_PITCH / 2 for r in seminars["row"]]
        sem_tooltip = [_tooltip("number", t("chart.tt.number", lang)), _tooltip("label", t("chart.tt.seminar", lang)),
                       _tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT), *tail]
        sem = alt.Chart(seminars)
        badge_y = alt.Y("y:Q", scale=None)
        rule = sem.mark_rule(color=OKABE_ITO["green"], strokeDash=[4, 4], strokeWidth=2).encode(
            x="date:T", y=badge_y, y2=alt.value("height"), tooltip=sem_tooltip)
        badge = sem.mark_circle(size=BADGE_SIZE ** 2, color="#00664a", opacity=1).encode(
            x="date:T", y=badge_y, tooltip=sem_tooltip)
        label = sem.mark_text(color="white", fontSize=11, fontWeight="bold", baseline="middle").encode(
            x="date:T", y=badge_y, text="number:N", tooltip=sem_tooltip)
        layers += [rule, badge, label]
    return _sized(alt.LayerChart(layer=layers), lang, width, height)


def breakdown_chart(table: pd.DataFrame, lang: Lang, *, measure: str = "scenes",
                    width: int | str = "container") -> alt.Chart:
    """Horizontal grouped bars: one bar per survey within each group, a fixed height per bar."""
    title = t(f"chart.measure.{measure}", lang)
    data = table.dropna(subset=[measure])
    height = max(120, 18 * data["label"].nunique() * max(1, data["survey"].nunique()))
    counts = measure == "scenes"
    axis = alt.Axis(format=COUNT_FORMAT, tickMinStep=1, labelFlush=True) if counts else alt.Axis(format=",~f",
                                                                                                  labelFlush=True)
    by_date = alt.EncodingSortField(field="date", op="min")
    chart: alt.Chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=alt.EncodingSortField(field=measure, op="max", order="descending"),
                axis=alt.Axis(labelLimit=240)),
        yOffset=alt.YOffset("survey:N", sort=by_date),
        x=alt.X(f"{measure}:Q", title=title, axis=axis),
        color=alt.Color("survey:N", title=None, sort=by_date, scale=alt.Scale(range=BREAKDOWN_PALETTE),
                        legend=_legend()),
        tooltip=[alt.Tooltip("survey:N", title=t("col.name", lang)), alt.Tooltip("label:N", title=""),
                 alt.Tooltip(f"{measure}:Q", title=title, format=COUNT_FORMAT if counts else ",~f")],
    )
    return _sized(chart, lang, width, height)


#: impact ratings 1 (low) to 5 (high), then missing: viridis, light to dark (sequential, readable in every common
#: colour-vision deficiency and in grey), and a pale grey for "no rating"; the count in each segment is written in
#: black on 1–3 and the grey, in white on 4 and 5
IMPACT_PALETTE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154", "#d4d4d4"]


def impact_chart(table: pd.DataFrame, lang: Lang, *, width: int | str = "container") -> alt.LayerChart:
    """Impact ratings per survey (`impact.distribution_table`): one horizontal bar per survey, oldest on top, split
    into ratings 1..5 and then the scenes without a rating, always in that order, each segment with its count."""
    labels = [*(str(r) for r in range(1, 6)), t("impact.missing", lang)]
    height = max(60, 34 * table["survey"].nunique())
    by_date = alt.EncodingSortField(field="date", op="min")
    # survey names cut at 160 px (the tooltip has them whole) and the legend in two columns under the bars: on a
    # phone the legend starts where the bars do, and must end inside the chart
    y = alt.Y("survey:N", title=None, sort=by_date, axis=alt.Axis(labelLimit=160))
    x = alt.X("scenes:Q", stack="zero", title=t("chart.axis.scenes", lang),
              axis=alt.Axis(format=COUNT_FORMAT, tickMinStep=1, labelFlush=True))
    colour = alt.Color("rating:N", title=t("impact.legend", lang), scale=alt.Scale(domain=labels,
                       range=IMPACT_PALETTE), legend=alt.Legend(orient="bottom", direction="horizontal", columns=2,
                                                               titleOrient="top"))
    order = alt.Order("order:Q", sort="ascending")
    tooltip = [alt.Tooltip("survey:N", title=t("col.name", lang)), alt.Tooltip("rating:N", title=t("impact.legend",
                                                                                                      lang)),
               alt.Tooltip("scenes:Q", title=t("chart.axis.scenes", lang), format=COUNT_FORMAT)]
    base = alt.Chart(table)
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(y=y, x=x, color=colour, order=order, tooltip=tooltip)
    counts = base.mark_text(dx=-4, align="right", baseline="middle", fontSize=11).encode(
        y=y, x=alt.X("scenes:Q", stack="zero"), detail="rating:N", order=order, text=alt.Text("scenes:Q",
                                                                                              format=COUNT_FORMAT),
        color=alt.condition("datum.order >= 4 && datum.order <= 5", alt.value("white"), alt.value("black")),
        tooltip=tooltip)
    return _sized(alt.LayerChart(layer=[bars, counts]), lang, width, height)


#: indicator series: one shape per series beside its colour (no meaning rests on colour alone)
SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge"]


def indicator_table(items: Sequence[Indicator], ref: Reference, lang: Lang) -> pd.DataFrame:
    """The data behind `indicator_chart`: one row per value, its series (indicator, area, and the unit when the
    values have more than one), date, value, unit, area and source. The page offers it as a download."""
    from scenes.domain.indicators import area_label

    several_units = len({i.unit for i in items}) > 1
    rows = [{"series": f"{i.indicator} – {area_label(i.area_level, i.area_code, ref, lang)}"
                       + (f" ({i.unit})" if several_units else ""),
             "indicator": i.indicator, "area": area_label(i.area_level, i.area_code, ref, lang),
             "date": pd.Timestamp(i.date), "value": i.value, "unit": i.unit, "source": i.source,
             "source_url": i.source_url} for i in sorted(items, key=lambda i: (i.indicator, i.area_code, i.date))]
    return pd.DataFrame(rows, columns=["series", "indicator", "area", "date", "value", "unit", "source",
                                       "source_url"])


def indicator_chart(items: Sequence[Indicator], ref: Reference, lang: Lang, *, width: int | str = "container",
                    height: int = 280) -> alt.LayerChart:
    """Sourced safety-indicator values over time: one line with marks per indicator and area (colour and shape),
    the value axis from zero, titled with the unit when every value shares one (pass one indicator's values for
    one chart per indicator, as the Trygghetsindikatorer page does). The tooltip names the source of each value.
    Reusable beside the scene counts: same locale, autosize and legend rules as the progress chart."""
    table = indicator_table(items, ref, lang)
    series = list(dict.fromkeys(table["series"]))
    units = list(dict.fromkeys(table["unit"]))
    title = t("indicators.axis.value_unit", lang, unit=units[0]) if len(units) == 1 else t("indicators.axis.value",
                                                                                             lang)
    palette = [OKABE_ITO[k] for k in ("blue", "vermillion", "green", "orange", "purple", "black", "sky")]
    legend = _legend()
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=palette), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=SERIES_SHAPES), legend=legend)
    x = alt.X("date:T", title=t("chart.axis.date", lang),
              axis=alt.Axis(format="%Y", tickCount="year", labelOverlap=True, labelFlush=True),
              scale=alt.Scale(padding=12))
    y = alt.Y("value:Q", title=title, scale=alt.Scale(zero=True, nice=True),
              axis=alt.Axis(format=",~r", labelFlush=True))
    tooltip = [_tooltip("indicator", t("indicators.col.indicator", lang)),
               _tooltip("area", t("indicators.col.area", lang)),
               _tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT),
               _tooltip("value", t("indicators.col.value", lang), "Q", ",~r"),
               _tooltip("unit", t("indicators.col.unit", lang)), _tooltip("source", t("chart.tt.source", lang))]
    base = alt.Chart(table)
    lines = base.mark_line().encode(x=x, y=y, color=colour, detail="series:N")
    marks = base.mark_point(size=90, filled=True, opacity=1).encode(x=x, y=y, color=colour, shape=shape,
                                                                    tooltip=tooltip)
    return _sized(alt.LayerChart(layer=[lines, marks]), lang, width, height)


def to_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """Render a chart to PNG in-process (vl-convert: no browser, no network). Numbers and dates follow the
    locale in the chart's config."""
    import vl_convert as vlc

    png: bytes = vlc.vegalite_to_png(chart.to_json(), scale=scale)
    return png
