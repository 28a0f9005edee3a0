"""Streamlit glue for signing in: who is asking, the session cookie, the sign-in page, the first administrator.

Streamlit keeps `st.session_state` per browser tab connection, so a sign-in kept only there is lost on reload,
in a new tab and on a shared link. Here the sign-in lives in a server-side session (`scenes.sessions`); the
browser keeps only its signed, opaque token in a cookie (`SameSite=Lax`, `Secure` over https) that every new
connection sends and `st.context.cookies` reads. The cookie is written from the page (a small script), since
Streamlit cannot set response headers; the server-side row is what counts, so deleting it (sign-out, a role or
password change, removal) ends the session in every tab even if a browser kept the cookie.
"""

from __future__ import annotations

import json
import re

import streamlit as st

import ui
from scenes.auth import load_role_map, role_for_claims
from scenes.core import DEMO_ACTOR
from scenes.errors import ScenesError
from scenes.sessions import COOKIE_NAME

_TOKEN = re.compile(r"^[A-Za-z0-9_.\-]{1,200}$")


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def client() -> str:
    """The client's address for per-client sign-in throttling (a proxy's header when one is configured)."""
    header = ui.dashboard().settings.client_ip_header
    if header:
        forwarded = st.context.headers.get(header, "")
        if isinstance(forwarded, str) and forwarded:  # the entry the trusted proxy added is the last one
            return forwarded.split(",")[-1].strip()[:100]
    address = st.context.ip_address
    return address if isinstance(address, str) else ""  # None on localhost


def _token() -> str:
    """This tab's token (set at sign-in), else the cookie the browser sent when the tab connected."""
    token = st.session_state.get("session_token") or _cookie()
    if not isinstance(token, str) or token == st.session_state.get("dead_token"):
        return ""
    return token if _TOKEN.match(token) else ""


def _cookie() -> str:
    value = st.context.cookies.get(COOKIE_NAME, "")
    return value if isinstance(value, str) else ""


def _forget(token: str, *, expired: bool = False) -> None:
    st.session_state.pop("session_token", None)
    st.session_state["dead_token"] = token
    st.session_state["clear_cookie"] = True
    if expired:
        st.session_state["expired"] = True


def identify() -> ui.Who:
    """Decide who is asking on this rerun (called once per rerun through `ui.who`)."""
    dash = ui.dashboard()
    if dash.demo_mode():
        return ui.Who(role=str(st.session_state.get("demo_role", "analytiker")), actor=DEMO_ACTOR, kind="demo")
    anonymous = ui.Who(role=None, actor="", kind="anonymous")
    token = _token()
    if oidc_configured():
        if not getattr(st.user, "is_logged_in", False):
            return anonymous
        email = str(st.user.get("email") or st.user.get("preferred_username") or st.user.get("name") or "oidc")
        name = f"oidc:{email}"[:200]
        found = dash.sessions.resolve(token) if token else None
        if found is not None and found.state == "expired":
            _forget(token, expired=True)
            st.logout()  # the provider's sign-in starts afresh; our idle and lifetime limits apply to OIDC too
        if found is None or found.state != "ok" or found.username != name:
            token = dash.sessions.start(name, kind="oidc")
            st.session_state["session_token"] = token
            dash.record("sign-in", actor=name, detail="oidc")
        role = role_for_claims(st.user.to_dict(), load_role_map(dash.settings.role_map))
        return ui.Who(role=role, actor=name, kind="oidc")
    if not token:
        return anonymous
    found = dash.sessions.resolve(token)
    if found.state == "ok" and found.role:
        return ui.Who(role=found.role, actor=found.username, kind="local")
    _forget(token, expired=found.state == "expired")
    return anonymous


def sync_cookie() -> None:
    """Write (or clear) the session cookie from the page when the browser's copy differs from this tab's."""
    token = st.session_state.get("session_token")
    lifetime = int(ui.dashboard().settings.session_lifetime_hours * 3600)
    if token and _cookie() != token and _TOKEN.match(token):
        value, max_age = token, lifetime
    elif st.session_state.get("clear_cookie") and not token:
        value, max_age = "", 0
    else:
        return
    cookie = json.dumps(f"{COOKIE_NAME}={value}; Path=/; Max-Age={max_age}; SameSite=Lax")
    with st.sidebar:  # a script and no markup: nothing is drawn
        st.html(f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
                unsafe_allow_javascript=True, width="content")


def _signed_in(token: str) -> None:
    st.session_state["session_token"] = token
    st.session_state.pop("clear_cookie", None)
    st.session_state.pop("dead_token", None)


def sign_out() -> None:
    token = st.session_state.get("session_token") or _token()
    if token:
        ui.dashboard().sign_out(token, actor=ui.actor())
        _forget(token)
    if oidc_configured():
        st.logout()
    st.rerun()


def identity_sidebar() -> None:
    """Demo banner and role switcher, or who is signed in with a sign-out button."""
    current = ui.who()
    if current.kind == "demo":
        st.sidebar.warning(ui.tr("auth.demo_mode"), icon=":material/science:")
        # Role names are the same in both languages (they are the project's role codes), so the widget's
        # labels do not change when the language does.
        st.sidebar.selectbox(ui.tr("auth.demo_role"), ["deltagare", "styrgrupp", "analytiker", "admin"],
                             index=2, key="demo_role", format_func=str.capitalize)
        return
    if current.role is None:
        return
    st.sidebar.caption(ui.tr("auth.signed_in", who=current.actor, role=ui.tr(f"role.{current.role}")))
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
    _signed_in(token)
    return username.strip()


def sign_in_page() -> None:
    """The page for someone not signed in; opened at any page's address it signs in and then shows that page."""
    st.title(ui.tr("app.title"))
    if st.session_state.pop("expired", False):
        st.info(ui.tr("auth.expired"), icon=":material/timer_off:")
    if oidc_configured():
        st.button(ui.tr("auth.sign_in_oidc"), on_click=st.login, type="primary")
        return
    dash = ui.dashboard()
    if dash.accounts.count() == 0:
        st.subheader(ui.tr("setup.title"))
        if first_admin_form("sign_in", ui.tr("setup.create")):
            st.rerun()
        return
    st.subheader(ui.tr("auth.sign_in"))
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
        _signed_in(token)
        st.rerun()  # the same address now opens the page that was asked for, with its query parameters


def not_allowed_page() -> None:
    """A page the role may not open: a clear message instead of Streamlit's "Page not found"."""
    st.title(ui.tr("app.title"))
    st.error(ui.tr("auth.not_allowed", role=ui.tr(f"role.{ui.role()}")), icon=":material/block:")
    st.page_link("pages/overview.py", label=ui.tr("nav.overview"), icon=":material/dashboard:")
