"""Canonical file forms: GeoJSON round trip, CSV export, spreadsheet formula neutralisation."""

from __future__ import annotations

import csv
import io

import geopandas as gpd
from shapely.geometry import Point

from scenes.formats import normalise_scene_frame, scenes_from_geojson, scenes_to_csv, scenes_to_geojson


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


def test_csv_has_coordinates_and_joined_lists() -> None:
    """CSV rows carry lat/lon, WKT and ;-joined categories."""
    row = next(csv.DictReader(io.StringIO(scenes_to_csv(_frame()))))
    assert (row["lat"], row["lon"], row["categories"], row["wkt"]) == ("59.31", "18.07", "festmiljo",
                                                                        "POINT (18.07 59.31)")


def test_csv_neutralises_formulas() -> None:
    """A name starting with = is written with a leading quote so spreadsheets show it as text."""
    row = next(csv.DictReader(io.StringIO(scenes_to_csv(_frame('=HYPERLINK("http://x")')))))
    assert row["name"] == "'=HYPERLINK(\"http://x\")"
