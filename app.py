"""Entry point: `streamlit run app.py`. Builds the dashboard once and the navigation from the role's pages."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.auth import allowed_pages

PAGES = {  # page key -> (file, title key, icon, url path); the role decides which of them are offered
    "overview": ("pages/overview.py", "nav.overview", ":material/dashboard:", "oversikt"),
    "map": ("pages/map.py", "nav.map", ":material/map:", "karta"),
    "progress": ("pages/progress.py", "nav.progress", ":material/trending_down:", "utveckling"),
    "seminars": ("pages/seminars.py", "nav.seminars", ":material/event:", "seminarier"),
    "goal": ("pages/goal.py", "nav.goal", ":material/flag:", "mal"),
    "upload": ("pages/upload.py", "nav.upload", ":material/upload_file:", "ladda-upp"),
    "history": ("pages/history.py", "nav.history", ":material/history:", "historik"),
    "users": ("pages/users.py", "nav.users", ":material/group:", "anvandare"),
    "reference": ("pages/reference.py", "nav.reference", ":material/table_edit:", "referenstabeller"),
}


def run() -> None:
    # The icon is drawn locally: a ":material/…:" page icon makes the browser fetch an SVG from Google.
    st.set_page_config(page_title="Öppna drogscener – Stockholms län", page_icon=ui.favicon(), layout="wide")
    ui.dashboard()
    ui.language_selector()
    role = ui.role()
    ui.identity_sidebar()
    if role is None:
        pages = [st.Page(ui.sign_in_page, title=ui.tr("auth.sign_in"), icon=":material/login:", url_path="logga-in",
                         default=True)]
    else:
        pages = [st.Page(path, title=ui.tr(title), icon=icon, url_path=url, default=key == "overview")
                 for key, (path, title, icon, url) in PAGES.items() if key in allowed_pages(role)]
    st.sidebar.caption(ui.tr("app.about"))
    st.navigation(pages).run()


run()
