"""Everyone who has signed in through the organisation's provider (OIDC), and who may no longer.

A local account exists before its first sign-in (an administrator adds it); a provider identity exists once its
person has signed in. Each sign-in records the role the claims gave and when; an administrator can block an
identity (its sessions end, and no new sign-in is accepted) and lift the block. `people` lists both kinds together
for the users page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from scenes.access.accounts import Accounts
from scenes.access.auth import role_for_claims
from scenes.access.sessions import Sessions, identity_key
from scenes.errors import ScenesError, StoreError
from scenes.store import Store
from scenes.store.schema import identities

__all__ = ["Identities", "Person", "ProviderSignIn", "people", "provider_name", "provider_sign_in"]

Outcome = Literal["ok", "no_role", "blocked", "ended", "expired", "stale", "no_subject"]


def provider_name(claims: dict[str, object]) -> str:
    """The name the app knows a provider identity by: `oidc:` and the e-mail (lower case), else the user name the
    provider gives, else its subject id. Never one name shared by everyone. An e-mail the provider marks as not
    verified (`email_verified: false`) is not used."""
    named = ("preferred_username", "upn", "sub") if claims.get("email_verified") is False else (
        "email", "preferred_username", "upn", "sub")
    for claim in named:
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            text = value.strip()
            return ("oidc:" + (text.lower() if "@" in text else text))[:200]
    return "oidc:?"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


@dataclass(frozen=True)
class Person:
    """One row of the users page: a local account or a provider identity."""

    username: str
    kind: str  # "local" or "oidc"
    role: str | None  # local: the account's role; oidc: what the claims gave at the last sign-in (None: no role)
    last_login: dt.datetime | None
    open_sessions: int
    blocked: bool  # oidc: blocked by an administrator
    locked_until: dt.datetime | None  # local: locked after failed sign-ins


class Identities:
    """Provider identities in the store: recorded at sign-in, blocked and unblocked by an administrator."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def seen(self, username: str, role: str | None, *, now: dt.datetime | None = None) -> None:
        """Record a sign-in: the identity's role by its claims now, and when."""
        now = now or _now()
        with self.store.write() as conn:
            changed = conn.execute(identities.update().where(identities.c.username == username)
                                   .values(role=role, last_login=now)).rowcount
            if not changed:
                conn.execute(identities.insert().values(username=username, role=role, first_seen=now,
                                                        last_login=now))

    def blocked(self, username: str) -> bool:
        with self.store.read() as conn:
            return conn.execute(sa.select(identities.c.blocked_at).where(
                identities.c.username == username)).scalar() is not None

    def block(self, username: str, sessions: Sessions, *, actor: str) -> None:
        """Block an identity: its sessions end now, and its next sign-ins are refused until unblocked."""
        if username == actor:
            raise ScenesError("You cannot block yourself; ask another administrator.", code="block_self")
        with self.store.write() as conn:
            changed = conn.execute(identities.update().where(identities.c.username == username)
                                   .values(blocked_at=_now(), blocked_by=actor)).rowcount
            if not changed:
                raise ScenesError(f"No one named {username!r} has signed in through the organisation's account.",
                                  code="unknown_identity", user=username)
            self.store.audit_entry(conn, "identity-block", actor=actor, detail=username)
        sessions.end_all(username, actor=actor)

    def unblock(self, username: str, *, actor: str) -> None:
        with self.store.write() as conn:
            conn.execute(identities.update().where(identities.c.username == username)
                         .values(blocked_at=None, blocked_by=None))
            self.store.audit_entry(conn, "identity-unblock", actor=actor, detail=username)

    def list(self) -> list[dict[str, object]]:
        with self.store.read() as conn:
            return [dict(r) for r in conn.execute(sa.select(identities).order_by(identities.c.username)).mappings()]


def people(accounts: Accounts, ids: Identities, sessions: Sessions) -> list[Person]:
    """Everyone who may sign in or has: local accounts, then provider identities, each with open sessions."""
    open_ = sessions.open_counts()
    out = [Person(a.username, "local", a.role, a.last_login, open_.get(a.username, 0), False, a.locked_until)
           for a in accounts.list()]
    out += [Person(str(r["username"]), "oidc", r["role"] and str(r["role"]),  # type: ignore[arg-type]
                   _aware(r["last_login"]), open_.get(str(r["username"]), 0),  # type: ignore[arg-type]
                   r["blocked_at"] is not None, None)
            for r in ids.list()]
    return out


@dataclass(frozen=True)
class ProviderSignIn:
    """What the app makes of a provider sign-in (Streamlit's identity cookie) on one request.

    `ok`: a live session (`fresh` when it started on this request). Refused, with no session: `no_role` (the claims
    map to no role), `blocked` (by an administrator), `ended` (this sign-in's session was signed out or ended: the
    cookie is a copy or another tab's), `expired` (idle or lifetime limit), `stale` (an old sign-in the app never
    saw, e.g. from before a restore), `no_subject` (the ID token names no one).
    """

    outcome: Outcome
    username: str = ""
    role: str | None = None
    key: str | None = None
    fresh: bool = False


def provider_sign_in(claims: dict[str, object], role_map: dict[str, object], sessions: Sessions, ids: Identities,
                     ) -> ProviderSignIn:
    """Decide a provider sign-in: its live session, a new session for a fresh sign-in, or why it is refused."""
    key = identity_key(claims)
    if key is None:
        return ProviderSignIn("no_subject")
    username = provider_name(claims)
    role = role_for_claims(claims, role_map)
    iat = claims.get("iat")
    issued = float(iat) if isinstance(iat, int | float) and not isinstance(iat, bool) else None
    for _attempt in range(2):  # a second tab may start the same sign-in's session at the same moment
        found = sessions.resolve_identity(key, issued_at=issued)
        if found.state == "ok":
            if role is None:  # the role map no longer gives one: the session ends
                sessions.end_identity(key, actor=username)
                return ProviderSignIn("no_role", username, None, key)
            if ids.blocked(username):  # blocked while this sign-in's session was being opened
                sessions.end_identity(key, actor=username)
                return ProviderSignIn("blocked", username, role, key)
            return ProviderSignIn("ok", username, role, key)
        if found.state in ("expired", "ended", "stale"):
            return ProviderSignIn(found.state, username, role, key)
        if ids.blocked(username):
            sessions.store.record("sign-in-refused", actor=username, detail="blocked")
            return ProviderSignIn("blocked", username, role, key)
        if role is None:
            return ProviderSignIn("no_role", username, None, key)
        try:
            sessions.start_identity(username, key)
        except StoreError:
            continue
        ids.seen(username, role)
        sessions.store.record("sign-in", actor=username, detail="oidc")
        return ProviderSignIn("ok", username, role, key, fresh=True)
    return ProviderSignIn("ended", username, role, key)
