"""A static map of one survey for print (the PDF report), drawn in-process: Altair `mark_geoshape` through
vl-convert, no browser, no tiles, no network.

The map shades each municipality by its number of scenes, with the same honest classes as the app's map
(`scenes.domain.classes`), on water with the neighbouring counties as plain land. What reaches the drawing is decided
first, in `print_map_data`, so it can be checked on its own:

- at exact precision the scenes are drawn as points (one per scene, inside its polygon for an area);
- otherwise (workshop participants) only the count per municipality reaches the map, and a count the
  `Disclosure` hides is drawn as "no data or fewer than N" grey, with neither its number nor its class.

Geometry is drawn in SWEREF 99 TM (EPSG:3006) with Vega's identity projection, so the county keeps the shape it
has on Swedish maps.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely

from scenes.domain.classes import NO_DATA_COLOUR, count_classes
from scenes.domain.disclosure import Disclosure
from scenes.domain.protection import protection
from scenes.geo import SWEREF99TM
from scenes.i18n import t
from scenes.model import Lang
from scenes.reference import Reference
from scenes.render.maps import LAND_AROUND, WATER, municipality_values

__all__ = ["PrintMap", "print_map", "print_map_data"]

#: how far (metres) the frame reaches past the county's bounding box
_FRAME_MARGIN_M = 4_000.0
_POINT_FILL = "#1a1a1a"


@dataclass(frozen=True)
class PrintMap:
    """What the print map draws, in EPSG:3006.

    `municipalities`: kommun_kod, kommun, scenes (None where hidden), colour, geometry; `points`: one point per
    scene (empty unless exact); `legend`: (label, colour) pairs in the order they are explained.
    """

    municipalities: gpd.GeoDataFrame
    points: gpd.GeoDataFrame
    surroundings: gpd.GeoDataFrame
    outline: gpd.GeoDataFrame
    legend: list[tuple[str, str]]
    exact: bool

    @property
    def aspect(self) -> float:
        """Width over height of the frame."""
        x0, y0, x1, y1 = self.surroundings_frame
        return (x1 - x0) / (y1 - y0)

    @property
    def surroundings_frame(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.municipalities.total_bounds
        m = _FRAME_MARGIN_M
        return float(x0 - m), float(y0 - m), float(x1 + m), float(y1 + m)


def print_map_data(ref: Reference, scenes: gpd.GeoDataFrame, *, exact: bool, disclosure: Disclosure,
                   lang: Lang) -> PrintMap:
    """The layers of the print map for `scenes` (one survey), as the reader may see them.

    Not `exact`: `points` is empty and `municipalities` holds counts only, with hidden counts set to None.
    """
    counts = municipality_values(ref, scenes, "count")
    withheld = protection(ref, scenes, disclosure)  # the municipalities every other view withholds
    hidden = pd.Series([withheld.hidden("municipality", str(c)) for c in counts.index], index=counts.index)
    classes = count_classes(float(counts.max()) if len(counts) else 0.0, max(disclosure.threshold, 3))
    shapes = ref.simplified_boundaries.set_index("kommun_kod").loc[counts.index].reset_index()
    shown = [None if small else float(n) for n, small in zip(counts, hidden, strict=True)]
    municipalities = gpd.GeoDataFrame({
        "kommun_kod": shapes["kommun_kod"].astype(str).to_numpy(),
        "kommun": shapes["kommun"].astype(str).to_numpy(),
        "scenes": pd.Series(shown, dtype=object).to_numpy(),
        "colour": [classes.colour(classes.index(v)) for v in shown],
    }, geometry=shapes.geometry.to_numpy(), crs=shapes.crs).to_crs(SWEREF99TM)

    if exact and len(scenes):
        located = scenes.to_crs(SWEREF99TM)
        points = gpd.GeoDataFrame({"scene_id": located["scene_id"].to_numpy()},
                                  geometry=located.geometry.representative_point().to_numpy(), crs=SWEREF99TM)
    else:
        points = gpd.GeoDataFrame({"scene_id": pd.Series(dtype=str)}, geometry=gpd.GeoSeries([], crs=SWEREF99TM))

    legend = [("0", classes.colour(0))]
    labels = classes.labels(lang)
    for i, label in enumerate(labels):
        if disclosure.active and i == 0 and disclosure.hidden(classes.bounds[0]):
            continue  # the first class is exactly the suppressed counts: they are drawn grey instead
        legend.append((label, classes.colour(i + 1)))
    if bool(hidden.any()):
        legend.append((t("map.no_data_or_few", lang, n=disclosure.threshold), NO_DATA_COLOUR))
    if exact and len(points):
        legend.append((t("report.map_point", lang), _POINT_FILL))

    outline = gpd.GeoDataFrame(geometry=[shapely.union_all(municipalities.geometry.to_numpy())], crs=SWEREF99TM)
    frame = PrintMap(municipalities, points, gpd.GeoDataFrame(geometry=[], crs=SWEREF99TM), outline, legend, exact)
    land = ref.surroundings
    if len(land):
        box = shapely.box(*frame.surroundings_frame)
        clipped = land.to_crs(SWEREF99TM).clip(box)
        frame = PrintMap(municipalities, points, clipped[~clipped.is_empty][["geometry"]], outline, legend, exact)
    return frame


def print_map(data: PrintMap, *, width: int = 250) -> alt.LayerChart:
    """The Altair chart of `data`: `width` pixels wide, as tall as the county needs."""
    height = round(width / data.aspect)
    projection: dict[str, object] = {"type": "identity", "reflectY": True}
    x0, y0, x1, y1 = data.surroundings_frame
    # An invisible frame: the projection fits every layer, so this fixes the view to the county plus margin.
    frame = gpd.GeoDataFrame(geometry=[shapely.box(x0, y0, x1, y1)], crs=SWEREF99TM)
    layers: list[alt.Chart] = [
        alt.Chart(frame).mark_geoshape(fill=WATER, stroke=None).project(**projection),
    ]
    if len(data.surroundings):
        layers.append(alt.Chart(data.surroundings).mark_geoshape(fill=LAND_AROUND, stroke=None)
                      .project(**projection))
    municipalities = pd.DataFrame(data.municipalities.drop(columns="scenes"))
    layers.append(alt.Chart(gpd.GeoDataFrame(municipalities, geometry="geometry", crs=SWEREF99TM))
                  .mark_geoshape(stroke="#8c8c8c", strokeWidth=0.5)
                  .encode(fill=alt.Fill("colour:N", scale=None)).project(**projection))
    layers.append(alt.Chart(data.outline).mark_geoshape(fill=None, stroke="#1a1a1a", strokeWidth=1.1)
                  .project(**projection))
    if data.exact and len(data.points):
        # Through the same projection (identity: "longitude" and "latitude" are SWEREF 99 TM metres).
        points = pd.DataFrame({"x": data.points.geometry.x.to_numpy(), "y": data.points.geometry.y.to_numpy()})
        layers.append(alt.Chart(points).mark_circle(size=16, color=_POINT_FILL, opacity=1, stroke="#ffffff",
                                                    strokeWidth=0.5)
                      .encode(longitude="x:Q", latitude="y:Q").project(**projection))
    chart: alt.LayerChart = alt.layer(*layers).properties(width=width, height=height).configure_view(stroke=None)
    return chart
