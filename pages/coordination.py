"""Samordning: who is doing what at which scene, and where no one is (the chosen survey and the measures beside it).

Exact precision (steering group, analysts, administrators): the gaps (scenes with no responsible actor, or no ongoing
measure), measures by kind and status, what each organisation owns, one scene's measures with their versions next to
its history and impact, and the municipality- and police-area-level measures. Generalised precision (workshop
participants): counts of measures per municipality and kind only, with each row's total and the county's totals,
protected like the scene counts (`Disclosure.protect`: withheld counts read "skyddad").

Every filter and choice is in the address (`?survey=…&kommun=…&lpo=…&kategori=…&typ=…&status=…&aktor=…&organisation=…
&scen=…`), so a shared link reproduces the view. Tables and counts come from `scenes.domain.coordination`.
"""

from __future__ import annotations

import streamlit as st

import ui
from scenes.domain import coordination as coord_tables
from scenes.domain.coordination import Coordination
from scenes.domain.query import scene_history
from scenes.model import Survey
from scenes.views.entry import measure_history, scene_labels
from ui import coordination as ui_coord


def _participant(coord: Coordination) -> None:
    st.info(ui.tr("coord.generalised", n=ui.disclosure().threshold), icon=":material/blur_on:")
    table = coord_tables.participant_counts(ui.dashboard().reference, coord, disclosure=ui.disclosure(), lang=ui.lang())
    if table.empty:
        st.info(ui.tr("coord.no_measures"), icon=":material/inbox:")
        return
    st.subheader(ui.tr("coord.counts"))
    ui.table_with_download(table, "atgarder-per-kommun.csv", key="dl_counts")


def _gaps(coord: Coordination) -> None:
    ref, lang = ui.dashboard().reference, ui.lang()
    st.caption(ui.tr("coord.gaps_help"))
    table = coord_tables.gap_table(ref, coord, lang)
    if table.empty:
        st.success(ui.tr("coord.no_gaps"), icon=":material/check_circle:")
        return
    ui.table_with_download(table, "scener-utan-pagaende-atgard.csv", key="dl_gaps")


def _organisations(coord: Coordination) -> None:
    ref, lang = ui.dashboard().reference, ui.lang()
    ui.table_with_download(coord_tables.kind_status_table(ref, coord.measures, lang), "atgarder-typ-status.csv",
                           key="dl_kinds")
    st.subheader(ui.tr("coord.by_actor"))
    owners = coord_tables.actor_table(ref, coord.measures, lang)
    if owners.empty:
        st.info(ui.tr("coord.no_measures"), icon=":material/inbox:")
        return
    ui.table_with_download(owners, "atgarder-per-organisation.csv", key="dl_actors")
    actors = sorted({m.actor for m in coord.measures}, key=lambda a: ref.actor_label(a, lang))
    chosen = ui_coord.choose(ui.tr("coord.my_organisation"), actors, ui_coord.SINGLE["organisation"],
                             {a: ref.actor_label(a, lang) for a in actors})
    owned = [m for m in coord.measures if m.actor == chosen]
    ui.table_with_download(coord_tables.measure_table(ref, owned, coord.place_names(), lang, actor=False),
                           "atgarder-organisation.csv", key="dl_owned")


def _scene(coord: Coordination, surveys: list[Survey]) -> None:
    ref, lang, dash = ui.dashboard().reference, ui.lang(), ui.dashboard()
    ids = [str(s) for s in coord.scenes["scene_id"]]
    names = {sid: f"{name} ({sid})" for sid, name in zip(ids, coord.scenes["name"], strict=True)}
    chosen = ui_coord.choose(ui.tr("coord.scene"), ids, ui_coord.SINGLE["scen"], names)
    if chosen is None:
        return
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.markdown(f"**{ui.tr('coord.scene_measures')}**")
        table = coord_tables.scene_measure_table(ref, coord, chosen, lang)
        if table.empty:
            st.info(ui.tr("coord.scene_no_measures"), icon=":material/inbox:")
        else:
            ui.table_with_download(table, f"atgarder-{chosen}.csv", key="dl_scene")
            labels = scene_labels(coord.scenes)
            for m in coord.by_scene[chosen]:  # each measure's history as the Åtgärder page shows it
                label = ui.tr("coord.versions", kind=ref.measure_kind_label(m.kind, lang), id=m.measure_id)
                with st.expander(label):
                    ui.show_table(measure_history(dash.measure_versions(m.measure_id), ref, labels, lang))
        st.markdown(f"**{ui.tr('coord.impact')}**")
        st.caption(ui.tr("coord.impact_help"))
        ui.table_with_download(coord_tables.impact_series(ui.scenes(None), surveys, chosen, lang),
                               f"otrygghet-{chosen}.csv", key="dl_impact")
    with right:
        row = coord.scenes[coord.scenes["scene_id"].astype(str) == chosen].iloc[0]
        ui.scene_details(row, scene_history(ui.scenes(None), surveys, chosen))


def _exact(coord: Coordination, surveys: list[Survey]) -> None:
    a, b, c, d = st.columns(4)
    a.metric(ui.tr("coord.kpi.scenes"), len(coord.scenes), border=True)
    b.metric(ui.tr("coord.kpi.no_responsible"), len(coord.without_responsible), border=True,
             help=ui.tr("coord.kpi.no_responsible_help"))
    c.metric(ui.tr("coord.kpi.no_ongoing"), len(coord.without_ongoing), border=True,
             help=ui.tr("coord.kpi.no_ongoing_help"))
    d.metric(ui.tr("coord.kpi.measures"), len(coord.measures), border=True)
    gaps, kinds, scene, areas = st.tabs([ui.tr("coord.tab.gaps"), ui.tr("coord.tab.kinds"),
                                         ui.tr("coord.tab.scene"), ui.tr("coord.tab.areas")])
    with gaps:
        _gaps(coord)
    with kinds:
        _organisations(coord)
    with scene:
        _scene(coord, surveys)
    with areas:
        st.caption(ui.tr("coord.areas_help"))
        table = coord_tables.area_table(ui.dashboard().reference, coord, ui.lang())
        if table.empty:
            st.info(ui.tr("coord.no_area_measures"), icon=":material/inbox:")
        else:
            ui.table_with_download(table, "atgarder-kommun-lpo.csv", key="dl_areas")


def render() -> None:
    ui.require("coordination")
    st.title(ui.tr("coord.title"))
    surveys = sorted(ui.dashboard().surveys(), key=lambda s: s.order)
    if not surveys:
        st.info(ui.tr("empty.no_surveys"), icon=":material/inbox:")
        return
    ui_coord.preset_from_url()
    exact = ui.exact()
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    with left:
        survey = ui_coord.survey(surveys)
    with right, st.expander(ui.tr("map.filters"), expanded=False):
        filt = ui_coord.filters(exact)
    coord = ui_coord.coordination(survey.id, filt)
    demo = survey.demo or coord.demo
    if demo:
        ui.demo_notice()
    st.caption(ui.tr("coord.intro", name=survey.name, date=ui.day(survey.date))
               + (" " + ui.tr("coord.demo") if demo else ""))
    if not ui.measures():
        st.info(ui.tr("coord.no_measures_at_all"), icon=":material/inbox:")
    if coord.scenes.empty and not coord.areas:
        st.info(ui.tr("coord.empty"), icon=":material/filter_alt_off:")
        return
    if exact:
        _exact(coord, surveys)
    else:
        _participant(coord)


ui.guarded(render)
