"""Uploads: every accepted format, a table of bad inputs with the expected problem, round trip, atomicity.

Files are built by the tests from small, documented rows (see `_row`): real CSV bytes in the encodings Excel
writes, real .xlsx workbooks (openpyxl), GeoJSON and GeoPackage written by GeoPandas, in WGS 84 and SWEREF 99 TM.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import Point

from scenes.errors import ScenesError, StoreError
from scenes.ingest.upload import UploadCheck, check_upload, report_table
from scenes.io.bounded import Limits
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.settings import Settings
from scenes.store import Store
from scenes.views.dashboard import Dashboard

# Points inside their municipalities (checked against the shipped boundaries by the tests themselves).
BOTKYRKA = (59.2005, 17.8297)
SODERMALM = (59.3146, 18.0714)  # Stockholm city
SODERTALJE = (59.1955, 17.6253)
GOTHENBURG = (57.7089, 11.9746)


def _row(**overrides: str) -> dict[str, str]:
    """A valid Botkyrka row in Swedish headers; override any cell."""
    row = {"id": "T1", "namn": "Testplats", "kommun": "Botkyrka", "lokalpolisområde": "", "stadsdel": "",
           "kategori": "utsatt_omrade", "status": "aktiv", "otrygghet": "3", "lat": "59,2005", "lon": "17,8297",
           "anteckning": ""}
    row.update(overrides)
    return row


def _csv(rows: list[dict[str, str]], sep: str = ";", encoding: str = "utf-8") -> bytes:
    header = list(rows[0]) if rows else list(_row())
    lines = [sep.join(header)]
    for r in rows:
        cells = []
        for h in header:
            v = r.get(h, "")
            cells.append(f'"{v}"' if (sep in v or "\n" in v or '"' in v) else v)
        lines.append(sep.join(cells))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _xlsx(rows: list[dict[str, str]], *, blank_rows: int = 0, sheet: str = "Scener") -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Info"
    ws.append(["Kartläggning, exempelfil"])
    data = book.create_sheet(sheet)
    for _ in range(blank_rows):
        data.append(["Rubrik ovanför tabellen"])
    data.append(list(rows[0]))
    for r in rows:
        data.append(list(r.values()))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check(ref: Reference, name: str, data: bytes, **kw: object) -> UploadCheck:
    limits = Limits(max_bytes=int(kw.pop("max_bytes", 5_000_000)), max_rows=int(kw.pop("max_rows", 1000)))  # type: ignore[call-overload]
    return check_upload(name, data, ref, limits=limits, **kw)  # type: ignore[arg-type]


def _geo_file(ref: Reference, driver: str, crs: int, suffix: str, tmp_path: Path) -> bytes:
    frame = gpd.GeoDataFrame({
        "scene_id": ["G1", "G2"], "name": ["Punkt", "Yta"],
        "categories": ["utsatt_omrade", "festmiljo;social_utsatthet"],
        "lokalpolisomrade": ["", "sodermalm"],
    }, geometry=[Point(BOTKYRKA[1], BOTKYRKA[0]),
                 Point(SODERMALM[1], SODERMALM[0]).buffer(0.001)], crs=4326).to_crs(crs)
    path = tmp_path / f"f{suffix}"
    frame.to_file(path, driver=driver)
    return path.read_bytes()


# -- accepted formats ------------------------------------------------------------------------------------------

def test_swedish_excel_csv(ref: Reference) -> None:
    """Semicolons, decimal commas, Windows-1252 and a quoted note with a newline: one valid scene, tagged."""
    data = _csv([_row(anteckning="rad ett\nrad två; med semikolon")], encoding="cp1252")
    check = _check(ref, "kartläggning.csv", data)
    assert check.ok, report_table(check.result.problems, "en")
    scene = check.frame.iloc[0]
    assert (scene["kommun_kod"], scene["lokalpolisomrade"], scene["notes"]) == (
        "0127", "botkyrka", "rad ett\nrad två; med semikolon")
    notes = [n.message for n in check.result.notes]
    assert "encoding: Windows-1252" in notes
    assert "separator: ;" in notes


@pytest.mark.parametrize(("sep", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-8"), (";", "utf-8")])
def test_other_csv_dialects(ref: Reference, sep: str, encoding: str) -> None:
    """Comma with BOM, tab, and semicolon in UTF-8 all read (a decimal comma is quoted where the separator is ,)."""
    check = _check(ref, "f.csv", _csv([_row(), _row(id="T2", lat="59.2005", lon="17.8297")], sep, encoding))
    assert check.ok
    assert len(check.frame) == 2


def test_english_headers_any_case(ref: Reference) -> None:
    """English headers in any case and spacing map to the same fields."""
    rows = [{"Scene ID": "E1", "NAME": "Place", "Category": "festmiljo", "Latitude": "59.3146",
             "Longitude": "18.0714", "District": "Södermalm"}]
    check = _check(ref, "en.csv", _csv(rows, ","))
    assert check.ok
    assert check.frame.iloc[0]["lokalpolisomrade"] == "sodermalm"


def test_xlsx_with_header_below_a_title(ref: Reference) -> None:
    """An .xlsx whose table starts on row 3 of its second sheet is found, and the sheet can also be chosen."""
    data = _xlsx([_row(), _row(id="T2")], blank_rows=2)
    found = _check(ref, "f.xlsx", data)
    chosen = _check(ref, "f.xlsx", data, sheet="Scener")
    wrong = _check(ref, "f.xlsx", data, sheet="Info")
    assert found.ok
    assert found.sheets == ["Info", "Scener"]
    assert "sheet: Scener" in [n.message for n in found.result.notes]
    assert chosen.ok
    assert len(chosen.frame) == 2
    assert "header row: 3" in [n.message for n in chosen.result.notes]
    assert chosen.frame.iloc[0]["scene_id"] == "T1"
    assert [p.row for p in chosen.result.problems] == []
    assert [p.code for p in wrong.result.problems] == ["no_header"]


@pytest.mark.parametrize(("driver", "suffix", "crs"), [("GeoJSON", ".geojson", 4326), ("GeoJSON", ".geojson", 3006),
                                                       ("GPKG", ".gpkg", 3006)])
def test_geo_formats(ref: Reference, tmp_path: Path, driver: str, suffix: str, crs: int) -> None:
    """GeoJSON and GeoPackage, in WGS 84 or SWEREF 99 TM, points and polygons; polygon area in m²."""
    check = _check(ref, f"f{suffix}", _geo_file(ref, driver, crs, suffix, tmp_path))
    assert check.ok, report_table(check.result.problems, "en")
    frame = check.frame.set_index("scene_id")
    assert list(frame["kommun_kod"]) == ["0127", "0180"]
    assert frame.loc["G2", "categories"] == ["festmiljo", "social_utsatthet"]
    # a 0.001° buffer at 59.3° N is an ellipse of ~57 m x 111 m: ~2.0 ha
    assert 18_000 < frame.loc["G2", "area_m2"] < 22_000


@pytest.mark.parametrize(("columns", "note"), [(("x", "y"), "X read as northing"), (("y", "x"), "X read as easting")])
def test_sweref_x_and_y_decided_from_values(ref: Reference, columns: tuple[str, str], note: str) -> None:
    """SWEREF 99 TM in X/Y columns, in either order: the values decide which is the northing, and it says so."""
    n, e = "6566000", "661000"  # Botkyrka
    rows = [{"id": "S1", "namn": "Sweref", "kategori": "utsatt_omrade", columns[0]: n, columns[1]: e}]
    check = _check(ref, "s.csv", _csv(rows))
    assert check.ok
    assert check.frame.iloc[0]["kommun_kod"] == "0127"
    assert any(note in n_.message for n_ in check.result.notes)


def test_wkt_column(ref: Reference) -> None:
    """A WKT column (polygon) is read and its area computed in EPSG:3006."""
    wkt = "POLYGON ((17.829 59.200, 17.831 59.200, 17.831 59.201, 17.829 59.201, 17.829 59.200))"
    rows = [{"id": "W1", "namn": "Yta", "kategori": "utsatt_omrade", "wkt": wkt}]
    check = _check(ref, "w.csv", _csv(rows))
    assert check.ok
    assert round(check.frame.iloc[0]["area_m2"] / 1000) == 13


# -- bad inputs -------------------------------------------------------------------------------------------------

Case = tuple[str, Callable[[], tuple[str, bytes]], str, str | None, dict[str, object]]
POLY_BOWTIE = "POLYGON ((17.829 59.200, 17.831 59.201, 17.831 59.200, 17.829 59.201, 17.829 59.200))"


def _csv_file(*rows: dict[str, str], name: str = "f.csv") -> Callable[[], tuple[str, bytes]]:
    return lambda: (name, _csv(list(rows)))


BAD: list[Case] = [
    ("empty file", lambda: ("f.csv", b""), "empty_file", None, {}),
    ("header only", lambda: ("f.csv", _csv([])), "no_rows", None, {}),
    ("pdf", lambda: ("f.pdf", b"%PDF-1.4"), "wrong_type", None, {}),
    ("xlsx named csv", lambda: ("f.csv", _xlsx([_row()])), "type_mismatch", None, {}),
    ("csv named xlsx", lambda: ("f.xlsx", _csv([_row()])), "type_mismatch", None, {}),
    ("binary named csv", lambda: ("f.csv", b"\x00\x01\x02" * 50), "type_mismatch", None, {}),
    ("too large", lambda: ("f.csv", _csv([_row()])), "too_large", None, {"max_bytes": 50}),
    ("too many rows", lambda: ("f.csv", _csv([_row(), _row(id="T2")])), "too_many_rows", None, {"max_rows": 1}),
    ("broken geojson", lambda: ("f.geojson", b'{"type": "FeatureCollection", "features": ['), "unreadable_geojson",
     None, {}),
    ("xlsx without header", lambda: ("f.xlsx", _xlsx([{"a": "1", "b": "2"}])), "no_header", None, {}),
    ("no id column", _csv_file({k: v for k, v in _row().items() if k != "id"}), "missing_column", "scene_id", {}),
    ("no category column", _csv_file({k: v for k, v in _row().items() if k != "kategori"}), "missing_column",
     "categories", {}),
    ("no coordinates", _csv_file({"id": "T1", "namn": "x", "kategori": "festmiljo"}), "no_geometry", None, {}),
    ("two name columns", _csv_file({**_row(), "name": "dubbel"}), "duplicate_column", "name", {}),
    ("empty id", _csv_file(_row(id="")), "required", "id", {}),
    ("bad id", _csv_file(_row(id="A 1/2")), "bad_id", "id", {}),
    ("duplicate id", _csv_file(_row(), _row(namn="Annan")), "duplicate_id", "id", {}),
    ("empty name", _csv_file(_row(namn="")), "required", "namn", {}),
    ("latitude text", _csv_file(_row(lat="norr")), "bad_coordinate", "lat", {}),
    ("outside county", _csv_file(_row(lat=str(GOTHENBURG[0]), lon=str(GOTHENBURG[1]))), "outside_county", None, {}),
    ("misspelt police area", _csv_file(_row(**{"lokalpolisområde": "Södertäje"})), "unknown_police_area",
     "lokalpolisområde", {"suggestion": "Södertälje"}),
    ("Stockholm without police area", _csv_file(_row(kommun="Stockholm", lat="59,3146", lon="18,0714")),
     "police_area_required", None, {}),
    ("misspelt district", _csv_file(_row(kommun="Stockholm", stadsdel="Sodermalmen", lat="59,3146", lon="18,0714")),
     "unknown_district", "stadsdel", {"suggestion": "Södermalm"}),
    ("misspelt category", _csv_file(_row(kategori="utsat_omrade")), "unknown_category", "kategori",
     {"suggestion": "utsatt_omrade"}),
    ("ambiguous category", _csv_file(_row(kategori="utsatt")), "unknown_category", "kategori",
     {"suggestion": None}),  # "utsatt område" or "social utsatthet": no guess is offered
    ("unknown status", _csv_file(_row(status="stängd")), "unknown_status", "status", {}),
    ("impact out of range", _csv_file(_row(otrygghet="7")), "bad_impact", "otrygghet", {}),
    ("impact not a number", _csv_file(_row(otrygghet="hög")), "bad_impact", "otrygghet", {}),
    ("bad WKT", _csv_file({"id": "W", "namn": "x", "kategori": "festmiljo", "wkt": "POLYGON ((1 2"}), "bad_wkt", "wkt",
     {}),
]


@pytest.mark.parametrize(("label", "build", "code", "column", "extra"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_is_reported(ref: Reference, label: str, build: Callable[[], tuple[str, bytes]], code: str,
                               column: str | None, extra: dict[str, object]) -> None:
    """Each bad input yields its specific problem (column and suggestion where given) and blocks publishing."""
    name, data = build()
    kw = {k: v for k, v in extra.items() if k in ("max_bytes", "max_rows")}
    check = _check(ref, name, data, **kw)
    matching = [p for p in check.result.problems if p.code == code]
    assert not check.ok
    assert matching, [(p.code, p.column) for p in check.result.problems]
    if column is not None:
        assert matching[0].column == column
    if "suggestion" in extra:
        assert matching[0].suggestion == extra["suggestion"]
    if matching[0].row is not None:
        assert matching[0].row >= 2  # spreadsheet numbering: row 1 is the header


@pytest.mark.parametrize(("label", "rows", "code"), [
    ("stated municipality differs", [_row(kommun="Huddinge")], "municipality_mismatch"),
    ("municipality without diacritics", [_row(kommun="Sodertalje", lat="59,1955", lon="17,6253")],
     "unknown_municipality"),
    ("misspelt name of another municipality", [_row(kommun="Upplands Bro")], "municipality_name_mismatch"),
    ("category label instead of code", [_row(kategori="Social utsatthet")], "category_label"),
    ("self-intersecting polygon", [{"id": "P", "namn": "x", "kategori": "festmiljo", "wkt": POLY_BOWTIE}],
     "repaired_polygon"),
    ("unknown extra column", [{**_row(), "färg": "röd"}], "unknown_column"),
])
def test_warnings_do_not_block(ref: Reference, label: str, rows: list[dict[str, str]], code: str) -> None:
    """Warnings are reported but the file can still be published (geometry decides the municipality)."""
    check = _check(ref, "w.csv", _csv(rows))
    assert check.ok
    assert [p.code for p in check.result.warnings] == [code]


def test_every_problem_at_once(ref: Reference) -> None:
    """Problems in several rows and columns are all reported in one pass."""
    rows = [_row(kommun="Sodertalje", lat="59,1955", lon="17,6253"), _row(namn="", kategori="x"), _row(id="T3",
            lat="57,7", lon="11,97")]
    check = _check(ref, "m.csv", _csv(rows))
    assert {(p.row, p.code) for p in check.result.errors} >= {
        (3, "duplicate_id"), (3, "required"), (3, "unknown_category"), (4, "outside_county")}
    assert (2, "unknown_municipality") in {(p.row, p.code) for p in check.result.warnings}


def test_boundary_point_gets_a_deterministic_municipality(ref: Reference) -> None:
    """A point exactly on a shared boundary is given the lowest municipality code, whatever the row order."""
    shapes = ref.boundaries.set_index("kommun_kod").geometry
    shared = shapes["0126"].boundary.intersection(shapes["0127"].boundary)
    point = shared.representative_point() if not shared.is_empty else None
    assert point is not None
    rows = [_row(id="B1", lat=f"{point.y:.12f}", lon=f"{point.x:.12f}", kommun="")]
    check = _check(ref, "b.csv", _csv(rows, ","))
    assert check.frame.iloc[0]["kommun_kod"] == "0126"


def test_report_is_translated(ref: Reference) -> None:
    """The report table speaks Swedish or English; the same problems either way."""
    check = _check(ref, "f.csv", _csv([_row(kommun="Sodertalje", lat="59,1955", lon="17,6253")]))
    sv, en = report_table(check.result.problems, "sv"), report_table(check.result.problems, "en")
    assert list(sv["Problem"]) == ["Okänd kommun; platsen ligger i Södertälje, som används."]
    assert list(en["Problem"]) == ["Unknown municipality; the location lies in Södertälje, which is used."]
    assert list(sv["Förslag"]) == list(en["Suggestion"]) == ["Södertälje"]


# -- publish, revisions, round trip, atomicity ---------------------------------------------------------------------

#: The demo's surveys name Norrmalm police area, which ended on 2024-12-31: they are re-imported for a 2024 survey.
DAY = dt.date(2024, 6, 1)


def _survey(sid: str = "u1") -> Survey:
    return Survey(sid, "Uppladdad", DAY, SurveyKind.UPPFOLJNING, "test", False)


def test_round_trip_export_import_export(demo: Dashboard) -> None:
    """Exporting a survey, importing the file and exporting again gives the same scenes and attributes.

    GeoJSON and GeoPackage are exact; CSV and .xlsx round their SWEREF 99 TM coordinates (test_exports.py).
    """
    for fmt, suffix in (("geojson", ".geojson"), ("gpkg", ".gpkg")):
        data = demo.export("demo-2024-02", fmt, precision="exact", lang="sv")
        check = demo.check_upload(f"e{suffix}", data, survey_date=DAY)
        assert check.ok, report_table(check.result.problems, "en")
        new_id, _ = demo.publish(check, survey=_survey(f"rt-{fmt}"), actor="test")
        again = json.loads(demo.export(new_id, "geojson", precision="exact", lang="sv"))["features"]
        original = json.loads(demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))["features"]
        strip = [{**f, "properties": {k: v for k, v in f["properties"].items() if k != "survey_id"}}
                 for f in original]
        assert [{**f, "properties": {k: v for k, v in f["properties"].items() if k != "survey_id"}}
                for f in again] == strip


def test_revision_and_rollback(demo: Dashboard) -> None:
    """A corrected upload becomes revision 2 (revision 1 kept); rollback makes revision 1 current again."""
    check = demo.check_upload("fix.geojson", demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"),
                              survey_date=DAY)
    real, _ = demo.publish(check, survey=_survey("real-2024"), actor="analyst")
    trimmed = UploadCheck(check.file_name, check.sha256, check.size, check.raw, check.result, survey_date=DAY)
    trimmed.result.frame = check.frame.iloc[:50]
    survey_id, revision = demo.publish(trimmed, revise=real, actor="analyst", note="three removed")
    assert (survey_id, revision, len(demo.store.scenes(real))) == (real, 2, 50)
    version = demo.store.data_version()
    demo.rollback(real, 1, actor="analyst")
    assert demo.store.data_version() == version + 1  # caches refresh after a rollback
    assert len(demo.store.scenes(real)) == 53
    revisions = demo.store.revisions(real)
    assert list(revisions["revision"]) == [1, 2]
    assert list(revisions["current"]) == [True, False]
    actions = list(demo.store.audit()["action"])[:2]
    assert actions == ["rollback", "revise"]
    assert demo.store.audit().iloc[1]["sha256"] == check.sha256


def test_demo_survey_is_never_revised(demo: Dashboard) -> None:
    """A demo survey takes no revision: real data is published as a survey of its own."""
    check = demo.check_upload("fix.geojson", demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    with pytest.raises(ScenesError, match="demo survey"):
        demo.publish(check, revise="demo-2024-02", actor="analyst")
    assert list(demo.store.revisions("demo-2024-02")["revision"]) == [1]


def test_published_survey_cannot_be_replaced_by_import(demo: Dashboard) -> None:
    """Importing under an existing id is refused, pointing to revisions; the data stays."""
    check = demo.check_upload("e.geojson", demo.export("demo-2021", "geojson", precision="exact", lang="sv"))
    with pytest.raises(StoreError, match="revision"):
        demo.publish(check, survey=_survey("demo-2024-02"), actor="test")
    assert len(demo.store.scenes("demo-2024-02")) == 53


def test_failed_import_leaves_store_byte_for_byte(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure injected after the first chunk of rows is written rolls everything back: the file is unchanged."""
    dash = Dashboard(settings)
    dash.init(demo=True)
    db_file = settings.state_dir / "scenes.db"
    dash.store.engine.dispose()
    before = db_file.read_bytes()
    check = dash.check_upload("e.geojson", dash.export("demo-2021", "geojson", precision="exact", lang="sv"))
    calls = {"n": 0}
    original = Store._insert_chunk

    def failing(self: Store, conn, rows):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full (injected)")
        original(self, conn, rows)

    monkeypatch.setattr(Store, "CHUNK", 10)
    monkeypatch.setattr(Store, "_insert_chunk", failing)
    with pytest.raises(RuntimeError, match="injected"):
        dash.publish(check, survey=_survey("halfway"), actor="test")
    dash.store.engine.dispose()
    assert calls["n"] == 2
    assert db_file.read_bytes() == before


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_template_validates_and_lists_codes(ref: Reference, kind: str) -> None:
    """The downloadable template (CSV and XLSX) is itself a valid upload; the workbook has the code lists."""
    from scenes.render.template import template_csv, template_xlsx

    data = template_csv().encode() if kind == "csv" else template_xlsx(ref)
    check = _check(ref, f"mall.{kind}", data)
    assert check.ok
    assert check.frame.iloc[0]["kommun_kod"] == "0127"
    if kind == "xlsx":
        sheets = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
        assert {"Kommuner", "Lokalpolisområden", "Stadsdelar", "Kategorier", "Status"} <= set(sheets)


@pytest.mark.parametrize(("name", "expected"), [
    ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"), ("urn:ogc:def:crs:EPSG::3006", "EPSG:3006"),
    ("EPSG:3006", "EPSG:3006"), ("urn:ogc:def:crs:EPSG::14326", None),
])
def test_geojson_crs_names_are_read_by_pyproj(name: str, expected: str | None) -> None:
    """A GeoJSON 'crs' member is whatever pyproj reads it as: CRS84 is WGS 84; a name that merely ends like a
    known code (EPSG::14326) is not taken for it but refused as unknown."""
    from scenes.errors import ValidationFailed
    from scenes.ingest.readers import read_file

    data = json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": name}},
                       "features": [{"type": "Feature", "properties": {"scene_id": "a"},
                                     "geometry": {"type": "Point", "coordinates": [674000, 6580000]}}]})
    if expected is None:
        with pytest.raises(ValidationFailed) as caught:
            read_file("a.geojson", data.encode(), Limits())
        assert [p.code for p in caught.value.problems] == ["unknown_crs"]
    else:
        raw = read_file("a.geojson", data.encode(), Limits())
        assert raw.geometry is not None
        assert raw.geometry.crs.to_string() == expected
