"""The Dashboard's artefacts: the standalone HTML map, the status report (PDF) and the survey's export files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import geopandas as gpd
import pandas as pd

from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.figures import scene_changes
from scenes.domain.progress import progress
from scenes.domain.protection import protection
from scenes.domain.query import SceneFilter
from scenes.errors import NotFoundError, ScenesError
from scenes.i18n import number, t
from scenes.io.formats import table_to_csv
from scenes.render.exports import export_scenes, file_type
from scenes.render.maps import MapOptions, export_html, municipality_values
from scenes.render.tables import generalised_table
from scenes.views.dashboard_base import DashboardBase


class ExportOps(DashboardBase):
    """The Dashboard's artefacts: the standalone HTML map, the status report (PDF) and the survey's export files."""

    def map_html(self, survey_id: str | None, filt: SceneFilter, *, compare_id: str | None = None,
                 options: MapOptions | None = None) -> str:
        """The standalone HTML map of a survey (the latest when None) with the given filters."""
        surveys = self.store.surveys()
        if not surveys:
            raise NotFoundError("There are no surveys to map. Run `scenes init --demo` or import a survey.",
                                code="no_surveys")
        survey = self.store.survey(survey_id) if survey_id else surveys[-1]
        options = options or MapOptions(basemap=self.settings.basemap,
                                        basemap_attribution=self.settings.basemap_attribution)
        frame = self.store.scenes(survey.id)
        found = scene_changes(surveys, survey, compare_id, filt, self.store.scenes)  # as the map page counts them
        if compare_id and found.earlier is None:
            raise NotFoundError(f"{compare_id!r} is not a shown survey earlier than {survey.id!r}.",
                                code="compare_unknown", id=compare_id)
        ceased = found.ceased
        notice = t("map.demo_howto", options.lang) if survey.demo else ""
        whole = protection(self.reference, frame, options.disclosure)  # a selection keeps the survey's verdicts
        options = dataclasses.replace(options, selection=filt, withheld=protection(
            self.reference, filt.apply(frame), options.disclosure, filt=filt, whole=whole))
        return export_html(self.reference, filt.apply(frame), ceased, options,
                           title=f"{survey.name} – {t('map.title', options.lang)}", notice=notice)

    def report_pdf(self, lang: str = "sv", today: dt.date | None = None, *, disclosure: Disclosure = SHOW_ALL,
                   exact: bool = True) -> bytes:
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

    def export(self, survey_id: str, fmt: str, precision: str = "exact", lang: str = "sv") -> bytes:
        """The survey's scenes as a file in `fmt`: "csv" (Swedish Excel), "xlsx", "geojson" or "gpkg".

        See `scenes.render.exports` for what each format writes. With precision "generalised" only counts per
        municipality (and local police area) are written, as CSV (a table) or GeoJSON (municipality shapes): no
        location, polygon or name of any scene. It is the workshop participants' download, so a count below
        `small_count_threshold` is always written as "fewer than N" (GeoJSON: `scenes` null, `scenes_text` the
        words), never as the number. Generalised .xlsx and GeoPackage are refused with a clear error.
        """
        file_type(fmt)
        frame: gpd.GeoDataFrame = self.store.scenes(survey_id)
        if precision == "generalised":
            disclosure = Disclosure.for_precision(precision, self.settings.small_count_threshold)
            if fmt == "csv":
                return table_to_csv(generalised_table(self.reference, frame, lang, disclosure)).encode("utf-8")
            if fmt != "geojson":
                raise ScenesError("A generalised export (counts per municipality) is CSV or GeoJSON, not "
                                  f"{fmt!r}.", code="generalised_format", fmt=fmt)
            values = municipality_values(self.reference, frame, "count")
            withheld = protection(self.reference, frame, disclosure)  # as in every other view of the survey
            hidden = {str(c) for c in values.index if withheld.hidden("municipality", str(c))}
            values = values[(values > 0) | values.index.isin(hidden)]
            shapes = self.reference.simplified_boundaries.set_index("kommun_kod").loc[values.index]
            counts = gpd.GeoDataFrame({
                "kommun_kod": values.index, "kommun": shapes["kommun"].to_numpy(),
                "scenes": pd.Series([None if c in hidden else int(v) for c, v in values.items()], dtype=object),
                "scenes_text": [disclosure.withheld_text(lang) if c in hidden else number(v, lang)
                                for c, v in values.items()],
            }, geometry=shapes.geometry.to_numpy(), crs=shapes.crs)
            collection = counts.to_geo_dict(na="null", drop_id=True)
            return json.dumps(collection, ensure_ascii=False).encode("utf-8")
        return export_scenes(frame, fmt, self.reference)
