"""Karta: the scenes of a survey over municipalities and police areas, filtered, stepped through time, with a table.

Filters live in the URL (`?survey=…&kommun=0180,0127&lpo=…&kategori=…&status=…&jamfor=…|none&farg=per_capita&
tva_kartor=1&visning=1`): every change writes them back, so a copied link (or one from a seminar) opens the map with
the same view; `farg` is the shading measure (absent: the count), `tva_kartor=1` the two maps side by side,
`visning=1` opens presentation mode, `atgard=1` rings the scenes with an ongoing measure (exact precision only).
The map is framed on the scenes shown. The map part is a fragment: a filter change or a time step reruns only it.
What is shown is `scenes.views.map` (the same view `scenes map` writes as HTML); the widgets and drawing are `ui.map`,
the address `ui.map_address`.
"""

from __future__ import annotations

import streamlit as st

import ui
from scenes.views.map import MapChoice
from ui import keys, map_address
from ui import map as ui_map


@ui.fragment
def _body(present: bool) -> None:
    ui.guarded(lambda: _draw(present))


def _draw(present: bool) -> None:
    surveys = ui.dashboard().surveys()
    if present:  # the title line: what is shown, and the way back
        head, switch = st.columns([5, 1], vertical_alignment="center")
        with switch:
            ui_map.presentation_switch(present)
    survey = ui_map.time_control(surveys, compact=present)
    heading = ui_map.summary(ui_map.state_filter(), st.session_state.get(keys.F_MEASURE, "count"))
    with ui_map.filter_panel(heading):
        filt, measure, compare_to, pair = ui_map.filters(ui.scenes(survey.id), ui.exact(), surveys)
    view = ui_map.view(MapChoice(survey_id=survey.id, filt=filt, measure=measure, compare_to=compare_to,
                                 ongoing=bool(st.session_state.get(keys.F_ONGOING)), presentation=present))
    prepared = None if view.empty else ui_map.prepare(view, pair)  # the maps' layers first: drawn with the page
    if present:
        head.markdown(f"**{ui.escape_markdown(survey.name)}** · {heading}  \n{view.count_text(ui.escape_markdown)}")
    else:
        if survey.demo:
            st.warning(ui.tr("map.demo_short"), icon=":material/info:")
        st.markdown(view.count_text(ui.escape_markdown))
    if prepared is None:
        st.info(ui.tr("map.empty"), icon=":material/filter_alt_off:")
        return
    ui_map.show(view, pair, prepared)
    if not present:
        ui_map.table_and_downloads(view)


def render() -> None:
    ui.require("map")
    surveys = ui.dashboard().surveys()
    map_address.preset_from_url([s.id for s in surveys])
    present = bool(st.session_state.get(keys.PRESENT))
    if present:
        ui_map.presentation_style()
    else:
        head, switch = st.columns([5, 1], vertical_alignment="bottom")
        head.title(ui.tr("map.title"))
        with switch:
            ui_map.presentation_switch(present)
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    _body(present)


ui.guarded(render)
