"""The map, drawn with folium and Leaflet, split by concept (`scenes.render.maps` is the public face):

- `style`: colours, the escaping of user text (`safe`), the map's CSS;
- `options`: what to draw (`MapOptions`) and the values passed between the parts (`LegendItem`, `TimeStep`, `Bounds`);
- `leaflet`: the Leaflet extensions, each one a small script (`MacroElement`): focus, zoom classes, labels, the
  scenes' data layer, the time control, the fitted view;
- `geography`: the fixed shapes as one script the browser fetches once (`geo-<digest>.js`), and the layers
  drawn from it (outlines, the municipality shading);
- `base`: the filter-independent base map (water, surroundings, outlines, municipality names);
- `statistic`: the value per municipality, its classes and the generalised count labels;
- `layers`: the filter-dependent layers (shading, scenes, ceased scenes, the selected scene);
- `legend`: the legend entries and their HTML;
- `viewport`: the box a map is fitted to and the fit in the browser;
- `export`: the whole map with its legend, and the standalone HTML page;
- `markup`: markup written into the page as it is (`Text`), and branca's macro rendering made single-pass, so no
  name is ever read as a Jinja template (installed here, before any map is built).
"""

from scenes.render.map.markup import install as _install_single_pass

_install_single_pass()
