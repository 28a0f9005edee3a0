"""Honest shading classes: few, round, zero apart, the same for every survey of a series, readable colours."""

from __future__ import annotations

import itertools

import geopandas as gpd
import pytest

from scenes.domain.classes import NO_DATA_COLOUR, PALETTE, ZERO_COLOUR, count_classes, nice_series, rate_classes
from scenes.domain.demo import load_demo
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.query import ceased_since, change_codes, compare
from scenes.reference import Reference
from scenes.render.maps import MapOptions, TimeStep, export_html, legend, map_classes
from tests.conftest import DATA_DIR
from tests.render.test_maps import _markers

ROUND = {1, 2, 5}


def _is_round(value: float) -> bool:
    mantissa = float(f"{value:e}".split("e")[0])
    return mantissa in ROUND


@pytest.mark.parametrize(("top", "labels"), [
    (0, ["1–2"]), (2, ["1–2"]), (5, ["1–2", "3–5"]), (9, ["1–2", "3–5", "6–10"]),
    (11, ["1–2", "3–5", "6–10", "11–20"]), (650, ["1–2", "3–20", "21–100", "101–1\u00a0000"]),
])
def test_count_classes_are_round_and_few(top: int, labels: list[str]) -> None:
    """The issue's degenerate classes ("0, 1–5, 6–7, 8, 9"; "1–624, 625–627 …") become round 1-2-5 breaks."""
    classes = count_classes(top)
    assert classes.labels("sv") == labels
    assert len(classes.bounds) <= len(PALETTE)
    assert all(_is_round(b) for b in classes.bounds)
    assert classes.index(0) == 0
    assert classes.index(None) == -1
    assert classes.index(max(top, 1)) == len(classes.bounds)


def test_first_class_is_exactly_the_suppressed_one() -> None:
    """With the threshold 3 the first class is 1–2: exactly the counts a participant reads as withheld."""
    assert count_classes(40).labels("sv")[0] == "1–2"
    assert Disclosure(3).hidden(count_classes(40).bounds[0])
    assert not Disclosure(3).hidden(count_classes(40).bounds[1])
    assert count_classes(40, threshold=5).labels("sv")[0] == "1–4"


def test_rate_classes_are_round() -> None:
    classes = rate_classes(12.7)
    assert classes.labels("sv") == ["≤ 0,5", "0,6–2", "2,1–5", "5,1–20"]
    assert all(_is_round(b) for b in classes.bounds)
    assert nice_series(2, 11) == [5.0, 10.0, 20.0]


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_palette_steps_are_distinct_in_lightness() -> None:
    """Sequential and readable in grey: each step darker than the one before by a clear margin, zero lightest,
    "no data" a grey that is none of the classes."""
    steps = [ZERO_COLOUR, *PALETTE]
    lum = [_luminance(c) for c in steps]
    assert lum == sorted(lum, reverse=True)
    ratios = [(a + 0.05) / (b + 0.05) for a, b in itertools.pairwise(lum)]
    assert min(ratios) >= 1.3, ratios
    assert NO_DATA_COLOUR not in steps


@pytest.fixture(scope="module")
def demo_surveys() -> list[gpd.GeoDataFrame]:
    return [s.scenes for s in load_demo(DATA_DIR)]


def test_classes_are_shared_across_surveys(ref: Reference, demo_surveys: list[gpd.GeoDataFrame]) -> None:
    """Computed over every survey of the series, the legend is the same whichever survey is drawn."""
    shared = map_classes(ref, demo_surveys, "count")
    legends = [[i.label for i in legend(ref, s, None, MapOptions(classes=shared, lang="sv", precision="exact",
                                                                 disclosure=SHOW_ALL)) if i.kind == "class"]
               for s in demo_surveys]
    assert legends[0] == legends[1] == legends[2]
    plain = MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL)
    own = [[i.label for i in legend(ref, s, None, plain) if i.kind == "class"] for s in demo_surveys]
    assert own[0] != own[2]  # without sharing, 2021 and 2024 would colour the same count differently


def test_change_codes_mark_new_merged_and_split(demo_surveys: list[gpd.GeoDataFrame]) -> None:
    """Nov 2023 against 2021: 11 new scenes, of which one merge and two parts of a split."""
    codes = change_codes(compare(demo_surveys[0], demo_surveys[1]))
    assert len(codes) == 11
    assert list(codes.values()).count("merged") == 1
    assert list(codes.values()).count("split") == 2


def test_exported_map_steps_through_the_surveys(ref: Reference, demo_surveys: list[gpd.GeoDataFrame]) -> None:
    """The HTML export carries every survey's layers and previous/next buttons, one legend for all."""
    steps = [TimeStep("2021", demo_surveys[0])]
    pairs = ((demo_surveys[0], demo_surveys[1], "2023"), (demo_surveys[1], demo_surveys[2], "2024"))
    for before, after, title in pairs:
        steps.append(TimeStep(title, after, ceased_since(before, after), change_codes(compare(before, after))))
    page = export_html(ref, demo_surveys[2], None, MapOptions(lang="sv", precision="exact", disclosure=SHOW_ALL),
                       title="Serie", timeline=steps, current=2)
    assert "time-control" in page
    assert '"2021", "2023", "2024"' in page
    assert page.count("var at = 2;") == 1
    assert _markers(page) == sum(len(s) for s in demo_surveys)  # every scene of every survey
    assert '<html lang="sv">' in page
    assert "Ny sedan föregående kartläggning" in page
    assert "Upphörd" in page
