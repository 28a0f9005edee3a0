"""Who may see what: roles, page access, location precision, local accounts, sign-in throttling, demo mode.

Roles, from least to most: `deltagare` (workshop participant: aggregated locations only), `styrgrupp` (steering
group: everything read-only at exact precision, the report, the goal), `analytiker` (analyst: also upload,
publish, rollback, seminar editing), `admin` (also users). The UI builds its navigation from `allowed_pages`
and every page calls `require` at its top, so a hidden link is never the only guard.

Local accounts are stored with Argon2id hashes. After `MAX_FAILURES` failed sign-ins an account is locked for a
time that doubles with each further failure (capped), and every sign-in, failure and role change is audited.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from scenes.errors import NotFoundError, ScenesError, StoreError
from scenes.store import Store, users

__all__ = [
    "PAGES",
    "ROLES",
    "AccessDenied",
    "Account",
    "Accounts",
    "allowed_pages",
    "can",
    "precision_for",
    "require",
    "role_for_claims",
]

ROLES = ("deltagare", "styrgrupp", "analytiker", "admin")

#: page key -> the least role that may open it
PAGES: dict[str, str] = {
    "overview": "deltagare", "map": "deltagare", "progress": "deltagare", "seminars": "deltagare",
    "goal": "styrgrupp", "upload": "analytiker", "history": "analytiker", "users": "admin", "reference": "admin",
}
#: action -> the least role that may do it
ACTIONS: dict[str, str] = {
    "see_exact": "styrgrupp", "report": "styrgrupp", "edit_goal": "styrgrupp", "edit_seminars": "analytiker",
    "publish": "analytiker", "rollback": "analytiker", "manage_users": "admin",
}
MAX_FAILURES = 5
_LOCK_BASE = dt.timedelta(seconds=30)
_LOCK_MAX = dt.timedelta(minutes=15)
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{2,100}$")


class AccessDenied(ScenesError):
    """The role may not open this page or do this action."""


def _rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


def can(role: str | None, action: str) -> bool:
    return role is not None and _rank(role) >= _rank(ACTIONS[action])


def allowed_pages(role: str | None) -> list[str]:
    return [page for page, least in PAGES.items() if role is not None and _rank(role) >= _rank(least)]


def require(role: str | None, page: str) -> None:
    """Raise AccessDenied unless `role` may open `page` (pages call this first)."""
    if role is None or _rank(role) < _rank(PAGES[page]):
        raise AccessDenied(f"The role {role or '(none)'} may not open this page.")


def precision_for(role: str | None) -> str:
    """'exact' for cleared roles, 'generalised' (aggregates only) for everyone else."""
    return "exact" if can(role, "see_exact") else "generalised"


def role_for_claims(claims: dict[str, object], mapping: dict[str, object]) -> str | None:
    """The role for an OIDC identity: by e-mail, then by e-mail domain, then by group; the highest match wins.

    `mapping` (the SCENES_ROLE_MAP JSON): {"emails": {"a@x.se": "admin"}, "domains": {"polisen.se": "styrgrupp"},
    "groups": {"<group object id>": "analytiker"}, "default": "deltagare"} — every key optional.
    """
    email = str(claims.get("email") or claims.get("preferred_username") or "").lower()
    groups = claims.get("groups") or []
    found: list[str] = []
    emails = {k.lower(): v for k, v in dict(mapping.get("emails") or {}).items()}  # type: ignore[call-overload]
    if email in emails:
        found.append(str(emails[email]))
    domain = email.rsplit("@", 1)[-1] if "@" in email else ""
    domains = {k.lower(): v for k, v in dict(mapping.get("domains") or {}).items()}  # type: ignore[call-overload]
    if domain in domains:
        found.append(str(domains[domain]))
    for group, role in dict(mapping.get("groups") or {}).items():  # type: ignore[call-overload]
        if isinstance(groups, list) and group in groups:
            found.append(str(role))
    found = [r for r in found if r in ROLES]
    if found:
        return max(found, key=_rank)
    default = mapping.get("default")
    return str(default) if default in ROLES else None


def load_role_map(text: str) -> dict[str, object]:
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenesError(f"SCENES_ROLE_MAP is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ScenesError("SCENES_ROLE_MAP must be a JSON object.")
    return value


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


class Accounts:
    """Local accounts in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.hasher = PasswordHasher()

    def list(self) -> list[Account]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
        return [Account(r["username"], r["role"], _aware(r["created_at"]), _aware(r["last_login"]), r["failed"],
                        _aware(r["locked_until"])) for r in rows]

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(users)).scalar() or 0)

    def add(self, username: str, password: str, role: str, *, actor: str = "") -> None:
        if not _USERNAME.match(username):
            raise ScenesError("A user name is 2–100 letters, digits or . _ @ + -")
        if role not in ROLES:
            raise ScenesError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
        if len(password) < 12:
            raise ScenesError("A password has at least 12 characters.")
        with self.store._write() as conn:
            if conn.execute(sa.select(users.c.username).where(users.c.username == username)).first():
                raise StoreError(f"The user {username!r} exists already.")
            conn.execute(users.insert().values(username=username, password_hash=self.hasher.hash(password),
                                               role=role, created_at=dt.datetime.now(dt.UTC), failed=0))
            self.store._audit(conn, "user-add", actor, None, None, "", "", None, f"{username} as {role}")
            self.store._set_meta(conn, "sign_in_required", "1")

    def remove(self, username: str, *, actor: str = "") -> None:
        with self.store._write() as conn:
            gone = conn.execute(users.delete().where(users.c.username == username)).rowcount
            if not gone:
                raise NotFoundError(f"No user {username!r}.")
            self.store._audit(conn, "user-remove", actor, None, None, "", "", None, username)

    def set_role(self, username: str, role: str, *, actor: str = "") -> None:
        if role not in ROLES:
            raise ScenesError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
        with self.store._write() as conn:
            old = conn.execute(sa.select(users.c.role).where(users.c.username == username)).scalar()
            if old is None:
                raise NotFoundError(f"No user {username!r}.")
            conn.execute(users.update().where(users.c.username == username).values(role=role))
            self.store._audit(conn, "role-change", actor, None, None, "", "", None, f"{username}: {old} -> {role}")

    def authenticate(self, username: str, password: str, *, now: dt.datetime | None = None) -> str | None:
        """The user's role when the password is right and the account is not locked; None otherwise."""
        now = now or dt.datetime.now(dt.UTC)
        with self.store._write() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
            if row is None:
                self.hasher.hash(password)  # same work as a real check: no timing hint that the name is unknown
                self.store._audit(conn, "sign-in-failed", username, None, None, "", "", None, "unknown user")
                return None
            locked = _aware(row["locked_until"])
            if locked is not None and locked > now:
                self.store._audit(conn, "sign-in-failed", username, None, None, "", "", None, "account locked")
                return None
            try:
                self.hasher.verify(row["password_hash"], password)
            except (VerificationError, InvalidHashError):
                failed = int(row["failed"]) + 1
                lock = None
                if failed >= MAX_FAILURES:
                    lock = now + min(_LOCK_BASE * 2 ** (failed - MAX_FAILURES), _LOCK_MAX)
                conn.execute(users.update().where(users.c.username == username).values(failed=failed,
                                                                                         locked_until=lock))
                self.store._audit(conn, "sign-in-failed", username, None, None, "", "", None,
                                  f"wrong password ({failed})" + (f", locked until {lock:%H:%M:%S}" if lock else ""))
                return None
            conn.execute(users.update().where(users.c.username == username).values(
                failed=0, locked_until=None, last_login=now))
            self.store._audit(conn, "sign-in", username, None, None, "", "", None, row["role"])
            return str(row["role"])

    def locked_until(self, username: str) -> dt.datetime | None:
        with self.store.engine.connect() as conn:
            value = conn.execute(sa.select(users.c.locked_until).where(users.c.username == username)).scalar()
        return _aware(value)
