"""The map's colours, the escaping of user text, and its CSS."""

from __future__ import annotations

import html
import re

COUNTY_CENTER = (59.40, 18.10)
COUNTY_ZOOM = 9
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WATER = "#c6dbe9"  # the background: sea and lakes (the municipality shapes are land only)
LAND_AROUND = "#e2e2dc"  # the neighbouring counties: land, but not ours
CLUSTER = "#3b3b3b"
#: the width (px) kept free on the right of an exported map's first view: its legend (and step buttons) sit there
EXPORT_LEGEND_PX = 320
NAMES_Z = 625  # the municipality names' pane: above markers (600), below tooltips (650)
_HALO = "1px 1px 0 #fff,-1px -1px 0 #fff,1px -1px 0 #fff,-1px 1px 0 #fff,0 0 3px #fff,0 0 4px #fff"
_ZOOMS = range(6, 19)
_LABEL_ZOOMS = range(7, 16)

BASEMAPS = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
}

#: change code -> the badge drawn on a scene marker (legend: "map.change.<code>")
BADGES = {"new": "+", "merged": "⊕", "split": "÷"}


_SPECIAL = re.compile(r"[&<>\"'\\`$]")


def safe(text: object) -> str:
    """Escape for HTML *and* for a JavaScript template literal (backtick, `${`, backslash)."""
    s = "" if text is None else str(text)
    if _SPECIAL.search(s) is None:  # most names have nothing to escape: a search is a third of escaping them
        return s
    s = html.escape(s, quote=True)
    return s.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def _colour(value: str) -> str:
    return value if _HEX.match(value or "") else "#777777"




#: the ring round a scene with an ongoing measure: black on a white gap, so it reads on any fill (a shape, not a hue)
ONGOING_RING = "box-shadow:0 0 0 2px #ffffff,0 0 0 4px #000000;"


def _zoom_css() -> str:
    """`.lz-Z .mz-K {display:none}` for every K above Z: a name with min zoom K shows from zoom K on."""
    rules = []
    for z in _ZOOMS:
        hidden = [f".lz-{z} .mz-{k}" for k in range(z + 1, max(_ZOOMS) + 2)]
        rules.append(",".join(hidden) + "{display:none}")
    return "".join(rules)


def _css(scale: float) -> str:
    name_px, count_px = round(13 * scale), round(13 * scale)
    return (
        f"div.leaflet-container{{background:{WATER};font:{round(14 * scale)}px/1.4 'Source Sans Pro',sans-serif}}"
        ".scene-marker{border-radius:50%;border:2px solid #1a1a1a;color:#fff;font:bold 11px/18px sans-serif;"
        "text-align:center;text-shadow:0 0 2px #000}"
        ".scene-marker .badge{position:absolute;top:-9px;right:-10px;min-width:13px;height:13px;border-radius:7px;"
        "background:#fff;border:1.5px solid #1a1a1a;color:#1a1a1a;font:bold 11px/12px sans-serif;text-shadow:none}"
        ".ceased-marker{border-radius:50%;border:2px dashed #444;background:#fff;color:#444;"
        "font:bold 12px/16px sans-serif;text-align:center}"
        f".scene-cluster div{{background:{CLUSTER};color:#fff;border:2px solid #fff;box-shadow:0 0 0 2px {CLUSTER};"
        "border-radius:50%;text-align:center;font:bold 13px/1 sans-serif;display:flex;align-items:center;"
        "justify-content:center;width:100%;height:100%;margin:0;box-sizing:border-box}"
        ".marker-cluster.scene-cluster{background:transparent}"
        f".muni-label{{display:flex;justify-content:center;white-space:nowrap;color:#1a1a1a;font:600 {name_px}px/1.2 "
        f"'Source Sans Pro',sans-serif;text-shadow:{_HALO};pointer-events:none}}"
        f".count-label{{display:flex;justify-content:center;pointer-events:none}}.count-label span{{background:#fff;"
        f"border:2px solid #1a1a1a;border-radius:11px;font:bold {count_px}px/1.3 sans-serif;color:#1a1a1a;"
        "padding:0 6px;white-space:nowrap}"
        ".shade-tip table{margin:auto}.shade-tip tr{text-align:left}.shade-tip th{padding:2px 8px 2px 2px}"
        + _zoom_css()
    )


