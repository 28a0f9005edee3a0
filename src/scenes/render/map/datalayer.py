"""The scenes as one compact data layer, styled, clustered and culled in the browser.

Python sends one JSON block per layer: each point's position ([lat, lon], five decimals: about a metre), its
escaped name, the index of its place line in a table of escaped lines, and the index of its *kind*; a kind holds
the marker's HTML and class and the tooltip text before and after the place line (all escaped here, with `safe`,
and the block travels through `tojson`, which escapes <, >, & and quotes: no user text is ever live markup). About
35 bytes a scene, where one GeoJSON feature with its own tooltip was 290.

In the browser (`_DataLayer`) no marker exists until it is on screen. At each view the points are clustered for
the zoom (a greedy pass over a pixel grid, `radius` px, cached per zoom; from `single_from_zoom` on every scene
is its own marker) and only the clusters and single scenes within the view (padded) become Leaflet markers:
a cluster is a neutral grey disc with its count that zooms in on its scenes (click, or Enter: it is a keyboard
marker), a single scene is the kind's disc with its category letters and a tooltip put together on hover or
focus. Single scenes sit in the layer (a FeatureGroup), so their clicks reach streamlit-folium as before; clusters
sit in a plain group of their own, made after the frame's script has run, so a click on one is never taken for a
scene. Before this, 5,000 `L.marker`s were built up front and handed to Leaflet.markercluster, which built its
cluster tree for every zoom: most of the browser's time for a first map.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from scenes.reference import Reference
from scenes.render.map.style import safe

#: clusters: points closer than this (px) at the map's zoom share a disc
CLUSTER_RADIUS_PX = 35
#: from this zoom on every scene is its own marker (the closest fitted views are 12 and 13)
SINGLE_FROM_ZOOM = 11


class _DataLayer(MacroElement):
    """One compact block of points, made into markers in the browser as they come into view (module doc)."""

    def __init__(self, data: dict[str, object], size: int, radius: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "DataLayer"
        self.data, self.size, self.radius, self.single_from = data, size, radius, SINGLE_FROM_ZOOM

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (parent) {
            var d = {{ this.data|tojson }};
            var R = {{ this.radius }}, SINGLE = {{ this.single_from }}, n = d.n.length;
            var half = {{ this.size // 2 }}, icons = d.kinds.map(function (k) {
                return L.divIcon({html: k.html, className: k.cls, iconSize: [{{ this.size }}, {{ this.size }}],
                                  iconAnchor: [half, half]});
            });
            var ll = d.p.map(function (q) { return L.latLng(q[0], q[1]); });
            function tip(layer) {
                var i = layer.options.i, k = d.kinds[d.k[i]];
                return k.pre + "<b>" + d.n[i] + "</b><br>" + d.wn[d.w[i]] + k.post;
            }
            function groups(map, z) {  // greedy: each point joins the first disc within R px, else starts one
                var cells = {}, out = [], r2 = R * R;
                for (var i = 0; i < n; i++) {
                    var q = map.project(ll[i], z), cx = Math.floor(q.x / R), cy = Math.floor(q.y / R), hit = null;
                    for (var dx = -1; dx <= 1 && !hit; dx++) {
                        for (var dy = -1; dy <= 1 && !hit; dy++) {
                            var c = cells[(cx + dx) + ":" + (cy + dy)] || [];
                            for (var j = 0; j < c.length; j++) {
                                var ex = c[j].x - q.x, ey = c[j].y - q.y;
                                if (ex * ex + ey * ey <= r2) { hit = c[j]; break; }
                            }
                        }
                    }
                    if (hit) { hit.m.push(i); continue; }
                    var g = {x: q.x, y: q.y, m: [i]};
                    (cells[cx + ":" + cy] = cells[cx + ":" + cy] || []).push(g);
                    out.push(g);
                }
                out.forEach(function (g) {
                    if (g.m.length < 2) { return; }
                    var lat = 0, lng = 0;
                    g.m.forEach(function (i) { lat += ll[i].lat; lng += ll[i].lng; });
                    g.at = L.latLng(lat / g.m.length, lng / g.m.length);
                    g.key = "c" + z + ":" + g.m[0] + ":" + g.m.length;
                });
                return out;
            }
            var Layer = L.FeatureGroup.extend({
                initialize: function () {
                    L.FeatureGroup.prototype.initialize.call(this);
                    this._singles = {}; this._clusters = L.layerGroup(); this._shown = {}; this._byZoom = {};
                },
                scenePoints: function () { return ll.slice(); },
                onAdd: function (map) {
                    L.FeatureGroup.prototype.onAdd.call(this, map);
                    map.addLayer(this._clusters);
                    map.on("moveend zoomend resize viewreset", this._update, this);
                    var self = this;
                    setTimeout(function () { if (self._map) { self._update(); } }, 0);
                },
                onRemove: function (map) {
                    map.off("moveend zoomend resize viewreset", this._update, this);
                    this._clusters.clearLayers(); map.removeLayer(this._clusters);
                    this._shown = {};
                    L.FeatureGroup.prototype.onRemove.call(this, map);
                    this.clearLayers();
                },
                _single: function (i) {
                    return this._singles[i] || (this._singles[i] = L.marker(ll[i], {icon: icons[d.k[i]], i: i})
                        .bindTooltip(tip, {sticky: true}));
                },
                _cluster: function (g) {
                    var size = g.m.length < 10 ? 30 : g.m.length < 100 ? 36 : 44, map = this._map;
                    var m = L.marker(g.at, {icon: L.divIcon({html: "<div>" + g.m.length + "</div>",
                        className: "marker-cluster scene-cluster", iconSize: L.point(size, size)})});
                    m.on("click", function () {
                        var box = L.latLngBounds(g.m.map(function (i) { return ll[i]; }));
                        map.setView(box.getCenter(), Math.min(map.getBoundsZoom(box.pad(0.2)), SINGLE));
                    });
                    return m;
                },
                _update: function () {
                    var map = this._map;
                    if (!map) { return; }
                    var z = map.getZoom(), view = map.getBounds().pad(0.25), want = {}, i;
                    if (!R || z >= SINGLE) {
                        for (i = 0; i < n; i++) { if (view.contains(ll[i])) { want["s" + i] = i; } }
                    } else {
                        var gs = this._byZoom[z] || (this._byZoom[z] = groups(map, z));
                        gs.forEach(function (g) {
                            if (g.m.length < 2) { if (view.contains(ll[g.m[0]])) { want["s" + g.m[0]] = g.m[0]; } }
                            else if (view.contains(g.at)) { want[g.key] = g; }
                        });
                    }
                    for (var key in this._shown) {
                        if (!(key in want)) {
                            (key.charAt(0) === "s" ? this : this._clusters).removeLayer(this._shown[key]);
                            delete this._shown[key];
                        }
                    }
                    for (key in want) {
                        if (key in this._shown) { continue; }
                        var single = key.charAt(0) === "s";
                        this._shown[key] = single ? this._single(want[key]) : this._cluster(want[key]);
                        (single ? this : this._clusters).addLayer(this._shown[key]);
                    }
                }
            });
            parent.addLayer(new Layer());
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _place_lines(frame: gpd.GeoDataFrame, ref: Reference, districts: bool) -> dict[str, object]:
    """The tooltip's place line ("municipality · police area · district", escaped, parts that are empty left
    out) as an index into a table of the distinct lines: a scene carries one small number, and each distinct place
    is named and escaped once."""
    columns = [frame["kommun"], frame["lokalpolisomrade"]] + ([frame["stadsdel"]] if districts else [])
    namers: list[Callable[[object], str]] = [safe, lambda c: safe(ref.police_area_name(str(c))),
                                             lambda c: safe(ref.district_name(str(c)))]
    combined, parts = np.zeros(len(frame), dtype=np.int64), []
    for column in columns:  # each column's codes (-1: none), folded into one number per distinct place
        codes, uniques = pd.factorize(column)
        parts.append((codes, list(uniques)))
        combined = combined * (len(uniques) + 1) + (codes + 1)
    places, first = np.unique(combined, return_index=True)
    codes = np.searchsorted(places, combined).tolist()
    lines = []
    for row in first:
        names = (namer(uniques[col[row]]) if col[row] >= 0 and uniques[col[row]] else ""
                 for namer, (col, uniques) in zip(namers, parts, strict=False))
        lines.append(" · ".join(n for n in names if n))
    return {"w": codes, "wn": lines}


def data_layer(frame: gpd.GeoDataFrame, ref: Reference, kinds: list[dict[str, str]], kind: Sequence[int],
               *, districts: bool, size: int, cluster: bool) -> _DataLayer:
    """A `_DataLayer` of `frame`'s scenes at their representative points; `kind[i]` indexes `kinds`; `cluster`:
    near scenes share a grey disc with their count below `SINGLE_FROM_ZOOM`."""
    anchors = frame.geometry.representative_point()
    data: dict[str, object] = {
        "kinds": kinds, "k": [int(k) for k in kind], "n": [safe(n) for n in frame["name"]],
        "p": [[round(float(y), 5), round(float(x), 5)] for y, x in zip(anchors.y, anchors.x, strict=True)],
        **_place_lines(frame, ref, districts),
    }
    return _DataLayer(data, size, CLUSTER_RADIUS_PX if cluster else 0)
