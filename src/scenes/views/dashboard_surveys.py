"""The Dashboard's surveys: upload checks, publishing, revisions, withdrawal, the goal and the reference edits."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from scenes.errors import NotFoundError, ScenesError, ValidationFailed
from scenes.model import Goal, Survey
from scenes.reference import edit_reference_table

if TYPE_CHECKING:  # imported where used: a cold start of the map page need not load Altair, fpdf or rapidfuzz
    from scenes.ingest.corrections import Correction
    from scenes.ingest.preview import Preview
    from scenes.ingest.upload import UploadCheck

from scenes.views.dashboard_base import DashboardBase


class SurveyOps(DashboardBase):
    """The Dashboard's surveys: upload checks, publishing, revisions, withdrawal, the goal and the reference edits."""

    def save_reference(self, name: str, edited: pd.DataFrame, *, actor: str, based_on: int | None = None
                       ) -> list[str]:
        """Save an administrator's edit of a reference table as its next version in the store (validated, atomic,
        audited); returns what changed. `based_on` is the version the editor showed (see `Store.save_reference_table`).
        """
        self._writable(actor)
        version, current = self.reference_table(name)
        table, changes = edit_reference_table(name, current, edited)
        if changes:
            self.store.save_reference_table(name, table, actor=actor, note="; ".join(changes),
                                            based_on=version if based_on is None else based_on)
            self._forget_state()  # the rest of this rerun shows the saved table
        return changes

    def check_upload(self, name: str, data: bytes, *, mapping: dict[str, str | None] | None = None,
                     sheet: str | None = None, survey_date: dt.date | None = None) -> UploadCheck:
        """Read and validate an uploaded survey file under the configured size and row limits; reference geography
        that changes (police areas) is checked as of `survey_date`."""
        from scenes.ingest.upload import check_upload

        return check_upload(name, data, self.reference, limits=self.settings.file_limits, mapping=mapping,
                            sheet=sheet, survey_date=survey_date)

    def publish(self, check: UploadCheck, *, actor: str, survey: Survey | None = None, revise: str | None = None,
                note: str = "") -> tuple[str, int]:
        """Publish a passed check as a new survey, or as the next revision of `revise`. Returns (id, revision).

        A file checked for another date than the survey's (or for none) is checked again for the survey's date
        first: a police area that had ended by then blocks publishing.
        """
        from scenes.ingest.upload import for_date

        self._writable(actor)
        day = self.store.survey(revise).date if revise else (survey.date if survey is not None else None)
        if day is not None:
            check = for_date(check, self.reference, day, max_rows=self.settings.file_limits.max_rows)
        if not check.ok:
            raise ValidationFailed("The file has errors; nothing was published.", check.result.errors,
                                   code="file_invalid")
        if revise:
            current = self.store.survey(revise)
            if current.demo:
                raise ScenesError("A demo survey is not revised: publish the real data as a new survey.",
                                  code="demo_not_revised")
            if self.preview(check, revise).unchanged:
                return revise, current.revision  # nothing would change: no revision is written
            revision = self.store.add_revision(revise, check.frame, actor=actor, file_name=check.file_name,
                                               sha256=check.sha256, note=note)
            return revise, revision
        if survey is None:
            raise ScenesError("Give the new survey's name and date, or the survey to revise.",
                              code="survey_name_needed")
        stored = self.store.add_survey(survey, check.frame, actor=actor, file_name=check.file_name,
                                       sha256=check.sha256)
        return stored.id, 1

    def correct(self, check: UploadCheck, codes: set[str] | None = None) -> Correction:
        """The checked file with every unambiguous suggestion (of the kinds `codes`, when given) applied, as a file
        of the same kind (to re-check)."""
        from scenes.ingest.corrections import Correction, apply_suggestions, corrected_file

        if check.raw is None:
            raise ScenesError("The file could not be read, so there is nothing to correct.", code="nothing_to_correct")
        raw, changes = apply_suggestions(check.raw, check.result.problems, codes)
        name, data = corrected_file(raw, check.file_name)
        return Correction(name, data, changes)

    def preview(self, check: UploadCheck, survey_id: str, earlier: gpd.GeoDataFrame | None = None) -> Preview:
        """What publishing `check` after (or as a revision of) `survey_id` would change, with the flags whose
        thresholds the settings give; `earlier` is that survey's scenes where the caller has them already."""
        from scenes.ingest.preview import preview

        return preview(self.store.scenes(survey_id) if earlier is None else earlier, check.frame,
                       area_change_pct=self.settings.preview_area_change_pct, move_m=self.settings.preview_move_m)

    def rollback(self, survey_id: str, revision: int, *, actor: str) -> None:
        self._writable(actor)
        self.store.rollback(survey_id, revision, actor=actor)

    def withdraw(self, survey_id: str, *, actor: str, reason: str = "") -> None:
        """Hide a published survey from every figure and map; it stays in history and can be restored."""
        self._writable(actor)
        self.store.set_withdrawn(survey_id, True, actor=actor, reason=reason)

    def restore(self, survey_id: str, *, actor: str) -> None:
        self._writable(actor)
        self.store.set_withdrawn(survey_id, False, actor=actor)

    def remove_demo(self, *, actor: str) -> list[str]:
        """Delete every demo survey in one audited transaction; returns their ids (empty: there were none)."""
        self._writable(actor)
        return self.store.remove_demo_surveys(actor=actor)

    def set_goal(self, goal: Goal, *, actor: str) -> None:
        """Save the steering group's goal, with its baseline survey (which must be one of the shown surveys)."""
        self._writable(actor)
        shown = [s.id for s in self.surveys()]
        if goal.baseline_survey_id is not None and goal.baseline_survey_id not in shown:
            raise NotFoundError(f"The baseline {goal.baseline_survey_id!r} is not a shown survey; choose one of "
                                f"{', '.join(shown) or 'none'}.", code="baseline_unknown", id=goal.baseline_survey_id)
        self.store.set_goal(goal, actor=actor)

    def previous_survey(self, day: dt.date, exclude: str | None = None) -> Survey | None:
        """The latest real survey dated on or before `day` (other than `exclude`): what an upload is compared with.
        A demo survey never counts as "before": until the first real survey there is nothing to compare with."""
        earlier = [s for s in self.store.surveys() if s.date <= day and s.id != exclude and not s.demo]
        return earlier[-1] if earlier else None
