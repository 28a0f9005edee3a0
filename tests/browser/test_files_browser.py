"""An analyst's round trip through Excel, in Chromium (issue 12).

Sign in -> download the survey as "CSV för Excel" from the map -> edit it as Excel would (semicolons, decimal
commas, SWEREF 99 TM, the municipality code losing its leading zero, a renamed place, a misspelt municipality and
category, a scene moved 1 km, one gone, one new) -> upload it as a revision -> the report offers the suggestions,
one action per kind applies them and re-checks -> the preview shows the county totals before and after and the
moved scene -> publish -> the store holds exactly the edited survey, polygons and areas kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from scenes.model import Survey, SurveyKind
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.browser.conftest import _serve, screenshot

pytestmark = pytest.mark.browser

ADMIN, PASSWORD = "ada", "ett långt lösenord"
SURVEY = "2025-03-01-kartlaggning-2025"


@pytest.fixture(scope="module")
def real_server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[tuple[str, Path]]:
    """A deployment in real use: an administrator and one published survey (made from the demo file's places)."""
    state = tmp_path_factory.mktemp("browser-files")
    dash = Dashboard(Settings(state_dir=state))
    dash.init(demo=False)
    dash.add_user(ADMIN, PASSWORD, "admin", actor="cli:op")
    data = (PROJECT_ROOT / "data" / "demo" / "demo-2024-02.geojson").read_bytes()
    day = dt.date(2025, 3, 1)
    check = dash.check_upload("kartlaggning-2025.geojson", data, survey_date=day)
    # the demo names Norrmalm police area, which ended on 2024-12-31: its successors by place, as an analyst would
    fixed = dash.correct(check, {"police_area_dissolved"})
    check = dash.check_upload(fixed.name, fixed.data, survey_date=day)
    dash.publish(check, survey=Survey(SURVEY, "Kartläggning 2025", day, SurveyKind.KARTLAGGNING, "test", False),
                 actor=ADMIN)
    dash.store.engine.dispose()
    for url in _serve(state, browser):
        yield url, state


def _edit_as_excel(exported: bytes) -> tuple[bytes, dict[str, str]]:
    """What an analyst does in Excel; returns the file as Excel saves it (Windows-1252) and what was changed."""
    text = exported.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    header = list(rows[0])
    assert {"northing", "easting", "wkt"} <= set(header)
    assert "lat" not in header
    points = [r for r in rows if not r["wkt"]]
    renamed, moved, gone, misspelt = points[0], points[1], points[2], points[3]
    renamed["name"] = "Nytt namn på torget"
    moved["easting"] = f"{float(moved['easting'].replace(',', '.')) + 1000:.2f}".replace(".", ",")
    misspelt["kommun"] = misspelt["kommun"] + "a"  # a typo; the coordinates decide anyway
    misspelt["categories"] = "utsat_omrade"  # a typo the report can fix
    rows.remove(gone)
    for row in rows:
        row["kommun_kod"] = row["kommun_kod"].lstrip("0")  # Excel reads 0127 as the number 127
    rows.append({**{h: "" for h in header}, "scene_id": "NY-1", "name": "Ny plats vid stationen", "kommun": "Botkyrka",
                 "categories": "social_utsatthet", "northing": "6565806,83", "easting": "661595,42"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    changes = {"renamed": renamed["scene_id"], "moved": moved["scene_id"], "gone": gone["scene_id"],
               "misspelt": misspelt["scene_id"]}
    return out.getvalue().encode("cp1252"), changes


def test_round_trip_through_excel(browser: object, real_server: tuple[str, Path], tmp_path: Path) -> None:
    url, state = real_server
    before = Dashboard(Settings(state_dir=state)).scenes(SURVEY)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE",  # type: ignore[attr-defined]
                                  accept_downloads=True)
    page = context.new_page()
    page.goto(url + "/karta")
    page.get_by_role("textbox", name="Användarnamn").fill(ADMIN)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Visar 53 av 53 scener i Kartläggning 2025").wait_for(timeout=30_000)

    with page.expect_download() as download:
        page.get_by_role("button", name="CSV för Excel").click()
    exported = Path(download.value.path()).read_bytes()
    assert exported.startswith("\ufeff".encode())
    edited, changes = _edit_as_excel(exported)
    path = tmp_path / "kartlaggning-2025-andrad.csv"
    path.write_bytes(edited)

    page.get_by_role("link", name="Ladda upp", exact=True).click()
    page.get_by_text("En rättad version av en publicerad kartläggning").click()
    page.get_by_text("Kartläggning som rättas").wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text("Filen har fel och kan inte publiceras").wait_for(timeout=30_000)
    report = page.locator(".st-key-up_errors").inner_text()
    assert "utsatt_omrade" in report  # the suggestion for the misspelt category

    page.get_by_role("button", name="Tillämpa (1)", exact=True).first.click()  # one kind at a time: the category
    page.get_by_text("Kontrollen gäller den rättade filen").wait_for(timeout=30_000)
    page.get_by_text("Scener i länet efter publicering").wait_for(timeout=30_000)
    page.get_by_text("Granska innan du publicerar").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Ladda ned rättad fil").count() == 1
    screenshot(page, "filer-forhandsgranskning-1366")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(800)
    screenshot(page, "filer-forhandsgranskning-1920")

    page.get_by_role("button", name="Publicera").click()
    page.locator('[data-testid="stAlert"]').filter(has_text="revision 2").wait_for(timeout=30_000)
    context.close()

    dash = Dashboard(Settings(state_dir=state))
    after = dash.scenes(SURVEY).set_index("scene_id")
    assert dash.survey(SURVEY).revision == 2
    assert changes["gone"] not in after.index
    assert "NY-1" in after.index
    assert after.loc[changes["renamed"], "name"] == "Nytt namn på torget"
    assert after.loc[changes["misspelt"], "categories"] == ["utsatt_omrade"]
    assert len(after) == len(before)  # one gone, one new
    kept = before[before["scene_id"] != changes["gone"]].set_index("scene_id")
    assert (after.loc[kept.index].geom_type == kept.geom_type).all()  # no polygon became a point
    assert abs(after["area_m2"].sum() - kept["area_m2"].sum()) < 1.0
    same = kept.index.drop(changes["moved"])  # (the moved scene may have crossed a boundary)
    assert (after.loc[same, "kommun_kod"] == kept.loc[same, "kommun_kod"]).all()
    assert after.loc["NY-1", "kommun_kod"] == "0127"


def test_a_file_over_the_cap_is_refused_before_it_is_sent(browser: object, real_server: tuple[str, Path],
                                                          tmp_path: Path) -> None:
    """The uploader knows the cap (from SCENES_MAX_UPLOAD_MB): an 11 MB file is refused in the browser, with the
    limit named, and the server would refuse its body while it streams in."""
    url, _ = real_server
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url + "/ladda-upp")
    page.get_by_role("textbox", name="Användarnamn").fill(ADMIN)
    page.get_by_role("textbox", name="Lösenord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
    big = tmp_path / "stor.csv"
    big.write_bytes(b"scene_id;name\n" + b"x;y\n" * 2_750_000)  # 11 MB
    page.locator("input[type=file]").set_input_files(str(big))
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.get_by_text("stor.csv").wait_for(timeout=30_000)
    # Streamlit's own message (in English), announced to screen readers as the chip's description
    uploader.get_by_text("File must be 10.0MB or smaller").wait_for(state="attached", timeout=30_000)
    assert uploader.locator('[aria-invalid="true"]').count() == 1
    screenshot(page, "filer-for-stor")
    assert page.get_by_text("Filen har fel").count() == 0  # never reached the reader
    context.close()
