"""The Dashboard's artefacts: the status report (PDF) and the survey's export files (the standalone HTML map is
`scenes.views.map`'s `MapView.html`)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd

from scenes.domain.disclosure import Disclosure
from scenes.domain.progress import progress
from scenes.domain.protection import protection
from scenes.errors import NotFoundError
from scenes.model import Lang, Precision
from scenes.render.exports import export_scenes
from scenes.views.dashboard_base import DashboardBase
from scenes.views.map import check_download, generalised_file


class ExportOps(DashboardBase):
    """The Dashboard's artefacts: the status report (PDF) and the survey's export files (the standalone HTML map is
`scenes.views.map`'s `MapView.html`)."""

    def report_pdf(self, lang: Lang, today: dt.date | None = None, *, disclosure: Disclosure,
                   exact: bool) -> bytes:
        """The status report (PDF) over the current data, as a reader with this `disclosure` may read it: scene
        locations only when `exact`, counts withheld as `scenes.domain.protection` says (pages pass
        `ui.disclosure()`)."""
        from scenes.render.report import ReportInput, build_report

        stats = self.stats()
        prog = progress(stats, self.store.goal(), self.store.all_surveys())
        if prog is None:
            raise NotFoundError("There are no surveys to report on. Run `scenes init --demo` or import a survey.",
                                code="no_surveys")
        from scenes.domain.coordination import coordinate

        latest = self.store.scenes(prog.latest.survey.id)
        return build_report(ReportInput(
            ref=self.reference, stats=stats, progress=prog, seminars=self.store.seminars(),
            baseline_scenes=self.store.scenes(prog.baseline.survey.id), latest_scenes=latest, lang=lang,
            today=today, disclosure=disclosure, exact=exact, impact=self.impact(), indicators=tuple(self.indicators()),
            coordination=coordinate(latest, self.scenes(), self.measures()),
        ))

    def export(self, survey_id: str, fmt: str, *, precision: Precision, lang: Lang) -> bytes:
        """The survey's scenes as a file in `fmt`: "csv" (Swedish Excel), "xlsx", "geojson" or "gpkg".

        See `scenes.render.exports` for what each format writes. With precision "generalised" only counts per
        municipality (and local police area) are written, as CSV (a table) or GeoJSON (municipality shapes): no
        location, polygon or name of any scene. It is the workshop participants' download, so a count below
        `small_count_threshold` is always written as "fewer than N" (GeoJSON: `scenes` null, `scenes_text` the
        words), never as the number. Generalised .xlsx and GeoPackage are refused with a clear error.
        """
        check_download("generalised" if precision == "generalised" else "exact", fmt)
        frame: gpd.GeoDataFrame = self.store.scenes(survey_id)
        if precision == "generalised":
            disclosure = Disclosure.for_precision(precision, self.settings.small_count_threshold)
            withheld = protection(self.reference, frame, disclosure)  # as in every other view of the survey
            return generalised_file(self.reference, frame, fmt, lang="en" if lang == "en" else "sv",
                                    disclosure=disclosure, protected=withheld)
        return export_scenes(frame, fmt, self.reference)
