"""The `scenes` command line, for analysts' scripts and operations.

Every command takes `--database URL` (else `SCENES_DATABASE_URL`, else the SQLite file in the state folder) and
`--data-dir DIR`, before or after the command's name. Every error is one line on stderr, naming what is wrong and
never quoting data, and nothing prints a traceback (SCENES_DEBUG=1 adds it, for developers). Exit status:

- 0: done
- 1: refused: the input or the request is wrong (an invalid file, an unknown survey, a refused change)
- 2: wrong usage (unknown command or option), or `validate`'s file could not be read
- 3: the database could not be reached, or the connection was lost (nothing half-written: each change is one
  transaction); `ready`: not ready
- 4: an unexpected internal error (its kind only; SCENES_DEBUG=1 shows the traceback)
- 130: interrupted (Ctrl-C)

The commands are grouped by concern: `surveys` (the store and its surveys), `imports` (files in: surveys, measures,
indicators), `operations` (accounts, backup, readiness); `parser` is the grammar and which handler answers each
command, `common` what they share.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from scenes import Dashboard
from scenes.cli.common import EXIT_DATABASE, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED, Handler
from scenes.cli.parser import _parser
from scenes.cli.surveys import _cmd_demo_generate, _cmd_reference_build
from scenes.errors import ScenesError
from scenes.settings import Settings

__all__ = ["main"]


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: its handler, with a Dashboard unless it is a developer command on data/."""
    settings = Settings.from_env(database_url=args.database, data_dir=args.data_dir)
    handler: Handler = args.handler
    needs_store = handler not in (_cmd_demo_generate, _cmd_reference_build)
    return handler(args, settings, Dashboard(settings) if needs_store else None)


def _connection_lost(exc: BaseException) -> bool:
    """Could the database not be reached, or was the connection lost? (SQLAlchemy's driver-level errors.)"""
    import sqlalchemy as sa

    if isinstance(exc, sa.exc.DBAPIError) and (exc.connection_invalidated or isinstance(
            exc, sa.exc.OperationalError | sa.exc.InterfaceError)):
        return True
    return isinstance(exc, ConnectionError | TimeoutError)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure is one line on stderr and an exit status (see the module's docstring)."""
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except ScenesError as exc:
        print(f"scenes: error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader of our output stopped reading (`scenes surveys | head -1`): not an error
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("scenes: interrupted; each change is one transaction, so nothing was half-written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if os.environ.get("SCENES_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        # The kind of error only: a driver's message can quote the statement's parameters, i.e. scene data.
        if _connection_lost(exc):
            print(f"scenes: error: the database could not be reached or the connection was lost "
                  f"({type(exc).__name__}); whatever was in progress was not written. Check SCENES_DATABASE_URL "
                  "and the database server, then run the command again.", file=sys.stderr)
            return EXIT_DATABASE
        print(f"scenes: error: an unexpected internal error ({type(exc).__name__}); nothing more was written than "
              "the command reported. Run it again with SCENES_DEBUG=1 for the details, and report them.",
              file=sys.stderr)
        return EXIT_INTERNAL
