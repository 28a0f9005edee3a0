"""Who is asking and what they may see: sessions, the session cookie, demo mode and OIDC, roles.

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
from dataclasses import dataclass
from typing import cast

import streamlit as st

from scenes.auth import load_role_map, precision_for, role_for_claims
from scenes.auth import require as auth_require
from scenes.core import DEMO_ACTOR
from scenes.disclosure import Disclosure
from scenes.pages import SETUP
from scenes.sessions import COOKIE_NAME
from ui.cache import dashboard
from ui.lang import tr


@dataclass(frozen=True)
class Who:
    """The person behind this rerun: their role (None: not signed in), and the name the audit log records."""

    role: str | None
    actor: str
    kind: str  # "demo", "local", "oidc" or "anonymous"


def new_run() -> None:
    """Called first by app.py on every rerun: who is asking is decided afresh (a revoked session ends here)."""
    st.session_state["_run"] = st.session_state.get("_run", 0) + 1


def who() -> Who:
    """Who is asking, resolved once per rerun (sessions, demo mode, OIDC: see identify)."""
    run = st.session_state.get("_run")
    cached = st.session_state.get("_who")
    if cached is None or st.session_state.get("_who_run") != run:
        cached = identify()
        st.session_state["_who"], st.session_state["_who_run"] = cached, run
    return cast(Who, cached)


def role() -> str | None:
    return who().role


def actor() -> str:
    """Who is acting, for the audit log (DEMO_ACTOR in demo mode, whose writes the core refuses)."""
    return who().actor


def is_demo() -> bool:
    return who().kind == "demo"


def demo_readonly() -> bool:
    """In demo mode: say that nothing is saved and where real use starts; True when the page must not write."""
    if not is_demo():
        return False
    st.info(tr("demo.readonly"), icon=":material/science:")
    st.page_link(SETUP_PAGE, label=tr("setup.link"), icon=":material/admin_panel_settings:")
    return True


#: the page that creates the first administrator (demo mode and a store without accounts)
SETUP_PAGE = SETUP.file


def require(page: str) -> str:
    """Called first by every page: stop with a message unless the role may open it. Returns the role."""
    current = role()
    auth_require(current, page)
    assert current is not None  # noqa: S101 - require() raised otherwise
    return current


def exact() -> bool:
    """May the current role see exact scene locations (and names)?"""
    return precision_for(role()) == "exact"


def disclosure() -> Disclosure:
    """Which counts the current role may see as numbers (none suppressed at exact precision)."""
    return Disclosure.for_precision(precision_for(role()), dashboard().settings.small_count_threshold)


# -- the session behind the sign-in --------------------------------------------------------------------------------

_TOKEN = re.compile(r"^[A-Za-z0-9_.\-]{1,200}$")


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def client() -> str:
    """The client's address for per-client sign-in throttling (a proxy's header when one is configured)."""
    header = dashboard().settings.client_ip_header
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


def identify() -> Who:
    """Decide who is asking on this rerun (called once per rerun through `who`)."""
    dash = dashboard()
    if dash.demo_mode():
        return Who(role=str(st.session_state.get("demo_role", "analytiker")), actor=DEMO_ACTOR, kind="demo")
    anonymous = Who(role=None, actor="", kind="anonymous")
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
        return Who(role=role, actor=name, kind="oidc")
    if not token:
        return anonymous
    found = dash.sessions.resolve(token)
    if found.state == "ok" and found.role:
        return Who(role=found.role, actor=found.username, kind="local")
    _forget(token, expired=found.state == "expired")
    return anonymous


def sync_cookie() -> None:
    """Write (or clear) the session cookie from the page when the browser's copy differs from this tab's."""
    token = st.session_state.get("session_token")
    lifetime = int(dashboard().settings.session_lifetime_hours * 3600)
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


def signed_in(token: str) -> None:
    """Keep the token of a sign-in made in this tab (the cookie follows at the next `sync_cookie`)."""
    st.session_state["session_token"] = token
    st.session_state.pop("clear_cookie", None)
    st.session_state.pop("dead_token", None)


def sign_out() -> None:
    token = st.session_state.get("session_token") or _token()
    if token:
        dashboard().sign_out(token, actor=actor())
        _forget(token)
    if oidc_configured():
        st.logout()
    st.rerun()
