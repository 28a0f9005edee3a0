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

from scenes.errors import StoreError
from scenes.store import Store
from scenes.store.schema import meta, sessions, users

__all__ = ["COOKIE_NAME", "Resolved", "Sessions", "session_secret"]

#: the cookie that carries the signed token
COOKIE_NAME = "scenes_session"
_SALT = "scenes.session.v1"
_TOUCH_EVERY = dt.timedelta(seconds=60)
_MAX_TOKEN = 200  # a longer cookie value is not ours: refused before any work


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


@dataclass(frozen=True)
class Resolved:
    """What a token turned out to be: a live session (`username`, `role`), or why not (`state`)."""

    state: Literal["ok", "expired", "invalid"]
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
        now = now or _now()
        raw = self._raw(token)
        if raw is None:
            return Resolved("invalid")
        key = _hash(raw)
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
