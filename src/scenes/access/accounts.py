"""Local accounts and sign-in throttling: Argon2id hashes, the one-time setup of the first administrator.

Local accounts are stored with Argon2id hashes (rehashed on sign-in when the parameters change). Sign-in cannot
be turned against its users:
- every failed sign-in does the same work (one Argon2 check, the same writes) and takes at least
  `sign_in_failure_seconds`, whether the name is unknown, the account locked or the password wrong;
- failures are counted per client and per account name (known or not, so a lock tells nothing about which names
  exist); each earns a delay that doubles (capped) and is forgotten after a quiet spell;
- an account's lock refuses only clients that have failed themselves: an attacker who locks the administrator
  cannot keep the administrator, signing in from a client without failures, out (and `scenes user unlock` lifts a
  lock). The last administrator cannot be removed or demoted;
- when the client's address is unknown (`client=""`: behind a proxy without `SCENES_CLIENT_IP_HEADER`, or where
  the server gives none), failures are counted per account name only, so no client counter is shared by everyone
  and one attacker can never lock every account at once.

The first administrator is created in the browser with a one-time setup code that only whoever runs the server can
read (its log at start, or `scenes setup-code`); the code stops working once any account exists.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection

from scenes.errors import NotFoundError, ScenesError, StoreError
from scenes.model import ROLES, Role
from scenes.store import Store
from scenes.store.schema import meta, sessions, throttle, users

__all__ = ["MAX_CLIENT_FAILURES", "MAX_FAILURES", "Account", "Accounts", "SetupRefused"]

MAX_FAILURES = 5  # per account name, before its lock starts
MAX_CLIENT_FAILURES = 10  # per client (across every name), before its lock starts
_LOCK_BASE = dt.timedelta(seconds=30)
_LOCK_MAX = dt.timedelta(minutes=15)
_FORGET_AFTER = dt.timedelta(minutes=30)  # failures older than this no longer count
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{2,100}$")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread from a log


class SetupRefused(ScenesError):
    """The first administrator could not be created: the code is spent (`setup_spent`) or wrong or throttled
    (`setup_wrong_code`)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    created_at: dt.datetime | None
    last_login: dt.datetime | None
    failed: int
    locked_until: dt.datetime | None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _check_new(username: str, password: str, role: str) -> None:
    if not _USERNAME.match(username):
        raise ScenesError("A user name is 2–100 letters, digits or . _ @ + -", code="bad_username")
    if role not in ROLES:
        raise ScenesError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", code="unknown_role", role=role)
    _check_password(password)


def _check_password(password: str) -> None:
    if len(password) < 12:
        raise ScenesError("A password has at least 12 characters.", code="password_short")
    if len(password) > 1000:
        raise ScenesError("A password has at most 1000 characters.", code="password_long")


class Accounts:
    """Local accounts in the store, and the one-time setup of the first administrator."""

    _dummy_hashes: dict[tuple[int, int, int], str] = {}  # noqa: RUF012 - per Argon2 parameters, computed once

    def __init__(self, store: Store, *, failure_seconds: float = 0.0, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.hasher = hasher or PasswordHasher()
        self.failure_seconds = failure_seconds

    # -- reading -----------------------------------------------------------------------------------------
    def list(self) -> list[Account]:
        now = dt.datetime.now(dt.UTC)
        with self.store.read() as conn:
            rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
            locks = {r["key"]: r for r in conn.execute(sa.select(throttle).where(
                throttle.c.key.like("account:%"))).mappings()}
        out = []
        for r in rows:
            lock = locks.get(_account_key(r["username"]))
            until = _aware(lock["locked_until"]) if lock else None
            out.append(Account(r["username"], r["role"], _aware(r["created_at"]), _aware(r["last_login"]),
                               int(lock["failures"]) if lock else 0, until if until and until > now else None))
        return out

    def count(self) -> int:
        with self.store.read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(users)).scalar() or 0)

    def locked_until(self, username: str) -> dt.datetime | None:
        with self.store.read() as conn:
            value = conn.execute(sa.select(throttle.c.locked_until).where(
                throttle.c.key == _account_key(username))).scalar()
        return _aware(value)

    # -- administration (each change audited; role, password and removal end the user's sessions) ---------
    def add(self, username: str, password: str, role: Role, *, actor: str) -> None:
        _check_new(username, password, role)
        with self.store.write() as conn:
            self._insert(conn, username, password, role)
            self.store.audit_entry(conn, "user-add", actor=actor, detail=f"{username} as {role}")

    def _insert(self, conn: Connection, username: str, password: str, role: str) -> None:
        if conn.execute(sa.select(users.c.username).where(users.c.username == username)).first():
            raise StoreError(f"The user {username!r} exists already.", code="user_exists", username=username)
        conn.execute(users.insert().values(username=username, password_hash=self.hasher.hash(password),
                                           role=role, created_at=dt.datetime.now(dt.UTC), failed=0))
        self.store.set_meta(conn, "sign_in_required", "1")  # from the first account on, everyone signs in
        self.store.set_meta(conn, "setup_code", None)  # the one-time setup code is spent

    def _existing(self, conn: Connection, username: str) -> str:
        old = conn.execute(sa.select(users.c.role).where(users.c.username == username)).scalar()
        if old is None:
            raise NotFoundError(f"No user {username!r}.", code="user_unknown", username=username)
        return str(old)

    def _keep_an_admin(self, conn: Connection, username: str, old_role: str) -> None:
        admins = conn.execute(sa.select(sa.func.count()).select_from(users).where(users.c.role == "admin")).scalar()
        if old_role == "admin" and int(admins or 0) <= 1:
            raise ScenesError(f"{username} is the last administrator; make another user admin first, so nobody "
                              "is locked out of the user administration.", code="last_admin", username=username)

    def remove(self, username: str, *, actor: str) -> None:
        with self.store.write() as conn:
            self._keep_an_admin(conn, username, self._existing(conn, username))
            if username == actor:  # an administrator never removes the account they are signed in with
                raise ScenesError(f"{username} cannot remove their own account; another administrator can.",
                                  code="remove_self", username=username)
            conn.execute(users.delete().where(users.c.username == username))
            conn.execute(sessions.delete().where(sessions.c.username == username))
            self.store.audit_entry(conn, "user-remove", actor=actor, detail=username)

    def set_role(self, username: str, role: Role, *, actor: str) -> None:
        if role not in ROLES:
            raise ScenesError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.", code="unknown_role", role=role)
        with self.store.write() as conn:
            old = self._existing(conn, username)
            if role != "admin":
                self._keep_an_admin(conn, username, old)
            conn.execute(users.update().where(users.c.username == username).values(role=role))
            conn.execute(sessions.delete().where(sessions.c.username == username))
            self.store.audit_entry(conn, "role-change", actor=actor, detail=f"{username}: {old} -> {role}")

    def set_password(self, username: str, password: str, *, actor: str) -> None:
        _check_password(password)
        with self.store.write() as conn:
            self._existing(conn, username)
            conn.execute(users.update().where(users.c.username == username).values(
                password_hash=self.hasher.hash(password)))
            conn.execute(sessions.delete().where(sessions.c.username == username))
            conn.execute(throttle.delete().where(throttle.c.key == _account_key(username)))
            self.store.audit_entry(conn, "password-change", actor=actor, detail=username)

    def unlock(self, username: str, *, actor: str) -> None:
        """Lift an account's sign-in lock (an operator's way out if a lock ever keeps someone out)."""
        with self.store.write() as conn:
            self._existing(conn, username)
            conn.execute(throttle.delete().where(throttle.c.key == _account_key(username)))
            self.store.audit_entry(conn, "unlock", actor=actor, detail=username)

    # -- signing in ----------------------------------------------------------------------------------------
    def _dummy_hash(self) -> str:
        params = (self.hasher.time_cost, self.hasher.memory_cost, self.hasher.parallelism)
        if params not in self._dummy_hashes:
            self._dummy_hashes[params] = self.hasher.hash(secrets.token_hex(16))
        return self._dummy_hashes[params]

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return bool(self.hasher.verify(stored, password))
        except (VerificationError, InvalidHashError):
            return False

    def authenticate(self, username: str, password: str, *, client: str = "", now: dt.datetime | None = None
                     ) -> str | None:
        """The user's role when the password is right and no lock applies to this client; None otherwise.

        Every path does the same work: one Argon2 check (against a dummy hash for an unknown name), the same
        throttle writes, one audit line; a failure then waits until `failure_seconds` have passed in all.
        """
        started = time.monotonic()
        now = now or dt.datetime.now(dt.UTC)
        name = username.strip()[:200]
        password = password[:1000]
        with self.store.write() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
            ok = self._verify(row["password_hash"] if row else self._dummy_hash(), password)
            # Without the client's address every client would share one counter, and ten failures by anyone would
            # lock everyone out: failures are then counted per account name only.
            known = bool(client.strip())
            client_state = _state(conn, _client_key(client), now) if known else _Throttle(0, None)
            account_state = _state(conn, _account_key(name), now)
            client_locked = client_state.locked(now)
            # An account's lock applies to clients that have failed themselves; a clean client is never refused
            # the right password, so nobody can keep a known user out by failing on purpose. When clients cannot
            # be told apart, the lock applies to the account (only to that one account, and never past _LOCK_MAX).
            account_locked = account_state.locked(now) and (client_state.failures > 0 or not known)
            if row is not None and ok and not client_locked and not account_locked:
                values: dict[str, object] = {"last_login": now}
                if self.hasher.check_needs_rehash(row["password_hash"]):
                    values["password_hash"] = self.hasher.hash(password)
                conn.execute(users.update().where(users.c.username == name).values(**values))
                conn.execute(throttle.delete().where(throttle.c.key == _account_key(name)))
                self.store.audit_entry(conn, "sign-in", actor=name, detail=f"{row['role']}{_client_note(client)}")
                return str(row["role"])
            reason = ("client throttled" if client_locked else "unknown user" if row is None
                      else "account locked" if account_locked else "wrong password")
            client_lock = _fail(conn, _client_key(client), client_state, now, MAX_CLIENT_FAILURES) if known else None
            account_lock = _fail(conn, _account_key(name), account_state, now, MAX_FAILURES)
            lock = max((x for x in (client_lock, account_lock) if x), default=None)
            self.store.audit_entry(conn, "sign-in-failed", actor=name or "(empty)", detail=(
                f"{reason}{_client_note(client)}" + (f", locked until {lock:%H:%M:%S}" if lock else "")))
        time.sleep(max(0.0, self.failure_seconds - (time.monotonic() - started)))
        return None

    # -- the first administrator --------------------------------------------------------------------------
    def setup_code(self) -> str | None:
        """The one-time code that lets the first administrator be created; None once any account exists."""
        if self.count():
            return None
        code = self.store.meta_value("setup_code")
        if code:
            return code
        fresh = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(3))
        with self.store.write() as conn:
            if conn.execute(sa.select(sa.func.count()).select_from(users)).scalar():
                return None
            current = conn.execute(sa.select(meta.c.value).where(meta.c.key == "setup_code")).scalar()
            if current:
                return str(current)
            self.store.set_meta(conn, "setup_code", fresh)
        return fresh

    def create_first_admin(self, code: str, username: str, password: str, *, client: str = "",
                           now: dt.datetime | None = None) -> None:
        """Create the first administrator, if `code` is the setup code and no account exists yet."""
        now = now or dt.datetime.now(dt.UTC)
        _check_new(username, password, "admin")
        key = "setup:" + _client_key(client)
        wanted = "".join(c for c in code[:100].upper() if c.isalnum())  # a code is 14 characters: bound first
        with self.store.write() as conn:
            if conn.execute(sa.select(sa.func.count()).select_from(users)).scalar():
                raise SetupRefused("An account exists already, so the setup code no longer works. Sign in, or ask "
                                   "an administrator for an account.", "setup_spent")
            state = _state(conn, key, now)
            stored = conn.execute(sa.select(meta.c.value).where(meta.c.key == "setup_code")).scalar() or ""
            right = hmac.compare_digest(wanted.encode(), str(stored).replace("-", "").encode()) and bool(stored)
            if right and not state.locked(now):
                self._insert(conn, username, password, "admin")
                conn.execute(throttle.delete().where(throttle.c.key == key))
                self.store.audit_entry(conn, "first-admin", actor=username, detail=f"{username} as admin"
                                       f"{_client_note(client)}")
                return
        with self.store.write() as conn:  # the failure is kept even though nothing else was written
            lock = _fail(conn, key, _state(conn, key, now), now, MAX_FAILURES)
            self.store.audit_entry(conn, "setup-code-failed", actor=username,
                                   detail=_client_note(client).strip(", ") + (f" locked until {lock:%H:%M:%S}"
                                                                               if lock else ""))
        raise SetupRefused("The setup code is not right (or too many wrong codes were tried; wait a minute). The "
                           "code is printed in the server's log at start, and by `scenes setup-code`.",
                           "setup_wrong_code")


@dataclass(frozen=True)
class _Throttle:
    failures: int
    locked_until: dt.datetime | None

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def _account_key(name: str) -> str:
    return "account:" + name.strip().lower()[:200]


def _client_key(client: str) -> str:
    return "client:" + (client.strip()[:200] or "local")


def _client_note(client: str) -> str:
    return f", from {client[:60]}" if client else ""


def _state(conn: Connection, key: str, now: dt.datetime) -> _Throttle:
    row = conn.execute(sa.select(throttle).where(throttle.c.key == key)).mappings().first()
    if row is None:
        return _Throttle(0, None)
    last = _aware(row["last_failure"])
    until = _aware(row["locked_until"])
    if last is not None and now - last > _FORGET_AFTER and not (until and until > now):
        return _Throttle(0, None)  # a quiet spell: old failures are forgiven
    return _Throttle(int(row["failures"]), until)


def _fail(conn: Connection, key: str, state: _Throttle, now: dt.datetime, allowed: int) -> dt.datetime | None:
    failures = state.failures + 1
    lock = now + min(_LOCK_BASE * 2 ** (failures - allowed), _LOCK_MAX) if failures >= allowed else None
    conn.execute(throttle.delete().where(throttle.c.key == key))
    conn.execute(throttle.insert().values(key=key, failures=failures, last_failure=now, locked_until=lock))
    # Rows that can no longer matter go, so guessing many names or spoofing many clients cannot grow the table.
    conn.execute(throttle.delete().where(throttle.c.last_failure < now - _FORGET_AFTER - _LOCK_MAX))
    return lock
