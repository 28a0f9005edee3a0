"""The report's page "Verkan, trygghet och åtgärder": impact per survey and the continuing scenes' changes, in
Swedish and English, as a participant may read it, and when nothing is rated."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.impact import Impact
from scenes.domain.progress import progress
from scenes.render.report import ReportInput, build_report
from scenes.views.dashboard import Dashboard

TODAY = dt.date(2026, 11, 22)


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The demo report's pages for a cleared reader (sv, en) and a workshop participant (sv)."""
    from scenes.settings import Settings
    from tests.conftest import DATA_DIR

    dash = Dashboard(Settings(state_dir=tmp_path_factory.mktemp("state"), data_dir=DATA_DIR))
    dash.init(demo=True)
    participant = Disclosure.for_precision("generalised", dash.settings.small_count_threshold)
    return {"sv": _pages(dash.report_pdf(lang="sv", today=TODAY, disclosure=SHOW_ALL, exact=True)),
            "en": _pages(dash.report_pdf(lang="en", today=TODAY, disclosure=SHOW_ALL, exact=True)),
            "participant": _pages(dash.report_pdf(lang="sv", today=TODAY, disclosure=participant, exact=False))}


def test_impact_page_in_swedish(reports: dict[str, list[str]]) -> None:
    """Page 3 is headed "Verkan, trygghet och åtgärder"; it states the latest survey's impact beside its count and
    area, the figures and distribution per survey, and the changes (2021 -> 2023: 55 continuing, 1 less harmful,
    40 unchanged, 0 more, 14 not comparable); the sources stay last."""
    page = reports["sv"][2]
    assert page.startswith("Verkan, trygghet och åtgärder Inverkan över tid")
    for expected in ("Uppföljning februari 2024 (exempel): 53 scener, 19,3 ha. Hög inverkan (4–5): 14 av 41 bedömda "
                     "scener; 12 saknar bedömning.",
                     "Namn Scener Bedömda Saknar bedömning Hög inverkan (4–5) Medelvärde (bedömda)",
                     "Kartläggning 2021 (exempel) 64 49 15 19 3,0",
                     "Bedömning 1 Bedömning 2 Bedömning 3 Bedömning 4 Bedömning 5 Saknar bedömning",
                     "(exempel) 8 7 12 5 9 12",
                     "Från Till Kvarstående Mindre skadlig Oförändrad Mer skadlig Kan inte jämföras",
                     "55 1 40 0 14", "53 0 41 0 12", "högsta bedömningen"):
        assert expected in page, expected
    assert page.index("Inverkan över tid") < " ".join(reports["sv"][2:]).index("Källor")
    assert "Verkan, trygghet" not in " ".join(reports["sv"][:2])


def test_impact_page_in_english(reports: dict[str, list[str]]) -> None:
    """The same page in English."""
    page = reports["en"][2]
    assert page.startswith("Impact, safety and measures Impact over time")
    assert "High impact (4–5): 14 of 41 rated scenes; 12 without a rating." in page
    assert "Continuing Less harmful Unchanged More harmful Not comparable" in page


def test_participant_reads_county_wide_impact_changes(reports: dict[str, list[str]]) -> None:
    """The one scene that became less harmful (2021 -> 2023): a county-wide count, shown to a participant too."""
    page = reports["participant"][2]
    assert "55 1 40 0 14" in page
    assert "färre än 3" not in page.split("Åtgärder")[0]  # the measures below have counts per municipality


def test_impact_page_without_ratings(demo: Dashboard) -> None:
    """No rating in any survey: the page says so instead of tables of zeroes (and without `impact` at all too)."""
    stats = demo.stats()
    prog = progress(stats, demo.goal())
    assert prog is not None
    unrated = Impact(high_min=4, surveys=[dataclasses.replace(s, rated=0, high=0, distribution=(0,) * 5, mean=None)
                                          for s in demo.impact().surveys], changes=[])
    for impact in (unrated, None):
        pdf = build_report(ReportInput(
            ref=demo.reference, stats=stats, progress=prog, seminars=demo.seminars(),
            baseline_scenes=demo.scenes(prog.baseline.survey.id), latest_scenes=demo.scenes(prog.latest.survey.id),
            today=TODAY, impact=impact, lang="sv", disclosure=SHOW_ALL, exact=True))
        page = _pages(pdf)[2]
        assert "Ingen kartläggning har bedömningar av inverkan (1–5) ännu." in page
        assert "Bedömda" not in page


def test_county_wide_impact_figures_are_shown_whatever_the_threshold(demo: Dashboard) -> None:
    """The impact figures count scenes in the whole county (no place): even with a threshold above the latest
    survey's 53 scenes the page names them (`Disclosure.county`), and no "fewer than N" is written."""
    pdf = demo.report_pdf(lang="sv", today=TODAY, disclosure=Disclosure(60), exact=False)
    page = _pages(pdf)[2]
    assert "14 av 41" in page
    assert "färre än 60" not in page.split("Åtgärder")[0]  # the measures below have counts per municipality
    assert "Inverkan redovisas inte för så få scener" not in page
