/* The scenes' data layer (scenes.render.map.datalayer): one compact block of points made into Leaflet markers
   as they come into view, clustered per zoom in the browser. Served once as a file named by its content and kept
   by the browser, so a rerun sends only the data: `ScenesMap.dataLayer(d, {radius, single, size})`. */
(function () {
    "use strict";
    // A kind's marker, parsed once and cloned for each scene of that kind (Leaflet's DivIcon parses its HTML
    // again for every marker: a municipality's thousand scenes were a thousand parses on every filter change).
    var CloneIcon = L.DivIcon.extend({
        createIcon: function (old) {
            var div = (old && old.tagName === "DIV") ? old : document.createElement("div");
            if (!this._template) {
                this._template = document.createElement("div");
                this._template.innerHTML = this.options.html;
            }
            div.textContent = "";
            for (var c = this._template.firstChild; c; c = c.nextSibling) { div.appendChild(c.cloneNode(true)); }
            this._setIconStyles(div, "icon");
            return div;
        }
    });
    // A marker placed with a 2D translate. Leaflet places each marker with translate3d, which makes every marker a
    // compositing layer of its own: in a traced filter change, sorting those layers out ("Layerize") took 41 ms
    // against 11 ms for the page without a map, and 22 ms with 2D translates. Zooming still animates the markers
    // (the transition is on `transform` either way).
    var FlatMarker = L.Marker.extend({
        _setPos: function (pos) {
            if (this._icon) {
                this._icon._leaflet_pos = pos;
                this._icon.style.transform = "translate(" + pos.x + "px," + pos.y + "px)";
            }
            this._zIndex = pos.y + this.options.zIndexOffset;
            this._resetZIndex();
        }
    });
    function marker(at, options) { return new FlatMarker(at, options); }
    function dataLayer(d, o) {
        var R = o.radius, SINGLE = o.single, n = d.n.length;
        var half = Math.floor(o.size / 2), icons = d.kinds.map(function (k) {
            return new CloneIcon({html: k.html, className: k.cls, iconSize: [o.size, o.size],
                                  iconAnchor: [half, half]});
        });
        var ll = new Array(n);  // d.p: [lat0, lon0, lat1, lon1, ...] in hundred-thousandths of a degree
        for (var j = 0; j < n; j++) { ll[j] = L.latLng(d.p[2 * j] / 1e5, d.p[2 * j + 1] / 1e5); }
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
                // The markers are made once the code that added this layer has run to its end: streamlit-folium binds
                // its click handler to every layer of the map right after the frame's script, and a cluster made
                // before that would report a click as a scene. A microtask, not a timer: it still runs before the
                // browser draws, so the map is drawn once with its scenes, not once without and again a task later.
                var self = this;
                Promise.resolve().then(function () { if (self._map) { self._update(); } });
            },
            onRemove: function (map) {
                map.off("moveend zoomend resize viewreset", this._update, this);
                this._clusters.clearLayers(); map.removeLayer(this._clusters);
                this._shown = {};
                L.FeatureGroup.prototype.onRemove.call(this, map);
                this.clearLayers();
            },
            _single: function (i) {
                return this._singles[i] || (this._singles[i] = marker(ll[i], {icon: icons[d.k[i]], i: i})
                    .bindTooltip(tip, {sticky: true}));
            },
            _cluster: function (g) {
                var size = g.m.length < 10 ? 30 : g.m.length < 100 ? 36 : 44, map = this._map;
                var m = marker(g.at, {icon: L.divIcon({html: "<div>" + g.m.length + "</div>",
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
        return new Layer();
    }
    // What earlier reruns leave in a map frame under streamlit-folium (called first among a rerun's layers, by
    // scenes.render.map.leaflet.ReleaseEarlierLayers: after streamlit-folium removed the earlier layers and layer
    // control from the map, before it adds and lists the new ones). Each kept every earlier rerun's scenes in the
    // page: about 1.7 MB a filter change, never collected.
    // - streamlit-folium keeps every layer group it ever added in `window.feature_group`;
    // - Leaflet 1.9's layer control, removed, leaves its click listener on the map (and through it the control and
    //   every layer it listed);
    // - streamlit-component-lib adds a <style> with the theme's colours on every render message and removes none:
    //   only the newest is kept (each one more made every style lookup in the frame longer).
    function themeStyles() {
        return [].filter.call(document.head.querySelectorAll("style"), function (s) {
            return s.textContent.indexOf("--primary-color") >= 0;
        });
    }
    function keepNewestTheme() {
        var all = themeStyles();
        for (var i = 0; i < all.length - 1; i++) { all[i].remove(); }
    }
    function releaseEarlier(map) {
        var old = window.layer_control;
        if (map && old && old.collapse) { map.off("click", old.collapse, old); }
        window.feature_group = [];
        if (!window.__scenesThemeWatch && window.MutationObserver && document.head) {
            window.__scenesThemeWatch = new MutationObserver(keepNewestTheme);
            window.__scenesThemeWatch.observe(document.head, {childList: true});
            keepNewestTheme();
        }
    }
    // Fit `group`'s map to `bounds` (scenes.render.map.leaflet._FitScenes): once per box, pad and nonce; until the
    // reader moves the map, a resize fits it again. Written here, not in the rerun's own script: a listener made by
    // a rerun's script holds on to everything that script declared (its layer control, and through it every layer
    // of that rerun) for as long as the map lives.
    function onResize() { if (this._scenesFit) { this._scenesFit.fit(); } }
    function onReaderMove() { if (this._scenesFit) { this._scenesFit.auto = false; } }
    function fit(group, bounds, pad, nonce, maxZoom) {
        var key = JSON.stringify([bounds, pad, nonce]);
        function go() {
            var map = group._map;
            if (!map || (map._scenesFit && map._scenesFit.key === key)) { return; }
            var state = map._scenesFit = {key: key, auto: true};
            state.fit = function () {
                if (map._scenesFit !== state || !state.auto) { return; }
                map.fitBounds(bounds, {paddingTopLeft: [pad[0], pad[1]], paddingBottomRight: [pad[2], pad[3]],
                                       maxZoom: maxZoom, animate: false});
            };
            if (!map._scenesFitHooked) {
                map._scenesFitHooked = true;
                map.on("resize", onResize, map);
                L.DomEvent.on(map.getContainer(), "mousedown wheel touchstart keydown", onReaderMove, map);
            }
            state.fit();
        }
        if (group._map) { go(); } else { group.once("add", go); }
    }
    // The rerun's layers, delivered through the page (ui.frame_layers): the page writes them, as base64 text, into a
    // hidden element, and this frame (same origin) watches the page for it. A MutationObserver's callback
    // runs in the task that changed the page, before the browser paints: the layers are drawn with the page's
    // first paint, where streamlit-folium's own hand-over (a message posted after that paint) drew them a paint
    // later, behind the rest of the page's rendering.
    function decode(text) {
        var bin = atob(text), bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
        return new TextDecoder().decode(bytes);
    }
    function pageLayer(map, group) {
        map.addLayer(group);
        (window.__scenesLayers = window.__scenesLayers || []).push(group);
    }
    function pageControl(map, control) { window.__scenesControl = control; }
    function follow(map, key) {
        var host = null;
        try { host = window.frameElement; } catch (e) { host = null; }
        if (!host) { return; }
        // the page may write the element anywhere (early in its rerun: ui.map.prepare); one per map key
        var scope = host.ownerDocument.body, last = null;
        var selector = '.scenes-layers[data-map="' + CSS.escape(key) + '"]';
        function apply() {
            var el = scope.querySelector(selector), code = el && el.getAttribute("data-layers");
            if (!code || code === last) { return; }
            last = code;
            (window.__scenesLayers || []).forEach(function (g) { map.removeLayer(g); });
            window.__scenesLayers = [];
            var old = window.__scenesControl;
            if (old) { map.removeControl(old); if (old.collapse) { map.off("click", old.collapse, old); } }
            window.__scenesControl = null;
            try {
                // in a function of its own: what the script declares is let go of with its layers (declared
                // globally, a layer group that the next rerun's script has no counterpart for stayed for good)
                new Function(decode(code))();
            } catch (e) {
                last = null;  // tried again with the next change of the page; the frame itself carries on
                if (window.console) { console.error(e); }
            }
            if (window.initComponent) { window.initComponent(map, false); }  // streamlit-folium's click reports
        }
        var watch = new MutationObserver(apply);
        watch.observe(scope, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-layers"]});
        // The page outlives this frame (the map page left, Två kartor switched, a new base map): an observer of the
        // page left connected kept the whole frame, its map and layers, alive for as long as the page.
        window.addEventListener("pagehide", function () { watch.disconnect(); });
        apply();
    }
    window.ScenesMap = {dataLayer: dataLayer, marker: marker, releaseEarlier: releaseEarlier, fit: fit,
                        follow: follow, pageLayer: pageLayer, pageControl: pageControl};
})();
