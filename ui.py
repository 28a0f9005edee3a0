"""Streamlit glue: the only place (with app.py and pages/) that imports streamlit.

Builds Settings and the Dashboard once per process, caches reads on the store's data version (so a
publish shows up on every page without a restart), holds the language choice, and renders core errors
and the demo notice the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from scenes.core import Dashboard
from scenes.errors import ScenesError
from scenes.i18n import LANGUAGES, number, t
from scenes.progress import Progress, SurveyStats
from scenes.settings import Settings

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def dashboard() -> Dashboard:
    """The process-wide Dashboard; the schema and shipped seminars are ensured once at start."""
    dash = Dashboard(Settings.from_env())
    dash.init(demo=False)
    return dash


@st.cache_data(show_spinner=False)
def _stats(_dash_id: int, data_version: int) -> list[SurveyStats]:
    return dashboard().stats()


@st.cache_data(show_spinner=False)
def _progress(_dash_id: int, data_version: int) -> Progress | None:
    return dashboard().progress()


def stats() -> list[SurveyStats]:
    dash = dashboard()
    return _stats(id(dash), dash.store.data_version())


def progress() -> Progress | None:
    dash = dashboard()
    return _progress(id(dash), dash.store.data_version())


def lang() -> str:
    """The interface language: the sidebar choice, else `?lang=`, else the configured default."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", dashboard().settings.language)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else "sv"
    return str(st.session_state["lang"])


def tr(key: str, **values: object) -> str:
    """Translate `key` into the current language."""
    return t(key, lang(), **values)


def num(value: float, decimals: int = 0) -> str:
    """Format a number for the current language (decimal comma in Swedish)."""
    return number(value, lang(), decimals)


def language_selector() -> None:
    lang()  # make sure the default is in session state before the widget reads it
    st.sidebar.selectbox(t("app.language", lang()), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                         key="lang")


def demo_notice() -> None:
    """The visible notice wherever demo data is shown."""
    st.warning(tr("demo.notice"), icon=":material/info:")


def show_error(exc: ScenesError) -> None:
    """One way to show an expected failure: a message, never a traceback."""
    st.error(f"**{tr('error.title')}**\n\n{exc}", icon=":material/error:")


def guarded(render: Callable[[], T]) -> T | None:
    """Run a page body; expected errors become a message instead of a traceback."""
    try:
        return render()
    except ScenesError as exc:
        show_error(exc)
        return None
