"""The status report PDF: a cover page with the key figures, the chart and a map; tables and seminars on page 2;
impact (and later safety and measures) and the sources on page 3; Swedish formatting; the reader's disclosure;
metadata and tags; the shipped font."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.render.charts import to_png
from scenes.render.printmap import print_map, print_map_data
from scenes.render.report import FONT_DIR
from scenes.views.dashboard import Dashboard

PROJECT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The demo report for a cleared reader (sv, en) and for a workshop participant (sv), built once."""
    from scenes.settings import Settings
    from tests.conftest import DATA_DIR

    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("state"), data_dir=DATA_DIR))
    dash.init(demo=True)
    participant = Disclosure.for_precision("generalised", dash.settings.small_count_threshold)
    return {
        "sv": dash.report_pdf(lang="sv", today=TODAY, disclosure=SHOW_ALL, exact=True),
        "en": dash.report_pdf(lang="en", today=TODAY, disclosure=SHOW_ALL, exact=True),
        "participant": dash.report_pdf(lang="sv", today=TODAY, disclosure=participant, exact=False),
        "before_seminar": dash.report_pdf(lang="sv", today=dt.date(2025, 6, 1), disclosure=SHOW_ALL, exact=True),
    }


def test_report_contents_in_swedish(reports: dict[str, bytes]) -> None:
    """Swedish report: four pages (the demo's measures run onto a fourth), the date written out, survey names and
    dates, demo notice, key figures against
    the baseline, the goal, the tables and both seminars."""
    pages = _pages(reports["sv"])
    flat = _flat("\n".join(pages))
    assert len(pages) == 4
    for expected in ("Lägesrapport", "22 november 2026", "Uppföljning februari 2024 (exempel) från 20 februari 2024",
                     "Kartläggning 2021 (exempel) från 1 december 2021", "Exempeldata – fiktiva platser",
                     "-11 (-17 %) mot 64", "högst 32 scener senast 31 december 2027", "Exempelvärde", "Botkyrka",
                     "Haninge-Nynäshamn", "Öppna drogscener i Stockholms läns utsatta", "Trygghet för alla",
                     "sista anmälningsdag var 4 november 2025", "14 september 2022, 13:00–16:30", "Källor"):
        assert expected in flat, expected
    # Dates are written out, not ISO (the source citations in the sources section quote their own dates).
    assert not re.search(r"\d{4}-\d{2}-\d{2}", _flat(pages[0]))
    assert "2026-11-22" not in flat


def test_swedish_number_formatting(reports: dict[str, bytes]) -> None:
    """Numbers as Swedish writes them: a decimal comma (19,3 ha, 52,3 expected) and a space before %."""
    cover = _flat(_pages(reports["sv"])[0])
    assert "19,3" in cover
    assert "52,3" in cover
    assert "53 scener, banan tillåter högst 52 nu" in cover
    assert "-43 % mot utgångsläget" in cover
    english = _flat(_pages(reports["en"])[0])
    assert "19.3" in english
    assert "-43% vs the baseline" in english


def test_report_in_english(reports: dict[str, bytes]) -> None:
    """The English report speaks English, dates included."""
    flat = _flat("\n".join(_pages(reports["en"])))
    assert "Status report" in flat
    assert "Demo data" in flat
    assert "22 November 2026" in flat
    assert "Sources" in flat


def test_cover_page_holds_the_summary(reports: dict[str, bytes]) -> None:
    """Page 1 is the whole summary: the key figures, the goal and status, the chart and the map (two images);
    the tables start on page 2."""
    reader = PdfReader(io.BytesIO(reports["sv"]))
    cover = _flat(reader.pages[0].extract_text())
    for expected in ("53", "Öppna drogscener", "Total yta (ha)", "Kommuner", "av 26 i länet", "Lokalpolisområden",
                     "12", "Mål", "Läge", "Efter planen", "Antal scener över tid",
                     "Karta: Uppföljning februari 2024 (exempel)", "Teckenförklaring"):
        assert expected in cover, expected
    assert len(reader.pages[0].images) == 2  # the progress chart and the map
    assert len(reader.pages[1].images) == 0
    assert "Förändring per kommun" not in cover
    assert "Förändring per kommun" in reader.pages[1].extract_text()


def test_no_tooltip_references(reports: dict[str, bytes]) -> None:
    """Paper has no tooltips: the report points to its sources section instead."""
    for lang in ("sv", "en", "participant"):
        flat = _flat("\n".join(_pages(reports[lang]))).lower()
        assert "verktygstips" not in flat, lang
        assert "tooltip" not in flat, lang
    assert "Källorna listas i avsnittet Källor sist i rapporten" in _flat(_pages(reports["sv"])[0])
    assert "listed in the Sources section" in _flat(_pages(reports["en"])[0])


def test_seminars_upcoming_first(reports: dict[str, bytes]) -> None:
    """Upcoming seminars come first (soonest first), then the past ones."""
    flat = _flat(_pages(reports["before_seminar"])[1])
    order = [flat.index(s) for s in ("Kommande", "Trygghet för alla", "Tidigare Öppna drogscener",
                                     "Öppna drogscener i Stockholms läns utsatta")]
    assert order == sorted(order)
    later = _flat(_pages(reports["sv"])[1])  # after both: none upcoming, said so
    assert "Inga kommande seminarier är inlagda" in later


def test_table_headers_do_not_run_together(reports: dict[str, bytes]) -> None:
    """Each column header stands on its own (the table API gives the columns their widths)."""
    page = _pages(reports["sv"])[1]
    assert "Kommun Tidigare Senare Förändring" in _flat(page)
    assert "TidigareSenare" not in page
    assert "Tidigar e" not in page
    assert "Lokalpolisområde Tidigare Senare Förändring" in _flat(page)


_ROW = re.compile(r"^(?P<label>\D+?) (?P<earlier>skyddad|\d+) (?P<later>skyddad|\d+) (?P<change>[+-]?\d+|–)$")


def _table_rows(page: str) -> list[dict[str, str]]:
    return [m.groupdict() for line in page.splitlines() if (m := _ROW.match(line.strip()))]


def test_participant_report_hides_small_counts(reports: dict[str, bytes]) -> None:
    """A workshop participant's report: no count of 1 or 2 anywhere in the area tables (withheld, written "skyddad",
    the change beside it not shown, and as many others as keep them from being worked out), a notice saying so,
    and the county figures shown."""
    exact_rows = _table_rows(_pages(reports["sv"])[1])
    rows = _table_rows(_pages(reports["participant"])[1])
    assert len(rows) == len(exact_rows) >= 25  # every row of both tables was read
    assert any(r["earlier"] in ("1", "2") for r in exact_rows)  # the demo has small counts to hide
    for row in rows:
        assert row["earlier"] not in ("1", "2"), row
        assert row["later"] not in ("1", "2"), row
        if "skyddad" in (row["earlier"], row["later"]):
            assert row["change"] == "–", row
    assert any(r["earlier"] == "skyddad" for r in rows)
    flat = _flat("\n".join(_pages(reports["participant"])))
    assert "Generaliserad precision" in flat
    assert "”skyddad”" in flat
    assert "Inga lägen" in flat or "inga lägen" in flat
    assert "53" in _flat(_pages(reports["participant"])[0])


def test_participant_map_differs(reports: dict[str, bytes]) -> None:
    """The participant's map is drawn from other data (no scene points): its image is not the cleared reader's."""
    def map_image(pdf: bytes) -> bytes:
        images = PdfReader(io.BytesIO(pdf)).pages[0].images
        return bytes(images[1].data)

    assert map_image(reports["participant"]) != map_image(reports["sv"])


def _few_in_stockholm(demo: Dashboard) -> gpd.GeoDataFrame:
    """The latest demo survey with Stockholm cut down to two scenes (a count the small-count rule hides)."""
    latest = demo.surveys()[-1]
    scenes = demo.scenes(latest.id)
    stockholm = scenes[scenes["kommun_kod"] == "0180"]
    return pd.concat([scenes[scenes["kommun_kod"] != "0180"], stockholm.head(2)]).pipe(gpd.GeoDataFrame)


def test_print_map_generalised_has_only_municipality_counts(demo: Dashboard) -> None:
    """The map for generalised precision gets counts per municipality only: no scene geometry, no count of 1 or 2
    (drawn grey, "no data or withheld"; so is one more beside it, so no subtraction tells it), and the shapes
    drawn are the municipalities'."""
    scenes = _few_in_stockholm(demo)
    shown = Disclosure.for_precision("generalised", 3)
    data = print_map_data(demo.reference, scenes, exact=False, disclosure=shown, lang="sv")
    assert len(data.points) == 0
    assert set(data.municipalities.columns) == {"kommun_kod", "kommun", "scenes", "colour", "geometry"}
    assert len(data.municipalities) == 26
    counts = [v for v in data.municipalities["scenes"] if v is not None]
    assert all(v == 0 or v >= 3 for v in counts)
    stockholm = data.municipalities.set_index("kommun_kod").loc["0180"]
    assert stockholm["scenes"] is None
    assert stockholm["colour"] == "#b8b8b8"
    assert sum(v is None for v in data.municipalities["scenes"]) >= 2
    # Only municipality shapes: each drawn polygon is one municipality's (far larger than any scene).
    assert data.municipalities.geometry.area.min() > 1_000_000
    scene_points = scenes.to_crs(3006).geometry.representative_point()
    assert not any(data.outline.geometry.iloc[0].boundary.distance(p) < 1e-6 for p in scene_points)
    labels = [label for label, _ in data.legend]
    assert "Uppgift saknas eller skyddad (färre än 3 scener, eller dold för att skydda ett sådant antal)" in labels
    assert "1–2" not in labels
    png = to_png(print_map(data), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_print_map_exact_draws_every_scene(demo: Dashboard) -> None:
    """At exact precision every scene is a point inside the county, and every count is shown."""
    scenes = _few_in_stockholm(demo)
    data = print_map_data(demo.reference, scenes, exact=True, disclosure=SHOW_ALL, lang="sv")
    assert len(data.points) == len(scenes)
    assert data.municipalities.set_index("kommun_kod").loc["0180", "scenes"] == 2
    county = data.outline.geometry.iloc[0].buffer(3_000)
    assert data.points.within(county).all()
    assert "Öppen drogscen (läge)" in [label for label, _ in data.legend]


def _root(pdf: bytes) -> Any:
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"]


def _struct_elements(node: Any) -> list[DictionaryObject]:
    out: list[DictionaryObject] = []
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, DictionaryObject):
            out.append(kid)
            out += _struct_elements(kid)
    return out


def test_metadata_language_and_tags(reports: dict[str, bytes]) -> None:
    """Title (shown by viewers), author, subject and language are set; the PDF is tagged: headings, paragraphs,
    tables, and both figures with alternative text."""
    reader = PdfReader(io.BytesIO(reports["sv"]))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Lägesrapport: öppna drogscener i Stockholms län"
    assert meta.author
    assert meta.subject
    assert "Uppföljning februari 2024" in meta.subject
    root = _root(reports["sv"])
    assert root["/Lang"] == "sv"
    assert _root(reports["en"])["/Lang"] == "en"
    assert str(root["/MarkInfo"]["/Marked"]).lower() == "true"
    assert str(root["/ViewerPreferences"]["/DisplayDocTitle"]).lower() == "true"
    elements = _struct_elements(root["/StructTreeRoot"])
    kinds = [str(e.get("/S")) for e in elements]
    for kind in ("/Document", "/H1", "/H2", "/H3", "/P", "/Table", "/Figure"):
        assert kind in kinds, kind
    figures = [e for e in elements if e.get("/S") == "/Figure"]
    assert len(figures) == 2
    assert all(str(f.get("/Alt", "")).strip() for f in figures)
    assert "/Outlines" in root  # headings are bookmarks too


def test_pdfinfo_reports_tagged_and_title(reports: dict[str, bytes], tmp_path: Path) -> None:
    """poppler's pdfinfo (Debian poppler-utils, installed by .ci/run) reads the PDF as tagged, with its title."""
    if shutil.which("pdfinfo") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfinfo (poppler-utils) is missing in CI; .ci/run installs it")
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(reports["sv"])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Lägesrapport: öppna drogscener i Stockholms län$", info, re.M)
    assert re.search(r"^Pages:\s+4$", info, re.M)
    structure = subprocess.run(["pdfinfo", "-struct", str(path)], capture_output=True, text=True,
                               check=True).stdout
    assert "H1" in structure
    assert "Figure" in structure
    assert "Table" in structure


@pytest.mark.parametrize("which", ["sv", "en", "participant", "before_seminar"])
def test_report_passes_a_pdf_ua_checker(reports: dict[str, bytes], which: str) -> None:
    """A PDF accessibility checker from PyPI (`page-validation`, PDF/UA-1 rules after the Matterhorn Protocol,
    cross-tested against veraPDF) finds nothing wrong: tags, language, title in XMP and the info dictionary,
    figures with alternative text, heading order, fonts' Unicode mappings."""
    import page

    report = page.validate_pdf_bytes(reports[which], profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant
    assert report.rules.total > 100


def test_font_is_shipped_and_embedded(reports: dict[str, bytes]) -> None:
    """The report embeds DejaVu Sans, which ships with the package (and its licence) as package data."""
    reader = PdfReader(io.BytesIO(reports["sv"]))
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts
    assert all("DejaVuSans" in name for name in fonts), fonts
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"):
        assert (FONT_DIR / name).is_file(), name
    assert "Bitstream" in (FONT_DIR / "LICENSE").read_text(encoding="utf-8")
    package_data = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "render/fonts/*.ttf" in package_data["scenes"]
    assert "render/fonts/LICENSE" in package_data["scenes"]


def test_report_builds_without_system_fonts(demo: Dashboard, monkeypatch: pytest.MonkeyPatch) -> None:
    """The host's font folders are never read: with them unreadable the report still builds, in DejaVu."""
    real_open = builtins.open

    def no_system_fonts(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).startswith(("/usr/share/fonts", "/usr/local/share/fonts")):
            raise FileNotFoundError(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_system_fonts)
    pdf = demo.report_pdf(lang="sv", today=TODAY, disclosure=SHOW_ALL, exact=True)
    assert "Lägesrapport" in _pages(pdf)[0]


def test_county_total_comes_from_the_reference_data(demo: Dashboard) -> None:
    """The key figure "of N in the county" counts the reference table's municipalities; nothing says 26 itself."""
    import dataclasses

    from scenes.domain.progress import progress
    from scenes.render.report import ReportInput, build_report

    stats = demo.stats()
    prog = progress(stats, demo.store.goal())
    assert prog is not None
    full = demo.reference
    for ref in (full, dataclasses.replace(full, municipalities=full.municipalities.iloc[:-2])):
        pdf = build_report(ReportInput(
            ref=ref, stats=stats, progress=prog, seminars=demo.store.seminars(),
            baseline_scenes=demo.store.scenes(prog.baseline.survey.id),
            latest_scenes=demo.store.scenes(prog.latest.survey.id), lang="en", today=TODAY,
            disclosure=SHOW_ALL, exact=True))
        assert f"of {len(ref.municipalities)} in the county" in _flat(_pages(pdf)[0])
    assert len(full.municipalities) == 26
    source = (PROJECT / "src" / "scenes" / "render" / "report.py").read_text(encoding="utf-8")
    assert re.findall(r"total=\d+", source) == []


_COUNT_ROW = re.compile(r"^(?P<label>\D+?) (?P<count>skyddad|\d+)$")


@pytest.mark.parametrize("reader", ["cleared", "participant"])
def test_area_tables_without_comparison_show_the_latest_survey_only(demo: Dashboard, reader: str) -> None:
    """The goal's baseline is the latest survey: like the cover ("nothing earlier to compare with"), the per-area
    tables compare nothing: no earlier, later or change columns, just the latest survey's count per area, every
    area's count adding up to the survey's 53 scenes in each table (the participant's small counts withheld)."""
    import dataclasses

    demo.store.set_goal(dataclasses.replace(demo.store.goal(), baseline_survey_id="demo-2024-02"), actor="test")
    participant = Disclosure.for_precision("generalised", demo.settings.small_count_threshold)
    pdf = demo.report_pdf(lang="sv", today=TODAY, **({"disclosure": participant, "exact": False}
                                                     if reader == "participant" else
                                                     {"disclosure": SHOW_ALL, "exact": True}))
    cover, tables = _pages(pdf)[0], _pages(pdf)[1].split("Seminarier")[0]
    assert "Ingen tidigare kartläggning att jämföra med" in _flat(cover)
    flat = _flat(tables)
    assert "Scener per kommun och lokalpolisområde: Uppföljning februari 2024 (exempel)" in flat
    assert "Ingen tidigare kartläggning att jämföra med" in flat
    assert "Senare" not in flat  # the column heads "Tidigare Senare Förändring"
    assert "Förändring" not in flat
    assert "Kommun Scener" in flat
    assert "Lokalpolisområde Scener" in flat
    rows = tables.split("Kommun Scener")[1]  # below the heading (whose survey name ends in a year)
    counts = [r["count"] for line in rows.splitlines() if (r := _COUNT_ROW.match(line.strip()))]
    assert len(counts) >= 18
    if reader == "cleared":
        assert sum(int(c) for c in counts) == 2 * 53  # each table adds up to the survey's total
    else:
        assert "skyddad" in counts
        assert not set(counts) & {"1", "2"}
