"""Mål: the steering group's target (count, optional area, date), stored; the shipped value is an example."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.model import Goal


def render() -> None:
    ui.require("goal")
    st.title(ui.tr("goal.title"))
    dash = ui.dashboard()
    goal = dash.store.goal()
    if goal.is_example:
        st.warning(ui.tr("kpi.goal_example"), icon=":material/edit_note:")
    else:
        st.success(ui.tr("goal.saved_state"), icon=":material/check_circle:")
    st.markdown(ui.tr("goal.explain"))
    with st.form("goal_form"):
        count = st.number_input(ui.tr("goal.count"), min_value=0, max_value=10_000, step=1,
                                value=goal.target_count)
        date = st.date_input(ui.tr("goal.date"), value=goal.target_date)
        area = st.number_input(ui.tr("goal.area"), min_value=0.0, step=0.1, format="%.1f",
                               value=(goal.target_area_m2 or 0.0) / 10_000, help=ui.tr("goal.area_help"))
        if st.form_submit_button(ui.tr("goal.save"), type="primary"):
            dash.store.set_goal(Goal(target_count=int(count), target_date=date,
                                     target_area_m2=float(area) * 10_000 if area else None, is_example=False))
            st.toast(ui.tr("goal.saved"), icon=":material/check_circle:")
            st.rerun()  # the toast survives the rerun; the page then shows the saved goal


ui.guarded(render)
