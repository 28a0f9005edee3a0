"""`scenes followup`: a follow-up survey made from the command line or finished there: start a draft from a
survey, see what is revisited and what is left, export it to finish in Excel or QGIS, load the file back, and
publish it through the same checks and preview as an uploaded file (`scenes.views.followup`)."""

from __future__ import annotations

import argparse
import json
import sys

from scenes import Dashboard
from scenes.cli.common import _dash, _date, _read_bytes, _write
from scenes.cli.imports import _print_report
from scenes.domain import followup as fu
from scenes.domain.disclosure import SHOW_ALL
from scenes.errors import ScenesError
from scenes.settings import Settings
from scenes.views import followup as views

__all__ = ["_cmd_followup"]


def _status(dash: Dashboard, followup_id: str | None, as_json: bool) -> int:
    if followup_id is None:
        listed = dash.store.followups(include_closed=True)
        if as_json:
            print(json.dumps([{"id": f.followup_id, "follows": f.base_survey_id, "name": f.name, "state": f.state,
                               "edits": f.edits, "published_as": f.published_survey_id,
                               "created_by": f.created_by} for f in listed], ensure_ascii=False))
            return 0
        if not listed:
            print("No follow-ups yet. Start one with `scenes followup start`.", file=sys.stderr)
        for f in listed:
            after = f" -> {f.published_survey_id}" if f.published_survey_id else ""
            print(f"{f.followup_id}  {f.state}{after}  follows {f.base_survey_id}  {f.name}")
        return 0
    draft = dash.store.draft(followup_id)
    rows = fu.progress(draft)
    totals = {v: sum(w.counts[v] for w in rows) for v in fu.VISITS}
    if as_json:
        print(json.dumps({"id": followup_id, "state": draft.followup.state, "edits": draft.followup.edits,
                          "totals": totals, "municipalities": [
                              {"code": w.key, "name": w.label, "done": w.done, "left": w.left, **w.counts}
                              for w in rows]}, ensure_ascii=False))
        return 0
    f = draft.followup
    print(f"{f.followup_id} ({f.state}), follows {f.base_survey_id}: {f.name}")
    print("  " + ", ".join(f"{v} {n}" for v, n in totals.items() if n))
    for w in rows:
        print(f"  {w.key} {w.label:<16} revisited {w.done:>3}  left {w.left:>3}  new {w.counts['new']:>3}")
    return 0


def _cmd_followup(args: argparse.Namespace, settings: Settings, dashboard: Dashboard | None) -> int:
    dash = _dash(dashboard)
    action = args.followup_command
    if action == "start":
        draft = views.start(dash, actor=args.actor, base_survey_id=args.survey, name=args.name,
                            followup_id=args.id)
        print(f"Started {draft.followup.followup_id}: {len(draft.scenes)} scenes of {draft.followup.base_survey_id} "
              "to revisit.", file=sys.stderr)
        print(draft.followup.followup_id)
        return 0
    if action == "status":
        return _status(dash, args.followup_id, args.json)
    if action == "export":
        if args.output is None and args.format in ("xlsx", "gpkg"):
            raise ScenesError(f"--format {args.format} writes a binary file: give the file to write with -o FILE.")
        _write(views.export_draft(dash, args.followup_id, args.format), args.output)
        return 0
    if action == "load":
        data = _read_bytes(args.file, dash.settings.file_limits.max_bytes)
        draft = views.load_file(dash, args.followup_id, args.file.name, data, actor=args.actor)
        left = sum(w.left for w in fu.progress(draft))
        print(f"Loaded {args.file.name} into {args.followup_id}; {left} scenes left to revisit.", file=sys.stderr)
        return 0
    if action == "discard":
        views.discard(dash, args.followup_id, actor=args.actor)
        print(f"Discarded {args.followup_id} (kept in the history).", file=sys.stderr)
        return 0
    # publish
    day = _date(args.date)
    lang = args.lang or settings.language
    checked = views.review(dash, args.followup_id, survey_date=day, lang=lang,
                           disclosure=SHOW_ALL)  # the operator's shell sees everything
    for problem in checked.draft_problems:
        print(f"error: {problem.message}", file=sys.stderr)
    if not checked.check.ok:
        _print_report(checked.check, lang, as_json=False, stream=sys.stderr)
    if not checked.ok:
        print("Nothing was published.", file=sys.stderr)
        return 1
    assert checked.preview is not None  # noqa: S101 - a passed check always has its preview
    c = checked.preview.comparison
    print(f"{checked.base.id} -> {len(checked.check.frame)} scenes: {len(c.persisting)} persisting, {len(c.new)} new, "
          f"{len(c.ceased)} ceased, {len(c.merged)} merged, {len(c.split)} split.", file=sys.stderr)
    survey = views.publish(dash, checked, name=args.name, survey_date=day, actor=args.actor, survey_id=args.id)
    print(f"Published {survey.id} revision 1: {len(checked.check.frame)} scenes.", file=sys.stderr)
    print(survey.id)
    return 0
