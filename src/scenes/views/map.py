"""The map view: what Karta shows, computed once as plain data, for the page and for `scenes map`.

`map_view` takes what the reader chose (`MapChoice`: survey, filters, shading, comparison) and who reads
(`disclosure`, `precision`, `lang`, all required) and returns a `MapView`: the scenes shown and what they withhold,
the comparison (ceased scenes, change codes), the count line's figures and words, the shading classes, the legend,
the box the map is fitted to, the table, and the downloads this reader may have. The page draws it (folium through
`scenes.render.maps`); the command line writes its standalone HTML. Both take that file from `MapView.html`, so the
page's "Karta (HTML)" and `scenes map` are one artefact.

What a precision may download is decided here and nowhere else (`download_formats`): exact readers every scene
file format, generalised readers only counts per municipality, as CSV or GeoJSON (`generalised_file`);
`Dashboard.export` asks the same rule.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Literal, Protocol

import geopandas as gpd
import pandas as pd

from scenes.domain.classes import Classes
from scenes.domain.coordination import ongoing_scene_ids
from scenes.domain.disclosure import Disclosure
from scenes.domain.figures import CountLine, SceneChanges, count_line, scene_changes
from scenes.domain.protection import Protected, protection
from scenes.domain.query import SceneFilter
from scenes.errors import NotFoundError, ScenesError
from scenes.i18n import number, t
from scenes.io.formats import table_to_csv
from scenes.model import Lang, Survey
from scenes.reference import Reference
from scenes.render import maps
from scenes.render.exports import FORMATS, export_scenes, file_type
from scenes.render.tables import generalised_table, scene_table

if TYPE_CHECKING:
    from scenes.views.dashboard import Dashboard

Precision = Literal["exact", "generalised"]
Shading = Literal["count", "per_capita"]
SHADINGS: tuple[Shading, ...] = ("count", "per_capita")

#: what generalised precision may download: counts per municipality, never a scene's location, name or polygon
GENERALISED_FORMATS = ("csv", "geojson")
_GENERALISED_LABELS = {"csv": "map.download_table", "geojson": "map.download_counts_geojson"}


def download_formats(precision: Precision) -> tuple[str, ...]:
    """The file formats a reader at `precision` may download of a survey's scenes: every format of
    `scenes.render.exports` when exact; when generalised only the counts per municipality (`generalised_file`)."""
    return tuple(FORMATS) if precision == "exact" else GENERALISED_FORMATS


def check_download(precision: Precision, fmt: str) -> None:
    """Refuse a download `download_formats` does not allow (an unknown format is refused by `file_type`)."""
    file_type(fmt)
    if fmt not in download_formats(precision):
        raise ScenesError(f"A generalised export (counts per municipality) is CSV or GeoJSON, not {fmt!r}.",
                          code="generalised_format", fmt=fmt)


def generalised_file(ref: Reference, frame: gpd.GeoDataFrame, fmt: str, *, lang: Lang, disclosure: Disclosure,
                     protected: Protected) -> bytes:
    """Counts per municipality (and local police area) of `frame`, as generalised precision downloads them: CSV (a
    table) or GeoJSON (municipality shapes), with the counts `protected` withholds written as words
    (GeoJSON: `scenes` null, `scenes_text` the words), never as the number. No location, polygon or name of a
    scene. `protected`: what `frame` withholds (with the whole survey's verdicts when it is a selection)."""
    check_download("generalised", fmt)
    if fmt == "csv":
        table = generalised_table(ref, frame, lang, disclosure=disclosure, protected=protected)
        return table_to_csv(table).encode("utf-8")
    values = maps.municipality_values(ref, frame, "count")
    hidden = {str(c) for c in values.index if protected.hidden("municipality", str(c))}
    values = values[(values > 0) | values.index.isin(hidden)]
    shapes = ref.simplified_boundaries.set_index("kommun_kod").loc[values.index]
    counts = gpd.GeoDataFrame({
        "kommun_kod": values.index, "kommun": shapes["kommun"].to_numpy(),
        "scenes": pd.Series([None if c in hidden else int(v) for c, v in values.items()], dtype=object),
        "scenes_text": [disclosure.withheld_text(lang) if c in hidden else number(v, lang)
                        for c, v in values.items()],
    }, geometry=shapes.geometry.to_numpy(), crs=shapes.crs)
    return json.dumps(counts.to_geo_dict(na="null", drop_id=True), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class MapChoice:
    """What the reader chose to see: a survey (None: the latest shown), the filters, the shading measure, the survey
    compared with (an earlier survey's id, "prev" or None), whether scenes with an ongoing measure are ringed, and
    presentation mode (the projector's larger text)."""

    survey_id: str | None = None
    filt: SceneFilter = field(default_factory=SceneFilter)
    measure: Shading = "count"
    compare_to: str | None = None
    ongoing: bool = False
    presentation: bool = False


class MapSource(Protocol):
    """Where the view reads what several reruns share; the page passes one cached until the data changes."""

    def scenes(self, survey_id: str | None) -> gpd.GeoDataFrame: ...

    def classes(self, filt: SceneFilter, measure: Shading) -> Classes: ...

    def extent(self, filt: SceneFilter, precision: Precision) -> maps.Bounds: ...

    def ongoing(self, survey_id: str) -> frozenset[str]: ...


def shading_classes(dashboard: Dashboard, scenes: Callable[[str | None], gpd.GeoDataFrame], filt: SceneFilter,
                    measure: Shading) -> Classes:
    """Shading classes over every shown survey under `filt` (the same colours whichever survey is stepped to)."""
    frames = [filt.apply(scenes(s.id)) for s in dashboard.surveys()]
    return maps.map_classes(dashboard.reference, frames, measure, max(dashboard.settings.small_count_threshold, 3))


def extent(dashboard: Dashboard, scenes: Callable[[str | None], gpd.GeoDataFrame], filt: SceneFilter,
           precision: Precision) -> maps.Bounds:
    """The box the map is fitted to: the selected scenes in every survey (stepping through time keeps the frame),
    with a small margin; at generalised precision their municipalities."""
    return maps.scene_extent(dashboard.reference, filt.apply(scenes(None)), precision=precision)


@dataclass(frozen=True)
class Computed:
    """A `MapSource` that computes everything from the dashboard (the command line; tests)."""

    dashboard: Dashboard

    def scenes(self, survey_id: str | None) -> gpd.GeoDataFrame:
        return self.dashboard.scenes(survey_id)

    def classes(self, filt: SceneFilter, measure: Shading) -> Classes:
        return shading_classes(self.dashboard, self.scenes, filt, measure)

    def extent(self, filt: SceneFilter, precision: Precision) -> maps.Bounds:
        return extent(self.dashboard, self.scenes, filt, precision)

    def ongoing(self, survey_id: str) -> frozenset[str]:
        return ongoing_scene_ids(self.scenes(survey_id), self.scenes(None), self.dashboard.measures())


@dataclass(frozen=True)
class Download:
    """One file the reader may download: its button's label and help, file name, MIME type, and how it is made
    (only when asked for)."""

    fmt: str  # a format of `download_formats`, or "html" (the standalone map)
    label: str
    help: str | None
    file_name: str
    mime: str
    data: Callable[[], bytes | str]


@dataclass(frozen=True)
class MapView:
    """What the map page shows of one survey for one reader (see `map_view`)."""

    survey: Survey
    surveys: tuple[Survey, ...]  # every shown survey, oldest first (the time control, the HTML's steps)
    frame: gpd.GeoDataFrame  # the survey's scenes, unfiltered
    shown: gpd.GeoDataFrame  # the scenes the filters select
    withheld: Protected  # what this reader may not see of `shown`
    changes: SceneChanges  # the compared survey (or None), the ceased scenes and the new scenes' change codes
    counts: CountLine  # the count line's figures
    extent: maps.Bounds  # the box the map is fitted to (the selection in every survey)
    options: maps.MapOptions  # how to draw it (language, shading, classes, precision, withheld, ongoing)
    choice: MapChoice
    precision: Precision
    disclosure: Disclosure
    reference: Reference = field(repr=False)
    source: MapSource = field(repr=False)

    @property
    def exact(self) -> bool:
        return self.precision == "exact"

    def count_text(self, escape: Callable[[str], str]) -> str:
        """The count line in words, as this reader may read it (names through `escape`: see `count_text`)."""
        return count_text(self.counts, self.withheld, disclosure=self.disclosure, precision=self.precision,
                          lang=self.lang, escape=escape)

    @property
    def lang(self) -> Lang:
        return "en" if self.options.lang == "en" else "sv"

    @property
    def earlier(self) -> Survey | None:
        return self.changes.earlier

    @property
    def ceased(self) -> gpd.GeoDataFrame | None:
        return self.changes.ceased

    @property
    def classes(self) -> Classes:
        assert self.options.classes is not None  # noqa: S101 - always set by map_view
        return self.options.classes

    @property
    def empty(self) -> bool:
        """Nothing to draw: no scene selected and none ceased."""
        return self.shown.empty and (self.ceased is None or self.ceased.empty)

    @cached_property
    def earlier_shown(self) -> gpd.GeoDataFrame | None:
        """The compared survey's scenes under the same filters (the left map of Två kartor)."""
        return None if self.earlier is None else self.choice.filt.apply(self.source.scenes(self.earlier.id))

    @cached_property
    def legend(self) -> tuple[maps.LegendItem, ...]:
        return tuple(maps.legend(self.reference, self.shown, self.ceased, self.options, changes=self.changes.codes))

    @cached_property
    def table(self) -> pd.DataFrame:
        """The table under the map: the scenes (exact), or counts per municipality and police area."""
        if self.exact:
            return scene_table(self.reference, self.shown, self.lang)
        return generalised_table(self.reference, self.shown, self.lang, disclosure=self.disclosure,
                                 protected=self.withheld)

    @property
    def title(self) -> str:
        return f"{self.survey.name} – {t('map.title', self.lang)}"

    @property
    def notice(self) -> str:
        return t("map.demo_howto", self.lang) if self.survey.demo else ""

    def timeline(self) -> list[maps.TimeStep]:
        """Every shown survey under the filters, each with what ceased and what is new since the one before (exact
        precision only), and what it withholds."""
        steps = []
        surveys = list(self.surveys)
        for i, survey in enumerate(surveys):
            frame = self.source.scenes(survey.id)
            found = SceneChanges(None, None, {})
            if self.exact and i:
                found = scene_changes(surveys, survey, "prev", self.choice.filt, self.source.scenes)
            steps.append(maps.TimeStep(title=survey.name, scenes=self.choice.filt.apply(frame), ceased=found.ceased,
                                       changes=found.codes, withheld=_withheld(self, frame)))
        return steps

    def html(self) -> str:
        """The standalone HTML map (every asset inlined; opens offline): every shown survey under the filters,
        stepped through with previous/next, opening at this survey."""
        return maps.export_html(self.reference, self.shown, self.ceased, self.options, title=self.title,
                                notice=self.notice, timeline=self.timeline(),
                                current=[s.id for s in self.surveys].index(self.survey.id))

    def _file(self, fmt: str) -> bytes:
        if self.exact:
            return export_scenes(self.shown, fmt, self.reference)
        return generalised_file(self.reference, self.shown, fmt, lang=self.lang, disclosure=self.disclosure,
                                protected=self.withheld)

    @cached_property
    def downloads(self) -> tuple[Download, ...]:
        """The files this reader may download of the scenes shown (`download_formats`), then the HTML map."""
        lang, files = self.lang, []
        for fmt in download_formats(self.precision):
            suffix, mime = file_type(fmt)
            if self.exact:
                label, help_text = t(f"map.download_{fmt}", lang), t(f"map.download_{fmt}_help", lang)
            else:
                label, help_text = t(_GENERALISED_LABELS[fmt], lang), None
            files.append(Download(fmt, label, help_text, f"{self.survey.id}{suffix}", mime,
                                  partial(self._file, fmt)))
        files.append(Download("html", t("map.download_html", lang), t("map.download_html_help", lang),
                              f"karta-{self.survey.id}.html", "text/html", self.html))
        return tuple(files)


def _withheld(view: MapView, frame: gpd.GeoDataFrame) -> Protected:
    """What the reader may not see of the filters' selection from `frame` (one survey's scenes): the same verdicts
    as the whole survey's on the cells they share (`scenes.domain.protection`)."""
    return _protected(view.reference, frame, view.choice.filt, view.disclosure)


def _protected(ref: Reference, frame: gpd.GeoDataFrame, filt: SceneFilter, disclosure: Disclosure) -> Protected:
    return protection(ref, filt.apply(frame), disclosure, filt=filt, whole=protection(ref, frame, disclosure))


def count_text(line: CountLine, withheld: Protected, *, disclosure: Disclosure, precision: Precision,
               lang: Lang, escape: Callable[[str], str]) -> str:
    """The count line in words: the selection's count as `withheld` lets the reader see it, the survey's total
    county-wide (shown to every reader), and what is new and ceased since the compared survey. The surveys' names
    go through `escape` (a page renders Markdown: `ui.escape_markdown`)."""
    key = "map.counts" if precision == "exact" else "map.counts_generalised"
    text = t(key, lang, shown=withheld.total_text(lang), total=disclosure.county.text(line.total, lang),
             survey=escape(line.survey.name))
    if line.earlier is not None:
        text += " " + t("map.counts_changes", lang, new=line.new, ceased=line.ceased,
                        survey=escape(line.earlier.name))
    return text


def map_view(dashboard: Dashboard, choice: MapChoice, *, disclosure: Disclosure, precision: Precision,
             lang: Lang, source: MapSource | None = None) -> MapView:
    """What the map shows of `choice` to a reader at `precision` with `disclosure`, in `lang`.

    Generalised readers compare with nothing and see no ongoing measures (those are exact precision only).
    `source` reads scenes, classes, extent and ongoing measures (default: computed from `dashboard`; the page
    passes a cached one). Raises `NotFoundError` when no survey is shown or `choice.survey_id` is not shown."""
    source = source or Computed(dashboard)
    surveys = tuple(dashboard.surveys())
    by_id = {s.id: s for s in surveys}
    if not surveys:
        raise NotFoundError("There are no surveys to map. Run `scenes init --demo` or import a survey.",
                            code="no_surveys")
    if choice.survey_id and choice.survey_id not in by_id:
        raise NotFoundError(f"No shown survey with id {choice.survey_id!r}. Shown surveys: {', '.join(by_id)}.",
                            code="survey_unknown", id=choice.survey_id)
    survey = by_id[choice.survey_id] if choice.survey_id else surveys[-1]
    exact = precision == "exact"
    ref, filt = dashboard.reference, choice.filt
    frame = source.scenes(survey.id)
    withheld = _protected(ref, frame, filt, disclosure)
    changes = scene_changes(list(surveys), survey, choice.compare_to if exact else None, filt, source.scenes)
    line = count_line(survey, frame, filt, changes)
    options = maps.MapOptions(
        lang=lang, choropleth=choice.measure, basemap=dashboard.settings.basemap,
        basemap_attribution=dashboard.settings.basemap_attribution, precision=precision, disclosure=disclosure,
        withheld=withheld, classes=source.classes(filt, choice.measure), presentation=choice.presentation,
        ongoing=source.ongoing(survey.id) if exact and choice.ongoing else frozenset())
    return MapView(survey=survey, surveys=surveys, frame=frame, shown=filt.apply(frame), withheld=withheld,
                   changes=changes, counts=line,
                   extent=source.extent(filt, precision), options=options, choice=choice, precision=precision,
                   disclosure=disclosure, reference=ref, source=source)
