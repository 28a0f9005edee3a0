"""The coordination view: who is doing what at which scene, and where no one is.

Everything here is computed for one survey (the chosen one, by default the latest) and the measures shown beside it
(`Dashboard.measures`: the demo's fictitious ones while demo surveys are shown, otherwise the real ones):

- **Scene measures** reach a scene of the survey through its lineage (`scenes.domain.measures.measures_by_scene`): a
  merged scene carries the measures of every scene it merged, each part of a split those of the scene it split
  from. A measure that reaches two scenes (a split) is one measure in every count by kind, status or actor.
- **Gaps**: a scene with *no responsible actor* has no planned, ongoing or paused measure in its lineage
  (`RESPONSIBLE_STATUSES`); a scene with *no ongoing measure* has none that is ongoing. The kind and actor filters
  apply to gaps ("no ongoing social outreach"), the status filter does not (gaps are defined by status).
- **Area measures** (a municipality's or a local police area's) are listed apart. A geographic filter keeps those
  of the areas it names: a municipality filter the named municipalities' measures, a police-area filter the named
  police areas'; with no geographic filter all are kept. Categories belong to scenes only.
- **Participants** (generalised precision) get counts only: measures per municipality and kind (a scene measure
  counted in its scene's municipality, a municipality measure in its own) and police-area measures in rows of
  their own, with each row's total and the county's totals per kind (`count_grid`). Small counts are protected by
  the one rule (`Disclosure.protect`): a count from 1 to one below the threshold reads "withheld", and so does any
  count that would let one be worked out from the totals shown. No scene id, name, note or actor reaches them.

Tables come out with column names and labels in the reader's language; the page shows them as data (escaped).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from scenes.domain.disclosure import Disclosure, Relation
from scenes.domain.measures import MEASURE_STATUSES, Measure, measures_by_scene, status_label, status_order
from scenes.domain.query import SceneFilter
from scenes.i18n import t
from scenes.model import Lang, Survey
from scenes.reference import Reference

__all__ = ["Coordination", "CoordinationFilter", "actor_table", "area_table", "coordinate", "count_grid",
           "gap_table", "impact_series", "kind_status_table", "measure_table", "ongoing_scene_ids",
           "participant_counts", "scene_measure_table"]


@dataclass(frozen=True)
class CoordinationFilter:
    """What the reader chose to see; empty tuples mean "all". `statuses` are measure statuses."""

    municipalities: tuple[str, ...] = ()
    police_areas: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    @property
    def scenes(self) -> SceneFilter:
        """The part that selects scenes (as on the map, without the scene status)."""
        return SceneFilter(municipalities=self.municipalities, police_areas=self.police_areas,
                           categories=self.categories)

    def keeps(self, m: Measure, *, status: bool = True) -> bool:
        """Does the measure pass the kind and actor filters (and, when `status`, the status filter)?"""
        return ((not self.kinds or m.kind in self.kinds) and (not self.actors or m.actor in self.actors)
                and (not status or not self.statuses or m.status in self.statuses))

    def keeps_area(self, m: Measure) -> bool:
        """Does an area measure pass the geographic filter (see the module docstring)?"""
        if not (self.municipalities or self.police_areas):
            return True
        if m.kommun_kod:
            return m.kommun_kod in self.municipalities
        return bool(m.lokalpolisomrade) and m.lokalpolisomrade in self.police_areas


@dataclass(frozen=True)
class Coordination:
    """One survey's filtered scenes and the measures shown beside them."""

    scenes: gpd.GeoDataFrame  # the survey's scenes left by the filter, in scene-id order
    by_scene: Mapping[str, list[Measure]]  # scene id -> its measures (every filter applied)
    any_status: Mapping[str, list[Measure]]  # scene id -> its measures (kind and actor filters only): for gaps
    areas: list[Measure]  # municipality and police-area measures, filtered

    @property
    def scene_measures(self) -> list[Measure]:
        """Every measure reaching one of the scenes, once each."""
        seen: dict[str, Measure] = {}
        for found in self.by_scene.values():
            for m in found:
                seen.setdefault(m.measure_id, m)
        return sorted(seen.values(), key=lambda m: m.measure_id)

    @property
    def measures(self) -> list[Measure]:
        """Every shown measure once: the scenes' and the areas'."""
        return [*self.scene_measures, *self.areas]

    @property
    def demo(self) -> bool:
        return any(m.demo for m in self.measures)

    def place_names(self) -> dict[str, str]:
        """Scene id a measure was entered for -> the name(s) of the survey's scenes it reaches now (a measure of a
        scene that later merged or split is shown at the scene it belongs to today)."""
        names = dict(zip(self.scenes["scene_id"].astype(str), self.scenes["name"], strict=True))
        found: dict[str, set[str]] = {}
        for sid, measures in self.any_status.items():
            for m in measures:
                found.setdefault(str(m.scene_id), set()).add(str(names[sid]))
        return {k: ", ".join(sorted(v)) for k, v in found.items()}

    @property
    def without_responsible(self) -> list[str]:
        """Scene ids with no planned, ongoing or paused measure."""
        return [s for s, found in self.any_status.items() if not any(m.responsible for m in found)]

    @property
    def without_ongoing(self) -> list[str]:
        """Scene ids with no ongoing measure."""
        return [s for s, found in self.any_status.items() if not any(m.ongoing for m in found)]


def coordinate(frame: gpd.GeoDataFrame, all_scenes: gpd.GeoDataFrame, measures: Iterable[Measure],
               filt: CoordinationFilter = CoordinationFilter()) -> Coordination:
    """The survey's scenes (`frame`) under `filt`, with the measures that reach them through their lineage (over
    `all_scenes`, every observation of the shown surveys) and the area measures."""
    items = [m for m in measures if not m.removed]
    scenes = filt.scenes.apply(frame).sort_values("scene_id", kind="stable")
    ids = [str(s) for s in scenes["scene_id"]]
    lines = pd.concat([all_scenes[["scene_id", "predecessors"]], frame[["scene_id", "predecessors"]]])
    reached = measures_by_scene(ids, lines, [m for m in items if m.scene_id and filt.keeps(m, status=False)])
    by_scene = {s: [m for m in found if filt.keeps(m)] for s, found in reached.items()}
    areas = [m for m in items if not m.scene_id and filt.keeps(m) and filt.keeps_area(m)]
    areas.sort(key=lambda m: (m.target[0] != "kommun", m.target[1], status_order(m), m.measure_id))
    return Coordination(scenes=scenes, by_scene=by_scene, any_status=reached, areas=areas)


def ongoing_scene_ids(frame: gpd.GeoDataFrame, all_scenes: gpd.GeoDataFrame, measures: Iterable[Measure]
                      ) -> frozenset[str]:
    """The scenes of `frame` with an ongoing measure in their lineage (what the map's measure option marks)."""
    lines = pd.concat([all_scenes[["scene_id", "predecessors"]], frame[["scene_id", "predecessors"]]])
    ongoing = [m for m in measures if m.ongoing and not m.removed]
    found = measures_by_scene([str(s) for s in frame["scene_id"]], lines, ongoing)
    return frozenset(s for s, ms in found.items() if ms)


# -- tables ------------------------------------------------------------------------------------------------------
def gap_table(ref: Reference, coord: Coordination, lang: Lang) -> pd.DataFrame:
    """The scenes without an ongoing measure (those without any responsible actor first), with their place and how
    many measures (of any status) they have."""
    none_responsible = set(coord.without_responsible)
    rows = []
    for row in coord.scenes.to_dict("records"):
        sid = str(row["scene_id"])
        found = coord.any_status.get(sid, [])
        if any(m.ongoing for m in found):
            continue
        rows.append({
            t("col.scene_id", lang): sid, t("col.name", lang): row["name"],
            t("col.municipality", lang): row["kommun"],
            t("col.police_area", lang): ref.police_area_name(str(row["lokalpolisomrade"])),
            t("coord.col.no_responsible", lang): sid in none_responsible,
            t("coord.col.measures", lang): len(found),
        })
    columns = [t(k, lang) for k in ("col.scene_id", "col.name", "col.municipality", "col.police_area",
                                    "coord.col.no_responsible", "coord.col.measures")]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(columns[4], ascending=False, kind="stable").reset_index(drop=True)


def _crosstab(labels: Sequence[tuple[str, str]], measures: Sequence[Measure], key: str, head: str, lang: Lang,
              drop_empty: bool) -> pd.DataFrame:
    counts = {code: dict.fromkeys(MEASURE_STATUSES, 0) for code, _ in labels}
    for m in measures:
        code = getattr(m, key)
        if code not in counts:  # a code the reference no longer names: still counted, under its code
            counts[code] = dict.fromkeys(MEASURE_STATUSES, 0)
        if m.status in MEASURE_STATUSES:
            counts[code][m.status] += 1
    names = dict(labels)
    rows = [{head: names.get(code, code), **{status_label(s, lang): n for s, n in by.items()},
             t("coord.col.total", lang): sum(by.values())} for code, by in counts.items()]
    table = pd.DataFrame(rows, columns=[head, *(status_label(s, lang) for s in MEASURE_STATUSES),
                                        t("coord.col.total", lang)])
    if drop_empty:
        table = table[table[t("coord.col.total", lang)] > 0]
    return table.reset_index(drop=True)


def kind_status_table(ref: Reference, measures: Sequence[Measure], lang: Lang) -> pd.DataFrame:
    """Measures by kind (rows: every kind of the reference table) and status (columns), with totals."""
    labels = [(str(c), ref.measure_kind_label(str(c), lang)) for c in ref.measure_kinds["code"]]
    return _crosstab(labels, measures, "kind", t("col.kind", lang), lang, drop_empty=False)


def actor_table(ref: Reference, measures: Sequence[Measure], lang: Lang) -> pd.DataFrame:
    """Per organisation with any shown measure: how many it owns, by status."""
    labels = [(str(c), ref.actor_label(str(c), lang)) for c in ref.actors["code"]]
    return _crosstab(labels, measures, "actor", t("coord.col.actor", lang), lang, drop_empty=True)


def _target(ref: Reference, m: Measure, names: Mapping[str, str], lang: Lang) -> tuple[str, str]:
    """(level, the place's name) of what a measure belongs to."""
    level, code = m.target
    if level == "scene":
        return t("coord.level.scene", lang), names.get(code, code)
    if level == "kommun":
        return t("coord.level.kommun", lang), ref.municipality_name(code)
    return t("coord.level.lpo", lang), ref.police_area_name(code)


def measure_table(ref: Reference, measures: Sequence[Measure], names: Mapping[str, str], lang: Lang,
                  *, target: bool = True, actor: bool = True) -> pd.DataFrame:
    """Measures as rows: what each belongs to (`names`: scene id -> name), kind, actor, status, dates, note; a
    demo column when any is demo data."""
    rows = []
    for m in measures:
        row: dict[str, object] = {}
        if target:
            level, place = _target(ref, m, names, lang)
            row |= {t("coord.col.level", lang): level, t("coord.col.place", lang): place}
        row[t("col.kind", lang)] = ref.measure_kind_label(m.kind, lang)
        if actor:
            row[t("coord.col.actor", lang)] = ref.actor_label(m.actor, lang)
        row |= {t("col.status", lang): status_label(m.status, lang), t("coord.col.start", lang): m.start_date,
                t("coord.col.end", lang): m.end_date, t("col.note", lang): m.note,
                t("coord.col.measure_id", lang): m.measure_id}
        if any(x.demo for x in measures):
            row[t("col.demo", lang)] = m.demo
        rows.append(row)
    return pd.DataFrame(rows)


def area_table(ref: Reference, coord: Coordination, lang: Lang) -> pd.DataFrame:
    """The municipality- and police-area-level measures, municipalities first."""
    return measure_table(ref, coord.areas, {}, lang)


def scene_measure_table(ref: Reference, coord: Coordination, scene_id: str, lang: Lang) -> pd.DataFrame:
    """One scene's measures, each with the scene it was entered for (itself, or one it continues)."""
    table = measure_table(ref, coord.by_scene.get(scene_id, []), {}, lang, target=False)
    if len(table):
        table.insert(0, t("coord.col.entered_for", lang), [m.scene_id for m in coord.by_scene[scene_id]])
    return table


def impact_series(all_scenes: gpd.GeoDataFrame, surveys: Sequence[Survey], scene_id: str, lang: Lang
                  ) -> pd.DataFrame:
    """The scene's impact survey by survey along its lineage (`impact.impact_trend`): in each survey the scenes it
    continues there, their ratings, and the rating the impact comparison uses (the highest of them; missing when one
    is missing). Missing ratings stay missing, never 0."""
    from scenes.domain.impact import impact_trend

    rows = []
    for point in impact_trend(all_scenes, surveys, scene_id):
        here = all_scenes[(all_scenes["survey_id"] == point.survey.id) & all_scenes["scene_id"].isin(point.scene_ids)]
        rated = pd.to_numeric(here["impact"], errors="coerce").dropna()
        rows.append({
            t("col.survey", lang): point.survey.name, t("col.date", lang): point.survey.date,
            t("coord.col.observed_as", lang): ", ".join(point.scene_ids),
            t("coord.col.ratings", lang): ", ".join(str(int(v)) for v in rated),
            t("coord.col.trend_rating", lang): point.rating,
        })
    table = pd.DataFrame(rows)
    if len(table):
        table[t("coord.col.trend_rating", lang)] = table[t("coord.col.trend_rating", lang)].astype("Int64")
    return table


def participant_counts(ref: Reference, coord: Coordination, *, disclosure: Disclosure,
                       lang: Lang) -> pd.DataFrame:
    """Measures per municipality and kind, police-area measures in rows of their own: counts only, with a total per
    row and a county row of totals per kind, protected as `count_grid` says. Rows with no measure are left out."""
    municipality = dict(zip(coord.scenes["scene_id"].astype(str), coord.scenes["kommun_kod"], strict=True))
    # a split's parts in two municipalities: the measure counts in each, but once per municipality
    placed = {(m.measure_id, "kommun", str(municipality[sid]), m.kind)
              for sid, found in coord.by_scene.items() for m in found}
    placed |= {(m.measure_id, *m.target, m.kind) for m in coord.areas}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for _mid, level, code, kind in placed:
        by = counts.setdefault((level, code), {})
        by[kind] = by.get(kind, 0) + 1
    kinds = [str(c) for c in ref.measure_kinds["code"]]
    kinds += sorted({k for by in counts.values() for k in by} - set(kinds))
    order = {str(c): i for i, c in enumerate(ref.municipalities["kommun_kod"])}
    rows = []
    for (level, code), by in sorted(counts.items(), key=lambda kv: (kv[0][0] != "kommun",
                                                                       order.get(kv[0][1], 999), kv[0][1])):
        place = ref.municipality_name(code) if level == "kommun" else ref.police_area_name(code)
        rows.append((t(f"coord.level.{level}", lang), place, [by.get(k, 0) for k in kinds]))
    return count_grid(rows, [ref.measure_kind_label(k, lang) for k in kinds], disclosure, lang)


def count_grid(rows: Sequence[tuple[str, str, Sequence[int]]], kinds: Sequence[str],
               disclosure: Disclosure, lang: Lang) -> pd.DataFrame:
    """The participants' table of measures: one row per (level, place) with its count of each of `kinds` and their
    total, then the county row (the totals of each kind over the rows, and the grand total).

    Under an active `disclosure` the rule of `Disclosure.protect` holds, with no count public (the county row
    included: measures have no published county figures): a count from 1 to threshold − 1, and every further
    count needed so that no withheld one can be worked out from a row's total, a column's total or the grand total
    (alone or combined), reads "withheld". Nothing hidden: the counts stay integers.
    """
    level, place, total = t("coord.col.level", lang), t("coord.col.place", lang), t("coord.col.total", lang)
    columns = [level, place, *kinds, total]
    width = len(kinds)
    counts: dict[Hashable, int] = {}
    relations = []
    for i, (_, _, values) in enumerate(rows):
        counts |= {("cell", i, j): int(n) for j, n in enumerate(values)}
        counts[("row", i)] = sum(int(n) for n in values)
        relations.append(Relation(("row", i), tuple(("cell", i, j) for j in range(width))))
    for j in range(width):
        counts[("column", j)] = sum(int(values[j]) for _, _, values in rows)
        relations.append(Relation(("column", j), tuple(("cell", i, j) for i in range(len(rows)))))
    counts[("all",)] = sum(counts[("row", i)] for i in range(len(rows)))
    relations.append(Relation(("all",), tuple(("row", i) for i in range(len(rows)))))
    relations.append(Relation(("all",), tuple(("column", j) for j in range(width))))
    # Nothing is public here: unlike the scenes' county figures, no count of measures is published elsewhere, and a
    # county total that shows would undo the suppression of the one place holding that kind of measure.
    hidden = disclosure.protect(counts, relations, set())

    grid = [[lv, pl, *(counts[("cell", i, j)] for j in range(width)), counts[("row", i)]]
            for i, (lv, pl, _) in enumerate(rows)]
    marks = [[("cell", i, j) in hidden for j in range(width)] + [("row", i) in hidden] for i in range(len(rows))]
    if rows:
        grid.append([t("coord.level.county", lang), total, *(counts[("column", j)] for j in range(width)),
                     counts[("all",)]])
        marks.append([("column", j) in hidden for j in range(width)] + [("all",) in hidden])
    table = pd.DataFrame(grid, columns=columns)
    for name in columns[2:]:
        table[name] = table[name].astype(int)
    masks = {name: pd.Series([m[k] for m in marks], index=table.index, dtype=bool)
             for k, name in enumerate(columns[2:])}
    return disclosure.withhold(table, masks, (), lang)

