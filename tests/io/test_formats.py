"""Canonical file forms: GeoJSON round trip, CSV export, spreadsheet formula neutralisation."""

from __future__ import annotations

import csv
import io

import geopandas as gpd
from shapely.geometry import Point

from scenes.io.formats import normalise_scene_frame, scenes_from_geojson, scenes_to_geojson
from scenes.render.exports import scenes_to_excel_csv


def _frame(name: str = "Plats") -> gpd.GeoDataFrame:
    return normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": ["s"], "scene_id": ["A1"], "name": [name], "kommun_kod": ["0180"], "kommun": ["Stockholm"],
        "lokalpolisomrade": ["sodermalm"], "stadsdel": ["sodermalm"], "categories": [["festmiljo"]],
        "status": ["aktiv"], "impact": [2], "predecessors": [[]], "notes": ["x"], "area_m2": [None],
    }, geometry=[Point(18.07, 59.31)], crs=4326))


def test_geojson_round_trip() -> None:
    """Writing and reading GeoJSON gives the same frame."""
    frame = _frame()
    back = scenes_from_geojson(scenes_to_geojson(frame))
    assert back.drop(columns="geometry").equals(frame.drop(columns="geometry"))


def _excel_row(frame: gpd.GeoDataFrame) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(scenes_to_excel_csv(frame).decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_has_coordinates_and_joined_lists() -> None:
    """CSV rows carry SWEREF 99 TM northing/easting (decimal comma), no WKT for a point, and ;-joined categories."""
    row = _excel_row(_frame())
    assert (row["categories"], row["wkt"]) == ("festmiljo", "")
    assert row["northing"].startswith("65")
    assert "," in row["northing"]
    assert "lat" not in row


def test_csv_neutralises_formulas() -> None:
    """A name starting with = is written with a leading quote so spreadsheets show it as text."""
    row = _excel_row(_frame('=HYPERLINK("http://x")'))
    assert row["name"] == "'=HYPERLINK(\"http://x\")"


def test_geojson_is_the_canonical_feature_collection() -> None:
    """GeoPandas writes the collection: no feature ids, properties in column order with missing values as null and
    lists as lists, coordinates rounded (a missing geometry stays null)."""
    frame = _frame().iloc[[0, 0]].reset_index(drop=True)
    frame.loc[1, "geometry"] = None
    collection = scenes_to_geojson(frame, decimals=3)
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    assert list(first) == ["type", "properties", "geometry"]
    assert list(first["properties"]) == [c for c in frame.columns if c != "geometry"]
    props = first["properties"]
    assert (props["categories"], props["predecessors"], props["impact"], props["area_m2"]) == (["festmiljo"], [], 2,
                                                                                              None)
    assert type(props["impact"]) is int
    assert first["geometry"] == {"type": "Point", "coordinates": (18.07, 59.31)}
    assert second["geometry"] is None
