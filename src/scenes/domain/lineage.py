"""A scene's lineage: the one place that reads `predecessors` and walks merges and splits.

Every observation may name `predecessors`: scene ids of the previous survey that it continues (a merge names several;
each part of a split names the one scene it came from). Ids are stable, so a scene also continues the earlier scene
with its own id. Everything that relates scenes across surveys asks a `Lineage` built once from the observations:

- the direct links: `predecessors` (as stored, in one survey or in all) and `successors`
  (`query.compare`, `query.scene_history`);
- `ancestors`: every id a scene continues, directly or through earlier merges and splits, itself included
  (which measures belong to a scene: `measures.measures_by_scene`); a cycle in bad data ends;
- `trace`: survey by survey, oldest first, the scenes of that survey a scene continues, walking back from the
  latest survey that has it (a scene's impact trend: `impact.impact_trend`);
- `continues`: the scenes of an earlier survey that one scene continues (its own id, its predecessors there:
  `impact.impact_change`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

import pandas as pd

from scenes.model import Survey

__all__ = ["Lineage", "continues"]


def continues(scene_id: str, predecessors: Iterable[str], earlier_ids: set[str]) -> list[str]:
    """The scenes of an earlier survey (ids in `earlier_ids`) that a scene continues: its own id, if the earlier
    survey had it, and the predecessors it names there."""
    return sorted(({scene_id} | set(predecessors)) & earlier_ids)


class Lineage:
    """The predecessor links of a set of scene observations (`survey_id` optional, `scene_id`, `predecessors`)."""

    def __init__(self, observations: pd.DataFrame) -> None:
        self._surveys = (observations["survey_id"].tolist() if "survey_id" in observations
                         else [""] * len(observations))
        self._scene_ids = observations["scene_id"].tolist()
        self._named: dict[tuple[str, str], tuple[str, ...]] = {}
        self._parents: dict[str, dict[str, None]] = {}  # every survey together, in the order first named
        self._children: dict[tuple[str, str], set[str]] = {}
        for i, preds in enumerate(observations["predecessors"].tolist()):
            if not (isinstance(preds, list | tuple) and preds):  # most scenes name none: nothing to index
                continue
            survey, sid, named = str(self._surveys[i]), str(self._scene_ids[i]), tuple(str(p) for p in preds)
            key = (survey, sid)
            self._named[key] = tuple(dict.fromkeys((*self._named.get(key, ()), *named)))
            self._parents.setdefault(sid, {}).update(dict.fromkeys(named))
            for parent in named:
                self._children.setdefault((survey, parent), set()).add(sid)

    @cached_property
    def _ids(self) -> dict[str, set[str]]:
        """The scene ids of each survey (only the survey-by-survey walk needs them)."""
        ids: dict[str, set[str]] = {}
        for survey_id, sid in zip(self._surveys, self._scene_ids, strict=True):
            ids.setdefault(str(survey_id), set()).add(str(sid))
        return ids

    def predecessors(self, scene_id: str, survey_id: str | None = None) -> tuple[str, ...]:
        """The ids a scene names as predecessors: in one survey (as stored), or in every observation of it."""
        if survey_id is not None:
            return self._named.get((survey_id, scene_id), ())
        return tuple(self._parents.get(scene_id, ()))

    def successors(self, scene_id: str, survey_id: str) -> tuple[str, ...]:
        """The scenes of a survey that name `scene_id` as a predecessor, sorted."""
        return tuple(sorted(self._children.get((survey_id, scene_id), ())))

    def ancestors(self, scene_id: str) -> frozenset[str]:
        """Every id the scene continues, directly or through earlier merges and splits, itself included."""
        seen, todo = {scene_id}, [scene_id]
        while todo:  # a visited set: even a cycle in bad data ends
            for parent in self._parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)

    def trace(self, surveys: Sequence[Survey], scene_id: str) -> list[tuple[Survey, tuple[str, ...]]]:
        """For each survey (given oldest first, the store's order): the scenes of that survey that `scene_id`
        continues, following predecessors back from the latest survey that has the scene (a merge leads to
        several, a split part to its one origin).

        The ids looked for only grow going back (ids are stable), so a scene missing from one follow-up is still
        found in the survey before. Surveys after the scene's latest one hold nothing of it.
        """
        found: dict[str, tuple[str, ...]] = {}
        wanted: set[str] | None = None  # None: not met yet (walking back from the newest survey)
        for survey in reversed(surveys):
            ids = self._ids.get(survey.id, set())
            if wanted is None:
                if scene_id not in ids:
                    continue
                wanted = {scene_id}
            here = sorted(wanted & ids)
            found[survey.id] = tuple(here)
            for sid in here:
                wanted.update(self._named.get((survey.id, sid), ()))
        return [(s, found.get(s.id, ())) for s in surveys]
