"""Mål: the steering group's target (count, optional area, date) and its baseline survey; the shipped goal is an
example until saved."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.domain.progress import baseline_of, swap_text
from scenes.model import Goal


def render() -> None:
    ui.require("goal")
    st.title(ui.tr("goal.title"))
    ui.flash()
    dash = ui.dashboard()
    goal = dash.goal()
    if goal.is_example:
        st.warning(ui.tr("kpi.goal_example"), icon=":material/edit_note:")
    else:
        st.success(ui.tr("goal.saved_state"), icon=":material/check_circle:")
    st.markdown(ui.tr("goal.explain"))
    progress = ui.progress()
    if progress is not None:  # where the latest survey stands against the saved (or example) goal
        ui.goal_status(progress, ui.disclosure().county.any_hidden(progress.latest.scenes, progress.baseline.scenes),
                       example_note=False)
        if progress.swap is not None:  # the chosen baseline is withdrawn: say so, and what is used instead
            st.warning(swap_text(progress.swap, ui.lang(), escape=ui.escape_markdown), icon=":material/history:")
    readonly = ui.demo_readonly()
    surveys = dash.surveys()
    by_id = {s.id: s for s in surveys}
    current = baseline_of(ui.stats(), goal)
    with st.form("goal_form"):
        count = st.number_input(ui.tr("goal.count"), min_value=0, max_value=10_000, step=1,
                                value=goal.target_count)
        date = st.date_input(ui.tr("goal.date"), value=goal.target_date, format=ui.date_format())
        area = st.number_input(ui.tr("goal.area"), min_value=0.0, step=0.1, format="%.1f",
                               value=None if goal.target_area_m2 is None else goal.target_area_m2 / 10_000,
                               placeholder=ui.tr("goal.area_none"), help=ui.tr("goal.area_help"))
        baseline = st.selectbox(ui.tr("goal.baseline"), list(by_id), help=ui.tr("goal.baseline_help"),
                                index=list(by_id).index(current.survey.id) if current else None,
                                format_func=lambda i: f"{by_id[i].name} ({ui.day(by_id[i].date)})")
        if st.form_submit_button(ui.tr("goal.save"), type="primary", disabled=readonly):
            dash.set_goal(Goal(target_count=int(count), target_date=date,
                               target_area_m2=None if area is None else float(area) * 10_000, is_example=False,
                               baseline_survey_id=baseline), actor=ui.actor())
            ui.done(ui.tr("goal.saved"))


ui.guarded(render)
