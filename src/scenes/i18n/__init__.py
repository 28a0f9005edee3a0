"""All interface strings, in Swedish (the default) and English, in one catalogue shelved by key family
(`scenes.i18n.catalogue`: one module per family group, both languages side by side).

A test checks every key has both languages and the same `{placeholders}` in each, and that every key the code
uses exists. Pages call `t(key, lang, **values)`; an unknown key shows the key itself so a missing string is
visible, not fatal. A message that counts something gives its plural forms by CLDR category (`{"one": …,
"other": …}`), chosen by the value `n`. Numbers and dates go through Babel (`number`, `time_text`), so each
language writes them its own way (Swedish: 16 781,4 and 14 september 2022; English: 16,781.4 and 14 September 2022).

Every date and moment shown to a person (pages, tables, files' readable columns, the report) is written by the one
formatter `time_text`: a moment (the store keeps UTC) on the county's clock, Europe/Stockholm, and a date derived
from a moment is the Stockholm day (saved 00:24 on 6 December Stockholm time reads 6 december, not the UTC 5th).
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections.abc import Callable
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from scenes.i18n import catalogue
from scenes.i18n.text import Text
from scenes.model import Lang

__all__ = ["CATALOGUE", "LANGUAGES", "LOCAL_ZONE", "date_text", "local_time", "local_today", "number", "problem_text",
           "t", "time_text"]

LANGUAGES: dict[Lang, str] = {"sv": "Svenska", "en": "English"}
#: the CLDR locale each interface language writes numbers and dates in (British English: day before month)
LOCALES: dict[Lang, str] = {"sv": "sv_SE", "en": "en_GB"}



def _joined() -> dict[str, dict[str, Text]]:
    """The shelves joined into one catalogue; a key on two shelves, or on a shelf not holding its family, stops the
    import (so the mistake is found by the first test, not by a reader meeting the wrong text)."""
    joined: dict[str, dict[str, Text]] = {}
    for name in catalogue.SHELVES:
        shelf = importlib.import_module(f"scenes.i18n.catalogue.{name}")
        for key, text in shelf.ENTRIES.items():
            if key in joined:
                raise RuntimeError(f"catalogue key {key!r} is on two shelves (the second: {name})")
            if key.split(".", 1)[0] not in shelf.FAMILIES:
                raise RuntimeError(f"catalogue key {key!r} is on the shelf {name!r}, which does not hold its family")
            joined[key] = text
    return joined


CATALOGUE: dict[str, dict[str, Text]] = _joined()


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["sv"]))


def t(key: str, lang: Lang, **values: object) -> str:
    """The string for `key` in `lang`, formatted with `values`; the key itself if unknown. For a message with
    plural forms, the value `n` chooses the form."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["sv"]
    if isinstance(text, dict):
        count = values.get("n")
        form = _locale(lang).plural_form(count) if isinstance(count, int | float) else "other"
        text = text.get(form) or text["other"]
    return text.format(**values) if values else text


def _coded(prefix: str, item: object, english: str, lang: Lang, escape: Callable[[str], str]) -> str:
    """An error's or problem's catalogue entry `<prefix>.<code>`, filled with its params (each through `escape`),
    else its English message (through `escape`)."""
    code = getattr(item, "code", "")
    key = f"{prefix}.{code}"
    if code and key in CATALOGUE:
        params = {k: v if isinstance(v, int | float) else escape(str(v))
                  for k, v in getattr(item, "params", {}).items()}
        try:
            return t(key, lang, **params)
        except (KeyError, IndexError):
            pass
    return escape(english)


def problem_text(problem: object, lang: Lang) -> str:
    """A validation problem's message in `lang` (its catalogue entry), else its English message."""
    return _coded("problem", problem, str(getattr(problem, "message", problem)), lang, str)


def error_text(error: BaseException, lang: Lang, escape: Callable[[str], str] = str) -> str:
    """An error's message in `lang`: its catalogue entry `error.<code>` with its params (each passed through
    `escape`, since entries are Markdown), else its English message (escaped)."""
    return _coded("error", error, str(error.args[0]) if error.args else str(error), lang, escape)


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number as the language writes it, with exactly `decimals` decimals: Swedish 16 781,4 (a no-break space
    between thousands, a decimal comma), English 16,781.4."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


#: the county's clock: every moment shown to a person is on it
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")
#: what a missing date or moment reads as (the tables' dash)
NO_TIME = "–"


def local_time(value: dt.datetime) -> dt.datetime:
    """`value` on the county's clock; a naive value is UTC (as the store keeps moments, naive on SQLite)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(LOCAL_ZONE)


def local_today() -> dt.date:
    """Today in Stockholm (the server's own clock may be UTC: just after midnight it is still yesterday there)."""
    return dt.datetime.now(LOCAL_ZONE).date()


def _missing(value: object) -> bool:
    return (isinstance(value, float) and math.isnan(value)) or str(value) in ("NaT", "<NA>")


def time_text(value: dt.date | dt.datetime | None, lang: Lang, style: str = "minute") -> str:
    """THE formatter of every date and moment shown to a person, in `lang`.

    A moment (a `datetime`, naive meaning UTC; pandas' Timestamp too) is first put on Stockholm's clock, so its
    date is the Stockholm day. `style`: "minute" (2026-12-06 00:24; a plain date as a short date), "second"
    (2026-12-06 00:24:05, for files), "long" (6 december 2026 / 6 December 2026) or "short" (2026-12-06 /
    06/12/2026). Nothing (None, NaN, NaT) reads as a dash.
    """
    if value is None or _missing(value):
        return NO_TIME
    if isinstance(value, dt.datetime):
        local = local_time(value)
        if style == "minute":
            return local.strftime("%Y-%m-%d %H:%M")
        if style == "second":
            return local.strftime("%Y-%m-%d %H:%M:%S")
        value = local.date()
    return format_date(value, format=style if style in ("long", "short", "medium", "full") else "short",
                       locale=_locale(lang))


def date_text(value: dt.date | dt.datetime, lang: Lang, style: str = "long") -> str:
    """A date as the language writes it: "long" (14 september 2022 / 14 September 2022) or "short" (2022-09-14 /
    14/09/2022). The same formatter as `time_text` (a moment's date is its Stockholm day), long by default."""
    return time_text(value, lang, style)
