"""Parts of the coordination page: URL presets and the filters (both ways: a link sets the view, a change writes
the link); what the page shows is `scenes.views.coordination`'s."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.domain.coordination import CoordinationFilter
from scenes.domain.measures import MEASURE_STATUSES
from scenes.model import Survey
from ui import keys, map_address

#: URL parameter -> widget key of the list filters (`?kommun=0180&typ=uppsokande&status=pagaende&aktor=…`)
LISTS = {"kommun": keys.C_KOMMUN, "lpo": keys.C_LPO, "kategori": keys.C_KATEGORI, "typ": keys.C_TYP,
         "status": keys.C_STATUS, "aktor": keys.C_AKTOR}
#: URL parameter -> widget key of the single choices: the survey, the organisation and the scene looked at
SINGLE = {"survey": keys.C_SURVEY, "organisation": keys.C_ORG, "scen": keys.C_SCEN}
#: filters a participant (generalised precision) is offered: no actor, no scene
PARTICIPANT_LISTS = ("kommun", "lpo", "kategori", "typ", "status")


def _signature() -> list[tuple[str, str]]:
    return map_address.url_signature((*LISTS, *SINGLE))


def preset_from_url() -> None:
    """Copy the link's parameters into the widgets when the link changes (a shared link reproduces the view);
    unknown codes are dropped, single choices are checked where their widget is drawn."""
    signature = _signature()
    if st.session_state.get(keys.COORD_PRESET) == signature:
        return
    ref = ui.dashboard().reference
    map_address.lists_from_url(LISTS, {
        "kommun": set(ref.municipalities["kommun_kod"]), "lpo": set(ref.police_areas["lpo_code"]),
        "kategori": set(ref.categories["code"]), "typ": set(ref.measure_kinds["code"]),
        "status": set(MEASURE_STATUSES), "aktor": set(ref.actors["code"])})
    for param, key in SINGLE.items():
        value = st.query_params.get(param)
        if value:
            st.session_state[key] = value[:200]
        else:
            st.session_state.pop(key, None)
    st.session_state[keys.COORD_PRESET] = signature


def sync_url() -> None:
    """Write every filter and choice into the address (widget callback)."""
    map_address.lists_to_url(LISTS)
    for param, key in SINGLE.items():
        value = st.session_state.get(key)
        if value:
            st.query_params[param] = str(value)
        elif param in st.query_params:
            del st.query_params[param]
    st.session_state[keys.COORD_PRESET] = _signature()


def choose(label: str, options: list[str], key: str, names: dict[str, str]) -> str | None:
    """A select of one of `options` (shown by `names`), kept in the URL; a stale or unknown value falls back to the
    first option."""
    if not options:
        return None
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    return str(st.selectbox(label, options, key=key, format_func=lambda v: names.get(v, v), on_change=sync_url))


def survey(surveys: list[Survey]) -> Survey:
    """The survey looked at (the latest unless chosen or preset)."""
    by_id = {s.id: s for s in surveys}
    ids = list(reversed(by_id))
    chosen = choose(ui.tr("map.filter.survey"), ids, SINGLE["survey"], {s.id: s.name for s in surveys})
    return by_id[chosen or ids[0]]


def filters(exact: bool) -> CoordinationFilter:
    """The filter widgets (as on the map, plus kind, measure status and, at exact precision, organisation)."""
    ref, lang = ui.dashboard().reference, ui.lang()
    every = ui.tr("map.filter.all")
    widgets = {
        "kommun": ("map.filter.municipality", list(ref.municipalities["kommun_kod"]), ref.municipality_name),
        "lpo": ("map.filter.police_area", list(ref.police_areas["lpo_code"]), ref.police_area_name),
        "kategori": ("map.filter.category", list(ref.categories["code"]), lambda c: ref.category_label(c, lang)),
        "typ": ("coord.filter.kind", list(ref.measure_kinds["code"]), lambda c: ref.measure_kind_label(c, lang)),
        "status": ("coord.filter.status", list(MEASURE_STATUSES), lambda c: ui.tr(f"measure.status.{c}")),
        "aktor": ("coord.filter.actor", list(ref.actors["code"]), lambda c: ref.actor_label(c, lang)),
    }
    shown = list(widgets) if exact else list(PARTICIPANT_LISTS)
    values: dict[str, tuple[str, ...]] = {}
    for column, param in zip(st.columns(len(shown)), shown, strict=True):
        label, options, name = widgets[param]
        values[param] = tuple(column.multiselect(ui.tr(label), options, key=LISTS[param], format_func=name,
                                                 placeholder=every, on_change=sync_url))
    return CoordinationFilter(municipalities=values["kommun"], police_areas=values["lpo"],
                              categories=values["kategori"], kinds=values["typ"], statuses=values["status"],
                              actors=values.get("aktor", ()))

