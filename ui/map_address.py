"""The map's view in the address: the filters, the survey, the comparison, the shading, the two maps, presentation
mode and the measures (keys in screens/map.py's docstring). Every change writes them back (`sync_url` and the
switches' callbacks), and a link that changes them sets the widgets (`preset_from_url`), so a copied address reopens
the same view. `url_signature`, `lists_from_url` and `lists_to_url` are shared with Samordning."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import streamlit as st

import ui
from scenes.views.map import SHADINGS
from ui import keys

PRESETS = {"kommun": keys.F_KOMMUN, "lpo": keys.F_LPO, "kategori": keys.F_KATEGORI, "status": keys.F_STATUS}
PRESENT = "visning"  # ?visning=1: presentation mode
MEASURES = "atgard"  # ?atgard=1: mark the scenes with an ongoing measure (exact precision only)


def url_signature(params: Iterable[str]) -> list[tuple[str, str]]:
    """The link's values of `params`: a preset is applied only when they change."""
    wanted = set(params)
    return sorted((k, v) for k, v in st.query_params.items() if k in wanted)


def lists_from_url(presets: Mapping[str, str], known: Mapping[str, set[str]]) -> None:
    """Copy each URL parameter's comma-separated codes into its widget's key (`presets`: parameter -> key). A link
    sets every list (unnamed ones are cleared); codes not in `known[parameter]` are dropped."""
    for param, key in presets.items():
        st.session_state[key] = [v for v in st.query_params.get(param, "").split(",") if v in known[param]]


def lists_to_url(presets: Mapping[str, str]) -> None:
    """The widgets' lists written back into the address (parameter -> key), so the link reproduces the view."""
    for param, key in presets.items():
        values = [str(v) for v in st.session_state.get(key) or ()]
        if values:
            st.query_params[param] = ",".join(values)
        elif param in st.query_params:
            del st.query_params[param]


COMPARE = "jamfor"  # ?jamfor=<survey id>|none: the survey compared with (absent: the previous one)
COMPARE_DEFAULT = "prev"
SHADING = "farg"  # ?farg=per_capita: the shading measure (absent: the count; `SHADINGS`)
PAIR = "tva_kartor"  # ?tva_kartor=1: the two maps side by side (the comparison's survey and the chosen one)


def _url_signature() -> list[tuple[str, str]]:
    """The link's map parameters: a preset is applied only when they change."""
    return url_signature((*PRESETS, "survey", COMPARE, PRESENT, MEASURES, SHADING, PAIR))


def preset_from_url(survey_ids: list[str]) -> None:
    """Copy URL query values into the widgets' state when the link changes (a shared link sets the view)."""
    q = st.query_params
    signature = _url_signature()
    if st.session_state.get(keys.MAP_PRESET) == signature:
        return
    ref = ui.dashboard().reference
    known = {"kommun": set(ref.municipalities["kommun_kod"]), "lpo": set(ref.police_areas["lpo_code"]),
             "kategori": set(ref.categories["code"]), "status": set(ref.statuses["code"])}
    lists_from_url(PRESETS, known)  # a link sets every filter (unnamed ones are cleared); unknown codes drop
    if q.get("survey") in survey_ids:
        st.session_state[keys.F_SURVEY] = q.get("survey")
    compare_to = q.get(COMPARE)
    st.session_state[keys.F_COMPARE] = compare_to if compare_to in (*survey_ids, "none") else COMPARE_DEFAULT
    st.session_state[keys.PRESENT] = q.get(PRESENT) == "1"
    st.session_state[keys.F_ONGOING] = q.get(MEASURES) == "1"
    st.session_state[keys.F_MEASURE] = q.get(SHADING) if q.get(SHADING) in SHADINGS else SHADINGS[0]
    st.session_state[keys.F_PAIR] = q.get(PAIR) == "1"
    st.session_state[keys.MAP_PRESET] = signature


def sync_url() -> None:
    """Write the filters, the survey, the comparison, the shading measure and the two-map switch into the address
    (widget callback), as Samordning does: a copied link reopens the same view (`preset_from_url` reads it back)."""
    lists_to_url(PRESETS)
    survey = st.session_state.get(keys.F_SURVEY)
    if survey:
        st.query_params["survey"] = str(survey)
    compare_to = st.session_state.get(keys.F_COMPARE)
    if compare_to and compare_to != COMPARE_DEFAULT and ui.exact():  # participants compare with nothing
        st.query_params[COMPARE] = str(compare_to)
    elif COMPARE in st.query_params:
        del st.query_params[COMPARE]
    _value_to_url(SHADING, st.session_state.get(keys.F_MEASURE), SHADINGS[0])
    _value_to_url(PAIR, "1" if st.session_state.get(keys.F_PAIR) else None, None)
    st.session_state[keys.MAP_PRESET] = _url_signature()


def _value_to_url(param: str, value: str | None, default: str | None) -> None:
    """`param=value` in the address, absent when the value is the default (or none)."""
    if value and value != default:
        st.query_params[param] = str(value)
    elif param in st.query_params:
        del st.query_params[param]


def _switch_to_url(key: str, param: str) -> None:
    """A switch mirrored in the address as `param=1` (absent when off), so a shared link opens the same way."""
    if st.session_state.get(key):
        st.query_params[param] = "1"
    elif param in st.query_params:
        del st.query_params[param]
    st.session_state[keys.MAP_PRESET] = _url_signature()


def sync_measures_param() -> None:
    """The measure switch in the address (`atgard=1`): a shared link marks the same scenes."""
    _switch_to_url(keys.F_ONGOING, MEASURES)


def sync_presentation_param() -> None:
    """The presentation switch in the address: the link of a projected map opens as projected."""
    _switch_to_url(keys.PRESENT, PRESENT)
