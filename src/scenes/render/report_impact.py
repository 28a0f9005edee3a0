"""Page 3 of the report, "Impact, safety and measures": impact over time (the latest survey's impact beside its count
and area, per survey and the continuing scenes' changes), the safety indicators and the state of the measures, each
as the reader may see it (`ReportInput.disclosure`, `exact`). Set by `scenes.render.report.build_report`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from scenes.domain.coordination import actor_table, kind_status_table, participant_counts
from scenes.domain.impact import RATINGS, change_table, high_range, impact_table
from scenes.domain.indicators import area_label, latest_values, value_text
from scenes.i18n import date_text, number, t
from scenes.render.pdf import GREY, TaggedPdf, area_text, count_text, real

if TYPE_CHECKING:
    from scenes.render.report import ReportInput

__all__ = ["impact_safety_page"]

#: the narrowest a number column may be (mm); a table with more number columns than fit is shown long instead
_MIN_NUMBER_COLUMN = 14.0


def _long(frame: pd.DataFrame, texts: int, variable: str, value: str) -> pd.DataFrame:
    """A table with too many number columns for the page, one row per (text columns, column) instead; cells
    holding 0 are left out (the wide table showed them as 0)."""
    long = frame.melt(id_vars=list(frame.columns[:texts]), var_name=variable, value_name=value)
    return long.loc[long[value].astype(str) != "0"].reset_index(drop=True)


def impact_safety_page(pdf: TaggedPdf, inp: ReportInput) -> None:
    """A page of its own for the other half of the goal: whether the scenes that remain do less harm and feel safer,
    and what is done about them. It starts with impact over time; the safety indicators and the measures are
    further sections of this page (each its own level-2 heading under the page's heading)."""
    pdf.add_page()
    pdf.heading(t("impact.report_title", inp.lang), 1)
    _impact_section(pdf, inp)
    _indicators_section(pdf, inp)
    _measures_section(pdf, inp)


def _measures_section(pdf: TaggedPdf, inp: ReportInput) -> None:
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
        pdf.para(t("coord.demo", lang), size=8.5, height=4.4, colour=GREY)

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


def _indicators_section(pdf: TaggedPdf, inp: ReportInput) -> None:
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
        pdf.para(f"{name}: {url}", size=7.5, height=3.8, colour=GREY)


def _widths(pdf: TaggedPdf, text: float, texts: int, columns: int) -> tuple[float, ...]:
    """Column widths across the page: `texts` text columns `text` mm wide, the rest sharing what is left (rounded
    down to 0.1 mm, so the sum never exceeds the page's width)."""
    share = math.floor((pdf.epw - texts * text) / (columns - texts) * 10) / 10
    return (*[text] * texts, *[share] * (columns - texts))


def _impact_section(pdf: TaggedPdf, inp: ReportInput) -> None:
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
        values |= {"area": area_text(area, lang) + ("" if area is None else " ha"), "range": span}
        if latest.rated:
            values |= {"high": shown.text(latest.high, lang), "rated": shown.text(latest.rated, lang),
                       "missing": shown.text(latest.missing, lang)}
        pdf.para(t("impact.report_latest" if latest.rated else "impact.report_no_ratings", lang, **values), size=9.5)
    pdf.para(t("impact.help", lang, range=span), size=8, height=4.2, colour=GREY)
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
        rows = [columns] + [[str(r.iloc[0]), *(count_text(v, lang) for v in r.iloc[1:])] for _, r in part.iterrows()]
        if mean in columns:  # the mean has one decimal (3,0), the counts none
            for row, value in zip(rows[1:], part[mean], strict=True):
                row[-1] = "–" if real(value) is None else number(float(value), lang, 1)
        pdf.data_table(rows, _widths(pdf, 50.0, 1, len(columns)), x=pdf.l_margin, size=7.5)
        pdf.ln(3)
    pdf.ln(1)
    pdf.para(t("impact.changes", lang), size=9.5, bold=True)
    pdf.para(t("impact.changes_help", lang), size=8, height=4.2, colour=GREY)
    pdf.ln(1)
    if not result.changes:
        pdf.para(t("impact.no_changes", lang), size=8.5, height=4.4)
        return
    changes = change_table(result, lang, disclosure=shown)
    rows = [[str(c) for c in changes.columns]] + [
        [str(r.iloc[0]), str(r.iloc[1]), *(count_text(v, lang) for v in r.iloc[2:])] for _, r in changes.iterrows()]
    pdf.data_table(rows, _widths(pdf, 36.0, 2, len(rows[0])), x=pdf.l_margin, size=7.5, texts=2)
    pdf.ln(4)
