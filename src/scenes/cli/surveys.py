"""Commands on the store and its surveys: init, surveys, counts, map, export, report, progress, history, rollback,
withdraw and restore, removing the demo; and the two developer commands that work on data/ without a store."""

from __future__ import annotations

import argparse
import json
import sys

from scenes import Dashboard
from scenes.cli.common import _actor, _dash, _filter, _write
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.progress import stats_table, swap_text
from scenes.errors import NotFoundError, ScenesError
from scenes.settings import Settings
from scenes.views.map import MapChoice, Precision, map_view
from scenes.views.progress import progress_summary


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
    """The map view's standalone HTML: the same file as the map page's "Karta (HTML)" for the same choices."""
    precision: Precision = "generalised" if args.precision == "generalised" else "exact"
    view = map_view(_dash(dashboard), MapChoice(survey_id=args.survey_id, filt=_filter(args), measure=args.measure,
                                                compare_to=args.compare),
                    disclosure=Disclosure.for_precision(precision, settings.small_count_threshold),
                    precision=precision, lang="en" if (args.lang or settings.language) == "en" else "sv")
    if args.compare and precision == "exact" and view.earlier is None:
        raise NotFoundError(f"{args.compare!r} is not a shown survey earlier than {view.survey.id!r}.",
                            code="compare_unknown", id=args.compare)
    _write(view.html(), args.output)
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
    summary = progress_summary(_dash(dashboard))  # what Utveckling shows, as plain data
    rows, goal, prog = summary.rows, summary.goal, summary.progress
    swap = None if prog is None else prog.swap  # the chosen baseline is not shown: say so, and what is used
    if args.json:
        chosen = None if swap is None else {"id": swap.chosen_id, "name": swap.chosen_name, "reason": swap.reason,
                                            "note": swap_text(swap, "en", escape=str)}
        print(json.dumps({"goal": {"target_count": goal.target_count, "target_date": goal.target_date.isoformat(),
                                   "target_area_m2": goal.target_area_m2, "is_example": goal.is_example,
                                   "baseline": None if prog is None else prog.baseline.survey.id,
                                   "baseline_not_used": chosen},
                          "surveys": rows}, ensure_ascii=False, indent=2))
    else:
        if swap is not None:
            print(f"note: {swap_text(swap, 'en', escape=str)}", file=sys.stderr)
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
