"""Altair (Vega-Lite) charts: the progress timeline and breakdowns.

Colours are from the Okabe–Ito palette and every series also differs in shape or dash, so no meaning rests on
colour alone. Every chart is built from a plain table (`progress_table`, `breakdown`) that the UI offers as a
download, and renders offline to PNG through vl-convert for the PDF report.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from scenes.disclosure import SHOW_ALL, Disclosure
from scenes.i18n import t
from scenes.model import Goal, PublishedTotal, Seminar
from scenes.progress import SurveyStats, baseline_of, trajectory_value

__all__ = ["breakdown_chart", "progress_chart", "progress_table", "to_png"]

OKABE_ITO = {"blue": "#0072B2", "vermillion": "#D55E00", "green": "#009E73", "black": "#000000",
             "orange": "#E69F00", "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442"}


def progress_table(stats: list[SurveyStats], totals: tuple[PublishedTotal, ...], goal: Goal,
                   seminars: list[Seminar], lang: str = "sv", *, disclosure: Disclosure = SHOW_ALL) -> pd.DataFrame:
    """Every point of the progress chart, one row each: series, date, value, label, source, note.

    A survey's county total hidden by `disclosure` has no value (so it is not drawn) and says "fewer than N" in its
    note; the goal trajectory, which starts at the baseline's total, is left out when that total is hidden.
    """
    rows: list[dict[str, object]] = []
    for s in stats:
        notes = [t("chart.demo", lang) if s.survey.demo else "",
                 disclosure.suppressed_text(lang) if disclosure.hidden(s.scenes) else ""]
        rows.append({"series": t("chart.series.surveys", lang), "date": s.survey.date,
                     "value": disclosure.derived(float(s.scenes), s.scenes), "label": s.survey.name,
                     "source": s.survey.source, "note": "; ".join(n for n in notes if n)})
    for p in totals:
        # A figure known to the year only is drawn mid-year, and its tooltip says the year is all we know.
        when = dt.date(p.date.year, 7, 1) if p.date_precision == "year" else p.date
        rows.append({"series": t("chart.series.published", lang), "date": when, "value": float(p.scenes),
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
                                    date=goal.target_date.isoformat()),
                         "source": "", "note": goal_note})
    for sem in seminars:
        placed = sem.timeline_date
        if placed is None:
            continue
        rows.append({"series": t("chart.series.seminars", lang), "date": placed, "value": None, "label": sem.title,
                     "source": sem.source,
                     "note": "" if sem.date else t("chart.date_unknown", lang, deadline=placed.isoformat())})
    table = pd.DataFrame(rows, columns=["series", "date", "value", "label", "source", "note"])
    table["date"] = pd.to_datetime(table["date"])
    return table.sort_values(["series", "date"]).reset_index(drop=True)


def progress_chart(table: pd.DataFrame, lang: str = "sv", *, width: int | str = "container",
                   height: int = 360) -> alt.LayerChart | alt.FacetChart:
    """Counts per survey, published totals, the goal trajectory and seminars, on one time axis."""
    series = [t(f"chart.series.{k}", lang) for k in ("surveys", "published", "trajectory")]
    colours = [OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["black"]]
    shapes = ["circle", "square", "diamond"]
    points = table[table["series"].isin(series)]
    seminars = table[table["series"] == t("chart.series.seminars", lang)]
    x = alt.X("date:T", title=t("chart.axis.date", lang), axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y("value:Q", title=t("chart.axis.scenes", lang), scale=alt.Scale(zero=True))
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=colours),
                       legend=alt.Legend(orient="bottom"))
    tooltip = [alt.Tooltip("series:N", title=t("chart.tt.series", lang)),
               alt.Tooltip("label:N", title=t("chart.tt.label", lang)),
               alt.Tooltip("date:T", title=t("chart.axis.date", lang), format="%Y-%m-%d"),
               alt.Tooltip("value:Q", title=t("chart.axis.scenes", lang)),
               alt.Tooltip("source:N", title=t("chart.tt.source", lang)),
               alt.Tooltip("note:N", title=t("chart.tt.note", lang))]
    base = alt.Chart(points)
    lines = base.mark_line().encode(
        x=x, y=y, color=colour,
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=series, range=[[1, 0], [1, 0], [6, 4]]),
                                  legend=None),
    ).transform_filter(alt.datum.series != series[1])  # published totals are separate figures: no line
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=shapes), title=None)
    # Published totals are hollow and larger, so a survey point with the same value stays visible inside.
    marks = base.mark_point(size=90, filled=True, opacity=1).encode(
        x=x, y=y, color=colour, shape=shape, tooltip=tooltip,
    ).transform_filter(alt.datum.series != series[1])
    published = base.mark_point(size=220, filled=False, strokeWidth=2.5, opacity=1).encode(
        x=x, y=y, color=colour, shape=shape, tooltip=tooltip,
    ).transform_filter(alt.datum.series == series[1])
    layers: list[alt.Chart] = [lines, marks, published]
    if len(seminars):
        rule = alt.Chart(seminars).mark_rule(color=OKABE_ITO["green"], strokeDash=[4, 4], strokeWidth=2).encode(
            x="date:T", tooltip=tooltip)
        text = alt.Chart(seminars).mark_text(align="left", baseline="bottom", dx=4, dy=-4, color="#00664a",
                                             fontSize=11, limit=220).encode(
            x="date:T", y=alt.datum(0), text="label:N", tooltip=tooltip)
        layers += [rule, text]
    return alt.layer(*layers).properties(width=width, height=height)


def breakdown_chart(table: pd.DataFrame, lang: str = "sv", *, measure: str = "scenes",
                    width: int | str = "container") -> alt.Chart:
    """Horizontal grouped bars: one bar per survey within each group."""
    title = t(f"chart.measure.{measure}", lang)
    data = table.dropna(subset=[measure])
    height = max(120, 18 * data["label"].nunique() * max(1, data["survey"].nunique()))
    palette = [OKABE_ITO[k] for k in ("sky", "orange", "blue", "vermillion", "green", "purple", "yellow")]
    chart: alt.Chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=alt.EncodingSortField(field=measure, op="max", order="descending")),
        yOffset=alt.YOffset("survey:N", sort=alt.EncodingSortField(field="date", op="min")),
        x=alt.X(f"{measure}:Q", title=title),
        color=alt.Color("survey:N", title=None, sort=alt.EncodingSortField(field="date", op="min"),
                        scale=alt.Scale(range=palette), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("survey:N", title=t("col.name", lang)), alt.Tooltip("label:N", title=""),
                 alt.Tooltip(f"{measure}:Q", title=title)],
    ).properties(width=width, height=height)
    return chart


def to_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """Render a chart to PNG in-process (vl-convert: no browser, no network)."""
    import vl_convert as vlc

    png: bytes = vlc.vegalite_to_png(chart.to_json(), scale=scale)
    return png
