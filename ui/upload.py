"""Parts of the upload page: the corrected-file notice, the triaged report and the preview's totals and flags (kept
out of the page so it stays thin; what they show comes from the review, `scenes.views.upload`)."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

import ui
from scenes import Dashboard
from scenes.i18n import problem_text
from scenes.ingest import header_mapping
from scenes.ingest.columns import CANONICAL
from scenes.ingest.preview import Preview, flags_table
from scenes.ingest.triage import ProblemGroup, group_examples, group_title
from scenes.ingest.upload import UploadCheck, report_table
from scenes.io.formats import table_to_csv
from scenes.model import Lang
from scenes.views.upload import UploadReview
from ui import keys


def file_to_check(upload: Any) -> tuple[str, str, bytes, dict[str, Any] | None]:
    """The uploaded file's digest, and the name and bytes to check: the corrected file once the suggestions were
    applied to this very upload, else the upload itself."""
    name, data = upload.name, upload.getvalue()
    original = hashlib.sha256(data).hexdigest()
    corrected = st.session_state.get(keys.UP_CORRECTED)
    if corrected and corrected["source"] == original:
        return original, corrected["name"], corrected["data"], corrected
    return original, name, data, None


def column_mapping(check: UploadCheck) -> None:
    """Unknown columns can be mapped to a field (the choice applies at the next check)."""
    unknown = [p.column for p in check.result.problems if p.code == "unknown_column" and p.column]
    st.session_state[keys.UP_UNKNOWN] = unknown
    if not unknown:
        return
    st.markdown(f"**{ui.tr('upload.mapping')}**")
    options = [None, *CANONICAL]
    for header, (_, hints) in header_mapping(unknown).items():
        st.selectbox(ui.escape_markdown(header), options, key=keys.column_mapping(header),
                     format_func=lambda o: ui.tr("upload.ignore") if o is None else o,
                     help=ui.tr("upload.mapping_help", hints=", ".join(hints) or "–"))


def report(dash: Dashboard, review: UploadReview, original: str, corrected: dict[str, Any] | None,
           file_name: str) -> None:
    """The triaged report: the errors first and apart (by kind, then row by row), then the warnings grouped by
    kind with counts and examples; each kind whose suggestions can be written into the file has its own
    "apply" (never one for everything); the whole report is a CSV download."""
    lang, check, result = ui.lang(), review.check, review.triage
    if result.errors:
        with st.container(border=True, key="up_errors"):
            st.error(ui.tr("triage.errors", n=len(result.errors)), icon=":material/block:")
            for group in result.error_groups:
                _group(dash, check, original, corrected, group, lang)
            st.markdown(f"**{ui.tr('triage.errors_by_row')}**")
            ui.show_table(report_table(result.errors, lang), static=True)
    if result.warning_groups:
        with st.container(border=True, key="up_warnings"):
            st.markdown(f"**{ui.tr('triage.warnings', n=len(result.warnings))}**")
            for group in result.warning_groups:
                _group(dash, check, original, corrected, group, lang)
            with st.expander(ui.tr("triage.warnings_by_row")):
                ui.show_table(report_table(result.warnings, lang), static=True)
    if check.result.problems:
        ui.download(ui.tr("triage.report_csv"), lambda: table_to_csv(report_table(check.result.problems, lang)),
                    file_name=f"rapport-{file_name}.csv", mime="text/csv", key="dl_report")


def _group(dash: Dashboard, check: UploadCheck, original: str, corrected: dict[str, Any] | None,
           group: ProblemGroup, lang: Lang) -> None:
    """One kind of problem: its count and examples, and an "apply" for its suggestions."""
    c1, c2 = st.columns([5, 1], vertical_alignment="center")
    icon = ":material/error:" if group.severity == "error" else (
        ":material/warning:" if group.attention else ":material/info:")
    c1.markdown(f"{icon} **{ui.escape_markdown(group_title(group, lang))}**  \n"
                f"{ui.escape_markdown(group_examples(group, lang))}")
    if group.fixable and c2.button(ui.tr("triage.apply", n=group.fixable), key=f"apply_{group.code}",
                                   icon=":material/auto_fix_high:", help=ui.tr("triage.apply_help")):
        correction = dash.correct(check, {group.code})
        changes = correction.changes + (corrected["changes"] if corrected else 0)
        st.session_state[keys.UP_CORRECTED] = {"source": original, "name": correction.name, "data": correction.data,
                                            "changes": changes}
        st.rerun()


def corrected_notice(corrected: dict[str, Any]) -> None:
    """The suggestions are applied: say so, offer the corrected file, and a way back to the original."""
    c1, c2 = st.columns([3, 1])
    c1.info(ui.tr("upload.corrected", n=corrected["changes"], file=corrected["name"]), icon=":material/auto_fix_high:")
    ui.download(ui.tr("upload.corrected_download"), corrected["data"], file_name=str(corrected["name"]), where=c2)
    if c2.button(ui.tr("upload.corrected_undo"), icon=":material/undo:"):
        st.session_state.pop(keys.UP_CORRECTED, None)
        st.rerun()


def _hectares(area_m2: float | None) -> str:
    """An area in hectares, or "not measured" (no polygon: never 0,0)."""
    return ui.tr("kpi.area_not_measured") if area_m2 is None else ui.num(area_m2 / 10_000, 1)


def date_warnings(review: UploadReview) -> None:
    """What is unusual about the new survey's date and kind (today, to come, before the latest, a weekend, a
    follow-up of nothing): warnings, before the preview."""
    for problem in review.date_warnings:
        st.warning(ui.escape_markdown(problem_text(problem, ui.lang())), icon=":material/event_busy:")


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
