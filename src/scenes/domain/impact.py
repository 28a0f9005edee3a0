"""Impact over time: how harmful the scenes are rated, per survey, and whether the scenes that remain became less
harmful.

Every scene observation may carry an impact rating from 1 (low) to 5 (high) (`impact`, nullable). A scene without a
rating is *missing*: it is counted as missing, never as zero or low, and it takes no part in a mean, a distribution
share or a comparison.

Per survey (`SurveyImpact`): the scenes, how many are rated and how many are not, how many are rated *high* (at least
the setting `impact_high_min`, default 4: ratings 4 and 5), the distribution over 1..5 and the mean of the rated ones.

Between two consecutive surveys (`ImpactChange`), for every scene of the later survey that *continues* scenes of the
earlier one, whether it became less, equally or more harmful, or cannot be compared. A later scene continues:
- the earlier scene with its own id (the id is stable: the same place keeps it), and
- the earlier scenes it names as predecessors (a merge names several; each part of a split names the one scene it
  came from).
The rule for what it is compared with (`continued_rating`): the **highest** rating among the earlier scenes it
continues. A scene that persists or is one part of a split has exactly one of them, so it is compared with that
scene (every part of a split separately, so a split of one scene into two counts two comparisons). A merge is
compared with the worst of the scenes it merges: merging a 5 and a 2 into a 4 is less harmful, as the worst place
has improved, and a merge of two 3s into a 4 is more harmful. When the later scene or any of the earlier scenes it
continues has no rating, the pair *cannot be compared* (the highest of a set with an unknown member is unknown).
Scenes that are new (continue nothing) or ceased (nothing continues them) are not compared.

A scene's trend (`impact_trend`) follows the same rule back through every survey: in each earlier survey, the
scenes it continues (its own id, its predecessors, their predecessors …) and the highest of their ratings.
`scenes.domain.query.scene_history` says only whether the scene itself was present and notes its direct predecessors; it
neither follows a chain of merges and splits back nor carries ratings; the chain is followed by the one lineage walk,
`scenes.domain.lineage.Lineage.trace`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import geopandas as gpd
import pandas as pd

from scenes.domain.disclosure import Disclosure
from scenes.domain.lineage import Lineage, continues
from scenes.i18n import t
from scenes.model import Lang, Survey

__all__ = ["RATINGS", "Impact", "ImpactChange", "ImpactPoint", "SurveyImpact", "change_table", "continued_rating",
           "continues", "distribution_table", "high_range", "impact", "impact_change", "impact_table", "impact_trend",
           "ratings", "survey_impact"]

#: the ratings, low to high
RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class SurveyImpact:
    """The impact ratings of one survey. `distribution[i]` is the number of scenes rated `RATINGS[i]`."""

    survey: Survey
    scenes: int
    rated: int
    high: int
    distribution: tuple[int, ...]
    mean: float | None  # of the rated scenes only; None when none is rated

    @property
    def missing(self) -> int:
        """Scenes without a rating."""
        return self.scenes - self.rated


@dataclass(frozen=True)
class ImpactChange:
    """Between two consecutive surveys: the later scenes that continue earlier ones, by how their rating changed."""

    earlier: Survey
    later: Survey
    less: int
    equal: int
    more: int
    not_comparable: int

    @property
    def continuing(self) -> int:
        """Scenes of the later survey that continue scenes of the earlier one (persist, merge or split part)."""
        return self.less + self.equal + self.more + self.not_comparable


@dataclass(frozen=True)
class Impact:
    """Impact over time: per shown survey (oldest first) and per pair of consecutive surveys."""

    high_min: int
    surveys: list[SurveyImpact]
    changes: list[ImpactChange]

    @property
    def any_rated(self) -> bool:
        """Does any survey hold a rating at all (else there is nothing to show but an empty state)?"""
        return any(s.rated for s in self.surveys)

    @property
    def latest(self) -> SurveyImpact | None:
        return self.surveys[-1] if self.surveys else None


@dataclass(frozen=True)
class ImpactPoint:
    """One survey of a scene's trend: the scenes of that survey it continues, and their (highest) rating."""

    survey: Survey
    scene_ids: tuple[str, ...]  # empty: the scene (or any scene it continues) was not in this survey
    rating: int | None  # None: not there, or not rated

    @property
    def present(self) -> bool:
        return bool(self.scene_ids)


def ratings(frame: pd.DataFrame) -> dict[str, int | None]:
    """Scene id -> its rating (None when missing)."""
    values = pd.to_numeric(frame["impact"], errors="coerce").astype("Int64")
    return {str(sid): None if pd.isna(v) else int(v) for sid, v in zip(frame["scene_id"], values, strict=True)}


def survey_impact(surveys: Sequence[Survey], all_scenes: pd.DataFrame, high_min: int = 4) -> list[SurveyImpact]:
    """Impact statistics per survey, from one frame of all scene observations; `surveys` oldest first (the store's
    order, never re-sorted here)."""
    out = []
    for survey in surveys:
        values = pd.to_numeric(all_scenes.loc[all_scenes["survey_id"] == survey.id, "impact"],
                               errors="coerce").astype("Int64")
        rated = values.dropna()
        out.append(SurveyImpact(
            survey=survey, scenes=len(values), rated=len(rated), high=int((rated >= high_min).sum()),
            distribution=tuple(int((rated == r).sum()) for r in RATINGS),
            mean=float(rated.mean()) if len(rated) else None,
        ))
    return out


def continued_rating(scene_ids: Iterable[str], earlier: dict[str, int | None]) -> int | None:
    """The rating a scene is compared with: the highest among the earlier scenes it continues; None when any of
    them (or all) has no rating, or there are none."""
    values = [earlier.get(sid) for sid in scene_ids]
    if not values or any(v is None for v in values):
        return None
    return max(v for v in values if v is not None)


def impact_change(earlier_survey: Survey, later_survey: Survey, earlier: pd.DataFrame,
                  later: pd.DataFrame) -> ImpactChange:
    """How the scenes of `later` that continue scenes of `earlier` changed in rating (see the module's rule)."""
    before = ratings(earlier)
    after = ratings(later)
    counts = {"less": 0, "equal": 0, "more": 0, "not_comparable": 0}
    for sid, preds in zip(later["scene_id"], later["predecessors"], strict=True):
        continued = continues(str(sid), preds, set(before))
        if not continued:
            continue  # a new scene: nothing to compare with
        was, now = continued_rating(continued, before), after[str(sid)]
        key = ("not_comparable" if was is None or now is None
               else "less" if now < was else "more" if now > was else "equal")
        counts[key] += 1
    return ImpactChange(earlier=earlier_survey, later=later_survey, **counts)


def impact(surveys: Sequence[Survey], all_scenes: pd.DataFrame, high_min: int = 4) -> Impact:
    """Impact over time for the given (shown) surveys, oldest first as the store gives them: per survey, and for
    each pair of consecutive surveys."""
    frames = {s.id: all_scenes.loc[all_scenes["survey_id"] == s.id] for s in surveys}
    changes = [impact_change(a, b, frames[a.id], frames[b.id]) for a, b in pairwise(surveys)]
    return Impact(high_min=high_min, surveys=survey_impact(surveys, all_scenes, high_min), changes=changes)


def impact_trend(all_scenes: gpd.GeoDataFrame, surveys: Sequence[Survey], scene_id: str) -> list[ImpactPoint]:
    """A scene's impact across the surveys, oldest first: in each survey, the scenes it continues and the highest of
    their ratings (None when one is missing, as in a comparison), or nothing where it was not (yet) there."""
    points = []
    for survey, ids in Lineage(all_scenes).trace(surveys, scene_id):
        rated = ratings(all_scenes.loc[(all_scenes["survey_id"] == survey.id) & all_scenes["scene_id"].isin(ids)])
        points.append(ImpactPoint(survey=survey, scene_ids=ids, rating=continued_rating(ids, rated)))
    return points


# -- tables for people (pages, downloads, the report) ------------------------------------------------------------

def high_range(high_min: int) -> str:
    """The ratings that count as high, as written: "4–5", or "5" alone."""
    return str(high_min) if high_min >= RATINGS[-1] else f"{high_min}–{RATINGS[-1]}"


def impact_table(result: Impact, lang: Lang, *, disclosure: Disclosure) -> pd.DataFrame:
    """One row per survey, oldest first: scenes, rated, missing, high, the count of each rating and the mean of the
    rated scenes, headed in `lang`. Where no scene of a survey is rated, high, the distribution and the mean are
    missing (a dash), not 0. Counts below the reader's threshold read "fewer than N", and the mean goes with them.
    """
    high = t("impact.col.high", lang, range=high_range(result.high_min))
    rating_columns = [t("impact.col.rating", lang, rating=r) for r in RATINGS]
    counts = [t("col.scenes", lang), t("impact.col.rated", lang), t("impact.col.missing", lang), high,
              *rating_columns]
    mean = t("impact.col.mean", lang)
    rows = []
    for s in result.surveys:
        none = s.rated == 0
        rows.append({
            t("col.name", lang): s.survey.name, t("col.date", lang): pd.Timestamp(s.survey.date),
            counts[0]: s.scenes, counts[1]: s.rated, counts[2]: s.missing, high: None if none else s.high,
            **{c: None if none else n for c, n in zip(rating_columns, s.distribution, strict=True)},
            mean: None if s.mean is None else round(s.mean, 1),
        })
    table = pd.DataFrame(rows, columns=[t("col.name", lang), t("col.date", lang), *counts, mean])
    for column in counts:
        table[column] = table[column].astype("Int64")
    return disclosure.table(table, counts, [mean], lang)


def change_table(result: Impact, lang: Lang, *, disclosure: Disclosure) -> pd.DataFrame:
    """One row per pair of consecutive surveys: the continuing scenes and how many became less, equally or more
    harmful or cannot be compared, headed in `lang`, small counts as the reader may see them."""
    keys = ("continuing", "less", "equal", "more", "not_comparable")
    counts = [t(f"impact.col.{k}", lang) for k in keys]
    rows = [{t("impact.col.from", lang): c.earlier.name, t("impact.col.to", lang): c.later.name,
             **{name: getattr(c, key) for name, key in zip(counts, keys, strict=True)}} for c in result.changes]
    table = pd.DataFrame(rows, columns=[t("impact.col.from", lang), t("impact.col.to", lang), *counts])
    return disclosure.table(table, counts, (), lang)


def distribution_table(result: Impact, lang: Lang) -> pd.DataFrame:
    """The distribution chart's data: per survey and rating (1..5, then missing) the number of scenes, with
    `order` (1..6) for stacking and `survey`/`date` for the axis; a rating no scene has is no row."""
    rows = []
    for s in result.surveys:
        for order, (label, n) in enumerate(
                [*((str(r), c) for r, c in zip(RATINGS, s.distribution, strict=True)),
                 (t("impact.missing", lang), s.missing)], start=1):
            if n:
                rows.append({"survey": s.survey.name, "date": pd.Timestamp(s.survey.date), "rating": label,
                             "order": order, "scenes": n})
    return pd.DataFrame(rows, columns=["survey", "date", "rating", "order", "scenes"])
