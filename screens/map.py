"""Karta: the scenes of a survey over municipalities and police areas, filtered, stepped through time, with a table.

Filters live in the URL (`?survey=…&kommun=0180,0127&lpo=…&kategori=…&status=…&jamfor=…|none&farg=per_capita&
tva_kartor=1&visning=1`): every change writes them back, so a copied link (or one from a seminar) opens the map with
the same view; `farg` is the shading measure (absent: the count), `tva_kartor=1` the two maps side by side,
`visning=1` opens presentation mode, `atgard=1` rings the scenes with an ongoing measure (exact precision only).
The map is framed on the scenes shown. The map part is a fragment: a filter change or a time step reruns only it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

import ui
from scenes.domain.figures import count_line
from scenes.domain.query import SceneFilter
from scenes.io.formats import table_to_csv
from scenes.model import Survey
from scenes.render import maps
from scenes.render.exports import FORMATS, export_scenes, file_type
from scenes.render.tables import generalised_table, scene_table
from ui import keys
from ui import map as ui_map


@ui.fragment
def _body(present: bool) -> None:
    ui.guarded(lambda: _draw(present))


def _draw(present: bool) -> None:
    dash, lang, exact = ui.dashboard(), ui.lang(), ui.exact()
    ref, disclosure = dash.reference, ui.disclosure()
    surveys = dash.surveys()
    if present:  # the title line: what is shown, and the way back
        head, switch = st.columns([5, 1], vertical_alignment="center")
        with switch:
            ui_map.presentation_switch(present)
    survey = ui_map.time_control(surveys, compact=present)
    frame = ui.scenes(survey.id)
    heading = ui_map.summary(ui_map.state_filter(), st.session_state.get(keys.F_MEASURE, "count"))
    with ui_map.filter_panel(heading):
        filt, measure, compare_to, pair = ui_map.filters(frame, exact, surveys)
    if present:
        title_line = head.empty()
    shown, withheld = filt.apply(frame), ui_map.withheld(frame, filt)  # withheld: what a participant may not see
    found = ui_map.comparison(surveys, survey, compare_to if exact else None, filt)  # new and ceased: within filt
    earlier, ceased, changes = found.earlier, found.ceased, found.codes
    counts = ui_map.count_text(count_line(survey, frame, filt, found), exact, withheld)
    if present:
        title_line.markdown(f"**{ui.escape_markdown(survey.name)}** · {heading}  \n{counts}")
    else:
        if survey.demo:
            st.warning(ui.tr("map.demo_short"), icon=":material/info:")
        st.markdown(counts)
    if shown.empty and (ceased is None or ceased.empty):
        st.info(ui.tr("map.empty"), icon=":material/filter_alt_off:")
        return
    options = maps.MapOptions(lang=lang, choropleth=measure, basemap=dash.settings.basemap, withheld=withheld,
                              basemap_attribution=dash.settings.basemap_attribution, disclosure=disclosure,
                              precision="exact" if exact else "generalised", presentation=present,
                              classes=ui_map.classes(filt, measure),
                              ongoing=ui_map.ongoing(survey.id) if exact and st.session_state.get(keys.F_ONGOING)
                              else frozenset())
    selected, moved = ui_map.selection(shown) if exact else (None, False)
    size = (1500, 800) if present else (760, 540)
    center, zoom, fit = ui_map.framing(filt, exact, size)
    center, zoom = ui_map.focus(shown, selected) if moved and selected else (center, zoom)
    if pair and earlier is None:
        st.info(ui.tr("map.side_by_side_needs_compare"), icon=":material/info:")
    left, right = st.columns([4, 1] if present else [3, 1], gap="medium")
    with left:
        target = st.container()
        if pair and earlier is not None:
            a, target = st.columns(2)
            with a:
                st.markdown(f"**{ui.escape_markdown(earlier.name)}**")
                ui_map.draw(ref, options, maps.layers(ref, filt.apply(ui.scenes(earlier.id)), None, options), fit,
                            key="scene_map_before", center=center, zoom=zoom, clicks=False, height=size[1])
            target.markdown(f"**{ui.escape_markdown(survey.name)}**")
        with target:
            ui_map.draw(ref, options, maps.layers(ref, shown, ceased, options, changes=changes, selected=selected),
                        fit, key=ui_map.MAP, center=center, zoom=zoom, clicks=exact, height=size[1])
    with right:
        if present and survey.demo:
            st.warning(ui.tr("map.demo_short"), icon=":material/info:")
        st.html(maps.legend_html(maps.legend(ref, shown, ceased, options, changes=changes), ui.tr("map.legend"),
                                 large=present))
        if not present:
            ui_map.details(shown, surveys, selected, exact)
    if not present:
        _table_and_downloads(shown, ceased, survey, surveys, filt, options, exact)


def _table_and_downloads(shown: pd.DataFrame, ceased: pd.DataFrame | None, survey: Survey, surveys: list[Survey],
                         filt: SceneFilter, options: maps.MapOptions, exact: bool) -> None:
    ref, lang = ui.dashboard().reference, ui.lang()
    st.subheader(ui.tr("map.table"))
    files: dict[str, tuple[str, str | None, Callable[[], bytes | str]]]  # format -> label, help, the file
    if exact:
        st.caption(ui.tr("map.table_help"))
        ui.show_table(scene_table(ref, shown, lang), on_select="rerun", selection_mode="single-row", key=ui_map.TABLE)
        files = {fmt: (ui.tr(f"map.download_{fmt}"), ui.tr(f"map.download_{fmt}_help"),
                       partial(export_scenes, shown, fmt, ref)) for fmt in FORMATS}
    else:
        table = generalised_table(ref, shown, lang, disclosure=ui.disclosure(), protected=options.withheld)
        ui.show_table(table)
        files = {"csv": (ui.tr("map.download_table"), None, lambda: table_to_csv(table))}
    *cells, last = st.columns(len(files) + 1)
    for cell, (fmt, (label, help_text, data)) in zip(cells, files.items(), strict=True):
        suffix, mime = file_type(fmt)
        ui.download(label, data, help=help_text, file_name=f"{survey.id}{suffix}", mime=mime, where=cell)
    title = f"{survey.name} – {ui.tr('map.title')}"
    notice = ui.tr("map.demo_howto") if survey.demo else ""
    ui.download(
        ui.tr("map.download_html"), help=ui.tr("map.download_html_help"), file_name=f"karta-{survey.id}.html",
        mime="text/html", icon=":material/map:", where=last,
        data=lambda: maps.export_html(ref, shown, ceased, options, title=title, notice=notice,
                                      timeline=ui_map.timeline(surveys, filt, exact),
                                      current=[s.id for s in surveys].index(survey.id)))
    with st.expander(ui.tr("map.howto.title"), expanded=False):
        st.markdown(ui.tr("map.howto.body") if exact else ui.tr("map.generalised"))
        if survey.demo:
            st.markdown(f"**{ui.tr('map.demo_howto')}**")


def render() -> None:
    ui.require("map")
    surveys = ui.dashboard().surveys()
    ui_map.preset_from_url([s.id for s in surveys])
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
