"""Tillgänglighetsredogörelse: the accessibility statement the DOS law requires of a public body's web service.
Open to anyone, signed in or not (no `ui.require`); app.py links it from the sidebar of every page."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.views.accessibility import DIGG_ADDRESS, STATEMENT_DATE, contact_text


def render() -> None:
    st.title(ui.tr("a11y.title"))
    st.markdown(ui.tr("a11y.intro"))
    st.subheader(ui.tr("a11y.status_title"))
    st.markdown(ui.tr("a11y.status"))
    st.subheader(ui.tr("a11y.gaps_title"))
    st.markdown(ui.tr("a11y.gaps"))
    st.subheader(ui.tr("a11y.report_title"))
    contact = contact_text(ui.dashboard().settings.accessibility_contact, ui.tr("a11y.contact_unset"))
    st.markdown(ui.tr("a11y.report", contact=contact))
    st.subheader(ui.tr("a11y.supervision_title"))
    st.markdown(ui.tr("a11y.supervision", digg=DIGG_ADDRESS))
    st.subheader(ui.tr("a11y.method_title"))
    st.markdown(ui.tr("a11y.method", date=ui.day(STATEMENT_DATE)))


ui.guarded(render)
