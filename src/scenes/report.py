"""Lägesrapport: a two-page A4 PDF for steering-group meetings, made without a browser.

Page 1: what the data is (survey names, date, demo notice), the key figures against the baseline and the goal,
and the progress chart (Altair rendered by vl-convert). Page 2: change per municipality and per local police
area, and the seminars. Text uses DejaVu Sans when the system has it, else the PDF core font (Latin-1 only, so
a few typographic characters are replaced).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from fpdf import FPDF

from scenes.breakdown import change_by
from scenes.charts import progress_chart, progress_table, seminar_key, to_png
from scenes.i18n import number, t
from scenes.model import Seminar
from scenes.progress import Progress, SurveyStats
from scenes.reference import Reference
from scenes.seminars import when_text

__all__ = ["ReportInput", "build_report"]

_FONT_CANDIDATES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                    Path("/usr/share/fonts/TTF/DejaVuSans.ttf")]
_LATIN1_FALLBACK = {"–": "-", "—": "-", "≤": "<=", "≥": ">=", "→": "->", "←": "<-", "×": "x", "’": "'",
                    "“": '"', "”": '"', "…": "...", "\u00a0": " "}


@dataclass(frozen=True)
class ReportInput:
    """Everything the report shows, gathered by the caller (the Dashboard)."""

    ref: Reference
    stats: list[SurveyStats]
    progress: Progress
    seminars: list[Seminar]
    baseline_scenes: gpd.GeoDataFrame
    latest_scenes: gpd.GeoDataFrame
    lang: str = "sv"
    today: dt.date | None = None


class _Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.unicode = False
        for candidate in _FONT_CANDIDATES:
            if candidate.exists():
                self.add_font("Body", "", str(candidate))
                bold = candidate.with_name("DejaVuSans-Bold.ttf")
                self.add_font("Body", "B", str(bold if bold.exists() else candidate))
                self.unicode = True
                break
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(16, 14, 16)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font("Body" if self.unicode else "Helvetica", "B" if bold else "", size)

    def text_of(self, value: object) -> str:
        text = "" if value is None else str(value)
        if self.unicode:
            return text
        for a, b in _LATIN1_FALLBACK.items():
            text = text.replace(a, b)
        return text.encode("latin-1", errors="replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.font(7)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.text_of(f"{self.footer_text} · {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)

    def para(self, text: str, size: float = 10, bold: bool = False, height: float = 5.2) -> None:
        self.font(size, bold)
        self.multi_cell(0, height, self.text_of(text), new_x="LMARGIN", new_y="NEXT", align="L")

    def small_table(self, frame: pd.DataFrame, widths: list[float], x: float, size: float = 8) -> float:
        """Draw a small table at column x from the current y; returns the y below it."""
        y = self.get_y()
        self.font(size, bold=True)
        self.set_xy(x, y)
        for col, w in zip(frame.columns, widths, strict=True):
            self.cell(w, 5, self.text_of(col), border="B")
        y += 5
        self.font(size)
        for row in frame.itertuples(index=False):
            self.set_xy(x, y)
            for value, w in zip(row, widths, strict=True):
                align = "R" if isinstance(value, int | float) else "L"
                self.cell(w, 4.4, self.text_of(value), align=align)
            y += 4.4
        return y


def _kpis(inp: ReportInput) -> list[tuple[str, str]]:
    p, lang = inp.progress, inp.lang
    latest, baseline, goal = p.latest, p.baseline, p.goal
    rows = [
        (t("kpi.scenes", lang), f"{latest.scenes} ({t('kpi.change', lang, change=p.change, pct=p.change_pct or 0)} "
                                f"{t('report.vs', lang)} {baseline.scenes})"),
        (t("kpi.area", lang), f"{number(latest.area_m2 / 10_000, lang, 1)}"
         + (f" ({t('kpi.area_change', lang, pct=p.area_change_pct)})" if p.area_change_pct is not None else "")),
        (t("kpi.municipalities", lang), f"{latest.municipalities} {t('kpi.of_municipalities', lang, total=26)}"),
        (t("kpi.police_areas", lang), str(latest.police_areas)),
        (t("report.goal", lang), t("report.goal_value", lang, count=goal.target_count,
                                   date=goal.target_date.isoformat())
         + (f" – {t('kpi.goal_example', lang)}" if goal.is_example else "")),
        (t("report.status", lang), (t("kpi.on_track", lang) if p.on_track else t("kpi.behind", lang)) + ": "
         + t("kpi.ahead_by" if p.on_track else "kpi.behind_by", lang, n=number(abs(p.ahead_by), lang, 1))
         + f" ({t('kpi.trajectory_help', lang, expected=number(p.expected, lang, 1))})"),
    ]
    return rows


def build_report(inp: ReportInput) -> bytes:
    """The PDF as bytes."""
    lang = inp.lang
    today = inp.today or dt.date.today()
    latest, baseline = inp.progress.latest.survey, inp.progress.baseline.survey
    demo = any(s.survey.demo for s in inp.stats)
    pdf = _Pdf(f"{t('report.title', lang)} · {today.isoformat()}")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.para(t("report.title", lang), size=17, bold=True, height=8)
    pdf.para(t("report.subtitle", lang, date=today.isoformat()), size=10)
    pdf.para(t("report.data", lang, latest=latest.name, latest_date=latest.date.isoformat(),
               baseline=baseline.name, baseline_date=baseline.date.isoformat()), size=9)
    if demo:
        pdf.set_text_color(150, 70, 0)
        pdf.para(t("report.demo", lang), size=10, bold=True)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    for label, value in _kpis(inp):
        pdf.font(10, bold=True)
        pdf.cell(48, 6, pdf.text_of(label))
        pdf.font(10)
        pdf.multi_cell(0, 6, pdf.text_of(value), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)
    table = progress_table(inp.stats, inp.ref.published_totals, inp.progress.goal, inp.seminars, lang)
    png = to_png(progress_chart(table, lang, width=640, height=300), scale=2)
    pdf.para(t("progress.chart", lang), size=11, bold=True)
    pdf.image(io.BytesIO(png), w=pdf.epw)
    pdf.para(t("progress.chart_help", lang), size=8, height=4)
    key = seminar_key(table, lang)
    if key:
        pdf.para(t("chart.seminar_key", lang) + ": " + "; ".join(key), size=8, height=4)
    sources = "; ".join(f"{p.label}: {p.source}" for p in inp.ref.published_totals)
    pdf.para(t("report.sources", lang, sources=sources), size=7, height=3.6)

    pdf.add_page()
    pdf.para(t("report.by_area", lang, baseline=baseline.name, latest=latest.name), size=12, bold=True, height=7)
    heads = [t("col.label", lang), t("col.earlier", lang), t("col.later", lang), t("col.change", lang)]
    y0 = pdf.get_y() + 1
    ends = []
    for i, dimension in enumerate(("municipality", "police_area")):
        frame = change_by(inp.baseline_scenes, inp.latest_scenes, inp.ref, dimension, lang)
        frame = frame[["label", "earlier", "later", "change"]]
        frame.columns = [t("col.municipality" if i == 0 else "col.police_area", lang), *heads[1:]]
        pdf.set_y(y0)
        ends.append(pdf.small_table(frame, [38, 14, 14, 16], x=pdf.l_margin + i * 92))
    pdf.set_y(max(ends) + 6)
    pdf.para(t("report.seminars", lang), size=12, bold=True, height=7)
    for sem in inp.seminars:
        when = when_text(sem, lang, today)
        focus = ", ".join(inp.ref.category_label(c, lang) for c in sem.focus_categories)
        pdf.para(sem.title, size=10, bold=True)
        pdf.para(f"{when} · {sem.place} · {sem.organiser}" + (f" · {t('seminars.focus', lang)}: {focus}"
                                                              if focus else ""), size=8.5, height=4.4)
        pdf.ln(1.5)
    out = pdf.output()
    return bytes(out)
