"""Hostile text everywhere it is rendered or exported: HTML/JS escaping and spreadsheet formula injection."""

from __future__ import annotations

import csv
import html
import io
import re

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from scenes.domain.disclosure import SHOW_ALL
from scenes.io.formats import normalise_scene_frame, table_to_csv
from scenes.reference import Reference
from scenes.render.exports import scenes_to_excel_csv
from scenes.render.maps import MapOptions, full_map, legend_html, safe

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\"><svg onload=alert(3)>",
    "'; alert(4); '",
    "`${alert(5)}`",
    "\\u003cscript\\u003e",
    "[länk](javascript:alert(6))",
]
FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x")']


def _json_text(page: str) -> str:
    """The page with JSON's \\uXXXX escapes (folium writes <, >, & and non-ASCII that way) decoded."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def _frame(text: str) -> gpd.GeoDataFrame:
    return normalise_scene_frame(gpd.GeoDataFrame({
        "survey_id": ["s"], "scene_id": ["X1"], "name": [text], "kommun_kod": ["0127"], "kommun": [text],
        "lokalpolisomrade": ["botkyrka"], "categories": [["festmiljo"]], "notes": [text],
    }, geometry=[Point(17.83, 59.2)], crs=4326))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_map_never_carries_live_markup(ref: Reference, payload: str) -> None:
    """Names and notes reach the map HTML only escaped (no tag, no template-literal break-out)."""
    page = full_map(ref, _frame(payload), None, MapOptions(lang="sv", precision="exact",
                                                           disclosure=SHOW_ALL)).get_root().render()
    assert payload not in page or not any(ch in payload for ch in "<>`$\"'")
    assert safe(payload) in _json_text(page)  # tooltips travel as JSON strings: decode \u003c etc. first


@pytest.mark.parametrize("payload", PAYLOADS)
def test_legend_html_escapes(payload: str) -> None:
    """The legend (shown with st.html) escapes its labels and title."""
    from scenes.render.maps import LegendItem

    out = legend_html([LegendItem("category", payload, "#000000", payload)], payload)
    assert "<script>" not in out
    assert "<img" not in out
    assert "<svg" not in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escaping(payload: str) -> None:
    """User text put into st.markdown is HTML-escaped and its markdown specials neutralised."""
    import ui

    out = ui.escape_markdown(payload)
    assert "<" not in out
    assert "](" not in out


@pytest.mark.parametrize("text", ["see http://evil.example/x", "HTTPS://evil.example", "www.evil.example",
                                  "mail eve@evil.example"])
def test_markdown_escaping_stops_autolinks(text: str) -> None:
    """A bare address in user text is not turned into a link. Streamlit finds autolinks in the parsed text, where
    backslash escapes are gone, so the patterns are broken with an invisible word joiner (U+2060); the browser
    test (tests/browser/test_user_text_browser.py) proves no link is drawn."""
    import re

    import ui

    plain = re.sub(r"\\(.)", r"\1", ui.escape_markdown(text))  # the text as Markdown leaves it
    assert not re.search(r"(?i)(https?://|www\.|\w@)", plain), plain
    assert plain.replace("\u2060", "") == text  # nothing else changes: it reads the same


@pytest.mark.parametrize("formula", FORMULAS)
def test_scene_csv_neutralises_formulas(formula: str) -> None:
    """A cell that a spreadsheet would run as a formula is written as text (leading apostrophe)."""
    text = scenes_to_excel_csv(_frame(formula)).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert row["name"].startswith("'")
    assert row["notes"].startswith("'")


@pytest.mark.parametrize("formula", FORMULAS)
def test_table_csv_neutralises_formulas(formula: str) -> None:
    """Every table download (reports, breakdowns, audit log) neutralises formulas too."""
    text = table_to_csv(pd.DataFrame({"a": [formula], "n": [-3]}))
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert row["a"] == "'" + formula
    assert row["n"] == "-3"


def _xlsx_with_sheet_xml(xml: str) -> bytes:
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["scene_id", "name"])
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, xml.encode() if item.filename == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize(("label", "data"), [
    ("zip that is not a workbook", b"PK\x03\x04" + b"\x00" * 200),
    ("entity expansion bomb", _xlsx_with_sheet_xml(BOMB)),
])
def test_malformed_xlsx_is_refused_cleanly(ref: Reference, label: str, data: bytes) -> None:
    """Damaged or hostile workbooks give a clear 'cannot be read' problem, never a crash or an expansion."""
    from scenes.ingest.upload import check_upload
    from scenes.io.bounded import Limits

    check = check_upload("f.xlsx", data, ref, limits=Limits(max_bytes=10**7, max_rows=100))
    assert (check.readable, [p.code for p in check.result.problems]) == (False, ["unreadable_xlsx"])


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_safe_escapes_every_special_character_and_leaves_the_rest(text: str) -> None:
    """`safe` (which skips the escaping when nothing needs it) gives exactly HTML escaping (quotes included) plus
    the three characters of a JavaScript template literal, for any text: checked against the full escaping."""
    expected = html.escape(text, quote=True).replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")
    assert safe(text) == expected
    assert not set(safe(text)) & set("<>\"'`$\\")
