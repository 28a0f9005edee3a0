"""Map assets (Leaflet) from its PyPI package, served locally or inlined: never a CDN.

The app copies the files into Streamlit's static folder (served at `/app/static/`); an exported map carries
them inline (scripts, styles, and Leaflet's images as data URIs) so it opens offline.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

__all__ = ["AssetLinks", "DrawingAssets", "drawing_assets", "frame_script", "inline_assets", "install_script",
           "install_static"]

LEAFLET_DIR = Path(xleaflet.BASE_DIR)

#: the map's own script (the scenes' data layer), served after Leaflet in the frame's one script (`frame_script`)
MAP_SCRIPT = Path(__file__).resolve().parent / "map" / "scenes-map.js"
#: Leaflet and the map's own script, joined in this order. (Since the scenes' data layer clusters them itself,
#: Leaflet.markercluster, 34 KB, and its two stylesheets are no longer shipped.)
_BUNDLE = (LEAFLET_DIR / "leaflet.js", MAP_SCRIPT)
_CSS = {"leaflet.css": LEAFLET_DIR / "leaflet.css"}
VENDOR = "vendor"


@dataclass(frozen=True)
class AssetLinks:
    """Where the browser finds the assets: a URL prefix (Streamlit static serving by default)."""

    base_url: str = "/app/static/" + VENDOR

    def url(self, name: str) -> str:
        return f"{self.base_url}/{name}"

    def css(self) -> list[tuple[str, str]]:
        return [(name, f"{self.base_url}/{name}") for name in _CSS]


@functools.cache
def _leaflet_and_map_script() -> str:
    """Leaflet and the map's own script, each ending in a newline and a semicolon."""
    return "".join(path.read_text(encoding="utf-8").rstrip() + "\n;\n" for path in _BUNDLE)


def frame_script(extra: str) -> tuple[str, str]:
    """The one script a map's frame loads: Leaflet, the map's own script and `extra` (the map's geography), joined,
    and its served name `map-<digest>.js`. One file, because streamlit-folium loads a map's scripts one after
    another, each waiting for the last: two files were two round trips before the map could start drawing. The name
    is a digest of the whole text, so a browser that keeps a served script never runs an older one after an upgrade
    or a changed reference."""
    text = _leaflet_and_map_script() + extra
    return f"map-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.js", text


@dataclass(frozen=True)
class DrawingAssets:
    """Leaflet-Geoman (MIT, from npm: `make drawing-tools`), as the follow-up page's map serves it: one script named
    by its digest (Geoman, then `L.PM.setOptIn(true)`, so no layer of the base map or of the other scenes can be
    edited: only the layers made editable, with `pmIgnore: false`) and its stylesheet."""

    script_name: str
    script: str
    css_name: str
    css: str


#: Geoman decides whether a layer is editable when the layer is made, so the opt-in is set right after it loads
_OPT_IN = "\n;L.PM.setOptIn(true);\n"


def drawing_assets(dist: Path) -> DrawingAssets | None:
    """The drawing tools in `dist` (the `Settings.drawing_tools_dir`), or None when they are not installed."""
    script, css = dist / "leaflet-geoman.min.js", dist / "leaflet-geoman.css"
    if not (script.is_file() and css.is_file()):
        return None
    return _drawing_assets(script, css, script.stat().st_mtime_ns, css.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _drawing_assets(script: Path, css: Path, *_stamps: int) -> DrawingAssets:
    text = script.read_text(encoding="utf-8").rstrip() + _OPT_IN
    style = css.read_text(encoding="utf-8")

    def named(stem: str, body: str, ext: str) -> str:
        return f"{stem}-{hashlib.sha256(body.encode('utf-8')).hexdigest()[:16]}.{ext}"
    return DrawingAssets(named("geoman", text, "js"), text, named("geoman", style, "css"), style)


def install_static(static_dir: Path) -> Path:
    """Write Leaflet's stylesheet and images into `static_dir/vendor` if missing or different (the scripts are
    written per geography: `install_script`, `frame_script`)."""
    target = static_dir / VENDOR
    (target / "images").mkdir(parents=True, exist_ok=True)
    copies = {**_CSS, **{f"images/{p.name}": p for p in (LEAFLET_DIR / "images").iterdir()}}
    for name, source in copies.items():
        _write(target / name, source.read_bytes())
    return target


def install_script(static_dir: Path, name: str, text: str) -> Path:
    """Write one served script (a map frame's script, `frame_script`) into `static_dir/vendor` if missing or
    different. Its URL is `AssetLinks().url(name)`."""
    dest = static_dir / VENDOR / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    _write(dest, text.encode("utf-8"))
    return dest


def _write(dest: Path, data: bytes) -> None:
    """Atomically (a whole file or the old one, never half of one: another instance may be serving it)."""
    if not dest.exists() or dest.read_bytes() != data:
        handle, name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(data)
        os.chmod(name, 0o644)
        Path(name).replace(dest)


def _data_uri(path: Path) -> str:
    mime = {"png": "image/png", "svg": "image/svg+xml"}.get(path.suffix.lstrip("."), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _css_inlined(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"url\((images/[^)]+)\)",
                  lambda m: f"url({_data_uri(LEAFLET_DIR / m.group(1))})", text)


def inline_assets(page: str, links: AssetLinks, scripts: Mapping[str, str]) -> str:
    """Replace each asset `<script src>`/`<link>` in a rendered page by the file's content; `scripts` are the served
    scripts by name (the map frame's script, `scenes.render.map.geography`)."""
    for name, text in scripts.items():
        tag = f'<script src="{links.url(name)}"></script>'
        body = text.replace("</script", "<\\/script")
        page = page.replace(tag, f"<script>/* {name} (inlined) */\n{body}\n</script>")
    for name, source in _CSS.items():
        tag = f'<link rel="stylesheet" href="{links.base_url}/{name}"/>'
        page = page.replace(tag, f"<style>/* {name} (inlined) */\n{_css_inlined(source)}\n</style>")
    return page
