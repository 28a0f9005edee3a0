"""Small-count suppression that holds under arithmetic: what a role at generalised precision may see of a count.

Workshop participants (`deltagare`) see scenes only as counts per municipality and local police area. A count of
1 or 2 can still point at one place ("the one scene in Vaxholm"), and hiding it protects nothing if a
subtraction undoes it. The rule, decided here and nowhere else:

- County-wide figures are shown (`Disclosure.county`): totals, area, new / ceased / persisting, impact counts. They
  point at no place, and they are tied together (total = persisting + new, previous = persisting + ceased), so
  hiding one would mean hiding nearly all.
- Below the county, `Disclosure.protect` withholds every count from 1 up to one below the threshold (the setting
  `SCENES_SMALL_COUNT_THRESHOLD`, default 3; primary suppression) and then every further count needed so that no
  withheld count can be worked out from the published ones through the relations total = sum of parts (secondary
  suppression: never one hidden member in a relation, and no hidden count fixed by any sums and differences of
  relations, `told`). Zero is shown unless it is withheld to protect another count.
- Every withheld count reads "withheld" ("skyddad"), small or not, so the reader cannot tell which it is; what is
  computed from it (area, rate per 100,000, a change) is withheld with it.

`scenes.domain.protection` lays out a survey's counts and relations and asks `protect`; every participant view reads its
verdicts. Roles at exact precision get `Disclosure.off()`: nothing is withheld.

Pages and exports call `Disclosure.for_precision(precision, settings.small_count_threshold)` once and pass it on.
`withhold` writes a table with the withheld counts as words (a download carries the same form as the screen),
`visible` keeps the rows a chart may plot. `text`, `table` and `counts_column` are the plain primary rule
("fewer than N"), for counts that stand in no published sum. The measures per municipality and kind (Samordning)
go through `protect` too (`coordination.count_grid`).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from scenes.i18n import number, t
from scenes.model import Lang, Precision

__all__ = ["SHOW_ALL", "Disclosure", "Relation", "told"]

V = TypeVar("V")


@dataclass(frozen=True)
class Relation:
    """Published figures that add up: `total` is the sum of `parts` (cells are any hashable keys)."""

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Disclosure:
    """Which counts may be shown as numbers. `threshold` 1 means every count is shown."""

    threshold: int = 1

    @classmethod
    def off(cls) -> Disclosure:
        return cls(1)

    @classmethod
    def for_precision(cls, precision: Precision, threshold: int) -> Disclosure:
        """Suppression for generalised precision; none for exact."""
        return cls(max(1, int(threshold))) if precision == "generalised" else cls.off()

    @property
    def active(self) -> bool:
        return self.threshold > 1

    @property
    def county(self) -> Disclosure:
        """The disclosure for county-wide figures (totals, area, municipalities with scenes, new / ceased /
        persisting, impact counts): nothing is hidden. A county-wide count points at no place, and these figures
        are tied together (total = persisting + new, previous = persisting + ceased, rated + unrated = total), so
        hiding one would need hiding nearly all; the rule protects the areas below (`protect`) instead."""
        return SHOW_ALL

    def hidden(self, count: float | None) -> bool:
        """Is this count too small to show (1 … threshold − 1)?"""
        return count is not None and not pd.isna(count) and 0 < float(count) < self.threshold

    def text(self, count: float | None, lang: Lang) -> str:
        """A count as the reader may see it: the number, or "fewer than N" (missing counts: empty)."""
        if count is None or pd.isna(count):
            return ""
        if self.hidden(count):
            return self.suppressed_text(lang)
        return number(float(count), lang)

    def suppressed_text(self, lang: Lang) -> str:
        return t("disclosure.fewer_than", lang, n=self.threshold)

    def withheld_text(self, lang: Lang) -> str:
        """What a count hidden by `protect` reads as (too small, or hidden so a small one cannot be worked out)."""
        return t("disclosure.withheld", lang)

    def protect(self, counts: Mapping[Hashable, int], relations: Sequence[Relation],
                public: Collection[Hashable] = (), withheld: Collection[Hashable] = ()) -> frozenset[Hashable]:
        """The cells of `counts` a reader may not see, so that no hidden count can be worked out by arithmetic.

        The rule (the only place it is decided):

        1. Primary: a count from 1 to `threshold` − 1 is hidden (with the `withheld` cells, which another view of
           the same counts already hides).
        2. Secondary: no hidden count may be worked out from the published ones through the `relations`
           (total = sum of parts). First the plain case: a relation with exactly one hidden member (total or part)
           tells it by subtraction. Then any combination of relations (sums and differences of rows, columns and
           totals: a linear audit). For each count so told, one more member of a relation it is in is hidden:
           the smallest shown part (a part with scenes before an empty one, whose zero may be known from
           elsewhere; ties by key), else the relation's total. Repeated until no hidden count can be told.
        3. `public` cells (the county totals) are never hidden. A hidden count that the public figures tell
           whatever else is hidden is shown: hiding it would be noise.

        Nothing is hidden when the disclosure is not active.
        """
        if not self.active:
            return frozenset()
        told = set(public)
        hidden = {cell for cell, n in counts.items() if cell not in told and self.hidden(n)} | set(withheld)

        def cost(cell: Hashable) -> tuple[bool, int, str]:
            n = int(counts.get(cell, 0))
            return n == 0, n, repr(cell)

        def candidates(relation: Relation) -> list[Hashable]:
            parts = [c for c in relation.parts if c not in hidden and c not in told]
            if parts:
                return parts
            return [] if relation.total in hidden or relation.total in told else [relation.total]

        while (cell := _told(hidden, relations)) is not None:
            options = [c for relation in relations if cell == relation.total or cell in relation.parts
                       for c in candidates(relation)]
            if options:
                hidden.add(min(options, key=cost))
            else:  # the public figures tell it whatever else is hidden
                hidden.discard(cell)
                told.add(cell)
        return frozenset(hidden)

    def counts_column(self, counts: pd.Series, lang: Lang) -> pd.Series:
        """Counts for a table: unchanged (integers) when nothing is hidden, else text with the small ones replaced."""
        if not self.active or not counts.map(self.hidden).any():
            return counts
        return counts.map(lambda n: self.text(n, lang))

    def any_hidden(self, *counts: float | None) -> bool:
        """Is any of these counts hidden (so that whatever is computed from them must be hidden too)?"""
        return any(self.hidden(n) for n in counts)

    def derived(self, value: V, *counts: float | None) -> V | None:
        """`value`, computed from `counts`, or None when any of them is hidden."""
        return None if self.any_hidden(*counts) else value

    def visible(self, table: pd.DataFrame, counts: str) -> pd.DataFrame:
        """The rows of `table` whose count in column `counts` may be shown: what a chart may plot."""
        if not self.active:
            return table
        if "withheld" in table.columns:  # marked by `protect` (breakdown(..., text=False))
            return table[~table["withheld"].astype(bool).to_numpy()]
        return table[~table[counts].map(self.hidden).to_numpy()]

    def table(self, table: pd.DataFrame, counts: str | Iterable[str], derived: Iterable[str],
              lang: Lang) -> pd.DataFrame:
        """A copy of `table` as the reader may see it (`table` itself when nothing is hidden).

        The `derived` columns (areas, rates, changes) are set to missing in every row where any of the `counts`
        columns is hidden; then each `counts` column goes through `counts_column`. Integer columns that lose a
        value become nullable integers, so a change of -3 is not shown as -3.0.
        """
        names = [counts] if isinstance(counts, str) else list(counts)
        if not self.active:
            return table
        hidden = pd.Series(False, index=table.index)
        for name in names:
            hidden |= table[name].map(self.hidden)
        if not hidden.any():
            return table
        out = table.copy()
        for name in derived:
            if name not in out.columns:
                continue
            column = out[name]
            masked = column.where(~hidden.to_numpy())
            if pd.api.types.is_integer_dtype(column.dtype):
                masked = masked.astype("Int64")
            out[name] = masked
        for name in names:
            out[name] = self.counts_column(out[name], lang)
        return out

    def withhold(self, table: pd.DataFrame, hidden: Mapping[str, pd.Series], derived: Iterable[str],
                 lang: Lang) -> pd.DataFrame:
        """A copy of `table` with the counts `protect` withholds as words (`hidden`: count column -> mask).

        Like `table`, but the cells to hide are given (primary and secondary alike, all reading "withheld",
        so a reader cannot tell a small count from one hidden to protect it); the `derived` columns are missing
        in every row with a hidden count. `table` itself when nothing is hidden.
        """
        masks = {name: pd.Series(mask, index=table.index).astype(bool) for name, mask in hidden.items()}
        if not self.active or not any(m.any() for m in masks.values()):
            return table
        out = table.copy()
        anywhere = pd.Series(False, index=table.index)
        for mask in masks.values():
            anywhere |= mask
        for name in derived:
            if name in out.columns:
                column = out[name]
                masked = column.where(~anywhere.to_numpy())
                out[name] = masked.astype("Int64") if pd.api.types.is_integer_dtype(column.dtype) else masked
        word = self.withheld_text(lang)
        for name, mask in masks.items():
            if mask.any():  # text throughout, like `counts_column`: "5" beside "withheld"
                out[name] = [word if h else SHOW_ALL.text(v, lang)
                             for v, h in zip(out[name].tolist(), mask.tolist(), strict=True)]
        return out


def told(hidden: Collection[Hashable], relations: Sequence[Relation]) -> frozenset[Hashable]:
    """The hidden cells whose values the relations and the shown cells tell (by any sums and differences).

    Each relation is an equation over its hidden members (the shown ones are constants): +1 for the total, −1 for
    each part. A cell is told when its unit vector lies in the row space of these equations, i.e. when it is zero
    in every vector of their null space (a relation with one hidden member is the plain case).
    """
    cells = sorted(hidden, key=repr)
    index = {c: i for i, c in enumerate(cells)}
    rows = []
    for relation in relations:
        row = np.zeros(len(cells))
        if relation.total in index:
            row[index[relation.total]] += 1.0
        for part in relation.parts:
            if part in index:
                row[index[part]] -= 1.0
        if row.any():
            rows.append(row)
    if not rows:
        return frozenset()
    _, singular, vt = np.linalg.svd(np.array(rows))
    rank = int((singular > 1e-9 * max(1.0, float(singular[0]))).sum())
    null = vt[rank:]  # a basis of the null space: every assignment of the hidden cells the equations allow
    return frozenset(c for i, c in enumerate(cells) if not len(null) or np.all(np.abs(null[:, i]) < 1e-9))


def _told(hidden: set[Hashable], relations: Sequence[Relation]) -> Hashable | None:
    """One hidden cell the relations tell (the plain case first: a relation with one hidden member), or None."""
    for relation in relations:
        members = [c for c in (relation.total, *relation.parts) if c in hidden]
        if len(members) == 1:
            return members[0]
    cells = told(hidden, relations)
    return min(cells, key=repr) if cells else None


#: `Disclosure.off()` as a default argument: every count shown (exact precision)
SHOW_ALL = Disclosure.off()
