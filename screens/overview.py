"""Översikt: where are we against the goal, on one screen: key figures, a small map of the latest survey and the
trend, each linking to its page; below, what changed since the previous survey and the surveys themselves."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.access.auth import can
from scenes.views.overview import overview_view
from ui import impact as ui_impact


def render() -> None:
    ui.require("overview")
    # Less room above the title: the overview is meant to be read on one screen at 1920x1080.
    st.html("<style>.stMainBlockContainer {padding-top: 2.5rem}</style>")
    st.title(ui.tr("app.title"))
    ui.flash()
    lang, shown = ui.lang(), ui.disclosure()
    view = overview_view(ui.dashboard(), disclosure=shown, lang="en" if lang == "en" else "sv", stats=ui.stats(),
                         progress=ui.progress(), scenes=ui.scenes)
    if view is None:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    progress, latest = view.progress, view.progress.latest
    if view.demo:
        ui.demo_notice()
    st.caption(view.caption(ui.escape_markdown))
    if (swap := view.swap(ui.escape_markdown)) is not None:  # the chosen baseline is withdrawn: what is used instead
        st.warning(swap, icon=":material/history:")

    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(ui.tr("kpi.scenes"), view.scenes.value, border=True, help=ui.tr("kpi.scenes_help"),
              delta=view.scenes.delta, delta_color="inverse" if progress.change else "off",
              delta_arrow="auto" if progress.change else "off")
    c2.metric(ui.tr("kpi.area"), view.area.value, border=True, help=ui.tr("kpi.area_help"), delta=view.area.delta,
              delta_color="inverse", delta_arrow="auto" if round(progress.area_change_pct or 0) else "off")
    c3.metric(ui.tr("kpi.municipalities"), view.municipalities.value, border=True,
              help=ui.tr("kpi.municipalities_help"), delta_color="off", delta_arrow="off",
              delta=view.municipalities.delta)
    c4.metric(ui.tr("kpi.police_areas"), view.police_areas.value, border=True, help=ui.tr("kpi.police_areas_help"))
    ui_impact.metric(c5, view.hidden)

    # One screen for the steering group: where the scenes are, and where we stand against the goal over time.
    left, right = st.columns([2, 3], gap="medium")
    with left, st.container(border=True):
        st.markdown(f"**{ui.tr('overview.where', name=latest.survey.name)}**")
        ui.county_map(latest.survey.id, latest.survey.name)
        ui.page_link("map", label=ui.tr("overview.to_map"), icon=":material/map:")
    with right:
        ui.goal_status(progress, view.both_hidden)
        with st.container(border=True):
            st.markdown(f"**{ui.tr('progress.chart')}**")
            ui.show_progress_chart(height=190, compact_legend=True)
            ui.page_link("progress", label=ui.tr("overview.to_progress"), icon=":material/trending_down:")

    if view.since_previous is not None:
        since = view.since_previous
        st.subheader(ui.tr("overview.since_previous", name=since.previous.name))
        ui.comparison_lists(since.comparison, since.earlier, since.later)

    if can(ui.role(), "report"):
        exact = ui.exact()  # the report is read as this reader may read the data
        ui.download(ui.tr("report.download"), help=ui.tr("report.download_help"), icon=":material/picture_as_pdf:",
                    data=lambda: ui.dashboard().report_pdf(lang=lang, disclosure=shown, exact=exact),
                    file_name="lagesrapport.pdf", mime="application/pdf", primary=True)

    st.subheader(ui.tr("overview.surveys"))
    ui.show_table(view.surveys)
    st.subheader(ui.tr("overview.published"))
    st.caption(ui.tr("overview.published_help"))
    ui.show_table(view.published)


ui.guarded(render)
