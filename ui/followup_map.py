"""The follow-up page's map (Uppföljning): redraw the chosen scene (move it, reshape its boundary, make a point an
area), draw a new scene, or split the chosen scene into the areas drawn. The shapes come from the map's drawing
tools or as text typed in (the way without a mouse); the core reads and checks them as an upload
(`scenes.views.followup_drawing`), and a refusal is shown on the map where it lies, beside what was drawn."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

import ui
from scenes.domain import followup as fu
from scenes.i18n import problem_text
from scenes.render import maps
from scenes.render.map.drawing import (
    DRAW_MODES,
    PROBLEM_COLOUR,
    VISIT_COLOURS,
    DrawMode,
    draft_layer,
    drawing_map,
    problem_layer,
)
from scenes.views import followup_drawing as drawing
from ui import keys
from ui.cache import drawing_tools, install_geography
from ui.followup import forget_forms, write

#: other scenes drawn around the one being drawn, at most (about 80 ms and 0.5 MB a rerun at this many)
_CONTEXT_CAP = 500
_HEIGHT = 480
#: a refused drawing's columns, named as the reader sees the fields (a drawn scene's file has no columns of its own)
_FIELDS = {"name": "followup.map.new_name", "categories": "followup.categories", "lokalpolisomrade": "col.police_area",
           "stadsdel": "col.district"}


def _shown(draft: fu.Draft, scene_id: str) -> fu.DraftScene:
    """The scene as this reader's form shows it (the same snapshot: a save on top of a newer version is refused)."""
    shown_key = keys.followup_shown(draft.followup.followup_id, scene_id)
    if st.session_state.get(shown_key) is None:
        st.session_state[shown_key] = draft.scene(scene_id)
    scene: fu.DraftScene = st.session_state[shown_key]
    return scene


def _context(draft: fu.Draft, skip: str | None, municipalities: list[str]) -> tuple[list[tuple[str, str, str, Any]],
                                                                                    int]:
    """The other scenes still in the draft's result, of `municipalities` (none: every municipality), at most
    `_CONTEXT_CAP` of them; and how many there are."""
    live = [s for s in draft.scenes.values() if s.in_result and s.scene_id != skip
            and (not municipalities or s.kommun_kod in municipalities)]
    return [(s.scene_id, s.name, s.visit, s.geometry) for s in live[:_CONTEXT_CAP]], len(live)


def _fit(shapes: list[Any], context: list[tuple[str, str, str, Any]], *, wide: bool = False) -> Any:
    """Fit the map to `shapes` (the shape drawn, and where a refusal lies), closely (`wide`: with the county's edge
    in view, for a place outside it); without them, to the scenes around."""
    geoms = shapes or [g for *_, g in context]
    ref = ui.dashboard().reference
    frame = gpd.GeoDataFrame({"kommun_kod": ["" for _ in geoms]}, geometry=geoms, crs=4326)
    span = 40_000.0 if wide else 1_000.0 if shapes else 3_000.0
    bounds = maps.scene_extent(ref, frame, precision="exact", min_span_m=span)
    return maps.fit_layer(bounds, max_zoom=15.0 if shapes else 13.0)


def _outside(refusal: Any) -> bool:
    """A refusal for a place outside the county: the map then shows the county's edge beside it."""
    return refusal is not None and any(p.code in ("outside_county", "partly_outside_county")
                                       for _, p in refusal[2].spots)


def _digest(drawn: object, text: str) -> str:
    return hashlib.sha256(json.dumps([drawn, text], sort_keys=True, default=str).encode()).hexdigest()


def _attempt(map_key: str, digest: Callable[[], str], fn: Callable[[], str], *, forget: str | None = None) -> None:
    """Run one drawing's save as the page's other writes run (`write`: a stale save gets the button that forgets
    the version shown, `forget`); on success a fresh map. A refused drawing is kept with this map and a digest of
    what was drawn, and the rerun shows it on the map, beside the drawing (which stays)."""
    def run() -> str:
        try:
            message = fn()
        except drawing.DrawingRefused as exc:
            st.session_state[keys.FU_REFUSAL] = (map_key, digest(), exc)
            st.rerun()
        st.session_state[keys.FU_DRAW_NONCE] = int(st.session_state.get(keys.FU_DRAW_NONCE, 0)) + 1
        st.session_state.pop(keys.FU_REFUSAL, None)
        return message
    write(f"draw_{map_key}", run, forget=forget)


def drawing_section(draft: fu.Draft, scene_id: str | None, readonly: bool) -> None:
    """The map: the mode, the drawing, the shape as text, and the button (or form) that saves it."""
    lang, dash = ui.lang(), ui.dashboard()
    fid = draft.followup.followup_id
    st.subheader(ui.tr("followup.map.title"))
    chosen = draft.scenes.get(scene_id) if scene_id else None
    editable = chosen is not None and chosen.in_result
    point = chosen is not None and chosen.geometry.geom_type == "Point"
    modes: list[DrawMode] = [m for m in DRAW_MODES if m == "new" or (editable and (m != "split" or not point))]
    if st.session_state.get(keys.FU_DRAW_MODE) not in modes:
        st.session_state[keys.FU_DRAW_MODE] = modes[0]
    mode: DrawMode = st.radio(ui.tr("followup.map.mode"), modes, key=keys.FU_DRAW_MODE, horizontal=True,
                              format_func=lambda m: ui.tr(f"followup.map.mode.{m}"))
    shown = _shown(draft, scene_id) if mode != "new" and scene_id else None
    st.caption(ui.tr(f"followup.map.help.{mode}", name=shown.name if shown else ""))
    if draft.followup.demo and not readonly:  # real places drawn into demo data would publish as fictitious
        st.info(ui.tr("error.followup_demo_drawing"), icon=":material/info:")
    readonly = readonly or draft.followup.demo
    assets = None if readonly else drawing_tools()
    if assets is None and not readonly:
        st.info(ui.tr("followup.map.no_tools"), icon=":material/draw:")
    nonce = int(st.session_state.get(keys.FU_DRAW_NONCE, 0))
    map_key = keys.followup_map(fid, mode, shown.scene_id if shown else "-", shown.version if shown else 0, nonce)
    refusal = st.session_state.get(keys.FU_REFUSAL)
    if refusal is not None and refusal[0] != map_key:
        refusal = None
    ref = dash.reference
    municipalities = list(st.session_state.get(keys.FU_MUNICIPALITIES) or ([chosen.kommun_kod] if chosen else []))
    context, around_count = _context(draft, shown.scene_id if shown else None, municipalities)
    if around_count > len(context):
        st.caption(ui.tr("followup.map.capped", shown=len(context), n=around_count))
    options = maps.MapOptions(lang=lang, precision="exact", disclosure=ui.disclosure(), cluster=False,
                              basemap=dash.settings.basemap, basemap_attribution=dash.settings.basemap_attribution)
    spots = [(g, problem_text(p, lang)) for g, p in refusal[2].spots] if refusal is not None else []
    install_geography(ref)
    shape = shown.geometry if shown is not None else None
    around = [g for g in (shape, *(g for g, _ in refusal[2].spots)) if g is not None] if refusal else (
        [shape] if shape is not None else [])
    fit = _fit(around, context, wide=_outside(refusal))
    maps.ReleaseEarlierLayers().add_to(fit)  # (as `ui.show_map` does: no earlier rerun's layers kept in the page)
    where, key_column = st.columns([4, 1])  # (a phone stacks them: the legend under the map)
    with where:
        result = st_folium(drawing_map(ref, options, assets, shape, mode), key=map_key, height=_HEIGHT,
                           use_container_width=True,
                           feature_group_to_add=[fit, draft_layer(context, lang), problem_layer(spots, lang)],
                           returned_objects=["all_drawings"]) or {}
    key_column.html(maps.legend_html([*(maps.LegendItem("class", ui.tr(f"followup.visit.{v}"), c)
                                for v, c in VISIT_COLOURS.items()),
                              maps.LegendItem("class", ui.tr("followup.map.drawn"), "#ffffff", "dashed"),
                              maps.LegendItem("class", ui.tr("followup.map.problems"), PROBLEM_COLOUR, "dashed")],
                             ui.tr("map.legend")))
    drawn = result.get("all_drawings")
    with st.expander(ui.tr("followup.map.as_text"), icon=":material/keyboard:"):
        text = st.text_area(ui.tr("followup.map.text"), key=f"{map_key}/text", max_chars=drawing.MAX_TEXT_CHARS,
                            help=ui.tr("followup.map.text_help"), placeholder="POLYGON ((18.06 59.33, ...))")
        if shape is not None:
            st.caption(ui.tr("followup.map.current"))
            st.code(shapely_wkt(shape), language=None, wrap_lines=True)
    def digest() -> str:
        return _digest(drawn, text)

    if refusal is not None:  # shown while what was refused is what is drawn; a change takes it off the map too
        if refusal[1] != digest():
            st.session_state.pop(keys.FU_REFUSAL, None)
            st.rerun()
        ui.show_error(refusal[2], columns=_FIELDS)
    if readonly:
        return
    count = len(drawn) if isinstance(drawn, list) else 0
    st.caption(ui.tr("followup.map.using_text") if text.strip() else ui.tr("followup.map.untouched")
               if drawn is None else ui.tr("followup.map.using_drawing", n=count))

    def shapes() -> list[Any]:
        return drawing.parse_text(text) if text.strip() else drawing.parse_drawing(drawn)

    if mode == "reshape" and shown is not None:
        with st.expander(ui.tr("followup.map.stockholm"), icon=":material/local_police:"):
            lpo, district = _place_fields(map_key)
        if st.button(ui.tr("followup.map.save_shape"), type="primary", icon=":material/save:", key=f"{map_key}/save"):
            def redraw() -> str:
                drawing.redraw(dash, draft, shown, shapes(), actor=ui.actor(), police_area=lpo, district=district)
                st.session_state.pop(keys.followup_shown(fid, shown.scene_id), None)
                return ui.tr("followup.map.saved_shape", name=shown.name)
            _attempt(map_key, digest, redraw, forget=keys.followup_shown(fid, shown.scene_id))
    elif mode == "split" and shown is not None:
        if st.button(ui.tr("followup.map.save_split"), type="primary", icon=":material/call_split:",
                     key=f"{map_key}/split"):
            def split() -> str:
                _, ids = drawing.split_drawn(dash, draft, shown, shapes(), actor=ui.actor())
                forget_forms(fid)
                _open_scene(ids[0])
                return ui.tr("followup.map.saved_split", name=shown.name, n=len(ids), ids=", ".join(ids))
            _attempt(map_key, digest, split, forget=keys.followup_shown(fid, shown.scene_id))
    elif mode == "new":
        _new_scene_form(draft, map_key, digest, shapes)


def _place_fields(map_key: str) -> tuple[str | None, str | None]:
    """The police area and district of a scene drawn in Stockholm city, where the place alone does not decide the
    police area (elsewhere the place decides, and these are not used)."""
    ref = ui.dashboard().reference
    police = dict(zip(ref.police_areas["lpo_code"], ref.police_areas["name"], strict=True))
    districts = dict(zip(ref.districts["district_code"], ref.districts["name"], strict=True))
    c1, c2 = st.columns(2)
    lpo = c1.selectbox(ui.tr("col.police_area"), [None, *police], format_func=lambda c: police.get(c, "–"),
                       help=ui.tr("followup.map.derived_help"), key=f"{map_key}/lpo")
    district = c2.selectbox(ui.tr("col.district"), [None, *districts], format_func=lambda c: districts.get(c, "–"),
                            help=ui.tr("followup.map.derived_help"), key=f"{map_key}/district")
    return lpo, district


def _new_scene_form(draft: fu.Draft, map_key: str, digest: Callable[[], str],
                    shapes: Callable[[], list[Any]]) -> None:
    """Name, categories and (in Stockholm city, where the place alone does not decide it) the police area or
    district of a new scene; its municipality and police area otherwise follow from where it is drawn."""
    dash, lang = ui.dashboard(), ui.lang()
    ref = dash.reference
    with st.form(f"{map_key}/new"):
        name = st.text_input(ui.tr("followup.map.new_name"), max_chars=300)
        cats = st.multiselect(ui.tr("followup.categories"), list(ref.categories["code"]),
                              format_func=lambda c: ref.category_label(c, lang),
                              placeholder=ui.tr("followup.choose_categories"))
        lpo, district = _place_fields(map_key)
        submitted = st.form_submit_button(ui.tr("followup.map.save_new"), type="primary",
                                          icon=":material/add_location:")
    if submitted:
        def add() -> str:
            _, new_id = drawing.add_drawn(dash, draft, shapes(), name=name, categories=cats, actor=ui.actor(),
                                          police_area=lpo, district=district)
            _open_scene(new_id)
            return ui.tr("followup.map.saved_new", name=name.strip(), id=new_id)
        _attempt(map_key, digest, add)


def _open_scene(scene_id: str) -> None:
    """Open `scene_id`'s form at the next rerun (as a link naming it would: the choice widget is drawn already)."""
    st.query_params["scen"] = scene_id
    st.session_state[keys.FU_LINKED] = None


def shapely_wkt(shape: Any) -> str:
    """The shape as WKT with six decimals (about 0.1 m), to copy, change and type back."""
    import shapely

    return str(shapely.to_wkt(shape, rounding_precision=6))
