"""Seminarier: the collaboration's seminars, upcoming first (soonest first), then past (latest first), each with
its date as honestly as it is known and a button to the map preset for its workshop focus."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import ui
from scenes.access.auth import can
from scenes.domain.seminars import SEMINAR_COLUMNS, map_preset, parse_programme, split_upcoming, when_text
from scenes.errors import ValidationFailed
from scenes.i18n import local_today
from scenes.model import Seminar

#: the form's fields by the names a problem uses, and the catalogue key of each field's label
_FIELDS = {"seminar_id": "seminars.field_id", "title": "seminars.field_title", "start_time": "seminars.field_start",
           "end_time": "seminars.field_end", "date": "seminars.field_date", "programme": "seminars.programme_field"}


def _seminar_form(seminars: list[Seminar]) -> None:
    """Add a seminar, or edit one: every field of the record; the programme one item per line."""
    dash, lang = ui.dashboard(), ui.lang()
    ref = dash.reference
    by_id = {s.seminar_id: s for s in seminars}
    choice = st.selectbox(ui.tr("seminars.choose"), [None, *by_id], key="sem_choice",
                          format_func=lambda i: ui.tr("seminars.new") if i is None else by_id[i].title)
    cur = by_id.get(choice) if choice else None
    with st.form(f"seminar_form_{choice}"):
        sid = st.text_input(ui.tr("seminars.field_id"), value=cur.seminar_id if cur else "", disabled=cur is not None,
                            help=ui.tr("seminars.id_help"))
        title = st.text_input(ui.tr("seminars.field_title"), value=cur.title if cur else "")
        kind = st.text_input(ui.tr("seminars.field_kind"), value=cur.kind if cur else "Seminarium")
        c1, c2, c3, c4 = st.columns(4)
        known = c1.checkbox(ui.tr("seminars.date_known"), value=bool(cur and cur.date))
        date = c1.date_input(ui.tr("seminars.field_date"), format=ui.date_format(),
                             value=cur.date if cur and cur.date else None)
        start = c2.text_input(ui.tr("seminars.field_start"), value=cur.start_time if cur else "")
        end = c3.text_input(ui.tr("seminars.field_end"), value=cur.end_time if cur else "")
        deadline = c4.date_input(ui.tr("seminars.field_deadline"), format=ui.date_format(),
                                 value=cur.registration_deadline if cur else None)
        place = st.text_input(ui.tr("seminars.place"), value=cur.place if cur else "")
        organiser = st.text_input(ui.tr("seminars.organiser"), value=cur.organiser if cur else "")
        audience = st.text_area(ui.tr("seminars.audience"), value=cur.audience if cur else "")
        description = st.text_area(ui.tr("seminars.field_description"), value=cur.description if cur else "")
        focus = st.multiselect(ui.tr("seminars.focus"), list(ref.categories["code"]),
                               default=list(cur.focus_categories) if cur else [],
                               format_func=lambda c: ref.category_label(c, lang), placeholder=ui.tr("form.choose"))
        munis = st.multiselect(ui.tr("seminars.invited_municipalities"), list(ref.municipalities["kommun_kod"]),
                               default=list(cur.invited_municipalities) if cur else [],
                               format_func=ref.municipality_name, placeholder=ui.tr("form.choose"))
        lpos = st.multiselect(ui.tr("seminars.invited_police_areas"), list(ref.police_areas["lpo_code"]),
                              default=list(cur.invited_police_areas) if cur else [],
                              format_func=ref.police_area_name, placeholder=ui.tr("form.choose"))
        programme = st.text_area(ui.tr("seminars.programme_field"), value="\n".join(
            f"{p.time} | {p.title} | {p.speakers}" for p in cur.programme) if cur else "", height=160)
        if st.form_submit_button(ui.tr("seminars.save"), type="primary"):
            item = Seminar(
                seminar_id=sid.strip(), title=title.strip(), kind=kind.strip(), date=date if known else None,
                start_time=start.strip(), end_time=end.strip(), registration_deadline=deadline,
                place=place.strip(), organiser=organiser.strip(), audience=audience.strip(),
                description=description.strip(), cost=cur.cost if cur else "", contact=cur.contact if cur else "",
                source=cur.source if cur else "", source_url=cur.source_url if cur else "",
                focus_categories=tuple(focus), invited_municipalities=tuple(munis), invited_police_areas=tuple(lpos),
                programme=parse_programme(programme),
            )
            try:
                dash.save_seminar(item, actor=ui.actor())
            except ValidationFailed as exc:  # located by the form's own field names
                ui.show_error(exc, columns=_FIELDS)
                return
            ui.done(ui.tr("seminars.saved", title=item.title))


def _card(sem: Seminar, today: dt.date) -> None:
    ref, lang = ui.dashboard().reference, ui.lang()
    with st.container(border=True):
        st.subheader(ui.escape_markdown(sem.title), anchor=False)  # no in-page link made of user text
        with st.container(key=f"workshop_map_{sem.seminar_id}"):
            ui.page_link("map", label=ui.tr("seminars.open_map"), icon=":material/map:",
                         query_params=map_preset(sem))
        focus = ", ".join(ref.category_label(c, lang) for c in sem.focus_categories) or "–"
        ui.show_facts([
            (ui.tr("seminars.when"), when_text(sem, lang, today)),
            (ui.tr("seminars.place"), sem.place),
            (ui.tr("seminars.organiser"), sem.organiser),
            (ui.tr("seminars.audience"), sem.audience),
            (ui.tr("seminars.focus"), focus),
            (ui.tr("seminars.source"), sem.source),
        ])
        if sem.description:
            st.markdown(ui.escape_markdown(sem.description))
        if sem.programme:
            st.markdown(f"**{ui.tr('seminars.programme')}**")
            st.markdown("\n".join(  # one bullet per item: the time in bold when there is one
                "- " + (f"**{ui.escape_markdown(p.time)}** " if p.time else "") + ui.escape_markdown(p.title)
                + (f" — *{ui.escape_markdown(p.speakers)}*" if p.speakers else "") for p in sem.programme))


# The workshop map is a link (it can be opened in a new tab, shared, reached by keyboard) drawn as a button.
_BUTTON_CSS = """<style>
[class*="st-key-workshop_map_"] a {background: var(--st-primary-color, #0b5fa5); color: #fff !important;
  border-radius: 0.5rem; padding: 0.45rem 0.9rem; justify-content: center}
[class*="st-key-workshop_map_"] a:hover, [class*="st-key-workshop_map_"] a:focus-visible {filter: brightness(0.88)}
[class*="st-key-workshop_map_"] a span, [class*="st-key-workshop_map_"] a p {color: #fff !important}
</style>"""


def render() -> None:
    ui.require("seminars")
    st.title(ui.tr("seminars.title"))
    ui.flash()
    st.html(_BUTTON_CSS)
    dash = ui.dashboard()
    seminars = dash.seminars()
    if not seminars:
        st.info(ui.tr("seminars.empty"), icon=":material/event_busy:")
    else:
        today = local_today()  # Stockholm's day, whatever the server's clock
        upcoming, past = split_upcoming(seminars, today)
        st.header(ui.tr("seminars.upcoming"))
        if not upcoming:
            st.caption(ui.tr("seminars.no_upcoming"))
        for sem in upcoming:
            _card(sem, today)
        if past:
            st.header(ui.tr("seminars.past"))
            for sem in past:
                _card(sem, today)

    if not can(ui.role(), "edit_seminars"):
        return
    st.divider()
    if ui.demo_readonly():
        return
    with st.expander(ui.tr("seminars.edit"), icon=":material/edit:"):
        _seminar_form(seminars)
    with st.expander(ui.tr("seminars.import"), icon=":material/upload_file:"):
        st.caption(ui.tr("seminars.import_help", columns=", ".join(SEMINAR_COLUMNS)))
        upload = st.file_uploader(ui.tr("seminars.csv_file"), type=["csv", "txt"], key="seminar_csv",
                                  max_upload_size=ui.upload_cap_mib())
        ui.upload_hint("CSV")
        if upload is not None and st.button(ui.tr("seminars.import_button"), type="primary"):
            items = dash.import_seminars(upload.getvalue(), actor=ui.actor())
            ui.done(ui.tr("seminars.imported", n=len(items)))


ui.guarded(render)
