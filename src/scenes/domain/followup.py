"""A follow-up survey in the making (uppföljning): a *draft* holding every scene of the survey it follows, revisited
one by one, reshaped, split, merged or newly drawn, until it is published as the next survey with its lineage.

The rules live here, free of storage and of any page: each operation takes the draft as it is and returns the scenes
it changes, as new values (`DraftScene` is immutable). The store saves them as the next version of each scene
(`scenes.store.followups`), refusing a save made on top of a version someone else saved meanwhile.

A scene's *visit* says where it stands:

- ``unvisited``: from the survey followed, not yet revisited (publishing is refused while any is left);
- ``active``: revisited, still there as it was (tags, impact and note may be updated);
- ``changed``: revisited, still there, its place or boundary redrawn;
- ``ceased``: revisited, gone (worked away): left out of the published survey, so `compare` counts it ceased;
- ``replaced``: continued by the scenes a split or merge made; left out as well;
- ``new``: drawn in this draft (a new scene, a part of a split, the result of a merge), with a fresh id;
- ``removed``: a scene drawn in this draft and then merged, split or deleted again; it was never published, so it
  leaves no trace in the result.

Lineage is recorded as the operations happen, never guessed afterwards: a new scene's ``predecessors`` are the
scenes *of the survey followed* it continues. A part of a split names the scene split; the result of a merge names
every scene merged; a scene drawn here and then split or merged passes on what it continued itself. Ids are stable,
so a scene that stays keeps its id and names no predecessor. `scenes.domain.query.compare` of the survey followed
and the published result then finds exactly the new, ceased, merged and split scenes the analyst made (a property
test checks it against an independent account of the operations).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from scenes.errors import Problem, ScenesError
from scenes.geo import WGS84
from scenes.io.formats import normalise_scene_frame

__all__ = [
    "DONE",
    "IN_RESULT",
    "VISITS",
    "Draft",
    "DraftScene",
    "Followup",
    "FollowupState",
    "Visit",
    "Worklist",
    "add",
    "apply",
    "draft_from_survey",
    "merge",
    "new_scene_id",
    "progress",
    "publish_problems",
    "remove",
    "reshape",
    "result_frame",
    "revisit",
    "split",
]

Visit = Literal["unvisited", "active", "changed", "ceased", "replaced", "new", "removed"]
VISITS: tuple[Visit, ...] = get_args(Visit)
#: the visits whose scenes the published survey holds
IN_RESULT: frozenset[Visit] = frozenset({"unvisited", "active", "changed", "new"})
#: the visits of a scene of the survey followed that count as revisited
DONE: frozenset[Visit] = frozenset({"active", "changed", "ceased", "replaced"})
_FROM_BASE: frozenset[Visit] = frozenset({"unvisited", "active", "changed", "ceased", "replaced"})
#: what an analyst may say of a scene of the survey followed on its form
_MARKS: frozenset[Visit] = frozenset({"active", "changed", "ceased"})

FollowupState = Literal["open", "published", "discarded"]


@dataclass(frozen=True)
class Followup:
    """A follow-up's record: which survey it follows, its state, and how many edits it has had (`edits`: a publish
    names the count it reviewed, so a draft changed after its review is not published unseen)."""

    followup_id: str
    base_survey_id: str
    name: str
    state: FollowupState
    demo: bool
    created_at: dt.datetime
    created_by: str
    edits: int = 0
    published_survey_id: str | None = None


@dataclass(frozen=True)
class DraftScene:
    """One scene of a draft, as of its newest version. `version` is the stored version this value was read at (0:
    not stored yet); a save on top of another version is refused."""

    scene_id: str
    name: str
    kommun_kod: str
    kommun: str
    lokalpolisomrade: str
    geometry: BaseGeometry
    visit: Visit
    categories: tuple[str, ...] = ()
    stadsdel: str | None = None
    status: str | None = None
    impact: int | None = None
    notes: str = ""
    predecessors: tuple[str, ...] = ()
    version: int = 0
    updated_by: str = ""
    updated_at: dt.datetime | None = None

    @property
    def from_base(self) -> bool:
        """Whether the scene comes from the survey followed (else it was drawn in this draft)."""
        return self.visit in _FROM_BASE

    @property
    def in_result(self) -> bool:
        return self.visit in IN_RESULT

    def origin(self) -> tuple[str, ...]:
        """The scenes of the survey followed that this scene continues: itself, or what a drawn scene continues."""
        return (self.scene_id,) if self.from_base else self.predecessors


@dataclass(frozen=True)
class Draft:
    """A follow-up's scenes by id (the survey followed's order first, drawn ones after)."""

    followup: Followup
    scenes: Mapping[str, DraftScene] = field(default_factory=dict)

    def scene(self, scene_id: str) -> DraftScene:
        found = self.scenes.get(scene_id)
        if found is None:
            raise ScenesError(f"The follow-up {self.followup.followup_id!r} has no scene {scene_id!r}.",
                              code="followup_no_scene", id=scene_id)
        return found


def draft_from_survey(followup: Followup, frame: gpd.GeoDataFrame) -> Draft:
    """A new draft of `frame` (the survey followed): every scene unvisited, with its tags, impact, note and
    geometry; no predecessors (a scene that stays continues itself by its id)."""
    frame = normalise_scene_frame(frame)
    scenes: dict[str, DraftScene] = {}
    for row in frame.itertuples(index=False):
        impact = row.impact
        scenes[str(row.scene_id)] = DraftScene(
            scene_id=str(row.scene_id), name=str(row.name), kommun_kod=str(row.kommun_kod), kommun=str(row.kommun),
            lokalpolisomrade=str(row.lokalpolisomrade), stadsdel=row.stadsdel or None,
            geometry=row.geometry, visit="unvisited", categories=tuple(row.categories), status=row.status or None,
            impact=None if pd.isna(impact) else int(impact),
            notes=str(row.notes or ""))
    return Draft(followup, scenes)


# -- operations: each returns the scenes it changes (the store saves them as their next versions) ---------------

def _open(draft: Draft) -> None:
    if draft.followup.state != "open":
        raise ScenesError(f"The follow-up {draft.followup.followup_id!r} is {draft.followup.state}; it is no longer "
                          "edited.", code="followup_closed", id=draft.followup.followup_id)


def _live(draft: Draft, scene_id: str) -> DraftScene:
    """A scene that may still be edited: in the result or unvisited (not ceased, replaced or removed)."""
    _open(draft)
    scene = draft.scene(scene_id)
    if not scene.in_result:
        raise ScenesError(f"The scene {scene_id!r} is {scene.visit} in this follow-up and can no longer be changed; "
                          "reopen it from its form first.", code="followup_scene_gone", id=scene_id,
                          visit=scene.visit)
    return scene


def _geometry(geometry: BaseGeometry, what: str) -> BaseGeometry:
    if geometry is None or geometry.is_empty:
        raise ScenesError(f"{what}: the drawn shape is empty; draw it again.", code="followup_empty_shape")
    if geometry.geom_type not in ("Point", "Polygon", "MultiPolygon"):
        raise ScenesError(f"{what}: a scene is a point or an area, not a {geometry.geom_type}.",
                          code="followup_shape_kind", kind=geometry.geom_type)
    return geometry


def revisit(draft: Draft, scene_id: str, visit: Visit, *, impact: int | None = None, notes: str | None = None,
            status: str | None = None, categories: Sequence[str] | None = None,
            name: str | None = None) -> list[DraftScene]:
    """The analyst's form for one scene: still active, changed or ceased (scenes of the survey followed), and
    the impact rating, note, status, categories and name (any scene still in the draft's result). A ceased scene
    may be marked active again (it was marked by mistake). A drawn scene keeps its visit ("new")."""
    _open(draft)
    scene = draft.scene(scene_id)
    if scene.visit in ("replaced", "removed"):
        raise ScenesError(f"The scene {scene_id!r} was continued by a split or merge in this follow-up; edit the "
                          "scenes that continue it instead.", code="followup_scene_gone", id=scene_id,
                          visit=scene.visit)
    if scene.from_base and visit not in _MARKS:
        raise ScenesError(f"A scene of the survey followed is marked active, changed or ceased, not {visit!r}.",
                          code="followup_bad_visit", visit=visit)
    if impact is not None and not 1 <= int(impact) <= 5:
        raise ScenesError(f"The impact rating is 1 (low) to 5 (high), not {impact}.", code="followup_impact",
                          value=impact)
    return [replace(scene, visit=visit if scene.from_base else scene.visit,
                    impact=scene.impact if impact is None else int(impact),
                    notes=scene.notes if notes is None else notes,
                    status=scene.status if status is None else (status or None),
                    categories=scene.categories if categories is None else tuple(categories),
                    name=scene.name if name is None else name)]


def reshape(draft: Draft, scene_id: str, geometry: BaseGeometry) -> list[DraftScene]:
    """A scene's place or boundary redrawn (a point made an area, too): a scene of the survey followed is then
    "changed"; a drawn scene stays "new"."""
    scene = _live(draft, scene_id)
    geometry = _geometry(geometry, scene_id)
    return [replace(scene, geometry=geometry, visit="changed" if scene.from_base else scene.visit)]


def new_scene_id(draft: Draft, taken: Iterable[str], count: int = 1) -> list[str]:
    """`count` fresh ids for scenes drawn in this draft: "<follow-up id>-N<n>", never an id of this draft nor one in
    `taken` (every id the store has seen: a reused id would say the new scene continues an old one)."""
    used = set(draft.scenes) | set(taken)
    stem = draft.followup.followup_id[:56]
    ids: list[str] = []
    n = 1
    while len(ids) < count:
        candidate = f"{stem}-N{n}"
        if candidate not in used:
            ids.append(candidate)
            used.add(candidate)
        n += 1
    return ids


def add(draft: Draft, scene_id: str, geometry: BaseGeometry, *, name: str, kommun_kod: str, kommun: str,
        lokalpolisomrade: str, categories: Sequence[str], stadsdel: str | None = None, status: str | None = None,
        impact: int | None = None, notes: str = "") -> list[DraftScene]:
    """A new scene drawn on the map (its id from `new_scene_id`)."""
    _open(draft)
    if scene_id in draft.scenes:
        raise ScenesError(f"The follow-up already has a scene {scene_id!r}.", code="followup_scene_exists",
                          id=scene_id)
    return [DraftScene(scene_id=scene_id, name=name, kommun_kod=kommun_kod, kommun=kommun,
                       lokalpolisomrade=lokalpolisomrade, stadsdel=stadsdel, geometry=_geometry(geometry, name),
                       visit="new", categories=tuple(categories), status=status, impact=impact, notes=notes)]


def remove(draft: Draft, scene_id: str) -> list[DraftScene]:
    """Delete a scene drawn in this draft (a scene of the survey followed is marked ceased instead). A scene of the
    survey followed that it alone continued (the scenes of a merge deleted again, the last part of a split) is
    unvisited again: nothing continues it any more, so it is the analyst's to revisit."""
    scene = _live(draft, scene_id)
    if scene.from_base:
        raise ScenesError(f"The scene {scene_id!r} is in the survey followed: mark it ceased instead of deleting it.",
                          code="followup_mark_ceased", id=scene_id)
    others = {p for s in draft.scenes.values() if s.in_result and s.scene_id != scene_id for p in s.predecessors}
    freed = [replace(draft.scenes[p], visit="unvisited") for p in scene.predecessors
             if p not in others and p in draft.scenes and draft.scenes[p].visit == "replaced"]
    return [replace(scene, visit="removed"), *freed]


def _gone(scene: DraftScene) -> DraftScene:
    """A scene continued by others: "replaced" if it is from the survey followed, else "removed"."""
    return replace(scene, visit="replaced" if scene.from_base else "removed")


def split(draft: Draft, scene_id: str, parts: Sequence[BaseGeometry], new_ids: Sequence[str]) -> list[DraftScene]:
    """One scene split into two or more (`parts`, ids `new_ids` from `new_scene_id`): each part is a new scene
    with the scene's tags and what it continues; the scene itself is continued by them."""
    scene = _live(draft, scene_id)
    if len(parts) < 2 or len(parts) != len(new_ids):
        raise ScenesError(f"A split makes two or more scenes of {scene_id!r}; {len(parts)} parts were drawn.",
                          code="followup_split_parts", count=len(parts))
    made = [replace(scene, scene_id=sid, name=f"{scene.name} ({i})", geometry=_geometry(part, sid), visit="new",
                    predecessors=scene.origin(), version=0, updated_by="", updated_at=None)
            for i, (sid, part) in enumerate(zip(new_ids, parts, strict=True), start=1)]
    clash = [s.scene_id for s in made if s.scene_id in draft.scenes]
    if clash:
        raise ScenesError(f"The follow-up already has a scene {clash[0]!r}.", code="followup_scene_exists",
                          id=clash[0])
    return [_gone(scene), *made]


def merge(draft: Draft, scene_ids: Sequence[str], new_id: str, geometry: BaseGeometry | None = None,
          *, name: str | None = None) -> list[DraftScene]:
    """Two or more scenes merged into one new scene (id `new_id`): its shape is `geometry`, else the scenes' areas
    joined (scenes that are points add nothing to an area), else, when all are points, the point at their centre;
    its tags are the first scene's, its categories all of theirs, its impact the highest; it continues
    everything they continued."""
    unique = list(dict.fromkeys(scene_ids))
    if len(unique) < 2:
        raise ScenesError("A merge joins two or more scenes; choose at least two.", code="followup_merge_count",
                          count=len(unique))
    scenes = [_live(draft, sid) for sid in unique]
    if new_id in draft.scenes:
        raise ScenesError(f"The follow-up already has a scene {new_id!r}.", code="followup_scene_exists", id=new_id)
    first = scenes[0]
    areas = [s.geometry for s in scenes if s.geometry.geom_type != "Point"]
    shape = (geometry if geometry is not None else shapely.union_all(areas) if areas
             else shapely.union_all([s.geometry for s in scenes]).centroid)
    impacts = [s.impact for s in scenes if s.impact is not None]
    merged = replace(
        first, scene_id=new_id, name=name or first.name, geometry=_geometry(shape, new_id), visit="new",
        categories=tuple(dict.fromkeys(c for s in scenes for c in s.categories)),
        impact=max(impacts) if impacts else None,
        predecessors=tuple(dict.fromkeys(p for s in scenes for p in s.origin())), version=0, updated_by="",
        updated_at=None)
    return [*(_gone(s) for s in scenes), merged]


def apply(draft: Draft, changed: Iterable[DraftScene]) -> Draft:
    """The draft with `changed` in place (what the store holds after saving them; versions as given)."""
    scenes = dict(draft.scenes)
    for scene in changed:
        scenes[scene.scene_id] = scene
    return Draft(draft.followup, scenes)


# -- reading a draft ------------------------------------------------------------------------------------------

def result_frame(draft: Draft) -> gpd.GeoDataFrame:
    """The survey the draft would publish: every scene in the result (unvisited ones as they were), in the scene
    frame's canonical form, with the lineage recorded."""
    rows = [{"survey_id": None, "scene_id": s.scene_id, "name": s.name, "kommun_kod": s.kommun_kod,
             "kommun": s.kommun, "lokalpolisomrade": s.lokalpolisomrade, "stadsdel": s.stadsdel,
             "categories": list(s.categories), "status": s.status, "impact": s.impact,
             "predecessors": list(s.predecessors), "notes": s.notes, "area_m2": None, "geometry": s.geometry}
            for s in draft.scenes.values() if s.in_result]
    if not rows:
        return normalise_scene_frame(gpd.GeoDataFrame({"geometry": gpd.GeoSeries([], crs=WGS84)}, crs=WGS84))
    return normalise_scene_frame(gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84))


@dataclass(frozen=True)
class Worklist:
    """One municipality's (or police area's) share of a follow-up: its scenes by visit, revisited and left."""

    key: str
    label: str
    counts: Mapping[Visit, int]

    @property
    def done(self) -> int:
        """Scenes of the survey followed that were revisited."""
        return sum(self.counts.get(v, 0) for v in DONE)

    @property
    def left(self) -> int:
        return self.counts.get("unvisited", 0)


def progress(draft: Draft, by: Literal["kommun_kod", "lokalpolisomrade"] = "kommun_kod") -> list[Worklist]:
    """Per municipality (or police area) in code order: the scenes by visit, how many of the survey followed's
    were revisited and how many are left (the revisit list's headings, `scenes followup status`)."""
    counts: dict[str, dict[Visit, int]] = {}
    labels: dict[str, str] = {}
    for s in draft.scenes.values():
        key = s.kommun_kod if by == "kommun_kod" else s.lokalpolisomrade
        labels.setdefault(key, s.kommun if by == "kommun_kod" else key)
        group = counts.setdefault(key, dict.fromkeys(VISITS, 0))
        group[s.visit] += 1
    return [Worklist(k, labels[k], counts[k]) for k in sorted(counts)]


def publish_problems(draft: Draft) -> list[Problem]:
    """What stops the draft from publishing before the upload's own checks run: scenes not yet revisited (each
    named, up to ten), and a draft with no scene left."""
    problems: list[Problem] = []
    left = [s for s in draft.scenes.values() if s.visit == "unvisited"]
    if left:
        names = ", ".join(f"{s.scene_id} ({s.name})" for s in left[:10]) + (" …" if len(left) > 10 else "")
        problems.append(Problem(f"{len(left)} scenes have not been revisited yet: {names}. Mark each active, changed "
                                "or ceased.", code="followup_unvisited", value=names,
                                params={"count": len(left), "names": names}))
    if not any(s.in_result for s in draft.scenes.values()):
        problems.append(Problem("No scene is left in the follow-up: every scene is ceased. A survey without scenes "
                                "cannot be published, as with an uploaded file.", code="followup_empty"))
    return problems
