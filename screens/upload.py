"""Ladda upp: a survey file in, a validation report, a preview against the previous survey, then publish."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.access.auth import can
from scenes.i18n import problem_text
from scenes.ingest.upload import survey_id_for
from scenes.model import Survey, SurveyKind
from scenes.render import maps
from scenes.render.template import template_csv, template_xlsx
from scenes.views.upload import upload_review
from ui import keys, signin
from ui import upload as ui_upload


def render() -> None:
    ui.require("upload")
    st.title(ui.tr("upload.title"))
    dash, lang = ui.dashboard(), ui.lang()
    st.markdown(ui.tr("upload.intro"))
    c1, c2 = st.columns(2)
    ui.download(ui.tr("upload.template_csv"), template_csv, file_name="mall-kartlaggning.csv", mime="text/csv",
                where=c1)
    ui.download(ui.tr("upload.template_xlsx"), lambda: template_xlsx(dash.reference), where=c2,
                file_name="mall-kartlaggning.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    # just published (the message is shown once): the next step may be removing the demo data
    if ui.flash() and dash.has_demo_beside_real() and can(ui.role(), "remove_demo"):
        st.info(ui.tr("demo.offer_removal"), icon=":material/delete_sweep:")
        ui.page_link("history", label=ui.tr("demo.remove_title"), icon=":material/delete:")
    surveys = [s for s in dash.surveys() if not s.demo]  # demo surveys are never revised
    mode = "new" if not surveys else st.radio(  # nothing to revise yet: only a new survey is offered
        ui.tr("upload.mode"), ["new", "revision"], horizontal=True, key="up_mode",
        format_func=lambda m: ui.tr(f"upload.mode.{m}"))
    if mode == "new":
        c1, c2, c3 = st.columns([2, 1, 1])
        name = c1.text_input(ui.tr("upload.name"), key="up_name", max_chars=200)
        # no defaults: the date decides which police areas exist, and today's date is rarely the survey's
        day = c2.date_input(ui.tr("upload.date"), value=None, key="up_date", format=ui.date_format())
        kinds: list[SurveyKind] = list(SurveyKind)  # (typed: mypy reads list(SurveyKind) as an empty list here)
        kind = c3.selectbox(ui.tr("upload.kind"), kinds, key="up_kind", index=None,
                            placeholder=ui.tr("upload.choose"), format_func=lambda k: ui.tr(f"survey_kind.{k}"))
        source = st.text_input(ui.tr("upload.source"), key="up_source")
        target, note = None, ""
    else:
        by_id = {s.id: s for s in surveys}
        names = ui.distinct_labels({i: s.name for i, s in by_id.items()})
        target = st.selectbox(ui.tr("upload.revise"), list(by_id), format_func=names,
                              key="up_target")
        note = st.text_input(ui.tr("upload.note"), key="up_note")
        name, day, kind, source = "", by_id[target].date, by_id[target].kind, ""

    upload = st.file_uploader(ui.tr("upload.file"), type=["csv", "txt", "xlsx", "geojson", "json", "gpkg"],
                              key="up_file", max_upload_size=ui.upload_cap_mib())
    ui.upload_hint("CSV, Excel (.xlsx), GeoJSON, GeoPackage")
    if upload is None:
        st.session_state.pop(keys.UP_CORRECTED, None)
        return
    if day is None:  # the check needs it: police areas are those of the survey's date
        st.info(ui.tr("upload.date_required"), icon=":material/event:")
        return
    original, name_of_file, data, corrected = ui_upload.file_to_check(upload)
    sheet = None if corrected else st.session_state.get(keys.UP_SHEET)
    mapping = {h: st.session_state.get(keys.column_mapping(h)) for h in st.session_state.get(keys.UP_UNKNOWN, [])}
    with st.status(ui.tr("upload.checking"), expanded=False) as status:  # once per file and choices (cached)
        review = upload_review(dash, name_of_file, data, survey_date=day, kind=kind, target=target,
                               mapping=mapping or None, sheet=sheet, lang=lang, preview=True,
                               disclosure=ui.disclosure())
        check = review.check
        errors = len(check.result.errors)
        status.update(label=ui.tr("upload.checked_errors", n=errors, rows=len(check.frame)) if errors
                      else ui.tr("upload.checked", rows=len(check.frame)), state="error" if errors else "complete")
    if corrected:
        ui_upload.corrected_notice(corrected)
    if len(check.sheets) > 1:
        st.selectbox(ui.tr("upload.sheet"), check.sheets, key=keys.UP_SHEET)
    ui_upload.column_mapping(check)

    errors, warnings = len(check.result.errors), len(check.result.warnings)
    m1, m2, m3 = st.columns(3)
    m1.metric(ui.tr("upload.rows_ok"), len(check.frame))
    m2.metric(ui.tr("severity.error"), errors)
    m3.metric(ui.tr("severity.warning"), warnings)
    for line in check.result.notes:
        st.caption(f":material/info: {ui.escape_markdown(problem_text(line, lang))}")
    ui_upload.report(dash, review, original, corrected, name_of_file)
    if not check.ok:
        st.error(ui.tr("upload.blocked"), icon=":material/block:")
        return

    ui_upload.date_warnings(review)
    if review.preview is None or review.previous is None or review.earlier is None:
        st.info(ui.tr("upload.nothing_real"), icon=":material/info:")
    else:
        st.subheader(ui.tr("upload.preview", name=review.previous.name))
        ui_upload.totals(review.preview)
        if review.unchanged_revision:
            st.success(ui.tr("upload.no_changes"), icon=":material/check_circle:")
            return
        ui.comparison_lists(review.preview.comparison, review.earlier, check.frame)
        with st.expander(ui.tr("upload.changed_tags")):
            ui.table_with_download(review.changed_tags, "andrade-taggar.csv", key="dl_tags")
        for dimension, label in (("municipality", "col.municipality"), ("police_area", "col.police_area")):
            with st.expander(ui.tr("progress.change_by", what=ui.tr(label))):
                ui.table_with_download(review.change_by[dimension], f"forandring-{dimension}.csv",
                                       key=f"dl_up_{dimension}")
    options = maps.MapOptions(lang=lang, basemap=dash.settings.basemap, precision="exact",
                              disclosure=ui.disclosure())
    fit = maps.fit_layer(maps.scene_extent(dash.reference, check.frame, precision="exact"),
                         max_zoom=maps.fit_max_zoom(dash.settings.basemap))
    ui.show_map(dash.reference, options, [fit, *maps.layers(dash.reference, check.frame, None, options)],
                key="preview_map", height=420)

    def publish(actor: str) -> None:
        with st.status(ui.tr("upload.publishing")) as status:
            if target:
                survey_id, revision = dash.publish(check, revise=target, actor=actor, note=note)
            else:
                survey = Survey(survey_id_for(name, day), name.strip(), day, SurveyKind(str(kind)), source.strip(),
                                False)
                survey_id, revision = dash.publish(check, survey=survey, actor=actor)
            status.update(label=ui.tr("upload.published", id=survey_id, revision=revision), state="complete")
        # the navigation, the figures and (after a first admin) the signed-in state follow at once
        ui.done(ui.tr("upload.published", id=survey_id, revision=revision))

    if not target and (not name.strip() or kind is None):
        st.info(ui.tr("upload.name_required" if not name.strip() else "upload.kind_required"), icon=":material/edit:")
    elif ui.is_demo():  # publishing real data ends the demo: first the administrator, so nobody is locked out
        st.warning(ui.tr("upload.demo_ends"), icon=":material/lock:")
        admin = signin.first_admin_form("upload", ui.tr("upload.admin_and_publish"))
        if admin:
            publish(admin)
    elif st.button(ui.tr("upload.publish"), type="primary", icon=":material/publish:"):
        publish(ui.actor())


ui.guarded(render)
