"""Small-count suppression: what a role at generalised precision may see of a count.

Workshop participants (`deltagare`) see scenes only as counts per municipality and local police area. A count of
1 or 2 can still point at one place ("the one scene in Vaxholm"), so, following the minimum-cell rule that
statistical offices apply to published tables, any count from 1 up to one below the threshold (the setting
`SCENES_SMALL_COUNT_THRESHOLD`, default 3) is shown as "fewer than 3", never as the number. Zero is shown: it
points at no place. Everything derived from a suppressed count is suppressed with it (its area, its rate per
100,000 inhabitants, the change it takes part in).

Roles at exact precision get `Disclosure.off()`: nothing is suppressed.

Pages and exports call `Disclosure.for_precision(precision, settings.small_count_threshold)` once and pass it on.
Numbers that are suppressed are replaced by text in tables (`counts_column`), so a download carries the same
suppressed form as the screen. `table` does a whole table (its count columns, and the columns computed from them),
`visible` keeps the rows a chart may plot, `derived` guards one computed value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from scenes.i18n import number, t

__all__ = ["SHOW_ALL", "Disclosure"]

V = TypeVar("V")


@dataclass(frozen=True)
class Disclosure:
    """Which counts may be shown as numbers. `threshold` 1 means every count is shown."""

    threshold: int = 1

    @classmethod
    def off(cls) -> Disclosure:
        return cls(1)

    @classmethod
    def for_precision(cls, precision: str, threshold: int) -> Disclosure:
        """Suppression for generalised precision; none for exact."""
        return cls(max(1, int(threshold))) if precision == "generalised" else cls.off()

    @property
    def active(self) -> bool:
        return self.threshold > 1

    def hidden(self, count: float | None) -> bool:
        """Is this count too small to show (1 … threshold − 1)?"""
        return count is not None and not pd.isna(count) and 0 < float(count) < self.threshold

    def text(self, count: float | None, lang: str = "sv") -> str:
        """A count as the reader may see it: the number, or "fewer than N" (missing counts: empty)."""
        if count is None or pd.isna(count):
            return ""
        if self.hidden(count):
            return self.suppressed_text(lang)
        return number(float(count), lang)

    def suppressed_text(self, lang: str = "sv") -> str:
        return t("disclosure.fewer_than", lang, n=self.threshold)

    def counts_column(self, counts: pd.Series, lang: str = "sv") -> pd.Series:
        """Counts for a table: unchanged (integers) when nothing is hidden, else text with the small ones replaced."""
        if not self.active or not counts.map(self.hidden).any():
            return counts
        return counts.map(lambda n: self.text(n, lang))

    def mask(self, values: pd.Series, counts: pd.Series) -> pd.Series:
        """`values` derived from `counts` (area, rate, change), with those of hidden counts set to missing."""
        hidden = counts.map(self.hidden).to_numpy()
        return values.where(~hidden)

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
        return table[~table[counts].map(self.hidden).to_numpy()]

    def table(self, table: pd.DataFrame, counts: str | Iterable[str], derived: Iterable[str] = (),
              lang: str = "sv") -> pd.DataFrame:
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


#: `Disclosure.off()` as a default argument: every count shown (exact precision)
SHOW_ALL = Disclosure.off()
