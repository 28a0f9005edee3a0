"""Selecting and relating scene observations: filters, survey comparison, and a scene's history.

Comparison rules (between an earlier survey A and a later survey B):
- *persisting*: the scene id is in both;
- *new*: only in B; *ceased*: only in A;
- *merged*: a new scene in B with two or more predecessors from A;
- *split*: a scene of A named as predecessor by two or more new scenes of B.
Merged and split scenes are also counted as new/ceased, as the published figures do ("12 ceased, 11 new").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from scenes.domain.lineage import Lineage
from scenes.model import Survey

__all__ = ["Comparison", "HistoryEntry", "HistoryKind", "HistoryNote", "SceneFilter", "ceased_since", "change_codes",
           "changed_tags", "compare", "observations_between", "scene_at", "scene_history"]


@dataclass(frozen=True)
class SceneFilter:
    """What the user chose to see. Empty tuples mean "all"."""

    municipalities: tuple[str, ...] = ()
    police_areas: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    def apply(self, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        keep = pd.Series(True, index=frame.index)
        if self.municipalities:
            keep &= frame["kommun_kod"].isin(self.municipalities)
        if self.police_areas:
            keep &= frame["lokalpolisomrade"].isin(self.police_areas)
        if self.categories:
            wanted = set(self.categories)
            keep &= frame["categories"].map(lambda cats: bool(wanted & set(cats)))
        if self.statuses:
            keep &= frame["status"].isin(self.statuses)
        return frame.loc[keep]

    @property
    def is_empty(self) -> bool:
        return not (self.municipalities or self.police_areas or self.categories or self.statuses)


@dataclass(frozen=True)
class Comparison:
    """Scene ids sorted into what happened between two surveys."""

    new: list[str]
    ceased: list[str]
    persisting: list[str]
    merged: dict[str, list[str]]  # new scene id -> the earlier scenes it merges
    split: dict[str, list[str]]  # earlier scene id -> the new scenes it split into


def compare(earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame,
            between: gpd.GeoDataFrame | None = None) -> Comparison:
    """Sort scene ids into new/ceased/persisting/merged/split between two surveys.

    Predecessors are recorded "since the previous survey"; to compare surveys further apart, pass the
    observations of the surveys in between as `between`, so a merge recorded there is still seen.
    """
    a, b = set(earlier["scene_id"]), set(later["scene_id"])
    new = sorted(b - a)
    links = ["scene_id", "predecessors"]
    line = Lineage(later if between is None else pd.concat([later[links], between[links]], ignore_index=True))
    named = {sid: [p for p in line.predecessors(sid) if p in a] for sid in new}
    merged = {sid: sorted(p) for sid, p in named.items() if len(p) >= 2}
    children: dict[str, list[str]] = {}
    for sid in new:
        for p in named[sid]:
            children.setdefault(p, []).append(sid)
    split = {k: sorted(v) for k, v in children.items() if len(v) >= 2}
    return Comparison(new=new, ceased=sorted(a - b), persisting=sorted(a & b), merged=merged, split=split)


def change_codes(result: Comparison) -> dict[str, str]:
    """For each scene of the later survey that is not persisting: "new", "merged" (from two or more earlier
    scenes) or "split" (one of the parts of an earlier scene). Persisting scenes are left out."""
    codes = dict.fromkeys(result.new, "new")
    for children in result.split.values():
        codes.update(dict.fromkeys(children, "split"))
    codes.update(dict.fromkeys(result.merged, "merged"))
    return codes


#: How a scene relates to other scenes in one survey: it arose from one scene ("from") or merged several
#: ("merged"), or, absent itself, it was continued by others ("continued_as"). Catalogue: `history.<kind>`.
HistoryKind = Literal["from", "merged", "continued_as"]


@dataclass(frozen=True)
class HistoryNote:
    """A typed history note: what happened and the scene ids it names (for the UI to phrase)."""

    kind: HistoryKind
    ids: tuple[str, ...]


@dataclass(frozen=True)
class HistoryEntry:
    survey: Survey
    present: bool
    note: HistoryNote | None  # None: nothing to say beyond present or not


def scene_history(all_scenes: gpd.GeoDataFrame, surveys: list[Survey], scene_id: str) -> list[HistoryEntry]:
    """For each survey (given oldest first, the store's order): was the scene there, and did it arise from a merge
    or split, or was it continued by other scenes?"""
    related = all_scenes["scene_id"].eq(scene_id) | all_scenes["predecessors"].map(lambda p: scene_id in p)
    line = Lineage(all_scenes.loc[related, ["survey_id", "scene_id", "predecessors"]])
    entries = []
    for survey in surveys:
        present = bool(((all_scenes["survey_id"] == survey.id) & (all_scenes["scene_id"] == scene_id)).any())
        note: HistoryNote | None = None
        named = line.predecessors(scene_id, survey.id)
        if present and named:
            note = HistoryNote("merged" if len(named) > 1 else "from", named)
        successors = line.successors(scene_id, survey.id)
        if not present and successors:
            note = HistoryNote("continued_as", successors)
        entries.append(HistoryEntry(survey=survey, present=present, note=note))
    return entries


def scene_at(frame: gpd.GeoDataFrame, lat: float, lng: float, tolerance: float = 1e-5) -> str | None:
    """The scene whose marker is at (lat, lng), or whose polygon contains it; None if none."""
    if frame.empty:
        return None
    anchor = frame.geometry.representative_point()
    close = (anchor.y - lat).abs().lt(tolerance) & (anchor.x - lng).abs().lt(tolerance)
    if close.any():
        return str(frame.loc[close, "scene_id"].iloc[0])
    inside = frame.geometry.contains(Point(lng, lat))
    return str(frame.loc[inside, "scene_id"].iloc[0]) if inside.any() else None


def observations_between(all_scenes: gpd.GeoDataFrame, surveys: list[Survey], earlier_id: str,
                         later_id: str) -> gpd.GeoDataFrame:
    """Observations of the surveys dated after `earlier_id` and before `later_id` (for `compare`)."""
    dates = {s.id: s.date for s in surveys}
    inside = [s.id for s in surveys if dates[earlier_id] < s.date < dates[later_id]]
    return all_scenes[all_scenes["survey_id"].isin(inside)]


def ceased_since(earlier: gpd.GeoDataFrame, current: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Scenes of the earlier survey whose id is absent from the current one."""
    return earlier.loc[~earlier["scene_id"].isin(set(current["scene_id"]))]


_TAGS = ("kommun", "lokalpolisomrade", "stadsdel", "categories", "status")


def changed_tags(earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame) -> pd.DataFrame:
    """For scenes in both surveys: each tag whose value changed (field, before, after)."""
    a = earlier.set_index("scene_id")
    b = later.set_index("scene_id")
    rows = []
    for sid in sorted(set(a.index) & set(b.index)):
        for tag in _TAGS:
            before, after = a.at[sid, tag], b.at[sid, tag]
            if tag == "categories":
                before, after = ";".join(sorted(before)), ";".join(sorted(after))
            if (before or None) != (after or None):
                rows.append({"scene_id": sid, "name": b.at[sid, "name"], "field": tag, "before": before or "",
                             "after": after or ""})
    return pd.DataFrame(rows, columns=["scene_id", "name", "field", "before", "after"])
