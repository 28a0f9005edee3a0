"""Reading a survey file's cells (steps of `scenes.ingest.validate.validate`): codes or names resolved with an
unambiguous fuzzy suggestion, numbers written the Swedish or the English way, list cells bounded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd
from rapidfuzz import fuzz, process

__all__ = ["MAX_LIST_VALUES", "Resolver", "list_cell", "numbers"]

#: Most values (categories, predecessors) in one list cell.
MAX_LIST_VALUES = 50
#: Fuzzy name suggestions closer than this (rapidfuzz WRatio points) to a second candidate are not offered.
AMBIGUOUS_MARGIN = 5.0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


class Resolver:
    """Resolve a value by code or name; unknown values get a fuzzy suggestion (computed once per value)."""

    def __init__(self, pairs: Iterable[tuple[str, str]], *, suggest_code: bool = False) -> None:
        self.suggest_code = suggest_code
        self.by_code: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for code, name in pairs:
            self.by_code[code.lower()] = code
            self.by_name[name.strip().lower()] = code
            self.names[code] = name
        self._cache: dict[str, str | None] = {}

    def exact(self, value: str) -> str | None:
        key = value.strip().lower()
        return self.by_code.get(key) or self.by_name.get(key)

    def suggestion(self, value: str) -> str | None:
        if value not in self._cache:
            choices = {**{_fold(n): n for n in self.by_name}, **{_fold(c): c for c in self.by_code}}
            matches = process.extract(_fold(value), list(choices), scorer=fuzz.WRatio, score_cutoff=80, limit=5)
            found: dict[str, float] = {}
            for text, score, _ in matches:
                key = choices[text]
                code = self.by_code.get(key) or self.by_name[key]
                found[code] = max(score, found.get(code, 0.0))
            ranked = sorted(found.items(), key=lambda item: -item[1])
            # Unambiguous only: a runner-up within AMBIGUOUS_MARGIN points means we cannot tell which was meant.
            if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUOUS_MARGIN):
                self._cache[value] = None
            else:
                code = ranked[0][0]
                self._cache[value] = code if self.suggest_code else self.names[code]
        return self._cache[value]


def numbers(series: pd.Series) -> pd.Series:
    """Numbers written with decimal comma or point, spaces as thousands separators; NaN where not a number."""
    cleaned = series.astype(str).str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    cleaned = cleaned.str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce")


_SPLIT = re.compile(r"[;,|]")


def list_cell(value: str, i: int, column: str, add) -> list[str]:  # type: ignore[no-untyped-def]
    """The values of a list cell (categories, predecessors); none, with an error, past MAX_LIST_VALUES."""
    parts = _split(value)
    if len(parts) <= MAX_LIST_VALUES:
        return parts
    add(i, column, "too_many_values", f"The cell lists {len(parts)} values; the limit is {MAX_LIST_VALUES}.",
        count=len(parts), limit=MAX_LIST_VALUES)
    return []


def _split(value: str) -> list[str]:
    if not value:
        return []
    return [v.strip() for v in _SPLIT.split(value) if v.strip()]
