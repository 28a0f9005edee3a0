"""Map assets (Leaflet) from its PyPI package, served locally or inlined: never a CDN.

The app copies the files into Streamlit's static folder (served at `/app/static/`); an exported map carries
them inline (scripts, styles, and Leaflet's images as data URIs) so it opens offline.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

__all__ = ["AssetLinks", "inline_assets", "install_static"]

LEAFLET_DIR = Path(xleaflet.BASE_DIR)

#: served name -> source files, joined in this order. (Leaflet alone since the scenes' data layer clusters them
#: itself: Leaflet.markercluster, 34 KB, and its two stylesheets were parsed and fetched before every first map.)
_JS = {"leaflet.js": (LEAFLET_DIR / "leaflet.js",)}
_CSS = {"leaflet.css": LEAFLET_DIR / "leaflet.css"}
VENDOR = "vendor"


@dataclass(frozen=True)
class AssetLinks:
    """Where the browser finds the assets: a URL prefix (Streamlit static serving by default)."""

    base_url: str = "/app/static/" + VENDOR

    def js(self) -> list[tuple[str, str]]:
        return [(name, f"{self.base_url}/{name}") for name in _JS]

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
        dest, data = target / name, content()
        if not dest.exists() or dest.read_bytes() != data:
            tmp = dest.with_name(dest.name + ".part")
            tmp.write_bytes(data)
            tmp.replace(dest)
    return target


def _data_uri(path: Path) -> str:
    mime = {"png": "image/png", "svg": "image/svg+xml"}.get(path.suffix.lstrip("."), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _css_inlined(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"url\((images/[^)]+)\)",
                  lambda m: f"url({_data_uri(LEAFLET_DIR / m.group(1))})", text)


def inline_assets(page: str, links: AssetLinks) -> str:
    """Replace each asset `<script src>`/`<link>` in a rendered page by the file's content."""
    for name in _JS:
        tag = f'<script src="{links.base_url}/{name}"></script>'
        body = _script(name).decode("utf-8").replace("</script", "<\\/script")
        page = page.replace(tag, f"<script>/* {name} (inlined) */\n{body}\n</script>")
    for name, source in _CSS.items():
        tag = f'<link rel="stylesheet" href="{links.base_url}/{name}"/>'
        page = page.replace(tag, f"<style>/* {name} (inlined) */\n{_css_inlined(source)}\n</style>")
    return page
