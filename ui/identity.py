"""Who the browser is: the session behind the sign-in (its cookie, read from the raw `Cookie` header), demo mode,
the organisation's sign-in (OIDC) and the sign-in's notices. `ui.session` asks `identify` once per rerun (its facts).

Streamlit keeps `st.session_state` per browser tab connection, so a sign-in kept only there is lost on reload,
in a new tab and on a shared link. Here the sign-in lives in a server-side session (`scenes.access.sessions`); the
browser keeps only its signed, opaque token in a cookie that every new connection sends and this module reads from
the raw `Cookie` header (exactly: a quoted copy is not the token). The cookie is `HttpOnly` (no script can read
it), `SameSite=Lax` and `Secure` over https; the server sets it (`scenes.web.routes`'s route, in exchange for a one-time
code the page's script sends), since a page cannot set response headers. The server-side row is what counts, so
deleting it (sign-out, a role or password change, removal) ends the session in every tab even if a browser kept
the cookie.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass

import streamlit as st

import ui.keys as keys
from scenes.access.auth import ROLES
from scenes.access.sessions import identity_key
from scenes.model import Role, as_role
from scenes.views.dashboard import DEMO_ACTOR, Dashboard
from scenes.web.routes import HANDOFF_SECONDS, NOTICE_COOKIE, client_address, cookie_value, handoffs
from ui.cache import dashboard

_LOG = logging.getLogger("scenes")

@dataclass(frozen=True)
class Who:
    """The person behind this rerun: their role (None: not signed in), and the name the audit log records."""

    role: Role | None
    actor: str
    kind: str  # "demo", "local", "oidc" or "anonymous"


# -- the session behind the sign-in --------------------------------------------------------------------------------

_TOKEN = re.compile(r"^[A-Za-z0-9_.\-]{1,200}$")


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def client() -> str:
    """The client's address for per-client sign-in throttling (a proxy's header when one is configured).

    "" when it is not known: on localhost, and behind a proxy whose header is not configured (the connection's
    address is then the proxy's, shared by every user). Sign-in then counts failures per account name only.
    """
    peer = st.context.ip_address
    setting = dashboard().settings.client_ip_header
    headers = dict(st.context.headers)
    if setting:  # every copy of the header, in order: its last entry is the one our proxy added
        headers[setting] = ", ".join(st.context.headers.get_all(setting))
    address, unconfigured_proxy = client_address(headers, peer if isinstance(peer, str) else "", setting)
    if unconfigured_proxy:
        _warn_proxy_once()
    return address


@st.cache_resource(show_spinner=False)
def _warn_proxy_once() -> bool:
    _LOG.warning("Requests arrive through a proxy (they carry X-Forwarded-For or Forwarded) but "
                 "SCENES_CLIENT_IP_HEADER is not set: sign-in failures are counted per account name only. Set it "
                 "to the header your proxy writes (e.g. X-Forwarded-For) to count them per client too.")
    return True


def _token() -> str:
    """This tab's token (set at sign-in), else the cookie the browser sent when the tab connected."""
    token = st.session_state.get(keys.SESSION_TOKEN) or _cookie()
    if not isinstance(token, str) or token == st.session_state.get(keys.DEAD_TOKEN):
        return ""
    return token if _TOKEN.match(token) else ""


def _cookie() -> str:
    """The session cookie exactly as the browser sent it when this tab connected (a quoted copy is not the token)."""
    header = st.context.headers.get("Cookie", "")
    return cookie_value(header) if isinstance(header, str) else ""


def _forget(token: str, *, expired: bool = False) -> None:
    st.session_state.pop(keys.SESSION_TOKEN, None)
    st.session_state[keys.DEAD_TOKEN] = token
    st.session_state[keys.CLEAR_COOKIE] = True
    if expired:
        st.session_state[keys.EXPIRED] = True


def _provider_claims() -> dict[str, object] | None:
    """The claims of the organisation's sign-in this tab connected with (Streamlit's identity cookie), if any."""
    if not oidc_configured() or not getattr(st.user, "is_logged_in", False):
        return None
    return dict(st.user.to_dict())


def identify(demo_mode: bool) -> Who:
    """Decide who is asking on this rerun (called once per rerun through `facts`), in demo mode or not (as the
    rerun's `Dashboard.state` read it).

    With the organisation's sign-in configured, a demo store too asks everyone to sign in (no anonymous sandbox);
    a local account's session (its cookie) is honoured beside it. A provider sign-in's session is decided by the
    core (`Dashboard.provider_sign_in`): a refused one (no role, blocked, signed out, expired, stale) shows the
    sign-in page with the reason, and its identity cookie is cleared.
    """
    dash = dashboard()
    anonymous = Who(role=None, actor="", kind="anonymous")
    claims = _provider_claims()
    if claims is not None:
        provider = _provider_who(dash, claims, demo_mode)
        if provider is not None:
            return provider
        if demo_mode:
            return anonymous
        # refused: a local account signed in on this page's form still counts (below)
    elif demo_mode:
        if oidc_configured():
            return anonymous  # sign-in first, then the sandbox
        return Who(role=as_role(st.session_state.get(keys.DEMO_ROLE, "analytiker")), actor=DEMO_ACTOR, kind="demo")
    token = _token()
    if not token:
        return anonymous
    found = dash.sessions.resolve(token)
    if found.state == "ok" and found.role:
        return Who(role=as_role(found.role), actor=found.username, kind="local")
    _forget(token, expired=found.state == keys.EXPIRED)
    return anonymous


def _provider_who(dash: Dashboard, claims: dict[str, object], demo_mode: bool) -> Who | None:
    """The person behind a provider sign-in, or None (refused: the reason is kept for the sign-in page)."""
    key = identity_key(claims)
    refused = st.session_state.get(keys.REFUSED_IDENTITY)
    if isinstance(refused, tuple) and refused[0] == key:
        return None  # this tab's identity was refused: it stays refused until a new sign-in (a new page load)
    decision = dash.provider_sign_in(claims)
    if decision.outcome != "ok":
        st.session_state[keys.REFUSED_IDENTITY] = (key, decision.outcome, decision.username)
        st.session_state.pop(keys.IDENTITY_KEY, None)
        if decision.outcome == "no_role":
            dash.identities.seen(decision.username, None)  # listed on Användare, so an administrator can act
        return None
    st.session_state[keys.IDENTITY_KEY] = decision.key
    st.session_state[keys.PROVIDER_ROLE] = decision.role
    st.session_state[keys.PROVIDER_NAME] = decision.username
    if decision.fresh:
        st.session_state[keys.FRESH_SIGN_IN] = True
    assert decision.role is not None  # noqa: S101 - "ok" always has a role
    if demo_mode:  # the sandbox after sign-in: any role up to the person's own
        highest = ROLES.index(decision.role)
        chosen = str(st.session_state.get(keys.DEMO_ROLE, decision.role))
        role = chosen if chosen in ROLES and ROLES.index(chosen) <= highest else decision.role
        return Who(role=as_role(role), actor=DEMO_ACTOR, kind="demo")
    return Who(role=as_role(decision.role), actor=decision.username, kind="oidc")


def refusal() -> tuple[str, str] | None:
    """Why this tab's provider sign-in was refused (outcome, user name), or None."""
    refused = st.session_state.get(keys.REFUSED_IDENTITY)
    return (str(refused[1]), str(refused[2])) if isinstance(refused, tuple) else None


def notice() -> str:
    """What the sign-in page says first: this tab's sign-out or expiry, else the browser's last (a cookie)."""
    kept = st.session_state.get(keys.NOTICE)
    if isinstance(kept, str):
        return kept
    header = st.context.headers.get("Cookie", "")
    return cookie_value(header, NOTICE_COOKIE) if isinstance(header, str) else ""


def sync_cookie() -> None:
    """Have the server set (or clear) the session cookie when the browser's copy differs from this tab's.

    The cookie is HttpOnly, so no script may read or write it: the page's script sends a one-time code (never the
    token) to the app's own route (`scenes.web.routes`), whose answer sets it; clearing goes through the route as well.
    """
    token = st.session_state.get(keys.SESSION_TOKEN)
    if token and _cookie() != token and _TOKEN.match(token) and not handoffs().delivered(token):
        code = st.session_state.get(keys.COOKIE_CODE)
        if (not isinstance(code, str) or st.session_state.get(keys.COOKIE_CODE_FOR) != token
                or time.monotonic() > st.session_state.get(keys.COOKIE_CODE_UNTIL, 0.0)):
            # a fresh code when the last one has lapsed (its exchange failed, or the tab slept): the script changes,
            # so the browser runs it again
            code = handoffs().offer(token)
            st.session_state[keys.COOKIE_CODE], st.session_state[keys.COOKIE_CODE_FOR] = code, token
            st.session_state[keys.COOKIE_CODE_UNTIL] = time.monotonic() + HANDOFF_SECONDS - 5
        route = "api/session"
    elif st.session_state.pop(keys.CLEAR_COOKIE, False) and not token and st.session_state.get(keys.DEAD_TOKEN):
        # The code names the token this tab ended: the server clears the cookie only if it still holds that one, so
        # a stale tab never signs the browser out of a newer session.
        code, route = handoffs().offer(str(st.session_state[keys.DEAD_TOKEN])), "api/session/end"
    else:
        return
    call = f"fetch({json.dumps(_route(route))}, {{method: 'POST', credentials: 'same-origin', " \
           f"headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(json.dumps({'code': code}))}}})"
    with st.sidebar:  # a script and no markup: nothing is drawn
        st.html(f"<script>{call};</script>", unsafe_allow_javascript=True, width="content")


def _route(path: str) -> str:
    """The address of one of the app's own routes, under Streamlit's base URL path."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/{path}" if base else f"/{path}"


def signed_in(token: str) -> None:
    """Keep the token of a sign-in made in this tab (the cookie follows at the next `sync_cookie`)."""
    st.session_state[keys.SESSION_TOKEN] = token
    st.session_state.pop(keys.CLEAR_COOKIE, None)
    st.session_state.pop(keys.DEAD_TOKEN, None)


def leave_provider() -> None:
    """On the sign-in page after a refused or ended provider sign-in: clear Streamlit's identity cookie.

    After the person's own sign-out, through Streamlit's `auth/logout` (the provider's end-session page where it
    has one, then back here); after a refusal, through the app's route only, so the page keeps the app's message.
    Both first leave the notice for the sign-in page.
    """
    found = refusal()
    if found is None or st.session_state.get(keys.LEFT_PROVIDER) == found:
        return
    st.session_state[keys.LEFT_PROVIDER] = found
    logout = bool(st.session_state.pop(keys.PROVIDER_LOGOUT, False))
    body = json.dumps({"notice": found[0], "identity": not logout})
    then = f".then(() => window.location.assign({json.dumps(_route('auth/logout'))}))" if logout else ""
    call = f"fetch({json.dumps(_route('api/signed-out'))}, {{method: 'POST', credentials: 'same-origin', " \
           f"headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(body)}}}){then}"
    with st.sidebar:
        st.html(f"<script>{call};</script>", unsafe_allow_javascript=True, width="content")


def provider_login_url(next_page: str) -> str:
    """The address that starts the organisation's sign-in and comes back to `next_page` (a relative address)."""
    from urllib.parse import urlencode

    from streamlit.auth_util import encode_provider_token

    from scenes.web.readiness import auth_provider

    provider = auth_provider(st.secrets.get("auth")) or "default"
    return _route("api/login") + "?" + urlencode({"provider": encode_provider_token(provider), "next": next_page})


def go_to(url: str) -> None:
    """Send this tab to `url` (an address of this app)."""
    with st.sidebar:
        st.html(f"<script>window.location.assign({json.dumps(url)});</script>", unsafe_allow_javascript=True,
                width="content")
