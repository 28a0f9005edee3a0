"""The reference tables as the app holds them (`Reference`), read from the files shipped in `data/`: geography,
police areas and their periods, districts, categories, statuses, measure kinds, actors, published totals."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from scenes.errors import ConfigError
from scenes.model import Lang, PublishedTotal

__all__ = ["BOUNDARIES_FILE", "COUNTY_CODE", "COUNTY_TOLERANCE_M", "SURROUNDINGS_FILE", "SURROUNDINGS_MARGIN_M",
           "SURROUNDINGS_OVERLAP_M", "SURROUNDINGS_TOLERANCE_M", "Reference", "load_reference", "read_table",
           "typed_table"]

COUNTY_CODE = "01"  # Stockholms län
#: The shipped boundaries are generalised (about 1,600 corners for the county's 26 municipalities): coastlines can
#: be off by kilometres (Vaxholm's town centre lies 2.6 km outside its polygon, Stadshuset 400 m outside
#: Stockholm's). A location up to this far (metres) outside every municipality is tagged to the nearest one, with
#: a warning, and a polygon may reach this far past the county's outline.
COUNTY_TOLERANCE_M = 3_000.0
BOUNDARIES_FILE = "reference/municipalities.geojson"
#: Land of the neighbouring counties around the county, for maps drawn without background tiles (see
#: `build_surroundings`). Optional: without it the map shows only the county.
SURROUNDINGS_FILE = "reference/surroundings.geojson"
#: How far (metres) past the county's bounding box the surrounding land is kept: enough that a map fitted to the
#: whole county on a wide screen (1920x1080, zoom 8) shows land to its edges, not a straight cut.
SURROUNDINGS_MARGIN_M = 200_000.0
#: Douglas-Peucker tolerance (metres, SWEREF 99 TM) for the surrounding land: plenty for a county-scale map.
SURROUNDINGS_TOLERANCE_M = 250.0
#: The surrounding land reaches this far (metres) under the county's edge along their land border, so that no
#: water-coloured seam shows between them however the county's own boundaries are simplified (40 m) or rounded.
SURROUNDINGS_OVERLAP_M = 50.0

_CSV = {
    "municipalities": "reference/municipalities.csv",
    "police_areas": "reference/police_areas.csv",
    "coverage": "reference/police_area_coverage.csv",
    "districts": "reference/districts.csv",
    "crosswalk": "reference/district_crosswalk.csv",
    "categories": "reference/categories.csv",
    "statuses": "reference/statuses.csv",
    "measure_kinds": "reference/measure_kinds.csv",
    "actors": "reference/actors.csv",
    "published_totals": "reference/published_totals.csv",
}


@dataclass(frozen=True)
class Reference:
    """All reference tables, as read from one data folder."""

    municipalities: pd.DataFrame
    boundaries: gpd.GeoDataFrame
    police_areas: pd.DataFrame
    coverage: pd.DataFrame
    districts: pd.DataFrame
    crosswalk: pd.DataFrame
    categories: pd.DataFrame
    statuses: pd.DataFrame
    published_totals: tuple[PublishedTotal, ...]
    #: kinds of measure (åtgärd) and the organisations responsible for them: editable working lists
    measure_kinds: pd.DataFrame = field(default_factory=pd.DataFrame)
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: the folder these were read from (optional files, such as the surroundings, are read from it on demand)
    data_dir: Path | None = None

    # -- derived geometry, computed once per Reference (the reference is loaded once per process) -------
    @cached_property
    def simplified_boundaries(self) -> gpd.GeoDataFrame:
        """Municipality boundaries simplified to ~40 m in SWEREF 99 TM: lighter maps, same look at county scale."""
        projected = self.boundaries.to_crs(3006)
        projected["geometry"] = projected.geometry.simplify(40, preserve_topology=True)
        simplified = projected.to_crs(4326)
        # Five decimals (about a metre) is far below the simplification: it halves the map's bytes.
        simplified["geometry"] = shapely.transform(simplified.geometry.values, lambda c: np.round(c, 5))
        return simplified

    @cached_property
    def surroundings(self) -> gpd.GeoDataFrame:
        """Land of the neighbouring counties near the county (`lan_kod`, `lan`, geometry; WGS 84), for a map drawn
        without background tiles. Empty when the file is absent: the map then shows the county alone."""
        path = None if self.data_dir is None else self.data_dir / SURROUNDINGS_FILE
        if path is None or not path.exists():
            return gpd.GeoDataFrame({"lan_kod": pd.Series(dtype=str), "lan": pd.Series(dtype=str)},
                                    geometry=gpd.GeoSeries([], crs=4326))
        land = gpd.read_file(path, engine="pyogrio").set_crs(4326, allow_override=True)
        land["lan_kod"] = land["lan_kod"].astype(str)
        return land

    @cached_property
    def county_outline(self) -> BaseGeometry:
        """The county (all municipalities) in SWEREF 99 TM, widened by `COUNTY_TOLERANCE_M` for shorelines, prepared
        for fast `covers` tests: a scene's whole geometry must lie inside it."""
        outline = shapely.union_all(self.boundaries.to_crs(3006).geometry.values).buffer(COUNTY_TOLERANCE_M)
        shapely.prepare(outline)
        return outline

    @cached_property
    def police_area_shapes(self) -> gpd.GeoDataFrame:
        """Outlines of the LPO that consist of whole municipalities, dissolved from their boundaries.

        LPO covering Stockholm city districts are not drawn: district boundaries are not shipped, and we do not
        invent them; scenes there carry their district and LPO tags instead.
        """
        cov = self.coverage
        with_districts = set(cov.loc[cov["kind"] == "stadsdel", "lpo_code"])
        current = self.police_areas_on(dt.date.today())
        whole = cov[(cov["kind"] == "kommun") & ~cov["lpo_code"].isin(with_districts)
                    & cov["lpo_code"].isin(current["lpo_code"])]
        shapes = self.simplified_boundaries.merge(whole[["lpo_code", "code"]], left_on="kommun_kod", right_on="code")
        dissolved = shapes.dissolve(by="lpo_code").reset_index()[["lpo_code", "geometry"]]
        dissolved["name"] = [self.police_area_name(c) for c in dissolved["lpo_code"]]
        return dissolved

    # -- look-ups used across the core ------------------------------------------------------------------
    # Look-ups run for every scene on every rerun: plain dicts, built once.
    @cached_property
    def _names(self) -> dict[str, dict[str, str]]:
        def pairs(frame: pd.DataFrame, key: str, value: str) -> dict[str, str]:
            return {str(k): str(v) for k, v in zip(frame[key], frame[value], strict=True)}

        return {
            "kommun": pairs(self.municipalities, "kommun_kod", "kommun"),
            "lpo": pairs(self.police_areas, "lpo_code", "name"),
            "district": pairs(self.districts, "district_code", "name"),
            "cat_sv": pairs(self.categories, "code", "label_sv"),
            "cat_en": pairs(self.categories, "code", "label_en"),
            "colour": pairs(self.categories, "code", "color"),
            "status_sv": pairs(self.statuses, "code", "label_sv"),
            "status_en": pairs(self.statuses, "code", "label_en"),
            "kind_sv": pairs(self.measure_kinds, "code", "label_sv"),
            "kind_en": pairs(self.measure_kinds, "code", "label_en"),
            "actor_sv": pairs(self.actors, "code", "label_sv"),
            "actor_en": pairs(self.actors, "code", "label_en"),
        }

    def municipality_name(self, code: str) -> str:
        return self._names["kommun"].get(code, code)

    def police_area_name(self, code: str) -> str:
        return self._names["lpo"].get(code, code)

    def district_name(self, code: str) -> str:
        return self._names["district"].get(code, code)

    def category_label(self, code: str, language: Lang) -> str:
        return self._names["cat_en" if language == "en" else "cat_sv"].get(code, code)

    def category_color(self, code: str) -> str:
        return self._names["colour"].get(code, "#777777")

    def status_label(self, code: str, language: Lang) -> str:
        return self._names["status_en" if language == "en" else "status_sv"].get(code, code)

    def measure_kind_label(self, code: str, language: Lang) -> str:
        return self._names["kind_en" if language == "en" else "kind_sv"].get(code, code)

    def actor_label(self, code: str, language: Lang) -> str:
        return self._names["actor_en" if language == "en" else "actor_sv"].get(code, code)

    def police_areas_on(self, day: dt.date) -> pd.DataFrame:
        """Police areas valid on `day` (empty validity bounds mean open-ended)."""
        pa = self.police_areas
        start = pd.to_datetime(pa["valid_from"]).dt.date
        end = pd.to_datetime(pa["valid_to"]).dt.date
        ok = (start.isna() | (start <= day)) & (end.isna() | (end >= day))
        return pa.loc[ok]

    @cached_property
    def _periods(self) -> dict[str, tuple[dt.date | None, dt.date | None]]:
        def day(value: object) -> dt.date | None:
            return dt.date.fromisoformat(str(value)) if value else None

        return {str(c): (day(a), day(b)) for c, a, b in zip(self.police_areas["lpo_code"],
                                                              self.police_areas["valid_from"],
                                                              self.police_areas["valid_to"], strict=True)}

    @cached_property
    def _coverage(self) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = {}
        for lpo, kind, unit in zip(self.coverage["lpo_code"], self.coverage["kind"], self.coverage["code"],
                                   strict=True):
            found.setdefault((str(kind), str(unit)), []).append(str(lpo))
        return found

    def police_area_period(self, code: str) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day of a police area (None: open-ended, or not recorded)."""
        return self._periods.get(code, (None, None))

    def police_area_valid_on(self, code: str, day: dt.date) -> bool:
        """Whether police area `code` existed on `day` (empty validity bounds mean open-ended)."""
        start, end = self.police_area_period(code)
        return (start is None or start <= day) and (end is None or day <= end)

    def police_areas_covering(self, kind: str, unit: str, day: dt.date) -> list[str]:
        """The police areas that cover a municipality (`kind` "kommun", by code) or a Stockholm city district
        (`kind` "stadsdel") on `day`, per `police_area_coverage.csv` and the police areas' validity."""
        return [c for c in dict.fromkeys(self._coverage.get((kind, unit), [])) if self.police_area_valid_on(c, day)]

    def police_area_successors(self, code: str) -> list[str]:
        """The police areas that took over a dissolved one: those valid the day after it ended which cover any of
        the municipalities or districts it covered (read from the coverage table, not a separate list)."""
        _, end = self.police_area_period(code)
        if end is None:
            return []
        after = end + dt.timedelta(days=1)
        units = [key for key, lpos in self._coverage.items() if code in lpos]
        found: dict[str, None] = {}
        for kind, unit in units:
            for other in self.police_areas_covering(str(kind), str(unit), after):
                if other != code:
                    found[other] = None
        return list(found)

    def current_district(self, code: str) -> str:
        """Map a district code through the 2023 crosswalk (codes not in it map to themselves)."""
        mapping = dict(zip(self.crosswalk["from_district"], self.crosswalk["to_district"], strict=True))
        return str(mapping.get(code, code))

    def population(self) -> dict[str, int]:
        """Known municipal populations; municipalities without a figure are absent."""
        known = self.municipalities.dropna(subset=["population"])
        return {str(k): int(v) for k, v in zip(known["kommun_kod"], known["population"], strict=True)}


def read_table(path: Path) -> pd.DataFrame:
    """A shipped table as text (codes such as "0114" stay strings), read by the same bounded CSV reader as every
    uploaded file: encoding (UTF-8 or Windows-1252) and separator detected, cells normalised."""
    from scenes.io.bounded import Limits, read_csv_table

    if not path.exists():
        raise ConfigError(f"Reference file missing: {path}. Is SCENES_DATA_DIR pointing at the data folder?",
                          code="reference_missing", path=path)
    table = read_csv_table(path.read_bytes(), Limits())
    return pd.DataFrame(table.rows, columns=table.header, dtype=object).replace({"": None})


def typed_table(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """A text table as the Reference holds it (municipal populations as whole numbers)."""
    table = table.copy()
    if name == "municipalities":
        table["population"] = pd.to_numeric(table["population"]).astype("Int64")
    return table


@functools.lru_cache(maxsize=8)
def load_reference(data_dir: Path) -> Reference:
    """Read every reference table in `data_dir` (cached: the files are read once per process)."""
    tables = {name: read_table(data_dir / rel) for name, rel in _CSV.items()}
    munis = typed_table("municipalities", tables["municipalities"])
    boundaries_path = data_dir / BOUNDARIES_FILE
    if not boundaries_path.exists():
        raise ConfigError(f"Boundary file missing: {boundaries_path}. Run `scenes reference-build` to create it.",
                          code="reference_missing", path=boundaries_path)
    boundaries = gpd.read_file(boundaries_path).set_crs(4326, allow_override=True)
    boundaries["kommun_kod"] = boundaries["kommun_kod"].astype(str)
    totals = tuple(
        PublishedTotal(
            date=dt.date.fromisoformat(r["date"]),
            date_precision=r["date_precision"],
            label=r["label"],
            scenes=int(r["scenes"]),
            municipalities=int(r["municipalities"]) if r["municipalities"] else None,
            police_areas=int(r["police_areas"]) if r["police_areas"] else None,
            notes=r["notes"] or "",
            notes_en=r["notes_en"] or "",
            source=r["source"] or "",
            source_url=r["source_url"] or "",
            confidence=r["confidence"] or "",
        )
        for r in tables["published_totals"].to_dict("records")
    )
    return Reference(
        municipalities=munis,
        boundaries=boundaries,
        police_areas=tables["police_areas"],
        coverage=tables["coverage"],
        districts=tables["districts"],
        crosswalk=tables["crosswalk"],
        categories=tables["categories"],
        statuses=tables["statuses"],
        measure_kinds=tables["measure_kinds"],
        actors=tables["actors"],
        published_totals=totals,
        data_dir=data_dir,
    )
