"""The tagged-PDF writer the report is set with (fpdf2): DejaVu Sans shipped with the package, paragraphs and
headings that move whole to the next page, figures with alternative text, and data tables that continue over pages
with their heading row repeated. Headings, paragraphs, tables and figures are tagged in the structure tree, page
furniture is marked as artifacts, and the headings make the outline; `xmp_metadata` carries the PDF/UA
identification. The report's content is `scenes.render.report`; the cells' text helpers are shared by its pages.
"""

from __future__ import annotations

import html
import io
import math
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from numbers import Real
from pathlib import Path
from typing import cast

from fpdf import FPDF
from fpdf.enums import MethodReturnValue
from fpdf.fonts import FontFace
from fpdf.util import Padding

from scenes.i18n import number, t
from scenes.model import Lang

__all__ = ["CARD", "FONT_DIR", "GREY", "MAX_CELL", "TaggedPdf", "area_text", "clip", "count_text", "real",
           "xmp_metadata"]

#: DejaVu Sans ships with the package (see fonts/LICENSE): the report never depends on the host's fonts.
FONT_DIR = Path(__file__).parent / "fonts"
GREY = (90, 90, 90)
CARD = (243, 244, 246)
_PADDING = (0.4, 1.0)  # a table cell's padding: top and bottom, left and right (mm)
_ROW_SLACK = 0.3  # mm added to each measured row, so a part measured to fit is never pushed over a page break
#: the most characters a table cell shows (then "…"): enough for any name or note, and no row is taller than a page
MAX_CELL = 400


def _png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the PNG header."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def xmp_metadata(pdf: FPDF, lang: Lang) -> str:
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


class TaggedPdf(FPDF):
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
        with self.artifact(), self.local_context(text_color=GREY):
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
        number columns (the rest) right-aligned; a cell holds at most MAX_CELL characters, so any row fits a page.

        A table that fits on a page is moved to the next one whole if it does not fit on this one. A longer one
        starts here and continues on the following pages with its heading row repeated; each page's part is its own
        tagged /Table (marked content cannot cross a page; fpdf2 2.8 does not tag rows and cells), so the
        structure stays valid whatever the amount of content.
        """
        rows = [[clip(v) for v in row] for row in rows]
        heights = self.row_heights(rows, widths, size)
        room = self.page_room()
        for i, height in enumerate(heights):  # narrow columns of wide letters: clip further until the row fits
            limit = MAX_CELL
            while height > (room / 2 if i == 0 else room - heights[0]) and limit > 10:
                limit //= 2
                rows[i] = [clip(v, limit) for v in rows[i]]
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
            borders_layout="HORIZONTAL_LINES", headings_style=FontFace(emphasis="BOLD", fill_color=CARD),
            padding=_PADDING, first_row_as_headings=True, repeat_headings=0,
        ) as table:
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)


def clip(text: str, limit: int = MAX_CELL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def real(value: object) -> float | None:
    """A table value as a number; None for text and missing values (None, NaN, pd.NA)."""
    if isinstance(value, Real) and not math.isnan(float(value)):
        return float(value)
    return None


def count_text(value: object, lang: Lang) -> str:
    """A table cell: a count as the language writes it, text ("fewer than 3") as it is, nothing as a dash."""
    if isinstance(value, str):
        return value
    n = real(value)
    return "–" if n is None else number(n, lang)


def area_text(area_m2: float | None, lang: Lang) -> str:
    """An area in hectares, or "not measured" (a survey without polygons: never 0,0)."""
    return t("kpi.area_not_measured", lang) if area_m2 is None else number(area_m2 / 10_000, lang, 1)
