"""The status report lays out any amount of content: hundreds of rows in every table (municipalities' and police
areas' changes, impact per survey and its changes, safety indicators, measures by kind and by organisation) and
hundreds of seminars. Long tables continue on the next page under their repeated heading row; the PDF keeps a
valid structure (each page's part of a table its own /Table) and passes the PDF/UA checker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from scenes.domain.coordination import coordinate
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.impact import impact
from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.domain.progress import progress
from scenes.model import Seminar, Survey, SurveyKind
from scenes.render.report import ReportInput, build_report
from scenes.views.dashboard import Dashboard

N = 300
TODAY = dt.date(2026, 12, 6)


def _many(dash: Dashboard, disclosure: Disclosure, exact: bool) -> ReportInput:
    """The demo's figures with N of everything a table lists."""
    ref = dash.reference
    kinds = pd.DataFrame([{**ref.measure_kinds.iloc[0].to_dict(), "code": f"kind_{i:03d}",
                           "label_sv": f"Åtgärdstyp {i:03d} med ett ganska långt namn", "label_en": f"Kind {i:03d}"}
                          for i in range(N)])
    actors = pd.DataFrame([{**ref.actors.iloc[0].to_dict(), "code": f"actor_{i:03d}",
                            "label_sv": f"Organisation nummer {i:03d}", "label_en": f"Organisation {i:03d}"}
                           for i in range(N)])
    ref = dataclasses.replace(ref, measure_kinds=pd.concat([ref.measure_kinds, kinds], ignore_index=True),
                              actors=pd.concat([ref.actors, actors], ignore_index=True))
    stats = dash.stats()
    prog = progress(stats, dash.store.goal())
    assert prog is not None
    latest = dash.store.scenes(prog.latest.survey.id)
    baseline = dash.store.scenes(prog.baseline.survey.id)
    # N municipalities and police areas changed (codes the reference does not know are shown as they are)
    wide_latest = pd.concat([latest] * 6, ignore_index=True).iloc[:N].copy()
    wide_latest["scene_id"] = [f"W{i}" for i in range(N)]
    wide_latest["kommun_kod"] = [f"9{i:03d}" for i in range(N)]
    wide_latest["lokalpolisomrade"] = [f"lpo_{i:03d}" for i in range(N)]
    # N surveys with impact ratings: the per-survey table and the changes between them
    surveys = [Survey(f"s{i:03d}", f"Uppföljning {i:03d}", dt.date(2000, 1, 1) + dt.timedelta(days=20 * i),
                      SurveyKind.UPPFOLJNING, "test", False) for i in range(N)]
    frames = []
    for i, survey in enumerate(surveys):
        frame = latest.iloc[:4].copy()
        frame["survey_id"] = survey.id
        frame["impact"] = [(i + k) % 5 + 1 for k in range(4)]
        frames.append(frame)
    scene_ids = [str(s) for s in latest["scene_id"]]
    measures = [Measure(f"m{i}", f"kind_{i:03d}", f"actor_{i:03d}", ("pagaende", "planerad", "avslutad")[i % 3],
                        scene_id=scene_ids[i % len(scene_ids)], note=f"Anteckning {i}") for i in range(N)]
    indicators = tuple(Indicator(f"Trygghetsindikator {i:03d}", 10 + i % 50, "%", dt.date(2025, 1, 1) + dt.timedelta(
        days=i % 2), "lan", "01", f"Källa {i % 40}", f"https://example.se/kalla/{i % 40}") for i in range(2 * N))
    seminars = [Seminar(f"sem-{i}", f"Seminarium {i}: öppna drogscener och trygghet i ett område", "seminarium",
                        dt.date(2020, 1, 1) + dt.timedelta(days=10 * i), "09.00", "12.00", None,
                        "Regeringsgatan 66, plan 4", "Länsstyrelsen Stockholm", "kommunpolis",
                        focus_categories=("utsatt_omrade", "social_utsatthet")) for i in range(N)]
    return ReportInput(ref=ref, stats=stats, progress=prog, seminars=seminars, baseline_scenes=baseline,
                       latest_scenes=wide_latest, lang="sv", today=TODAY, disclosure=disclosure, exact=exact,
                       impact=impact(surveys, pd.concat(frames, ignore_index=True)), indicators=indicators,
                       coordination=coordinate(latest, dash.scenes(), measures))


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from scenes.settings import Settings
    from tests.conftest import DATA_DIR

    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("large"), data_dir=DATA_DIR))
    dash.init(demo=True)
    participant = Disclosure.for_precision("generalised", dash.settings.small_count_threshold)
    return {"cleared": build_report(_many(dash, SHOW_ALL, True)),
            "participant": build_report(_many(dash, participant, False))}


@pytest.mark.parametrize("reader", ["cleared", "participant"])
def test_large_report_lays_out_every_row(large: dict[str, bytes], reader: str) -> None:
    """Every row is in the PDF, on pages of their own: the last municipality, police area, survey, indicator,
    seminar, kind and organisation are all there, and each continued table repeats its heading row."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(large[reader])).pages]
    text = "\n".join(pages)
    assert len(pages) > 20, len(pages)
    for last in ("9299", "lpo_299", "Uppföljning 299", "Trygghetsindikator 299", "Seminarium 299"):
        assert last in text, last
    if reader == "cleared":
        assert "Åtgärdstyp 299" in text
        assert "Organisation nummer 299" in text
    heading = "Kommun Tidigare Senare Förändring"
    flat = [" ".join(page.split()) for page in pages]
    assert sum(heading in page for page in flat) >= 2  # the municipality table continues under its heading


@pytest.mark.parametrize("reader", ["cleared", "participant"])
def test_large_report_passes_the_pdf_ua_checker(large: dict[str, bytes], reader: str) -> None:
    """The PDF/UA-1 checker (104 rules) finds nothing wrong in a report of many pages of tables."""
    import page

    report = page.validate_pdf_bytes(large[reader], profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant
    assert report.rules.total > 100


def test_large_report_structure(large: dict[str, bytes], tmp_path: Path) -> None:
    """poppler reads the large PDF as tagged, with one /Table per page's part of a table."""
    if shutil.which("pdfinfo") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfinfo (poppler-utils) is missing in CI; .ci/run installs it")
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "large.pdf"
    path.write_bytes(large["cleared"])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    structure = subprocess.run(["pdfinfo", "-struct", str(path)], capture_output=True, text=True, check=True).stdout
    assert pages > 20
    # each page's part of a long table is a table of its own: dozens of them here
    assert structure.count("Table") > 40, structure.count("Table")


def _pdf() -> object:
    from scenes.render.pdf import TaggedPdf

    pdf = TaggedPdf("test")
    pdf.add_page()
    return pdf


@pytest.mark.parametrize("above", [0.5, 1.0, 4.7, 5.19, 30.0])
def test_a_paragraph_longer_than_a_page_starts_anywhere(above: float) -> None:
    """Started just above the foot of a page (less than one line of room), a long paragraph still lays out."""
    pdf = _pdf()
    pdf.set_y(pdf.page_break_trigger - above)  # type: ignore[attr-defined]
    pdf.para("Ett långt stycke om källorna. " * 1_500, size=10, height=5.2)  # type: ignore[attr-defined]
    assert pdf.page > 3  # type: ignore[attr-defined]


@pytest.mark.parametrize("rows", [
    [["Kolumn", "Antal"]],  # a heading row and no body
    [["‱" * 400, "Antal"], ["a", "1"]],  # a heading of the widest glyph in a narrow column
    [["Namn", "Antal"], *[["‱" * 400, str(i)] for i in range(5)]],  # body rows of it
])
def test_tables_of_any_shape_lay_out(rows: list[list[str]]) -> None:
    """A table whose rows would be taller than a page in a narrow column is clipped until each row fits."""
    pdf = _pdf()
    pdf.set_y(pdf.page_break_trigger - 3)  # type: ignore[attr-defined]
    pdf.data_table(rows, (28.0, 20.0), x=16)  # type: ignore[attr-defined]
    assert pdf.page >= 1  # type: ignore[attr-defined]
