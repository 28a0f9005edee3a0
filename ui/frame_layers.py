"""A map's layers handed to its frame through the page, not through streamlit-folium.

streamlit-folium gives its frame a rerun's layers in a message that Streamlit posts from a React effect, after the
page's first paint of the rerun; the frame then draws them in a task of its own, and the browser paints them only
after the page's further rendering (traced: a paint later, 35-60 ms after the page's own elements). Here the layers'
script goes into a hidden element of the page (`st.html`, which Streamlit writes while it renders the rerun's
elements), which the map's frame (same origin) watches (`maps.FollowPageLayers`, `ScenesMap.follow`): a
`MutationObserver`'s callback runs in the task that changed the page, so the scenes are drawn in it and painted
with the page. The map page writes the element as early as it can, right after the filter widgets the layers
depend on and before the count line and the map (`ui.map.prepare`): the browser renders a rerun's elements in
batches as they arrive, and an element sent last came in a later batch.

The script is streamlit-folium's own for the same layers and layer control (`generate_leaflet_string`, after it
named the base map's elements as its base map script will), and hands each group and the control to `ScenesMap`,
which removes the previous rerun's. It runs in a function of its own, so nothing it declares outlives its layers.
It travels base64-encoded in a data attribute: Streamlit's HTML sanitiser drops attribute values that look like
markup (`-->`, `</style`), and base64 never does; nothing in the page runs it. The frame reads only the element of
its own map (`key`); the base map itself still goes through streamlit-folium, whose script does not change from
rerun to rerun (no remount), and clicks still come back through it (its click handler is bound to the new layers).
"""

from __future__ import annotations

import base64
import html
from textwrap import dedent

import folium
import streamlit as st
from branca.element import Figure, MacroElement
from streamlit_folium import generate_leaflet_string, get_full_id

#: the hidden element's block takes no room in the page (its element container is not displayed)
_HIDE = "<style>.stElementContainer:has(> .stHtml > .scenes-layers) {display: none}</style>"


def layers_script(base: folium.Map, layers: list[folium.FeatureGroup], control: folium.LayerControl) -> str:
    """The script that adds `layers` and `control` to the frame's map (`map_div`), as streamlit-folium writes it
    (the control lists the base map's overlays and these layers), each handed to `ScenesMap`, which removes the
    previous rerun's. `base` is left as it was, its page parts included: the layers are its children only while
    their script is written, so the base map's own script and header, sent later, are those of every rerun."""
    # streamlit-folium names the base map's elements as it writes the base map's script (in place: `map_div`,
    # `feature_group_div_4`, ...); the control refers to the base map's overlays, so name them so first (the same
    # names again when the base map is drawn)
    generate_leaflet_string(base)
    root: Figure = base.get_root()  # type: ignore[assignment]  # a map's root is its Figure
    kept = [(part, part._children.copy()) for part in (root.header, root.html, root.script)]
    added: list[str] = []

    def script(element: MacroElement, name: str) -> str:
        element._id = name
        element.add_to(base)
        added.append(element.get_name())
        element.render()  # type: ignore[no-untyped-call]  # branca is untyped
        return dedent(generate_leaflet_string(element, base_id=name).replace(get_full_id(base), "map_div"))

    try:
        parts = [script(group, f"feature_group_{idx}")
                 + f"\nScenesMap.pageLayer(map_div, feature_group_feature_group_{idx});\n"
                 for idx, group in enumerate(layers)]
        parts.append(script(control, "layer_control")
                     + "\nScenesMap.pageControl(map_div, layer_control_layer_control);\n")
        return "".join(parts)
    finally:
        for name in added:
            base._children.pop(name, None)
        for part, children in kept:
            part._children = children


def hand_over(key: str, script: str) -> None:
    """Write `script` into the page for the map `key` (hidden; watched by that map's frame)."""
    encoded = base64.b64encode(script.encode("utf-8")).decode("ascii")
    st.html(_HIDE)
    st.html(f'<div class="scenes-layers" hidden data-map="{html.escape(key)}" data-layers="{encoded}"></div>')
