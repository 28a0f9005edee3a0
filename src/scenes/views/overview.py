"""The overview view: what Översikt shows, as plain data in the reader's language.

`overview_view` reads the progress against the goal and the per-survey figures once and returns the key figures as
this reader may read them (county-wide counts are shown to every reader, `Disclosure.county`; a withheld count is a
word and what it would give away a dash), the change since the previous survey, the surveys table and the published
totals. The page lays them out with its widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from scenes.domain.disclosure import Disclosure
from scenes.domain.progress import Progress, SurveyStats, swap_text
from scenes.domain.query import Comparison, compare
from scenes.i18n import number, t, time_text
from scenes.model import Lang, Survey

if TYPE_CHECKING:
    from scenes.views.dashboard import Dashboard

NOT_SHOWN = "–"  # a figure that would give a withheld count away


@dataclass(frozen=True)
class Figure:
    """One key figure: its value as the reader may read it and the change shown under it (None: no change line)."""

    value: str | int
    delta: str | None = None


@dataclass(frozen=True)
class SincePrevious:
    """What changed between the survey before the latest and the latest (the scenes of both, for their names)."""

    previous: Survey
    comparison: Comparison
    earlier: gpd.GeoDataFrame
    later: gpd.GeoDataFrame


@dataclass(frozen=True)
class OverviewView:
    """What Översikt shows (see `overview_view`)."""

    progress: Progress
    lang: Lang
    hidden: bool  # the latest county count is withheld from this reader
    both_hidden: bool  # the latest or the baseline count is withheld: no change is shown
    scenes: Figure
    area: Figure
    municipalities: Figure
    police_areas: Figure
    since_previous: SincePrevious | None  # None: a single survey
    surveys: pd.DataFrame  # one row per shown survey, oldest first, as this reader may read it
    published: pd.DataFrame  # the published totals the reference table carries

    @property
    def demo(self) -> bool:
        return self.progress.latest.survey.demo or self.progress.baseline.survey.demo

    def caption(self, escape: Callable[[str], str]) -> str:
        """The latest survey and the baseline, with their dates; the surveys' names through `escape` (a page renders
        Markdown: `ui.escape_markdown`)."""
        def dated(key: str, survey: Survey) -> str:
            return t(key, self.lang, name=escape(survey.name), date=time_text(survey.date, self.lang, "long"))

        latest, baseline = self.progress.latest.survey, self.progress.baseline.survey
        return dated("overview.latest", latest) + " · " + (
            dated("overview.baseline", baseline) if self.progress.compared else t("kpi.no_comparison", self.lang))

    def swap(self, escape: Callable[[str], str]) -> str | None:
        """The goal's baseline is withdrawn: what is used instead (None: it is not)."""
        return None if self.progress.swap is None else swap_text(self.progress.swap, self.lang, escape=escape)


def _figures(progress: Progress, county: Disclosure, total_municipalities: int, lang: Lang,
             hidden: bool, both_hidden: bool) -> tuple[Figure, Figure, Figure, Figure]:
    latest = progress.latest
    change = None  # no comparison (one survey shown, or the baseline is the latest): no delta, no arrow
    if progress.change is not None and not both_hidden:
        change = t("kpi.change", lang, change=progress.change, pct=progress.change_pct or 0.0) if progress.change \
            else t("kpi.no_change", lang)
    area = None if latest.area_m2 is None else number(latest.area_m2 / 10_000, lang, 1)
    area_change = t("kpi.area_change", lang, pct=progress.area_change_pct) \
        if progress.area_change_pct is not None and not both_hidden else None
    return (Figure(county.text(latest.scenes, lang) if hidden else latest.scenes, change),
            Figure(NOT_SHOWN if hidden else area or t("kpi.area_not_measured", lang), area_change),
            Figure(NOT_SHOWN if hidden else latest.municipalities,
                   t("kpi.of_municipalities", lang, total=total_municipalities)),
            Figure(NOT_SHOWN if hidden else latest.police_areas))


def surveys_table(stats: list[SurveyStats], county: Disclosure, lang: Lang) -> pd.DataFrame:
    """One row per survey: name, date, kind, scenes, municipalities, police areas, area (ha), demo; the counts
    `county` withholds as words and the figures derived from them as dashes."""
    table = pd.DataFrame([{
        t("col.name", lang): s.survey.name, t("col.date", lang): s.survey.date,
        t("col.kind", lang): t(f"survey_kind.{s.survey.kind}", lang),
        t("col.scenes", lang): s.scenes, t("col.municipalities", lang): s.municipalities,
        t("col.police_areas", lang): s.police_areas,
        t("col.area_ha", lang): t("kpi.area_not_measured", lang) if s.area_m2 is None
        else round(s.area_m2 / 10_000, 1),
        t("col.demo", lang): s.survey.demo,
    } for s in stats])
    derived = [t(f"col.{c}", lang) for c in ("municipalities", "police_areas", "area_ha")]
    return county.table(table, t("col.scenes", lang), derived, lang)


def overview_view(dashboard: Dashboard, *, disclosure: Disclosure, lang: Lang,
                  stats: list[SurveyStats] | None = None, progress: Progress | None = None,
                  scenes: Callable[[str | None], gpd.GeoDataFrame] | None = None) -> OverviewView | None:
    """What Översikt shows to a reader with `disclosure`, in `lang`; None when no survey is shown.

    `stats`, `progress` and `scenes`: the dashboard's, when the caller has them (the page's are cached until the
    data changes); else read here."""
    stats = dashboard.stats() if stats is None else stats
    progress = dashboard.progress() if progress is None else progress
    scenes_of = scenes or dashboard.scenes
    if progress is None:
        return None
    latest, baseline = progress.latest, progress.baseline
    county = disclosure.county  # county-wide figures are shown to every reader: hiding them would not hold
    hidden, both_hidden = county.hidden(latest.scenes), county.any_hidden(latest.scenes, baseline.scenes)
    ordered = list(stats)  # the store's order: oldest first
    since = None
    if len(ordered) >= 2:
        previous = ordered[-2].survey
        earlier, later = scenes_of(previous.id), scenes_of(latest.survey.id)
        since = SincePrevious(previous, compare(earlier, later), earlier, later)
    published = pd.DataFrame([{
        t("col.label", lang): p.label, t("col.scenes", lang): p.scenes,
        t("col.municipalities", lang): p.municipalities, t("col.police_areas", lang): p.police_areas,
        t("col.notes", lang): p.notes_in(lang), t("col.source", lang): p.source,
        t("col.confidence", lang): t(f"confidence.{p.confidence}", lang),
    } for p in dashboard.reference.published_totals])
    count, area, municipalities, police_areas = _figures(
        progress, county, len(dashboard.reference.municipalities), lang, hidden, both_hidden)
    return OverviewView(progress=progress, lang=lang,
                        hidden=hidden, both_hidden=both_hidden, scenes=count, area=area,
                        municipalities=municipalities, police_areas=police_areas, since_previous=since,
                        surveys=surveys_table(stats, county, lang), published=published)
