"""Signed-in sessions that last across reloads, new tabs and shared links, and that can be revoked at once.

A session is a row on the server (SHA-256 of a random id, user, created, last seen, expiry). The browser holds
only an opaque token: the random id signed with `itsdangerous`, never a role or a name. Every rerun resolves the
token again, so sign-out, a role change, a password change or an account's removal (which delete the rows) take
effect on the user's next click, in every tab.

Idle expiry (`session_idle_minutes`) and an absolute lifetime (`session_lifetime_hours`) both end a session.
`last_seen` is written at most once a minute, so a rerun costs one read, not a write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from itsdangerous import BadSignature, URLSafeSerializer

from scenes.access import COOKIE_NAME
from scenes.errors import StoreError
from scenes.store import Store
from scenes.store.schema import identity_signins, meta, sessions, users

__all__ = ["COOKIE_NAME", "IDENTITY_FRESH", "Resolved", "Sessions", "identity_key", "session_secret"]

_SALT = "scenes.session.v1"
_TOUCH_EVERY = dt.timedelta(seconds=60)
_MAX_TOKEN = 200  # a longer cookie value is not ours: refused before any work
#: how old a provider's ID token may be when the app first sees it (the round trip takes seconds; clocks drift)
IDENTITY_FRESH = dt.timedelta(minutes=10)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def session_secret(store: Store, configured: str = "") -> str:
    """The signing key: the configured one, else one generated once and kept in the store (shared by instances)."""
    if configured:
        return configured
    value = store.meta_value("session_secret")
    if value:
        return value
    # A StoreError here means another instance wrote it at the same moment: theirs is read below.
    with contextlib.suppress(StoreError), store.write() as conn:
        if conn.execute(sa.select(meta.c.value).where(meta.c.key == "session_secret")).scalar() is None:
            conn.execute(meta.insert().values(key="session_secret", value=secrets.token_urlsafe(48)))
    value = store.meta_value("session_secret")
    if not value:
        raise StoreError("The session key could not be kept in the database; set SCENES_SESSION_SECRET instead.",
                         code="session_secret")
    return value


def identity_key(claims: dict[str, object]) -> str | None:
    """One provider sign-in, named by its ID token: SHA-256 of issuer, subject, issue time and nonce.

    Streamlit keeps the token's claims in its signed identity cookie, so the same sign-in comes back with every
    request of that browser (and of anyone who copied the cookie); a new sign-in at the provider gives a new key.
    None when the claims name no subject.
    """
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        return None
    parts = [str(claims.get(k, "")) for k in ("iss", "sub", "iat", "nonce", "sid")]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Resolved:
    """What a token turned out to be: a live session (`username`, `role`), or why not (`state`).

    For a provider sign-in (`resolve_identity`) also: `new` (never seen, fresh: start a session), `ended` (seen
    before, its session is gone: refused) and `stale` (never seen, but issued too long ago: refused).
    """

    state: Literal["ok", "expired", "invalid", "new", "ended", "stale"]
    username: str = ""
    kind: str = ""
    role: str | None = None  # local accounts: the role now in the users table; OIDC: decided by the caller


class Sessions:
    """Server-side sessions in the store; tokens signed with the store's (or the configured) secret."""

    def __init__(self, store: Store, secret: str, *, idle: dt.timedelta, lifetime: dt.timedelta) -> None:
        self.store = store
        self.idle = idle
        self.lifetime = lifetime
        self._signer = URLSafeSerializer(secret, salt=_SALT)

    def start(self, username: str, *, kind: str = "local", now: dt.datetime | None = None) -> str:
        """Open a session for `username` and return the token for the browser's cookie."""
        now = now or _now()
        raw = secrets.token_urlsafe(32)
        with self.store.write() as conn:
            conn.execute(sessions.insert().values(id_hash=_hash(raw), username=username, kind=kind, created_at=now,
                                                  last_seen=now, expires_at=now + self.lifetime))
            # Sessions that ended long ago are cleared as new ones start, so the table does not grow forever.
            conn.execute(sessions.delete().where(sessions.c.expires_at < now - dt.timedelta(days=1)))
        return str(self._signer.dumps(raw))

    def _raw(self, token: str) -> str | None:
        if not token or len(token) > _MAX_TOKEN:
            return None
        try:
            raw = self._signer.loads(token)
        except BadSignature:
            return None
        return raw if isinstance(raw, str) else None

    def resolve(self, token: str, *, now: dt.datetime | None = None) -> Resolved:
        """The live session behind `token`: tampered, unknown and revoked tokens are `invalid`; old ones `expired`."""
        raw = self._raw(token)
        if raw is None:
            return Resolved("invalid")
        return self._resolve_key(_hash(raw), now or _now())

    # -- provider sign-ins (OIDC) ---------------------------------------------------------------------------------
    # A provider sign-in has no token of ours: the browser proves it with Streamlit's signed identity cookie, which
    # lives 30 days and which sign-out cannot take back from a copy. So the session's row is keyed by the sign-in
    # itself (`identity_key`), and every accepted sign-in is remembered: once its session ends, the same identity
    # cookie (another tab, a replayed copy) is refused, and only a new sign-in at the provider opens a new session.

    def start_identity(self, username: str, key: str, *, now: dt.datetime | None = None) -> None:
        """Open the session of a new provider sign-in (`resolve_identity` said `new`)."""
        now = now or _now()
        with self.store.write() as conn:
            conn.execute(identity_signins.insert().values(key_hash=key, username=username, created_at=now))
            conn.execute(sessions.insert().values(id_hash=_hash("oidc:" + key), username=username, kind="oidc",
                                                  created_at=now, last_seen=now, expires_at=now + self.lifetime))
            # Sign-ins older than any session can be are refused as stale anyway: forgotten as new ones start.
            conn.execute(identity_signins.delete().where(
                identity_signins.c.created_at < now - self.lifetime - IDENTITY_FRESH - dt.timedelta(days=1)))

    def resolve_identity(self, key: str, *, issued_at: float | None, now: dt.datetime | None = None) -> Resolved:
        """The session of a provider sign-in; `new`, `ended` or `stale` when it has none (see `Resolved`)."""
        now = now or _now()
        found = self._resolve_key(_hash("oidc:" + key), now)
        if found.state != "invalid":
            return found
        with self.store.read() as conn:
            seen = conn.execute(sa.select(identity_signins.c.username).where(
                identity_signins.c.key_hash == key)).scalar()
        if seen is not None:
            return Resolved("ended", username=str(seen), kind="oidc")
        if issued_at is None:
            return Resolved("stale")
        valid_after = self.store.meta_value("identities_valid_after")  # set by a restore from backup
        if valid_after and issued_at < float(valid_after):
            return Resolved("stale")
        issued = dt.datetime.fromtimestamp(issued_at, dt.UTC)
        return Resolved("new") if now - issued <= IDENTITY_FRESH and issued - now <= IDENTITY_FRESH \
            else Resolved("stale")

    def end_identity(self, key: str, *, actor: str) -> None:
        """Sign out a provider sign-in: its session's row goes; the sign-in stays remembered (and so refused)."""
        with self.store.write() as conn:
            gone = conn.execute(sessions.delete().where(sessions.c.id_hash == _hash("oidc:" + key))).rowcount
            if gone:
                self.store.audit_entry(conn, "sign-out", actor=actor)

    def end_all(self, username: str, *, actor: str) -> int:
        """End every session of a person (local or provider): an administrator's "end sessions". Audited."""
        with self.store.write() as conn:
            gone = int(conn.execute(sessions.delete().where(sessions.c.username == username)).rowcount or 0)
            self.store.audit_entry(conn, "sessions-ended", actor=actor, detail=f"{username}: {gone}")
        return gone

    def open_counts(self, *, now: dt.datetime | None = None) -> dict[str, int]:
        """Open (not yet expired) sessions per user name, for the users page."""
        now = now or _now()
        query = (sa.select(sessions.c.username, sa.func.count()).where(
            sessions.c.expires_at > now, sessions.c.last_seen > now - self.idle).group_by(sessions.c.username))
        with self.store.read() as conn:
            return {str(u): int(n) for u, n in conn.execute(query)}

    def _resolve_key(self, key: str, now: dt.datetime) -> Resolved:
        query = (sa.select(sessions, users.c.role).select_from(
            sessions.outerjoin(users, users.c.username == sessions.c.username)).where(sessions.c.id_hash == key))
        with self.store.read() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            return Resolved("invalid")
        last_seen = _aware(row["last_seen"])
        if now >= _aware(row["expires_at"]) or now - last_seen > self.idle:
            with self.store.write() as conn:
                conn.execute(sessions.delete().where(sessions.c.id_hash == key))
                self.store.audit_entry(conn, "session-expired", actor=row["username"])
            return Resolved("expired", username=row["username"], kind=row["kind"])
        if row["kind"] == "local" and row["role"] is None:  # the account is gone
            return Resolved("invalid")
        if now - last_seen > _TOUCH_EVERY:
            with self.store.write() as conn:
                conn.execute(sessions.update().where(sessions.c.id_hash == key).values(last_seen=now))
        return Resolved("ok", username=row["username"], kind=row["kind"], role=row["role"])

    def end(self, token: str, *, actor: str) -> None:
        """Sign out: the session's row is deleted, so the token (in any tab, or replayed) is worth nothing."""
        raw = self._raw(token)
        if raw is None:
            return
        with self.store.write() as conn:
            gone = conn.execute(sessions.delete().where(sessions.c.id_hash == _hash(raw))).rowcount
            if gone:
                self.store.audit_entry(conn, "sign-out", actor=actor)

    def count(self, username: str) -> int:
        """Live and not yet cleared sessions of a user (for the users page and tests)."""
        with self.store.read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(sessions)
                                    .where(sessions.c.username == username)).scalar() or 0)
