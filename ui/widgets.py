"""Shared widgets: tables and their downloads, the maps and the progress chart, facts and details, the goal's
status, the demo notice. Text in them is the reader's language; user text is always escaped."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

import ui.frame_layers as frame_layers
import ui.keys as keys
from scenes.domain.progress import Progress
from scenes.domain.query import Comparison, HistoryEntry
from scenes.i18n import CATALOGUE, t, time_text
from scenes.io.formats import table_to_csv
from scenes.reference import Reference
from scenes.render import maps
from scenes.render.tables import only_dates, readable
from ui.cache import county_map_image, dashboard, install_geography, progress_chart_spec
from ui.lang import day, escape_markdown, lang, num, tr
from ui.links import switch_to
from ui.session import disclosure, download_data, exact


def map_layers(ref: Reference, options: maps.MapOptions, layers: list[folium.FeatureGroup], *,
               key: str) -> folium.Map:
    """Hand the map `key`'s `layers` to its frame through the page now (`ui.frame_layers`), and return its base map,
    for `draw_map` to draw later in the page. A page that writes this before the rest of a rerun's elements has
    the layers drawn with the page's first paint of that rerun.

    The base map's shapes come from the geography script (`maps.geography`), written into the static folder
    before the first map that needs it is sent, so the browser fetches them once instead of with every rerun.
    The view is set in the browser by a fit layer among `layers` (`maps.fit_layer`), never by a centre and zoom
    sent from here. The layers of earlier reruns are let go of in the browser (`ScenesMap.follow`, and
    `maps.ReleaseEarlierLayers` for what streamlit-folium's frame keeps besides)."""
    install_geography(ref)
    if layers:  # (the caller's first layer gets it: `draw` passes a copy of its fit layer first)
        maps.ReleaseEarlierLayers().add_to(layers[0])
    base = maps.base_map(ref, options)
    maps.FollowPageLayers(key).add_to(base)
    frame_layers.hand_over(key, frame_layers.layers_script(base, layers,
                                                                       folium.LayerControl(collapsed=True)))
    return base


def draw_map(base: folium.Map, *, key: str, height: int = 580, clicks: bool = True) -> dict[str, Any]:
    """Draw the map `key` (its base map from `map_layers`, which has handed its layers over) without reruns on
    pan/zoom and without remounting when only the layers change: its script is the same from rerun to rerun. Only
    clicks come back (and only when `clicks`): panning and zooming never rerun the app."""
    result = st_folium(base, key=key, height=height, use_container_width=True,
                       returned_objects=["last_object_clicked"] if clicks else [])
    return result or {}


def show_map(ref: Reference, options: maps.MapOptions, layers: list[folium.FeatureGroup], *, key: str,
             height: int = 580, clicks: bool = True) -> dict[str, Any]:
    """Render a map (the base map of `ref` drawn with `options`, and `layers`) here: `map_layers`, then
    `draw_map`."""
    return draw_map(map_layers(ref, options, layers, key=key), key=key, height=height, clicks=clicks)


def distinct_labels(names: Mapping[Any, str]) -> Callable[[Any], str]:
    """A choice's `format_func` for options named by `names`: each name, with the option itself added in brackets
    where two options share a name. Streamlit's choice widgets send the chosen option back as its label, so two
    options with one label are one option (two surveys of one name: the second could never be chosen)."""
    seen = Counter(names.values())
    labels = {o: n if seen[n] == 1 else f"{n} ({o})" for o, n in names.items()}
    if len(set(labels.values())) < len(labels):  # a name that reads like another's label with its id: ids alone
        labels = {o: str(o) for o in names}
    return labels.__getitem__


def county_map(survey_id: str, name: str) -> None:
    """A small map of one survey's counts per municipality (never points, and small counts as the reader may see
    them), with its legend: the overview's glance at where the scenes are."""
    png, legend = county_map_image(survey_id, disclosure(), lang())
    alt_text = t("overview.map_alt", lang(), name=name)
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:4px;margin-right:12px">'
        f'<span style="width:14px;height:14px;background:{html.escape(colour)};border:1px solid #8c8c8c;'
        f'display:inline-block"></span>{html.escape(label)}</span>' for label, colour in legend)
    st.html(f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt_text)}" '
            f'style="height:400px;max-width:100%;object-fit:contain;display:block;margin:0 auto">'
            f'<div style="font-size:0.85rem;margin-top:6px"><strong>{html.escape(t("map.legend", lang()))}:</strong> '
            f'{swatches}</div>')


def show_progress_chart(*, height: int = 420, compact_legend: bool = False) -> pd.DataFrame:
    """The progress chart as this reader may see it, and its table (both cached: `cache.progress_chart_spec`)."""
    table, spec = progress_chart_spec(disclosure(), lang(), height, compact_legend)
    st.vega_lite_chart(spec, width="stretch")
    return table


_DONE = keys.DONE  # the session key of what the last write did, until the page has shown it


def done(message: str, *, then: str | None = None) -> NoReturn:
    """After a write: rerun (or go to the page keyed `then`), and have `flash()` show what was done above the
    redrawn page. Every write a page reports is reported this way (a test checks it): a toast could vanish before a
    slow rerun had drawn the page it describes, and is gone before everyone has read it."""
    st.session_state[_DONE] = message
    if then is not None:
        switch_to(then)
    st.rerun()


def flash() -> bool:
    """Show (once) what the write before this rerun did; True if there was one. (The message comes from `tr`,
    which has made any user text in it inert.)"""
    message = st.session_state.pop(_DONE, None)
    if message:
        st.success(message, icon=":material/check_circle:")
    return bool(message)


def demo_notice() -> None:
    """The visible notice wherever demo data is shown."""
    st.warning(tr("demo.notice"), icon=":material/info:")


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
        if entry.note is not None:
            extra = " – " + tr(f"history.{entry.note.kind}", ids=", ".join(entry.note.ids))
        lines.append(f"- {escape_markdown(entry.survey.name)}, {day(entry.survey.date)}: {state}{extra}")
    st.markdown("\n".join(lines))


def translated(table: pd.DataFrame) -> pd.DataFrame:
    """Column names through the catalogue (`col.<name>`) where a translation exists."""
    return table.rename(columns={c: tr(f"col.{c}") for c in table.columns if f"col.{c}" in CATALOGUE})


def show_table(table: pd.DataFrame, *, static: bool = False, **grid: Any) -> Any:
    """A table as people read it: numbers and missing values in the reader's language (`tables.readable`).

    `static` renders a plain HTML table (text a screen reader and the browser's find can reach) when the table is
    short; otherwise the sortable data grid, with `grid` passed on (e.g. row selection).
    """
    shown, numbers = readable(table, lang())
    if static and len(shown) <= 200:  # st.table draws each cell as Markdown: every cell is made inert text
        return st.table(shown.astype(str).map(escape_markdown), hide_index=True)
    config = {name: st.column_config.TextColumn(alignment="right") for name in numbers}
    return st.dataframe(shown, hide_index=True, width="stretch", column_config=config, **grid)


def download(label: str, data: Callable[[], bytes | str] | bytes | str, *, file_name: str, mime: str | None = None,
             help: str | None = None, icon: str = ":material/download:", key: str | None = None,
             where: Any = None, primary: bool = False) -> None:
    """A download button whose file is made (or handed over) only if the reader may still have it when they click
    (`session.download_data`). Every download of the app is made here; clicking never reruns the page."""
    (where or st).download_button(label, data=download_data(data), file_name=file_name, mime=mime, help=help,
                                  icon=icon, key=key, on_click="ignore", type="primary" if primary else "secondary")


def table_with_download(table: pd.DataFrame, file_name: str, *, key: str, static: bool = False) -> None:
    """A sortable table and its CSV download (the data behind every chart is downloadable; the file keeps plain
    numbers, so a spreadsheet can compute with them)."""
    shown = translated(table)
    show_table(shown, static=static)
    download(tr("download.csv"), table_to_csv(_dated(shown)), file_name=file_name, mime="text/csv", key=key)


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns (midnight) without a time of day, and moments in Stockholm time to the second (the one
    formatter, `time_text`), for a file."""
    out = table.copy()
    for column in out.columns:
        if only_dates(out[column]):
            out[column] = out[column].dt.date
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = [time_text(v, lang(), "second") if pd.notna(v) else None for v in out[column]]
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
    shown = disclosure().county  # county-wide counts: shown to every reader (Disclosure.county)
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
