"""What a page's maps hand to their frames, read from a Streamlit AppTest run: the base map goes to streamlit-folium
(its component's arguments), each rerun's layers through the page (`ui.frame_layers`: a hidden element per map)."""

from __future__ import annotations

import base64
import html
import re
from typing import Any

_LAYERS = re.compile(r'<div class="scenes-layers" hidden data-map="([^"]*)" data-layers="([A-Za-z0-9+/=]*)">')


def _walk(node: object) -> Any:
    yield node
    children = getattr(node, "children", None)
    for child in (children.values() if isinstance(children, dict) else children or []):
        yield from _walk(child)


def layers_by_map(at: object) -> dict[str, str]:
    """Each map's layers script (decoded), by the map's key, as the page wrote them in this run."""
    found: dict[str, str] = {}
    for node in _walk(at._tree):  # type: ignore[attr-defined]
        body = getattr(getattr(node, "proto", None), "body", None)
        if isinstance(body, str) and 'class="scenes-layers"' in body:
            matched = _LAYERS.findall(body)
            assert matched, f"a layers element this reader does not understand: {body[:200]}"  # never read as none
            for key, data in matched:
                found[html.unescape(key)] = base64.b64decode(data).decode("utf-8")
    return found


def layers_script(at: object, key: str | None = None) -> str:
    """The layers script of the map `key` (or of the page's only map)."""
    found = layers_by_map(at)
    if key is None:
        assert len(found) == 1, sorted(found)
        return next(iter(found.values()))
    return found[key]
