"""Is this server fit to serve? The configuration checked at start, and readiness checked on every probe.

`config_problems` checks what a deployment configures once: `SCENES_ROLE_MAP` and Streamlit's `[auth]` section
(the organisation's sign-in). The server refuses to start while any is wrong (`serve.py`), naming the setting, so a
mistake is found by whoever starts it, not by the first person to sign in.

`readiness` answers the proxy's and the service manager's probe (`GET /api/ready`, `scenes ready`): the database
answers, with this program's schema, and the configuration is valid. Streamlit's own `/_stcore/health` only says
the process runs.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scenes.access.auth import load_role_map, role_map_gives_roles
from scenes.errors import ScenesError

if TYPE_CHECKING:
    from scenes.settings import Settings
    from scenes.views.dashboard import Dashboard

__all__ = ["Ready", "auth_provider", "config_problems", "prompt_note", "readiness"]

_SECRETS = "[auth] in .streamlit/secrets.toml"
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def auth_provider(auth: Mapping[str, object] | None) -> str | None:
    """The provider `st.login` names: "default" when `[auth]` holds the provider itself, else its one sub-section."""
    if not auth:
        return None
    if "client_id" in auth:
        return "default"
    named = [k for k, v in auth.items() if isinstance(v, Mapping) and "client_id" in v]
    return named[0] if len(named) == 1 else None


def _provider_section(auth: Mapping[str, object]) -> Mapping[str, object] | None:
    name = auth_provider(auth)
    if name is None:
        return None
    section = auth if name == "default" else auth[name]
    return section if isinstance(section, Mapping) else None


def config_problems(settings: Settings, auth: Mapping[str, object] | None) -> list[str]:
    """Every reason the server must not start, each naming the setting and how to fix it (empty: fine)."""
    problems = []
    try:
        mapping = load_role_map(settings.role_map)
    except ScenesError as exc:
        problems.append(str(exc))
        mapping = None
    if not auth:
        return problems
    if importlib.util.find_spec("authlib") is None:
        problems.append(f"{_SECRETS} configures the organisation's sign-in, but Authlib is not installed: install "
                        "the project with `make install` (it includes streamlit[auth]).")
    redirect = auth.get("redirect_uri")
    if not isinstance(redirect, str) or not redirect.rstrip("/").endswith("/oauth2callback"):
        problems.append(f"{_SECRETS}: redirect_uri must be this app's address followed by /oauth2callback, e.g. "
                        "https://drogscener.example.se/oauth2callback.")
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or len(secret) < 32:
        problems.append(f"{_SECRETS}: cookie_secret must be a random string of at least 32 characters, the same on "
                        "every instance (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`).")
    section = _provider_section(auth)
    if section is None:
        problems.append(f"{_SECRETS}: name one provider, with client_id, client_secret and server_metadata_url "
                        "either directly under [auth] or in one section such as [auth.entra].")
    else:
        missing = [k for k in _PROVIDER_KEYS if not isinstance(section.get(k), str) or not section.get(k)]
        if missing:
            problems.append(f"{_SECRETS}: the provider's {', '.join(missing)} is missing.")
    if mapping is not None and not role_map_gives_roles(mapping):
        problems.append("SCENES_ROLE_MAP gives no one a role, so no one could use the organisation's sign-in: map "
                        "e-mail addresses, domains or groups to roles, or set a \"default\" role.")
    return problems


def prompt_note(auth: Mapping[str, object] | None) -> str | None:
    """A start-up note when Streamlit will ask the provider for `prompt=select_account` (its default)."""
    section = _provider_section(auth) if auth else None
    if section is None:
        return None
    kwargs = section.get("client_kwargs")
    if isinstance(kwargs, Mapping) and "prompt" in kwargs:
        return None
    return ("[auth]: Streamlit asks the provider for prompt=select_account. Microsoft Entra ID supports it; a "
            "provider that does not (Keycloak, node oidc-provider) refuses the sign-in. Set client_kwargs = "
            "{ prompt = \"login\" } in the provider's section of .streamlit/secrets.toml then.")


@dataclass(frozen=True)
class Ready:
    ok: bool
    reason: str  # "ready", or what is wrong, without data: "database", "schema", "config", "warming_up"
    detail: str = ""


def readiness(dash: Dashboard, problems: list[str], *, warming: bool = False) -> Ready:
    """Ready when the configuration is valid, the database answers with this program's schema and the server has
    loaded the libraries its first page needs (`warming`: the server's warm-up is still running,
    `scenes.web.warmup.warming`)."""
    from scenes.store import SCHEMA_VERSION

    if problems:
        return Ready(False, "config", problems[0])
    if warming:
        return Ready(False, "warming_up", "the server is still loading the libraries its first page needs (a few "
                                          "seconds after its start)")
    try:
        version = dash.store.version()
    except Exception as exc:
        return Ready(False, "database", f"the database does not answer ({type(exc).__name__})")
    if version != SCHEMA_VERSION:
        return Ready(False, "schema", f"schema version {version}, this program needs {SCHEMA_VERSION}: run "
                                      "`scenes init`")
    return Ready(True, "ready")
