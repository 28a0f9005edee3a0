"""Karta: the scenes of a survey over municipalities and police areas, filtered, with a table alternative.

Filters can be preset from the URL (`?survey=…&kommun=0180,0127&lpo=…&kategori=…&status=…&jamfor=…`), so a
link (for example from a seminar) opens the map with its focus.
"""

from __future__ import annotations

import streamlit as st

import ui
from scenes import maps
from scenes.exports import FORMATS, export_scenes, file_type
from scenes.formats import table_to_csv
from scenes.query import SceneFilter, ceased_since, scene_at, scene_history
from scenes.tables import generalised_table, scene_table

PRESETS = {"kommun": "f_kommun", "lpo": "f_lpo", "kategori": "f_kategori", "status": "f_status"}


def _preset_from_url(survey_ids: list[str]) -> None:
    """Copy URL query values into the widgets' state when the link changes (a shared link sets the view)."""
    q = st.query_params
    signature = sorted((k, v) for k, v in q.items() if k in (*PRESETS, "survey", "jamfor"))
    if st.session_state.get("_map_preset") == signature:
        return
    for param, key in PRESETS.items():  # a link sets every filter: unnamed ones are cleared
        st.session_state[key] = [v for v in q.get(param, "").split(",") if v]
    if q.get("survey") in survey_ids:
        st.session_state["f_survey"] = q.get("survey")
    if q.get("jamfor") in survey_ids:
        st.session_state["f_compare"] = q.get("jamfor")
    st.session_state["_map_preset"] = signature


def render() -> None:
    ui.require("map")
    st.title(ui.tr("map.title"))
    dash, lang = ui.dashboard(), ui.lang()
    ref = dash.reference
    surveys = sorted(ui.dashboard().surveys(), key=lambda s: (s.date, s.id), reverse=True)
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    by_id = {s.id: s for s in surveys}
    _preset_from_url(list(by_id))

    side = st.sidebar
    side.header(ui.tr("map.filters"))
    survey = by_id[side.selectbox(ui.tr("map.filter.survey"), list(by_id), format_func=lambda i: by_id[i].name,
                                  key="f_survey")]
    exact = ui.exact()  # generalised precision: no point, polygon or name of a scene reaches the browser
    earlier = [s.id for s in surveys if s.date < survey.date] if exact else []
    compare = side.selectbox(ui.tr("map.filter.compare"), [None, *earlier], key="f_compare", disabled=not exact,
                             format_func=lambda i: ui.tr("map.filter.compare_none") if i is None else by_id[i].name)
    frame = ui.scenes(survey.id)
    all_lpo = sorted(set(frame["lokalpolisomrade"]) | set(st.session_state.get("f_lpo", [])))
    filt = SceneFilter(
        municipalities=tuple(side.multiselect(
            ui.tr("map.filter.municipality"), list(ref.municipalities["kommun_kod"]), key="f_kommun",
            format_func=ref.municipality_name, placeholder=ui.tr("map.filter.all"))),
        police_areas=tuple(side.multiselect(ui.tr("map.filter.police_area"), all_lpo, key="f_lpo",
                                            format_func=ref.police_area_name, placeholder=ui.tr("map.filter.all"))),
        categories=tuple(side.multiselect(ui.tr("map.filter.category"), list(ref.categories["code"]),
                                          key="f_kategori", format_func=lambda c: ref.category_label(c, lang),
                                          placeholder=ui.tr("map.filter.all"))),
        statuses=tuple(side.multiselect(ui.tr("map.filter.status"), list(ref.statuses["code"]), key="f_status",
                                        format_func=lambda c: ref.status_label(c, lang),
                                        placeholder=ui.tr("map.filter.all"))),
    )
    measure = side.radio(ui.tr("map.choropleth"), ["count", "per_capita"], key="f_measure",
                         format_func=lambda m: ui.tr(f"map.measure.{m}"))

    shown = filt.apply(frame)
    ceased = filt.apply(ceased_since(ui.scenes(compare), frame)) if compare else None
    if survey.demo:
        ui.demo_notice()
    counts = ui.tr("map.counts" if exact else "map.counts_generalised", shown=len(shown), total=len(frame),
                   survey=survey.name)
    if ceased is not None:
        counts += " " + ui.tr("map.counts_ceased", n=len(ceased), survey=by_id[str(compare)].name)
    st.markdown(counts)
    if shown.empty and (ceased is None or ceased.empty):
        st.info(ui.tr("map.empty"), icon=":material/filter_alt_off:")
        return

    options = maps.MapOptions(lang=lang, choropleth=measure, basemap=dash.settings.basemap,
                              basemap_attribution=dash.settings.basemap_attribution,
                              precision="exact" if exact else "generalised")
    left, right = st.columns([2, 1], gap="medium")
    with left:
        center, zoom = (maps.viewport(shown if len(shown) else ceased) if exact
                        else maps.viewport_for_municipalities(ref, sorted(set(shown["kommun_kod"]))))
        clicked = ui.show_map(maps.base_map(ref, options), maps.layers(ref, shown, ceased, options), key="scene_map",
                              center=center, zoom=zoom, clicks=exact)
    title = f"{survey.name} – {ui.tr('map.title')}"
    notice = ui.tr("map.demo_howto") if survey.demo else ""
    st.subheader(ui.tr("map.table"))
    if exact:
        st.caption(ui.tr("map.table_help"))
        selection = st.dataframe(scene_table(ref, shown, lang), hide_index=True, width="stretch", on_select="rerun",
                                 selection_mode="single-row", key="scene_table")
        # each file is built only when its button is pressed
        files = {fmt: (ui.tr(f"map.download_{fmt}"), ui.tr(f"map.download_{fmt}_help"),
                       lambda fmt=fmt: export_scenes(shown, fmt, ref)) for fmt in FORMATS}
    else:
        table = generalised_table(ref, shown, lang)
        st.dataframe(table, hide_index=True, width="stretch")
        files = {"csv": (ui.tr("map.download_table"), None, lambda: table_to_csv(table))}
    *cells, last = st.columns(len(files) + 1)
    for cell, (fmt, (label, help_text, data)) in zip(cells, files.items(), strict=True):
        suffix, mime = file_type(fmt)
        cell.download_button(label, help=help_text, data=data, file_name=f"{survey.id}{suffix}", mime=mime,
                             on_click="ignore", icon=":material/download:")
    last.download_button(
        ui.tr("map.download_html"), help=ui.tr("map.download_html_help"), file_name=f"karta-{survey.id}.html",
        mime="text/html", on_click="ignore", icon=":material/map:",
        data=lambda: maps.export_html(ref, shown, ceased, options, title=title, notice=notice))

    with right:
        st.html(maps.legend_html(maps.legend(ref, shown, ceased, options), ui.tr("map.legend")))
        if exact:
            st.subheader(ui.tr("map.details"))
            rows = selection.selection.rows if selection else []
            point = clicked.get("last_object_clicked") or {}
            scene_id = (str(shown.iloc[rows[0]]["scene_id"]) if rows
                        else scene_at(shown, point["lat"], point["lng"]) if point else None)
            if scene_id is None:
                st.caption(ui.tr("map.details_hint"))
            else:
                ui.scene_details(shown[shown["scene_id"] == scene_id].iloc[0],
                                 scene_history(ui.scenes(None), surveys, scene_id))
        else:
            st.info(ui.tr("map.generalised"), icon=":material/blur_on:")
        with st.expander(ui.tr("map.howto.title"), expanded=False):
            st.markdown(ui.tr("map.howto.body") if exact else ui.tr("map.generalised"))
            if survey.demo:
                st.markdown(f"**{ui.tr('map.demo_howto')}**")


ui.guarded(render)
