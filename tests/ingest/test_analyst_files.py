"""Analysts' files in and out (issue 12): readers, geometry rules, suggestions applied, the preview's guards.

Every file is built here as the tool that writes it would (Excel's `sep=` line and "Unicode text", macOS's
decomposed names, QGIS's GeoPackage in a local CRS, hand-edited GeoJSON) and checked through the same entry
point the page and the command line use.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from pyproj import CRS
from shapely.geometry import LineString, MultiPoint, Point, Polygon

from scenes.domain.seminars import read_seminar_csv
from scenes.errors import ValidationFailed
from scenes.ingest.upload import UploadCheck, check_upload
from scenes.io.bounded import Limits, detect_separator
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.views.dashboard import Dashboard

BOTKYRKA = (59.2005, 17.8297)
GOTHENBURG = (57.7089, 11.9746)
HEADER = "id;namn;kommun;kategori;lat;lon"
ANALYST = "analytiker"


def _check(ref: Reference, name: str, data: bytes, **limits: int) -> UploadCheck:
    return check_upload(name, data, ref, limits=Limits(**limits))


def _codes(check: UploadCheck) -> set[str]:
    return {p.code for p in check.result.problems}


def _geojson(features: list[object], **extra: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", **extra, "features": features}).encode()


def _feature(geometry: object, scene_id: str = "G1", **props: object) -> dict[str, object]:
    return {"type": "Feature", "properties": {"scene_id": scene_id, "name": "Plats", "categories": "festmiljo",
                                              **props}, "geometry": geometry}


# -- what common tools write -------------------------------------------------------------------------------------

def test_excel_sep_line_is_honoured(ref: Reference) -> None:
    data = f"sep=;\r\n{HEADER}\r\nA1;Torget;Botkyrka;festmiljo;59,2005;17,8297\r\n".encode()
    check = _check(ref, "sep.csv", data)
    assert check.ok
    assert len(check.frame) == 1
    assert "note_sep_line" in {n.code for n in check.result.notes}


def test_excel_unicode_text_utf16_tab(ref: Reference) -> None:
    """Excel's "Unicode text": UTF-16 with a byte-order mark, tab separated."""
    text = "id\tnamn\tkommun\tkategori\tlat\tlon\r\nA1\tÅkersberga torg\tBotkyrka\tfestmiljo\t59,2005\t17,8297\r\n"
    check = _check(ref, "unicode.txt", text.encode("utf-16"))
    assert check.ok
    assert check.frame.iloc[0]["name"] == "Åkersberga torg"
    assert {n.params.get("encoding") for n in check.result.notes} >= {"UTF-16"}


def test_decomposed_unicode_is_normalised(ref: Reference) -> None:
    """macOS writes å/ä/ö decomposed: headers and names still match, and names are stored composed."""
    text = "id;namn;kommun;lokalpolisområde;kategori;lat;lon\r\nA1;Södertälje C;Södertälje;Södertälje;festmiljo;" \
           "59,1955;17,6253\r\n"
    check = _check(ref, "nfd.csv", unicodedata.normalize("NFD", text).encode())
    assert check.ok, check.result.problems
    assert not check.result.warnings
    assert check.frame.iloc[0]["name"] == unicodedata.normalize("NFC", "Södertälje C")


def test_duplicate_header_names_both_columns(ref: Reference) -> None:
    data = b"id;namn;kategori;Namn;lat;lon\r\nA;x;festmiljo;y;59,2;17,8\r\n"
    check = _check(ref, "dup.csv", data)
    [problem] = check.result.problems
    assert problem.code == "duplicate_header"
    assert problem.params["first_at"] == "B"
    assert problem.params["second_at"] == "D"
    assert not check.ok


def test_separator_detection_is_linear_and_quote_aware() -> None:
    assert detect_separator('a;b;"c;d"\n1;2;"3\n;4"\n5;6;7\n') == ";"
    assert detect_separator("a,b,c\n1,2,3\n") == ","
    assert detect_separator("a\tb\tc\n1\t2\t3\n") == "\t"
    assert detect_separator('"' + '","' * 30_000 + '"') in (";", ",", "\t")  # a 90 KB line: answered at once


def test_caps_are_located(ref: Reference) -> None:
    wide = _check(ref, "w.csv", b"id;namn\n" + b"a;" * 50 + b"\n", max_columns=20)
    assert _codes(wide) == {"too_many_columns"}
    assert wide.result.problems[0].row == 2
    long = _check(ref, "l.csv", f"{HEADER}\nA;{'x' * 200};Botkyrka;festmiljo;59,2;17,8\n".encode(), max_cell_chars=100)
    [problem] = long.result.problems
    assert (problem.code, problem.row, problem.column) == ("cell_too_long", 2, "namn")
    rows = _check(ref, "r.csv", (HEADER + "\n" + "A;x;Botkyrka;festmiljo;59,2;17,8\n" * 5).encode(), max_rows=3)
    assert _codes(rows) == {"too_many_rows"}


def test_shifted_columns_are_an_error(ref: Reference) -> None:
    """An unquoted separator inside a cell shifts the row: an error at that row, not a silent shift."""
    data = f"{HEADER}\r\nA1;Torg; norra delen;Botkyrka;festmiljo;59,2005;17,8297\r\n".encode()
    check = _check(ref, "shift.csv", data)
    assert [(p.code, p.row) for p in check.result.problems] == [("extra_cells", 2)]


# -- geometry rules ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("geometry", "kind"), [
    (LineString([(17.82, 59.20), (17.83, 59.21)]), "LineString"),
    (MultiPoint([(17.82, 59.20), (GOTHENBURG[1], GOTHENBURG[0])]), "MultiPoint"),
])
def test_only_points_and_polygons_are_scenes(ref: Reference, geometry: object, kind: str) -> None:
    check = _check(ref, "g.geojson", _geojson([_feature(geometry.__geo_interface__)]))  # type: ignore[attr-defined]
    [problem] = check.result.errors
    assert (problem.code, problem.row, problem.params["type"]) == ("geometry_type", 1, kind)
    assert kind in str(problem)


def test_whole_polygon_must_lie_in_the_county(ref: Reference) -> None:
    """A polygon whose representative point is in Botkyrka but which reaches far outside the county."""
    reaching = Polygon([(17.80, 59.19), (17.86, 59.19), (17.86, 59.23), (17.80, 59.23), (17.80, 59.211),
                        (16.9, 59.206), (17.80, 59.209), (17.80, 59.19)])  # a spike 50 km west, into Sörmland
    inside = Point(BOTKYRKA[1], BOTKYRKA[0]).buffer(0.001)
    check = _check(ref, "p.geojson", _geojson([_feature(reaching.__geo_interface__, "OUT"),
                                               _feature(inside.__geo_interface__, "IN")]))
    assert [(p.code, p.row) for p in check.result.errors] == [("partly_outside_county", 1)]
    assert list(check.frame["scene_id"]) == ["IN"]


def test_wkt_and_coordinates_together(ref: Reference) -> None:
    """Our CSV export gives WKT for polygons and northing/easting for every row: each row uses what it has."""
    wkt = "POLYGON ((1614000 6565000, 1614100 6565000, 1614100 6565100, 1614000 6565100, 1614000 6565000))"
    point = gpd.GeoSeries([Point(BOTKYRKA[1], BOTKYRKA[0])], crs=4326).to_crs(3006).iloc[0]
    polygon_at = gpd.GeoSeries([Point(BOTKYRKA[1], BOTKYRKA[0]).buffer(0.002)], crs=4326).to_crs(3006).iloc[0]
    wkt = polygon_at.wkt
    text = (f"scene_id;name;categories;northing;easting;wkt\r\nP;Punkt;festmiljo;{point.y:.2f};{point.x:.2f};\r\n"
            f'Y;Yta;festmiljo;{point.y:.2f};{point.x:.2f};"{wkt}"\r\n').replace(".", ",", 4)
    check = _check(ref, "mix.csv", text.encode())
    assert check.ok, check.result.problems
    assert list(check.frame.geom_type) == ["Point", "Polygon"]


# -- hostile GeoJSON and GeoPackage: located problems, never a traceback --------------------------------------------

@pytest.mark.parametrize(("label", "data", "code", "row"), [
    ("feature not an object", _geojson(["text", _feature({"type": "Point", "coordinates": [17.83, 59.2]})]),
     "bad_feature", 1),
    ("properties a list", _geojson([{"type": "Feature", "properties": [1, 2], "geometry": None}]), "bad_properties", 1),
    ("property an object", _geojson([_feature({"type": "Point", "coordinates": [17.83, 59.2]}, notes={"a": 1})]),
     "bad_property", 1),
    ("unknown CRS name", _geojson([_feature(None)], crs={"type": "name", "properties": {"name": "urn:nowhere:42"}}),
     "unknown_crs", None),
    ("CRS without name", _geojson([_feature(None)], crs={"type": "name", "properties": ["x"]}), "unknown_crs", None),
    ("coordinates not numbers", _geojson([_feature({"type": "Point", "coordinates": ["a", {}]})]), "bad_geometry", 1),
    ("geometry a string", _geojson([_feature("POINT (1 2)")]), "bad_geometry", 1),
    ("not a collection", b'{"type": "Feature", "geometry": null}', "unreadable_geojson", None),
])
def test_malformed_geojson_is_located(ref: Reference, label: str, data: bytes, code: str, row: int | None) -> None:
    check = _check(ref, "f.geojson", data)
    matching = [p for p in check.result.problems if p.code == code]
    assert matching, (label, [(p.code, str(p)) for p in check.result.problems])
    assert matching[0].row == row
    assert not check.ok


def test_geopackage_in_a_local_crs_is_refused_clearly(ref: Reference, tmp_path: Path) -> None:
    local = CRS.from_wkt('ENGCRS["Lokalt ritsystem",EDATUM["Ritning"],CS[Cartesian,2],AXIS["x",east,ORDER[1],'
                         'LENGTHUNIT["metre",1]],AXIS["y",north,ORDER[2],LENGTHUNIT["metre",1]]]')
    frame = gpd.GeoDataFrame({"scene_id": ["A"], "name": ["x"], "categories": ["festmiljo"]},
                             geometry=[Point(100, 200)], crs=local)
    path = tmp_path / "local.gpkg"
    frame.to_file(path, driver="GPKG", engine="pyogrio")
    check = _check(ref, "local.gpkg", path.read_bytes())
    [problem] = check.result.problems
    assert problem.code == "local_crs"
    assert "SWEREF 99 TM" in str(problem)


def test_unexpected_fault_becomes_one_error_with_a_log_reference(ref: Reference, monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    import scenes.ingest.upload as upload

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("/srv/secret/path.py exploded")
    monkeypatch.setattr(upload, "validate", broken)
    check = _check(ref, "f.csv", f"{HEADER}\nA;x;Botkyrka;festmiljo;59,2;17,8\n".encode())
    [problem] = check.result.problems
    assert problem.code == "internal_error"
    assert "/srv" not in str(problem)
    assert problem.params["reference"] in caplog.text
    assert "Traceback" in caplog.text


def test_streamlit_never_shows_a_stack_trace() -> None:
    import tomllib

    from scenes.settings import PROJECT_ROOT

    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] >= 1


# -- seminar CSV through the same reader ------------------------------------------------------------------------

def test_seminar_csv_as_excel_writes_it(ref: Reference) -> None:
    text = ('sep=;\r\nseminar_id;title;date;programme\r\n'
            'trygg;"Seminarium ""Trygghet""";2026-05-04;"09:00 | Välkommen | Länsstyrelsen\r\n10:00 | Paus"\r\n'
            'andra;Öppna scener – uppföljning;2026-06-01;\r\n')
    items = read_seminar_csv(text.encode("cp1252"), ref)
    assert [s.title for s in items] == ['Seminarium "Trygghet"', "Öppna scener – uppföljning"]
    assert [p.title for p in items[0].programme] == ["Välkommen", "Paus"]


def test_seminar_csv_is_bounded(ref: Reference) -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_seminar_csv(b"seminar_id;title\n" + b"a;" * 500 + b"\n", ref, Limits(max_columns=50))
    assert caught.value.problems[0].code == "too_many_columns"


# -- municipality and suggestions -------------------------------------------------------------------------------

@pytest.mark.parametrize("header", ["id;namn;kommun;kategori;lat;lon", "id;namn;kommun_kod;kommun;kategori;lat;lon"])
def test_stated_municipality_is_a_warning_with_or_without_code(ref: Reference, header: str) -> None:
    """The coordinates decide: a misspelt name is a warning with the right name offered, code column or not."""
    code = ";0127" if "kommun_kod" in header else ""
    data = f"{header}\r\nA1;Torget{code};Botkyrkaa;festmiljo;59,2005;17,8297\r\n".encode()
    check = _check(ref, "m.csv", data)
    assert check.ok
    [problem] = check.result.warnings
    assert (problem.code, problem.column, problem.suggestion) == ("unknown_municipality", "kommun", "Botkyrka")


def _misspelt_csv() -> bytes:
    return ("id;namn;kommun;lokalpolisområde;kategori;status;lat;lon\r\n"
            "A1;Torget;Botkyrkaa;Botkyrkka;\"festmiljo; utsat_omrade\";aktiv;59,2005;17,8297\r\n"
            "A2;Parken;Huddinge;;Fest- och nöjesmiljö;Aktv;59,2005;17,8297\r\n").encode()


def test_apply_all_suggestions_and_recheck(demo: Dashboard) -> None:
    check = demo.check_upload("mina-scener.csv", _misspelt_csv())
    assert not check.ok  # the police area and the category are errors
    correction = demo.correct(check)
    assert correction.name == "mina-scener-rattad.csv"
    assert correction.changes == 6
    assert correction.data.startswith("\ufeff".encode())
    again = demo.check_upload(correction.name, correction.data)
    assert again.ok, again.result.problems
    assert not again.result.warnings, again.result.problems
    assert list(again.frame["kommun_kod"]) == ["0127", "0127"]
    assert list(again.frame["categories"]) == [["festmiljo", "utsatt_omrade"], ["festmiljo"]]
    text = correction.data.decode("utf-8-sig")
    assert "Botkyrka;Botkyrka;" in text
    assert "59,2005" in text


def test_apply_suggestions_to_a_workbook(demo: Dashboard) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "namn", "kommun", "kategori", "lat", "lon"])
    sheet.append(["A1", "+1 Torget", "Botkyrkaa", "festmilj", 59.2005, 17.8297])
    buffer = io.BytesIO()
    book.save(buffer)
    check = demo.check_upload("scener.xlsx", buffer.getvalue())
    correction = demo.correct(check)
    assert correction.name == "scener-rattad.xlsx"
    again = demo.check_upload(correction.name, correction.data)
    assert again.ok
    assert again.frame.iloc[0]["name"] == "+1 Torget"
    cell = openpyxl.load_workbook(io.BytesIO(correction.data)).active["B2"]
    assert cell.data_type == "s"  # text, not a formula


# -- the preview guards the figures -----------------------------------------------------------------------------

REAL_DAY = dt.date(2024, 3, 1)


def _real_survey(demo: Dashboard) -> str:
    check = demo.check_upload("start.geojson", demo.export("demo-2021", "geojson", precision="exact", lang="sv"))
    # 2024: the demo's Norrmalm police area ended on 2024-12-31 (a later survey naming it is refused)
    survey = Survey("2024-real", "Kartläggning 2024", REAL_DAY, SurveyKind.KARTLAGGNING, "test", False)
    return demo.publish(check, survey=survey, actor=ANALYST)[0]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson", "gpkg"])
def test_reimporting_an_export_is_a_no_op(dash: Dashboard, fmt: str) -> None:
    """On SQLite and PostgreSQL: the preview says nothing changes, and publishing it as a revision writes nothing."""
    demo = dash
    survey_id = _real_survey(demo)
    data = demo.export(survey_id, fmt, precision="exact", lang="sv")
    check = demo.check_upload(f"export.{fmt}", data, survey_date=REAL_DAY)
    assert check.ok, check.result.errors
    guard = demo.preview(check, survey_id)
    assert guard.unchanged, (guard.changed, guard.flags)
    assert not guard.flags, guard.flags
    assert guard.count_before == guard.count_after
    assert abs(guard.area_after_m2 - guard.area_before_m2) < 1.0
    revisions = len(demo.revisions())
    assert demo.publish(check, revise=survey_id, actor=ANALYST) == (survey_id, 1)
    assert len(demo.revisions()) == revisions  # nothing was written


def test_polygons_lost_on_the_way_are_flagged(demo: Dashboard) -> None:
    """The analyst's SWEREF workflow sent back points only: every polygon is flagged and the totals show it."""
    survey_id = _real_survey(demo)
    frame = demo.scenes(survey_id)
    points = frame.copy()
    points["geometry"] = frame.geometry.representative_point()
    table = pd.DataFrame(points.drop(columns="geometry"))
    projected = points.geometry.to_crs(3006)
    table["northing"], table["easting"] = projected.y.round(2), projected.x.round(2)
    table["categories"] = [";".join(c) for c in table["categories"]]
    table["predecessors"] = [";".join(c) for c in table["predecessors"]]
    table = table.drop(columns=["survey_id", "area_m2"])
    check = demo.check_upload("tillbaka.csv", table.to_csv(sep=";", index=False, decimal=",").encode(),
                              survey_date=REAL_DAY)
    assert check.ok, check.result.errors[:3]
    guard = demo.preview(check, survey_id)
    polygons = int(frame.geom_type.isin(["Polygon", "MultiPolygon"]).sum())
    assert polygons > 0
    assert sum(f.code == "became_point" for f in guard.flags) == polygons
    assert (guard.area_before_m2 or 0) > 0
    assert guard.area_after_m2 is None  # a file of points has no measured area: not 0,0 ha, not -100 %
    assert guard.area_change_pct is None
    assert not guard.unchanged


def test_moves_and_area_changes_are_flagged(demo: Dashboard) -> None:
    survey_id = _real_survey(demo)
    frame = demo.scenes(survey_id)
    polygon = frame.index[frame.geom_type == "Polygon"][0]
    point = frame.index[frame.geom_type == "Point"][0]
    edited = frame.copy()
    projected = edited.geometry.to_crs(3006)
    projected.loc[polygon] = projected.loc[polygon].buffer(60)  # grows the area well past 25 %
    projected.loc[point] = Point(projected.loc[point].x + 800, projected.loc[point].y)  # 800 m east
    edited["geometry"] = projected.to_crs(4326)
    data = json.dumps(json.loads(gpd.GeoDataFrame(edited).drop(columns=["area_m2"]).to_json())).encode()
    check = demo.check_upload("flyttad.geojson", data, survey_date=REAL_DAY)
    guard = demo.preview(check, survey_id)
    flags = {(f.scene_id, f.code) for f in guard.flags}
    assert (frame.loc[polygon, "scene_id"], "area_change") in flags
    assert (frame.loc[point, "scene_id"], "moved") in flags
    moved = next(f for f in guard.flags if f.code == "moved")
    assert 790 < moved.after < 810


def test_what_excel_does_to_an_export_is_undone(demo: Dashboard) -> None:
    """Formula-like text keeps its protective apostrophe only in the file; a municipality code Excel shortened to
    three digits is read as the four-digit code."""
    text = ("scene_id;name;kommun_kod;categories;notes;lat;lon\r\n"
            "A1;'=1+1 Torget;127;festmiljo;'-5 m från bron;59,2005;17,8297\r\n")
    check = demo.check_upload("excel.csv", text.encode())
    assert check.ok, check.result.problems
    assert not check.result.warnings, check.result.problems
    row = check.frame.iloc[0]
    assert (row["name"], row["notes"], row["kommun_kod"]) == ("=1+1 Torget", "-5 m från bron", "0127")


def test_server_upload_cap_follows_the_setting(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app sets Streamlit's server cap (MiB, enforced while the body streams in) from SCENES_MAX_UPLOAD_MB."""
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    from scenes.settings import PROJECT_ROOT

    monkeypatch.setenv("SCENES_MAX_UPLOAD_MB", "25")
    previous = config.get_option("server.maxUploadSize")
    try:
        AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
        assert config.get_option("server.maxUploadSize") == 24  # 25,000,000 bytes is 23.8 MiB: rounded up
    finally:
        config.set_option("server.maxUploadSize", previous)


def test_seminar_csv_line_of_quotes_is_answered_at_once(ref: Reference) -> None:
    """The line that made csv.Sniffer take 49 s (and the server with it) on the seminar import path."""
    from tests.hostile_files import csv_quotes_line

    with pytest.raises(ValidationFailed) as caught:
        read_seminar_csv(csv_quotes_line()[1], ref)
    assert caught.value.problems[0].code == "cell_too_long"


# -- found by a hostile-input review ------------------------------------------------------------------------------

def _gpkg(tmp_path: Path, rows: int = 10) -> Path:
    frame = gpd.GeoDataFrame({"scene_id": [f"G{i}" for i in range(rows)], "name": ["x"] * rows,
                              "categories": ["festmiljo"] * rows},
                             geometry=[Point(BOTKYRKA[1], BOTKYRKA[0])] * rows, crs=4326)
    path = tmp_path / "scener.gpkg"
    frame.to_file(path, driver="GPKG", layer="scener", engine="pyogrio")
    return path


def test_geopackage_feature_count_is_counted_not_trusted(ref: Reference, tmp_path: Path) -> None:
    import sqlite3

    path = _gpkg(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gpkg_ogr_contents SET feature_count = 2")
    check = _check(ref, "scener.gpkg", path.read_bytes())
    assert check.ok
    assert len(check.frame) == 10


def test_geopackage_view_is_refused_unread(ref: Reference, tmp_path: Path) -> None:
    """A layer that is a view runs its SQL on every read (a recursive query can run for ever)."""
    import sqlite3

    path = _gpkg(tmp_path)
    with sqlite3.connect(path) as con:
        con.execute("ALTER TABLE scener RENAME TO scener_data")
        con.execute("CREATE VIEW scener AS SELECT *, (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                    "FROM c) SELECT count(*) FROM c) AS n FROM scener_data")
    check = _check(ref, "scener.gpkg", path.read_bytes())
    assert [p.code for p in check.result.problems] == ["gpkg_not_a_table"]


def test_a_crs_of_another_planet_is_refused(ref: Reference) -> None:
    data = _geojson([_feature({"type": "Point", "coordinates": [17.83, 59.2]})],
                    crs={"type": "name", "properties": {"name": "IAU_2015:49900"}})
    check = _check(ref, "mars.geojson", data)
    assert [p.code for p in check.result.problems] == ["unknown_crs"]


def test_json_number_too_long_to_read(ref: Reference) -> None:
    data = b'{"type": "FeatureCollection", "features": [], "x": ' + b"9" * 5_000 + b"}"
    assert [p.code for p in _check(ref, "n.geojson", data).result.problems] == ["unreadable_geojson"]


def test_nul_characters_never_reach_the_database(ref: Reference) -> None:
    rows = "".join(f"A{i};Plats;Botkyrka;festmiljo;59,2005;17,8297\r\n" for i in range(200))
    data = f"{HEADER}\r\n{rows}B1;Pl\x00ats;Botkyrka;festmiljo;59,2005;17,8297\r\n".encode()
    [problem] = _check(ref, "nul.csv", data).result.problems
    assert (problem.code, problem.row, problem.column) == ("nul_character", 202, "namn")
    with pytest.raises(ValidationFailed):
        read_seminar_csv(b"seminar_id;title\r\nx;Semi\x00narium\r\n", ref)


def test_mixed_encodings_are_located(ref: Reference) -> None:
    """A UTF-8 file with one row appended in Windows-1252 is not read as mojibake."""
    data = f"{HEADER}\r\nA1;Hötorget;Stockholm;festmiljo;59,3350;18,0630\r\n".encode() + \
        "A2;Medborgarplatsen;Stockholm;festmiljo;59,3140;18,0730\r\nA3;Åsö;Stockholm;festmiljo;59,31;18,07\r\n".encode(
            "cp1252")
    [problem] = _check(ref, "mixed.csv", data).result.problems
    assert (problem.code, problem.row) == ("mixed_encoding", 4)


def test_old_mac_line_ends_and_tab_sep_line(ref: Reference) -> None:
    mac = f"{HEADER}\rA1;Torget;Botkyrka;festmiljo;59,2005;17,8297\r".encode()
    assert _check(ref, "mac.csv", mac).ok
    tab = b"sep=\t\r\nid\tnamn\tkategori\tlat\tlon\r\nA1\tTorget\tfestmiljo\t59,2005\t17,8297\r\n"
    assert _check(ref, "tab.csv", tab).ok


def test_title_row_above_the_csv_table(ref: Reference) -> None:
    """As in Excel: a title line above the header (saved as `Kartläggning 2025;;;;;`)."""
    data = f"Kartläggning 2025;;;;;\r\n;;;;;\r\n{HEADER}\r\nA1;Torget;Botkyrka;festmiljo;59,2005;17,8297\r\n".encode()
    check = _check(ref, "titel.csv", data)
    assert check.ok
    assert len(check.frame) == 1
    assert check.result.notes
    assert any(n.code == "note_header_row" and n.params["row"] == 3 for n in check.result.notes)


@pytest.mark.parametrize(("place", "lat", "lon", "code"), [
    ("Stadshuset", 59.3275, 18.0543, "0180"),
    ("Vaxholm, town centre", 59.4025, 18.3515, "0187"),
])
def test_places_outside_the_generalised_boundaries_are_tagged_nearest(ref: Reference, place: str, lat: float,
                                                                       lon: float, code: str) -> None:
    data = f"id;namn;kategori;lokalpolisomrade;lat;lon\r\nA1;{place};festmiljo;norrmalm;{lat};{lon}\r\n".encode()
    check = check_upload("c.csv", data, ref, limits=Limits(), survey_date=dt.date(2024, 6, 1))
    assert check.ok
    assert check.frame.iloc[0]["kommun_kod"] == code
    assert [p.code for p in check.result.warnings] == ["near_boundary"]


def test_long_polygons_preview_in_linear_time(demo: Dashboard) -> None:
    """The preview compares corners in order (Hausdorff distance was quadratic: minutes for 500,000 corners)."""
    import shapely

    survey_id = _real_survey(demo)
    frame = demo.scenes(survey_id)
    big = frame.copy()
    row = big.index[big.geom_type == "Polygon"][0]
    projected = gpd.GeoSeries([big.loc[row, "geometry"]], crs=4326).to_crs(3006)
    dense = shapely.segmentize(projected.iloc[0], 0.05)  # tens of thousands of corners, the same outline
    big.loc[row, "geometry"] = gpd.GeoSeries([dense], crs=3006).to_crs(4326).iloc[0]
    data = json.dumps(json.loads(gpd.GeoDataFrame(big).drop(columns=["area_m2"]).to_json())).encode()
    check = demo.check_upload("tät.geojson", data, survey_date=REAL_DAY)
    assert check.ok, check.result.errors
    guard = demo.preview(check, survey_id)
    assert guard.changed == [frame.loc[row, "scene_id"]]
    assert not guard.flags


def test_unrecognised_header_is_still_the_header(ref: Reference) -> None:
    """No row looks like a header: the first row is the header, so its columns can be mapped on the page."""
    data = "Löpnr;Benämning;Sort;Breddgrad;Längdgrad\r\nA1;Torget;festmiljo;59,2005;17,8297\r\n".encode()
    check = _check(ref, "egna.csv", data)
    unknown = {p.column for p in check.result.problems if p.code == "unknown_column"}
    assert unknown == {"Löpnr", "Benämning", "Sort", "Breddgrad", "Längdgrad"}
    mapping: dict[str, str | None] = {"Löpnr": "scene_id", "Benämning": "name", "Sort": "categories",
                                      "Breddgrad": "lat", "Längdgrad": "lon"}
    mapped = check_upload("egna.csv", data, ref, limits=Limits(), mapping=mapping)
    assert mapped.ok
    assert list(mapped.frame["scene_id"]) == ["A1"]
