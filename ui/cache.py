"""Process-wide resources and cached reads: the Dashboard built once per process, and reads and builds cached on the
store's data version (so a publish shows up on every page without a restart).

Every `st.cache_resource` / `st.cache_data` function of the shared ui modules is defined here, in a module that is
imported once (pages are scripts that Streamlit re-executes on every rerun, so they define no caches).
"""

from __future__ import annotations

import base64
import math
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit import config as streamlit_config

from scenes import Dashboard
from scenes.domain.disclosure import Disclosure
from scenes.domain.impact import Impact
from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.domain.progress import Progress, SurveyStats
from scenes.domain.protection import Protected, protection
from scenes.model import Lang
from scenes.reference import Reference
from scenes.render.assets import DrawingAssets, drawing_assets, install_script, install_static
from scenes.render.maps import geography
from scenes.settings import Settings

#: beside app.py: Streamlit serves the main script's static/ folder
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


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
    # Leaflet's stylesheet and images are served from static/ (Streamlit static serving): no CDN, works offline.
    install_static(STATIC_DIR)
    from ui.identity import oidc_configured  # (ui.identity imports this module)

    code = None if oidc_configured() else dash.setup_code()  # with OIDC nobody needs the code
    if code:
        print(f"scenes: no account exists yet. Setup code for the first administrator: {code} "
              "(enter it on the sign-in page; `scenes setup-code` prints it again).", file=sys.stderr, flush=True)
    return dash


_GEOGRAPHY_WRITTEN: set[str] = set()  # names of the map frame scripts this process has written


def install_geography(ref: Reference) -> None:
    """Write the map frame's script for `ref`'s geography into the static folder once per process (the map refers
    to it by its digest; every instance writes the same file for the same reference, atomically)."""
    geo = geography(ref)
    if geo.file_name not in _GEOGRAPHY_WRITTEN:
        install_script(STATIC_DIR, geo.file_name, geo.served)
        _GEOGRAPHY_WRITTEN.add(geo.file_name)


@st.cache_resource(show_spinner=False)
def drawing_tools() -> DrawingAssets | None:
    """The drawing tools (Leaflet-Geoman from `Settings.drawing_tools_dir`) written into the static folder once per
    process, each file named by its digest; None when they are not installed (the follow-up page says so)."""
    assets = drawing_assets(dashboard().settings.drawing_tools_dir)
    if assets is not None:
        install_script(STATIC_DIR, assets.script_name, assets.script)
        install_script(STATIC_DIR, assets.css_name, assets.css)
    return assets


def upload_cap_mib(settings: Settings | None = None) -> int:
    """SCENES_MAX_UPLOAD_MB in Streamlit's unit (MiB, whole), rounded up: the reader then checks the exact bytes."""
    mb = (settings or dashboard().settings).max_upload_mb
    return max(1, math.ceil(mb * 1_000_000 / 2**20))


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


def data_version() -> int:
    """The store's data version as this rerun read it (`ui.session.facts`, once per rerun; the key of every cached
    read below); outside a rerun (a download being made), asked of the store."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx() is None:
        return dashboard().data_version()
    from ui.session import facts  # (ui.session imports this module)

    return facts().data_version


@st.cache_resource(show_spinner=False, max_entries=32)
def _scenes(survey_id: str | None, data_version: int) -> gpd.GeoDataFrame:
    # A resource, not data: `st.cache_data` unpickles its value on every read (15 ms for 5,000 scenes, several reads
    # a rerun); the frame is kept once per process and handed out as a copy (`scenes`).
    return dashboard().scenes(survey_id)


def scenes(survey_id: str | None = None) -> gpd.GeoDataFrame:
    """Scene observations of one survey (all shown surveys if None), cached until the data changes. Each call gets
    its own copy (under a millisecond for 5,000 scenes), so no caller can change what the next one reads."""
    return _scenes(survey_id, data_version()).copy()


@st.cache_data(show_spinner=False)
def _stats(_dash_id: int, data_version: int) -> list[SurveyStats]:
    return dashboard().stats()


@st.cache_data(show_spinner=False)
def _progress(_dash_id: int, data_version: int) -> Progress | None:
    return dashboard().progress()


@st.cache_data(show_spinner=False)
def _impact(_dash_id: int, data_version: int) -> Impact:
    return dashboard().impact()


@st.cache_data(show_spinner=False, max_entries=4)
def _measures(_dash_id: int, data_version: int) -> list[Measure]:
    return dashboard().measures()


def measures() -> list[Measure]:
    """The measures shown beside the shown surveys (`Dashboard.measures`), read once per data version."""
    dash = dashboard()
    return _measures(id(dash), data_version())


@st.cache_data(show_spinner=False, max_entries=4)
def _indicators(_dash_id: int, data_version: int) -> list[Indicator]:
    return dashboard().indicators()


def indicators() -> list[Indicator]:
    """Every safety-indicator value (`Dashboard.indicators`), read once per data version."""
    dash = dashboard()
    return _indicators(id(dash), data_version())


def impact_figures() -> Impact:
    """Impact over time (`Dashboard.impact`), cached until the data changes."""
    dash = dashboard()
    return _impact(id(dash), data_version())


def stats() -> list[SurveyStats]:
    dash = dashboard()
    return _stats(id(dash), data_version())


def progress() -> Progress | None:
    dash = dashboard()
    return _progress(id(dash), data_version())


@st.cache_data(show_spinner=False, max_entries=16)
def _county_map(survey_id: str, data_version: int, shown: Disclosure, lg: Lang) -> tuple[str, list[tuple[str, str]]]:
    from scenes.render.charts import to_png  # (Altair: imported by the pages that draw charts, not by every page)
    from scenes.render.printmap import print_map, print_map_data

    data = print_map_data(dashboard().reference, _scenes(survey_id, data_version).copy(), exact=False, disclosure=shown,
                          lang=lg)
    # A picture, drawn on the server as for the report: Streamlit sends a chart's data as a table, which cannot
    # carry the polygons. As tall as the overview's row allows (the county is taller than wide).
    png = to_png(print_map(data, width=round(400 * data.aspect)), scale=2)
    return base64.b64encode(png).decode("ascii"), data.legend


def county_map_image(survey_id: str, shown: Disclosure, lg: Lang) -> tuple[str, list[tuple[str, str]]]:
    """One survey's counts per municipality as a base64 PNG, and its legend (label, colour)."""
    return _county_map(survey_id, data_version(), shown, lg)


@st.cache_data(show_spinner=False, max_entries=32)
def _progress_chart(data_version: int, shown: Disclosure, lg: Lang, height: int,
                    compact: bool) -> tuple[pd.DataFrame, dict[str, Any]]:
    from scenes.render.charts import progress_chart, progress_table  # (Altair: see _county_map)

    dash = dashboard()
    table = progress_table(stats(), dash.reference.published_totals, dash.goal(), dash.seminars(), lg,
                           disclosure=shown)
    return table, progress_chart(table, lg, height=height, compact_legend=compact).to_dict()


def progress_chart_spec(shown: Disclosure, lg: Lang, height: int, compact: bool) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The progress table and its chart's Vega-Lite spec. Built once per data version, reader and language
    (building and validating the chart takes about 0.1 s, too much for every rerun)."""
    return _progress_chart(data_version(), shown, lg, height, compact)


@st.cache_data(show_spinner=False, max_entries=64)
def _protected(survey_id: str, data_version: int, shown: Disclosure) -> Protected:
    return protection(dashboard().reference, _scenes(survey_id, data_version).copy(), shown)


def protected(survey_id: str, shown: Disclosure) -> Protected:
    """One survey's `protection` under `shown` (which of its counts a participant's views withhold), computed once
    per data version: Utveckling needs every survey's on every rerun (20–100 ms each)."""
    return _protected(survey_id, data_version(), shown)
