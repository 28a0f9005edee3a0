"""The one core object pages and the command line talk to.

`Dashboard` ties the settings, the store and the reference tables together and offers the operations the
UI needs, so a page never reaches into SQL, pandas reshaping or map-layer code itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd

from scenes.demo import load_demo
from scenes.errors import NotFoundError, ScenesError
from scenes.formats import scenes_to_csv, scenes_to_geojson
from scenes.i18n import t
from scenes.maps import MapOptions, export_html
from scenes.progress import Progress, SurveyStats, progress, survey_stats
from scenes.query import SceneFilter, ceased_since
from scenes.reference import Reference, load_reference, load_seminars
from scenes.settings import Settings
from scenes.store import Store

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

    @cached_property
    def reference(self) -> Reference:
        return load_reference(self.settings.data_dir)

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

    def export(self, survey_id: str, fmt: str) -> str:
        """The survey's scenes as text in `fmt` ("csv" or "geojson")."""
        frame: gpd.GeoDataFrame = self.store.scenes(survey_id)
        if fmt == "csv":
            return scenes_to_csv(frame)
        if fmt == "geojson":
            return json.dumps(scenes_to_geojson(frame), ensure_ascii=False, indent=1)
        raise ScenesError(f"Unknown export format {fmt!r}; use 'csv' or 'geojson'")
