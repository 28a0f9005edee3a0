"""Trygghetsindikatorer: sourced safety-indicator values (value, unit, date, area, source and its address) entered
by analysts or imported from a file, listed with their sources as links and charted over time. The app ships none."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import ui
from scenes.domain.indicators import AREA_LEVELS, INDICATOR_COLUMNS, Indicator, area_label, parse_indicator
from scenes.errors import ValidationFailed
from scenes.render.charts import indicator_chart
from scenes.views.entry import indicators_view
from ui import records

#: a problem's column -> the catalogue key of the form field it names
_FIELDS = {f: f"indicators.field.{f}" for f in ("indicator", "value", "unit", "date", "area_level", "area_code",
                                                "source", "source_url", "note")}


def _form(items: list[Indicator], readonly: bool) -> None:
    """One value: the same indicator, area and date as a stored value replaces it (the audit keeps the old one)."""
    dash, lang = ui.dashboard(), ui.lang()
    ref = dash.reference
    level = st.segmented_control(ui.tr("indicators.field.area_level"), AREA_LEVELS, default="lan", key="i_level",
                                 format_func=lambda c: ui.tr(f"indicator.level.{c}")) or "lan"
    areas = {"lan": {"": ui.tr("indicator.level.lan")},
             "kommun": {c: ref.municipality_name(c) for c in ref.municipalities["kommun_kod"]},
             "lokalpolisomrade": {c: ref.police_area_name(c) for c in ref.police_areas["lpo_code"]}}[level]
    names = sorted({i.indicator for i in items})
    with st.form(f"indicator_form_{level}"):
        name = st.text_input(ui.tr("indicators.field.indicator"), max_chars=200,
                             help=ui.tr("indicators.indicator_help", names=", ".join(names) or "–"))
        c1, c2, c3 = st.columns(3)
        value = c1.text_input(ui.tr("indicators.field.value"), help=ui.tr("indicators.value_help"))
        unit = c2.text_input(ui.tr("indicators.field.unit"), max_chars=100, help=ui.tr("indicators.unit_help"))
        day = c3.date_input(ui.tr("indicators.field.date"), value=None, format=ui.date_format(),
                            min_value=dt.date(1990, 1, 1), help=ui.tr("indicators.date_help"))
        code = st.selectbox(ui.tr("indicators.field.area_code"), list(areas), format_func=areas.__getitem__,
                            index=0 if level == "lan" else None, placeholder=ui.tr("form.choose"))
        source = st.text_input(ui.tr("indicators.field.source"), max_chars=1_000, help=ui.tr("indicators.source_help"))
        url = st.text_input(ui.tr("indicators.field.source_url"), max_chars=1_000, placeholder="https://")
        note = st.text_area(ui.tr("indicators.field.note"), max_chars=2_000)
        if st.form_submit_button(ui.tr("indicators.save"), type="primary", disabled=readonly):
            cells = {"indicator": name, "value": value, "unit": unit, "date": day.isoformat() if day else "",
                     "area_level": level, "area_code": code or "", "source": source, "source_url": url, "note": note}
            item, problems = parse_indicator(cells, ref)  # the file import's own rules
            try:
                if problems:
                    raise ValidationFailed("The value was not saved.", problems, code="indicator_invalid")
                dash.save_indicator(item, actor=ui.actor())
            except ValidationFailed as exc:
                ui.show_error(exc, columns=_FIELDS)
                return
            ui.done(ui.tr("indicators.saved", indicator=item.indicator,
                                          area=area_label(level, item.area_code, ref, lang)))


def _import(name: str, data: bytes) -> str:
    added, replaced = ui.dashboard().import_indicators(name, data, actor=ui.actor())
    return ui.tr("indicators.imported", added=added, replaced=replaced)


def _remove(items: list[Indicator], readonly: bool) -> None:
    """Remove one value, after a confirmation."""
    dash, lang = ui.dashboard(), ui.lang()
    by_key = {i.key: i for i in items}
    key = st.selectbox(ui.tr("indicators.remove_choose"), list(by_key), index=None, key="i_remove_choice",
                       placeholder=ui.tr("form.choose"), format_func=lambda k: ui.tr(
                           "indicators.value_label", indicator=k[0], area=area_label(k[1], k[2], dash.reference, lang),
                           date=ui.day(k[3], "short"), value=ui.num(by_key[k].value, 2), unit=by_key[k].unit))
    if records.confirmed("indicators.remove", "indicators.remove_confirm", "i_remove", readonly=readonly or not key):
        assert key is not None  # noqa: S101 - the button is disabled without a choice
        dash.remove_indicator(key, actor=ui.actor())
        ui.done(ui.tr("indicators.removed", indicator=key[0]))


def render() -> None:
    ui.require("indicators")
    st.title(ui.tr("indicators.title"))
    st.markdown(ui.tr("indicators.intro"))
    dash, lang = ui.dashboard(), ui.lang()
    ref, items = dash.reference, ui.indicators()
    readonly = ui.demo_readonly()
    ui.flash()
    if not items:
        st.info(ui.tr("indicators.empty"), icon=":material/query_stats:")
    else:
        for name in sorted({i.indicator for i in items}):
            st.subheader(ui.escape_markdown(name), anchor=False)
            values = [i for i in items if i.indicator == name]
            st.altair_chart(indicator_chart(values, ref, lang), width="stretch")
        st.subheader(ui.tr("indicators.list"), anchor=False)
        records.table_with_links(indicators_view(items, ref, lang), "source_url", ui.tr("indicators.col.source_url"))
    st.subheader(ui.tr("indicators.add"), anchor=False)
    st.caption(ui.tr("indicators.add_help"))
    _form(items, readonly)
    if items:
        with st.expander(ui.tr("indicators.remove_title"), icon=":material/delete:"):
            _remove(items, readonly)
    st.subheader(ui.tr("indicators.files"), anchor=False)
    records.files("indicators", INDICATOR_COLUMNS, _import, dash.export_indicators, "trygghetsindikatorer",
                  readonly=readonly)


ui.guarded(render)
