"""Lägesrapport: an A4 PDF for steering-group meetings, made without a browser.

Page 1 is the cover summary: title and date, what the data is (surveys, dates, demo notice), the key figures
against the baseline and the goal, the progress chart and a map of the latest survey (both drawn in-process by
vl-convert). Page 2: change per municipality and per local police area, the seminars (upcoming first, then past).
Page 3, "Impact, safety and measures" (`scenes.render.report_impact`): impact over time (the latest survey's impact
beside its count and area, per survey and the continuing scenes' changes; further sections of that page are for the
safety indicators and the measures), then the sources of every figure.

The report is read as the reader may read the data: `ReportInput.disclosure` hides small counts ("fewer than 3")
in the key figures, the chart, the tables, the map and the impact figures, and scene locations are drawn only when
`exact`.

Numbers and dates are written as the language writes them (Babel, `scenes.i18n`). Text is set in DejaVu Sans,
shipped with the package, by the tagged-PDF writer (`scenes.render.pdf`). The PDF carries its title (shown by
viewers), language, author and subject, and a structure tree: headings, paragraphs, tables and figures with
alternative text are tagged, page furniture is marked as artifacts, and the headings make the outline (bookmarks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import geopandas as gpd
from fpdf.prefs import ViewerPreferences

from scenes.domain.breakdown import breakdown, change_by
from scenes.domain.coordination import Coordination
from scenes.domain.disclosure import Disclosure
from scenes.domain.impact import Impact
from scenes.domain.indicators import Indicator
from scenes.domain.progress import Progress, SurveyStats, swap_text
from scenes.domain.seminars import split_upcoming, when_text
from scenes.i18n import date_text, local_today, number, t
from scenes.model import Lang, Seminar
from scenes.reference import Reference
from scenes.render.charts import progress_chart, progress_table, seminar_key, to_png
from scenes.render.pdf import CARD, FONT_DIR, GREY, TaggedPdf, area_text, count_text, real, xmp_metadata
from scenes.render.printmap import print_map, print_map_data
from scenes.render.report_impact import impact_safety_page

__all__ = ["FONT_DIR", "ReportInput", "build_report"]

_DEMO = (150, 70, 0)
_GAP = 4.0  # mm between columns


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


def _signed(value: float, lang: Lang, decimals: int = 0) -> str:
    """A change with its sign: +3, -11, 0 (Swedish: -1,5)."""
    return ("+" if round(value, decimals) > 0 else "") + number(value, lang, decimals)


def _percent(value: float, lang: Lang) -> str:
    return t("report.percent", lang, pct=_signed(value, lang))


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
        ("–" if hidden else area_text(latest.area_m2, lang), t("kpi.area", lang), area_note),
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


def _cover(pdf: TaggedPdf, inp: ReportInput, today: dt.date) -> None:
    lang = inp.lang
    latest, baseline = inp.progress.latest.survey, inp.progress.baseline.survey
    pdf.heading(t("report.title", lang), 0)
    pdf.para(t("report.subtitle", lang, date=date_text(today, lang)), size=10)
    pdf.para(t("report.data", lang, latest=latest.name, latest_date=date_text(latest.date, lang),
               baseline=baseline.name, baseline_date=date_text(baseline.date, lang)), size=9, height=4.6)
    if inp.progress.swap is not None:  # the chosen baseline is withdrawn: say so, and what is used instead
        pdf.para(swap_text(inp.progress.swap, lang, escape=str), size=9, bold=True, height=4.6, colour=_DEMO)
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
        with pdf.artifact(), pdf.local_context(fill_color=CARD):
            pdf.rect(x, y, w, 23, style="F")
        pdf.set_xy(x + 2.5, y + 2)
        with pdf.tagged("/P"):
            pdf.font(16, bold=True)
            pdf.cell(w - 5, 8, value, new_x="LEFT", new_y="NEXT")
            pdf.font(8.5, bold=True)
            pdf.cell(w - 5, 4.6, label, new_x="LEFT", new_y="NEXT")
            pdf.font(7.5)
            with pdf.local_context(text_color=GREY):
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
    pdf.para(t("report.sources_note", lang), size=8, height=4.2, w=column, colour=GREY)
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
        return [[[name, t("col.scenes", lang)]] + [[str(label), count_text(n, lang)]
                                                  for label, n in zip(frame["label"], frame["scenes"], strict=True)]
                for name, frame in zip(names, frames, strict=True)]
    frames = [change_by(inp.baseline_scenes, inp.latest_scenes, inp.ref, dimension, lang,
                        disclosure=inp.disclosure) for dimension in dimensions]
    return [[[name, t("col.earlier", lang), t("col.later", lang), t("col.change", lang)]]
            + [[str(label), count_text(earlier, lang), count_text(later, lang),
                "–" if real(change) is None else _signed(float(change), lang)]
               for label, earlier, later, change in zip(
                   frame["label"], frame["earlier"], frame["later"], frame["change"], strict=True)]
            for name, frame in zip(names, frames, strict=True)]


def _tables(pdf: TaggedPdf, inp: ReportInput) -> None:
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


def _seminars(pdf: TaggedPdf, inp: ReportInput, today: dt.date) -> None:
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


def _sources(pdf: TaggedPdf, inp: ReportInput) -> None:
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
    pdf = TaggedPdf(f"{title} · {date_text(today, lang)}")
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_author(t("report.author", lang))
    pdf.set_subject(t("report.subject", lang, date=date_text(today, lang), latest=latest.name,
                      baseline=baseline.name))
    pdf.set_creator("scenes")
    pdf.set_xmp_metadata(xmp_metadata(pdf, lang))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.alias_nb_pages()
    pdf.add_page()
    _cover(pdf, inp, today)
    pdf.add_page()
    _tables(pdf, inp)
    _seminars(pdf, inp, today)
    impact_safety_page(pdf, inp)
    _sources(pdf, inp)
    pdf.unmap_notdef()
    return bytes(pdf.output())
