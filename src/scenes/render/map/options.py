"""What a map draws (`MapOptions`) and the values passed between the map's parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import geopandas as gpd

from scenes.domain.classes import Classes
from scenes.domain.disclosure import Disclosure
from scenes.domain.protection import Protected
from scenes.domain.query import SceneFilter
from scenes.model import Lang, Precision
from scenes.render.assets import AssetLinks


@dataclass(frozen=True)
class MapOptions:
    """How to draw: language, layers shown, choropleth measure and classes, tiles, precision, and presentation.

    Language, precision and disclosure are required (keyword-only): a forgotten one is a TypeError, never a map
    that shows more than its reader may see."""

    lang: Lang = field(kw_only=True)
    choropleth: str = "count"  # "count" or "per_capita"
    show_municipalities: bool = True
    show_police_areas: bool = True
    show_scenes: bool = True
    show_ceased: bool = True
    cluster: bool = True
    basemap: str = "none"  # "none", "osm", or a tile URL template with {z}/{x}/{y}
    basemap_attribution: str = ""
    assets: AssetLinks = field(default_factory=AssetLinks)
    precision: Precision = field(kw_only=True)  # "generalised": counts per municipality only, no scene location
    disclosure: Disclosure = field(kw_only=True)  # withheld counts (`scenes.domain.protection`)
    selection: SceneFilter | None = None  # the filter the scenes drawn were chosen with (what is withheld depends)
    withheld: Protected | None = None  # what the scenes drawn withhold (`protection`, with the whole survey's)
    classes: Classes | None = None  # shading classes shared by every survey shown; None: from the data drawn
    presentation: bool = False  # projector: larger names, labels and legend
    #: scene ids to mark as having an ongoing measure (a ring round the marker, a tooltip line, a legend entry);
    #: empty: nothing marked and the map as without the option. Exact precision only: ignored when generalised.
    ongoing: frozenset[str] = frozenset()

    @property
    def scale(self) -> float:
        return 1.35 if self.presentation else 1.0


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "category", "class", "cluster", "change", "ceased", "ongoing", "selected", "police_area", "county"
    label: str
    colour: str
    symbol: str = ""


@dataclass(frozen=True)
class TimeStep:
    """One survey in a time series: its title, its (filtered) scenes, what ceased since the step before, and
    the change code of each scene that is new since then (`BADGES`)."""

    title: str
    scenes: gpd.GeoDataFrame
    ceased: gpd.GeoDataFrame | None = None
    changes: Mapping[str, str] = field(default_factory=dict)
    withheld: Protected | None = None  # as `MapOptions.withheld`, for this step's scenes


Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east)), WGS 84
