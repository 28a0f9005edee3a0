"""What every command shares: the exit statuses, output written atomically, a file read under the byte cap, the
scene filter's codes, the store a handler needs and the actor it writes as."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from scenes import Dashboard
from scenes.domain.query import SceneFilter
from scenes.errors import ScenesError
from scenes.settings import Settings

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


def _filter(args: argparse.Namespace) -> SceneFilter:
    return SceneFilter(municipalities=_codes(args.municipality), police_areas=_codes(args.police_area),
                       categories=_codes(args.category), statuses=_codes(args.status))


def _write(data: str | bytes, output: Path | None) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    tmp = output.with_name(output.name + ".part")
    tmp.write_bytes(raw)
    tmp.replace(output)  # atomic: a reader never sees half a file
    print(f"Wrote {output}", file=sys.stderr)


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, reading at most one byte past `limit` (the reader then reports the file as too large)."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise ScenesError(f"Cannot read {path}: {exc.strerror}.") from exc


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


# -- one handler per command (argparse's `set_defaults(handler=...)` picks it) -----------------------------------
#: a handler gets the parsed arguments, the settings, and the Dashboard (None for the two developer commands that
#: work on data/ without a store)
Handler = Callable[[argparse.Namespace, Settings, "Dashboard | None"], int]


def _dash(dashboard: Dashboard | None) -> Dashboard:
    if dashboard is None:  # only the developer commands run without one
        raise RuntimeError("this command needs the store")
    return dashboard


def _actor() -> str:
    return f"cli:{os.environ.get('USER', 'operator')}"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ScenesError(f"--date {text!r} is not a date; write it as YYYY-MM-DD.") from exc
