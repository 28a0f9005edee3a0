"""Lägesrapport: an A4 PDF for steering-group meetings, made without a browser.

Page 1 is the cover summary: title and date, what the data is (surveys, dates, demo notice), the key figures
against the baseline and the goal, the progress chart and a map of the latest survey (both drawn in-process by
vl-convert). Page 2: change per municipality and per local police area, the seminars (upcoming first, then past).
Page 3, "Impact, safety and measures" (`_impact_safety_page`): impact over time (the latest survey's impact beside
its count and area, per survey and the continuing scenes' changes; further sections of that page are for the
safety indicators and the measures), then the sources of every figure.

The report is read as the reader may read the data: `ReportInput.disclosure` hides small counts ("fewer than 3")
in the key figures, the chart, the tables, the map and the impact figures, and scene locations are drawn only when
`exact`.

Numbers and dates are written as the language writes them (Babel, `scenes.i18n`). Text is set in DejaVu Sans,
shipped with the package. The PDF carries its title (shown by viewers), language, author and subject, and a
structure tree: headings, paragraphs, tables and figures with alternative text are tagged, page furniture is
marked as artifacts, and the headings make the outline (bookmarks).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import cast

import geopandas as gpd
import pandas as pd
from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from fpdf.fonts import FontFace
from fpdf.prefs import ViewerPreferences
from fpdf.util import Padding

from scenes.domain.breakdown import breakdown, change_by
from scenes.domain.coordination import Coordination, actor_table, kind_status_table, participant_counts
from scenes.domain.disclosure import Disclosure
from scenes.domain.impact import RATINGS, Impact, change_table, high_range, impact_table
from scenes.domain.indicators import Indicator, area_label, latest_values, value_text
from scenes.domain.progress import Progress, SurveyStats, swap_text
from scenes.domain.seminars import split_upcoming, when_text
from scenes.i18n import date_text, local_today, number, t
from scenes.model import Lang, Seminar
from scenes.reference import Reference
from scenes.render.charts import progress_chart, progress_table, seminar_key, to_png
from scenes.render.printmap import print_map, print_map_data

__all__ = ["FONT_DIR", "ReportInput", "build_report"]

#: DejaVu Sans ships with the package (see fonts/LICENSE): the report never depends on the host's fonts.
FONT_DIR = Path(__file__).parent / "fonts"
_GREY = (90, 90, 90)
_CARD = (243, 244, 246)
_DEMO = (150, 70, 0)
_GAP = 4.0  # mm between columns
_PADDING = (0.4, 1.0)  # a table cell's padding: top and bottom, left and right (mm)
_ROW_SLACK = 0.3  # mm added to each measured row, so a part measured to fit is never pushed over a page break
#: the most characters a table cell shows (then "…"): enough for any name or note, and no row is taller than a page
_MAX_CELL = 400
#: the narrowest a number column may be (mm); a table with more number columns than fit is shown long instead
_MIN_NUMBER_COLUMN = 14.0


@dataclass(frozen=True)
class ReportInput:
    """Everything the report shows, gathered by the caller (the Dashboard).

    `disclosure` and `exact` are the reader's: the command line and cleared roles read everything
    (`SHOW_ALL`, exact); workshop participants get counts only, small ones as "fewer than N".
    """

    ref: Reference
    stats: list[SurveyStats]
    progress: Progress
    seminars: list[Seminar]
    baseline_scenes: gpd.GeoDataFrame
    latest_scenes: gpd.GeoDataFrame
    lang: Lang = field(kw_only=True)  # required, as are disclosure and exact: no report reads more than its reader may
    today: dt.date | None = None
    disclosure: Disclosure = field(kw_only=True)
    exact: bool = field(kw_only=True)
    impact: Impact | None = None  # impact over time (`Dashboard.impact`); None: the section says there is none
    indicators: tuple[Indicator, ...] = ()  # the stored safety-indicator values (`Dashboard.indicators`)
    coordination: Coordination | None = None  # the latest survey's scenes and the shown measures; None: no section


def _png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the PNG header."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _signed(value: float, lang: Lang, decimals: int = 0) -> str:
    """A change with its sign: +3, -11, 0 (Swedish: -1,5)."""
    return ("+" if round(value, decimals) > 0 else "") + number(value, lang, decimals)


def _percent(value: float, lang: Lang) -> str:
    return t("report.percent", lang, pct=_signed(value, lang))


def _xmp(pdf: FPDF, lang: Lang) -> str:
    """The document's XMP metadata: title, description, creator and language as in its info dictionary, and the
    PDF/UA identification (part 1) that accessibility checkers read."""
    def esc(text: object) -> str:
        return html.escape(str(text or ""), quote=True)

    return "\n".join([
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"',
        '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
        "   <pdfuaid:part>1</pdfuaid:part>",
        f"   <xmp:CreatorTool>{esc(pdf.creator)}</xmp:CreatorTool>",
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{esc(pdf.title)}</rdf:li></rdf:Alt></dc:title>',
        f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{esc(pdf.subject)}</rdf:li></rdf:Alt>'
        "</dc:description>",
        f"   <dc:creator><rdf:Seq><rdf:li>{esc(pdf.author)}</rdf:li></rdf:Seq></dc:creator>",
        f"   <dc:language><rdf:Bag><rdf:li>{esc(lang)}</rdf:li></rdf:Bag></dc:language>",
        "  </rdf:Description>",
        " </rdf:RDF>",
        "</x:xmpmeta>",
    ])


class _Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(16, 14, 16)

    def unmap_notdef(self) -> None:
        """fpdf2 maps the fonts' ".notdef" glyph to U+0000 in their ToUnicode tables, which PDF/UA forbids (a
        screen reader would read a null); that glyph is never drawn as text, so it gets no mapping. Call last."""
        for font in self.fonts.values():
            subset = getattr(font, "subset", None)
            for glyph, _ in list(subset.items()) if subset is not None else []:
                if glyph is not None and glyph.unicode in ((0,), 0):
                    glyph.unicode = ()

    # -- tagging ---------------------------------------------------------------------------------------------
    @contextmanager
    def tagged(self, struct_type: str, *, alt: str | None = None) -> Iterator[None]:
        """Mark what is drawn inside as one structure element ("/P", "/H1", "/Table" ...). fpdf2 tags only
        figures itself; this uses its structure tree builder the same way. The content must stay on one page."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        _, spid = self.struct_builder.add_marked_content(page_number=self.page, struct_type=struct_type,
                                                         mcid=mcid, alt_text=alt)
        self.pages[self.page].struct_parents = spid
        self._set_min_pdf_version("1.4")
        page = self.page
        self._out(f"{struct_type} <</MCID {mcid}>> BDC")
        yield
        if self.page != page:
            raise RuntimeError(f"a tagged {struct_type} crossed a page break; make room for it first")
        self._out("EMC")

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """Mark decoration and page furniture (boxes, swatches, the footer) as not part of the content."""
        self._out("/Artifact BMC")
        yield
        self._out("EMC")

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one (fpdf2's own page-break test)."""
        if self.will_page_break(height):
            self.add_page()

    # -- text ------------------------------------------------------------------------------------------------
    def font(self, size: float, bold: bool = False) -> None:
        self.set_font("Body", "B" if bold else "", size)

    def footer(self) -> None:
        with self.artifact(), self.local_context(text_color=_GREY):
            self.set_y(-12)
            self.font(7)
            self.cell(0, 5, f"{self.footer_text} · {self.page_no()}/{{nb}}", align="C")

    def para(self, text: str, size: float = 10, bold: bool = False, height: float = 5.2, *, w: float = 0,
             tag: str = "/P", colour: tuple[int, int, int] = (0, 0, 0)) -> None:
        """A paragraph at the current position, tagged, moved to the next page whole if it does not fit. One longer
        than a page continues on the next, each page's lines their own tagged part (marked content cannot cross a
        page)."""
        self.font(size, bold)
        x = self.get_x()
        needed = cast(float, self.multi_cell(w, height, text, dry_run=True, output=MethodReturnValue.HEIGHT))
        if needed <= self.page_room():
            self.room(needed)
            parts = [text]
        else:
            if self.page_break_trigger - self.get_y() < height:
                self.add_page()  # not even one line fits here
            lines = cast(list[str], self.multi_cell(w, height, text, dry_run=True, output=MethodReturnValue.LINES))
            parts, start = [], 0
            fit = max(1, int((self.page_break_trigger - self.get_y()) // height))
            while start < len(lines):
                parts.append("\n".join(lines[start:start + fit]))
                start += fit
                fit = max(1, int(self.page_room() // height))
        for i, part in enumerate(parts):
            if i:
                self.add_page()
            self.set_x(x)
            with self.tagged(tag), self.local_context(text_color=colour):
                self.multi_cell(w, height, part, new_x="LEFT", new_y="NEXT", align="L")

    def page_room(self) -> float:
        """The height a fresh page offers between its top margin and the automatic page break."""
        return float(self.page_break_trigger - self.t_margin)

    def heading(self, text: str, level: int) -> None:
        """A heading: tagged /H1 or /H2 and an entry of the document outline."""
        size, height = {0: (17, 8), 1: (12, 6.5), 2: (10.5, 5.6)}[level]
        self.room(height + 12)  # never the last line of a page
        self.start_section(text, level=level)
        self.para(text, size=size, bold=True, height=height, tag=f"/H{level + 1}")

    def figure(self, png: bytes, x: float, y: float, max_w: float, max_h: float, alt: str) -> tuple[float, float]:
        """An image fitted into the box, with its alternative text; returns its (width, height) in mm."""
        px_w, px_h = _png_size(png)
        w = min(max_w, max_h * px_w / px_h)
        h = w * px_h / px_w
        self.image(io.BytesIO(png), x=x, y=y, w=w, h=h, alt_text=alt)
        return w, h

    def row_heights(self, rows: list[list[str]], widths: tuple[float, ...], size: float, *,
                    heading: bool = True) -> list[float]:
        """Each row's height as the table draws it (the first in bold when it is the `heading` row): its tallest
        cell, padding included."""
        heights, padding = [], Padding.new(_PADDING)
        for i, values in enumerate(rows):
            self.font(size, bold=heading and i == 0)
            heights.append(max(cast(float, self.multi_cell(w, size * 0.55, value, padding=padding, dry_run=True,
                                                           output=MethodReturnValue.HEIGHT))
                               for value, w in zip(values, widths, strict=True)) + _ROW_SLACK)
        return heights

    def data_table(self, rows: list[list[str]], widths: tuple[float, ...], x: float, *, size: float = 8,
                   texts: int = 1) -> float:
        """A table with a heading row; returns its bottom y. Text columns (the first `texts`) are left-aligned,
        number columns (the rest) right-aligned; a cell holds at most _MAX_CELL characters, so any row fits a page.

        A table that fits on a page is moved to the next one whole if it does not fit on this one. A longer one
        starts here and continues on the following pages with its heading row repeated; each page's part is its own
        tagged /Table (marked content cannot cross a page; fpdf2 2.8 does not tag rows and cells), so the
        structure stays valid whatever the amount of content.
        """
        rows = [[_clip(v) for v in row] for row in rows]
        heights = self.row_heights(rows, widths, size)
        room = self.page_room()
        for i, height in enumerate(heights):  # narrow columns of wide letters: clip further until the row fits
            limit = _MAX_CELL
            while height > (room / 2 if i == 0 else room - heights[0]) and limit > 10:
                limit //= 2
                rows[i] = [_clip(v, limit) for v in rows[i]]
                height = heights[i] = self.row_heights([rows[i]], widths, size, heading=i == 0)[0]
        head, body = heights[0], heights[1:]
        if sum(heights) <= self.page_room():
            self.room(sum(heights))
            parts = [(1, len(rows))]
        else:
            parts, start = [], 1
            self.room(head + body[0])  # never a heading row alone at the foot of a page
            free = self.page_break_trigger - self.get_y()
            while start < len(rows):
                end, used = start, head
                while end < len(rows) and (used + heights[end] <= free or end == start):
                    used += heights[end]
                    end += 1
                parts.append((start, end))
                start, free = end, self.page_room()
        for i, (start, end) in enumerate(parts):
            if i:
                self.add_page()
            self._table_part([rows[0], *rows[start:end]], widths, x, size, texts)
        return self.get_y()

    def _table_part(self, rows: list[list[str]], widths: tuple[float, ...], x: float, size: float,
                    texts: int) -> None:
        """One page's part of a table, tagged /Table, its first row the heading row."""
        self.set_x(x)
        self.font(size)
        aligns = (*(["LEFT"] * texts), *(["RIGHT"] * (len(widths) - texts)))
        with self.tagged("/Table"), self.table(
            width=sum(widths), col_widths=widths, align="LEFT", text_align=aligns, line_height=size * 0.55,
            borders_layout="HORIZONTAL_LINES", headings_style=FontFace(emphasis="BOLD", fill_color=_CARD),
            padding=_PADDING, first_row_as_headings=True, repeat_headings=0,
        ) as table:
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)


def _long(frame: pd.DataFrame, texts: int, variable: str, value: str) -> pd.DataFrame:
    """A table with too many number columns for the page, one row per (text columns, column) instead; cells
    holding 0 are left out (the wide table showed them as 0)."""
    long = frame.melt(id_vars=list(frame.columns[:texts]), var_name=variable, value_name=value)
    return long.loc[long[value].astype(str) != "0"].reset_index(drop=True)


def _clip(text: str, limit: int = _MAX_CELL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _real(value: object) -> float | None:
    """A table value as a number; None for text and missing values (None, NaN, pd.NA)."""
    if isinstance(value, Real) and not math.isnan(float(value)):
        return float(value)
    return None


def _count(value: object, lang: Lang) -> str:
    """A table cell: a count as the language writes it, text ("fewer than 3") as it is, nothing as a dash."""
    if isinstance(value, str):
        return value
    n = _real(value)
    return "–" if n is None else number(n, lang)


def _area(area_m2: float | None, lang: Lang) -> str:
    """An area in hectares, or "not measured" (a survey without polygons: never 0,0)."""
    return t("kpi.area_not_measured", lang) if area_m2 is None else number(area_m2 / 10_000, lang, 1)


def _cards(inp: ReportInput) -> list[tuple[str, str, str]]:
    """The four key figures as (value, label, note), as the reader may see them."""
    p, lang, shown = inp.progress, inp.lang, inp.disclosure.county  # county figures: shown (scenes.domain.protection)
    latest, baseline = p.latest, p.baseline
    hidden, both_hidden = shown.hidden(latest.scenes), shown.any_hidden(latest.scenes, baseline.scenes)
    change = "" if both_hidden or p.change is None else t(  # no comparison: no change
        "report.change", lang, change=_signed(p.change, lang), pct=_percent(p.change_pct or 0.0, lang),
        baseline=number(baseline.scenes, lang))
    area_note = "" if both_hidden or p.area_change_pct is None else t(
        "report.area_change", lang, pct=_percent(p.area_change_pct, lang))
    total = len(inp.ref.municipalities)
    return [
        (shown.text(latest.scenes, lang), t("kpi.scenes", lang), change),
        ("–" if hidden else _area(latest.area_m2, lang), t("kpi.area", lang), area_note),
        ("–" if hidden else number(latest.municipalities, lang), t("kpi.municipalities", lang),
         t("kpi.of_municipalities", lang, total=total)),
        ("–" if hidden else number(latest.police_areas, lang), t("kpi.police_areas", lang), ""),
    ]


def _goal_lines(inp: ReportInput) -> list[tuple[str, str]]:
    p, lang = inp.progress, inp.lang
    goal = p.goal
    both_hidden = inp.disclosure.county.any_hidden(p.latest.scenes, p.baseline.scenes)
    goal_text = t("report.goal_value", lang, count=number(goal.target_count, lang),
                  date=date_text(goal.target_date, lang))
    if goal.is_example:
        goal_text += f". {t('kpi.goal_example', lang)}"
    status = t("kpi.on_track", lang) if p.on_track else t("kpi.behind", lang)
    if not both_hidden:  # the trajectory starts at the baseline's total
        status += ": " + t("kpi.versus_trajectory", lang, n=p.latest.scenes, allowed=p.allowed)
        status += ". " + t("kpi.trajectory_at", lang, expected=number(p.expected, lang, 1), name=p.latest.survey.name,
                           date=date_text(p.latest.survey.date, lang))
    return [(t("report.goal", lang), goal_text), (t("report.status", lang), status)]


def _cover(pdf: _Pdf, inp: ReportInput, today: dt.date) -> None:
    lang = inp.lang
    latest, baseline = inp.progress.latest.survey, inp.progress.baseline.survey
    pdf.heading(t("report.title", lang), 0)
    pdf.para(t("report.subtitle", lang, date=date_text(today, lang)), size=10)
    pdf.para(t("report.data", lang, latest=latest.name, latest_date=date_text(latest.date, lang),
               baseline=baseline.name, baseline_date=date_text(baseline.date, lang)), size=9, height=4.6)
    if inp.progress.swap is not None:  # the chosen baseline is withdrawn: say so, and what is used instead
        pdf.para(swap_text(inp.progress.swap, lang), size=9, bold=True, height=4.6, colour=_DEMO)
    elif not inp.progress.compared:
        pdf.para(t("kpi.no_comparison", lang), size=9, height=4.6)
    if any(s.survey.demo for s in inp.stats):
        pdf.para(t("report.demo", lang), size=9.5, bold=True, height=5, colour=_DEMO)
    if inp.disclosure.active:
        pdf.para(t("report.generalised", lang, n=inp.disclosure.threshold), size=8.5, height=4.4)
    pdf.ln(2)

    # Key figures: four cards in a row, then the goal and where we stand.
    y, w = pdf.get_y(), (pdf.epw - 3 * _GAP) / 4
    for i, (value, label, note) in enumerate(_cards(inp)):
        x = pdf.l_margin + i * (w + _GAP)
        with pdf.artifact(), pdf.local_context(fill_color=_CARD):
            pdf.rect(x, y, w, 23, style="F")
        pdf.set_xy(x + 2.5, y + 2)
        with pdf.tagged("/P"):
            pdf.font(16, bold=True)
            pdf.cell(w - 5, 8, value, new_x="LEFT", new_y="NEXT")
            pdf.font(8.5, bold=True)
            pdf.cell(w - 5, 4.6, label, new_x="LEFT", new_y="NEXT")
            pdf.font(7.5)
            with pdf.local_context(text_color=_GREY):
                pdf.cell(w - 5, 4.2, note, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, y + 26)
    for label, text in _goal_lines(inp):
        row = pdf.get_y()
        pdf.font(9, bold=True)
        with pdf.tagged("/P"):
            pdf.cell(24, 4.8, label)
            pdf.font(9)
            pdf.multi_cell(pdf.epw - 24, 4.8, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_y(max(pdf.get_y(), row + 4.8) + 0.6)
    pdf.ln(2)

    # The progress chart, full width.
    pdf.heading(t("progress.chart", lang), 1)
    table = progress_table(inp.stats, inp.ref.published_totals, inp.progress.goal, inp.seminars, lang,
                           disclosure=inp.disclosure)
    png = to_png(progress_chart(table, lang, width=540, height=165, compact_legend=True), scale=2)
    _, h = pdf.figure(png, pdf.l_margin, pdf.get_y(), pdf.epw, 64, t("report.chart_alt", lang))
    pdf.set_y(pdf.get_y() + h + 1)
    pdf.para(t("report.chart_help", lang), size=7.5, height=3.8)
    key = seminar_key(table, lang)
    if key:  # the chart numbers its seminars; their titles are here
        pdf.para(t("chart.seminar_key", lang) + ": " + "; ".join(key), size=7.5, height=3.8)
    pdf.ln(2)

    # The map of the latest survey on the left, its legend and explanation on the right.
    pdf.heading(t("report.map", lang, survey=latest.name), 1)
    data = print_map_data(inp.ref, inp.latest_scenes, exact=inp.exact, disclosure=inp.disclosure, lang=lang)
    top = pdf.get_y()
    room = pdf.page_break_trigger - top
    map_w, map_h = pdf.figure(to_png(print_map(data, width=260), scale=2), pdf.l_margin, top, 72, room,
                              t("report.map_alt" if inp.exact else "report.map_alt_generalised", lang,
                                survey=latest.name))
    x = pdf.l_margin + map_w + 2 * _GAP
    column = pdf.w - pdf.r_margin - x
    pdf.set_xy(x, top)
    pdf.para(t("map.legend", lang), size=9, bold=True, height=5, w=column)
    pdf.font(8)
    for label, colour in data.legend:
        row = pdf.get_y()
        with pdf.artifact(), pdf.local_context(fill_color=colour, draw_color=(140, 140, 140)):
            if label == t("report.map_point", lang):
                pdf.circle(x + 2.2, row + 2.2, 1.1, style="F")
            else:
                pdf.rect(x, row + 0.6, 6, 3.6, style="DF")
        pdf.set_xy(x + 8, row)
        pdf.para(label, size=8, height=4.4, w=column - 8)
        pdf.set_x(x)
    pdf.ln(2)
    pdf.set_x(x)
    caption = t("report.map_caption", lang, survey=latest.name, date=date_text(latest.date, lang))
    caption += " " + (t("report.map_caption_exact", lang) if inp.exact
                      else t("report.map_caption_generalised", lang, n=inp.disclosure.threshold))
    pdf.para(caption, size=8, height=4.2, w=column)
    pdf.ln(2)
    pdf.set_x(x)
    pdf.para(t("report.sources_note", lang), size=8, height=4.2, w=column, colour=_GREY)
    pdf.set_y(max(pdf.get_y(), top + map_h))


def _area_tables(inp: ReportInput) -> list[list[list[str]]]:
    """The per-area tables (municipality, police area) as rows of text, the heading row first.

    Two surveys compared: earlier, later and the change (`change_by`). No comparison (one survey shown, or the
    baseline is the latest): the latest survey's counts only (`breakdown`), never a survey against itself."""
    lang, dimensions = inp.lang, ("municipality", "police_area")
    names = [t("col.municipality", lang), t("col.police_area", lang)]
    if not inp.progress.compared:
        latest = inp.progress.latest.survey
        frames = [breakdown(inp.latest_scenes, [latest], inp.ref, dimension, lang, disclosure=inp.disclosure)
                  for dimension in dimensions]
        return [[[name, t("col.scenes", lang)]] + [[str(label), _count(n, lang)]
                                                  for label, n in zip(frame["label"], frame["scenes"], strict=True)]
                for name, frame in zip(names, frames, strict=True)]
    frames = [change_by(inp.baseline_scenes, inp.latest_scenes, inp.ref, dimension, lang,
                        disclosure=inp.disclosure) for dimension in dimensions]
    return [[[name, t("col.earlier", lang), t("col.later", lang), t("col.change", lang)]]
            + [[str(label), _count(earlier, lang), _count(later, lang),
                "–" if _real(change) is None else _signed(float(change), lang)]
               for label, earlier, later, change in zip(
                   frame["label"], frame["earlier"], frame["later"], frame["change"], strict=True)]
            for name, frame in zip(names, frames, strict=True)]


def _tables(pdf: _Pdf, inp: ReportInput) -> None:
    lang, compared = inp.lang, inp.progress.compared
    latest, baseline = inp.progress.latest.survey, inp.progress.baseline.survey
    pdf.heading(t("report.by_area", lang, baseline=baseline.name, latest=latest.name) if compared
                else t("report.by_area_single", lang, latest=latest.name), 1)
    if not compared:  # as on the cover: nothing earlier to compare with, so no change
        pdf.para(t("kpi.no_comparison", lang), size=8, height=4.2)
    if inp.disclosure.active:
        pdf.para(t("report.tables_generalised" if compared else "report.tables_generalised_single", lang,
                   n=inp.disclosure.threshold), size=8, height=4.2)
    pdf.ln(1)
    width = (pdf.epw - _GAP) / 2
    widths = (width - 54, 17.0, 17.0, 20.0) if compared else (width - 20, 20.0)
    tables = _area_tables(inp)
    tallest = max(sum(pdf.row_heights(rows, widths, 8)) for rows in tables)
    if tallest <= pdf.page_room():  # side by side, on one page
        pdf.room(tallest)
        y0, ends = pdf.get_y(), []
        for i, rows in enumerate(tables):
            pdf.set_y(y0)
            ends.append(pdf.data_table(rows, widths, x=pdf.l_margin + i * (width + _GAP)))
        pdf.set_xy(pdf.l_margin, max(ends) + 6)
        return
    for rows in tables:  # longer than a page: one after the other, each continuing on the next pages
        pdf.data_table(rows, widths, x=pdf.l_margin)
        pdf.set_xy(pdf.l_margin, pdf.get_y() + 6)


def _seminars(pdf: _Pdf, inp: ReportInput, today: dt.date) -> None:
    lang = inp.lang
    pdf.heading(t("report.seminars", lang), 1)
    upcoming, past = split_upcoming(inp.seminars, today)
    for key, items in (("seminars.upcoming", upcoming), ("seminars.past", past)):
        pdf.heading(t(key, lang), 2)
        if not items:
            pdf.para(t("seminars.no_upcoming" if key == "seminars.upcoming" else "report.no_past", lang), size=8.5,
                     height=4.4)
        for sem in items:
            focus = ", ".join(inp.ref.category_label(c, lang) for c in sem.focus_categories)
            details = " · ".join(x for x in (when_text(sem, lang, today), sem.place, sem.organiser) if x)
            if focus:
                details += f" · {t('seminars.focus', lang)}: {focus}"
            pdf.room(16)
            pdf.para(sem.title, size=9.5, bold=True, height=5)
            pdf.para(details, size=8.5, height=4.4)
            pdf.ln(1.5)
        pdf.ln(1)


def _impact_safety_page(pdf: _Pdf, inp: ReportInput) -> None:
    """A page of its own for the other half of the goal: whether the scenes that remain do less harm and feel safer,
    and what is done about them. It starts with impact over time; the safety indicators and the measures are
    further sections of this page (each its own level-2 heading under the page's heading)."""
    pdf.add_page()
    pdf.heading(t("impact.report_title", inp.lang), 1)
    _impact_section(pdf, inp)
    _indicators_section(pdf, inp)
    _measures_section(pdf, inp)


def _measures_section(pdf: _Pdf, inp: ReportInput) -> None:
    """The state of the measures at the latest survey. Cleared readers: the scenes without an ongoing measure or a
    responsible actor, measures by kind and status, and per organisation. Participants: counts per municipality and
    kind only, small ones as "fewer than N" (as on the coordination page)."""
    lang, coord = inp.lang, inp.coordination
    if coord is None:
        return
    pdf.ln(3)
    pdf.heading(t("measures.report_title", lang), 2)
    if not coord.measures:
        pdf.para(t("measures.report_empty", lang), size=8.5, height=4.4)
        return
    if coord.demo:
        pdf.para(t("coord.demo", lang), size=8.5, height=4.4, colour=_GREY)

    def table(frame: pd.DataFrame, texts: int, first: float) -> None:
        if (pdf.epw - texts * first) / max(1, len(frame.columns) - texts) < _MIN_NUMBER_COLUMN:
            frame = _long(frame, texts, t("col.kind", lang), t("report.col.count", lang))
            texts += 1
        rows = [[str(c) for c in frame.columns]] + [[str(v) for v in row] for row in frame.itertuples(index=False)]
        pdf.data_table(rows, _widths(pdf, first, texts, len(frame.columns)), x=pdf.l_margin, size=7.5, texts=texts)
        pdf.ln(2)

    if not inp.exact:
        pdf.para(t("measures.report_generalised", lang, n=inp.disclosure.threshold), size=8.5, height=4.4)
        table(participant_counts(inp.ref, coord, disclosure=inp.disclosure, lang=lang), 2, 28.0)
        return
    total = len(coord.scenes)
    pdf.para(t("measures.report_latest", lang, survey=inp.progress.latest.survey.name, scenes=total,
               no_ongoing=len(coord.without_ongoing), no_responsible=len(coord.without_responsible),
               measures=len(coord.measures)), size=9.5)
    table(kind_status_table(inp.ref, coord.measures, lang), 1, 50.0)
    table(actor_table(inp.ref, coord.measures, lang), 1, 70.0)


def _indicators_section(pdf: _Pdf, inp: ReportInput) -> None:
    """The safety indicators: per indicator and area its latest value beside the one before, with date and source;
    the sources' addresses below the table. Only stored, sourced values: the app ships none."""
    lang = inp.lang
    pdf.ln(3)
    pdf.heading(t("indicators.report_title", lang), 2)
    if not inp.indicators:
        pdf.para(t("indicators.report_empty", lang), size=8.5, height=4.4)
        return
    rows = [[t("indicators.col.indicator", lang), t("indicators.col.area", lang), t("indicators.col.source", lang),
             t("indicators.col.date", lang), t("indicators.col.value", lang), t("indicators.col.previous", lang)]]
    sources: dict[str, str] = {}
    for latest, previous in latest_values(inp.indicators):
        rows.append([latest.indicator, area_label(latest.area_level, latest.area_code, inp.ref, lang), latest.source,
                     date_text(latest.date, lang, "short"), value_text(latest, lang), "–" if previous is None else
                     f"{value_text(previous, lang)} ({date_text(previous.date, lang, 'short')})"])
        sources.setdefault(latest.source, latest.source_url)
    pdf.data_table(rows, (42.0, 26.0, pdf.epw - 135.0, 19.0, 18.0, 30.0), x=pdf.l_margin, size=7.5, texts=4)
    pdf.ln(1)
    for name, url in sources.items():
        pdf.para(f"{name}: {url}", size=7.5, height=3.8, colour=_GREY)


def _widths(pdf: _Pdf, text: float, texts: int, columns: int) -> tuple[float, ...]:
    """Column widths across the page: `texts` text columns `text` mm wide, the rest sharing what is left (rounded
    down to 0.1 mm, so the sum never exceeds the page's width)."""
    share = math.floor((pdf.epw - texts * text) / (columns - texts) * 10) / 10
    return (*[text] * texts, *[share] * (columns - texts))


def _impact_section(pdf: _Pdf, inp: ReportInput) -> None:
    """Impact per survey (high-rated, rated of all, missing, the distribution, the mean) and the continuing scenes'
    changes, as the reader may see the counts; the latest survey's figures beside its count and area."""
    lang, shown, result = inp.lang, inp.disclosure.county, inp.impact  # county-wide counts: shown
    pdf.heading(t("impact.title", lang), 2)
    if result is None or not result.any_rated or result.latest is None:
        pdf.para(t("impact.empty", lang), size=8.5, height=4.4)
        return
    latest, span = result.latest, high_range(result.high_min)
    values = {"survey": latest.survey.name, "scenes": shown.text(latest.scenes, lang)}
    if shown.hidden(latest.scenes):  # a county total too small to show: so is everything counted within it
        pdf.para(t("impact.report_hidden", lang, **values), size=9.5)
    else:
        area = inp.progress.latest.area_m2
        values |= {"area": _area(area, lang) + ("" if area is None else " ha"), "range": span}
        if latest.rated:
            values |= {"high": shown.text(latest.high, lang), "rated": shown.text(latest.rated, lang),
                       "missing": shown.text(latest.missing, lang)}
        pdf.para(t("impact.report_latest" if latest.rated else "impact.report_no_ratings", lang, **values), size=9.5)
    pdf.para(t("impact.help", lang, range=span), size=8, height=4.2, colour=_GREY)
    pdf.ln(1)
    # The table of the pages in two, so every header fits its column: the figures, then the distribution.
    table = impact_table(result, lang, disclosure=shown)
    mean = t("impact.col.mean", lang)
    name, missing = t("col.name", lang), t("impact.col.missing", lang)
    ratings = [t("impact.col.rating", lang, rating=r) for r in RATINGS]
    figures = [t("col.scenes", lang), t("impact.col.rated", lang), missing,
               t("impact.col.high", lang, range=span), mean]
    for columns in ([name, *figures], [name, *ratings, missing]):
        part = table[columns]
        rows = [columns] + [[str(r.iloc[0]), *(_count(v, lang) for v in r.iloc[1:])] for _, r in part.iterrows()]
        if mean in columns:  # the mean has one decimal (3,0), the counts none
            for row, value in zip(rows[1:], part[mean], strict=True):
                row[-1] = "–" if _real(value) is None else number(float(value), lang, 1)
        pdf.data_table(rows, _widths(pdf, 50.0, 1, len(columns)), x=pdf.l_margin, size=7.5)
        pdf.ln(3)
    pdf.ln(1)
    pdf.para(t("impact.changes", lang), size=9.5, bold=True)
    pdf.para(t("impact.changes_help", lang), size=8, height=4.2, colour=_GREY)
    pdf.ln(1)
    if not result.changes:
        pdf.para(t("impact.no_changes", lang), size=8.5, height=4.4)
        return
    changes = change_table(result, lang, disclosure=shown)
    rows = [[str(c) for c in changes.columns]] + [
        [str(r.iloc[0]), str(r.iloc[1]), *(_count(v, lang) for v in r.iloc[2:])] for _, r in changes.iterrows()]
    pdf.data_table(rows, _widths(pdf, 36.0, 2, len(rows[0])), x=pdf.l_margin, size=7.5, texts=2)
    pdf.ln(4)


def _sources(pdf: _Pdf, inp: ReportInput) -> None:
    lang = inp.lang
    pdf.ln(2)
    pdf.heading(t("report.sources_title", lang), 1)
    by_source: dict[str, list[str]] = {}
    for s in inp.stats:
        if s.survey.source:
            by_source.setdefault(s.survey.source, []).append(s.survey.name)
    surveys = "; ".join(f"{', '.join(names)}: {source}" for source, names in by_source.items())
    if surveys:
        pdf.para(t("report.survey_sources", lang, sources=surveys), size=7.5, height=3.8)
        pdf.ln(1)
    totals = "; ".join(f"{p.label}: {p.source}" for p in inp.ref.published_totals)
    pdf.para(t("report.sources", lang, sources=totals), size=7.5, height=3.8)
    pdf.ln(1)
    pdf.para(t("report.map_source", lang), size=7.5, height=3.8)


def build_report(inp: ReportInput) -> bytes:
    """The PDF as bytes."""
    lang = inp.lang
    today = inp.today or local_today()  # Stockholm's day, not the server's
    latest, baseline = inp.progress.latest.survey, inp.progress.baseline.survey
    title = t("report.title", lang)
    pdf = _Pdf(f"{title} · {date_text(today, lang)}")
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_author(t("report.author", lang))
    pdf.set_subject(t("report.subject", lang, date=date_text(today, lang), latest=latest.name,
                      baseline=baseline.name))
    pdf.set_creator("scenes")
    pdf.set_xmp_metadata(_xmp(pdf, lang))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.alias_nb_pages()
    pdf.add_page()
    _cover(pdf, inp, today)
    pdf.add_page()
    _tables(pdf, inp)
    _seminars(pdf, inp, today)
    _impact_safety_page(pdf, inp)
    _sources(pdf, inp)
    pdf.unmap_notdef()
    return bytes(pdf.output())
