"""An attacker against small-count suppression: every figure a workshop participant receives for a survey (and a
selection of it), and arithmetic on them, must not tell a withheld count.

Hypothesis draws county tables from the shipped geography (many small municipalities, zeros, single-scene areas,
Stockholm's police areas and districts). The participant's views are called as the app calls them: the key figure
(the county total), the breakdowns per municipality, police area, category and district, the generalised table
(Karta and its CSV), the print map (Översikt and the report), a selection's count line and table. The attacker
knows the geography (which areas exist, which municipality lies in which police area), reads every number shown,
counts an area a table does not list as zero, and knows how the figures add up; the relations are written here
from the geography, not taken from `scenes.domain.protection`. It then

- peels: for each relation, if all but one member are known, the last is recovered; to a fixed point;
- solves: a withheld count is recovered if the relations and the known numbers fix it (it lies in the row space
  of the equations over the unknowns).

No withheld count may be recovered, no count of 1 or 2 may be shown, and every view withholds the same cells.
Exact precision shows every count as it is.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenes.domain.breakdown import breakdown, change_by
from scenes.domain.disclosure import SHOW_ALL, Disclosure, Relation
from scenes.domain.protection import protection
from scenes.domain.query import SceneFilter
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.render.printmap import print_map_data
from scenes.render.tables import generalised_table

ON = Disclosure.for_precision("generalised", 3)
WITHHELD = "skyddad"
SURVEY = Survey("s1", "Kartläggning", pd.Timestamp("2025-06-01").date(), SurveyKind.KARTLAGGNING, "Polisen", False)
EARLIER = Survey("s0", "Kartläggning 0", pd.Timestamp("2024-06-01").date(), SurveyKind.KARTLAGGNING, "Polisen", False)
STOCKHOLM = "0180"
Cell = tuple[str, ...]


# -- the county: places a scene can be, drawn with many small municipalities ------------------------------------

def places(ref: Reference) -> list[tuple[str, str, str | None]]:
    """(municipality, police area, district) a scene can lie in, from the shipped coverage table."""
    out = []
    for lpo, kind, code in zip(ref.coverage["lpo_code"], ref.coverage["kind"], ref.coverage["code"], strict=True):
        out.append((str(code), str(lpo), None) if kind == "kommun" else (STOCKHOLM, str(lpo), str(code)))
    return out


def frame_of(ref: Reference, survey: Survey, drawn: list[tuple[int, list[str]]]) -> pd.DataFrame:
    """A scene frame (the columns the views read) from drawn (place index, categories)."""
    where = places(ref)
    rows = [{"survey_id": survey.id, "scene_id": f"{survey.id}-{i}", "area_m2": 100.0,
             "kommun_kod": where[p][0], "lokalpolisomrade": where[p][1], "stadsdel": where[p][2],
             "categories": cats, "geometry": None} for i, (p, cats) in enumerate(drawn)]
    columns = ["survey_id", "scene_id", "area_m2", "kommun_kod", "lokalpolisomrade", "stadsdel", "categories",
               "geometry"]
    return pd.DataFrame(rows, columns=columns)


@st.composite
def counties(draw: st.DrawFn, ref: Reference, max_scenes: int = 30) -> list[tuple[int, list[str]]]:
    """Scenes in a few places each (so many areas hold 0, 1 or 2), with one or two categories."""
    n_places = len(places(ref))
    favourites = draw(st.lists(st.integers(0, n_places - 1), min_size=1, max_size=8, unique=True))
    where = st.one_of(st.sampled_from(favourites), st.integers(0, n_places - 1))
    categories = st.lists(st.sampled_from(sorted(ref.categories["code"])), min_size=1, max_size=2, unique=True)
    return draw(st.lists(st.tuples(where, categories), max_size=max_scenes))


# -- what the participant reads -----------------------------------------------------------------------------------

@dataclass
class Published:
    """Every count read: cell -> number, or None when withheld; cells not listed are read as 0."""

    known: dict[Cell, int | None] = field(default_factory=dict)

    def read(self, cell: Cell, value: object) -> None:
        number = None if value == WITHHELD else int(str(value).replace("\u00a0", ""))
        if cell in self.known:  # every view must say the same of the same count
            assert self.known[cell] == number, (cell, self.known[cell], value)
        self.known[cell] = number


def codes(ref: Reference) -> tuple[dict[str, str], dict[str, str]]:
    municipality = {ref.municipality_name(c): str(c) for c in ref.municipalities["kommun_kod"]}
    police = {ref.police_area_name(c): str(c) for c in ref.police_areas["lpo_code"]}
    return municipality, police


def read_views(ref: Reference, frame: pd.DataFrame, survey: Survey, disclosure: Disclosure) -> Published:
    """Everything a reader with `disclosure` gets of one survey."""
    seen = Published()
    seen.read(("county",), len(frame))  # the key figure: county totals are shown
    for dimension in ("municipality", "police_area", "category", "district"):
        table = breakdown(frame, [survey], ref, dimension, "sv", disclosure=disclosure)
        for key, value in zip(table["key"], table["scenes"], strict=True):
            seen.read((dimension, str(key)), value)
    municipality, police = codes(ref)
    table = generalised_table(ref, frame, "sv", disclosure=disclosure)
    for m, p, value in zip(table["Kommun"], table["Lokalpolisområde"], table["Scener"], strict=True):
        seen.read(("pair", municipality[m], police[p]), value)
    drawn = print_map_data(ref, frame, exact=False, disclosure=disclosure, lang="sv").municipalities
    for code, value in zip(drawn["kommun_kod"], drawn["scenes"], strict=True):
        seen.read(("municipality", code), WITHHELD if value is None else int(value))
    return seen


# -- the attacker ---------------------------------------------------------------------------------------------------

def relations(ref: Reference, truth: pd.DataFrame) -> list[tuple[Cell, list[Cell]]]:
    """total = sum of parts, from the geography (and, to be safe, the true sums of categories and districts)."""
    pairs = sorted({(m, p) for m, p, _ in places(ref)} | set(zip(truth["kommun_kod"], truth["lokalpolisomrade"],
                                                                 strict=True)))
    municipalities = sorted(str(c) for c in ref.municipalities["kommun_kod"])
    police = sorted({p for _, p in pairs})
    out: list[tuple[Cell, list[Cell]]] = [
        (("county",), [("municipality", m) for m in municipalities]),
        (("county",), [("police_area", p) for p in police]),
        (("categories",), [("category", str(c)) for c in ref.categories["code"]]),
        (("districts",), sorted({("district", ref.current_district(str(d))) for d in ref.districts["district_code"]}
                                | {("district", ref.current_district(str(d))) for d in truth["stadsdel"].dropna()})),
    ]
    out += [(("municipality", m), [("pair", m, p) for mm, p in pairs if mm == m]) for m in municipalities]
    out += [(("police_area", p), [("pair", m, p) for m, pp in pairs if pp == p]) for p in police]
    return out


def attack(seen: dict[Cell, int | None], rels: list[tuple[Cell, list[Cell]]], oracle: dict[Cell, int]) -> set[Cell]:
    """The withheld cells the attacker recovers: by peeling to a fixed point, then by solving the linear system."""
    known: dict[Cell, float] = {c: float(v) for c, v in seen.items() if v is not None} | {
        c: float(v) for c, v in oracle.items()}
    unknown = {c for c, v in seen.items() if v is None}

    def value(cell: Cell) -> float | None:
        return None if cell in unknown else known.get(cell, 0.0)  # a cell no view lists is zero

    recovered: set[Cell] = set()
    changed = True
    while changed:
        changed = False
        for total, parts in rels:
            missing = [c for c in (total, *parts) if c in unknown]
            if len(missing) != 1:
                continue
            cell = missing[0]
            shown = [value(c) for c in parts if c != cell]
            rest = sum(v for v in shown if v is not None)
            known[cell] = (value(total) or 0.0) - rest if cell != total else rest
            unknown.discard(cell)
            recovered.add(cell)
            changed = True
    cells = sorted(unknown)
    index = {c: i for i, c in enumerate(cells)}
    rows = []
    for total, parts in rels:
        row = np.zeros(len(cells))
        for cell, sign in ((total, 1.0), *((p, -1.0) for p in parts)):
            if cell in index:
                row[index[cell]] += sign
        if row.any():
            rows.append(row)
    if rows:
        matrix = np.array(rows)
        rank = np.linalg.matrix_rank(matrix)
        for cell, i in index.items():
            unit = np.zeros(len(cells))
            unit[i] = 1.0
            if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
                recovered.add(cell)
    return recovered


def truth_of(ref: Reference, frame: pd.DataFrame) -> dict[Cell, int]:
    out: dict[Cell, int] = {("county",): len(frame)}
    for m, p in zip(frame["kommun_kod"], frame["lokalpolisomrade"], strict=True):
        for cell in (("municipality", m), ("police_area", p), ("pair", m, p)):
            out[cell] = out.get(cell, 0) + 1
    for cats in frame["categories"]:
        for c in cats:
            out[("category", c)] = out.get(("category", c), 0) + 1
    for d in frame["stadsdel"].dropna():
        cell = ("district", ref.current_district(str(d)))
        out[cell] = out.get(cell, 0) + 1
    return out


def oracle_of(truth: dict[Cell, int]) -> dict[Cell, int]:
    """Sums the attacker is granted though no view shows them (the categories' and districts' totals)."""
    return {("categories",): sum(v for c, v in truth.items() if c[0] == "category"),
            ("districts",): sum(v for c, v in truth.items() if c[0] == "district")}


def check(seen: Published, truth: dict[Cell, int]) -> None:
    """Shown numbers are true, and none of them is 1 or 2."""
    for cell, shown in seen.known.items():
        if shown is not None:
            assert shown == truth.get(cell, 0), cell
            assert not ON.hidden(shown) or cell == ("county",), cell


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- the tests ------------------------------------------------------------------------------------------------------

@FAST
@given(data=st.data())
def test_no_withheld_count_can_be_worked_out(ref: Reference, data: st.DataObject) -> None:
    """Every figure of one survey: no 1 or 2 shown, the same cells withheld everywhere, none recovered."""
    frame = frame_of(ref, SURVEY, data.draw(counties(ref)))
    truth = truth_of(ref, frame)
    seen = read_views(ref, frame, SURVEY, ON)
    check(seen, truth)
    assert not {c for c, n in truth.items() if ON.hidden(n) and c != ("county",)} - {
        c for c, v in seen.known.items() if v is None}, "a small count is not withheld"
    recovered = attack(seen.known, relations(ref, frame), oracle_of(truth))
    assert recovered == set(), {c: truth.get(c, 0) for c in recovered}


@FAST
@given(data=st.data())
def test_a_selection_by_area_tells_nothing_more(ref: Reference, data: st.DataObject) -> None:
    """The map's selection of some municipalities (its count line and table) beside the whole survey's figures."""
    frame = frame_of(ref, SURVEY, data.draw(counties(ref)))
    chosen = tuple(data.draw(st.lists(st.sampled_from(sorted(set(frame["kommun_kod"]) | {"0127", "0115"})),
                                      min_size=1, max_size=3, unique=True)))
    filt = SceneFilter(municipalities=chosen)
    truth = truth_of(ref, frame)
    seen = read_views(ref, frame, SURVEY, ON)
    whole = protection(ref, frame, ON)
    selection = filt.apply(frame)
    picked = protection(ref, selection, ON, filt=filt, whole=whole)
    total = picked.total_text("sv")
    municipality, police = codes(ref)
    table = generalised_table(ref, selection, "sv", disclosure=ON, protected=picked)
    for m, p, value in zip(table["Kommun"], table["Lokalpolisområde"], table["Scener"], strict=True):
        seen.read(("pair", municipality[m], police[p]), value)  # the same pairs as the whole survey's
    check(seen, truth)
    rels = relations(ref, frame)
    selected_total: Cell = ("selection",)
    seen.read(selected_total, total)
    truth[selected_total] = len(selection)
    rels.append((selected_total, [("municipality", m) for m in chosen]))
    recovered = attack(seen.known, rels, oracle_of(truth))
    # The total of several withheld municipalities may be what the survey alone tells (the county total less the
    # shown ones): that is no new disclosure, so it is allowed, and nothing else is.
    implied = attack({**seen.known, selected_total: None}, rels, oracle_of(truth)) & {selected_total}
    assert recovered - implied == set(), {c: truth.get(c, 0) for c in recovered}


@FAST
@given(data=st.data())
def test_a_change_withholds_what_each_survey_withholds(ref: Reference, data: st.DataObject) -> None:
    """The change tables read each survey's counts as its breakdown does; a change with a withheld side is left
    out (it would tell the withheld side from the shown one)."""
    earlier = frame_of(ref, EARLIER, data.draw(counties(ref, 20)))
    later = frame_of(ref, SURVEY, data.draw(counties(ref, 20)))
    for dimension in ("municipality", "police_area"):
        table = change_by(earlier, later, ref, dimension, "sv", disclosure=ON)
        for frame, survey, column in ((earlier, EARLIER, "earlier"), (later, SURVEY, "later")):
            alone = breakdown(frame, [survey], ref, dimension, "sv", disclosure=ON)
            hidden = set(alone.loc[alone["scenes"] == WITHHELD, "key"])
            assert set(table.loc[table[column] == WITHHELD, "key"]) == hidden
        either = (table["earlier"] == WITHHELD) | (table["later"] == WITHHELD)
        assert table.loc[either, "change"].isna().all()
        assert table.loc[~either, "change"].notna().all()


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_exact_precision_sees_every_count(ref: Reference, data: st.DataObject) -> None:
    """Roles at exact precision (and a threshold of 1) read every count as it is: nothing withheld, no zero rows."""
    frame = frame_of(ref, SURVEY, data.draw(counties(ref)))
    truth = truth_of(ref, frame)
    for off in (SHOW_ALL, Disclosure.for_precision("exact", 3), Disclosure.for_precision("generalised", 1)):
        seen = read_views(ref, frame, SURVEY, off)
        assert all(v is not None for v in seen.known.values())
        assert {c: v for c, v in seen.known.items() if v} == {c: v for c, v in truth.items() if v}
        assert protection(ref, frame, off).withheld == frozenset()


def test_the_issue_s_example_is_not_recoverable(ref: Reference) -> None:
    """One scene alone in Botkyrka beside 41 elsewhere: Botkyrka is withheld and so is another municipality, so
    the county total (42) less the shown ones leaves two unknowns."""
    where = places(ref)
    botkyrka = next(i for i, p in enumerate(where) if p[0] == "0127")
    stockholm = [i for i, p in enumerate(where) if p[0] == STOCKHOLM]
    jarfalla = next(i for i, p in enumerate(where) if p[0] == "0123")
    drawn = [(botkyrka, ["festmiljo"])] + [(stockholm[i % 3], ["utsatt_omrade"]) for i in range(30)] + [
        (jarfalla, ["utsatt_omrade"])] * 11
    frame = frame_of(ref, SURVEY, drawn)
    seen = read_views(ref, frame, SURVEY, ON)
    assert seen.known[("county",)] == 42
    assert seen.known[("municipality", "0127")] is None
    withheld = [c for c, v in seen.known.items() if c[0] == "municipality" and v is None]
    assert len(withheld) >= 2
    truth = truth_of(ref, frame)
    assert attack(seen.known, relations(ref, frame), oracle_of(truth)) == set()
    plain = read_views(ref, frame, SURVEY, SHOW_ALL)
    assert plain.known[("municipality", "0127")] == 1  # without the rule the count is there: the test can fail


@pytest.mark.parametrize("threshold", [3, 5])
def test_protect_never_leaves_a_single_hidden_member(threshold: int) -> None:
    """The rule on a bare two-way table (rows, columns, a public total), thresholds 3 and 5."""
    disclosure = Disclosure.for_precision("generalised", threshold)
    cells = {("r", i, j): n for (i, j), n in np.ndenumerate(np.array([[1, 6, 0], [4, 9, 2], [7, 0, 12]]))}
    counts: dict[Hashable, int] = {**cells, ("total",): sum(cells.values())}
    rows = [(("row", i), [("r", i, j) for j in range(3)]) for i in range(3)]
    cols = [(("col", j), [("r", i, j) for i in range(3)]) for j in range(3)]
    for total, parts in rows + cols:
        counts[total] = sum(counts[p] for p in parts)
    rels = [Relation(t, tuple(p)) for t, p in rows + cols]
    rels += [Relation(("total",), tuple(t for t, _ in rows)), Relation(("total",), tuple(t for t, _ in cols))]
    hidden = disclosure.protect(counts, rels, public={("total",)})
    assert {c for c, n in cells.items() if 0 < n < threshold} <= hidden
    seen = {c: (None if c in hidden else int(n)) for c, n in counts.items()}
    assert attack(seen, [(r.total, list(r.parts)) for r in rels], {}) == set()  # type: ignore[arg-type]


# -- Samordning: measures per place and kind, with each row's total and the county's totals ----------------------

@st.composite
def measure_grids(draw: st.DrawFn) -> list[list[int]]:
    """Counts of measures per place (rows) and kind (columns): mostly zeros and small counts."""
    width = draw(st.integers(1, 5))
    count = st.one_of(st.just(0), st.integers(1, 2), st.integers(0, 7))
    return draw(st.lists(st.lists(count, min_size=width, max_size=width), min_size=1, max_size=8))


@FAST
@given(grid=measure_grids())
def test_samordning_counts_cannot_be_worked_out(grid: list[list[int]]) -> None:
    """The participants' table of measures (`count_grid`, read by Samordning, its CSV and the report): the
    attacker reads every number, knows that each row's total is the sum of its cells, each of the county's totals
    per kind the sum of its column, and the grand total the sum of either; no 1 or 2 is shown (no count of measures
    is published elsewhere, so the county row is protected too), every shown number is true, and no withheld count
    is recovered."""
    from scenes.domain.coordination import count_grid

    kinds = [f"K{j}" for j in range(len(grid[0]))]
    table = count_grid([("Kommun", f"P{i}", row) for i, row in enumerate(grid)], kinds, ON, "sv")
    assert len(table) == len(grid) + 1
    truth: dict[Cell, int] = {}
    seen: dict[Cell, int | None] = {}
    for i, row in enumerate(grid):
        shown = table.iloc[i]
        assert shown["Plats"] == f"P{i}"
        for j, n in enumerate([*row, sum(row)]):
            cell: Cell = ("cell", str(i), str(j))
            truth[cell] = n
            value = shown[[*kinds, "Totalt"][j]]
            seen[cell] = None if value == WITHHELD else int(value)
    county = table.iloc[-1]
    for j, n in enumerate([*(sum(r[j] for r in grid) for j in range(len(kinds))), sum(map(sum, grid))]):
        truth[("county", str(j))] = n
        value = county[[*kinds, "Totalt"][j]]
        seen[("county", str(j))] = None if value == WITHHELD else int(value)  # the county row is protected too
    for cell, value in seen.items():
        assert value is None or value == truth[cell], cell
    width = len(kinds)
    rels: list[tuple[Cell, list[Cell]]] = [
        (("cell", str(i), str(width)), [("cell", str(i), str(j)) for j in range(width)]) for i in range(len(grid))]
    rels += [(("county", str(j)), [("cell", str(i), str(j)) for i in range(len(grid))]) for j in range(width + 1)]
    rels.append((("county", str(width)), [("county", str(j)) for j in range(width)]))
    for cell, n in truth.items():  # no 1 or 2 anywhere, the county's totals included
        if ON.hidden(n):
            assert seen[cell] is None, (cell, n)
    recovered = attack(seen, rels, {})
    assert recovered == set(), {c: truth[c] for c in recovered}


def test_samordning_exact_shows_every_count() -> None:
    """At exact precision the table is the plain counts, integers throughout, with their totals."""
    from scenes.domain.coordination import count_grid

    table = count_grid([("Kommun", "P0", [1, 2]), ("Kommun", "P1", [0, 5])], ["K0", "K1"], SHOW_ALL, "sv")
    assert table[["K0", "K1", "Totalt"]].to_numpy().tolist() == [[1, 2, 3], [0, 5, 5], [1, 7, 8]]
