"""The Leaflet extensions: each a small script added to the map (`MacroElement`), and the helpers that
assemble a folium map (stable element ids, the assets)."""

from __future__ import annotations

from collections.abc import Iterator

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from scenes.render.assets import AssetLinks
from scenes.render.map.options import Bounds


def _stabilise_ids(root: Element, prefix: str) -> None:
    """Replace folium's random element ids by a counter, so the same map gives the same JavaScript.

    Ids stay lowercase letters and digits only: streamlit-folium renames variables with the pattern
    `_[a-z0-9]+`, and an underscore inside an id would break that renaming.
    """

    def walk(el: Element) -> Iterator[Element]:
        yield el
        for child in list(el._children.values()):
            yield from walk(child)

    for i, el in enumerate(walk(root)):
        el._id = f"{prefix}{i}"


class _FocusWithoutScroll(MacroElement):
    """Leaflet focuses the map on mousedown; inside an iframe that scrolls the *page* to bring the map into
    view, so the marker moves away under the pointer and the click is lost. Focus with preventScroll instead
    (keyboard panning stays available)."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "FocusWithoutScroll"

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            if (!map.keyboard) { return; }
            map.keyboard.disable();
            L.Map.Keyboard.prototype._onMouseDown = function () {
                if (this._focused) { return; }
                this._map._container.focus({preventScroll: true});
            };
            map.keyboard.enable();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


class ReleaseEarlierLayers(MacroElement):
    """In a map drawn by streamlit-folium: let go of what earlier reruns left in the map's frame
    (`ScenesMap.releaseEarlier` in scenes-map.js): streamlit-folium's list of every layer group it ever added,
    the click listener each removed layer control leaves on the map (Leaflet 1.9), and the theme stylesheet
    streamlit-component-lib adds on every render. Between them they kept every earlier rerun's scenes in the page:
    a map left on a projector all day grew by about 1.7 MB a filter change, and its garbage collections with it.
    Added to the first of a rerun's layers, it runs after the earlier layers and control were removed from the map
    (by streamlit-folium, or by `ScenesMap.follow` for layers handed over through the page: `ui.frame_layers`),
    and before the rerun's own are added and listed."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "ReleaseEarlierLayers"

    _template = Template("""
        {% macro script(this, kwargs) %}
        ScenesMap.releaseEarlier(window.map);
        {% endmacro %}
    """)


class FollowPageLayers(MacroElement):
    """In a map drawn by streamlit-folium: take each rerun's layers from the page instead of from streamlit-folium
    (`ScenesMap.follow` in scenes-map.js; the page's side is `ui.frame_layers`). `key` names the map's hidden
    element in the page. Part of the base map, whose script does not change between reruns."""

    def __init__(self, key: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "FollowPageLayers"
        self._id = "follow0"  # the base map's script stays the same from rerun to rerun (no remount)
        self.key = key

    _template = Template("""
        {% macro script(this, kwargs) %}
        ScenesMap.follow({{ this._parent.get_name() }}, {{ this.key|tojson }});
        {% endmacro %}
    """)


class _ZoomClass(MacroElement):
    """Keeps a class `lz-<zoom>` on the map container, so CSS shows only the names that fit at that zoom; and
    tells Leaflet when its container changes size."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "ZoomClass"

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var box = map.getContainer();
            function mark() {
                box.className = box.className.replace(/\\blz-\\d+\\b/g, "").trim()
                    + " lz-" + Math.floor(map.getZoom());  // names placed for zoom z also fit above it
            }
            map.on("zoomend", mark);
            mark();
            // The frame is sized after the map is made (and again in presentation mode): without this, Leaflet
            // keeps the first size and clips the shapes it draws to it.
            if (window.ResizeObserver) {
                new ResizeObserver(function () { map.invalidateSize({pan: false}); }).observe(box);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


class _Labels(MacroElement):
    """Text labels as one element: each [html, lat, lon, width, height, anchor x, anchor y, classes, tooltip]
    becomes a keyboard-less marker, interactive only when it has a tooltip, in `pane` if given (one folium.Marker
    per label would be three elements to render per label on every rerun). The html and tooltip are escaped by
    the caller; the data travels as JSON (`tojson` escapes <, >, & and quotes)."""

    def __init__(self, labels: list[list[object]], pane: str | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "Labels"
        self.labels, self.pane = labels, pane

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            {{ this.labels|tojson }}.forEach(function (n) {
                var m = ScenesMap.marker([n[1], n[2]], {interactive: !!n[8], keyboard: false,
                    {% if this.pane %}pane: {{ this.pane|tojson }},{% endif %}
                    icon: L.divIcon({html: n[0], iconSize: [n[3], n[4]], iconAnchor: [n[5], n[6]], className: n[7]})
                });
                if (n[8]) { m.bindTooltip(n[8]); }
                m.addTo(group);
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _root(m: folium.Map) -> Figure:
    root = m.get_root()
    assert isinstance(root, Figure)  # noqa: S101 - a folium.Map always sits in a Figure
    return root


def _apply_assets(m: folium.Map, assets: AssetLinks) -> None:
    """Leaflet's stylesheet from `assets`, and no script yet: the map's one script comes with its geography
    (`scenes.render.map.geography`), never folium's CDN links."""
    m.default_js = []
    m.default_css = assets.css()



class _TimeControl(MacroElement):
    """In an exported map: previous/next buttons that show one survey's layers at a time."""

    def __init__(self, groups: list[str], titles: list[str], start: int, labels: tuple[str, str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "TimeControl"
        self.groups, self.titles, self.start, self.labels = groups, titles, start, labels

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var groups = [{% for g in this.groups %}{{ g }}{{ "," if not loop.last }}{% endfor %}];
            var titles = {{ this.titles | tojson }};
            var at = {{ this.start }};
            var box = L.DomUtil.create("div", "time-control leaflet-bar");
            box.style.cssText = "background:#fff;padding:6px 8px;font:15px/1.4 sans-serif;display:flex;gap:8px;"
                + "align-items:center";
            var prev = L.DomUtil.create("button", "", box), title = L.DomUtil.create("strong", "", box),
                next = L.DomUtil.create("button", "", box);
            prev.textContent = "\u25c0"; next.textContent = "\u25b6";
            prev.title = {{ this.labels[0] | tojson }}; next.title = {{ this.labels[1] | tojson }};
            prev.setAttribute("aria-label", prev.title); next.setAttribute("aria-label", next.title);
            title.setAttribute("aria-live", "polite");
            function show(i) {
                at = Math.max(0, Math.min(groups.length - 1, i));
                groups.forEach(function (g, j) { if (j === at) { map.addLayer(g); } else { map.removeLayer(g); } });
                title.textContent = titles[at];
                prev.disabled = at === 0; next.disabled = at === groups.length - 1;
            }
            L.DomEvent.on(prev, "click", function (e) { L.DomEvent.stop(e); show(at - 1); });
            L.DomEvent.on(next, "click", function (e) { L.DomEvent.stop(e); show(at + 1); });
            L.DomEvent.disableClickPropagation(box);
            var Ctl = L.Control.extend({onAdd: function () { return box; }});
            new Ctl({position: "topright"}).addTo(map);
            show(at);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)



class _FitScenes(MacroElement):
    """Fits the map to `bounds` in the browser, at the map's real size, once per box (and `nonce`): a new selection
    of scenes is framed, while stepping through time or a rerun with the same box keeps the reader's view. Until the
    reader pans or zooms, a resize of the map (presentation mode sizes it to the window) fits it again. The only
    thing that moves the view: the server never sends streamlit-folium a centre or zoom, whose `setView` was a
    second, animated move (and a second redraw of every shape and cluster) before this fit on every filter change.
    It fits as soon as it is added, so given before the other layers (`fit_layer` first in the page's list) the
    shapes are drawn and the scenes clustered once, at the view fitted (their own first drawing waits until
    the frame's script has run).
    `padding` is [left, top, right, bottom] pixels kept free (a legend's corner). The work is `ScenesMap.fit` in the
    frame's script: a listener made by a rerun's own script kept that rerun's layers alive for as long as the map."""

    def __init__(self, bounds: Bounds, padding: tuple[int, int, int, int], max_zoom: float, nonce: int = 0) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "FitScenes"
        self.bounds, self.padding, self.max_zoom = [list(bounds[0]), list(bounds[1])], list(padding), max_zoom
        self.nonce = nonce

    _template = Template("""
        {% macro script(this, kwargs) %}
        ScenesMap.fit({{ this._parent.get_name() }}, {{ this.bounds|tojson }}, {{ this.padding|tojson }},
                      {{ this.nonce|int }}, {{ this.max_zoom|tojson }});
        {% endmacro %}
    """)
