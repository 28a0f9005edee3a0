"""The status report PDF: two A4 pages, dated, with the data's names, figures, tables, seminars and notices."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from scenes.core import Dashboard


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_report_contents_in_swedish(demo: Dashboard) -> None:
    """Swedish report: two pages, the date, survey names, demo notice, KPIs, tables and both seminars."""
    pages, text = _text(demo.report_pdf(lang="sv", today=dt.date(2026, 11, 22)))
    flat = " ".join(text.split())
    assert pages == 2
    for expected in ("Lägesrapport", "2026-11-22", "Uppföljning februari 2024 (exempel)",
                     "Kartläggning 2021 (exempel)", "Exempeldata – fiktiva platser", "53 (-11 (-17 %) mot 64)",
                     "Exempelvärde", "Botkyrka", "Haninge-Nynäshamn", "Öppna drogscener i Stockholms läns utsatta",
                     "Trygghet för alla", "sista anmälningsdag var 4 november 2025", "14 september 2022, 13:00–16:30"):
        assert expected in flat, expected


def test_report_in_english(demo: Dashboard) -> None:
    """The English report speaks English."""
    _, text = _text(demo.report_pdf(lang="en"))
    assert "Status report" in text and "Demo data" in " ".join(text.split())
