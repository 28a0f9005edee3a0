"""Operations: the setup code and accounts (`setup-code`, `user`), backup and restore, and the readiness probe
(`ready`)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from scenes import Dashboard
from scenes.cli.common import EXIT_DATABASE, EXIT_OK, _actor, _dash
from scenes.errors import ScenesError
from scenes.i18n import time_text
from scenes.settings import Settings
from scenes.web.readiness import Ready


def _cmd_setup_code(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    code = _dash(dashboard).setup_code()
    if code is None:
        print("An account exists already: the setup code is spent. Sign in, or use `scenes user add`.",
              file=sys.stderr)
        return 1
    print(code)
    return 0


def _new_password(username: str) -> str:
    return os.environ.get("SCENES_NEW_PASSWORD") or getpass.getpass(f"Password for {username}: ")


def _cmd_user(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dashboard, actor = _dash(dashboard), _actor()
    if args.user_command == "add":
        dashboard.add_user(args.username, _new_password(args.username), args.role, actor=actor)
        print(f"Added {args.username} as {args.role}. Sign-in is now required in the app.")
    elif args.user_command == "list":
        for a in dashboard.accounts.list():  # times: Stockholm
            locked = f"  locked until {time_text(a.locked_until, settings.language)}" if a.locked_until else ""
            print(f"{a.username}\t{a.role}\tlast sign-in {time_text(a.last_login, settings.language)}{locked}")
    elif args.user_command == "remove":
        dashboard.remove_user(args.username, actor=actor)
        print(f"Removed {args.username}; their sessions ended.")
    elif args.user_command == "password":
        dashboard.set_password(args.username, _new_password(args.username), actor=actor)
        print(f"New password set for {args.username}; their sessions ended.")
    elif args.user_command == "unlock":
        dashboard.unlock_user(args.username, actor=actor)
        print(f"{args.username} may sign in again.")
    else:
        dashboard.set_role(args.username, args.role, actor=actor)
        print(f"{args.username} is now {args.role}; their sessions ended.")
    return 0


def _cmd_backup(args: argparse.Namespace, _settings: Settings, dashboard: Dashboard | None) -> int:
    from scenes.store.backup import backup

    written = backup(_dash(dashboard).store, args.file)
    print(f"Backup written to {written}", file=sys.stderr)
    return 0


def _cmd_restore_backup(args: argparse.Namespace, _settings: Settings, dashboard: Dashboard | None) -> int:
    from scenes.store.backup import restore

    restore(_dash(dashboard).store, args.file, replace=args.replace)
    print(f"Restored {args.file}. No session was restored: everyone signs in again.", file=sys.stderr)
    return 0


def _cmd_ready(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    import time

    from scenes.web.readiness import config_problems, readiness

    auth = _auth_section()
    deadline = time.monotonic() + max(0.0, args.wait)
    while True:
        found = _instance_ready(args.url) if args.url else readiness(_dash(dashboard), config_problems(settings,
                                                                                                      auth))
        if found.ok or time.monotonic() >= deadline:
            break
        time.sleep(1.0)
    print("ready" if found.ok else f"not ready: {found.reason}: {found.detail}",
          file=sys.stdout if found.ok else sys.stderr)
    return EXIT_OK if found.ok else EXIT_DATABASE


def _instance_ready(url: str) -> Ready:
    """A running instance's own answer (its readiness route): the instance serves, and its database answers."""
    import urllib.error
    import urllib.request

    if not url.startswith(("http://", "https://")):
        raise ScenesError("--url takes an http(s) address, e.g. http://127.0.0.1:8601/api/ready.")
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - checked scheme above
            return Ready(answer.status == 200, "ready" if answer.status == 200 else "instance")
    except urllib.error.HTTPError as exc:
        try:
            reason = str(json.loads(exc.read(1000)).get("reason", "instance"))
        except (ValueError, AttributeError):
            reason = "instance"
        return Ready(False, reason, f"the instance answers {exc.code}")
    except OSError as exc:
        return Ready(False, "instance", f"the instance does not answer ({type(exc).__name__})")


def _auth_section() -> dict[str, object] | None:
    """The `[auth]` section of `.streamlit/secrets.toml` (where the server finds it: the working folder, then the
    home folder), read without starting Streamlit."""
    import tomllib

    for folder in (Path.cwd(), Path.home()):
        path = folder / ".streamlit" / "secrets.toml"
        if path.is_file():
            try:
                section = tomllib.loads(path.read_text(encoding="utf-8")).get("auth")
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            return section if isinstance(section, dict) else None
    return None
