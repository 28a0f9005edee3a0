"""Reference tables: real geography and police areas as domain.md gives them, internally consistent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from scenes.reference import (
    SURROUNDINGS_FILE,
    SURROUNDINGS_MARGIN_M,
    SURROUNDINGS_OVERLAP_M,
    Reference,
    build_surroundings,
)
from tests.conftest import DATA_DIR
from tests.reference import districts_on


def test_twenty_six_municipalities_of_the_county(ref: Reference) -> None:
    """The municipality table has the county's 26 codes, all starting with 01."""
    codes = list(ref.municipalities["kommun_kod"])
    assert (len(codes), len(set(codes)), all(c.startswith("01") for c in codes)) == (26, 26, True)


def test_boundaries_match_the_table(ref: Reference) -> None:
    """Every municipality has one boundary, with the same code and name, in WGS 84."""
    table = dict(zip(ref.municipalities["kommun_kod"], ref.municipalities["kommun"], strict=True))
    shapes = dict(zip(ref.boundaries["kommun_kod"], ref.boundaries["kommun"], strict=True))
    assert (shapes, ref.boundaries.crs.to_epsg()) == (table, 4326)


def test_boundaries_are_valid_polygons(ref: Reference) -> None:
    """Boundaries are valid (multi)polygons usable for point-in-polygon tagging."""
    assert ref.boundaries.is_valid.all()
    assert set(ref.boundaries.geom_type) <= {"Polygon", "MultiPolygon"}


def test_known_populations_from_domain_brief(ref: Reference) -> None:
    """Population is filled where the brief gives it and left blank elsewhere (never invented)."""
    pop = ref.population()
    assert pop["0127"] == 95905
    assert pop["0182"] == 112112
    assert "0180" not in pop


def _coverage(ref: Reference, polisomrade: str, day: dt.date) -> tuple[int, int]:
    lpos = set(ref.police_areas_on(day).query("polisomrade == @polisomrade")["lpo_code"])
    cov = ref.coverage[ref.coverage["lpo_code"].isin(lpos)]
    districts_then = set(districts_on(ref, dt.date(2021, 1, 1))["district_code"])
    return (cov[cov["kind"] == "kommun"]["code"].nunique(),
            cov[(cov["kind"] == "stadsdel") & cov["code"].isin(districts_then)]["code"].nunique())


@pytest.mark.parametrize(("polisomrade", "municipalities", "districts"), [("Nord", 14, 4), ("Syd", 10, 5)])
def test_police_area_coverage_matches_polisen(ref: Reference, polisomrade: str, municipalities: int,
                                              districts: int) -> None:
    """With the 'probably' cells, Nord covers 14 municipalities and 4 districts, Syd 10 and 5 (polisen.se)."""
    assert _coverage(ref, polisomrade, dt.date(2022, 8, 1)) == (municipalities, districts)


def test_seventeen_lpo_in_the_county_in_2022(ref: Reference) -> None:
    """domain.md lists 2 City, 7 Nord and 8 Syd LPO in Aug 2022; Gotland's lie outside the county."""
    on_day = ref.police_areas_on(dt.date(2022, 8, 1))
    assert on_day.groupby("polisomrade").size().to_dict() == {"City": 2, "Nord": 7, "Syd": 8}


def test_city_split_in_2025(ref: Reference) -> None:
    """From 2025 City has Lidingö-Kungsholmen, Norra innerstaden and Södermalm; Norrmalm is gone."""
    city = set(ref.police_areas_on(dt.date(2025, 6, 1)).query("polisomrade == 'City'")["name"])
    assert city == {"Lidingö-Kungsholmen", "Norra innerstaden", "Södermalm"}


def test_every_municipality_except_stockholm_has_a_default_lpo(ref: Reference) -> None:
    """Outside Stockholm the municipality decides the LPO; Stockholm city needs the district."""
    missing = set(ref.municipalities.loc[ref.municipalities["default_lpo"].isna(), "kommun_kod"])
    assert missing == {"0180"}


def test_references_point_at_existing_codes(ref: Reference) -> None:
    """Coverage, default LPOs and districts only name LPO codes that exist."""
    lpos = set(ref.police_areas["lpo_code"])
    named = (set(ref.coverage["lpo_code"]) | set(ref.municipalities["default_lpo"].dropna())
             | set(ref.districts["default_lpo"].dropna()))
    assert named - lpos == set()


@pytest.mark.parametrize(("day", "count"), [(dt.date(2021, 6, 1), 13), (dt.date(2023, 7, 1), 11)])
def test_stockholm_districts_by_period(ref: Reference, day: dt.date, count: int) -> None:
    """13 district administrations 2020-2023, 11 from 2023-07-01."""
    assert len(districts_on(ref, day)) == count


def test_crosswalk_maps_every_old_district_to_a_current_one(ref: Reference) -> None:
    """Every 2020-2023 district maps to a district valid after the reorganisation."""
    old = set(districts_on(ref, dt.date(2021, 6, 1))["district_code"])
    new = set(districts_on(ref, dt.date(2024, 1, 1))["district_code"])
    assert ({ref.current_district(d) for d in old}, set(ref.crosswalk["from_district"])) == (new, old)


def test_three_working_categories_with_distinct_colours(ref: Reference) -> None:
    """Three editable working categories, each with a label in both languages and its own colour."""
    cats = ref.categories
    assert list(cats["code"]) == ["utsatt_omrade", "social_utsatthet", "festmiljo"]
    assert cats["color"].nunique() == 3
    assert cats["label_en"].notna().all()


def test_published_totals_carry_sources(ref: Reference) -> None:
    """The four official totals from domain.md, each with a source."""
    assert [(p.label[:4], p.scenes) for p in ref.published_totals][1:] == [("Kart", 64), ("Kart", 63), ("Uppf", 53)]
    assert [p.scenes for p in ref.published_totals] == [48, 64, 63, 53]
    assert all(p.source for p in ref.published_totals)


# -- land around the county, for maps without background tiles ----------------------------------------------------
def _county_and_frame(ref: Reference) -> tuple[BaseGeometry, BaseGeometry]:
    home = shapely.union_all(ref.boundaries.to_crs(3006).geometry.values)
    minx, miny, maxx, maxy = home.bounds
    m = SURROUNDINGS_MARGIN_M
    return home, shapely.box(minx - m, miny - m, maxx + m, maxy + m)


def test_surroundings_are_the_neighbouring_counties_land(ref: Reference) -> None:
    """The shipped file: small, WGS 84, valid, the neighbouring counties, all within the widened county box."""
    path = DATA_DIR / SURROUNDINGS_FILE
    land = ref.surroundings
    assert path.stat().st_size < 100_000
    assert land.crs.to_epsg() == 4326
    assert land.is_valid.all()
    assert not land.empty
    assert set(land.geom_type) <= {"Polygon", "MultiPolygon"}
    assert {"03", "04", "19"} <= set(land["lan_kod"])
    assert "01" not in set(land["lan_kod"])
    _, frame = _county_and_frame(ref)
    assert frame.buffer(1.0).covers(shapely.union_all(land.to_crs(3006).geometry.values))


def test_surroundings_meet_the_county_without_a_seam(ref: Reference) -> None:
    """The neighbours' land reaches just under the county along their land border, and no further."""
    home, _ = _county_and_frame(ref)
    land = shapely.union_all(ref.surroundings.to_crs(3006).geometry.values)
    overlap = land.intersection(home)
    assert 0 < overlap.area < 0.002 * home.area  # a 50 m strip along ~170 km of land border: about 8 km²
    assert overlap.intersection(home.buffer(-SURROUNDINGS_OVERLAP_M - 5)).area < 1.0  # m², rounding only
    # The county's outline near the neighbours' land lies on that land, bar the few metres where the coast turns
    # away at each end of the land border (a seam would leave kilometres uncovered).
    land_border = home.boundary.intersection(land.buffer(SURROUNDINGS_OVERLAP_M))
    assert land_border.length > 100_000
    assert land_border.difference(land).length < 1_000


def test_malaren_is_water_in_both_files(ref: Reference) -> None:
    """A point in Mälaren (Björkfjärden, south of Birka) lies in no municipality and no neighbouring county."""
    point = Point(17.55, 59.33)
    assert not ref.boundaries.contains(point).any()
    assert not ref.surroundings.contains(point).any()


def test_surroundings_file_is_optional(ref: Reference, tmp_path: Path) -> None:
    """Without the file (or without a data folder) the surroundings are an empty WGS 84 frame."""
    for missing in (dataclasses.replace(ref, data_dir=tmp_path), dataclasses.replace(ref, data_dir=None)):
        land = missing.surroundings
        assert land.empty
        assert land.crs.to_epsg() == 4326
        assert {"lan_kod", "lan"} <= set(land.columns)


def test_surroundings_rebuild_gives_the_shipped_file(tmp_path: Path) -> None:
    """`scenes reference-build` reproduces data/reference/surroundings.geojson byte for byte."""
    built = build_surroundings(tmp_path)
    assert built.read_bytes() == (DATA_DIR / SURROUNDINGS_FILE).read_bytes()
