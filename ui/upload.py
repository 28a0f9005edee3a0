"""Parts of the upload page: the corrected-file notice and the preview's totals and flags (kept out of the page
so it stays thin; the figures themselves come from `scenes.ingest.preview`)."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

import ui
from scenes import Dashboard
from scenes.ingest import header_mapping
from scenes.ingest.columns import CANONICAL
from scenes.ingest.corrections import applicable
from scenes.ingest.preview import Preview, flags_table
from scenes.ingest.upload import UploadCheck


def file_to_check(upload: Any) -> tuple[str, str, bytes, dict[str, Any] | None]:
    """The uploaded file's digest, and the name and bytes to check: the corrected file once the suggestions were
    applied to this very upload, else the upload itself."""
    name, data = upload.name, upload.getvalue()
    original = hashlib.sha256(data).hexdigest()
    corrected = st.session_state.get("up_corrected")
    if corrected and corrected["source"] == original:
        return original, corrected["name"], corrected["data"], corrected
    return original, name, data, None


def column_mapping(check: UploadCheck) -> None:
    """Unknown columns can be mapped to a field (the choice applies at the next check)."""
    unknown = [p.column for p in check.result.problems if p.code == "unknown_column" and p.column]
    st.session_state["up_unknown"] = unknown
    if not unknown:
        return
    st.markdown(f"**{ui.tr('upload.mapping')}**")
    options = [None, *CANONICAL]
    for header, (_, hints) in header_mapping(unknown).items():
        st.selectbox(ui.escape_markdown(header), options, key=f"map_{header}",
                     format_func=lambda o: ui.tr("upload.ignore") if o is None else o,
                     help=ui.tr("upload.mapping_help", hints=", ".join(hints) or "–"))


def apply_suggestions(dash: Dashboard, check: UploadCheck, original: str, corrected: dict[str, Any] | None) -> None:
    """One action applies every unambiguous suggestion; the corrected file is then what is checked."""
    fixes = applicable(check.result.problems)
    if fixes and st.button(ui.tr("upload.apply_all", n=len(fixes)), icon=":material/auto_fix_high:",
                           help=ui.tr("upload.apply_all_help")):
        correction = dash.correct(check)
        changes = correction.changes + (corrected["changes"] if corrected else 0)
        st.session_state["up_corrected"] = {"source": original, "name": correction.name, "data": correction.data,
                                            "changes": changes}
        st.rerun()


def corrected_notice(corrected: dict[str, Any]) -> None:
    """The suggestions are applied: say so, offer the corrected file, and a way back to the original."""
    c1, c2 = st.columns([3, 1])
    c1.info(ui.tr("upload.corrected", n=corrected["changes"], file=corrected["name"]), icon=":material/auto_fix_high:")
    ui.download(ui.tr("upload.corrected_download"), corrected["data"], file_name=str(corrected["name"]), where=c2)
    if c2.button(ui.tr("upload.corrected_undo"), icon=":material/undo:"):
        st.session_state.pop("up_corrected", None)
        st.rerun()


def _hectares(area_m2: float | None) -> str:
    """An area in hectares, or "not measured" (no polygon: never 0,0)."""
    return ui.tr("kpi.area_not_measured") if area_m2 is None else ui.num(area_m2 / 10_000, 1)


def totals(guard: Preview) -> None:
    """County totals before and after, and the scenes whose figures deserve a second look."""
    m1, m2 = st.columns(2)
    count_change = guard.count_after - guard.count_before
    m1.metric(ui.tr("upload.total_count"), ui.num(guard.count_after), delta=ui.num(count_change),
              delta_color="off", delta_arrow="auto" if count_change else "off",
              delta_description=ui.tr("upload.before", value=ui.num(guard.count_before)))
    change = guard.area_change_pct
    shown = None if change is None else round(change, 1)
    m2.metric(ui.tr("upload.total_area"), _hectares(guard.area_after_m2),
              delta=None if shown is None else f"{ui.num(shown, 1)} %", delta_color="off",
              delta_arrow="auto" if shown else "off",
              delta_description=ui.tr("upload.before", value=_hectares(guard.area_before_m2)))
    if guard.flags:
        st.warning(ui.tr("upload.flags", n=len({f.scene_id for f in guard.flags})), icon=":material/warning:")
        ui.table_with_download(flags_table(guard, ui.lang()), "granska-scener.csv", key="dl_flags", static=True)
