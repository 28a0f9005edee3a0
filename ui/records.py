"""Page parts shared by the entry pages (Åtgärder, Trygghetsindikatorer) and Användare: importing and exporting a
record file, a removal that asks first, a write that waits for its confirmation, a write whose refusal is said in
place, and a table whose source addresses are links."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

import ui
from scenes.errors import ScenesError, ValidationFailed
from scenes.render.tables import readable


def files(prefix: str, columns: Sequence[str], importer: Callable[[str, bytes], str],
          exporter: Callable[[str], bytes], file_stem: str, *, readonly: bool) -> None:
    """Export (CSV and .xlsx, the documented columns) and import (the upload page's reader and caps; on any problem
    the located table and nothing saved). `importer` stores a file and returns the success message."""
    st.caption(ui.tr(f"{prefix}.columns"))
    st.code(";".join(columns), language=None, wrap_lines=True)
    left, right = st.columns(2)
    # the files are made when a button is clicked, not on every rerun of the page
    ui.download(ui.tr(f"{prefix}.export_csv"), lambda: exporter("csv"), file_name=f"{file_stem}.csv",
                mime="text/csv", key=f"{prefix}_dl_csv", where=left)
    ui.download(ui.tr(f"{prefix}.export_xlsx"), lambda: exporter("xlsx"), file_name=f"{file_stem}.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{prefix}_dl_xlsx",
                where=right)
    if readonly:
        return
    upload = st.file_uploader(ui.tr(f"{prefix}.import_file"), type=["csv", "txt", "xlsx"], key=f"{prefix}_upload",
                              max_upload_size=ui.upload_cap_mib())
    ui.upload_hint("CSV, XLSX")
    if upload is not None and st.button(ui.tr(f"{prefix}.import_button"), type="primary", key=f"{prefix}_import",
                                        icon=":material/upload_file:"):
        try:
            message = importer(upload.name, upload.getvalue())
        except ValidationFailed as exc:  # the file's own rows and columns, as on the upload page
            ui.show_error(exc)
            return
        ui.done(message)


def confirmed(label_key: str, confirm_key: str, key: str, *, readonly: bool) -> bool:
    """A removal button that is enabled only once its confirmation is ticked; True when clicked."""
    sure = st.checkbox(ui.tr(confirm_key), key=f"{key}_sure", disabled=readonly)
    return st.button(ui.tr(label_key), disabled=readonly or not sure, icon=":material/delete:", key=key)


def write(action: Callable[[], object], message: str) -> None:
    """Do one write; a refusal (the last administrator, oneself, a short password …) is said here, else the page
    reruns with `message` above it (`ui.done`), so every list on it shows the write at once."""
    try:
        action()
    except ScenesError as exc:
        ui.show_error(exc)
        return
    ui.done(message)


def confirm_step(key: str, question: str, yes_label: str) -> bool:
    """A write asked for and waiting in `st.session_state[key]`: the question (naming whom it touches and what
    follows) with Yes and Cancel. True when Yes is clicked; either answer forgets the request, and Cancel reruns
    saying nothing changed. Until then nothing is written."""
    st.warning(question, icon=":material/warning:")
    yes, no = st.columns(2)
    if yes.button(yes_label, type="primary", key=f"{key}_yes"):
        del st.session_state[key]
        return True
    if no.button(ui.tr("users.cancel"), key=f"{key}_no"):
        del st.session_state[key]
        ui.done(ui.tr("users.cancelled"))
    return False


def table_with_links(table: pd.DataFrame, link_column: str, link_label: str) -> None:
    """A readable table (`tables.readable`) whose `link_column` holds http(s) addresses, shown as links (the
    addresses were validated when saved; the other cells are text, never Markdown or HTML)."""
    shown, numbers = readable(table, ui.lang())
    config = {name: st.column_config.TextColumn(alignment="right") for name in numbers}
    config[link_column] = st.column_config.LinkColumn(link_label)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
