"""The Dashboard's people: accounts, sessions, provider identities and sign-in."""

from __future__ import annotations

import datetime as dt
import functools

from scenes.access.accounts import Accounts
from scenes.access.identities import Identities, Person, ProviderSignIn, people, provider_sign_in
from scenes.access.sessions import Sessions, session_secret
from scenes.model import Role
from scenes.views.dashboard_base import DashboardBase


class PeopleOps(DashboardBase):
    """The Dashboard's people: accounts, sessions, provider identities and sign-in."""

    @property
    def accounts(self) -> Accounts:
        return Accounts(self.store, failure_seconds=self.settings.sign_in_failure_seconds)

    @property
    def sessions(self) -> Sessions:
        if self._sessions is None:
            self._sessions = Sessions(
                self.store, session_secret(self.store, self.settings.session_secret),
                idle=dt.timedelta(minutes=self.settings.session_idle_minutes),
                lifetime=dt.timedelta(hours=self.settings.session_lifetime_hours))
        return self._sessions

    @property
    def identities(self) -> Identities:
        return Identities(self.store)

    @functools.cached_property
    def role_map(self) -> dict[str, object]:
        """SCENES_ROLE_MAP, read and checked once (the server refused to start if it was wrong)."""
        from scenes.access.auth import load_role_map

        return load_role_map(self.settings.role_map)

    def provider_sign_in(self, claims: dict[str, object]) -> ProviderSignIn:
        """The session of a sign-in through the organisation's provider, or why it is refused (`ProviderSignIn`)."""
        return provider_sign_in(claims, self.role_map, self.sessions, self.identities)

    def people(self) -> list[Person]:
        """Everyone who may sign in or has (local accounts and provider identities), with open sessions."""
        return people(self.accounts, self.identities, self.sessions)

    def end_sessions(self, username: str, *, actor: str) -> int:
        """End every session of a person now (they are asked to sign in again at their next click)."""
        self._writable(actor)
        return self.sessions.end_all(username, actor=actor)

    def block_identity(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.identities.block(username, self.sessions, actor=actor)

    def unblock_identity(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.identities.unblock(username, actor=actor)

    def start_real_use(self, *, actor: str) -> None:
        """Leave the sandbox with the organisation's sign-in (there is no first local account to make): from now on
        changes are saved. `actor` is the provider identity of an administrator (by SCENES_ROLE_MAP)."""
        with self.store.write() as conn:
            self.store.set_meta(conn, "sign_in_required", "1")
            self.store.set_meta(conn, "setup_code", None)
            self.store.audit_entry(conn, "first-admin", actor=actor, detail="oidc")

    def add_user(self, username: str, password: str, role: Role, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.add(username, password, role, actor=actor)

    def remove_user(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.remove(username, actor=actor)

    def set_role(self, username: str, role: Role, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.set_role(username, role, actor=actor)

    def set_password(self, username: str, password: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.set_password(username, password, actor=actor)

    def unlock_user(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.unlock(username, actor=actor)

    def setup_code(self) -> str | None:
        """The one-time code for creating the first administrator (None once an account exists)."""
        return self.accounts.setup_code()

    def create_first_admin(self, code: str, username: str, password: str, *, client: str = "") -> str:
        """Create the first administrator with the setup code and sign them in; returns the session token.

        This is the one write demo mode allows: it ends demo mode (sign-in is required from now on).
        """
        self.accounts.create_first_admin(code, username, password, client=client)
        return self.sessions.start(username)

    def sign_in(self, username: str, password: str, *, client: str = "") -> str | None:
        """A session token when the password is right and no lock applies; None otherwise (same time either way)."""
        role = self.accounts.authenticate(username, password, client=client)
        return None if role is None else self.sessions.start(username.strip())

    def sign_out(self, token: str, *, actor: str) -> None:
        self.sessions.end(token, actor=actor)
