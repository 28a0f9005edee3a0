"""The interface language, and text, numbers and dates as the reader's language writes them."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Literal

import streamlit as st

import ui.keys as keys
from scenes.i18n import LANGUAGES, number, t, time_text
from scenes.model import Lang, as_lang
from ui.cache import dashboard


def lang() -> Lang:
    """The interface language: the sidebar choice, else `?lang=`, else the configured default."""
    if keys.LANG not in st.session_state:
        wanted = st.query_params.get("lang", dashboard().settings.language)
        st.session_state[keys.LANG] = wanted if wanted in LANGUAGES else "sv"
    return as_lang(st.session_state[keys.LANG]) or "sv"


def tr(key: str, **values: object) -> str:
    """Translate `key` into the current language, for an element that renders Markdown.

    Text values (names of surveys, users, seminars …) are escaped, so whatever a user typed is shown as text
    wherever a message carries it; numbers are formatted as they are. The catalogue's own text is Markdown.
    """
    return t(key, lang(), **{k: escape_markdown(v) if isinstance(v, str) else v for k, v in values.items()})


def num(value: float, decimals: int = 0) -> str:
    """Format a number for the current language (decimal comma in Swedish)."""
    return number(value, lang(), decimals)


def day(value: dt.date | dt.datetime, style: str = "long") -> str:
    """A date for the current language ("long": 14 september 2022; "short": 2022-09-14); a moment's date is its
    Stockholm day (`scenes.i18n.time_text`)."""
    return time_text(value, lang(), style)


def when(value: dt.datetime | None) -> str:
    """A moment as people in the county read it: Stockholm time, to the minute; a dash when there is none
    (`scenes.i18n.time_text`)."""
    return time_text(value, lang())


def date_format() -> Literal["YYYY-MM-DD", "DD/MM/YYYY"]:
    """How a date field shows its date: as the language writes a short date (2022-09-14 / 14/09/2022)."""
    return "YYYY-MM-DD" if lang() == "sv" else "DD/MM/YYYY"


def language_selector() -> None:
    lang()  # make sure the default is in session state before the widget reads it
    st.sidebar.selectbox(t("app.language", lang()), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                         key=keys.LANG)


#: where Streamlit's Markdown would make a link of plain text (GFM "autolink literals": http://…, www.…, e-mail)
_LINKISH = re.compile(r"(?i)(https?|ftp|www)(?=[:.])|(?=@)")


def escape_markdown(text: str) -> str:
    """Make user text inert in st.markdown: HTML-escape it and backslash the markdown specials.

    Escapes cannot stop Streamlit's autolinks: they are found in the text *after* Markdown is parsed, so a bare
    `http://…`, `www.…` or e-mail address would still become a link. An invisible word joiner (U+2060) after
    "http"/"www" and before "@" breaks those patterns; the text reads and prints the same.
    """
    unlinked = _LINKISH.sub(lambda m: (m.group(1) or "") + "\u2060", text)
    escaped = html.escape(unlinked, quote=False)
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|~<>$" else c for c in escaped)
