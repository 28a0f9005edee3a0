"""Who may see what: roles, the one role matrix (actions, and the action that opens each page), location precision,
and the organisation's role map.

Roles, from least to most: `deltagare` (workshop participant: aggregated locations only), `styrgrupp` (steering
group: everything read-only at exact precision, the report, the goal), `analytiker` (analyst: also upload,
publish, rollback, seminar and entry editing), `admin` (also users and reference tables).

The role matrix is `ACTIONS`: each action and the least role that may do it. Each page of the registry
(`scenes.access.pages`) names the action that opens it, so page access is derived from the same table as every
action inside a page. The UI builds its navigation from `allowed_pages` and every page calls `require` at its top,
so a hidden link is never the only guard. Local accounts and sign-in throttling are `scenes.access.accounts`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Literal

from scenes.access.pages import PAGES
from scenes.errors import ScenesError
from scenes.model import ROLES, Precision, Role

__all__ = [
    "ACTIONS",
    "PAGES",
    "ROLES",
    "AccessDenied",
    "Action",
    "allowed_pages",
    "can",
    "load_role_map",
    "precision_for",
    "require",
    "role_for_claims",
    "role_map_gives_roles",
]


#: everything a role may or may not do; a page names the one that opens it (`scenes.access.pages.Page.action`)
Action = Literal["view", "see_exact", "report", "edit_goal", "publish", "rollback", "edit_seminars", "edit_entries",
                 "manage_users", "edit_reference", "remove_demo"]

#: the role matrix: action -> the least role that may do it
ACTIONS: dict[Action, str] = {
    "view": "deltagare",  # the shared pages: overview, map, progress, seminars, coordination (aggregated)
    "see_exact": "styrgrupp",  # exact locations and small counts (`precision_for`)
    "report": "styrgrupp",  # the status report (PDF)
    "edit_goal": "styrgrupp",  # Mål
    "publish": "analytiker",  # Ladda upp
    "rollback": "analytiker",  # Historik: rollback, withdraw, restore
    "edit_seminars": "analytiker",  # the seminar calendar's editing
    "edit_entries": "analytiker",  # Åtgärder and Trygghetsindikatorer
    "manage_users": "admin",  # Användare
    "edit_reference": "admin",  # Referenstabeller
    "remove_demo": "admin",  # deleting the demo surveys once real data is published
}


class AccessDenied(ScenesError):
    """The role may not open this page or do this action."""

    code = "access_denied"


def _rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


def can(role: Role | None, action: Action) -> bool:
    """May `role` do `action` (the role matrix, `ACTIONS`)? Without a role, nothing."""
    return role is not None and _rank(role) >= _rank(ACTIONS[action])


def _may_open(role: Role | None, page: str) -> bool:
    """A page opens for the roles that may do its action (the registry names it; None: anyone, signed in or not)."""
    action = PAGES[page].action
    return action is None or can(role, action)


def allowed_pages(role: Role | None) -> list[str]:
    return [page for page in PAGES if role is not None and _may_open(role, page)]


def require(role: Role | None, page: str) -> None:
    """Raise AccessDenied unless `role` may open `page` (pages call this first)."""
    if not _may_open(role, page):
        raise AccessDenied(f"The role {role or '(none)'} may not open this page.")


def precision_for(role: Role | None) -> Precision:
    """'exact' for cleared roles, 'generalised' (aggregates only) for everyone else."""
    return "exact" if can(role, "see_exact") else "generalised"


def role_for_claims(claims: Mapping[str, object], mapping: dict[str, object]) -> str | None:
    """The role for an OIDC identity: by e-mail, then by e-mail domain, then by group; the highest match wins.

    `mapping` (the SCENES_ROLE_MAP JSON): {"emails": {"a@x.se": "admin"}, "domains": {"polisen.se": "styrgrupp"},
    "groups": {"<group object id>": "analytiker"}, "default": "deltagare"} — every key optional.
    """
    unverified = claims.get("email_verified") is False  # a provider that says the address is not verified
    email = str((None if unverified else claims.get("email")) or claims.get("preferred_username") or "").lower()
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
    """SCENES_ROLE_MAP read and checked: a JSON object of `emails`, `domains`, `groups` (each an object of names to
    roles) and `default` (a role). Any other key, or a role that does not exist, is an error naming where."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenesError(f"SCENES_ROLE_MAP is not valid JSON: {exc}", code="role_map_invalid") from exc
    if not isinstance(value, dict):
        raise ScenesError("SCENES_ROLE_MAP must be a JSON object.", code="role_map_invalid")
    roles = ", ".join(ROLES)
    for key, part in value.items():
        if key == "default":
            if part not in ROLES:
                raise ScenesError(f"SCENES_ROLE_MAP: \"default\" is {part!r}, not a role; use one of {roles}.",
                                  code="role_map_invalid")
        elif key in ("emails", "domains", "groups"):
            if not isinstance(part, dict):
                raise ScenesError(f"SCENES_ROLE_MAP: \"{key}\" must be an object of names to roles.",
                                  code="role_map_invalid")
            for name, role in part.items():
                if role not in ROLES:
                    raise ScenesError(f"SCENES_ROLE_MAP: {key}[{name!r}] is {role!r}, not a role; use one of "
                                      f"{roles}.", code="role_map_invalid")
        else:
            raise ScenesError(f"SCENES_ROLE_MAP: unknown key {key!r}; the keys are emails, domains, groups and "
                              "default.", code="role_map_invalid")
    return value


def role_map_gives_roles(mapping: dict[str, object]) -> bool:
    """Does the map give anyone a role (a default, or at least one e-mail, domain or group)?"""
    return "default" in mapping or any(mapping.get(k) for k in ("emails", "domains", "groups"))
