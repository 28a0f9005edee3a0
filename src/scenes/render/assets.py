"""Map assets (Leaflet) from its PyPI package, served locally or inlined: never a CDN.

The app copies the files into Streamlit's static folder (served at `/app/static/`); an exported map carries
them inline (scripts, styles, and Leaflet's images as data URIs) so it opens offline.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

__all__ = ["AssetLinks", "inline_assets", "install_script", "install_static"]

LEAFLET_DIR = Path(xleaflet.BASE_DIR)

#: the map's own script (the scenes' data layer), served in one file after Leaflet (one request: the map's frame
#: loads its scripts one after another)
MAP_SCRIPT = Path(__file__).resolve().parent / "map" / "scenes-map.js"
_BUNDLE = (LEAFLET_DIR / "leaflet.js", MAP_SCRIPT)


def _content_name(stem: str, paths: tuple[Path, ...]) -> str:
    """`stem-<digest>.js`: a browser that keeps a served script never runs an older one after an upgrade."""
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in paths)).hexdigest()[:12]
    return f"{stem}-{digest}.js"


#: served name -> source files, joined in this order. (Leaflet and the map's own script: since the scenes' data
#: layer clusters them itself, Leaflet.markercluster, 34 KB, and its two stylesheets are no longer shipped.)
_JS = {_content_name("leaflet-scenes", _BUNDLE): _BUNDLE}
_CSS = {"leaflet.css": LEAFLET_DIR / "leaflet.css"}
VENDOR = "vendor"


@dataclass(frozen=True)
class AssetLinks:
    """Where the browser finds the assets: a URL prefix (Streamlit static serving by default)."""

    base_url: str = "/app/static/" + VENDOR

    def url(self, name: str) -> str:
        return f"{self.base_url}/{name}"

    def js(self) -> list[tuple[str, str]]:
        return [(name, self.url(name)) for name in _JS]

    def css(self) -> list[tuple[str, str]]:
        return [(name, f"{self.base_url}/{name}") for name in _CSS]


def _script(name: str) -> bytes:
    """A served script: its source files joined, each ending in a newline and a semicolon."""
    return b"".join(path.read_bytes().rstrip() + b"\n;\n" for path in _JS[name])


def install_static(static_dir: Path) -> Path:
    """Write the asset files (and Leaflet's images) into `static_dir/vendor` if missing or different."""
    target = static_dir / VENDOR
    (target / "images").mkdir(parents=True, exist_ok=True)
    copies = {**_CSS, **{f"images/{p.name}": p for p in (LEAFLET_DIR / "images").iterdir()}}
    files: dict[str, Callable[[], bytes]] = {name: partial(_script, name) for name in _JS}
    files |= {name: source.read_bytes for name, source in copies.items()}
    for name, content in files.items():
        _write(target / name, content())
    return target


def install_script(static_dir: Path, name: str, text: str) -> Path:
    """Write one further served script (the map's geography) into `static_dir/vendor` if missing or different.
    Its URL is `AssetLinks().url(name)`."""
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


def inline_assets(page: str, links: AssetLinks, scripts: Mapping[str, str] | None = None) -> str:
    """Replace each asset `<script src>`/`<link>` in a rendered page by the file's content; `scripts` are further
    served scripts by name (the map's geography, `scenes.render.map.geography`)."""
    bodies = {name: _script(name).decode("utf-8") for name in _JS} | dict(scripts or {})
    for name, text in bodies.items():
        tag = f'<script src="{links.url(name)}"></script>'
        body = text.replace("</script", "<\\/script")
        page = page.replace(tag, f"<script>/* {name} (inlined) */\n{body}\n</script>")
    for name, source in _CSS.items():
        tag = f'<link rel="stylesheet" href="{links.base_url}/{name}"/>'
        page = page.replace(tag, f"<style>/* {name} (inlined) */\n{_css_inlined(source)}\n</style>")
    return page
