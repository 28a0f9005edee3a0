"""The sign-in page, the first-administrator form, the "not for your role" page and who is signed in (sidebar).

These are pages and parts of pages: like the scripts in screens/, they use the ui package through its public names.
"""

from __future__ import annotations

import streamlit as st

import ui
from scenes.access.pages import PAGES
from scenes.errors import ScenesError
from scenes.web.routes import next_page
from ui import keys
from ui.identity import client, go_to, leave_provider, notice, oidc_configured, provider_login_url, refusal, signed_in
from ui.session import sign_out


def identity_sidebar() -> None:
    """Demo banner and role switcher, or who is signed in with a sign-out button."""
    current = ui.who()
    if current.kind == "demo":
        st.sidebar.warning(ui.tr("auth.demo_mode_signed_in" if oidc_configured() else "auth.demo_mode"),
                           icon=":material/science:")
        # Role names are the same in both languages (they are the project's role codes), so the widget's
        # labels do not change when the language does.
        roles = ["deltagare", "styrgrupp", "analytiker", "admin"]
        own = st.session_state.get(keys.PROVIDER_ROLE)
        if oidc_configured() and own in roles:  # signed in to the sandbox: any role up to the person's own
            roles = roles[:roles.index(own) + 1]
        st.sidebar.selectbox(ui.tr("auth.demo_role"), roles, index=min(2, len(roles) - 1), key=keys.DEMO_ROLE,
                             format_func=str.capitalize)
        name = ui.provider_identity()
        if name is not None:  # the sandbox behind the organisation's sign-in: who is signed in, and the way out
            st.sidebar.caption(ui.tr("auth.signed_in", who=name.removeprefix("oidc:"),
                                     role=ui.tr(f"role.{st.session_state.get(keys.PROVIDER_ROLE)}")))
            if st.sidebar.button(ui.tr("auth.sign_out"), key="sign_out", icon=":material/logout:"):
                sign_out()
        return
    if current.role is None:
        return
    st.sidebar.caption(ui.tr("auth.signed_in", who=current.actor.removeprefix("oidc:"),
                             role=ui.tr(f"role.{current.role}")))
    if st.sidebar.button(ui.tr("auth.sign_out"), key="sign_out", icon=":material/logout:"):
        sign_out()


def first_admin_form(key: str, submit_label: str) -> str | None:
    """The setup-code form that creates the first administrator and signs them in; their name on success."""
    dash = ui.dashboard()
    st.markdown(ui.tr("setup.explain"))
    with st.form(f"first_admin_{key}"):
        code = st.text_input(ui.tr("setup.code"), max_chars=40, help=ui.tr("setup.code_help"))
        c1, c2, c3 = st.columns(3)
        username = c1.text_input(ui.tr("auth.username"), max_chars=100, autocomplete="username")
        password = c2.text_input(ui.tr("auth.password"), type="password", max_chars=1000,
                                 autocomplete="new-password", help=ui.tr("users.password_help"))
        repeat = c3.text_input(ui.tr("setup.repeat"), type="password", max_chars=1000, autocomplete="new-password")
        submitted = st.form_submit_button(submit_label, type="primary", icon=":material/admin_panel_settings:")
    if not submitted:
        return None
    if password != repeat:
        st.error(ui.tr("setup.mismatch"), icon=":material/error:")
        return None
    try:
        token = dash.create_first_admin(code, username.strip(), password, client=client())
    except ScenesError as exc:
        ui.show_error(exc)
        return None
    signed_in(token)
    return username.strip()


def _contact() -> str:
    return ui.dashboard().settings.access_contact.strip() or ui.tr("auth.contact_default")


def _here(page_key: str | None) -> str:
    """This page's address relative to the app, with its query parameters: where to come back after sign-in."""
    from urllib.parse import urlencode

    if page_key is None:
        return ""
    query = urlencode(st.query_params.to_dict())
    return PAGES[page_key].url_path + (f"?{query}" if query else "")


def landing() -> tuple[str, dict[str, str]] | None:
    """Just signed in through the provider (whose round trip ends at the app's root): the key of the page asked for
    before, with its query parameters, when it is one of the app's pages; None otherwise."""
    from urllib.parse import parse_qsl, urlsplit

    if not st.session_state.pop(keys.FRESH_SIGN_IN, False):
        return None
    header = st.context.headers.get("Cookie", "")
    wanted = urlsplit(next_page(header if isinstance(header, str) else ""))
    for page in PAGES.values():
        if page.url_path == wanted.path.strip("/"):
            return page.key, dict(parse_qsl(wanted.query)[:50])
    return None


def sign_in_page(page_key: str | None = None) -> None:
    """The page for someone not signed in; opened at any page's address it signs in and then shows that page."""
    st.title(ui.tr("app.title"))
    refused = refusal()
    said = refused[0] if refused else notice()
    if refused and said in ("no_role", "blocked", "no_subject"):  # (tr makes the name and the contact inert text)
        person = refused[1].removeprefix("oidc:")
        st.warning(ui.tr(f"auth.notice.{said}", who=person, contact=_contact()), icon=":material/person_off:")
    elif said in ("signed-out", "expired", "ended", "stale"):
        st.info(ui.tr(f"auth.notice.{said}"), icon=":material/logout:" if said == "signed-out" else
                ":material/timer_off:")
    elif st.session_state.pop(keys.EXPIRED, False):
        st.info(ui.tr("auth.expired"), icon=":material/timer_off:")
    leave_provider()  # a refused or ended provider sign-in: its identity cookie goes
    if oidc_configured():
        if st.button(ui.tr("auth.sign_in_again" if refused else "auth.sign_in_oidc"), type="primary",
                     icon=":material/login:"):
            go_to(provider_login_url(_here(page_key)))
        if ui.dashboard().accounts.count() == 0:
            return
        with st.expander(ui.tr("auth.local_instead")):
            _local_form()
        return
    dash = ui.dashboard()
    if dash.accounts.count() == 0:
        st.subheader(ui.tr("setup.title"))
        if first_admin_form("sign_in", ui.tr("setup.create")):
            st.rerun()
        return
    st.subheader(ui.tr("auth.sign_in"))
    _local_form()


def _local_form() -> None:
    dash = ui.dashboard()
    with st.form("sign_in"):
        username = st.text_input(ui.tr("auth.username"), autocomplete="username", max_chars=100)
        password = st.text_input(ui.tr("auth.password"), type="password", autocomplete="current-password",
                                 max_chars=1000)
        submitted = st.form_submit_button(ui.tr("auth.sign_in"), type="primary")
    if submitted:
        token = dash.sign_in(username, password, client=client())
        if token is None:
            st.error(ui.tr("auth.failed"), icon=":material/lock:")
            return
        signed_in(token)
        st.session_state.pop(keys.NOTICE, None)
        st.rerun()  # the same address now opens the page that was asked for, with its query parameters


def not_allowed_page() -> None:
    """A page the role may not open: a clear message instead of Streamlit's "Page not found"."""
    st.title(ui.tr("app.title"))
    st.error(ui.tr("auth.not_allowed", role=ui.tr(f"role.{ui.role()}")), icon=":material/block:")
    ui.page_link("overview", label=ui.tr("nav.overview"), icon=":material/dashboard:")
