"""The follow-up page's map: the draft's scenes around the one being drawn, the drawing tools (Leaflet-Geoman, served
with the app: `scenes.render.assets.drawing_assets`) on the shape being drawn, and where a drawn shape was refused.

streamlit-folium sends back what is drawn when the map fires Leaflet.draw's events (`draw:created`, `draw:edited`,
`draw:deleted`) and reads every shape from `window.drawnItems`; Geoman fires its own (`pm:create`, `pm:edit`,
`pm:cut`, `pm:remove`), so the tools below pass each on as the event streamlit-folium listens to. The shape being
drawn is part of the map itself (a new scene, mode or version is a new map, drawn afresh); the other scenes and the
refused shapes are layers added beside it, so showing a refusal never wipes what the analyst has drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import folium
from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry.base import BaseGeometry

from scenes.i18n import t
from scenes.model import Lang
from scenes.reference import Reference
from scenes.render.assets import DrawingAssets
from scenes.render.map.base import base_map
from scenes.render.map.geography import GeoLayer, geography
from scenes.render.map.leaflet import _stabilise_ids
from scenes.render.map.options import MapOptions
from scenes.render.map.style import safe

__all__ = ["DRAW_MODES", "PROBLEM_COLOUR", "VISIT_COLOURS", "DrawMode", "draft_layer", "drawing_map", "problem_layer"]

DrawMode = Literal["reshape", "new", "split"]
DRAW_MODES: tuple[DrawMode, ...] = ("reshape", "new", "split")

#: a draft scene's visit -> its colour on the follow-up map (Okabe–Ito: told apart with colour blindness; the legend
#: and each tooltip say the visit in words, so colour is never the only carrier)
VISIT_COLOURS = {"unvisited": "#6b6b6b", "active": "#0072B2", "changed": "#E69F00", "new": "#CC79A7"}
EDIT_COLOUR = "#000000"
LAND = "#f4f1ea"
PROBLEM_COLOUR = "#D55E00"

#: the tools each mode offers (Geoman's control options): reshaping moves vertices or the whole shape, or draws an
#: area in place of a point; a new scene is a point or an area; a split is cut by a drawn area, or drawn as parts
_COMMON = {"position": "topleft", "drawCircle": False, "drawCircleMarker": False, "drawPolyline": False,
           "drawText": False, "rotateMode": False}
_TOOLS: dict[DrawMode, dict[str, bool]] = {
    "reshape": {"drawMarker": True, "drawPolygon": True, "drawRectangle": True, "editMode": True, "dragMode": True,
                "cutPolygon": False, "removalMode": True},
    "new": {"drawMarker": True, "drawPolygon": True, "drawRectangle": True, "editMode": True, "dragMode": True,
            "cutPolygon": False, "removalMode": True},
    "split": {"drawMarker": False, "drawPolygon": True, "drawRectangle": True, "editMode": True, "dragMode": False,
              "cutPolygon": True, "removalMode": True},
}


class _DrawingTools(MacroElement):
    """The shape being drawn as Geoman's editable layer (`window.drawnItems`, read by streamlit-folium), the mode's
    tools in the interface language, and Geoman's events passed on as Leaflet.draw's."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    (function (map) {
      var drawn = L.featureGroup().addTo(map);
      window.drawnItems = drawn;
      var shape = {{ this.edit|tojson }};
      var style = {color: "{{ this.colour }}", weight: 3, dashArray: "6 4", fillOpacity: 0.15};
      if (shape) {
        L.geoJSON(shape, {pmIgnore: false, style: function () { return style; },
                          pointToLayer: function (f, at) { return L.marker(at, {pmIgnore: false}); }})
          .eachLayer(function (layer) { drawn.addLayer(layer); });
      }
      if (!map.pm) { return; }
      map.pm.setLang({{ this.lang|tojson }});
      map.pm.setGlobalOptions({layerGroup: drawn, pathOptions: style, snappable: true});
      map.pm.addControls({{ this.tools|tojson }});
      function told(layer) { map.fire("draw:edited", {layer: layer}); }
      function watch(layer) { layer.on("pm:edit pm:dragend", function () { told(layer); }); }
      drawn.eachLayer(watch);
      map.on("pm:create", function (e) { watch(e.layer); map.fire("draw:created", {layer: e.layer,
                                                                                    layerType: e.shape}); });
      map.on("pm:cut", function (e) {
        drawn.removeLayer(e.originalLayer); drawn.addLayer(e.layer); watch(e.layer); told(e.layer); });
      map.on("pm:remove", function (e) { map.fire("draw:deleted", {layer: e.layer}); });
    })({{ this._parent.get_name() }});
    {% endmacro %}
    """)

    def __init__(self, edit: Mapping[str, object] | None, tools: Mapping[str, object], lang: Lang) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca is untyped
        self._name = "DrawingTools"
        self.edit, self.tools, self.lang, self.colour = edit, dict(tools), lang, EDIT_COLOUR


def drawing_map(ref: Reference, options: MapOptions, assets: DrawingAssets | None,
                shape: BaseGeometry | None, mode: DrawMode) -> folium.Map:
    """The base map with `shape` (the scene being redrawn or split; None: a new scene) drawn editable, and the
    mode's tools (none when `assets` is None: the shape is then only shown)."""
    m = base_map(ref, options)
    if assets is not None:
        m.options["pmIgnore"] = False  # (with Geoman's opt-in, the map itself opts in to have the tools)
        m.default_js = [*m.default_js, (assets.script_name, options.assets.url(assets.script_name))]
        m.default_css = [*m.default_css, (assets.css_name, options.assets.url(assets.css_name))]
    # the county's land (the main map shades it by the statistic; here it is plain land, under everything drawn)
    GeoLayer(geography(ref), "municipalities", {"interactive": False, "style": {
        "fillColor": LAND, "fillOpacity": 1, "color": "#9a9a9a", "weight": 0.8}}).add_to(m)
    edit = None if shape is None or shape.is_empty else {
        "type": "Feature", "properties": {}, "geometry": shape.__geo_interface__}
    _DrawingTools(edit, {**_COMMON, **_TOOLS[mode]}, options.lang).add_to(m)
    _stabilise_ids(m, "draw")
    return m


def draft_layer(scenes: Sequence[tuple[str, str, str, BaseGeometry]], lang: Lang) -> folium.FeatureGroup:
    """The draft's other scenes (id, name, visit, geometry), each in its visit's colour with its name and visit in
    the tooltip (escaped: names are typed by people); not editable and not part of what is drawn."""
    group = folium.FeatureGroup(name=t("followup.map.layer", lang), show=True, control=False)
    for scene_id, name, visit, geom in scenes:
        colour = VISIT_COLOURS.get(visit, VISIT_COLOURS["unvisited"])
        tip = f"{safe(name)} ({safe(scene_id)}) – {safe(t(f'followup.visit.{visit}', lang))}"
        if geom.geom_type == "Point":
            folium.CircleMarker([round(geom.y, 6), round(geom.x, 6)], radius=7, color="#ffffff", weight=2,
                                fill=True, fill_color=colour, fill_opacity=0.95, tooltip=tip).add_to(group)
        else:
            folium.GeoJson(geom.__geo_interface__, tooltip=tip,
                           style_function=lambda _f, c=colour: {"color": c, "weight": 2, "fillColor": c,
                                                                "fillOpacity": 0.25}).add_to(group)
    _stabilise_ids(group, "ctx")
    return group


def problem_layer(spots: Sequence[tuple[BaseGeometry, str]], lang: Lang) -> folium.FeatureGroup:
    """Where a drawn shape was refused: the part at fault (the part outside the county, a crossing of the boundary,
    the whole shape) outlined in a colour of its own and hatched by a dash, with the problem in its tooltip."""
    group = folium.FeatureGroup(name=t("followup.map.problems", lang), show=True, control=False)
    for geom, text in spots:
        tip = safe(text)
        if geom.geom_type in ("Point", "MultiPoint"):
            for point in getattr(geom, "geoms", [geom]):
                folium.CircleMarker([round(point.y, 6), round(point.x, 6)], radius=12, color=PROBLEM_COLOUR,
                                    weight=4, fill=False, tooltip=tip, class_name="drawing-problem").add_to(group)
        else:
            folium.GeoJson(geom.__geo_interface__, tooltip=tip,
                           style_function=lambda _f: {"color": PROBLEM_COLOUR, "weight": 4, "dashArray": "2 6",
                                                      "fillColor": PROBLEM_COLOUR, "fillOpacity": 0.35,
                                                      "className": "drawing-problem"}).add_to(group)
    _stabilise_ids(group, "bad")
    return group
