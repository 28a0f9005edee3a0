"""One definition per figure: the count line of the map, its changes since a compared survey, and the measured area.

Every place that shows these numbers (the map's count line, layers and legend, the HTML timeline, `scenes counts
--json`) takes them from here, computed on one filtered set of scenes:

- *shown*: the scenes of the survey that pass the filter; *total*: every scene of the survey;
- *new*: scenes of the survey that pass the filter and are not in the compared survey (merged and split scenes
  are new too, as `scenes.domain.query` counts them); *ceased*: scenes of the compared survey that pass the filter (as
  they were then) and are not in the survey;
- a comparison names its two surveys; without a compared survey there is no change at all (None, not 0);
- *area*: the sum of the polygons' areas; None ("not measured") when none of the scenes is a polygon, never 0.

The key figures against the goal's baseline (`scenes.domain.progress`) use `measured_area` for their area too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from scenes.domain.query import SceneFilter, ceased_since, change_codes, compare
from scenes.errors import NotFoundError
from scenes.model import Survey

__all__ = ["CountLine", "SceneChanges", "compared_survey", "count_line", "counts_for", "measured_area",
           "scene_changes"]

#: the scenes of one survey by its id (the store's, or a page's cached reader)
ScenesOf = Callable[[str], gpd.GeoDataFrame]


def measured_area(frame: pd.DataFrame) -> float | None:
    """The total polygon area (m²) of the scenes in `frame`; None when none of them has one (points only, or no
    scene): an area that was not measured is not zero."""
    areas = frame["area_m2"].dropna()
    return float(areas.sum()) if len(areas) else None


def compared_survey(surveys: list[Survey], survey: Survey, compare_to: str | None) -> Survey | None:
    """The earlier survey `survey` is compared with: the one before it for "prev", the named one when it is earlier,
    else None (no comparison)."""
    earlier = [s for s in surveys if s.order < survey.order]
    if compare_to == "prev":
        return earlier[-1] if earlier else None
    return next((s for s in earlier if s.id == compare_to), None)


@dataclass(frozen=True)
class SceneChanges:
    """What changed between a compared survey and the survey, within the filter."""

    earlier: Survey | None  # None: no comparison
    ceased: gpd.GeoDataFrame | None  # the compared survey's scenes (filtered) that are gone; None: no comparison
    codes: dict[str, str] = field(default_factory=dict)  # the survey's filtered scenes that are new: change code


def scene_changes(surveys: list[Survey], survey: Survey, compare_to: str | None, filt: SceneFilter,
                  scenes_of: ScenesOf) -> SceneChanges:
    """New and ceased scenes since the compared survey (`compared_survey`), both within `filt`. Merges and splits
    recorded in the surveys in between count too."""
    target = compared_survey(surveys, survey, compare_to)
    if target is None:
        return SceneChanges(None, None, {})
    before, now = scenes_of(target.id), scenes_of(survey.id)
    inside = [scenes_of(s.id) for s in surveys if target.order < s.order < survey.order]
    result = compare(before, now, pd.concat(inside) if inside else None)
    kept = set(filt.apply(now)["scene_id"])
    codes = {sid: code for sid, code in change_codes(result).items() if sid in kept}
    return SceneChanges(target, filt.apply(ceased_since(before, now)), codes)


@dataclass(frozen=True)
class CountLine:
    """The map's count line: "shown of total scenes in survey; new and ceased since earlier"."""

    survey: Survey
    shown: int
    total: int
    earlier: Survey | None  # the compared survey; None: no comparison, and `new` and `ceased` are None
    new: int | None
    ceased: int | None
    area_m2: float | None  # of the shown scenes; None: not measured

    def as_dict(self) -> dict[str, object]:
        """The figures as `scenes counts --json` writes them."""
        def named(s: Survey | None) -> dict[str, str] | None:
            return None if s is None else {"id": s.id, "name": s.name, "date": s.date.isoformat()}

        return {"survey": named(self.survey), "compared_with": named(self.earlier), "shown": self.shown,
                "total": self.total, "new": self.new, "ceased": self.ceased,
                "area_m2": None if self.area_m2 is None else round(self.area_m2, 1)}


def count_line(survey: Survey, frame: gpd.GeoDataFrame, filt: SceneFilter, changes: SceneChanges) -> CountLine:
    """The count line of `survey` (its scenes `frame`) under `filt`, with `changes` (from `scene_changes` with the
    same filter)."""
    shown = filt.apply(frame)
    compared = changes.earlier is not None and changes.ceased is not None
    return CountLine(survey=survey, shown=len(shown), total=len(frame),
                     earlier=changes.earlier if compared else None,
                     new=len(changes.codes) if compared else None,
                     ceased=len(changes.ceased) if compared and changes.ceased is not None else None,
                     area_m2=measured_area(shown))


def counts_for(surveys: list[Survey], survey_id: str | None, compare_to: str | None, filt: SceneFilter,
               scenes_of: ScenesOf) -> CountLine:
    """The count line of one survey (the latest when None) among `surveys` (the shown ones, oldest first)."""
    by_id = {s.id: s for s in surveys}
    if not surveys or (survey_id and survey_id not in by_id):
        raise NotFoundError(f"No shown survey with id {survey_id!r}. Shown surveys: {', '.join(by_id) or 'none'}.",
                            code="survey_unknown", id=survey_id or "")
    survey = by_id[survey_id] if survey_id else surveys[-1]
    return count_line(survey, scenes_of(survey.id), filt, scene_changes(surveys, survey, compare_to, filt, scenes_of))
