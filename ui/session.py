"""Who is asking and what they may see, resolved once per rerun (`facts`), and asked again at every interaction:
a fragment's rerun, a download. Who the browser is (the session cookie, demo mode, OIDC) is `ui.identity`.
"""


from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, cast

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import ui.keys as keys
from scenes.access.auth import AccessDenied, precision_for
from scenes.access.auth import require as auth_require
from scenes.domain.disclosure import Disclosure
from scenes.model import Role
from scenes.views.dashboard import DEMO_ACTOR, Dashboard
from ui.cache import dashboard
from ui.identity import Who, _forget, _token, identify
from ui.lang import lang, tr
from ui.links import page_link

_LOG = logging.getLogger("scenes")




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


# -- signing out, and the provider identity of this tab -------------------------------------------------------
def provider_identity() -> str | None:
    """The name of this tab's provider sign-in while its session is live (in the sandbox too), else None."""
    who()
    name = st.session_state.get(keys.PROVIDER_NAME)
    return str(name) if st.session_state.get(keys.IDENTITY_KEY) and name else None

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
