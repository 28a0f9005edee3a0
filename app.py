"""Entry point: `streamlit run app.py`. Builds the dashboard once and the navigation from who is asking."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

import ui
from scenes.auth import allowed_pages
from ui import session, signin

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
SIGN_IN_URL = "logga-in"
SETUP_URL = "starta-skarp-drift"


def _stand_in(render: Callable[[], None], name: str) -> Callable[[], None]:
    """A distinct callable per address (Streamlit names a callable page after its function)."""
    def page() -> None:
        render()
    page.__name__ = page.__qualname__ = name
    return page


def _pages(role: str | None, demo: bool) -> list[st.Page]:
    """Every address is registered for everyone, so a shared link never meets "Page not found".

    Signed out, each page's address shows the sign-in form and, after sign-in, the page itself with the link's
    query parameters (both are registered at the same address). Signed in, a page the role may not open shows
    a clear message instead.
    """
    if role is None:
        pages = [st.Page(signin.sign_in_page, title=ui.tr("auth.sign_in"), icon=":material/login:",
                         url_path=SIGN_IN_URL, default=True)]
        pages += [st.Page(_stand_in(signin.sign_in_page, f"sign_in_{key}"), title=ui.tr(title), url_path=url,
                          visibility="hidden") for key, (_, title, _, url) in PAGES.items()]
        pages.append(st.Page(_stand_in(signin.sign_in_page, "sign_in_setup"), title=ui.tr("setup.nav"),
                             url_path=SETUP_URL, visibility="hidden"))
        return pages
    allowed = allowed_pages(role)
    pages = [st.Page(path, title=ui.tr(title), icon=icon, url_path=url, default=key == "overview")
             if key in allowed else
             st.Page(_stand_in(signin.not_allowed_page, f"not_allowed_{key}"), title=ui.tr(title), url_path=url,
                     visibility="hidden")
             for key, (path, title, icon, url) in PAGES.items()]
    pages.append(st.Page(_stand_in(lambda: st.switch_page(PAGES["overview"][0]), "signed_in"),
                         title=ui.tr("auth.sign_in"), url_path=SIGN_IN_URL, visibility="hidden"))
    # The way out of the sandbox (create the first administrator): in the menu during the demo, and afterwards
    # still at its address, saying that real use has begun.
    pages.append(st.Page(ui.SETUP_PAGE, title=ui.tr("setup.nav"), icon=":material/admin_panel_settings:",
                         url_path=SETUP_URL, visibility="visible" if demo else "hidden"))
    return pages


def run() -> None:
    # The icon is drawn locally: a ":material/…:" page icon makes the browser fetch an SVG from Google.
    st.set_page_config(page_title="Öppna drogscener – Stockholms län", page_icon=ui.favicon(), layout="wide")
    ui.dashboard()
    ui.new_run()
    ui.language_selector()
    who = ui.who()
    signin.identity_sidebar()
    session.sync_cookie()
    st.sidebar.caption(ui.tr("app.about"))
    st.navigation(_pages(who.role, who.kind == "demo")).run()


run()
