"""Parts of the map page: URL presets, presentation mode, the time control, the filters, the selection shared by map
and table, the maps, the table and the downloads. What is shown is computed by `scenes.views.map` (here read through
a source cached until the data changes); drawing is `scenes.render.maps`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import folium
import geopandas as gpd
import streamlit as st

import ui
from scenes.domain.classes import Classes
from scenes.domain.coordination import ongoing_scene_ids
from scenes.domain.query import SceneFilter, scene_at, scene_history
from scenes.model import Survey
from scenes.reference import Reference
from scenes.render import maps
from scenes.views.map import SHADINGS, MapChoice, MapView, Precision, Shading, extent, map_view, shading_classes
from ui import keys
from ui.map_address import sync_measures_param, sync_presentation_param, sync_url

TABLE, MAP, TABLE_OPEN = keys.SCENE_TABLE, keys.SCENE_MAP, keys.SCENE_TABLE_OPEN
FILTERS, _FILTERS_OPEN = keys.MAP_FILTERS, keys.MAP_FILTERS_OPEN  # the "Urval" expander, and whether it was left open


def _keep_open() -> None:
    """The filter panel's callback: remember whether the reader left it open."""
    st.session_state[_FILTERS_OPEN] = bool(st.session_state.get(FILTERS))


def filter_panel(heading: str) -> Any:
    """The "Urval" expander, headed by what the filters select. Every choice changes that heading, and Streamlit
    draws an expander with a new label anew, closed; so whether the reader left it open is kept in the session and
    the panel stays open while the reader chooses."""
    return st.expander(f"{ui.tr('map.filters')}: {heading}", bool(st.session_state.get(_FILTERS_OPEN, False)),
                       key=FILTERS, on_change=_keep_open)


def presentation_style() -> None:
    """Projector: no sidebar or page chrome, the map as tall as the window, larger text."""
    st.html("""<style>
        section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
        [data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] {display: none !important}
        .block-container, [data-testid="stMainBlockContainer"] {padding: 0.6rem 1.2rem 0 !important;
            max-width: 100% !important}
        iframe[title="streamlit_folium.st_folium"] {height: calc(100vh - 200px) !important; min-height: 420px}
        [data-testid="stMain"] p, [data-testid="stMain"] label {font-size: 1.15rem}
    </style>""")


def step(ids: list[str], delta: int) -> None:
    """Previous/next survey (button callback)."""
    current = st.session_state.get(keys.F_SURVEY, ids[-1])
    at = ids.index(current) if current in ids else len(ids) - 1
    st.session_state[keys.F_SURVEY] = ids[max(0, min(len(ids) - 1, at + delta))]
    sync_url()


def time_control(surveys: list[Survey], compact: bool = False) -> Survey:
    """A slider over the surveys (oldest to newest) with previous/next buttons; returns the chosen survey."""
    by_id = {s.id: s for s in surveys}
    ids = list(by_id)
    label = ui.distinct_labels({i: s.name for i, s in by_id.items()})
    if st.session_state.get(keys.F_SURVEY) not in by_id:
        st.session_state[keys.F_SURVEY] = ids[-1]
    back, slider, forward = st.columns([1, 10, 1], vertical_alignment="bottom")
    at = ids.index(st.session_state[keys.F_SURVEY])
    back.button("◀", key="t_prev", on_click=step, args=(ids, -1), disabled=at == 0, help=ui.tr("map.time.previous"),
                width="stretch")
    forward.button("▶", key="t_next", on_click=step, args=(ids, 1), disabled=at == len(ids) - 1,
                   help=ui.tr("map.time.next"), width="stretch")
    if len(ids) > 1:
        chosen = slider.select_slider(ui.tr("map.filter.survey"), ids, key=keys.F_SURVEY,
                                      format_func=lambda i: ui.escape_markdown(label(i)),  # drawn as Markdown
                                      label_visibility="collapsed" if compact else "visible", on_change=sync_url)
    else:
        slider.selectbox(ui.tr("map.filter.survey"), ids, key=keys.F_SURVEY, format_func=label, on_change=sync_url)
        chosen = ids[0]
    return by_id[str(chosen)]


@st.cache_data(show_spinner=False, max_entries=64)
def _classes(filt: SceneFilter, measure: Shading, data_version: int) -> Classes:
    return shading_classes(ui.dashboard(), ui.scenes, filt, measure)


@st.cache_data(show_spinner=False, max_entries=64)
def _extent(filt: SceneFilter, precision: Precision, data_version: int) -> maps.Bounds:
    return extent(ui.dashboard(), ui.scenes, filt, precision)


@st.cache_data(show_spinner=False, max_entries=16)
def _ongoing(survey_id: str, data_version: int) -> frozenset[str]:
    return ongoing_scene_ids(ui.scenes(survey_id), ui.scenes(None), ui.measures())


class Cached:
    """The map view's `MapSource` for the page: what several reruns share, cached until the data changes (the
    classes and the extent read every survey)."""

    def scenes(self, survey_id: str | None) -> gpd.GeoDataFrame:
        return ui.scenes(survey_id)

    def classes(self, filt: SceneFilter, measure: Shading) -> Classes:
        return _classes(filt, measure, ui.data_version())

    def extent(self, filt: SceneFilter, precision: Precision) -> maps.Bounds:
        return _extent(filt, precision, ui.data_version())

    def ongoing(self, survey_id: str) -> frozenset[str]:
        return _ongoing(survey_id, ui.data_version())


def view(choice: MapChoice) -> MapView:
    """What the map shows of `choice` to the signed-in reader (`scenes.views.map`), in the page's language."""
    exact = ui.exact()
    return map_view(ui.dashboard(), choice, disclosure=ui.disclosure(), precision="exact" if exact else "generalised",
                    lang="en" if ui.lang() == "en" else "sv", source=Cached())


def fitting(view: MapView, selected: str | None, moved: bool) -> folium.FeatureGroup:
    """The layer that sets the map's view in the browser (`maps.fit_layer`, at the map's real size): the view's
    extent, fitted once each time the extent changes (without tiles no closer than 12: `maps.fit_max_zoom`); a
    scene just selected, on the map or in the table, centred (15 over tiles; 12 without, where borders, water and
    names still show where it lies). What was fitted last is kept in the session, so a rerun that changes neither
    keeps the reader's own pan and zoom, and selecting the same scene again after moving away centres it again."""
    basemap = ui.dashboard().settings.basemap
    held = st.session_state.get(keys.MAP_FIT)
    nonce = held[3] if held else 0
    if moved and selected is not None:
        point = view.shown[view.shown["scene_id"].astype(str) == selected].geometry.iloc[0].representative_point()
        at = (round(point.y, 6), round(point.x, 6))
        held = (view.extent, (at, at), 12 if basemap == "none" else 15, nonce + 1)
    elif held is None or held[0] != view.extent:
        held = (view.extent, view.extent, maps.fit_max_zoom(basemap), nonce)
    st.session_state[keys.MAP_FIT] = held
    return maps.fit_layer(held[1], max_zoom=held[2], nonce=held[3])


@dataclass(frozen=True)
class Prepared:
    """What `prepare` handed over before the page's other elements: the scene selected, and each map's base map
    (the compared survey's, with Två kartor and a comparison, else None)."""

    selected: str | None
    current: folium.Map
    before: folium.Map | None


def _hand_over(ref: Reference, options: maps.MapOptions, layers: list[folium.FeatureGroup],
               fit: folium.FeatureGroup, *, key: str) -> folium.Map:
    """One map's layers, after a fitting layer of its own, first (it sets the view before the layers draw
    themselves, so they draw once: `maps.fit_layer`), handed to its frame now (`ui.frame_layers`). Each map gets
    its own base map and copy of the fit: two maps' scripts written from one base map (Två kartor) shared and broke
    each other's elements (the second map referred to elements only the first defined)."""
    return ui.map_layers(ref, options, [copy.deepcopy(fit), *layers], key=key)


def prepare(view: MapView, pair: bool) -> Prepared:
    """The maps' layers of `view`, handed to their frames through the page before the rest of the map part is
    written (the count line included; after the filter widgets, which they depend on): the browser renders a
    rerun's elements in batches as they arrive, and the layers sent last were drawn a batch, and a paint, after
    the rest. The scene selected is settled here (map or table, whichever changed last: `selection`), so the
    map's fit and ring and the details agree."""
    exact, ref, options = view.exact, view.reference, view.options
    selected, moved = selection(view.shown) if exact else (None, False)
    fit = fitting(view, selected, moved)
    before = None
    if pair and view.earlier is not None and view.earlier_shown is not None:
        before = _hand_over(ref, options, maps.layers(ref, view.earlier_shown, None, options), fit,
                            key="scene_map_before")
    current = _hand_over(ref, options, maps.layers(ref, view.shown, view.ceased, options,
                                                   changes=view.changes.codes, selected=selected),
                         fit, key=MAP)
    return Prepared(selected, current, before)


def show(view: MapView, pair: bool, prepared: Prepared) -> None:
    """The map of `view` (with `pair` and a comparison, the compared survey's map beside it), drawn on what
    `prepare` handed over, its legend and the selected scene's details. A click on a scene or a row chosen in the
    table selects it (exact precision)."""
    present, exact = view.choice.presentation, view.exact
    selected, height = prepared.selected, 800 if present else 540
    if pair and view.earlier is None:
        st.info(ui.tr("map.side_by_side_needs_compare"), icon=":material/info:")
    left, right = st.columns([4, 1] if present else [3, 1], gap="medium")
    with left:
        target = st.container()
        if prepared.before is not None and view.earlier is not None:
            before, target = st.columns(2)
            with before:
                st.markdown(f"**{ui.escape_markdown(view.earlier.name)}**")
                ui.draw_map(prepared.before, key="scene_map_before", clicks=False, height=height)
            target.markdown(f"**{ui.escape_markdown(view.survey.name)}**")
        with target:
            ui.draw_map(prepared.current, key=MAP, clicks=exact, height=height)
    with right:
        if present and view.survey.demo:
            st.warning(ui.tr("map.demo_short"), icon=":material/info:")
        st.html(maps.legend_html(list(view.legend), ui.tr("map.legend"), large=present))
        if not present:
            details(view.shown, list(view.surveys), selected, exact)


def table_and_downloads(view: MapView) -> None:
    """The table of the scenes shown (exact; a row selects the scene) or of their counts, folded until the reader
    opens it, the downloads the view allows this reader, and how to read the map.

    Folded, the table is neither computed nor sent: the browser's table component is the largest part of a first
    map's page after the map (about 0.25 s of 1.8 s at 5,000 scenes, however few its rows). Opened, it stays open
    through filter changes and reruns (its state is keyed; the label never changes)."""
    folded = st.expander(ui.tr("map.table"), key=TABLE_OPEN, on_change="rerun", icon=":material/table_rows:")
    if folded.open:
        with folded:
            if view.exact:
                st.caption(ui.tr("map.table_help"))
                ui.show_table(view.table, on_select="rerun", selection_mode="single-row", key=TABLE)
            else:
                ui.show_table(view.table)
    for cell, file in zip(st.columns(len(view.downloads)), view.downloads, strict=True):
        ui.download(file.label, file.data, help=file.help, file_name=file.file_name, mime=file.mime, where=cell,
                    icon=":material/map:" if file.fmt == "html" else ":material/download:")
    with st.expander(ui.tr("map.howto.title"), expanded=False):
        st.markdown(ui.tr("map.howto.body") if view.exact else ui.tr("map.generalised"))
        if view.survey.demo:
            st.markdown(f"**{ui.tr('map.demo_howto')}**")


def selection(shown: Any) -> tuple[str | None, bool]:
    """The scene selected in the map or the table, whichever changed last; True when it just changed (pan to it).

    A click on a scene selects its row in the table (set through the table's state before it is drawn); a row
    chosen in the table is ringed on the map. While the table is folded (not drawn, so it has no state) only clicks
    select; when it is opened it shows the scene selected.
    """
    ids = [str(s) for s in shown["scene_id"]]
    click = (st.session_state.get(MAP) or {}).get("last_object_clicked") or None
    seen_click, seen_rows = st.session_state.get(keys.SEL_CLICK), st.session_state.get(keys.SEL_ROWS)
    chosen = st.session_state.get(keys.SEL)
    table = bool(st.session_state.get(TABLE_OPEN))
    if table and TABLE not in st.session_state:  # just opened: the table starts at the scene selected
        seen_rows = [ids.index(chosen)] if chosen in ids else []
        st.session_state[TABLE] = {"selection": {"rows": seen_rows, "columns": []}}
    rows = list(((st.session_state.get(TABLE) or {}).get("selection") or {}).get("rows") or []) if table \
        else list(seen_rows or [])
    changed = False
    if click and click != seen_click:
        hit = scene_at(shown, click["lat"], click["lng"])
        if hit is not None:
            chosen, changed = hit, True
            rows = [ids.index(hit)]
            if table:
                st.session_state[TABLE] = {"selection": {"rows": rows, "columns": []}}
    elif rows != seen_rows:
        chosen, changed = (ids[rows[0]] if rows and rows[0] < len(ids) else None), True
    if chosen not in ids:
        chosen = None
    st.session_state[keys.SEL_CLICK], st.session_state[keys.SEL_ROWS], st.session_state[keys.SEL] = click, rows, chosen
    return chosen, changed and chosen is not None


def state_filter() -> SceneFilter:
    """The filters as the widgets hold them (also before they are drawn in this run)."""
    get = st.session_state.get
    return SceneFilter(municipalities=tuple(get(keys.F_KOMMUN) or ()), police_areas=tuple(get(keys.F_LPO) or ()),
                       categories=tuple(get(keys.F_KATEGORI) or ()), statuses=tuple(get(keys.F_STATUS) or ()))


def summary(filt: SceneFilter, measure: str) -> str:
    """One line saying what the map shows (the filters' heading, and the title line in presentation mode)."""
    ref, lang = ui.dashboard().reference, ui.lang()
    parts = []
    for values, label, name in (
            (filt.municipalities, "map.filter.municipality", ref.municipality_name),
            (filt.police_areas, "map.filter.police_area", ref.police_area_name),
            (filt.categories, "map.filter.category", lambda c: ref.category_label(c, lang)),
            (filt.statuses, "map.filter.status", lambda c: ref.status_label(c, lang))):
        if values:
            parts.append(f"{ui.tr(label)}: " + ", ".join(ui.escape_markdown(name(v)) for v in values))
    if filt.is_empty:
        parts.append(ui.tr("map.summary.all"))
    parts.append(ui.tr(f"map.measure.{measure}"))
    return " · ".join(parts)


def _pick(where: Any, label: str, options: list[str], key: str, name: Callable[[str], str], *,
          placeholder: str) -> tuple[str, ...]:
    """One list filter, written into the address as it changes."""
    return tuple(where.multiselect(ui.tr(label), options, key=key, format_func=name, placeholder=placeholder,
                                   on_change=sync_url))


def filters(frame: Any, exact: bool, surveys: list[Survey]) -> tuple[SceneFilter, Shading, str | None, bool]:
    """The filter widgets: municipality, police area, category, status; the shading measure, the comparison and
    the two-map switch. Returns (filter, measure, survey compared with or None, two maps)."""
    ref, lang = ui.dashboard().reference, ui.lang()
    c = st.columns(4)
    every = ui.tr("map.filter.all")
    lpo = sorted(set(frame["lokalpolisomrade"]) | set(st.session_state.get(keys.F_LPO, [])))
    pick = partial(_pick, placeholder=every)
    filt = SceneFilter(
        municipalities=pick(c[0], "map.filter.municipality", list(ref.municipalities["kommun_kod"]), keys.F_KOMMUN,
                            ref.municipality_name),
        police_areas=pick(c[1], "map.filter.police_area", lpo, keys.F_LPO, ref.police_area_name),
        categories=pick(c[2], "map.filter.category", list(ref.categories["code"]), keys.F_KATEGORI,
                        lambda k: ref.category_label(k, lang)),
        statuses=pick(c[3], "map.filter.status", list(ref.statuses["code"]), keys.F_STATUS,
                      lambda k: ref.status_label(k, lang)))
    shading, against, paired, marked = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    measure = shading.radio(ui.tr("map.choropleth"), list(SHADINGS), key=keys.F_MEASURE, horizontal=True,
                         format_func=lambda m: ui.tr(f"map.measure.{m}"), on_change=sync_url)
    names = {s.id: s.name for s in surveys}
    options = ["prev", "none", *names] if exact else ["none"]
    if st.session_state.get(keys.F_COMPARE) not in options:
        st.session_state[keys.F_COMPARE] = options[0]
    compare_to = against.selectbox(ui.tr("map.filter.compare"), options, key=keys.F_COMPARE, on_change=sync_url,
                                   disabled=not exact, format_func=lambda i: ui.tr(f"map.compare.{i}")
                                   if i in ("prev", "none") else names[i])
    pair = paired.toggle(ui.tr("map.side_by_side"), key=keys.F_PAIR, help=ui.tr("map.side_by_side_help"),
                          on_change=sync_url)
    if exact:  # which scenes have an ongoing measure: never at generalised precision
        marked.toggle(ui.tr("coord.map_toggle"), key=keys.F_ONGOING, help=ui.tr("coord.map_toggle_help"),
                      on_change=sync_measures_param)
    return filt, measure, None if compare_to == "none" else compare_to, pair


def presentation_switch(present: bool) -> None:
    """The presentation switch; turning it on or off redraws the whole page (sidebar, page chrome)."""
    st.toggle(ui.tr("map.present"), key=keys.PRESENT, help=ui.tr("map.present_help"), on_change=sync_presentation_param)
    if bool(st.session_state.get(keys.PRESENT)) != present:
        st.rerun(scope="app")


def details(shown: Any, surveys: list[Survey], selected: str | None, exact: bool) -> None:
    """The selected scene's facts and history (exact precision), or what participants see instead."""
    if not exact:
        st.info(ui.tr("map.generalised"), icon=":material/blur_on:")
        return
    st.subheader(ui.tr("map.details"))
    if selected is None:
        st.caption(ui.tr("map.details_hint"))
    else:
        ui.scene_details(shown[shown["scene_id"].astype(str) == selected].iloc[0],
                         scene_history(ui.scenes(None), surveys, selected))
