"""Reference tables: real geography and police areas as domain.md gives them, internally consistent."""

from __future__ import annotations

import datetime as dt

import pytest

from scenes.reference import Reference


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
    assert pop["0127"] == 95905 and pop["0182"] == 112112
    assert "0180" not in pop


def _coverage(ref: Reference, polisomrade: str, day: dt.date) -> tuple[int, int]:
    lpos = set(ref.police_areas_on(day).query("polisomrade == @polisomrade")["lpo_code"])
    cov = ref.coverage[ref.coverage["lpo_code"].isin(lpos)]
    districts_then = set(ref.districts_on(dt.date(2021, 1, 1))["district_code"])
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
    assert len(ref.districts_on(day)) == count


def test_crosswalk_maps_every_old_district_to_a_current_one(ref: Reference) -> None:
    """Every 2020-2023 district maps to a district valid after the reorganisation."""
    old = set(ref.districts_on(dt.date(2021, 6, 1))["district_code"])
    new = set(ref.districts_on(dt.date(2024, 1, 1))["district_code"])
    assert ({ref.current_district(d) for d in old}, set(ref.crosswalk["from_district"])) == (new, old)


def test_three_working_categories_with_distinct_colours(ref: Reference) -> None:
    """Three editable working categories, each with a label in both languages and its own colour."""
    cats = ref.categories
    assert list(cats["code"]) == ["utsatt_omrade", "social_utsatthet", "festmiljo"]
    assert cats["color"].nunique() == 3 and cats["label_en"].notna().all()


def test_published_totals_carry_sources(ref: Reference) -> None:
    """The four official totals from domain.md, each with a source."""
    assert [(p.label[:4], p.scenes) for p in ref.published_totals][1:] == [("Kart", 64), ("Kart", 63), ("Uppf", 53)]
    assert [p.scenes for p in ref.published_totals] == [48, 64, 63, 53]
    assert all(p.source for p in ref.published_totals)
