"""Entry point: `streamlit run app.py`. Builds the dashboard once and the navigation from the pages."""

from __future__ import annotations

import streamlit as st

import ui


def run() -> None:
    # The icon is drawn locally: a ":material/…:" page icon makes the browser fetch an SVG from Google.
    st.set_page_config(page_title="Öppna drogscener – Stockholms län", page_icon=ui.favicon(), layout="wide")
    ui.dashboard()
    ui.language_selector()
    pages = [
        st.Page("pages/overview.py", title=ui.tr("nav.overview"), icon=":material/dashboard:", url_path="oversikt",
                default=True),
        st.Page("pages/map.py", title=ui.tr("nav.map"), icon=":material/map:", url_path="karta"),
        st.Page("pages/progress.py", title=ui.tr("nav.progress"), icon=":material/trending_down:",
                url_path="utveckling"),
        st.Page("pages/seminars.py", title=ui.tr("nav.seminars"), icon=":material/event:", url_path="seminarier"),
        st.Page("pages/goal.py", title=ui.tr("nav.goal"), icon=":material/flag:", url_path="mal"),
        st.Page("pages/upload.py", title=ui.tr("nav.upload"), icon=":material/upload_file:", url_path="ladda-upp"),
        st.Page("pages/history.py", title=ui.tr("nav.history"), icon=":material/history:", url_path="historik"),
    ]
    st.sidebar.caption(ui.tr("app.about"))
    st.navigation(pages).run()


run()
