"""The one core object pages and the command line talk to.

`Dashboard` ties the settings, the store and the reference tables together and offers the operations the
UI needs, so a page never reaches into SQL, pandas reshaping or map-layer code itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from scenes.demo import load_demo
from scenes.errors import NotFoundError, Problem, ScenesError, ValidationFailed
from scenes.formats import scenes_to_csv, scenes_to_geojson, table_to_csv
from scenes.i18n import t
from scenes.maps import MapOptions, export_html, municipality_values
from scenes.model import Seminar, Survey
from scenes.progress import Progress, SurveyStats, progress, survey_stats, trajectory_value
from scenes.query import SceneFilter, ceased_since
from scenes.reference import Reference, load_reference, load_seminars, save_reference_table
from scenes.settings import Settings
from scenes.store import Store
from scenes.tables import generalised_table

if TYPE_CHECKING:  # imported where used: a cold start of the map page need not load Altair, fpdf or rapidfuzz
    from scenes.ingest.upload import UploadCheck

__all__ = ["Dashboard", "InitReport"]


@dataclass(frozen=True)
class InitReport:
    created_schema: bool
    seminars_added: int
    demo_surveys_added: list[str]


class Dashboard:
    """Settings + store + reference data, and the operations on them."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store.from_settings(settings)

    @property
    def reference(self) -> Reference:
        # load_reference caches per folder; an admin's edit clears that cache, so this picks the edit up.
        return load_reference(self.settings.data_dir)

    def save_reference(self, name: str, edited: pd.DataFrame, *, actor: str = "") -> list[str]:
        """Save an administrator's edit of a reference table (validated, atomic, audited)."""
        changes = save_reference_table(self.settings.data_dir, name, edited)
        if changes:
            self.store.record("reference-edit", actor=actor, detail=f"{name}: " + "; ".join(changes)[:2000])
        return changes

    # -- setup -------------------------------------------------------------------------------------------
    def init(self, *, demo: bool = False) -> InitReport:
        """Create or upgrade the schema, seed the shipped seminars, and (optionally) the demo surveys.

        Idempotent: seminars are seeded only into an empty table, demo surveys only when no survey exists,
        so running it again never duplicates or overwrites anything.
        """
        created = self.store.version() is None
        self.store.ensure_schema()
        added_seminars = 0
        if not self.store.seminars():
            shipped = load_seminars(self.settings.data_dir)
            self.store.save_seminars(shipped, updated_by="scenes init")
            added_seminars = len(shipped)
        added: list[str] = []
        if demo and not self.store.surveys():
            for item in load_demo(self.settings.data_dir):
                self.store.add_survey(item.survey, item.scenes, created_by="scenes init --demo")
                added.append(item.survey.id)
        return InitReport(created_schema=created, seminars_added=added_seminars, demo_surveys_added=added)

    # -- reading -----------------------------------------------------------------------------------------
    def stats(self) -> list[SurveyStats]:
        return survey_stats(self.store.surveys(), self.store.scenes())

    def progress(self) -> Progress | None:
        return progress(self.stats(), self.store.goal())

    def map_html(self, survey_id: str | None, filt: SceneFilter, *, compare_id: str | None = None,
                 options: MapOptions | None = None) -> str:
        """The standalone HTML map of a survey (the latest when None) with the given filters."""
        surveys = self.store.surveys()
        if not surveys:
            raise NotFoundError("There are no surveys to map. Run `scenes init --demo` or import a survey.")
        survey = self.store.survey(survey_id) if survey_id else surveys[-1]
        options = options or MapOptions(basemap=self.settings.basemap,
                                        basemap_attribution=self.settings.basemap_attribution)
        frame = self.store.scenes(survey.id)
        ceased = filt.apply(ceased_since(self.store.scenes(compare_id), frame)) if compare_id else None
        notice = t("map.demo_howto", options.lang) if survey.demo else ""
        return export_html(self.reference, filt.apply(frame), ceased, options,
                           title=f"{survey.name} – {t('map.title', options.lang)}", notice=notice)

    def report_pdf(self, lang: str = "sv", today: dt.date | None = None) -> bytes:
        """The two-page status report (PDF) over the current data."""
        from scenes.report import ReportInput, build_report

        stats = self.stats()
        prog = progress(stats, self.store.goal())
        if prog is None:
            raise NotFoundError("There are no surveys to report on. Run `scenes init --demo` or import a survey.")
        return build_report(ReportInput(
            ref=self.reference, stats=stats, progress=prog, seminars=self.store.seminars(),
            baseline_scenes=self.store.scenes(prog.baseline.survey.id),
            latest_scenes=self.store.scenes(prog.latest.survey.id), lang=lang, today=today,
        ))

    def progress_rows(self) -> list[dict[str, object]]:
        """Per survey: count, area, municipalities, police areas, the trajectory value and on-track flag."""
        stats = self.stats()
        goal = self.store.goal()
        ordered = sorted(stats, key=lambda s: (s.survey.date, s.survey.id))
        rows = []
        for s in ordered:
            expected = trajectory_value(goal, ordered[0].survey.date, ordered[0].scenes, s.survey.date)
            rows.append({"id": s.survey.id, "name": s.survey.name, "date": s.survey.date.isoformat(),
                         "kind": str(s.survey.kind), "scenes": s.scenes, "area_m2": round(s.area_m2, 1),
                         "municipalities": s.municipalities, "police_areas": s.police_areas,
                         "trajectory": round(expected, 2), "on_track": s.scenes <= expected + 1e-9,
                         "demo": s.survey.demo})
        return rows

    # -- upload -------------------------------------------------------------------------------------------
    def check_upload(self, name: str, data: bytes, *, mapping: dict[str, str | None] | None = None,
                     sheet: str | None = None) -> UploadCheck:
        """Read and validate an uploaded survey file under the configured size and row limits."""
        from scenes.ingest.upload import check_upload

        return check_upload(name, data, self.reference, max_bytes=int(self.settings.max_upload_mb * 1_000_000),
                            max_rows=self.settings.max_rows, mapping=mapping, sheet=sheet)

    def publish(self, check: UploadCheck, *, survey: Survey | None = None, revise: str | None = None,
                actor: str = "", note: str = "") -> tuple[str, int]:
        """Publish a passed check as a new survey, or as the next revision of `revise`. Returns (id, revision)."""
        if not check.ok:
            raise ValidationFailed("The file has errors; nothing was published.", check.result.errors)
        if revise:
            revision = self.store.add_revision(revise, check.frame, created_by=actor, file_name=check.file_name,
                                               sha256=check.sha256, note=note)
            return revise, revision
        if survey is None:
            raise ScenesError("Give the new survey's name and date, or the survey to revise.")
        stored = self.store.add_survey(survey, check.frame, created_by=actor, file_name=check.file_name,
                                       sha256=check.sha256)
        return stored.id, 1

    def previous_survey(self, day: dt.date, exclude: str | None = None) -> Survey | None:
        """The latest survey dated on or before `day` (other than `exclude`): what an upload is compared with."""
        earlier = [s for s in self.store.surveys() if s.date <= day and s.id != exclude]
        return earlier[-1] if earlier else None

    def save_seminar(self, item: Seminar, *, updated_by: str = "") -> None:
        """Validate one seminar record and store it (insert or update by id)."""
        problems = []
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,100}", item.seminar_id):
            problems.append(Problem("use 1–100 letters, digits, '-' or '_'", column="seminar_id",
                                    value=item.seminar_id))
        if not item.title:
            problems.append(Problem("a title is required", column="title"))
        for column, value in (("start_time", item.start_time), ("end_time", item.end_time)):
            if value and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
                problems.append(Problem("write the time as HH:MM", column=column, value=value))
        if problems:
            raise ValidationFailed("The seminar was not saved.", problems)
        self.store.save_seminars([item], updated_by=updated_by)

    def export(self, survey_id: str, fmt: str, precision: str = "exact", lang: str = "sv") -> str:
        """The survey's scenes as text in `fmt` ("csv" or "geojson").

        With precision "generalised" only counts per municipality (and local police area) are written: no
        location, polygon or name of any scene.
        """
        frame: gpd.GeoDataFrame = self.store.scenes(survey_id)
        if precision == "generalised":
            if fmt == "csv":
                return table_to_csv(generalised_table(self.reference, frame, lang))
            values = municipality_values(self.reference, frame, "count")
            shapes = self.reference.simplified_boundaries.set_index("kommun_kod")
            features = [{"type": "Feature", "properties": {"kommun_kod": code, "kommun": shapes.loc[code, "kommun"],
                                                           "scenes": int(values[code])},
                         "geometry": shapes.loc[code, "geometry"].__geo_interface__}
                        for code in values.index if values[code] > 0]
            return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        if fmt == "csv":
            return scenes_to_csv(frame)
        if fmt == "geojson":
            return json.dumps(scenes_to_geojson(frame), ensure_ascii=False, indent=1)
        raise ScenesError(f"Unknown export format {fmt!r}; use 'csv' or 'geojson'")
