"""Who is asking and what they may see: sessions, the session cookie, demo mode and OIDC, roles.

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

import functools
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, cast

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import ui.keys as keys
from scenes.access.auth import ROLES, AccessDenied, precision_for
from scenes.access.auth import require as auth_require
from scenes.access.sessions import identity_key
from scenes.domain.disclosure import Disclosure
from scenes.model import Role, as_role
from scenes.views.dashboard import DEMO_ACTOR, Dashboard
from scenes.web.routes import HANDOFF_SECONDS, NOTICE_COOKIE, client_address, cookie_value, handoffs
from ui.cache import dashboard
from ui.lang import lang, tr
from ui.links import page_link

_LOG = logging.getLogger("scenes")


@dataclass(frozen=True)
class Who:
    """The person behind this rerun: their role (None: not signed in), and the name the audit log records."""

    role: Role | None
    actor: str
    kind: str  # "demo", "local", "oidc" or "anonymous"


@dataclass(frozen=True)
class Facts:
    """What a rerun knows before it draws anything, resolved once at its start (`facts`) and read by every helper
    and page instead of asking again: who is asking, in which language, what they may see, and the store's data
    and reference versions (the keys of every cached read)."""

    who: Who
    lang: str
    precision: str  # "exact" or "generalised" (`scenes.access.auth.precision_for`)
    disclosure: Disclosure
    data_version: int
    reference_version: int


def new_run() -> None:
    """Called first by app.py on every rerun: its facts (who is asking first: a revoked session ends here) are
    decided afresh at the next `facts()`."""
    st.session_state[keys.RUN] = st.session_state.get(keys.RUN, 0) + 1


def facts() -> Facts:
    """This rerun's facts: resolved at the first call after `new_run` (one query of the store's versions and demo
    mode, and the session's), then read from the tab's state. Outside a rerun (a download being made) resolved
    afresh each time."""
    if get_script_run_ctx() is None:
        return _resolve()
    run = st.session_state.get(keys.RUN)
    cached = st.session_state.get(keys.FACTS)
    if not isinstance(cached, Facts) or st.session_state.get(keys.FACTS_RUN) != run:
        cached = _resolve()
        st.session_state[keys.FACTS], st.session_state[keys.FACTS_RUN] = cached, run
    return cached


def _resolve() -> Facts:
    dash = dashboard()
    state = dash.state()
    person = identify(state.demo_mode)
    precision = precision_for(person.role)
    return Facts(who=person, lang=lang(), precision=precision,
                 disclosure=Disclosure.for_precision(precision, dash.settings.small_count_threshold),
                 data_version=state.data_version, reference_version=state.reference_version)


def who() -> Who:
    """Who is asking, resolved once per rerun (sessions, demo mode, OIDC: see identify)."""
    return facts().who


def role() -> Role | None:
    return who().role


# -- every interaction asks who is asking ------------------------------------------------------------------------
# app.py decides who is asking at the top of every full rerun. Two kinds of interaction do not run app.py: a
# fragment's own rerun, and a download, whose file is made when it is clicked (or was made at the last rerun).
# `fragment` and `download_data` make both ask again, against the database, exactly as a full rerun does; every
# fragment and every download of the app goes through them (an architecture test finds any other).

P = ParamSpec("P")


def recheck() -> None:
    """In a fragment's own rerun, decide who is asking afresh; when that changed (signed out, removed, role changed,
    expired), rerun the whole app instead, which shows the sign-in page or the new role's view. Nothing of the
    fragment is drawn first. In a full rerun app.py has just decided, so nothing is asked twice."""
    ctx = get_script_run_ctx()
    if ctx is not None and not getattr(ctx, "fragment_ids_this_run", True):
        return  # a full rerun (no fragment ids); an unknown Streamlit without the attribute asks again
    cached = st.session_state.get(keys.FACTS)
    before = cached.who if isinstance(cached, Facts) else None
    new_run()
    if who() != before:
        st.rerun(scope="app")


def fragment(body: Callable[P, None]) -> Callable[P, None]:
    """`st.fragment` whose every rerun first asks who is asking (`recheck`): the only way the app makes fragments."""
    @functools.wraps(body)
    def checked(*args: P.args, **kwargs: P.kwargs) -> None:
        recheck()
        body(*args, **kwargs)
    return cast("Callable[P, None]", st.fragment(checked))


@dataclass(frozen=True)
class _Grant:
    """Who a download was offered to, kept with it until it is clicked."""

    dash: Dashboard
    who: Who
    token: str
    session_id: str
    identity: str = ""  # a provider sign-in's key (`scenes.access.sessions.identity_key`)


def _still_allowed(grant: _Grant) -> bool:
    """Is the person a download was offered to still who they were? The same questions `identify` asks."""
    dash = grant.dash
    if grant.identity:  # a provider sign-in (in the demo too): its session must still be live
        found = dash.sessions.resolve_identity(grant.identity, issued_at=None)
        if found.state != "ok" or (grant.who.kind == "oidc" and found.username != grant.who.actor):
            return False
        return grant.who.kind == "oidc" or dash.demo_mode()
    if grant.who.kind == "demo":
        return dash.demo_mode()
    if grant.who.role is None or not grant.token:
        return False
    found = dash.sessions.resolve(grant.token)
    if found.state != "ok" or found.username != grant.who.actor:
        return False
    return found.role == grant.who.role


def download_data(data: Callable[[], bytes | str] | bytes | str) -> Callable[[], bytes | str]:
    """A download's file, made when it is clicked and only if the person who was offered it may still have it.

    Streamlit runs a download's callable when the button is clicked, outside any rerun (and serves bytes given
    directly from a URL that outlives the rerun): this is where such a click asks who is asking. A refused click
    gets no byte; the tab is rerun, so it shows the sign-in page or the new role's view.
    """
    ctx = get_script_run_ctx()
    token = st.session_state.get(keys.SESSION_TOKEN) or _token()
    current = who()
    identity = str(st.session_state.get(keys.IDENTITY_KEY) or "") if current.kind in ("oidc", "demo") else ""
    grant = _Grant(dashboard(), current, token, ctx.session_id if ctx else "", identity)

    def checked() -> bytes | str:
        if not _still_allowed(grant):
            _rerun_tab(grant.session_id)
            raise AccessDenied("The download was refused: the session has ended or its role has changed.")
        return data() if callable(data) else data
    return checked


def _rerun_tab(session_id: str) -> None:
    """Ask Streamlit to rerun a browser tab's session from outside its script (Streamlit has no public call)."""
    try:
        from streamlit.runtime import Runtime

        info = Runtime.instance()._session_mgr.get_active_session_info(session_id)
        if info is not None:
            info.session.request_rerun(None)
    except Exception:  # the refusal stands; the tab shows the sign-in page at its next interaction
        _LOG.debug("could not rerun session %s", session_id, exc_info=True)


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
    page_link("setup", label=tr("setup.link"), icon=":material/admin_panel_settings:")
    return True


def require(page: str) -> Role:
    """Called first by every page: stop with a message unless the role may open it. Returns the role."""
    current = role()
    auth_require(current, page)
    assert current is not None  # noqa: S101 - require() raised otherwise
    return current


def exact() -> bool:
    """May the current role see exact scene locations (and names)?"""
    return facts().precision == "exact"


def disclosure() -> Disclosure:
    """Which counts the current role may see as numbers (none suppressed at exact precision)."""
    return facts().disclosure


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


def provider_identity() -> str | None:
    """The name of this tab's provider sign-in while its session is live (in the sandbox too), else None."""
    who()
    name = st.session_state.get(keys.PROVIDER_NAME)
    return str(name) if st.session_state.get(keys.IDENTITY_KEY) and name else None


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


def sign_out() -> None:
    """End this person's session everywhere; a provider sign-in also ends at the provider (where it offers that).

    The session's row goes first, so every tab and any copied cookie is refused from the next click on. For a
    provider sign-in the next rerun's page then clears Streamlit's identity cookie through its `auth/logout`, which
    continues to the provider's end-session page and back to the app's sign-in page, saying "signed out".
    (`st.logout` is not called followed by `st.rerun`: in Streamlit 1.67 that leaves the identity cookie.)
    """
    dash = dashboard()
    key = st.session_state.get(keys.IDENTITY_KEY)
    current = who()
    if isinstance(key, str) and key:
        dash.sessions.end_identity(key, actor=current.actor if current.kind == "oidc" else DEMO_ACTOR)
        st.session_state[keys.REFUSED_IDENTITY] = (key, "signed-out", current.actor)
        st.session_state[keys.PROVIDER_LOGOUT] = True
        st.session_state.pop(keys.IDENTITY_KEY, None)
    token = st.session_state.get(keys.SESSION_TOKEN) or _token()
    if token:
        dash.sign_out(token, actor=current.actor)
        _forget(token)
    st.session_state[keys.NOTICE] = "signed-out"
    st.rerun()


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
