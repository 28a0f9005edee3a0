"""Referenstabeller (admin): edit the category names and colours, statuses and municipal populations."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from scenes.errors import StoreError, ValidationFailed
from scenes.reference import EDITABLE
from ui import keys

#: the editor's columns and the catalogue key of each one's heading (also used to locate a problem)
LABELS = {"code": "reference.col.code", "label_sv": "reference.col.label_sv", "label_en": "reference.col.label_en",
          "description_sv": "reference.col.description_sv", "description_en": "reference.col.description_en",
          "color": "reference.col.color", "working_name": "reference.col.working_name",
          "kommun_kod": "col.kommun_kod", "kommun": "col.municipality", "population": "reference.col.population",
          "population_date": "reference.col.population_date", "organisation_type": "measures.col.organisation_type"}


def render() -> None:
    ui.require("reference")
    st.title(ui.tr("reference.title"))
    ui.flash()
    st.markdown(ui.tr("reference.intro"))
    dash = ui.dashboard()
    readonly = ui.demo_readonly()
    ref = dash.reference
    tables = {"categories": ref.categories, "statuses": ref.statuses, "municipalities": ref.municipalities,
              "measure_kinds": ref.measure_kinds, "actors": ref.actors}
    name = st.segmented_control(ui.tr("reference.table"), list(EDITABLE), default="categories", key="ref_table",
                                format_func=lambda n: ui.tr(f"reference.{n}")) or "categories"
    _, key, editable = EDITABLE[name]
    if name in ("measure_kinds", "actors"):  # what the table is for, and that its codes stay
        st.caption(ui.tr(f"measures.ref_help.{name}"))
    history = dash.reference_history(name)
    # The version this tab's editor started from: a save on top of someone else's newer version is refused.
    based_on = st.session_state.setdefault(keys.reference_based_on(name),
                                           int(history["version"].max()) if len(history) else 0)
    shown = [key, "kommun", *editable] if name == "municipalities" else [key, *editable]
    frame = tables[name][shown].astype(object).where(tables[name][shown].notna(), None)
    if "working_name" in frame.columns:  # the file says true/false; the editor shows a checkbox
        frame["working_name"] = frame["working_name"].map(lambda v: str(v).lower() == "true")
    if "population" in frame.columns:  # a number column, so the editor takes whole numbers only
        frame["population"] = frame["population"].astype("Int64")
    column = st.column_config
    label = {c: ui.tr(k) for c, k in LABELS.items()}
    config = {
        "code": column.TextColumn(label["code"], help=ui.tr("reference.col.code_help")),
        "label_sv": column.TextColumn(label["label_sv"], required=True),
        "label_en": column.TextColumn(label["label_en"], required=True),
        "description_sv": column.TextColumn(label["description_sv"]),
        "description_en": column.TextColumn(label["description_en"]),
        "color": column.TextColumn(label["color"], help=ui.tr("reference.col.color_help")),
        "working_name": column.CheckboxColumn(label["working_name"], help=ui.tr("reference.col.working_name_help")),
        "kommun_kod": column.TextColumn(label["kommun_kod"]),
        "kommun": column.TextColumn(label["kommun"]),
        "population": column.NumberColumn(label["population"], min_value=0, step=1, format="%d"),
        "population_date": column.TextColumn(label["population_date"],
                                             help=ui.tr("reference.col.population_date_help")),
        "organisation_type": column.TextColumn(label["organisation_type"],
                                               help=ui.tr("measures.col.organisation_type_help")),
    }
    edited = st.data_editor(frame, key=f"editor_{name}", hide_index=True, width="stretch",
                            num_rows="dynamic" if name != "municipalities" else "fixed",
                            column_config={c: config[c] for c in frame.columns},
                            disabled=[key, "kommun"] if name == "municipalities" else [])
    if "working_name" in edited.columns:
        edited = edited.assign(working_name=edited["working_name"].map(lambda v: "true" if v else "false"))
    if "population" in edited.columns:
        edited = edited.assign(population=pd.Series([None if pd.isna(v) else int(v) for v in edited["population"]],
                                                    index=edited.index))
    if st.button(ui.tr("reference.save"), type="primary", icon=":material/save:", disabled=readonly):
        try:
            changes = dash.save_reference(name, edited, actor=ui.actor(), based_on=based_on)
        except ValidationFailed as exc:  # located by the editor's own column names
            ui.show_error(exc, columns=LABELS)
            return
        except StoreError as exc:  # someone saved meanwhile: show the error, start over from their version
            del st.session_state[keys.reference_based_on(name)]
            ui.show_error(exc)
            return
        del st.session_state[keys.reference_based_on(name)]
        ui.done(ui.tr("reference.saved", n=len(changes)))
    if len(history):
        latest = history.iloc[0]
        st.caption(ui.tr("reference.version", version=int(latest["version"]), by=latest["created_by"],
                         when=ui.day(latest["created_at"])))
        with st.expander(ui.tr("reference.history")):
            ui.table_with_download(history.rename(columns={"note": "changes"}), f"referens-{name}.csv",
                                   key=f"dl_ref_{name}")


ui.guarded(render)
