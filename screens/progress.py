"""Utveckling: the progress chart, breakdowns (count, rate, area), and the comparison of any two surveys."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from scenes.domain.breakdown import change_by
from scenes.domain.progress import swap_text
from scenes.domain.query import compare, observations_between
from scenes.render.charts import breakdown_chart, indicator_chart, seminar_key
from scenes.views.progress import MEASURES, breakdown_view, dimensions
from ui import impact as ui_impact


def _by_label(table: pd.DataFrame, label_key: str, dimension: str = "") -> pd.DataFrame:
    """A breakdown or change table headed by what its rows are (Kommun, Lokalpolisområde …). Of the codes only
    the official municipality code is kept (a column of its own); the others are internal."""
    keep = table.rename(columns={"label": ui.tr(label_key), "key": ui.tr("col.kommun_kod")})
    if "key" in table.columns and dimension != "municipality":
        keep = keep.drop(columns=ui.tr("col.kommun_kod"))
    return keep


def _indicators() -> None:
    """The sourced safety indicators beside the counts: one chart per indicator (its areas as lines)."""
    dash, lang = ui.dashboard(), ui.lang()
    st.subheader(ui.tr("indicators.title"), anchor=False)
    items = ui.indicators()
    if not items:
        st.caption(ui.tr("indicators.progress_empty"))
        return
    names = sorted({i.indicator for i in items})
    name = st.selectbox(ui.tr("indicators.col.indicator"), names, key="p_indicator") if len(names) > 1 else names[0]
    values = [i for i in items if i.indicator == name]
    st.altair_chart(indicator_chart(values, dash.reference, lang), width="stretch")
    sources = {i.source: i.source_url for i in values}
    st.caption(ui.tr("indicators.progress_sources") + " " + "; ".join(
        f"{ui.escape_markdown(source)} ({ui.escape_markdown(url)})" for source, url in sources.items()))


def render() -> None:
    ui.require("progress")
    st.title(ui.tr("progress.title"))
    dash, lang, shown = ui.dashboard(), ui.lang(), ui.disclosure()
    surveys = dash.surveys()
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    if any(s.demo for s in surveys):
        ui.demo_notice()
    goal = dash.goal()

    st.subheader(ui.tr("progress.chart"))
    table = ui.show_progress_chart()
    key = seminar_key(table, lang)
    if key:  # the chart numbers the seminars; their titles are here, where they can wrap
        st.caption(f"**{ui.tr('chart.seminar_key')}**  \n" + "  \n".join(ui.escape_markdown(k) for k in key))
    st.caption(ui.tr("progress.chart_help") + (" " + ui.tr("kpi.goal_example") if goal.is_example else ""))
    progress = ui.progress()
    if progress is not None:
        st.caption(ui.tr("overview.baseline", name=progress.baseline.survey.name,
                         date=ui.day(progress.baseline.survey.date)))
        if progress.swap is not None:  # the chosen baseline is withdrawn: say so, and what is used instead
            st.warning(swap_text(progress.swap, lang, escape=ui.escape_markdown), icon=":material/history:")
    ui.table_with_download(table, "utveckling.csv", key="dl_progress")
    _indicators()

    ui_impact.section()

    st.subheader(ui.tr("progress.breakdown"))
    all_scenes = ui.scenes(None)
    dims = dimensions(disclosure=shown)  # participants are promised counts per municipality and police area
    c1, c2 = st.columns(2)
    dim = c1.segmented_control(ui.tr("progress.by"), list(dims), format_func=lambda d: ui.tr(dims[d]),
                               default="municipality", key="p_dim") or "municipality"
    measure = c2.segmented_control(ui.tr("progress.measure"), list(MEASURES), default="scenes", key="p_measure",
                                   format_func=lambda m: ui.tr(MEASURES[m])) or "scenes"
    view = breakdown_view(all_scenes, surveys, dash.reference, dim, measure, disclosure=shown, lang=lang,
                          protected=lambda sid: ui.protected(sid, shown))
    if view.instead:
        st.info(ui.tr(view.instead), icon=":material/info:")
    else:
        st.altair_chart(breakdown_chart(view.plotted, lang, measure=measure), width="stretch")
        if view.population_missing:
            st.caption(ui.tr("progress.population_missing", names=", ".join(view.population_missing)))
    if view.withheld:
        st.caption(ui.tr("disclosure.withheld_not_shown", n=shown.threshold))
    if dim == "category":
        st.caption(ui.tr("progress.category_note"))
    ui.table_with_download(_by_label(view.table, dims[dim]), f"fordelning-{dim}.csv", key="dl_breakdown")

    st.subheader(ui.tr("progress.compare"))
    by_id = {s.id: s for s in surveys}
    ids = list(by_id)
    names = ui.distinct_labels({i: s.name for i, s in by_id.items()})
    c1, c2 = st.columns(2)
    a = c1.selectbox(ui.tr("progress.earlier"), ids, index=0, format_func=names, key="cmp_a")
    b = c2.selectbox(ui.tr("progress.later"), ids, index=len(ids) - 1, format_func=names,
                     key="cmp_b")
    earlier, later = ui.scenes(a), ui.scenes(b)
    result = compare(earlier, later, observations_between(all_scenes, surveys, a, b))
    ui.comparison_lists(result, earlier, later)
    for dimension in ("municipality", "police_area", "district"):
        if dimension not in dims:
            continue
        with st.expander(ui.tr("progress.change_by", what=ui.tr(dims[dimension]))):
            change = change_by(earlier, later, dash.reference, dimension, lang, disclosure=shown,
                               protected=(ui.protected(a, shown), ui.protected(b, shown)) if shown.active else None)
            ui.table_with_download(_by_label(change, dims[dimension], dimension),
                                   f"forandring-{dimension}.csv", key=f"dl_change_{dimension}")
    if "district" in dims:
        st.caption(ui.tr("progress.district_note"))


ui.guarded(render)
