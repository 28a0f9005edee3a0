"""The progress chart: counts per survey, published totals, the goal trajectory and seminars on one time axis, and
the plain table it is drawn from (`progress_table`), which the UI offers as a download and the PDF report draws.

- a survey and the published total of the same survey are one point (`matching_totals`), whose tooltip carries both;
- seminars are numbered badges in a band at the top of the plot, staggered into rows so that badges close in time
  never overlap (`seminar_rows`); their titles are in a key beside the chart (`seminar_key`), not in the plot.
The layout rules every chart keeps are in `scenes.render.chart_style`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import altair as alt
import pandas as pd

from scenes.domain.disclosure import Disclosure
from scenes.domain.progress import SurveyStats, baseline_of, trajectory_value
from scenes.i18n import date_text, number, t
from scenes.model import Goal, Lang, PublishedTotal, Seminar, Survey
from scenes.render.chart_style import (
    COUNT_FORMAT,
    DATE_FORMAT,
    DECIMAL_FORMAT,
    OKABE_ITO,
    bottom_legend,
    count_domain,
    field_tooltip,
    sized,
)

__all__ = ["matching_totals", "progress_chart", "progress_table", "seminar_key", "seminar_rows"]

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
    legend = bottom_legend(compact_legend)
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=colours), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=shapes), legend=legend)
    common = [field_tooltip("series", t("chart.tt.series", lang)), field_tooltip("label", t("chart.tt.label", lang)),
              field_tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT),
              field_tooltip("value", t("chart.axis.scenes", lang), "Q", DECIMAL_FORMAT)]
    tail = [field_tooltip("source", t("chart.tt.source", lang)), field_tooltip("note", t("chart.tt.note", lang))]
    with_published = [*common, field_tooltip("published_text", t("chart.tt.published", lang)),
                      field_tooltip("published_source", t("chart.tt.published_source", lang)), *tail]

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
        sem_tooltip = [field_tooltip("number", t("chart.tt.number", lang)),
                       field_tooltip("label", t("chart.tt.seminar", lang)),
                       field_tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT), *tail]
        sem = alt.Chart(seminars)
        badge_y = alt.Y("y:Q", scale=None)
        rule = sem.mark_rule(color=OKABE_ITO["green"], strokeDash=[4, 4], strokeWidth=2).encode(
            x="date:T", y=badge_y, y2=alt.value("height"), tooltip=sem_tooltip)
        badge = sem.mark_circle(size=BADGE_SIZE ** 2, color="#00664a", opacity=1).encode(
            x="date:T", y=badge_y, tooltip=sem_tooltip)
        label = sem.mark_text(color="white", fontSize=11, fontWeight="bold", baseline="middle").encode(
            x="date:T", y=badge_y, text="number:N", tooltip=sem_tooltip)
        layers += [rule, badge, label]
    return sized(alt.LayerChart(layer=layers), lang, width, height)
