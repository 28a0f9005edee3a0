"""Files in: checking and importing a survey (`validate`, `import`, with the triaged problem report) and the
measures' and safety indicators' record files (`measures`, `indicators`: export and import)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TextIO

from scenes import Dashboard
from scenes.cli.common import _dash, _date, _read_bytes, _write
from scenes.domain.disclosure import SHOW_ALL
from scenes.errors import ScenesError, ValidationFailed
from scenes.i18n import error_text, problem_text, t
from scenes.ingest.triage import ProblemGroup, example_text, group_examples, group_title, triage, triage_json
from scenes.ingest.upload import UploadCheck, report_table, survey_id_for
from scenes.model import Lang, Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.upload import upload_review


def _print_report(check: UploadCheck, lang: Lang, *, as_json: bool, stream: TextIO | None = None) -> None:
    """The triaged report: the errors first, row by row; then the warnings grouped by kind, with counts, examples
    and how to apply a kind's suggestions (`--apply KIND`)."""
    stream = stream or sys.stdout  # looked up at the call: a default would keep the stdout of import time
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


def _check(args: argparse.Namespace, dash: Dashboard, day: dt.date | None = None) -> UploadCheck:
    cap = dash.settings.file_limits.max_bytes
    return dash.check_upload(args.file.name, _read_bytes(args.file, cap), sheet=args.sheet, survey_date=day)


def _cmd_validate(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    day = _date(args.date) if args.date else None
    lang = args.lang or settings.language
    review = upload_review(dash, args.file.name, _read_bytes(args.file, dash.settings.file_limits.max_bytes),
                           survey_date=day, kind=None, target=None, mapping=None, sheet=args.sheet, lang=lang,
                           preview=False, disclosure=SHOW_ALL,  # the operator's shell sees everything
                           cached=False)  # the page's review of the file: the same report
    check = review.check
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
        check = upload_review(dash, output.name, correction.data, survey_date=day, kind=None, target=None,
                              mapping=None, sheet=None, lang=lang, preview=False, disclosure=SHOW_ALL,
                              cached=False).check
    _print_report(check, lang, as_json=args.json)
    return 2 if not check.readable else (0 if check.ok else 1)


def _cmd_import(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    # checked as of the survey's date: a police area that had ended by then is an error
    day = dash.survey(args.revise).date if args.revise else (_date(args.date) if args.date else None)
    lang = args.lang or settings.language
    review = upload_review(dash, args.file.name, _read_bytes(args.file, dash.settings.file_limits.max_bytes),
                           survey_date=day, kind=None, target=None, mapping=None, sheet=args.sheet, lang=lang,
                           preview=False, disclosure=SHOW_ALL,  # the operator's shell sees everything
                           cached=False)  # the page's review of the file: the same report
    check = review.check
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
