"""A follow-up survey made in the app, as the CLI (and the follow-up pages) use it: start a draft from a survey,
save the analysts' changes, load a file into it, check it as an upload is checked, and publish it.

The draft's result is checked by the upload's own path: it is written as GeoJSON (`scenes.render.exports`) and read
and validated by `check_upload`, with the size and row caps of every upload; the preview compares it with the survey
it follows. So a follow-up publishes only what an uploaded file with the same scenes could, and the review shows the
same new / ceased / persisting / merged / split counts, moves and area changes as the upload page. Publishing names
the draft's edit count its review saw (`FollowupReview.edits`): a draft changed after its review is not published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import pandas as pd

from scenes.domain import followup as fu
from scenes.errors import Problem, ScenesError, ValidationFailed
from scenes.model import Lang, Survey, SurveyKind

if TYPE_CHECKING:
    import geopandas as gpd

    from scenes.domain.disclosure import Disclosure
    from scenes.ingest.preview import Preview
    from scenes.ingest.upload import UploadCheck
    from scenes.views.dashboard import Dashboard

__all__ = ["FollowupReview", "discard", "export_draft", "followup_id_for", "load_file", "publish", "review", "save",
           "start"]


def followup_id_for(base: Survey, taken: set[str], today: dt.date) -> str:
    """A readable id for a new follow-up of `base`: "uppf-<today>-<base id>", numbered if taken."""
    stem = f"uppf-{today.isoformat()}-{base.id}"[:60]
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def start(dash: Dashboard, *, actor: str, base_survey_id: str | None = None, name: str | None = None,
          followup_id: str | None = None, today: dt.date | None = None) -> fu.Draft:
    """A new draft from `base_survey_id` (default: the latest survey shown): every scene, unvisited."""
    dash._writable(actor)
    shown = dash.surveys()
    if base_survey_id is None:
        if not shown:
            raise ScenesError("There is no published survey to follow up yet; publish a mapping first.",
                              code="no_surveys")
        base = shown[-1]
    else:
        base = dash.survey(base_survey_id)
    day = today or dt.date.today()
    taken = {f.followup_id for f in dash.store.followups(include_closed=True)}
    fid = followup_id or followup_id_for(base, taken, day)
    default = f"Uppföljning av {base.name}"[:200]
    return dash.store.start_followup(fid, base.id, name or default, dash.scenes(base.id), actor=actor,
                                     demo=base.demo)


def save(dash: Dashboard, followup_id: str, changed: list[fu.DraftScene], *, actor: str,
         detail: str = "") -> fu.Draft:
    """Save what an operation changed (`scenes.domain.followup`) as the scenes' next versions (refused when someone
    else saved one of them meanwhile)."""
    dash._writable(actor)
    return dash.store.save_followup_scenes(followup_id, changed, actor=actor, detail=detail)


def export_draft(dash: Dashboard, followup_id: str, fmt: str) -> bytes:
    """The draft's result (every scene still in it, with its recorded lineage) as a file in `fmt` ("csv", "xlsx",
    "geojson" or "gpkg"), to finish elsewhere and load back (`load_file`). Only analysts reach this."""
    from scenes.render.exports import export_scenes

    return export_scenes(fu.result_frame(dash.store.draft(followup_id)), fmt, dash.reference)


def _located(problems: list[Problem]) -> ValidationFailed:
    return ValidationFailed("The file has errors; nothing was loaded into the follow-up.", problems,
                            code="file_invalid")


def load_file(dash: Dashboard, followup_id: str, name: str, data: bytes, *, actor: str,
              survey_date: dt.date | None = None) -> fu.Draft:
    """A file (as an upload: any format and column naming the upload reads) loaded into the draft, all or nothing.

    Each scene of the file with an id of the draft updates that scene: a scene of the survey followed becomes
    "active", or "changed" when its place or boundary differs. A scene of the file with a new id is a new scene,
    continuing the scenes of the survey followed its `predecessors` name. A scene of the survey followed that the
    file leaves out is ceased (or, if a new scene names it, replaced); a scene drawn in the draft that the file leaves
    out is removed. The file is checked as an upload is (police areas as of `survey_date`, by default the date of
    the survey followed: the follow-up's own date is checked when it is reviewed), and its predecessors must be
    scenes of the survey followed.
    """
    dash._writable(actor)
    draft = dash.store.draft(followup_id)
    if draft.followup.demo:  # real rows in a demo draft would publish as fictitious data, shown without sign-in
        raise ScenesError("A file is not loaded into a follow-up of demo data; start the follow-up from a real "
                          "survey.", code="followup_demo_file")
    day = survey_date or dash.survey(draft.followup.base_survey_id).date
    check = dash.check_upload(name, data, survey_date=day)
    if not check.ok:
        raise _located(check.result.errors or check.result.problems)
    base_ids = {sid for sid, s in draft.scenes.items() if s.from_base}
    frame = check.frame
    numbers = check.raw.row_numbers if check.raw is not None and len(check.raw.row_numbers) == len(frame) else None
    problems = [Problem(f"The predecessor {p!r} is not a scene of the survey this follow-up follows.",
                        row=numbers[i] if numbers else None,
                        column="predecessors", value=p, code="followup_predecessor",
                        suggestion="Name ids of the survey followed, or leave the column empty.", params={"id": p})
                for i, preds in enumerate(frame["predecessors"]) for p in preds if p not in base_ids]
    problems += [Problem(f"The scene {sid!r} keeps its id from the survey followed, so it continues itself and names "
                         "no predecessor.", row=numbers[i] if numbers else None, column="predecessors",
                         value=";".join(preds), code="followup_kept_predecessor",
                         suggestion="Give a merged or split scene a new id, or leave the column empty.",
                         params={"id": sid})
                 for i, (sid, preds) in enumerate(zip(frame["scene_id"], frame["predecessors"], strict=True))
                 if preds and sid in base_ids]
    if problems:
        raise _located(problems)
    named = {p for sid, preds in zip(frame["scene_id"], frame["predecessors"], strict=True) if sid not in base_ids
             for p in preds}
    changed: list[fu.DraftScene] = []
    in_file = set()
    for row in frame.itertuples(index=False):
        sid = str(row.scene_id)
        in_file.add(sid)
        known = draft.scenes.get(sid)
        impact = None if pd.isna(row.impact) else int(row.impact)
        fields = {"name": str(row.name), "kommun_kod": str(row.kommun_kod), "kommun": str(row.kommun),
                  "lokalpolisomrade": str(row.lokalpolisomrade), "stadsdel": row.stadsdel or None,
                  "categories": tuple(row.categories), "status": row.status or None, "impact": impact,
                  "notes": str(row.notes or ""), "geometry": row.geometry}
        if known is None:
            changed.append(fu.DraftScene(scene_id=sid, visit="new", predecessors=tuple(row.predecessors),
                                         **fields))
            continue
        moved = not known.geometry.equals_exact(row.geometry, 1e-7)
        visit: fu.Visit = ("changed" if moved else "active") if known.from_base else "new"
        changed.append(replace(known, visit=visit, predecessors=() if known.from_base else tuple(row.predecessors),
                               **fields))
    for sid, scene in draft.scenes.items():
        if sid not in in_file and scene.in_result:
            gone: fu.Visit = ("replaced" if sid in named else "ceased") if scene.from_base else "removed"
            changed.append(replace(scene, visit=gone))
    return save(dash, followup_id, changed, actor=actor, detail=f"file {name[:100]}")


@dataclass(frozen=True)
class FollowupReview:
    """A draft checked for publishing, as the upload page checks a file."""

    draft: fu.Draft
    #: the draft's edit count this review saw (publishing refuses a draft changed since)
    edits: int
    #: what stops the draft before the file checks (scenes not yet revisited, nothing left)
    draft_problems: tuple[Problem, ...]
    #: the draft's result read and validated as an uploaded GeoJSON file
    check: UploadCheck
    #: the survey followed and its scenes, and what publishing would change against it (None: did not pass)
    base: Survey
    earlier: gpd.GeoDataFrame
    preview: Preview | None
    change_by: dict[str, pd.DataFrame]

    @property
    def ok(self) -> bool:
        return not self.draft_problems and self.check.ok


def review(dash: Dashboard, followup_id: str, *, survey_date: dt.date, lang: Lang,
           disclosure: Disclosure) -> FollowupReview:
    """The draft's result checked as of `survey_date` and compared with the survey it follows."""
    from scenes.domain.breakdown import change_by
    from scenes.render.exports import export_scenes
    from scenes.views.upload import CHANGE_DIMENSIONS

    draft = dash.store.draft(followup_id)
    base = dash.survey(draft.followup.base_survey_id)
    earlier = dash.scenes(base.id)
    result = fu.result_frame(draft)
    data = export_scenes(result, "geojson", dash.reference) if not result.empty else b""
    check = dash.check_upload(f"{followup_id}.geojson", data, survey_date=survey_date)
    preview = dash.preview(check, base.id, earlier) if check.ok else None
    tables = ({d: change_by(earlier, check.frame, dash.reference, d, lang, disclosure=disclosure)
               for d in CHANGE_DIMENSIONS} if check.ok else {})
    return FollowupReview(draft, draft.followup.edits, tuple(fu.publish_problems(draft)), check, base, earlier,
                          preview, tables)


def publish(dash: Dashboard, checked: FollowupReview, *, name: str, survey_date: dt.date, actor: str,
            survey_id: str | None = None) -> Survey:
    """Publish a review that passed as a new follow-up survey (kind "uppföljning", demo as the survey followed) and
    close the draft, in one transaction; refused if the draft changed after the review."""
    from scenes.ingest.upload import for_date, survey_id_for

    dash._writable(actor)
    check = for_date(checked.check, dash.reference, survey_date, max_rows=dash.settings.file_limits.max_rows)
    if checked.draft_problems or not check.ok:
        raise ValidationFailed("The follow-up has problems; nothing was published.",
                               [*checked.draft_problems, *check.result.errors], code="followup_invalid")
    fid = checked.draft.followup.followup_id
    survey = Survey(id=survey_id or survey_id_for(name, survey_date), name=name, date=survey_date,
                    kind=SurveyKind.UPPFOLJNING, source=f"Uppföljning i appen ({fid}) av {checked.base.id}",
                    demo=checked.base.demo)
    return dash.store.publish_followup(fid, survey, check.frame, edits=checked.edits, actor=actor,
                                       file_name=check.file_name, sha256=check.sha256)


def discard(dash: Dashboard, followup_id: str, *, actor: str) -> None:
    dash._writable(actor)
    dash.store.discard_followup(followup_id, actor=actor)


def scene_table(draft: fu.Draft, lang: Lang, *, municipalities: tuple[str, ...] = (),
                police_areas: tuple[str, ...] = (), visits: tuple[fu.Visit, ...] = (),
                police_area_name: Callable[[str], str] = str) -> pd.DataFrame:
    """The revisit list: the draft's scenes (of the chosen municipalities, police areas and visits; empty: all) in
    the draft's order, with their municipality, police area (named by `police_area_name`), visit in words, impact,
    what a drawn scene continues, and who changed them last."""
    from scenes.i18n import t

    rows = [{"scene_id": s.scene_id, t("col.name", lang): s.name, t("col.municipality", lang): s.kommun,
             t("col.police_area", lang): police_area_name(s.lokalpolisomrade) if s.lokalpolisomrade else "",
             t("followup.col.visit", lang): t(f"followup.visit.{s.visit}", lang),
             t("col.impact", lang): s.impact, t("followup.col.continues", lang): ", ".join(s.predecessors),
             t("followup.col.by", lang): s.updated_by if s.version > 1 else ""}  # version 1: as followed
            for s in draft.scenes.values()
            if (not municipalities or s.kommun_kod in municipalities)
            and (not police_areas or s.lokalpolisomrade in police_areas) and (not visits or s.visit in visits)]
    columns = ["scene_id", *(t(k, lang) for k in ("col.name", "col.municipality", "col.police_area",
                                                  "followup.col.visit", "col.impact", "followup.col.continues",
                                                  "followup.col.by"))]
    return pd.DataFrame(rows, columns=columns)


def worklist_table(draft: fu.Draft, lang: Lang, by: Literal["kommun_kod", "lokalpolisomrade"] = "kommun_kod",
                   police_area_name: Callable[[str], str] = str) -> pd.DataFrame:
    """Per municipality (or police area, named by `police_area_name`): revisited, left, ceased and new (the page's
    progress table)."""
    from scenes.i18n import t

    heading = t("col.municipality" if by == "kommun_kod" else "col.police_area", lang)
    return pd.DataFrame([{heading: w.label if by == "kommun_kod" else police_area_name(w.key),
                          t("followup.col.done", lang): w.done, t("followup.col.left", lang): w.left,
                          t("followup.visit.ceased", lang): w.counts["ceased"],
                          t("followup.visit.new", lang): w.counts["new"]} for w in fu.progress(draft, by)])


def closed_table(followups: list[fu.Followup], lang: Lang) -> pd.DataFrame:
    """The follow-ups no longer open: what each followed, whether it was published (as which survey) or discarded."""
    from scenes.i18n import t

    return pd.DataFrame([{"id": f.followup_id, t("followup.name", lang): f.name,
                          t("followup.base", lang): f.base_survey_id,
                          t("followup.col.visit", lang): t(f"followup.state.{f.state}", lang),
                          t("followup.published_as", lang): f.published_survey_id or "",
                          t("followup.col.by", lang): f.created_by} for f in followups if f.state != "open"])


def followups(dash: Dashboard, *, include_closed: bool = False) -> list[fu.Followup]:
    """The drafts (open ones unless asked), newest first."""
    return dash.store.followups(include_closed=include_closed)


def draft(dash: Dashboard, followup_id: str) -> fu.Draft:
    """A draft as it is now (every scene's newest version)."""
    return dash.store.draft(followup_id)


def new_ids(dash: Dashboard, current: fu.Draft, count: int = 1) -> list[str]:
    """Fresh ids for scenes drawn in `current`: none the store has seen (`fu.new_scene_id`)."""
    return fu.new_scene_id(current, dash.store.scene_ids_ever(), count)
