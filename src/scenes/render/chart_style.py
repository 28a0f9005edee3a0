"""What every chart shares (`scenes.render.charts`, `scenes.render.progress_chart`): the Okabe–Ito colours, the
interface language's number and date locale (`vega_locale`), the formats, autosize and padding, the one-item-a-line
legend, the zero-based count axis on round numbers (`count_domain`) and the offline PNG rendering for the PDF report
(`to_png`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

import altair as alt
from babel.dates import get_day_names, get_month_names, get_period_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from scenes.i18n import LOCALES
from scenes.model import Lang

__all__ = [
    "AUTOSIZE",
    "COUNT_FORMAT",
    "DATE_FORMAT",
    "DECIMAL_FORMAT",
    "OKABE_ITO",
    "PADDING",
    "bottom_legend",
    "count_domain",
    "field_tooltip",
    "sized",
    "to_png",
    "vega_locale",
]

_C = TypeVar("_C", alt.Chart, alt.LayerChart)

OKABE_ITO = {"blue": "#0072B2", "vermillion": "#D55E00", "green": "#009E73", "black": "#000000",
             "orange": "#E69F00", "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442"}


@cache
def vega_locale(lang: Lang) -> dict[str, object]:
    """The Vega format locale (d3-format / d3-time-format definition) of an interface language, from Babel's locale
    data, as the rest of the pages write numbers and dates: Swedish 1 234,5 and lower-case month names."""
    locale = LOCALES.get(lang, LOCALES["sv"])
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)  # 0 is Monday; d3 starts on Sunday
    short_days = get_day_names("abbreviated", locale=locale)
    periods = get_period_names(locale=locale)
    return {
        "number": {"decimal": get_decimal_symbol(locale), "thousands": get_group_symbol(locale), "grouping": [3],
                   "currency": ["", ""]},
        "time": {"dateTime": "%x %X", "date": "%Y-%m-%d" if lang == "sv" else "%d/%m/%Y", "time": "%H:%M:%S",
                 "periods": [periods["am"], periods["pm"]],
                 "days": [days[(i + 6) % 7] for i in range(7)],
                 "shortDays": [short_days[(i + 6) % 7] for i in range(7)],
                 "months": [months[m] for m in range(1, 13)], "shortMonths": [short_months[m] for m in range(1, 13)]},
    }


COUNT_FORMAT = ",d"  # whole numbers, thousands grouped the language's way
DECIMAL_FORMAT = ",.1~f"  # at most one decimal: 31,5 / 32
DATE_FORMAT = "%-d %B %Y"  # 1 december 2021 / 1 December 2021
#: the chart fills the width it is given, axes and legend included; the plot keeps the height asked for, so the
#: band kept free for seminar badges is a known share of it
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")
#: room round the chart for text Vega measures narrower than the browser draws it (Streamlit's font)
PADDING = {"left": 8, "top": 8, "right": 8, "bottom": 4}


def bottom_legend(compact: bool = False) -> alt.Legend:
    """One legend item per line, each label as wide as the plot allows (a bottom legend starts at the plot's left
    edge). Every channel that shares the legend gets this same definition, so Vega-Lite merges them cleanly.

    `compact`: where the plot is wide enough (480 px), the items share one line, three columns of a third each.
    """
    if compact:
        return alt.Legend(title=None, orient="bottom", direction="vertical",
                          columns=alt.ExprRef("width >= 480 ? 3 : 1"),
                          labelLimit=alt.ExprRef("width >= 480 ? max(width / 3 - 24, 80) : max(width - 24, 80)"))
    return alt.Legend(title=None, orient="bottom", direction="vertical", columns=1,
                      labelLimit=alt.ExprRef("max(width - 24, 80)"))


def _nice_step(raw: float) -> float:
    """The d3 tick step for `raw`: 1, 2 or 5 times a power of ten."""
    power = 10.0 ** math.floor(math.log10(raw))
    error = raw / power
    return power * (10 if error >= 7.07 else 5 if error >= 3.16 else 2 if error >= 1.41 else 1)


def count_domain(values: Sequence[float], *, headroom: float = 0.0, ticks: int = 6) -> tuple[list[float], float]:
    """A zero-based count axis for `values`: (domain, tick step).

    The top is a whole multiple of a round step (at least 1), high enough that every value sits in the lower
    `1 - headroom` share of the axis (the top share is kept free for the seminar badges).
    """
    finite = [v for v in values if v is not None and math.isfinite(v)]
    top = max([*finite, 0.0]) / (1.0 - headroom)
    if top <= 0:
        return [0.0, 1.0], 1.0
    step = max(1.0, _nice_step(top / ticks))
    return [0.0, math.ceil(top / step) * step], step


def sized(chart: _C, lang: Lang, width: int | str, height: int) -> _C:
    """A top-level chart: its size, the shared autosize and padding, and the language's number and date locale."""
    sized: _C = chart.properties(width=width, height=height, autosize=AUTOSIZE, padding=PADDING).configure(
        locale=vega_locale(lang))
    return sized


def field_tooltip(field: str, title: str, kind: str = "N", fmt: str | None = None) -> alt.Tooltip:
    return alt.Tooltip(f"{field}:{kind}", title=title, format=fmt) if fmt else alt.Tooltip(f"{field}:{kind}",
                                                                                          title=title)


def to_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """Render a chart to PNG in-process (vl-convert: no browser, no network). Numbers and dates follow the
    locale in the chart's config."""
    import vl_convert as vlc

    png: bytes = vlc.vegalite_to_png(chart.to_json(), scale=scale)
    return png
