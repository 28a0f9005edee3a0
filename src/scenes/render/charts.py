"""Altair (Vega-Lite) charts: the progress timeline, breakdowns and the safety indicators.

Colours are from the Okabe–Ito palette and every series also differs in shape or dash, so no meaning rests on
colour alone. Every chart is built from a plain table (`progress_table`, `breakdown`) that the UI offers as a
download, and renders offline to PNG through vl-convert for the PDF report.

The layout rules every chart keeps at any width (phone to wide screen, and the PDF's fixed width) are in
`scenes.render.chart_style`: the zero-based count axis on round numbers (`count_domain`), legends of one item a line,
`autosize` fitting the whole chart, and numbers and dates the interface language's way (`vega_locale`). The progress
chart, with its published totals and seminar badges, is `scenes.render.progress_chart`; its names are re-exported
here, so `scenes.render.charts` stays the one import for every chart.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from scenes.domain.indicators import Indicator
from scenes.i18n import t
from scenes.model import Lang
from scenes.reference import Reference
from scenes.render.chart_style import (
    COUNT_FORMAT,
    DATE_FORMAT,
    OKABE_ITO,
    bottom_legend,
    count_domain,
    field_tooltip,
    sized,
    to_png,
)
from scenes.render.progress_chart import matching_totals, progress_chart, progress_table, seminar_key, seminar_rows

__all__ = ["BREAKDOWN_PALETTE", "IMPACT_PALETTE", "OKABE_ITO", "breakdown_chart", "count_domain", "impact_chart",
           "indicator_chart", "indicator_table", "matching_totals", "progress_chart", "progress_table", "seminar_key",
           "seminar_rows", "to_png"]

#: one colour per survey, oldest first. Okabe–Ito without sky blue (too close to blue); pale yellow last.
BREAKDOWN_PALETTE = [OKABE_ITO[k] for k in ("blue", "orange", "green", "purple", "vermillion", "black", "yellow")]


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
                        legend=bottom_legend()),
        tooltip=[alt.Tooltip("survey:N", title=t("col.name", lang)), alt.Tooltip("label:N", title=""),
                 alt.Tooltip(f"{measure}:Q", title=title, format=COUNT_FORMAT if counts else ",~f")],
    )
    return sized(chart, lang, width, height)


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
    return sized(alt.LayerChart(layer=[bars, counts]), lang, width, height)


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
    legend = bottom_legend()
    colour = alt.Color("series:N", scale=alt.Scale(domain=series, range=palette), legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=series, range=SERIES_SHAPES), legend=legend)
    x = alt.X("date:T", title=t("chart.axis.date", lang),
              axis=alt.Axis(format="%Y", tickCount="year", labelOverlap=True, labelFlush=True),
              scale=alt.Scale(padding=12))
    y = alt.Y("value:Q", title=title, scale=alt.Scale(zero=True, nice=True),
              axis=alt.Axis(format=",~r", labelFlush=True))
    tooltip = [field_tooltip("indicator", t("indicators.col.indicator", lang)),
               field_tooltip("area", t("indicators.col.area", lang)),
               field_tooltip("date", t("chart.axis.date", lang), "T", DATE_FORMAT),
               field_tooltip("value", t("indicators.col.value", lang), "Q", ",~r"),
               field_tooltip("unit", t("indicators.col.unit", lang)),
               field_tooltip("source", t("chart.tt.source", lang))]
    base = alt.Chart(table)
    lines = base.mark_line().encode(x=x, y=y, color=colour, detail="series:N")
    marks = base.mark_point(size=90, filled=True, opacity=1).encode(x=x, y=y, color=colour, shape=shape,
                                                                    tooltip=tooltip)
    return sized(alt.LayerChart(layer=[lines, marks]), lang, width, height)
