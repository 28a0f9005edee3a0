"""One way to show an expected failure: a message, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from scenes.errors import ScenesError, ValidationFailed
from scenes.i18n import error_text
from scenes.ingest.upload import report_table
from ui.lang import escape_markdown, lang, tr
from ui.widgets import show_table

T = TypeVar("T")


def show_error(exc: ScenesError, *, columns: dict[str, str] | None = None) -> None:
    """One way to show an expected failure: a message, never a traceback; located problems as a table.

    `columns` names a form's fields as the reader sees them (problem column -> catalogue key of the label); a
    file's problems keep the file's own column names.
    """
    st.error(f"**{tr('error.title')}**\n\n{error_text(exc, lang(), escape_markdown)}", icon=":material/error:")
    if isinstance(exc, ValidationFailed):
        table = report_table(exc.problems, lang())
        if columns:
            where = tr("problem.column")
            table[where] = [tr(columns[c]) if c in columns else c for c in table[where]]
        show_table(table)


def guarded(render: Callable[[], T]) -> T | None:
    """Run a page body; expected errors become a message instead of a traceback."""
    try:
        return render()
    except ScenesError as exc:
        show_error(exc)
        return None
