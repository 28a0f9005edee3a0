"""Historik: every survey's revisions, rollback, and the audit log of every write."""

from __future__ import annotations

import streamlit as st

import ui


def render() -> None:
    ui.require("history")
    st.title(ui.tr("history.title"))
    dash = ui.dashboard()
    surveys = dash.store.surveys()
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    st.subheader(ui.tr("history.revisions"))
    revisions = dash.store.revisions()
    ui.table_with_download(revisions, "revisioner.csv", key="dl_revisions")

    st.subheader(ui.tr("history.rollback"))
    by_id = {s.id: s for s in surveys}
    c1, c2 = st.columns([3, 1])
    survey_id = c1.selectbox(ui.tr("col.survey"), list(by_id), format_func=lambda i: by_id[i].name, key="rb_survey")
    numbers = sorted(revisions.loc[revisions["survey_id"] == survey_id, "revision"].astype(int))
    revision = c2.selectbox(ui.tr("history.revision"), numbers, index=numbers.index(by_id[survey_id].revision),
                            key="rb_revision")
    st.caption(ui.tr("history.current", revision=by_id[survey_id].revision))
    if st.button(ui.tr("history.make_current"), disabled=revision == by_id[survey_id].revision,
                 icon=":material/history:"):
        dash.store.rollback(survey_id, int(revision), actor=ui.actor())
        st.toast(ui.tr("history.rolled_back", id=survey_id, revision=revision), icon=":material/history:")
        st.rerun()  # the toast survives the rerun; the page then shows the new current revision

    st.subheader(ui.tr("history.audit"))
    ui.table_with_download(dash.store.audit(), "granskningslogg.csv", key="dl_audit")


ui.guarded(render)
