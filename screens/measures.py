"""Åtgärder: analysts add, edit and remove measures (who does what where), see their versions, import and export."""

from __future__ import annotations

import dataclasses

import streamlit as st

import ui  # _FIELDS: a problem's column -> the catalogue key of the form field it names
from scenes.domain.measures import MEASURE_COLUMNS, MEASURE_STATUSES, Measure, new_measure_id
from scenes.errors import StoreError, ValidationFailed
from scenes.views import entry
from scenes.views.entry import MeasureFilter, filter_measures, measure_history, measures_view, scene_labels
from ui import keys, records

_FIELDS = {f: f"measures.field.{f}" for f in ("scene_id", "kommun_kod", "lokalpolisomrade", "kind", "actor", "status",
                                              "start_date", "end_date", "note")} | {"measure_id": "measures.col.id"}


def _save(item: Measure, key: str, done: str, what: str) -> None:
    """Store one version (a refusal says what is wrong by the form's labels; a stale form, the reload hint)."""
    try:
        saved = ui.dashboard().save_measure(item, actor=ui.actor())
    except ValidationFailed as exc:
        ui.show_error(exc, columns=_FIELDS)
        return
    except StoreError as exc:  # someone saved meanwhile: say so, and show their version from the next rerun on
        st.session_state.pop(keys.measure_shown(key), None)
        ui.show_error(exc)
        st.button(ui.tr("measures.reload"), icon=":material/refresh:", key="m_reload")
        return
    st.session_state.pop(keys.measure_shown(key), None)
    st.session_state[keys.M_NEXT] = None  # back to "Ny åtgärd": the next one typed is a new measure, not version 2
    st.session_state[keys.M_FRESH] = st.session_state.get(keys.M_FRESH, 0) + 1  # a new form key: every field empty
    ui.done(ui.tr(done, id=saved.measure_id, version=saved.version, what=what))


def _import(name: str, data: bytes) -> str:
    saved = ui.dashboard().import_measures(name, data, actor=ui.actor())
    added = sum(1 for m in saved if m.version == 1)
    return ui.tr("measures.imported", added=added, updated=len(saved) - added)


def _form(cur: Measure | None, labels: dict[str, str], options: dict[str, str], readonly: bool) -> None:
    """The measure's fields as the version this tab showed (kept in the session): a save on top of a newer one is
    refused by the core."""
    ref, lang = ui.dashboard().reference, ui.lang()
    key = cur.measure_id if cur else "new"
    shown: Measure | None = st.session_state.setdefault(keys.measure_shown(key), cur)
    k = f"{key}_v{shown.version if shown else 0}_{st.session_state.get(keys.M_FRESH, 0)}"  # new after each save
    if shown is not None:
        st.caption(ui.tr("measures.version", version=shown.version, by=shown.created_by,
                         when=ui.day(shown.created_at) if shown.created_at else "–"))
    target_kind, target_code = shown.target if shown else ("scene", "")
    tkind = st.segmented_control(ui.tr("measures.target"), ["scene", "kommun", "lpo"], default=target_kind,
                                 key=f"m_tkind_{k}", format_func=lambda c: ui.tr(f"measures.target.{c}")) or "scene"
    choices = {"scene": options, "kommun": {c: ref.municipality_name(c) for c in ref.municipalities["kommun_kod"]},
               "lpo": {c: ref.police_area_name(c) for c in ref.police_areas["lpo_code"]}}[tkind]
    if tkind == target_kind and target_code and target_code not in choices:  # a scene no longer in the survey
        choices = {target_code: labels.get(target_code, target_code), **choices}
    kinds, actors = list(ref.measure_kinds["code"]), list(ref.actors["code"])

    def index(values: list[str], value: str | None) -> int | None:
        return values.index(value) if value in values else None

    with st.form(f"measure_form_{k}"):
        target = st.selectbox(ui.tr(f"measures.target.{tkind}"), list(choices), format_func=choices.__getitem__,
                              index=index(list(choices), target_code), placeholder=ui.tr("form.choose"))
        c1, c2, c3 = st.columns(3)
        kind = c1.selectbox(ui.tr("measures.field.kind"), kinds, index=index(kinds, shown.kind if shown else None),
                            format_func=lambda c: ref.measure_kind_label(c, lang), placeholder=ui.tr("form.choose"))
        actor = c2.selectbox(ui.tr("measures.field.actor"), actors, index=index(actors, shown.actor if shown else None),
                             format_func=lambda c: ref.actor_label(c, lang), placeholder=ui.tr("form.choose"))
        status = c3.selectbox(ui.tr("measures.field.status"), MEASURE_STATUSES,
                              index=MEASURE_STATUSES.index(shown.status) if shown else 0,
                              format_func=lambda s: ui.tr(f"measure.status.{s}"))
        d1, d2 = st.columns(2)
        start = d1.date_input(ui.tr("measures.field.start_date"), value=shown.start_date if shown else None,
                              format=ui.date_format())
        end = d2.date_input(ui.tr("measures.field.end_date"), value=shown.end_date if shown else None,
                            format=ui.date_format())
        note = st.text_area(ui.tr("measures.field.note"), value=shown.note if shown else "", max_chars=2_000)
        submitted = st.form_submit_button(ui.tr("measures.save"), type="primary", disabled=readonly)
    if submitted:  # saved outside the form: a refusal may offer a button
        item = Measure(measure_id=shown.measure_id if shown else new_measure_id(), kind=kind or "",
                       actor=actor or "", status=status, scene_id=target if tkind == "scene" else None,
                       kommun_kod=target if tkind == "kommun" else None,
                       lokalpolisomrade=target if tkind == "lpo" else None, start_date=start, end_date=end,
                       note=note.strip(), version=shown.version if shown else 0)
        what = f"{ref.measure_kind_label(item.kind, lang)} – {entry.target_label(item, ref, labels, lang)}"
        _save(item, key, "measures.saved", what)
    if shown is not None and records.confirmed("measures.remove", "measures.remove_confirm", f"m_remove_{k}",
                                               readonly=readonly):
        _save(dataclasses.replace(shown, removed=True), key, "measures.removed", "")


def render() -> None:
    ui.require("measures")
    st.title(ui.tr("measures.title"))
    st.markdown(ui.tr("measures.intro"))
    dash, lang = ui.dashboard(), ui.lang()
    ref, items = dash.reference, ui.measures()
    surveys = dash.surveys()
    readonly = ui.demo_readonly()
    if surveys and all(s.demo for s in surveys):  # demo measures while demo surveys are shown, never both
        ui.demo_notice()
        if not readonly:
            st.info(ui.tr("measures.demo_real_later"), icon=":material/info:")
    ui.flash()
    current = ui.scenes(surveys[-1].id) if surveys else None
    options = scene_labels(current) if current is not None else {}
    labels = {**scene_labels(ui.scenes()), **options} if surveys else {}
    st.subheader(ui.tr("measures.list"))
    c1, c2, c3, c4 = st.columns(4)
    filt = MeasureFilter(
        statuses=tuple(c1.multiselect(ui.tr("measures.field.status"), MEASURE_STATUSES,
                                      placeholder=ui.tr("measures.all"),
                                      format_func=lambda s: ui.tr(f"measure.status.{s}"))),
        kinds=tuple(c2.multiselect(ui.tr("measures.field.kind"), list(ref.measure_kinds["code"]),
                                   format_func=lambda c: ref.measure_kind_label(c, lang),
                                   placeholder=ui.tr("measures.all"))),
        actors=tuple(c3.multiselect(ui.tr("measures.field.actor"), sorted({m.actor for m in items}),
                                    format_func=lambda c: ref.actor_label(c, lang), placeholder=ui.tr("measures.all"))),
        text=c4.text_input(ui.tr("measures.search")))
    shown = filter_measures(items, filt, ref, labels, lang)
    if not items:
        st.info(ui.tr("measures.empty"), icon=":material/construction:")
    else:
        st.caption(ui.tr("measures.count", shown=len(shown), n=len(items)))
        ui.show_table(measures_view(shown, ref, labels, lang))

    st.subheader(ui.tr("measures.edit"))
    by_id = {m.measure_id: m for m in items}
    if keys.M_NEXT in st.session_state:  # after a save: a new measure
        st.session_state[keys.M_CHOICE] = st.session_state.pop(keys.M_NEXT)
    names: dict[str | None, str] = {None: ui.tr("measures.new")}  # after a save the choice is None
    names |= {i: f"{i}: {ref.measure_kind_label(m.kind, lang)} – {entry.target_label(m, ref, labels, lang)}"
              for i, m in by_id.items()}
    choice = st.selectbox(ui.tr("measures.choose"), list(names), key=keys.M_CHOICE, placeholder=names[None],
                          format_func=names.__getitem__)
    _form(by_id.get(choice) if choice else None, labels, options, readonly)
    if choice in by_id:
        with st.expander(ui.tr("measures.history"), icon=":material/history:"):
            ui.show_table(measure_history(dash.measure_versions(choice), ref, labels, lang))

    st.subheader(ui.tr("measures.files"))
    records.files("measures", MEASURE_COLUMNS, _import, dash.export_measures, "atgarder", readonly=readonly)


ui.guarded(render)
