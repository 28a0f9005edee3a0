"""Historik: every survey's revisions, rollback, withdraw and restore, removing the demo data, and the audit log."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.access.auth import can
from scenes.render.tables import audit_table


def _demo_removal() -> None:
    """Once real data is published, an administrator can delete the fictitious demo surveys in one step."""
    dash = ui.dashboard()
    if not dash.has_demo_beside_real() or not can(ui.role(), "remove_demo"):
        return
    with st.container(border=True):
        st.subheader(ui.tr("demo.remove_title"))
        st.markdown(ui.tr("demo.remove_explain"))
        sure = st.checkbox(ui.tr("demo.remove_confirm"), key="demo_remove_sure")
        if st.button(ui.tr("demo.remove_button"), disabled=not sure, icon=":material/delete:", key="demo_remove"):
            removed = dash.remove_demo(actor=ui.actor())
            ui.done(ui.tr("demo.removed", n=len(removed)))


def render() -> None:
    ui.require("history")
    st.title(ui.tr("history.title"))
    ui.flash()
    dash = ui.dashboard()
    surveys = dash.all_surveys()
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    readonly = ui.demo_readonly()
    _demo_removal()
    st.subheader(ui.tr("history.revisions"))
    revisions = dash.revisions()
    names = {s.id: s.name for s in surveys}
    ui.table_with_download(revisions.assign(survey=revisions["survey_id"].map(names)).drop(columns="survey_id")
                           [["survey", *revisions.columns.drop("survey_id")]], "revisioner.csv", key="dl_revisions")

    st.subheader(ui.tr("history.rollback"))
    by_id = {s.id: s for s in surveys}
    c1, c2 = st.columns([3, 1])
    # The options' labels never change with a write (a label that did kept showing the old state after the rerun):
    # whether the chosen survey is withdrawn is said below it.
    label = ui.distinct_labels(names)
    survey_id = c1.selectbox(ui.tr("col.survey"), list(by_id), key="rb_survey", format_func=label)
    chosen = by_id[survey_id]
    numbers = sorted(revisions.loc[revisions["survey_id"] == survey_id, "revision"].astype(int))
    revision = c2.selectbox(ui.tr("history.revision"), numbers, index=numbers.index(chosen.revision),
                            key="rb_revision")
    st.caption(ui.tr("history.current", revision=chosen.revision)
               + (f" · {ui.tr('history.withdrawn')}" if chosen.withdrawn else ""))
    b1, b2 = st.columns(2)
    if b1.button(ui.tr("history.make_current"), disabled=readonly or revision == chosen.revision,
                 icon=":material/history:"):
        dash.rollback(survey_id, int(revision), actor=ui.actor())
        ui.done(ui.tr("history.rolled_back", id=survey_id, revision=revision))
    if chosen.withdrawn:
        if b2.button(ui.tr("history.restore"), disabled=readonly, icon=":material/visibility:"):
            dash.restore(survey_id, actor=ui.actor())
            ui.done(ui.tr("history.restored", name=chosen.name))
    elif b2.button(ui.tr("history.withdraw"), disabled=readonly, icon=":material/visibility_off:",
                   help=ui.tr("history.withdraw_help")):
        dash.withdraw(survey_id, actor=ui.actor())
        ui.done(ui.tr("history.withdrawn_done", name=chosen.name))

    st.subheader(ui.tr("history.audit"))
    ui.table_with_download(audit_table(dash.audit(), ui.lang()), "granskningslogg.csv", key="dl_audit")


ui.guarded(render)
