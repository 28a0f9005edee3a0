"""Samordning as plain data: the chosen survey's filtered scenes with their measures, and the tables the page shows
at the reader's precision (`scenes.domain.coordination` computes each table; this decides which are computed).

Exact precision: the key figures (scenes, without a responsible actor, without an ongoing measure, measures), the
gaps, measures by kind and status, by organisation, and the municipality- and police-area-level measures.
Generalised precision: the counts of measures per municipality and kind only, protected under the disclosure;
nothing that names a scene or an organisation is computed at all.

The tables that depend on a choice made on the page (one organisation's measures, one scene's measures, history and
impact) are read where the choice is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from scenes.domain import coordination as tables
from scenes.domain.coordination import Coordination, CoordinationFilter, coordinate
from scenes.domain.disclosure import Disclosure
from scenes.model import Lang, Survey

if TYPE_CHECKING:
    import geopandas as gpd

    from scenes.domain.measures import Measure
    from scenes.reference import Reference

__all__ = ["CoordinationView", "ExactTables", "coordination_view"]


@dataclass(frozen=True)
class ExactTables:
    """What the page shows at exact precision."""

    scenes: int
    without_responsible: int
    without_ongoing: int
    measures: int
    gaps: pd.DataFrame  # scenes with no responsible actor or no ongoing measure (empty: none)
    kinds: pd.DataFrame  # measures by kind and status
    owners: pd.DataFrame  # measures by organisation (empty: no measure)
    actors: tuple[str, ...]  # the organisations owning a shown measure, by their label in the language
    areas: pd.DataFrame  # municipality- and police-area-level measures (empty: none)


@dataclass(frozen=True)
class CoordinationView:
    """The chosen survey's coordination as the reader may see it."""

    survey: Survey
    coordination: Coordination
    #: demo data is shown (the survey's or the measures'): the page says so
    demo: bool
    #: no measure is recorded at all (beside any survey)
    no_measures_at_all: bool
    #: the filter leaves no scene and no area measure: nothing below is shown
    empty: bool
    #: exact precision only (None for participants)
    exact: ExactTables | None
    #: generalised precision only: measures per municipality and kind, protected (None at exact precision)
    counts: pd.DataFrame | None


def coordination_view(survey: Survey, frame: gpd.GeoDataFrame, all_scenes: gpd.GeoDataFrame,
                      measures: Sequence[Measure], filt: CoordinationFilter, ref: Reference, *,
                      precision: Literal["exact", "generalised"], disclosure: Disclosure,
                      lang: Lang) -> CoordinationView:
    """Coordination of `survey` (its scene observations `frame`; `all_scenes`: every shown survey's, for measures
    of scenes that merged or split) with the shown `measures`, under `filt`, at the reader's `precision` and
    `disclosure`."""
    coord = coordinate(frame, all_scenes, measures, filt)
    empty = coord.scenes.empty and not coord.areas
    exact = counts = None
    if not empty and precision == "exact":
        shown = coord.measures
        actors = tuple(sorted({m.actor for m in shown}, key=lambda a: ref.actor_label(a, lang)))
        exact = ExactTables(len(coord.scenes), len(coord.without_responsible), len(coord.without_ongoing), len(shown),
                            tables.gap_table(ref, coord, lang), tables.kind_status_table(ref, shown, lang),
                            tables.actor_table(ref, shown, lang), actors, tables.area_table(ref, coord, lang))
    elif not empty:
        counts = tables.participant_counts(ref, coord, disclosure=disclosure, lang=lang)
    return CoordinationView(survey, coord, survey.demo or coord.demo, not measures, empty, exact, counts)
