"""The organisation's sign-in in the core: a provider sign-in (one ID token) opens one session; once that session
ends, the same sign-in (another tab, a copied identity cookie) is refused; no role, a block, an old sign-in and an
ID token without a subject are refused without a session; the users page lists everyone; the role map and the
[auth] section are checked before the server starts."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenes.access.auth import load_role_map
from scenes.access.identities import provider_name
from scenes.access.sessions import IDENTITY_FRESH, identity_key
from scenes.errors import ScenesError
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from scenes.web.readiness import auth_provider, config_problems, prompt_note, readiness

ROLE_MAP = ('{"emails": {"ella.admin@lansstyrelsen.se": "admin"}, "groups": {"scenes-analytiker": "analytiker"}, '
            '"domains": {"polisen.se": "styrgrupp"}}')


#: when the provider issued the test's tokens (set as each test starts): a sign-in is keyed by issuer, subject, issue
#: time in whole seconds and nonce, so two `claims()` of one test must not straddle a second's boundary
_ISSUED: list[float] = [time.time()]


@pytest.fixture(autouse=True)
def _issued_now() -> None:
    _ISSUED[0] = time.time()


def claims(login: str = "ella", email: str = "ella.admin@lansstyrelsen.se", *, iat: float | None = None,
           nonce: str = "n1", groups: list[str] | None = None) -> dict[str, object]:
    """A provider's ID token claims; by default issued when the test started (the same token each call)."""
    return {"iss": "http://localhost:9400", "sub": login, "email": email,
            "iat": int(_ISSUED[0] if iat is None else iat), "nonce": nonce, "groups": groups or [],
            "is_logged_in": True}


@pytest.fixture
def dash(tmp_path: Path) -> Dashboard:
    d = Dashboard(Settings(state_dir=tmp_path, role_map=ROLE_MAP))
    d.init()
    return d


def test_a_sign_in_opens_one_session_and_comes_back_to_it(dash: Dashboard) -> None:
    first = dash.provider_sign_in(claims())
    assert (first.outcome, first.username, first.role, first.fresh) == ("ok", "oidc:ella.admin@lansstyrelsen.se",
                                                                        "admin", True)
    again = dash.provider_sign_in(claims())  # a reload, a second tab: the same session
    assert (again.outcome, again.fresh) == ("ok", False)
    assert dash.sessions.count(first.username) == 1
    assert list(dash.audit()["action"]).count("sign-in") == 1


def test_after_sign_out_the_same_identity_cookie_is_refused(dash: Dashboard) -> None:
    c = claims()
    signed = dash.provider_sign_in(c)
    assert signed.key is not None
    dash.sessions.end_identity(signed.key, actor=signed.username)
    assert dash.provider_sign_in(c).outcome == "ended"  # another tab, or the cookie replayed in another browser
    assert dash.sessions.count(signed.username) == 0
    fresh = dash.provider_sign_in(claims(nonce="n2"))  # a new sign-in at the provider: a new session
    assert (fresh.outcome, fresh.fresh) == ("ok", True)


def test_an_administrator_ends_sessions_and_blocks(dash: Dashboard) -> None:
    signed = dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se", groups=["scenes-analytiker"]))
    assert signed.role == "analytiker"
    assert dash.end_sessions(signed.username, actor="oidc:ella") == 1
    assert dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se")).outcome == "ended"
    back = dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se", nonce="n2",
                                        groups=["scenes-analytiker"]))
    assert back.outcome == "ok"
    dash.block_identity(signed.username, actor="oidc:ella")
    assert dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se", nonce="n2")).outcome == "ended"
    assert dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se", nonce="n3")).outcome == "blocked"
    assert dash.sessions.count(signed.username) == 0
    dash.unblock_identity(signed.username, actor="oidc:ella")
    assert dash.provider_sign_in(claims(login="g", email="gustav@sollentuna.se", nonce="n4",
                                        groups=["scenes-analytiker"])).outcome == "ok"
    actions = list(dash.audit()["action"])
    assert {"sessions-ended", "identity-block", "identity-unblock", "sign-in-refused"} <= set(actions)
    with pytest.raises(ScenesError, match="No one named"):
        dash.block_identity("oidc:nobody@example.se", actor="oidc:ella")


def test_no_role_no_subject_and_old_sign_ins_open_no_session(dash: Dashboard) -> None:
    nils = dash.provider_sign_in(claims(login="nils", email="nils@example.org"))
    assert (nils.outcome, nils.role) == ("no_role", None)
    assert dash.provider_sign_in({"iss": "x", "email": "a@polisen.se"}).outcome == "no_subject"
    old = time.time() - IDENTITY_FRESH.total_seconds() - 60
    assert dash.provider_sign_in(claims(iat=old, nonce="old")).outcome == "stale"
    assert dash.provider_sign_in({**claims(nonce="no-iat"), "iat": None}).outcome == "stale"
    with dash.store.read() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM sessions").scalar() == 0


def test_expiry_is_reported_as_expired(tmp_path: Path) -> None:
    d = Dashboard(Settings(state_dir=tmp_path, role_map=ROLE_MAP, session_idle_minutes=5))
    d.init()
    signed = d.provider_sign_in(claims())
    assert signed.key is not None
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=6)
    assert d.sessions.resolve_identity(signed.key, issued_at=None, now=later).state == "expired"
    assert d.provider_sign_in(claims()).outcome == "ended"  # and the cookie stays refused afterwards


def test_people_lists_local_accounts_and_identities(dash: Dashboard) -> None:
    dash.add_user("anna", "ett långt lösenord", "analytiker", actor="cli:op")
    token = dash.sign_in("anna", "ett långt lösenord")
    assert token
    dash.provider_sign_in(claims())
    dash.provider_sign_in(claims(login="d", email="dora@polisen.se"))
    people = {p.username: p for p in dash.people()}
    assert people["anna"].kind == "local"
    assert people["anna"].open_sessions == 1
    assert people["oidc:ella.admin@lansstyrelsen.se"].role == "admin"
    assert people["oidc:dora@polisen.se"].role == "styrgrupp"
    assert people["oidc:dora@polisen.se"].last_login is not None


def test_the_name_is_never_shared() -> None:
    """An ID token with only a subject gives a name of its own (the first trial made everyone `oidc:oidc`)."""
    assert provider_name({"sub": "abc-123"}) == "oidc:abc-123"
    assert provider_name({"sub": "x", "email": "Ella@Example.SE"}) == "oidc:ella@example.se"
    assert provider_name({"sub": "x", "preferred_username": "ella"}) == "oidc:ella"


@settings(max_examples=60, deadline=None)
@given(a=st.dictionaries(st.sampled_from(["iss", "sub", "iat", "nonce", "sid"]), st.text(max_size=8)),
       b=st.dictionaries(st.sampled_from(["iss", "sub", "iat", "nonce", "sid"]), st.text(max_size=8)))
def test_identity_keys_differ_when_a_sign_in_differs(a: dict[str, object], b: dict[str, object]) -> None:
    """Two sign-ins share a key only when issuer, subject, issue time, nonce and session id all agree."""
    ka, kb = identity_key(a), identity_key(b)
    if not a.get("sub") or not b.get("sub"):
        return
    same = all(str(a.get(k, "")) == str(b.get(k, "")) for k in ("iss", "sub", "iat", "nonce", "sid"))
    assert (ka == kb) == same


@pytest.mark.parametrize(("text", "fragment"), [
    ("{", "not valid JSON"),
    ("[]", "must be a JSON object"),
    ('{"default": "boss"}', '"default" is \'boss\''),
    ('{"emails": {"a@b.se": "chef"}}', "emails['a@b.se'] is 'chef'"),
    ('{"emails": ["a@b.se"]}', "must be an object"),
    ('{"email": {}}', "unknown key 'email'"),
])
def test_the_role_map_is_checked_and_the_error_names_where(text: str, fragment: str) -> None:
    with pytest.raises(ScenesError) as caught:
        load_role_map(text)
    assert "SCENES_ROLE_MAP" in str(caught.value)
    assert fragment in str(caught.value)


GOOD_AUTH = {"redirect_uri": "https://drogscener.example.se/oauth2callback", "cookie_secret": "x" * 40,
             "client_id": "scenes", "client_secret": "s", "server_metadata_url": "https://idp/.well-known/x"}


def test_auth_and_role_map_are_checked_before_start(tmp_path: Path) -> None:
    fine = Settings(state_dir=tmp_path, role_map=ROLE_MAP)
    assert config_problems(fine, None) == []
    assert config_problems(fine, GOOD_AUTH) == []
    assert auth_provider(GOOD_AUTH) == "default"
    assert auth_provider({"entra": {"client_id": "x"}}) == "entra"
    assert any("redirect_uri" in p for p in config_problems(fine, {**GOOD_AUTH, "redirect_uri": "https://x/"}))
    assert any("cookie_secret" in p for p in config_problems(fine, {**GOOD_AUTH, "cookie_secret": "short"}))
    assert any("client_secret" in p for p in config_problems(fine, {k: v for k, v in GOOD_AUTH.items()
                                                                    if k != "client_secret"}))
    empty = Settings(state_dir=tmp_path)
    assert any("gives no one a role" in p for p in config_problems(empty, GOOD_AUTH))
    broken = Settings(state_dir=tmp_path, role_map="{nope")
    assert any("SCENES_ROLE_MAP" in p for p in config_problems(broken, None))
    assert prompt_note(GOOD_AUTH) is not None
    assert prompt_note({**GOOD_AUTH, "client_kwargs": {"prompt": "login"}}) is None


def test_readiness_names_what_is_wrong(tmp_path: Path) -> None:
    d = Dashboard(Settings(state_dir=tmp_path))
    assert readiness(d, []).reason == "schema"  # no `scenes init` yet
    d.init()
    assert readiness(d, []).ok
    assert readiness(d, ["SCENES_ROLE_MAP is not valid JSON"]).reason == "config"
    assert readiness(d, [], warming=True).reason == "warming_up"  # the server's libraries are still loading
    gone = Dashboard(Settings(database_url="postgresql+psycopg://u:p@127.0.0.1:9/none", state_dir=tmp_path))
    assert readiness(gone, []).reason == "database"


def test_a_block_that_races_a_sign_in_still_ends_it(dash: Dashboard) -> None:
    """Blocked between the check and the session's start (the block ended no session yet): the next request
    finds the block and ends the session."""
    import sqlalchemy as sa

    from scenes.store.schema import identities

    signed = dash.provider_sign_in(claims(login="d", email="dora@polisen.se"))
    assert signed.outcome == "ok"
    with dash.store.write() as conn:  # the block's own transaction, without its session clean-up
        conn.execute(identities.update().where(identities.c.username == signed.username)
                     .values(blocked_at=sa.func.now(), blocked_by="oidc:ella"))
    assert dash.provider_sign_in(claims(login="d", email="dora@polisen.se")).outcome == "blocked"
    assert dash.sessions.count(signed.username) == 0


def test_an_address_the_provider_has_not_verified_is_not_used(dash: Dashboard) -> None:
    """`email_verified: false`: neither the name nor the role comes from that address."""
    spoof = {**claims(login="x", email="ella.admin@lansstyrelsen.se"), "email_verified": False}
    got = dash.provider_sign_in(spoof)
    assert (got.outcome, got.username) == ("no_role", "oidc:x")


def test_a_restore_refuses_sign_ins_issued_before_it(dash: Dashboard) -> None:
    with dash.store.write() as conn:
        dash.store.set_meta(conn, "identities_valid_after", str(int(time.time()) + 5))
    assert dash.provider_sign_in(claims(nonce="before-restore")).outcome == "stale"
    assert dash.provider_sign_in(claims(nonce="after", iat=time.time() + 6)).outcome == "ok"
