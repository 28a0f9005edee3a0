"""Översikt: where are we against the goal, on one screen: key figures, a small map of the latest survey and the
trend, each linking to its page; below, what changed since the previous survey and the surveys themselves."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from scenes.access.auth import can
from scenes.domain.progress import swap_text
from scenes.domain.query import compare
from ui import impact as ui_impact


def render() -> None:
    ui.require("overview")
    # Less room above the title: the overview is meant to be read on one screen at 1920x1080.
    st.html("<style>.stMainBlockContainer {padding-top: 2.5rem}</style>")
    st.title(ui.tr("app.title"))
    ui.flash()
    lang, shown = ui.lang(), ui.disclosure()
    stats = ui.stats()
    progress = ui.progress()
    if progress is None:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    latest, baseline = progress.latest, progress.baseline
    if latest.survey.demo or baseline.survey.demo:
        ui.demo_notice()
    st.caption(ui.tr("overview.latest", name=latest.survey.name, date=ui.day(latest.survey.date)) + " · "
               + (ui.tr("overview.baseline", name=baseline.survey.name, date=ui.day(baseline.survey.date))
                  if progress.compared else ui.tr("kpi.no_comparison")))
    if progress.swap is not None:  # the chosen baseline is withdrawn: say so, and what is used instead
        st.warning(swap_text(progress.swap, lang), icon=":material/history:")

    total_municipalities = len(ui.dashboard().reference.municipalities)
    # County-wide figures are shown to every reader (Disclosure.county): hiding them would not hold under arithmetic.
    county = shown.county
    hidden, both_hidden = county.hidden(latest.scenes), county.any_hidden(latest.scenes, baseline.scenes)
    c1, c2, c3, c4, c5 = st.columns(5)
    change = None  # no comparison (one survey shown, or the baseline is the latest): no delta, no arrow
    if progress.change is not None and not both_hidden:
        change = ui.tr("kpi.change", change=progress.change, pct=progress.change_pct or 0.0) if progress.change \
            else ui.tr("kpi.no_change")
    c1.metric(ui.tr("kpi.scenes"), shown.text(latest.scenes, lang) if hidden else latest.scenes, border=True,
              help=ui.tr("kpi.scenes_help"), delta=change, delta_color="inverse" if progress.change else "off",
              delta_arrow="auto" if progress.change else "off")
    area = None if latest.area_m2 is None else ui.num(latest.area_m2 / 10_000, 1)
    c2.metric(ui.tr("kpi.area"), "–" if hidden else area or ui.tr("kpi.area_not_measured"), border=True,
              help=ui.tr("kpi.area_help"), delta=ui.tr("kpi.area_change", pct=progress.area_change_pct)
              if progress.area_change_pct is not None and not both_hidden else None, delta_color="inverse",
              delta_arrow="auto" if round(progress.area_change_pct or 0) else "off")  # no arrow for "+0 %"
    c3.metric(ui.tr("kpi.municipalities"), "–" if hidden else latest.municipalities, border=True,
              help=ui.tr("kpi.municipalities_help"), delta_color="off", delta_arrow="off",
              delta=ui.tr("kpi.of_municipalities", total=total_municipalities))
    c4.metric(ui.tr("kpi.police_areas"), "–" if hidden else latest.police_areas, border=True,
              help=ui.tr("kpi.police_areas_help"))
    ui_impact.metric(c5, hidden)

    # One screen for the steering group: where the scenes are, and where we stand against the goal over time.
    left, right = st.columns([2, 3], gap="medium")
    with left, st.container(border=True):
        st.markdown(f"**{ui.tr('overview.where', name=latest.survey.name)}**")
        ui.county_map(latest.survey.id, latest.survey.name)
        ui.page_link("map", label=ui.tr("overview.to_map"), icon=":material/map:")
    with right:
        ui.goal_status(progress, both_hidden)
        with st.container(border=True):
            st.markdown(f"**{ui.tr('progress.chart')}**")
            ui.show_progress_chart(height=190, compact_legend=True)
            ui.page_link("progress", label=ui.tr("overview.to_progress"), icon=":material/trending_down:")

    if len(stats) >= 2:  # the store's order: oldest first
        previous = stats[-2].survey
        st.subheader(ui.tr("overview.since_previous", name=previous.name))
        earlier, later = ui.scenes(previous.id), ui.scenes(latest.survey.id)
        ui.comparison_lists(compare(earlier, later), earlier, later)

    if can(ui.role(), "report"):
        exact = ui.exact()  # the report is read as this reader may read the data
        ui.download(ui.tr("report.download"), help=ui.tr("report.download_help"), icon=":material/picture_as_pdf:",
                    data=lambda: ui.dashboard().report_pdf(lang=lang, disclosure=shown, exact=exact),
                    file_name="lagesrapport.pdf", mime="application/pdf", primary=True)

    st.subheader(ui.tr("overview.surveys"))
    surveys = pd.DataFrame([{
        ui.tr("col.name"): s.survey.name, ui.tr("col.date"): s.survey.date,
        ui.tr("col.kind"): ui.tr(f"survey_kind.{s.survey.kind}"),
        ui.tr("col.scenes"): s.scenes, ui.tr("col.municipalities"): s.municipalities,
        ui.tr("col.police_areas"): s.police_areas,
        ui.tr("col.area_ha"): ui.tr("kpi.area_not_measured") if s.area_m2 is None else round(s.area_m2 / 10_000, 1),
        ui.tr("col.demo"): s.survey.demo,
    } for s in stats])
    derived = [ui.tr(f"col.{c}") for c in ("municipalities", "police_areas", "area_ha")]
    ui.show_table(county.table(surveys, ui.tr("col.scenes"), derived, lang))

    st.subheader(ui.tr("overview.published"))
    st.caption(ui.tr("overview.published_help"))
    ui.show_table(pd.DataFrame([{
        ui.tr("col.label"): p.label, ui.tr("col.scenes"): p.scenes,
        ui.tr("col.municipalities"): p.municipalities, ui.tr("col.police_areas"): p.police_areas,
        ui.tr("col.notes"): p.notes_in(lang), ui.tr("col.source"): p.source,
        ui.tr("col.confidence"): ui.tr(f"confidence.{p.confidence}"),
    } for p in ui.dashboard().reference.published_totals]))


ui.guarded(render)
