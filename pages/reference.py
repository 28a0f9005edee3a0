"""Referenstabeller (admin): edit the category names and colours, statuses and municipal populations."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.reference import EDITABLE


def render() -> None:
    ui.require("reference")
    st.title(ui.tr("reference.title"))
    st.markdown(ui.tr("reference.intro"))
    dash = ui.dashboard()
    readonly = ui.demo_readonly()
    ref = dash.reference
    tables = {"categories": ref.categories, "statuses": ref.statuses, "municipalities": ref.municipalities}
    name = st.segmented_control(ui.tr("reference.table"), list(EDITABLE), default="categories", key="ref_table",
                                format_func=lambda n: ui.tr(f"reference.{n}")) or "categories"
    _, key, editable = EDITABLE[name]
    frame = tables[name][[key, *editable]].astype(object).where(tables[name][[key, *editable]].notna(), None)
    edited = st.data_editor(frame, key=f"editor_{name}", hide_index=True, width="stretch",
                            num_rows="dynamic" if name != "municipalities" else "fixed",
                            disabled=[key] if name == "municipalities" else [])
    if st.button(ui.tr("reference.save"), type="primary", icon=":material/save:", disabled=readonly):
        changes = dash.save_reference(name, edited, actor=ui.actor())
        st.success(ui.tr("reference.saved", n=len(changes)))


ui.guarded(render)
