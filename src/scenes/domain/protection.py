"""Which counts of one survey (or one filtered selection of it) a reader at generalised precision may not see.

`protection(ref, frame, disclosure)` lays out every count a participant's views publish for the scenes of
`frame`, and how they add up, and asks `Disclosure.protect` (the rule) which to hide:

- cells: the total (`COUNTY`), scenes per municipality, per local police area, per (municipality, police area)
  pair (the generalised table), per district and per category;
- relations: total = sum over municipalities = sum over police areas; a municipality = sum of its pairs; a police
  area = sum of its pairs; the districts, and the categories, add up to a total taken as known (so never exactly
  one of them is hidden, whatever else is published).

The total of a whole survey is public (the county level is never suppressed: a county-wide count points at no
place, and the key figures tie it to the comparison counts: total = persisting + new, previous = persisting +
ceased). The total of a filtered selection is a count like any other. Every area that could hold a scene is a
cell (zero included), so a hidden zero is listed like a hidden count; the areas of a filter are the only ones of
its selection (an area outside it is known to be zero).

Every participant view of these counts (breakdowns, changes, the generalised table and its file, the map's
classes, the generalised GeoJSON, the report) reads `Protected.hidden`, so a count hidden in one is hidden in all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from scenes.domain.disclosure import Disclosure, Relation, told
from scenes.domain.query import SceneFilter
from scenes.i18n import number, t
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["COUNTY", "DIMENSIONS", "Protected", "keyed", "protection"]

#: dimension name -> column of the scene frame
DIMENSIONS = {"category": "categories", "municipality": "kommun_kod", "police_area": "lokalpolisomrade",
              "district": "stadsdel"}
#: the cell of the total (the county, or a filtered selection)
COUNTY: Hashable = ("county",)
STOCKHOLM = "0180"  # the municipality divided into districts, whose police areas the coverage lists by district


def keyed(frame: pd.DataFrame, dimension: str, ref: Reference) -> pd.DataFrame:
    """One row per (scene, group key) for the dimension; districts mapped to the current scheme."""
    column = DIMENSIONS[dimension]
    out = frame[["survey_id", "scene_id", "area_m2", column]].copy()
    if dimension == "category":
        out = out.explode(column)
    if dimension == "district":
        out = out.dropna(subset=[column])
        out[column] = out[column].map(ref.current_district)
    return out.rename(columns={column: "key"}).dropna(subset=["key"])


@dataclass(frozen=True)
class Protected:
    """The published counts of one survey or selection (`counts`, keyed by cell) and the `withheld` ones."""

    counts: Mapping[Hashable, int]
    withheld: frozenset[Hashable]
    relations: tuple[Relation, ...] = ()
    public: frozenset[Hashable] = frozenset()

    def hidden(self, dimension: str, key: str) -> bool:
        """Is the count of this group (e.g. "municipality", "0180") withheld?"""
        return (dimension, key) in self.withheld

    def pair_hidden(self, municipality: str, police_area: str) -> bool:
        return ("pair", municipality, police_area) in self.withheld

    @property
    def total_hidden(self) -> bool:
        return COUNTY in self.withheld

    def total_text(self, lang: Lang) -> str:
        """The total as the reader may read it: the number, or "withheld"."""
        return t("disclosure.withheld", lang) if self.total_hidden else number(self.counts.get(COUNTY, 0), lang)

    def hidden_keys(self, dimension: str) -> list[str]:
        """Keys of the dimension whose count is withheld (zeros among them: a table lists them too)."""
        return sorted(str(c[1]) for c in self.withheld if c[0] == dimension)  # type: ignore[index]

    def hidden_pairs(self) -> list[tuple[str, str]]:
        return sorted((str(c[1]), str(c[2])) for c in self.withheld if c[0] == "pair")  # type: ignore[index]


def _police_areas(ref: Reference) -> set[str]:
    return {str(c) for c in ref.police_areas_on(dt.date.today())["lpo_code"]}


def _possible_pairs(ref: Reference) -> set[tuple[str, str]]:
    """(municipality, police area) pairs that geography allows (a scene could be there)."""
    cov = ref.coverage
    pairs = {(str(c), str(p)) for c, p, k in zip(cov["code"], cov["lpo_code"], cov["kind"], strict=True)
             if k == "kommun"}
    pairs |= {(STOCKHOLM, str(p)) for p, k in zip(cov["lpo_code"], cov["kind"], strict=True) if k == "stadsdel"}
    return pairs


def _within(keys: Iterable[str], chosen: tuple[str, ...]) -> set[str]:
    return set(chosen) & set(keys) if chosen else set(keys)


def protection(ref: Reference, frame: pd.DataFrame, disclosure: Disclosure, *,
               filt: SceneFilter | None = None, whole: Protected | None = None) -> Protected:
    """The counts of `frame` (one survey, `filt` applied when given) and which of them `disclosure` withholds.

    The areas are those of today's reference tables and those `frame` names (not the survey's date, which a
    frame does not carry: every view must find the same cells for the same scenes). `filt`: the selection
    `frame` was made with; its total is then an ordinary count, and only its areas are cells.

    `whole`: the protection of the survey `frame` was selected from. A selection by area only (municipalities,
    police areas) is made of the survey's own pairs: a pair keeps the whole survey's verdict, and so does a
    municipality when no police area is chosen (a police area when no municipality is). Its other counts (its
    total; a municipality's scenes within the chosen police areas) are new sums of the survey's pairs: each is
    withheld when it is small, or when, beside everything the survey shows, it would tell a withheld count.
    Selections by category or status make new counts, protected on their own.
    """
    filt = filt or SceneFilter()
    if not disclosure.active:
        return Protected({COUNTY: len(frame)}, frozenset())
    observed = {d: keyed(frame, d, ref).groupby("key").size() for d in DIMENSIONS}
    pairs_seen = frame.groupby(["kommun_kod", "lokalpolisomrade"]).size()

    municipalities = _within({str(c) for c in ref.municipalities["kommun_kod"]}, filt.municipalities)
    police_areas = _within(_police_areas(ref), filt.police_areas)
    stockholm = not filt.municipalities or STOCKHOLM in filt.municipalities  # the districts are Stockholm's
    districts = {ref.current_district(str(c)) for c in ref.districts["district_code"]} if stockholm else set()
    universe = {
        "municipality": municipalities | {str(k) for k in observed["municipality"].index},
        "police_area": police_areas | {str(k) for k in observed["police_area"].index},
        "category": _within({str(c) for c in ref.categories["code"]}, filt.categories)
        | {str(k) for k in observed["category"].index},
        "district": districts | {str(k) for k in observed["district"].index},
    }
    pairs = {(m, p) for m, p in _possible_pairs(ref) if m in universe["municipality"] and p in
             universe["police_area"]} | {(str(m), str(p)) for m, p in pairs_seen.index}

    counts: dict[Hashable, int] = {COUNTY: len(frame), ("district_total",): int(observed["district"].sum()),
                                   ("category_total",): int(observed["category"].sum())}
    for dimension, keys in universe.items():
        for key in keys:
            counts[(dimension, key)] = int(observed[dimension].get(key, 0))
    for m, p in pairs:
        counts[("pair", m, p)] = int(pairs_seen.get((m, p), 0))

    def cells(dimension: str) -> tuple[Hashable, ...]:
        return tuple((dimension, k) for k in sorted(universe[dimension]))

    relations = [
        Relation(COUNTY, cells("municipality")),
        Relation(COUNTY, cells("police_area")),
        Relation(("district_total",), cells("district")),
        Relation(("category_total",), cells("category")),
    ]
    for m in sorted(universe["municipality"]):
        if parts := tuple(("pair", m, p) for p in sorted(p for mm, p in pairs if mm == m)):
            relations.append(Relation(("municipality", m), parts))
    for p in sorted(universe["police_area"]):
        if parts := tuple(("pair", m, p) for m in sorted(m for m, pp in pairs if pp == p)):
            relations.append(Relation(("police_area", p), parts))
    public = {("district_total",), ("category_total",)} | (set() if not filt.is_empty else {COUNTY})
    withheld = disclosure.protect(counts, relations, frozenset(public))
    if whole is not None and not filt.is_empty and not (filt.categories or filt.statuses):
        withheld = _as_in_whole(disclosure, counts, pairs, filt, whole)
    return Protected(counts, withheld, tuple(relations), frozenset(public))


def _as_in_whole(disclosure: Disclosure, counts: Mapping[Hashable, int], pairs: set[tuple[str, str]],
                 filt: SceneFilter, whole: Protected) -> frozenset[Hashable]:
    """What an area selection withholds, decided against the whole survey's published counts (`protection`)."""
    out = {c for c in counts if c[0] == "pair" and c in whole.withheld}  # type: ignore[index]
    new: list[tuple[Hashable, Hashable, tuple[Hashable, ...]]] = []  # (selection cell, its name in the survey, sum)
    for dimension, chosen, key in (("municipality", filt.police_areas, 0), ("police_area", filt.municipalities, 1)):
        for cell in sorted((c for c in counts if c[0] == dimension), key=repr):  # type: ignore[index]
            if not chosen:  # the survey's own count
                if cell in whole.withheld:
                    out.add(cell)
                continue
            parts = tuple(("pair", m, p) for m, p in sorted(pairs) if (m, p)[key] == cell[1])  # type: ignore[index]
            new.append((cell, ("selection", *cell), parts))  # type: ignore[misc]
    new.append((COUNTY, ("selection", "total"), tuple(("pair", m, p) for m, p in sorted(pairs))))
    relations = [*whole.relations, *(Relation(name, parts) for _, name, parts in new)]
    hidden = set(whole.withheld)
    undecided = {name for _, name, _ in new}
    for cell, name, _ in new:
        undecided.discard(name)
        if disclosure.hidden(counts.get(cell, 0)):
            hidden.add(name)
            out.add(cell)
            continue
        before = told(hidden | undecided | {name}, relations)
        if (told(hidden | undecided, relations) & hidden) - before:  # knowing it tells a withheld count
            hidden.add(name)
            out.add(cell)
    return frozenset(out)
