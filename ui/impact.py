"""Page part: impact over time (the overview's key figure and the progress page's section). Its counts are
county-wide, so every reader sees them (`Disclosure.county`: rated + unrated = the total, which is shown, so hiding
one would protect nothing); missing ratings read as missing."""

from __future__ import annotations

from typing import Any

import streamlit as st

import ui
from scenes.domain.impact import change_table, distribution_table, high_range, impact_table
from scenes.render.charts import impact_chart


def metric(column: Any, total_hidden: bool) -> None:
    """The latest survey's high-rated scenes as a key figure, with how many are rated and how many are not.

    `total_hidden`: the survey's own count is hidden from this reader, so everything counted within it is too."""
    result, lang, shown = ui.impact_figures(), ui.lang(), ui.disclosure().county
    latest = result.latest
    if latest is None:
        return
    span = high_range(result.high_min)
    if total_hidden or not latest.rated:
        value, note = "–", None if total_hidden else ui.tr("impact.kpi_none")
    else:
        value = shown.text(latest.high, lang)
        note = ui.tr("impact.kpi_of", rated=shown.text(latest.rated, lang), missing=shown.text(latest.missing, lang))
    column.metric(ui.tr("impact.kpi", range=span), value, border=True, help=ui.tr("impact.kpi_help", range=span),
                  delta=note, delta_color="off", delta_arrow="off")


def section() -> None:
    """Per survey: the high-rated count and the distribution (chart, table, download); per pair of consecutive
    surveys: the continuing scenes that became less, equally or more harmful, or cannot be compared."""
    result, lang, shown = ui.impact_figures(), ui.lang(), ui.disclosure().county
    st.subheader(ui.tr("impact.title"))
    if not result.any_rated:
        st.info(ui.tr("impact.empty"), icon=":material/inbox:")
        return
    st.caption(ui.tr("impact.help", range=high_range(result.high_min)))
    st.markdown(f"**{ui.tr('impact.distribution')}**")
    data = distribution_table(result, lang)
    plotted = shown.visible(data, "scenes")  # a hidden count is no segment
    st.altair_chart(impact_chart(plotted, lang), width="stretch")
    st.caption(ui.tr("impact.chart_help"))
    if len(plotted) < len(data):
        st.caption(ui.tr("disclosure.groups_not_shown", n=shown.threshold))
    ui.table_with_download(impact_table(result, lang, disclosure=shown), "inverkan.csv", key="dl_impact")

    st.markdown(f"**{ui.tr('impact.changes')}**")
    st.caption(ui.tr("impact.changes_help"))
    if not result.changes:
        st.info(ui.tr("impact.no_changes"), icon=":material/info:")
        return
    ui.table_with_download(change_table(result, lang, disclosure=shown), "inverkan-forandring.csv",
                           key="dl_impact_change")
