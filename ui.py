"""Streamlit glue: the only place (with app.py and pages/) that imports streamlit.

Builds Settings and the Dashboard once per process, caches reads on the store's data version (so a
publish shows up on every page without a restart), holds the language choice, and renders core errors
and the demo notice the same way everywhere.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from scenes.assets import install_static
from scenes.auth import ROLES, Accounts, load_role_map, precision_for, role_for_claims
from scenes.auth import require as auth_require
from scenes.core import Dashboard
from scenes.errors import ScenesError, ValidationFailed
from scenes.formats import table_to_csv
from scenes.i18n import CATALOGUE, LANGUAGES, number, t
from scenes.progress import Progress, SurveyStats
from scenes.query import Comparison, HistoryEntry
from scenes.settings import Settings

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def dashboard() -> Dashboard:
    """The process-wide Dashboard; the schema and shipped seminars are ensured once at start."""
    dash = Dashboard(Settings.from_env())
    dash.init(demo=False)
    # Leaflet and its plugin are served from static/ (Streamlit static serving): no CDN, works offline.
    install_static(STATIC_DIR)
    return dash


STATIC_DIR = Path(__file__).resolve().parent / "static"


@st.cache_data(show_spinner=False, max_entries=32)
def _scenes(survey_id: str | None, data_version: int) -> gpd.GeoDataFrame:
    return dashboard().store.scenes(survey_id)


def scenes(survey_id: str | None = None) -> gpd.GeoDataFrame:
    """Scene observations of one survey (all surveys if None), cached until the data changes."""
    return _scenes(survey_id, dashboard().store.data_version())


def show_map(base: folium.Map, layers: list[folium.FeatureGroup], *, key: str, center: tuple[float, float],
             zoom: int, height: int = 580, clicks: bool = True) -> dict[str, Any]:
    """Render a map without reruns on pan/zoom and without remounting when only the layers change.

    Only clicks come back (and only when `clicks`): panning and zooming never rerun the app.
    """
    result = st_folium(base, key=key, height=height, use_container_width=True, feature_group_to_add=layers,
                       center=center, zoom=zoom,
                       layer_control=folium.LayerControl(collapsed=False),
                       returned_objects=["last_object_clicked"] if clicks else [])
    return result or {}


@st.cache_data(show_spinner=False)
def _stats(_dash_id: int, data_version: int) -> list[SurveyStats]:
    return dashboard().stats()


@st.cache_data(show_spinner=False)
def _progress(_dash_id: int, data_version: int) -> Progress | None:
    return dashboard().progress()


def stats() -> list[SurveyStats]:
    dash = dashboard()
    return _stats(id(dash), dash.store.data_version())


def progress() -> Progress | None:
    dash = dashboard()
    return _progress(id(dash), dash.store.data_version())


def lang() -> str:
    """The interface language: the sidebar choice, else `?lang=`, else the configured default."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", dashboard().settings.language)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else "sv"
    return str(st.session_state["lang"])


def tr(key: str, **values: object) -> str:
    """Translate `key` into the current language."""
    return t(key, lang(), **values)


@st.cache_resource(show_spinner=False)
def favicon() -> Any:
    """A small map-pin icon drawn locally (no icon font or CDN involved)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 4, 56, 52), fill=(0, 114, 178, 255))
    draw.polygon([(16, 40), (48, 40), (32, 62)], fill=(0, 114, 178, 255))
    draw.ellipse((22, 18, 42, 38), fill=(255, 255, 255, 255))
    return img


def num(value: float, decimals: int = 0) -> str:
    """Format a number for the current language (decimal comma in Swedish)."""
    return number(value, lang(), decimals)


def language_selector() -> None:
    lang()  # make sure the default is in session state before the widget reads it
    st.sidebar.selectbox(t("app.language", lang()), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                         key="lang")


def demo_notice() -> None:
    """The visible notice wherever demo data is shown."""
    st.warning(tr("demo.notice"), icon=":material/info:")


def show_error(exc: ScenesError) -> None:
    """One way to show an expected failure: a message, never a traceback; located problems as a table."""
    if isinstance(exc, ValidationFailed):
        st.error(f"**{tr('error.title')}**\n\n{escape_markdown(exc.args[0])}", icon=":material/error:")
        st.dataframe(pd.DataFrame([{tr("problem.row"): p.row, tr("problem.column"): p.column,
                                    tr("problem.value"): p.value, tr("problem.message"): p.message,
                                    tr("problem.suggestion"): p.suggestion} for p in exc.problems]),
                     hide_index=True, width="stretch")
        return
    st.error(f"**{tr('error.title')}**\n\n{escape_markdown(str(exc))}", icon=":material/error:")


def guarded(render: Callable[[], T]) -> T | None:
    """Run a page body; expected errors become a message instead of a traceback."""
    try:
        return render()
    except ScenesError as exc:
        show_error(exc)
        return None


def scene_details(row: Any, history: list[HistoryEntry]) -> None:
    """A scene's attributes and its history across surveys (escaped: markdown is given plain text only)."""
    ref, lg = dashboard().reference, lang()
    facts = [
        (tr("col.name"), row["name"]),
        (tr("col.scene_id"), row["scene_id"]),
        (tr("col.municipality"), row["kommun"]),
        (tr("col.police_area"), ref.police_area_name(row["lokalpolisomrade"])),
        (tr("col.district"), ref.district_name(row["stadsdel"]) if row["stadsdel"] else "–"),
        (tr("col.categories"), ", ".join(ref.category_label(c, lg) for c in row["categories"])),
        (tr("col.status"), ref.status_label(row["status"], lg) if row["status"] else "–"),
        (tr("col.impact"), "–" if row["impact"] is None or str(row["impact"]) == "<NA>" else str(row["impact"])),
        (tr("col.area_m2"), num(row["area_m2"]) if row["area_m2"] == row["area_m2"] else "–"),
        (tr("col.notes"), row["notes"] or "–"),
    ]
    st.dataframe({tr("col.field"): [k for k, _ in facts], tr("col.value"): [str(v) for _, v in facts]},
                 hide_index=True, width="stretch")
    st.markdown(f"**{tr('map.history')}**")
    lines = []
    for entry in history:
        state = tr("history.present" if entry.present else "history.absent")
        extra = ""
        if entry.note:
            kind, _, ids = entry.note.partition(":")
            extra = " – " + tr(f"history.{kind}", ids=ids.replace(",", ", "))
        lines.append(f"- {escape_markdown(entry.survey.name)} ({entry.survey.date.isoformat()}): {state}"
                     f"{escape_markdown(extra)}")
    st.markdown("\n".join(lines))


def escape_markdown(text: str) -> str:
    """Make user text inert in st.markdown: HTML-escape it and backslash the markdown specials."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|~<>$" else c for c in escaped)


def translated(table: pd.DataFrame) -> pd.DataFrame:
    """Column names through the catalogue (`col.<name>`) where a translation exists."""
    return table.rename(columns={c: tr(f"col.{c}") for c in table.columns if f"col.{c}" in CATALOGUE})


def table_with_download(table: pd.DataFrame, file_name: str, *, key: str, static: bool = False) -> None:
    """A sortable table and its CSV download (the data behind every chart is downloadable).

    `static` renders a plain HTML table (text a screen reader and the browser's find can reach) when the
    table is short; long tables always use the scrolling data grid.
    """
    shown = translated(table)
    for column in shown.columns:  # dates without a time of day
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.date
    if static and len(shown) <= 200:
        st.table(shown.astype(str).replace({"None": "", "nan": "", "<NA>": ""}), hide_index=True)
    else:
        st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(tr("download.csv"), data=table_to_csv(shown), file_name=file_name, mime="text/csv",
                       on_click="ignore", icon=":material/download:", key=key)


def comparison_lists(result: Comparison, earlier: gpd.GeoDataFrame, later: gpd.GeoDataFrame) -> None:
    """New / ceased / persisting / merged / split as numbers, each opening its list of scenes."""
    names = {**dict(zip(earlier["scene_id"], earlier["name"], strict=True)),
             **dict(zip(later["scene_id"], later["name"], strict=True))}

    def label(sid: str) -> str:
        return f"{escape_markdown(str(names.get(sid, sid)))} ({escape_markdown(sid)})"

    groups = {
        "new": [label(s) for s in result.new],
        "ceased": [label(s) for s in result.ceased],
        "persisting": [label(s) for s in result.persisting],
        "merged": [f"{label(k)} ← " + ", ".join(label(v) for v in vs) for k, vs in result.merged.items()],
        "split": [f"{label(k)} → " + ", ".join(label(v) for v in vs) for k, vs in result.split.items()],
    }
    show_names = exact()  # scene names can reveal a place: only for roles cleared for exact locations
    for column, (kind, items) in zip(st.columns(len(groups)), groups.items(), strict=True):
        if not show_names:
            column.metric(tr("compare." + kind), len(items))
            continue
        with column.popover(f"{tr('compare.' + kind)}: {len(items)}", width="stretch"):
            st.markdown("\n".join(f"- {i}" for i in items) if items else tr("compare.none"))


def facts(rows: list[tuple[str, str]]) -> None:
    """Label/value pairs as compact markdown (values escaped)."""
    st.markdown("  \n".join(f"**{escape_markdown(k)}:** {escape_markdown(v or '–')}" for k, v in rows))


# -- who is signed in, and what they may see -------------------------------------------------------------------

def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _expired() -> bool:
    """End a local session after the configured idle time; returns True when it just ended."""
    now = time.time()
    last = st.session_state.get("last_activity")
    st.session_state["last_activity"] = now
    idle = dashboard().settings.session_idle_minutes * 60
    if st.session_state.get("user") and last is not None and now - last > idle:
        dashboard().store.record("session-expired", actor=str(st.session_state["user"]))
        for key in ("user", "role"):
            st.session_state.pop(key, None)
        st.session_state["expired"] = True
        return True
    return False


def role() -> str | None:
    """The current role: the demo role switcher in demo mode, else the signed-in user's role, else None."""
    dash = dashboard()
    if dash.store.demo_mode():
        return str(st.session_state.get("demo_role", "analytiker"))
    if _oidc_configured():
        if not getattr(st.user, "is_logged_in", False):
            return None
        return role_for_claims(st.user.to_dict(), load_role_map(dash.settings.role_map))
    _expired()
    value = st.session_state.get("role")
    return str(value) if value else None


def actor() -> str:
    """Who is acting, for the audit log."""
    if dashboard().store.demo_mode():
        return f"demo ({role()})"
    if _oidc_configured() and getattr(st.user, "is_logged_in", False):
        return str(st.user.get("email") or st.user.get("name") or "oidc")
    return str(st.session_state.get("user") or "unknown")


def require(page: str) -> str:
    """Called first by every page: stop with a message unless the role may open it. Returns the role."""
    current = role()
    auth_require(current, page)
    assert current is not None  # noqa: S101 - require() raised otherwise
    return current


def exact() -> bool:
    """May the current role see exact scene locations (and names)?"""
    return precision_for(role()) == "exact"


def identity_sidebar() -> None:
    """Demo banner and role switcher, or who is signed in with a sign-out button."""
    dash = dashboard()
    if dash.store.demo_mode():
        st.sidebar.warning(tr("auth.demo_mode"), icon=":material/science:")
        # Role names are the same in both languages (they are the project's role codes), so the widget's
        # labels do not change when the language does.
        st.sidebar.selectbox(tr("auth.demo_role"), list(ROLES), index=ROLES.index("analytiker"), key="demo_role",
                             format_func=str.capitalize)
        return
    current = role()
    if current is None:
        return
    st.sidebar.caption(tr("auth.signed_in", who=actor(), role=tr(f"role.{current}")))
    if _oidc_configured():
        st.sidebar.button(tr("auth.sign_out"), on_click=st.logout)
    elif st.sidebar.button(tr("auth.sign_out"), key="sign_out"):
        dash.store.record("sign-out", actor=actor())
        for key in ("user", "role"):
            st.session_state.pop(key, None)
        st.rerun()


def sign_in_page() -> None:
    """The only page for someone not signed in."""
    st.title(tr("app.title"))
    if st.session_state.pop("expired", False):
        st.info(tr("auth.expired"), icon=":material/timer_off:")
    if _oidc_configured():
        st.button(tr("auth.sign_in_oidc"), on_click=st.login, type="primary")
        return
    if Accounts(dashboard().store).count() == 0:
        st.warning(tr("auth.no_accounts"), icon=":material/person_off:")
    with st.form("sign_in"):
        username = st.text_input(tr("auth.username"), autocomplete="username")
        password = st.text_input(tr("auth.password"), type="password", autocomplete="current-password")
        submitted = st.form_submit_button(tr("auth.sign_in"), type="primary")
    if submitted:
        accounts = Accounts(dashboard().store)
        found = accounts.authenticate(username.strip(), password)
        if found is None:
            st.error(tr("auth.failed"), icon=":material/lock:")
            return
        st.session_state.update(user=username.strip(), role=found, last_activity=time.time())
        st.rerun()
