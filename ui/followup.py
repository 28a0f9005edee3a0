"""The follow-up page's parts (Uppföljning): choosing or starting a draft, its progress, the revisit list and form, a
merge, the draft's files, and the review before publishing. The rules are the core's (`scenes.views.followup`,
`scenes.domain.followup`); these parts only ask and show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st

import ui
from scenes.domain import followup as fu
from scenes.errors import ScenesError, StoreError
from scenes.i18n import problem_text, t
from scenes.ingest.upload import report_table
from scenes.views import followup as views
from ui import keys, records
from ui import upload as ui_upload

_PARAM = "utkast"  # the address names the draft shown, so a reload or a shared link opens the same one
_SCENE_PARAM = "scen"  # ... and the scene whose form is open
_MARKS: list[fu.Visit] = ["active", "changed", "ceased"]
_FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3"}


def write(action: str, fn: Callable[[], str], *, forget: str | None = None) -> None:
    """Run one write (`fn`, which returns what to say it did) and rerun with that message (`ui.done`); a refusal is
    shown here instead. A form that was stale (someone saved the scene meanwhile) gets a button that forgets the
    version it showed (`forget`), so the next rerun shows theirs."""
    try:
        message = fn()
    except StoreError as exc:
        ui.show_error(exc)
        if exc.code == "followup_changed" and forget is not None:
            st.button(ui.tr("followup.reload"), icon=":material/refresh:", key=f"fu_reload_{action}",
                      on_click=lambda: st.session_state.pop(forget, None))
        return
    except ScenesError as exc:
        ui.show_error(exc)
        return
    ui.done(message)


def forget_forms(followup_id: str) -> None:
    """Forget every scene form of the draft this session showed: after a merge, a file or a deletion, their scenes
    may have changed by this reader's own hand, and a form that kept the old version would refuse the next save."""
    prefix = keys.followup_shown(followup_id, "")
    for name in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[name]


def choose_draft(readonly: bool) -> fu.Draft | None:
    """The open drafts to choose from (the address's `utkast` first), and a form to start one."""
    dash = ui.dashboard()
    drafts = views.followups(dash)
    by_id = {f.followup_id: f for f in drafts}
    wanted = st.query_params.get(_PARAM)
    if wanted in by_id and st.session_state.get(keys.FU_DRAFT) not in by_id:
        st.session_state[keys.FU_DRAFT] = wanted
    chosen = None
    if drafts:
        # (every label names its draft's id: Streamlit's choice travels as its label, so two alike would be one)
        chosen = st.selectbox(ui.tr("followup.choose"), list(by_id), key=keys.FU_DRAFT,
                              format_func=lambda i: t("followup.draft_label", ui.lang(), name=by_id[i].name, id=i,
                                                      base=by_id[i].base_survey_id, by=by_id[i].created_by))
        st.query_params[_PARAM] = chosen
    else:
        st.info(ui.tr("followup.none"), icon=":material/fact_check:")
    with st.expander(ui.tr("followup.start"), expanded=not drafts, icon=":material/add:"):
        _start_form(readonly)
    closed = views.followups(dash, include_closed=True)
    if any(f.state != "open" for f in closed):
        with st.expander(ui.tr("followup.closed"), icon=":material/history:"):
            ui.show_table(views.closed_table(closed, ui.lang()))  # (a grid: a name typed is never Markdown)
    return views.draft(dash, chosen) if chosen else None


def _start_form(readonly: bool) -> None:
    dash = ui.dashboard()
    surveys = dash.surveys()
    if not surveys:
        st.info(ui.tr("error.no_surveys"), icon=":material/info:")
        return
    by_id = {s.id: s for s in reversed(surveys)}  # the latest first
    with st.form("fu_start"):
        names = ui.distinct_labels({i: s.name for i, s in by_id.items()})
        base = st.selectbox(ui.tr("followup.base"), list(by_id), format_func=names)
        name = st.text_input(ui.tr("followup.name"), max_chars=200)
        submitted = st.form_submit_button(ui.tr("followup.start_button"), type="primary", disabled=readonly,
                                          icon=":material/play_arrow:")
    if submitted:
        def start() -> str:
            draft = views.start(dash, actor=ui.actor(), base_survey_id=base, name=name.strip() or None)
            st.session_state[keys.FU_DRAFT] = draft.followup.followup_id
            st.query_params[_PARAM] = draft.followup.followup_id
            return ui.tr("followup.started", id=draft.followup.followup_id, n=len(draft.scenes))
        write("start", start)


def progress(draft: fu.Draft) -> None:
    """How far the revisits have come: revisited, left, ceased and new, and per municipality."""
    rows = fu.progress(draft)
    done, left = sum(w.done for w in rows), sum(w.left for w in rows)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(ui.tr("followup.kpi.done"), ui.num(done))
    m2.metric(ui.tr("followup.kpi.left"), ui.num(left))
    m3.metric(ui.tr("followup.kpi.ceased"), ui.num(sum(w.counts["ceased"] for w in rows)))
    m4.metric(ui.tr("followup.kpi.new"), ui.num(sum(w.counts["new"] for w in rows)))
    st.progress(done / (done + left) if done + left else 1.0)
    with st.expander(ui.tr("followup.worklist"), icon=":material/checklist:"):
        ways: list[Literal["kommun_kod", "lokalpolisomrade"]] = ["kommun_kod", "lokalpolisomrade"]
        by = st.segmented_control(ui.tr("progress.by"), ways, default="kommun_kod",
                                  key=keys.FU_WORKLIST_BY, format_func=lambda b: ui.tr(
                                      "col.municipality" if b == "kommun_kod" else "col.police_area"))
        ui.show_table(views.worklist_table(draft, ui.lang(), by or "kommun_kod",
                                           ui.dashboard().reference.police_area_name), static=True)


def scene_list(draft: fu.Draft) -> str | None:
    """The revisit list (filtered by municipality and visit) and the scene chosen from it (a searchable choice that
    works by keyboard and on a phone); returns that scene's id."""
    lang = ui.lang()
    st.subheader(ui.tr("followup.scenes"))
    municipalities = sorted({(s.kommun_kod, s.kommun) for s in draft.scenes.values()})
    names = dict(municipalities)
    police_name = ui.dashboard().reference.police_area_name
    police = sorted({s.lokalpolisomrade for s in draft.scenes.values() if s.lokalpolisomrade}, key=police_name)
    c1, c2, c3 = st.columns(3)
    chosen_m = c1.multiselect(ui.tr("map.filter.municipality"), list(names), key=keys.FU_MUNICIPALITIES,
                              format_func=names.__getitem__, placeholder=ui.tr("measures.all"))
    chosen_p = c2.multiselect(ui.tr("col.police_area"), police, key=keys.FU_POLICE_AREAS, format_func=police_name,
                              placeholder=ui.tr("measures.all"))
    visits = c3.multiselect(ui.tr("followup.filter.visit"), list(fu.VISITS), key=keys.FU_VISITS,
                            format_func=lambda v: ui.tr(f"followup.visit.{v}"), placeholder=ui.tr("measures.all"))
    table = views.scene_table(draft, lang, municipalities=tuple(chosen_m), police_areas=tuple(chosen_p),
                              visits=tuple(visits), police_area_name=police_name)
    if table.empty:
        st.info(ui.tr("followup.no_match"), icon=":material/filter_alt_off:")
        return None
    st.caption(ui.tr("followup.count", shown=len(table), n=len(draft.scenes)))
    ui.show_table(table, height=320)
    ids = list(table["scene_id"])
    linked = st.query_params.get(_SCENE_PARAM)
    if linked in ids and linked != st.session_state.get(keys.FU_LINKED):  # a link (or a reload) names the scene
        st.session_state[keys.FU_SCENE] = linked
    if st.session_state.get(keys.FU_SCENE) not in ids:  # a filter left it out: the first one shown
        st.session_state[keys.FU_SCENE] = ids[0]
    # (labels unique and unchanged by a save: Streamlit's choice travels as its label)
    chosen = str(st.selectbox(ui.tr("followup.choose_scene"), ids, key=keys.FU_SCENE, filter_mode="contains",
                              format_func=lambda i: f"{draft.scenes[i].name} ({i})"))
    st.query_params[_SCENE_PARAM] = st.session_state[keys.FU_LINKED] = chosen
    return chosen


def scene_form(draft: fu.Draft, scene_id: str | None, readonly: bool) -> None:
    """The form of one scene, as the version it first showed (kept in the session): a save on top of a newer one
    is refused by the store, with the way to reload."""
    if scene_id is None or scene_id not in draft.scenes:
        return
    dash, lang = ui.dashboard(), ui.lang()
    ref = dash.reference
    fid = draft.followup.followup_id
    shown_key = keys.followup_shown(fid, scene_id)
    if st.session_state.get(shown_key) is None:
        st.session_state[shown_key] = draft.scene(scene_id)
    shown: fu.DraftScene = st.session_state[shown_key]
    st.subheader(ui.tr("followup.form", name=shown.name))
    st.caption(ui.tr("followup.version", version=shown.version, by=shown.updated_by or "–",
                     when=ui.day(shown.updated_at) if shown.updated_at else "")
               if shown.version > 1 else ui.tr("followup.version_start"))
    if shown.visit in ("replaced", "removed"):
        continued = [s.scene_id for s in draft.scenes.values() if scene_id in s.predecessors and s.in_result]
        st.info(ui.tr("followup.gone", ids=", ".join(continued) or "–"), icon=":material/call_split:")
        return
    k = f"{fid}_{scene_id}_v{shown.version}"
    statuses = list(dict.fromkeys([*ref.statuses["code"], *([shown.status] if shown.status else [])]))
    categories = list(dict.fromkeys([*ref.categories["code"], *shown.categories]))
    with st.form(f"fu_form_{k}"):
        mark = None
        if shown.from_base:
            mark = st.radio(ui.tr("followup.mark"), _MARKS, horizontal=True,
                            index=_MARKS.index(shown.visit) if shown.visit in _MARKS else None,
                            format_func=lambda v: ui.tr(f"followup.visit.{v}"))
        impacts: list[int | None] = [None, 1, 2, 3, 4, 5]
        impact = st.selectbox(ui.tr("followup.impact"), impacts, index=impacts.index(shown.impact),
                              format_func=lambda i: ui.tr("followup.impact_none") if i is None else str(i))
        status = st.selectbox(ui.tr("followup.status"), [None, *statuses],
                              index=([None, *statuses].index(shown.status) if shown.status in statuses else 0),
                              format_func=lambda c: "–" if c is None else ref.status_label(c, lang))
        cats = st.multiselect(ui.tr("followup.categories"), categories,
                              default=[c for c in shown.categories if c in categories],
                              format_func=lambda c: ref.category_label(c, lang),
                              placeholder=ui.tr("followup.choose_categories"))
        notes = st.text_area(ui.tr("followup.notes"), value=shown.notes, max_chars=2_000)
        submitted = st.form_submit_button(ui.tr("followup.save"), type="primary", disabled=readonly,
                                          icon=":material/save:")
    if submitted:
        visit = mark or shown.visit

        def save() -> str:
            base = fu.apply(draft, [shown])  # the version the form showed: a newer one is refused by the store
            changed = fu.revisit(base, scene_id, visit if shown.from_base else "new", impact=impact,
                                 notes=notes.strip(), status=status or "", categories=cats)
            views.save(dash, fid, changed, actor=ui.actor())
            st.session_state.pop(shown_key, None)
            return ui.tr("followup.saved", name=shown.name, visit=ui.tr(f"followup.visit.{visit}"))
        write(scene_id, save, forget=shown_key)
    if not shown.from_base and records.confirmed("followup.remove", "followup.remove_confirm", f"fu_remove_{k}",
                                                 readonly=readonly):
        def remove() -> str:
            views.save(dash, fid, fu.remove(fu.apply(draft, [shown]), scene_id), actor=ui.actor())
            forget_forms(fid)
            return ui.tr("followup.removed", name=shown.name)
        write(f"remove_{scene_id}", remove, forget=shown_key)


def merge_form(draft: fu.Draft, readonly: bool) -> None:
    """Two or more scenes merged into one new scene, named by the analyst."""
    dash = ui.dashboard()
    live = {s.scene_id: s.name for s in draft.scenes.values() if s.in_result}
    with st.expander(ui.tr("followup.merge"), icon=":material/merge:"):
        st.caption(ui.tr("followup.merge_help"))
        with st.form("fu_merge"):
            chosen = st.multiselect(ui.tr("followup.merge_choose"), list(live),
                                    format_func=lambda i: f"{live[i]} ({i})")
            name = st.text_input(ui.tr("followup.merge_name"), max_chars=300)
            submitted = st.form_submit_button(ui.tr("followup.merge_button"), disabled=readonly,
                                              icon=":material/merge:")
        if submitted:
            (new_id,) = views.new_ids(dash, draft)

            def merge() -> str:
                views.save(dash, draft.followup.followup_id,
                           fu.merge(draft, chosen, new_id, name=name.strip() or None), actor=ui.actor())
                forget_forms(draft.followup.followup_id)
                return ui.tr("followup.merged", n=len(chosen), id=new_id)
            write("merge", merge)


def files(draft: fu.Draft, readonly: bool) -> None:
    """The draft as a file (four formats), and a file loaded into it (all or nothing)."""
    dash = ui.dashboard()
    fid = draft.followup.followup_id
    with st.expander(ui.tr("followup.files"), icon=":material/folder_open:"):
        def exporter(fmt: str) -> Callable[[], bytes]:
            return lambda: views.export_draft(dash, fid, fmt)

        for column, (fmt, mime) in zip(st.columns(len(_FORMATS)), _FORMATS.items(), strict=True):
            ui.download(ui.tr("followup.export", fmt=fmt.upper()), exporter(fmt), file_name=f"{fid}.{fmt}",
                        mime=mime, key=f"fu_dl_{fmt}", where=column)
        if readonly:
            return
        upload = st.file_uploader(ui.tr("followup.load"), type=["csv", "txt", "xlsx", "geojson", "json", "gpkg"],
                                  key="fu_upload", max_upload_size=ui.upload_cap_mib(),
                                  help=ui.tr("followup.load_help"))
        if upload is not None and st.button(ui.tr("followup.load_button"), icon=":material/upload_file:",
                                            key="fu_load"):
            def load() -> str:
                after = views.load_file(dash, fid, upload.name, upload.getvalue(), actor=ui.actor())
                forget_forms(fid)
                return ui.tr("followup.loaded", file=upload.name, left=sum(w.left for w in fu.progress(after)))
            write("load", load)


def review_and_publish(draft: fu.Draft, readonly: bool) -> None:
    """Name and date, the review (the upload's checks and preview on the draft's result), then publish."""
    dash, lang = ui.dashboard(), ui.lang()
    fid = draft.followup.followup_id
    st.subheader(ui.tr("followup.review"))
    c1, c2 = st.columns([2, 1])
    name = c1.text_input(ui.tr("followup.survey_name"), key=f"fu_name_{fid}", max_chars=200)
    day = c2.date_input(ui.tr("followup.survey_date"), value=None, key=f"fu_date_{fid}", format=ui.date_format())
    if not name.strip() or day is None:
        st.info(ui.tr("followup.review_needed"), icon=":material/edit:")
        return
    kept = st.session_state.get(keys.FU_REVIEW)
    fresh = kept is not None and kept[0] == (fid, draft.followup.edits, day)
    if st.button(ui.tr("followup.review_button"), icon=":material/fact_check:", key="fu_review_button"):
        with st.spinner(ui.tr("upload.checking")):
            checked = views.review(dash, fid, survey_date=day, lang=lang, disclosure=ui.disclosure())
        st.session_state[keys.FU_REVIEW] = kept = ((fid, draft.followup.edits, day), checked)
        fresh = True
    if kept is None or kept[0][0] != fid:
        return
    if not fresh:
        st.warning(ui.tr("followup.review_stale"), icon=":material/update:")
        return
    checked = kept[1]
    for problem in checked.draft_problems:
        st.error(ui.escape_markdown(problem_text(problem, lang)), icon=":material/block:")
    if checked.check.result.errors:
        ui.show_table(report_table(checked.check.result.errors, lang), static=True)
    if not checked.ok:
        st.error(ui.tr("followup.blocked"), icon=":material/block:")
        return
    st.success(ui.tr("followup.checked", n=len(checked.check.frame)), icon=":material/check_circle:")
    if checked.preview is not None:
        st.markdown(f"**{ui.tr('followup.preview', name=checked.base.name)}**")
        ui_upload.totals(checked.preview)
        ui.comparison_lists(checked.preview.comparison, checked.earlier, checked.check.frame)
        for dimension, label in (("municipality", "col.municipality"), ("police_area", "col.police_area")):
            with st.expander(ui.tr("progress.change_by", what=ui.tr(label))):
                ui.table_with_download(checked.change_by[dimension], f"forandring-{dimension}.csv",
                                       key=f"dl_fu_{dimension}")
    if st.button(ui.tr("followup.publish"), type="primary", icon=":material/publish:", disabled=readonly,
                 key="fu_publish"):
        def publish() -> str:
            survey = views.publish(dash, checked, name=name.strip(), survey_date=day, actor=ui.actor())
            st.session_state.pop(keys.FU_REVIEW, None)
            st.session_state.pop(keys.FU_DRAFT, None)
            st.query_params.pop(_PARAM, None)
            return ui.tr("followup.published", id=survey.id)
        write("publish", publish)


def discard(draft: fu.Draft, readonly: bool) -> None:
    fid = draft.followup.followup_id
    with st.expander(ui.tr("followup.discard"), icon=":material/delete:"):
        if records.confirmed("followup.discard", "followup.discard_confirm", "fu_discard", readonly=readonly):
            def go() -> str:
                views.discard(ui.dashboard(), fid, actor=ui.actor())
                st.session_state.pop(keys.FU_DRAFT, None)
                st.query_params.pop(_PARAM, None)
                return ui.tr("followup.discarded", id=fid)
            write("discard", go)
