"""Streamlit glue: the only place (with app.py and pages/) that imports streamlit.

Builds Settings and the Dashboard once per process, caches reads on the store's data version (so a
publish shows up on every page without a restart), holds the language choice, and renders core errors
and the demo notice the same way everywhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit import config as streamlit_config
from streamlit_folium import st_folium

from scenes import Dashboard
from scenes.assets import install_static
from scenes.auth import precision_for
from scenes.auth import require as auth_require
from scenes.charts import progress_chart, progress_table, to_png
from scenes.disclosure import Disclosure
from scenes.errors import ScenesError, ValidationFailed
from scenes.formats import table_to_csv
from scenes.i18n import CATALOGUE, LANGUAGES, date_text, error_text, number, t
from scenes.ingest.upload import report_table
from scenes.printmap import print_map, print_map_data
from scenes.progress import Progress, SurveyStats
from scenes.query import Comparison, HistoryEntry
from scenes.settings import Settings
from scenes.tables import only_dates, readable

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def dashboard() -> Dashboard:
    """The process-wide Dashboard; the schema and shipped seminars are ensured once at start.

    While no account exists, the one-time setup code for the first administrator goes to the server's log, so
    whoever runs the server (and only they) can claim the administration from a browser.
    """
    dash = Dashboard(Settings.from_env())
    dash.init(demo=False)
    # The server refuses an upload body over the cap while it streams in, so no file over SCENES_MAX_UPLOAD_MB is
    # ever buffered (the config file's value is only the fallback; this follows the setting wherever it is set).
    streamlit_config.set_option("server.maxUploadSize", upload_cap_mib(dash.settings), "scenes settings")
    # Leaflet and its plugin are served from static/ (Streamlit static serving): no CDN, works offline.
    install_static(STATIC_DIR)
    from ui import session  # (it imports this module)

    code = None if session.oidc_configured() else dash.setup_code()  # with OIDC nobody needs the code
    if code:
        print(f"scenes: no account exists yet. Setup code for the first administrator: {code} "
              "(enter it on the sign-in page; `scenes setup-code` prints it again).", file=sys.stderr, flush=True)
    return dash


STATIC_DIR = Path(__file__).resolve().parents[1] / "static"  # beside app.py: Streamlit serves the main script's static/


def upload_cap_mib(settings: Settings | None = None) -> int:
    """SCENES_MAX_UPLOAD_MB in Streamlit's unit (MiB, whole), rounded up: the reader then checks the exact bytes."""
    mb = (settings or dashboard().settings).max_upload_mb
    return max(1, math.ceil(mb * 1_000_000 / 2**20))


@st.cache_data(show_spinner=False, max_entries=32)
def _scenes(survey_id: str | None, data_version: int) -> gpd.GeoDataFrame:
    return dashboard().scenes(survey_id)


def scenes(survey_id: str | None = None) -> gpd.GeoDataFrame:
    """Scene observations of one survey (all shown surveys if None), cached until the data changes."""
    return _scenes(survey_id, dashboard().data_version())


def show_map(base: folium.Map, layers: list[folium.FeatureGroup], *, key: str, center: tuple[float, float],
             zoom: float, height: int = 580, clicks: bool = True) -> dict[str, Any]:
    """Render a map without reruns on pan/zoom and without remounting when only the layers change.

    Only clicks come back (and only when `clicks`): panning and zooming never rerun the app.
    """
    result = st_folium(base, key=key, height=height, use_container_width=True, feature_group_to_add=layers,
                       center=center, zoom=zoom,
                       layer_control=folium.LayerControl(collapsed=True),
                       returned_objects=["last_object_clicked"] if clicks else [])
    return result or {}


@st.cache_data(show_spinner=False)
def _stats(_dash_id: int, data_version: int) -> list[SurveyStats]:
    return dashboard().stats()


@st.cache_data(show_spinner=False)
def _progress(_dash_id: int, data_version: int) -> Progress | None:
    return dashboard().progress()


@st.cache_data(show_spinner=False, max_entries=16)
def _county_map(survey_id: str, data_version: int, shown: Disclosure, lg: str) -> tuple[str, list[tuple[str, str]]]:
    data = print_map_data(dashboard().reference, _scenes(survey_id, data_version), exact=False, disclosure=shown,
                          lang=lg)
    # A picture, drawn on the server as for the report: Streamlit sends a chart's data as a table, which cannot
    # carry the polygons. As tall as the overview's row allows (the county is taller than wide).
    png = to_png(print_map(data, width=round(400 * data.aspect)), scale=2)
    return base64.b64encode(png).decode("ascii"), data.legend


def county_map(survey_id: str, name: str) -> None:
    """A small map of one survey's counts per municipality (never points, and small counts as the reader may see
    them), with its legend: the overview's glance at where the scenes are."""
    png, legend = _county_map(survey_id, dashboard().data_version(), disclosure(), lang())
    alt_text = t("overview.map_alt", lang(), name=name)
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:12px">'
        f'<span style="width:14px;height:14px;background:{html.escape(colour)};border:1px solid #8c8c8c;'
        f'display:inline-block"></span>{html.escape(label)}</span>' for label, colour in legend)
    st.html(f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt_text)}" '
            f'style="height:400px;max-width:100%;object-fit:contain;display:block;margin:0 auto">'
            f'<div style="font-size:0.85rem;margin-top:6px"><strong>{html.escape(t("map.legend", lang()))}:</strong> '
            f'{swatches}</div>')


@st.cache_data(show_spinner=False, max_entries=32)
def _progress_chart(data_version: int, shown: Disclosure, lg: str, height: int,
                    compact: bool) -> tuple[pd.DataFrame, dict[str, Any]]:
    dash = dashboard()
    table = progress_table(stats(), dash.reference.published_totals, dash.goal(), dash.seminars(), lg,
                           disclosure=shown)
    return table, progress_chart(table, lg, height=height, compact_legend=compact).to_dict()


def show_progress_chart(*, height: int = 420, compact_legend: bool = False) -> pd.DataFrame:
    """The progress chart as this reader may see it, and its table. Built once per data version, reader and
    language (building and validating the chart takes about 0.1 s, too much for every rerun)."""
    table, spec = _progress_chart(dashboard().data_version(), disclosure(), lang(), height, compact_legend)
    st.vega_lite_chart(spec, width="stretch")
    return table


def stats() -> list[SurveyStats]:
    dash = dashboard()
    return _stats(id(dash), dash.data_version())


def progress() -> Progress | None:
    dash = dashboard()
    return _progress(id(dash), dash.data_version())


def lang() -> str:
    """The interface language: the sidebar choice, else `?lang=`, else the configured default."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", dashboard().settings.language)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else "sv"
    return str(st.session_state["lang"])


def tr(key: str, **values: object) -> str:
    """Translate `key` into the current language, for an element that renders Markdown.

    Text values (names of surveys, users, seminars …) are escaped, so whatever a user typed is shown as text
    wherever a message carries it; numbers are formatted as they are. The catalogue's own text is Markdown.
    """
    return t(key, lang(), **{k: escape_markdown(v) if isinstance(v, str) else v for k, v in values.items()})


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


def day(value: dt.date, style: str = "long") -> str:
    """Format a date for the current language ("long": 14 september 2022; "short": 2022-09-14)."""
    return date_text(value, lang(), style)


def date_format() -> Literal["YYYY-MM-DD", "DD/MM/YYYY"]:
    """How a date field shows its date: as the language writes a short date (2022-09-14 / 14/09/2022)."""
    return "YYYY-MM-DD" if lang() == "sv" else "DD/MM/YYYY"


def language_selector() -> None:
    lang()  # make sure the default is in session state before the widget reads it
    st.sidebar.selectbox(t("app.language", lang()), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                         key="lang")


def demo_notice() -> None:
    """The visible notice wherever demo data is shown."""
    st.warning(tr("demo.notice"), icon=":material/info:")


def show_error(exc: ScenesError, *, columns: dict[str, str] | None = None) -> None:
    """One way to show an expected failure: a message, never a traceback; located problems as a table.

    `columns` names a form's fields as the reader sees them (problem column -> catalogue key of the label); a
    file's problems keep the file's own column names.
    """
    st.error(f"**{tr('error.title')}**\n\n{error_text(exc, lang(), escape_markdown)}", icon=":material/error:")
    if isinstance(exc, ValidationFailed):
        table = report_table(exc.problems, lang())
        if columns:
            where = tr("problem.column")
            table[where] = [tr(columns[c]) if c in columns else c for c in table[where]]
        show_table(table)


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
    show_facts([(k, str(v)) for k, v in facts])  # lines that wrap: the details column is narrow at 1366 px
    st.markdown(f"**{tr('map.history')}**")
    lines = []
    for entry in history:
        state = tr("history.present" if entry.present else "history.absent")
        extra = ""
        if entry.note:
            kind, _, ids = entry.note.partition(":")
            extra = " – " + tr(f"history.{kind}", ids=ids.replace(",", ", "))
        lines.append(f"- {escape_markdown(entry.survey.name)}, {day(entry.survey.date)}: {state}{extra}")
    st.markdown("\n".join(lines))


#: where Streamlit's Markdown would make a link of plain text (GFM "autolink literals": http://…, www.…, e-mail)
_LINKISH = re.compile(r"(?i)(https?|ftp|www)(?=[:.])|(?=@)")


def escape_markdown(text: str) -> str:
    """Make user text inert in st.markdown: HTML-escape it and backslash the markdown specials.

    Escapes cannot stop Streamlit's autolinks: they are found in the text *after* Markdown is parsed, so a bare
    `http://…`, `www.…` or e-mail address would still become a link. An invisible word joiner (U+2060) after
    "http"/"www" and before "@" breaks those patterns; the text reads and prints the same.
    """
    unlinked = _LINKISH.sub(lambda m: (m.group(1) or "") + "\u2060", text)
    escaped = html.escape(unlinked, quote=False)
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|~<>$" else c for c in escaped)


def translated(table: pd.DataFrame) -> pd.DataFrame:
    """Column names through the catalogue (`col.<name>`) where a translation exists."""
    return table.rename(columns={c: tr(f"col.{c}") for c in table.columns if f"col.{c}" in CATALOGUE})


def show_table(table: pd.DataFrame, *, static: bool = False, **grid: Any) -> Any:
    """A table as people read it: numbers and missing values in the reader's language (`tables.readable`).

    `static` renders a plain HTML table (text a screen reader and the browser's find can reach) when the table is
    short; otherwise the sortable data grid, with `grid` passed on (e.g. row selection).
    """
    shown, numbers = readable(table, lang())
    if static and len(shown) <= 200:
        return st.table(shown.astype(str), hide_index=True)
    config = {name: st.column_config.TextColumn(alignment="right") for name in numbers}
    return st.dataframe(shown, hide_index=True, width="stretch", column_config=config, **grid)


def table_with_download(table: pd.DataFrame, file_name: str, *, key: str, static: bool = False) -> None:
    """A sortable table and its CSV download (the data behind every chart is downloadable; the file keeps plain
    numbers, so a spreadsheet can compute with them)."""
    shown = translated(table)
    show_table(shown, static=static)
    st.download_button(tr("download.csv"), data=table_to_csv(_dated(shown)), file_name=file_name,
                       mime="text/csv", on_click="ignore", icon=":material/download:", key=key)


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns (midnight) without a time of day, for a file."""
    out = table.copy()
    for column in out.columns:
        if only_dates(out[column]):
            out[column] = out[column].dt.date
    return out


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
    shown = disclosure()  # and small counts are only words for them
    for column, (kind, items) in zip(st.columns(len(groups)), groups.items(), strict=True):
        if not show_names:
            column.metric(tr("compare." + kind), shown.text(len(items), lang()))
            continue
        with column.popover(f"{tr('compare.' + kind)}: {len(items)}", width="stretch"):
            st.markdown("\n".join(f"- {i}" for i in items) if items else tr("compare.none"))


def show_facts(rows: list[tuple[str, str]]) -> None:
    """Label/value pairs as compact markdown (values escaped)."""
    st.markdown("  \n".join(f"**{escape_markdown(k)}:** {escape_markdown(v or '–')}" for k, v in rows))


def upload_hint(formats: str) -> None:
    """The file uploader's own hint is English ("200MB per file • CSV …"): it is hidden, and this line says the
    limit and the formats in the reader's language, under the uploader that precedes it."""
    st.html("<style>[data-testid='stFileUploaderDropzoneInstructions'] {display: none}</style>")
    mb = dashboard().settings.max_upload_mb
    st.caption(tr("upload.hint", mb=num(mb, 0 if mb % 1 == 0 else 1), formats=formats))


def goal_status(progress: Progress, hidden: bool = False, *, example_note: bool = True) -> None:
    """The goal and where the latest survey stands against its trajectory (overview and goal page).

    `hidden`: the counts are below the reader's small-count threshold, so only the verdict is shown.
    `example_note`: say that the goal is the shipped example (the goal page says so above, once).
    """
    goal, latest = progress.goal, progress.latest
    with st.container(border=True):
        st.markdown(f"**{tr('kpi.goal', count=goal.target_count, date=day(goal.target_date))}**")
        if goal.is_example and example_note:
            st.caption(":material/edit_note: " + tr("kpi.goal_example"))
        verdict = tr("kpi.on_track") if progress.on_track else tr("kpi.behind")
        icon = ":material/check_circle:" if progress.on_track else ":material/warning:"
        by = tr("kpi.versus_trajectory", n=latest.scenes, allowed=progress.allowed)
        st.markdown(f"**{icon} {verdict}" + ("" if hidden else f": {by}") + "**")
        if not hidden:  # the trajectory starts at the baseline's total
            st.caption(tr("kpi.trajectory_at", expected=num(progress.expected, 1),
                          name=latest.survey.name, date=day(latest.survey.date)))


# -- who is signed in, and what they may see -------------------------------------------------------------------

@dataclass(frozen=True)
class Who:
    """The person behind this rerun: their role (None: not signed in), and the name the audit log records."""

    role: str | None
    actor: str
    kind: str  # "demo", "local", "oidc" or "anonymous"


def new_run() -> None:
    """Called first by app.py on every rerun: who is asking is decided afresh (a revoked session ends here)."""
    st.session_state["_run"] = st.session_state.get("_run", 0) + 1


def who() -> Who:
    """Who is asking, resolved once per rerun (sessions, demo mode, OIDC: see ui.session.identify)."""
    run = st.session_state.get("_run")
    cached = st.session_state.get("_who")
    if cached is None or st.session_state.get("_who_run") != run:
        from ui import session

        cached = session.identify()
        st.session_state["_who"], st.session_state["_who_run"] = cached, run
    return cast(Who, cached)


def role() -> str | None:
    return who().role


def actor() -> str:
    """Who is acting, for the audit log (DEMO_ACTOR in demo mode, whose writes the core refuses)."""
    return who().actor


def is_demo() -> bool:
    return who().kind == "demo"


def demo_readonly() -> bool:
    """In demo mode: say that nothing is saved and where real use starts; True when the page must not write."""
    if not is_demo():
        return False
    st.info(tr("demo.readonly"), icon=":material/science:")
    st.page_link(SETUP_PAGE, label=tr("setup.link"), icon=":material/admin_panel_settings:")
    return True


#: the page that creates the first administrator (demo mode and a store without accounts)
SETUP_PAGE = "pages/setup.py"


def require(page: str) -> str:
    """Called first by every page: stop with a message unless the role may open it. Returns the role."""
    current = role()
    auth_require(current, page)
    assert current is not None  # noqa: S101 - require() raised otherwise
    return current


def exact() -> bool:
    """May the current role see exact scene locations (and names)?"""
    return precision_for(role()) == "exact"


def disclosure() -> Disclosure:
    """Which counts the current role may see as numbers (none suppressed at exact precision)."""
    return Disclosure.for_precision(precision_for(role()), dashboard().settings.small_count_threshold)
