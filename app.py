"""Entry point: `streamlit run app.py`. Builds the dashboard once and the navigation from who is asking."""

from __future__ import annotations

from scenes.web.warmup import wait_for_warm_up

wait_for_warm_up()  # (serve.py's warm-up imports the libraries below: never two threads importing at once)

import functools
from collections.abc import Callable

import sqlalchemy as sa
import streamlit as st

import ui
from scenes.access.auth import allowed_pages
from scenes.access.pages import ACCESSIBILITY, PAGES, SETUP  # the page registry: file, title, icon, address, action
from scenes.model import Role
from ui import identity, links, signin

SIGN_IN_URL = "logga-in"


def _stand_in(render: Callable[[], None], name: str) -> Callable[[], None]:
    """A distinct callable per address (Streamlit names a callable page after its function)."""
    def page() -> None:
        render()
    page.__name__ = page.__qualname__ = name
    return page


def _to_overview() -> None:
    """The overview at its own address, keeping the link's query parameters; just after the organisation's sign-in
    (whose round trip ends here) the page that was asked for before it."""
    landing = signin.landing()
    if landing is not None:
        links.switch_to(landing[0], query_params=landing[1])
    links.switch_to("overview", query_params=st.query_params.to_dict())


def _pages(role: Role | None, demo: bool) -> list[st.Page]:
    """Every address is registered for everyone, so a shared link never meets "Page not found".

    Signed out, each page's address shows the sign-in form and, after sign-in, the page itself with the link's
    query parameters (both are registered at the same address). Signed in, a page the role may not open shows
    a clear message instead.
    """
    if role is None:
        pages = [st.Page(signin.sign_in_page, title=ui.tr("auth.sign_in"), icon=":material/login:",
                         url_path=SIGN_IN_URL, default=True)]
        pages += [st.Page(_stand_in(functools.partial(signin.sign_in_page, p.key), f"sign_in_{p.key}"),
                          title=ui.tr(p.title_key),
                          url_path=p.url_path, visibility="hidden") for p in PAGES.values()]
        pages.append(st.Page(_stand_in(signin.sign_in_page, "sign_in_setup"), title=ui.tr(SETUP.title_key),
                             url_path=SETUP.url_path, visibility="hidden"))
        return pages
    allowed = allowed_pages(role)
    pages = [st.Page(p.file, title=ui.tr(p.title_key), icon=p.icon, url_path=p.url_path)
             if p.key in allowed else
             st.Page(_stand_in(signin.not_allowed_page, f"not_allowed_{p.key}"), title=ui.tr(p.title_key),
                     url_path=p.url_path, visibility="hidden")
             for p in PAGES.values()]
    # "/" (and the sign-in address, after sign-in) opens the overview at its own address: a default page is served
    # at "/" only, so were the overview itself the default, a shared /oversikt would meet "Page not found".
    pages.append(st.Page(_stand_in(_to_overview, "signed_in"),
                         title=ui.tr("auth.sign_in"), url_path=SIGN_IN_URL, visibility="hidden", default=True))
    # The way out of the sandbox (create the first administrator): in the menu during the demo, and afterwards
    # still at its address, saying that real use has begun.
    pages.append(st.Page(SETUP.file, title=ui.tr(SETUP.title_key), icon=SETUP.icon, url_path=SETUP.url_path,
                         visibility="visible" if demo else "hidden"))
    return pages


def run() -> None:
    # The icon is drawn locally: a ":material/…:" page icon makes the browser fetch an SVG from Google.
    st.set_page_config(page_title="Öppna drogscener – Stockholms län", page_icon=ui.favicon(), layout="wide")
    ui.language_selector()
    try:
        ui.dashboard()
        ui.new_run()
        who = ui.who()
    except sa.exc.DBAPIError:  # the database is down or restarting: say so, and offer the next try (fail closed)
        st.error(ui.tr("app.db_unavailable"), icon=":material/cloud_off:")
        st.button(ui.tr("app.retry"), icon=":material/refresh:")
        return
    signin.identity_sidebar()
    identity.sync_cookie()
    st.sidebar.caption(ui.tr("app.about"))
    # The accessibility statement: open to anyone, signed in or not, and linked from the sidebar of every page.
    statement = st.Page(ACCESSIBILITY.file, title=ui.tr(ACCESSIBILITY.title_key), icon=ACCESSIBILITY.icon,
                        url_path=ACCESSIBILITY.url_path, visibility="hidden")
    # every page the role may open stays listed (an administrator has 13): no "View more" that hides the last ones
    navigation = st.navigation([*_pages(who.role, who.kind == "demo"), statement], expanded=True)
    st.sidebar.page_link(statement, label=ui.tr("a11y.link"), icon=ACCESSIBILITY.icon)
    navigation.run()


run()
