"""The entry pages' core: measure and indicator tables in words, a measure's history, the filter, and the
safety-indicator chart (rendered offline through vl-convert)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pandas as pd

from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.reference import Reference
from scenes.render.charts import indicator_chart, indicator_table, to_png
from scenes.views.entry import MeasureFilter, filter_measures, indicators_view, measure_history, measures_view

SCENES = {"S1": "Plattan (S1, Stockholm)"}


def _m(**kw: object) -> Measure:
    base: dict[str, object] = {"measure_id": "atg-1", "kind": "uppsokande", "actor": "region_stockholm",
                               "status": "planerad", "scene_id": "S1", "version": 1, "created_by": "ana",
                               "created_at": dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)}
    return Measure(**{**base, **kw})  # type: ignore[arg-type]


def _ind(value: float, day: dt.date, **kw: object) -> Indicator:
    base: dict[str, object] = {"indicator": "Andel otrygga", "value": value, "unit": "%", "date": day,
                               "area_level": "lan", "area_code": "", "source": "Testkälla",
                               "source_url": "https://example.org/a"}
    return Indicator(**{**base, **kw})  # type: ignore[arg-type]


def test_the_list_shows_labels_not_codes(ref: Reference) -> None:
    """Kind, actor, status and target are words in the reader's language; the demo column appears only for demo."""
    items = [_m(), _m(measure_id="atg-2", scene_id=None, kommun_kod="0180", status="pagaende")]
    table = measures_view(items, ref, SCENES, "sv")
    assert list(table["Hör till"]) == ["Plattan (S1, Stockholm)", "Stockholm (kommun)"]
    assert list(table["Typ"]) == ["Uppsökande socialt arbete"] * 2
    assert list(table["Status"]) == ["Planerad", "Pågående"]
    assert "Exempeldata" not in table.columns
    demo = measures_view([dataclasses.replace(items[0], demo=True)], ref, SCENES, "en")
    assert list(demo["Demo data"]) == [True]
    assert list(demo["Kind"]) == ["Social outreach"]


def test_the_filter_combines_status_kind_actor_and_text(ref: Reference) -> None:
    items = [_m(), _m(measure_id="atg-2", status="avslutad", note="Belysning"), _m(measure_id="atg-3",
                                                                                   kind="polisiar")]

    def ids(filt: MeasureFilter) -> list[str]:
        return [m.measure_id for m in filter_measures(items, filt, ref, SCENES, "sv")]

    assert ids(MeasureFilter(statuses=("planerad",))) == ["atg-1", "atg-3"]
    assert ids(MeasureFilter(kinds=("polisiar",))) == ["atg-3"]
    assert ids(MeasureFilter(text="belysning")) == ["atg-2"]
    assert ids(MeasureFilter(text="plattan")) == ["atg-1", "atg-2", "atg-3"]


def test_history_says_who_when_and_what_changed(ref: Reference) -> None:
    """Newest first; each version names the fields that changed, old → new, in words; a removal says so."""
    v1 = _m()
    v2 = _m(version=2, status="pagaende", start_date=dt.date(2025, 4, 1), created_by="bo")
    v3 = _m(version=3, status="pagaende", start_date=dt.date(2025, 4, 1), removed=True, created_by="ana")
    table = measure_history([v3, v1, v2], ref, SCENES, "sv")
    assert list(table["Version"]) == [3, 2, 1]
    assert list(table["Vem"]) == ["ana", "bo", "ana"]
    assert list(table["Vad"]) == ["Borttagen", "Status: Planerad → Pågående; Startdatum (valfritt): – → 2025-04-01",
                                  "Tillagd för Plattan (S1, Stockholm)"]


def test_indicator_values_name_their_area_and_keep_the_address(ref: Reference) -> None:
    items = [_ind(31.5, dt.date(2024, 12, 31)), _ind(12.0, dt.date(2023, 12, 31), area_level="kommun",
                                                     area_code="0180")]
    table = indicators_view(items, ref, "sv")
    assert list(table["Område"]) == ["Stockholm", "Länet"]
    assert list(table["Värde"]) == ["12", "31,5"]
    assert list(table["source_url"]) == ["https://example.org/a"] * 2


def test_indicator_chart_one_series_per_area_with_unit_and_source(ref: Reference) -> None:
    """One line and marks per indicator and area, on a date axis; the value axis names the shared unit and starts
    at zero; the tooltip carries the source; Swedish numbers; it renders offline."""
    items = [_ind(31.5, dt.date(2022, 12, 31)), _ind(28.0, dt.date(2024, 12, 31)),
             _ind(40.0, dt.date(2024, 12, 31), area_level="kommun", area_code="0180")]
    chart = indicator_chart(items, ref, "sv")
    spec = chart.to_dict()
    table = indicator_table(items, ref, "sv")
    assert sorted(set(table["series"])) == ["Andel otrygga – Länet", "Andel otrygga – Stockholm"]
    layer = spec["layer"][1]
    assert layer["encoding"]["y"]["title"] == "Värde (%)"
    assert layer["encoding"]["y"]["scale"]["zero"] is True
    assert layer["encoding"]["shape"]["field"] == "series"  # not colour alone
    assert "Källa" in [tip["title"] for tip in layer["encoding"]["tooltip"]]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert to_png(chart).startswith(b"\x89PNG")


def test_indicator_chart_with_several_units_names_them_in_the_legend(ref: Reference) -> None:
    items = [_ind(31.5, dt.date(2022, 12, 31)), _ind(3.0, dt.date(2022, 12, 31), indicator="Anmälda brott",
                                                     unit="per 1 000")]
    spec = indicator_chart(items, ref, "en").to_dict()
    assert spec["layer"][1]["encoding"]["y"]["title"] == "Value"
    data = pd.DataFrame(next(iter(spec["datasets"].values())))
    assert sorted(data["series"]) == ["Andel otrygga – The county (%)", "Anmälda brott – The county (per 1 000)"]
    assert json.dumps(spec)  # serialisable as Streamlit sends it
