"""Exports for the way analysts work: each format re-imports unchanged, on SQLite and PostgreSQL, and is what
Swedish Excel and QGIS expect (separator, decimal comma, BOM, SWEREF 99 TM, code lists, no formulas)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
import shapely

from scenes.errors import ScenesError
from scenes.geo import SWEREF99TM, WGS84, area_m2
from scenes.ingest.upload import report_table
from scenes.model import Survey, SurveyKind
from scenes.render.exports import EXPORT_COLUMNS, FORMATS, export_scenes, file_type
from scenes.views.dashboard import Dashboard

TAGS = ["name", "kommun_kod", "kommun", "lokalpolisomrade", "stadsdel", "categories", "status", "impact",
        "predecessors", "notes"]
SHEETS = ["Scener", "Instruktion", "Kommuner", "Lokalpolisområden", "Stadsdelar", "Kategorier", "Status"]
BOM = b"\xef\xbb\xbf"


def _to_wgs84(geometry: shapely.Geometry) -> shapely.Geometry:
    """A SWEREF 99 TM geometry in WGS 84, rounded as the store keeps it (7 decimals)."""
    wgs = gpd.GeoSeries([geometry], crs=SWEREF99TM).to_crs(WGS84).iloc[0]
    return shapely.transform(wgs, lambda c: np.round(c, 7))


def _analyst_survey(dash: Dashboard) -> str:
    """demo-2024-02 (points and polygons) with what analysts' data also has: a multipolygon, predecessors, text
    with separators, quotes and a line break, a missing status and impact. Published as a survey of its own."""
    frame = dash.store.scenes("demo-2024-02")
    polygons = np.flatnonzero(frame.geom_type.eq("Polygon").to_numpy())
    points = np.flatnonzero(frame.geom_type.eq("Point").to_numpy())
    cut = frame.geometry.to_crs(SWEREF99TM).iloc[polygons[0]]  # a 10 m wide gap through the middle: two parts
    middle = cut.centroid.x
    gap = shapely.box(middle - 5, cut.bounds[1] - 1, middle + 5, cut.bounds[3] + 1)
    frame.loc[polygons[0], "geometry"] = _to_wgs84(cut.difference(gap))
    frame.at[points[0], "name"] = 'Torget; "Gamla"\nentrén, norra'
    frame.at[points[1], "notes"] = "Åtgärd: 1,5 m staket; se plan \"B\"\nUppföljs 2025"
    frame.at[points[2], "predecessors"] = ["DEMO-0123-01", "DEMO-0126-04"]
    frame.at[polygons[1], "status"] = None
    frame.at[polygons[1], "impact"] = pd.NA
    frame["area_m2"] = area_m2(frame.geometry)
    survey = Survey("analys-2024", "Analys", dt.date(2024, 3, 1), SurveyKind.UPPFOLJNING, "test", False)
    dash.store.add_survey(survey, frame, actor="test")
    stored = dash.store.scenes(survey.id)
    assert set(stored.geom_type) == {"Point", "Polygon", "MultiPolygon"}
    assert stored["stadsdel"].notna().any()
    assert stored["impact"].isna().any()
    return survey.id


def _tags(frame: gpd.GeoDataFrame) -> list[list[object]]:
    """The tags of each scene, in scene id order, with an empty text and a missing value alike."""
    frame = frame.sort_values("scene_id")
    return [[(None if pd.isna(v) else int(v)) if c == "impact" else (list(v) if isinstance(v, list) else (v or None))
             for c, v in zip(TAGS, row, strict=True)] for row in frame[TAGS].itertuples(index=False)]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_reimports_unchanged(dash: Dashboard, fmt: str) -> None:
    """Every export of a survey with points, polygons and a multipolygon re-imports to the same scenes, on both
    backends: ids, tags, geometry types; each area and the total within 0.5 m², each geometry within 5 cm."""
    survey_id = _analyst_survey(dash)
    stored = dash.store.scenes(survey_id).sort_values("scene_id").reset_index(drop=True)
    suffix, _ = file_type(fmt)
    check = dash.check_upload(f"export{suffix}", dash.export(survey_id, fmt, precision="exact", lang="sv"),
                              survey_date=dash.survey(survey_id).date)
    assert check.ok, report_table(check.result.problems, "en")
    assert check.result.warnings == []
    again = check.frame.sort_values("scene_id").reset_index(drop=True)
    assert list(again["scene_id"]) == list(stored["scene_id"])
    assert _tags(again) == _tags(stored)
    assert list(again.geom_type) == list(stored.geom_type)
    np.testing.assert_allclose(again["area_m2"], stored["area_m2"], atol=0.5, rtol=0)  # NaN (points) on both sides
    assert abs(again["area_m2"].sum() - stored["area_m2"].sum()) <= 0.5
    moved = shapely.hausdorff_distance(again.geometry.to_crs(SWEREF99TM).to_numpy(),
                                       stored.geometry.to_crs(SWEREF99TM).to_numpy())
    assert float(moved.max()) <= 0.05


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""), delimiter=";"))


def test_csv_is_for_swedish_excel(demo: Dashboard) -> None:
    """`;`, decimal comma, UTF-8 with BOM, CRLF; SWEREF 99 TM northing/easting, WKT only for polygons, no lat/lon."""
    data = demo.export("demo-2024-02", "csv", precision="exact", lang="sv")
    assert data.startswith(BOM)
    assert data.count(b"\r\n") == 54
    assert data.count(b"\n") == 54
    header, *rows = _csv_rows(data)
    assert header == EXPORT_COLUMNS
    assert not {"lat", "lon"} & set(header)
    assert len(rows) == 53
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    assert all(re.fullmatch(r"6\d{6},\d\d", c["northing"]) and re.fullmatch(r"[5-7]\d{5},\d\d", c["easting"])
               for c in cells)
    polygons = [c for c in cells if c["wkt"]]
    assert len(polygons) == 12
    assert all(c["wkt"].startswith("POLYGON ((") for c in polygons)
    assert all(re.fullmatch(r"\d+,\d", c["area_m2"]) for c in polygons)
    assert all(c["area_m2"] == "" for c in cells if not c["wkt"])
    x, y = shapely.from_wkt(polygons[0]["wkt"]).exterior.coords[0]
    assert 200_000 < x < 1_000_000
    assert 6_100_000 < y < 7_700_000
    assert {c["categories"] for c in cells} >= {"utsatt_omrade;social_utsatthet"}


def test_xlsx_has_the_code_lists(demo: Dashboard) -> None:
    """Sheet Scener (numbers as numbers) and the template's code-list sheets."""
    book = openpyxl.load_workbook(io.BytesIO(demo.export("demo-2024-02", "xlsx", precision="exact", lang="sv")))
    assert book.sheetnames == SHEETS
    rows = list(book["Scener"].iter_rows(values_only=True))
    assert list(rows[0]) == EXPORT_COLUMNS
    assert len(rows) == 54
    first = dict(zip(EXPORT_COLUMNS, rows[1], strict=True))
    assert isinstance(first["northing"], float)
    assert isinstance(first["easting"], float)
    assert first["kommun_kod"] == "0123"
    assert first["wkt"] is None
    assert first["area_m2"] is None
    assert any(isinstance(r[EXPORT_COLUMNS.index("area_m2")], float) for r in rows[1:])
    assert book["Kommuner"].max_row == 27
    assert book["Kategorier"]["A1"].value == "code"


def test_gpkg_is_sweref_with_polygons(demo: Dashboard, tmp_path: Path) -> None:
    """Layer "scener" in EPSG:3006; polygons stay polygons; lists `;`-joined."""
    path = tmp_path / "s.gpkg"
    path.write_bytes(demo.export("demo-2024-02", "gpkg", precision="exact", lang="sv"))
    info = pyogrio.read_info(path)
    assert (info["layer_name"], info["crs"], info["features"]) == ("scener", "EPSG:3006", 53)
    frame = pyogrio.read_dataframe(path)
    assert frame.geom_type.value_counts().to_dict() == {"Point": 41, "Polygon": 12}
    assert "utsatt_omrade;social_utsatthet" in set(frame["categories"])


@pytest.mark.parametrize("formula", ["=1+1", "@SUM(A1)", "+46 8 123", "-2+3", '=HYPERLINK("http://x")'])
def test_formulas_are_neutralised(demo: Dashboard, formula: str) -> None:
    """Formula-like text gets a leading quote in the CSV and is a text cell (never a formula) in the .xlsx;
    numbers are left alone."""
    frame = demo.store.scenes("demo-2024-02")
    frame.loc[0, "name"] = formula
    frame.loc[1, "notes"] = formula
    header, *rows = _csv_rows(export_scenes(frame, "csv", demo.reference))
    assert (rows[0][header.index("name")], rows[1][header.index("notes")]) == ("'" + formula, "'" + formula)
    assert all(not row[header.index("northing")].startswith("'") for row in rows)
    data = export_scenes(frame, "xlsx", demo.reference)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Scener"]
    cells = [sheet.cell(2, EXPORT_COLUMNS.index("name") + 1), sheet.cell(3, EXPORT_COLUMNS.index("notes") + 1)]
    assert [(c.value, c.data_type) for c in cells] == [(formula, "s"), (formula, "s")]
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def test_formats_and_errors(demo: Dashboard) -> None:
    """Each format has its suffix and MIME type; an unknown format and a generalised workbook are clear errors."""
    assert file_type("xlsx")[0] == ".xlsx"
    assert file_type("gpkg") == (".gpkg", "application/geopackage+sqlite3")
    with pytest.raises(ScenesError, match="Unknown export format"):
        demo.export("demo-2024-02", "shp", precision="exact", lang="sv")
    with pytest.raises(ScenesError, match="generalised"):
        demo.export("demo-2024-02", "xlsx", precision="generalised", lang="sv")
    assert demo.export("demo-2024-02", "csv", precision="generalised", lang="sv").startswith(BOM)


def test_generalised_geojson_is_counts_per_municipality(demo: Dashboard) -> None:
    """The participants' GeoJSON: one feature per municipality with scenes (no ids), its code, name, count and the
    count in words, on the municipality's shape; nothing else."""
    collection = json.loads(demo.export("demo-2024-02", "geojson", precision="generalised", lang="en"))
    features = collection["features"]
    assert set(collection) == {"type", "features"}
    assert features
    assert {tuple(f) for f in features} == {("type", "properties", "geometry")}
    assert {tuple(f["properties"]) for f in features} == {("kommun_kod", "kommun", "scenes", "scenes_text")}
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}
    shown = [f["properties"] for f in features]
    assert all(p["scenes"] is None or (type(p["scenes"]) is int and p["scenes"] >= 3) for p in shown)
    assert all(p["scenes_text"] == str(p["scenes"]) for p in shown if p["scenes"] is not None)
