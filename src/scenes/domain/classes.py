"""Shading classes for the municipality map: few classes, round breaks, the same for every survey compared.

Rules (issue 13, "honest classes"):
- zero is always its own class, and "no data" (a rate where the population is unknown) is not zero;
- the first class for counts is 1 … threshold − 1 (with the default threshold 3: 1–2). That is exactly the
  class a workshop participant sees as "fewer than 3", so suppression never needs a class of its own;
- the other breaks come from the 1-2-5 series (5, 10, 20, 50, 100 …), spread evenly on a log scale up to the
  round value that covers the largest value. Breaks are computed from the largest value over *every* survey
  shown (the caller passes it), so a colour means the same number in each survey of a time series;
- at most four non-zero classes, coloured with ColorBrewer's YlOrBr sequential scheme (colour-blind safe and
  readable in grey), whose steps keep a clear lightness difference.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from scenes.i18n import number
from scenes.model import Lang

__all__ = ["NO_DATA_COLOUR", "PALETTE", "ZERO_COLOUR", "Classes", "count_classes", "nice_series", "rate_classes"]

#: Non-zero classes, lightest first (ColorBrewer YlOrBr, steps 3, 4, 5 and 7 of its 7-class scheme: the
#: near-white first steps would be too close to zero).
PALETTE = ("#fec44f", "#fe9929", "#d95f0e", "#993404")
ZERO_COLOUR = "#fbfaf4"  # land with no scene: near-white, distinct from water and from the first class
NO_DATA_COLOUR = "#b8b8b8"  # drawn with a dashed outline too, so it never reads as a class
MAX_CLASSES = len(PALETTE)


def nice_series(low: float, high: float) -> list[float]:
    """The 1-2-5 series values v with low < v <= the first series value >= high."""
    if high <= 0:
        return []
    out: list[float] = []
    exponent = math.floor(math.log10(max(low, high / 1e6, 1e-9)))
    while True:
        for mantissa in (1, 2, 5):
            v = float(mantissa * 10**exponent)
            v = round(v, 12)
            if v > low:
                out.append(v)
                if v >= high:
                    return out
        exponent += 1


def _spread(low: float, candidates: list[float], slots: int) -> list[float]:
    """Pick `slots` of the candidates (always the last), evenly spaced in log from `low` to the last one."""
    if len(candidates) <= slots:
        return candidates
    top = candidates[-1]
    base = max(low, candidates[0] / 2)
    chosen: list[float] = []
    for i in range(1, slots + 1):
        target = math.log(base) + (math.log(top) - math.log(base)) * i / slots
        best = min((c for c in candidates if c not in chosen and (not chosen or c > chosen[-1])),
                   key=lambda c: abs(math.log(c) - target))
        chosen.append(best)
    chosen[-1] = top
    return sorted(set(chosen))


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the non-zero classes (ascending); `integer` for counts, whose classes are whole ranges."""

    bounds: tuple[float, ...]
    integer: bool = True

    def index(self, value: float | None) -> int:
        """-1 no data, 0 zero, 1 … n the class (a value above the last bound goes in the last class)."""
        if value is None or pd.isna(value):
            return -1
        if value <= 0:
            return 0
        for i, bound in enumerate(self.bounds):
            if value <= bound:
                return i + 1
        return len(self.bounds)

    def colour(self, index: int) -> str:
        if index < 0:
            return NO_DATA_COLOUR
        if index == 0:
            return ZERO_COLOUR
        return PALETTE[min(index, len(PALETTE)) - 1]

    def labels(self, lang: Lang) -> list[str]:
        """One label per non-zero class, e.g. "1–2", "3–5", "6–10" (a legend leaves out a first class that is exactly
        the withheld counts: they are drawn as withheld instead)."""
        out = []
        lower = 1.0 if self.integer else 0.0
        for i, bound in enumerate(self.bounds):
            if self.integer:
                text = number(bound, lang) if lower == bound else f"{number(lower, lang)}–{number(bound, lang)}"
                lower = bound + 1
            else:  # rates are shown to one decimal, so the next class starts 0.1 above the previous bound
                start = round(lower + 0.1, 1)
                text = (f"≤ {_fmt(bound, lang)}" if i == 0 else _fmt(bound, lang) if start >= bound
                        else f"{_fmt(start, lang)}–{_fmt(bound, lang)}")
                lower = bound
            out.append(text)
        return out


def _fmt(value: float, lang: Lang) -> str:
    return number(value, lang, 0 if float(value).is_integer() else 1)


def count_classes(max_value: float, threshold: int = 3, max_classes: int = MAX_CLASSES) -> Classes:
    """Classes for scene counts: 1 … threshold−1 first (when threshold > 1), then round 1-2-5 breaks."""
    small = max(1, threshold - 1)
    if max_value <= 0:
        return Classes(bounds=(float(small),))
    bounds = [float(small)]
    if max_value > small:
        bounds += _spread(small, nice_series(small, max_value), max_classes - 1)
    return Classes(bounds=tuple(bounds))


def rate_classes(max_value: float, max_classes: int = MAX_CLASSES) -> Classes:
    """Classes for rates (scenes per 100,000 inhabitants): round 1-2-5 breaks from zero to the largest rate."""
    if max_value <= 0 or pd.isna(max_value):
        return Classes(bounds=(1.0,), integer=False)
    candidates = [c for c in nice_series(max(max_value / 100, 0.05), max_value) if c >= 0.1]  # one decimal shown
    return Classes(bounds=tuple(_spread(candidates[0] / 2, candidates, max_classes)), integer=False)
