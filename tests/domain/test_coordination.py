"""The coordination view: its core tables (gaps, kind x status, organisations, one scene, area measures,
participants' counts) and the page for every role, with URL presets; the map's ongoing-measure option."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point
from streamlit.testing.v1 import AppTest

from scenes.domain.coordination import (
    Coordination,
    CoordinationFilter,
    actor_table,
    area_table,
    coordinate,
    gap_table,
    impact_series,
    kind_status_table,
    measure_table,
    ongoing_scene_ids,
    participant_counts,
    scene_measure_table,
)
from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.domain.measures import Measure
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference
from scenes.render.maps import MapOptions, full_map, legend
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard

S1 = Survey(id="s1", name="Kartläggning 1", date=dt.date(2021, 12, 1), kind=SurveyKind.KARTLAGGNING, source="test",
            demo=False)
S2 = Survey(id="s2", name="Uppföljning 2", date=dt.date(2023, 11, 1), kind=SurveyKind.UPPFOLJNING, source="test",
            demo=False)
#: (survey, scene, predecessors, municipality, police area, category, impact)
ROWS = [
    ("s1", "A", [], "0180", "sodermalm", "festmiljo", 3), ("s1", "B", [], "0180", "sodermalm", "festmiljo", 4),
    ("s1", "C", [], "0127", "botkyrka", "utsatt_omrade", 2), ("s1", "D", [], "0127", "botkyrka", "utsatt_omrade", None),
    ("s2", "A", [], "0180", "sodermalm", "festmiljo", 2),
    ("s2", "BC", ["B", "C"], "0180", "sodermalm", "festmiljo", 3),  # B and C merge
    ("s2", "D1", ["D"], "0127", "botkyrka", "utsatt_omrade", None),  # D splits into D1 and D2 ...
    ("s2", "D2", ["D"], "0136", "haninge_nynashamn", "utsatt_omrade", 1),  # ... in another municipality
    ("s2", "E", [], "0180", "sodermalm", "utsatt_omrade", 5),  # new, without any measure
]
KOMMUN = {"0180": "Stockholm", "0127": "Botkyrka", "0136": "Haninge"}


def _frame(rows: list[tuple[str, str, list[str], str, str, str, int | None]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({
        "survey_id": [r[0] for r in rows], "scene_id": [r[1] for r in rows], "predecessors": [r[2] for r in rows],
        "name": [f"Plats {r[1]}" for r in rows], "kommun_kod": [r[3] for r in rows],
        "kommun": [KOMMUN[r[3]] for r in rows], "lokalpolisomrade": [r[4] for r in rows],
        "stadsdel": [""] * len(rows), "categories": [[r[5]] for r in rows], "status": ["aktiv"] * len(rows),
        "impact": pd.array([r[6] for r in rows], dtype="Int64"), "notes": [""] * len(rows),
        "area_m2": [None] * len(rows)}, geometry=[Point(18.0 + i / 100, 59.3) for i in range(len(rows))], crs=4326)


ALL = _frame(ROWS)
LATEST = ALL[ALL["survey_id"] == "s2"]


def _m(mid: str, status: str = "pagaende", kind: str = "uppsokande", actor: str = "region_stockholm",
       **kw: object) -> Measure:
    return Measure(measure_id=mid, kind=kind, actor=actor, status=status, **kw)  # type: ignore[arg-type]


MEASURES = [
    _m("mA", scene_id="A"), _m("mA2", "pausad", scene_id="A"),
    _m("mB", "planerad", kind="polisiar", actor="lpo_sodermalm", scene_id="B"),
    _m("mC", "avslutad", scene_id="C", note="<b>hemlig</b> anteckning"),
    _m("mD", kind="vard_stod", actor="kommun_0127", scene_id="D"),
    _m("gone", scene_id="E", removed=True),
    _m("k1", kind="vard_stod", actor="kommun_0180", kommun_kod="0180"),
    _m("l1", "planerad", kind="polisiar", actor="lpo_jarva", lokalpolisomrade="jarva"),
]


def _coord(filt: CoordinationFilter | None = None) -> Coordination:
    return coordinate(LATEST, ALL, MEASURES, filt or CoordinationFilter())


# -- the core ----------------------------------------------------------------------------------------------------
def test_measures_reach_scenes_through_merges_and_splits() -> None:
    """A merged scene carries both merged scenes' measures; both parts of a split carry the split scene's."""
    by = {sid: [m.measure_id for m in found] for sid, found in _coord().by_scene.items()}
    assert by == {"A": ["mA", "mA2"], "BC": ["mB", "mC"], "D1": ["mD"], "D2": ["mD"], "E": []}


def test_gaps_no_responsible_actor_and_no_ongoing_measure() -> None:
    """E has nothing (no responsible actor); BC has only a planned and a finished measure (responsible, not ongoing)."""
    coord = _coord()
    assert coord.without_responsible == ["E"]
    assert coord.without_ongoing == ["BC", "E"]


def test_gap_table_lists_scenes_without_responsible_actor_first(ref: Reference) -> None:
    table = gap_table(ref, _coord(), "sv")
    assert list(table["Scen-id"]) == ["E", "BC"]
    assert list(table["Ingen ansvarig aktör"]) == [True, False]
    assert list(table["Åtgärder (alla statusar)"]) == [0, 2]


def test_gaps_follow_the_kind_filter_but_not_the_status_filter() -> None:
    """"No ongoing policing" is a gap of its own; a status filter never makes a scene a gap."""
    assert _coord(CoordinationFilter(kinds=("polisiar",))).without_responsible == ["A", "D1", "D2", "E"]
    assert _coord(CoordinationFilter(statuses=("avslutad",))).without_ongoing == ["BC", "E"]
    assert [m.measure_id for m in _coord(CoordinationFilter(statuses=("avslutad",))).measures] == ["mC"]


def test_kind_by_status_counts_a_split_measure_once(ref: Reference) -> None:
    """mD reaches both parts of the split scene D, and is one measure."""
    table = kind_status_table(ref, _coord().measures, "sv").set_index("Typ")
    assert table.loc["Vård och stöd", "Pågående"] == 2  # mD and the municipality's k1
    assert table.loc["Uppsökande socialt arbete"].to_dict() == {
        "Planerad": 0, "Pågående": 1, "Pausad": 1, "Avslutad": 1, "Totalt": 3}
    assert table.loc["Fysisk omgestaltning", "Totalt"] == 0  # every kind of the reference table has its row
    assert int(table["Totalt"].sum()) == 7


def test_per_organisation_what_it_owns(ref: Reference) -> None:
    """Only organisations with a shown measure are listed, each by status."""
    table = actor_table(ref, _coord().measures, "sv").set_index("Ansvarig organisation")
    assert table.loc["Region Stockholm", "Totalt"] == 3
    assert table.loc["Region Stockholm", "Pausad"] == 1
    assert len(table) == 5
    owned = [m for m in _coord().measures if m.actor == "region_stockholm"]
    places = measure_table(ref, owned, _coord().place_names(), "sv", actor=False)
    # a measure of a scene that later merged is shown at the scene it belongs to today
    assert list(places["Plats"]) == ["Plats A", "Plats A", "Plats BC"]
    assert "Ansvarig organisation" not in places.columns


def test_area_measures_listed_apart_and_filtered_by_their_own_area(ref: Reference) -> None:
    assert list(area_table(ref, _coord(), "sv")["Plats"]) == ["Stockholm", "Järva"]
    assert [m.measure_id for m in _coord(CoordinationFilter(municipalities=("0180",))).areas] == ["k1"]
    assert [m.measure_id for m in _coord(CoordinationFilter(police_areas=("jarva",))).areas] == ["l1"]
    assert _coord(CoordinationFilter(categories=("festmiljo",))).areas != []  # categories are scenes' only


def test_scene_measures_say_which_scene_they_were_entered_for(ref: Reference) -> None:
    table = scene_measure_table(ref, _coord(), "BC", "sv")
    assert list(table["Registrerad för scen"]) == ["B", "C"]
    assert list(table["Anmärkning"]) == ["", "<b>hemlig</b> anteckning"]  # user text as data, unchanged
    assert scene_measure_table(ref, _coord(), "E", "sv").empty


def test_impact_series_follows_the_lineage_and_keeps_missing_as_missing() -> None:
    """Surveys in the store's order. BC: B (4) and C (2) in the first survey, itself (3) in the second; D1:
    unrated, then unrated."""
    bc = impact_series(ALL, [S1, S2], "BC", "sv")
    assert list(bc["Kartläggning"]) == ["Kartläggning 1", "Uppföljning 2"]
    assert list(bc["Observerad som"]) == ["B, C", "BC"]
    assert list(bc["Bedömningar"]) == ["4, 2", "3"]
    assert list(bc["Bedömning (högsta)"]) == [4, 3]  # the rule of the impact comparison: the highest
    d1 = impact_series(ALL, [S1, S2], "D1", "sv")
    assert list(d1["Bedömningar"]) == ["", ""]
    assert d1["Bedömning (högsta)"].isna().all()


def test_participant_counts_per_municipality_and_kind_with_small_counts_hidden(ref: Reference) -> None:
    """Scene measures in their scene's municipality (a split across two counts in each), municipality measures in
    theirs, police-area measures in their own rows; 1 and 2 become words; no scene, note or actor."""
    exact = participant_counts(ref, _coord(), disclosure=Disclosure.off(), lang="sv").set_index("Plats")
    assert exact.loc["Stockholm", "Uppsökande socialt arbete"] == 3  # mA, mA2, mC (through BC)
    assert exact.loc["Stockholm", "Vård och stöd"] == 1  # the municipality's own k1
    assert exact.loc["Botkyrka", "Vård och stöd"] == 1  # mD at D1 ...
    assert exact.loc["Haninge", "Vård och stöd"] == 1  # ... and at D2
    assert exact.loc["Järva", "Nivå"] == "Lokalpolisområde"
    assert (exact.loc["Stockholm", "Totalt"], exact.loc["Totalt", "Vård och stöd"], exact.loc["Totalt", "Totalt"]) \
        == (5, 3, 8)  # a row's total, the county's total of a kind (over the rows), the grand total
    shown = participant_counts(ref, _coord(), disclosure=Disclosure(3), lang="sv").set_index("Plats")
    assert str(shown.loc["Stockholm", "Uppsökande socialt arbete"]) in ("3", "skyddad")  # secondary, if needed
    assert (shown.drop(columns="Nivå").astype(str) == "skyddad").to_numpy().sum() >= 2
    assert shown.loc["Stockholm", "Polisiär insats"] == "skyddad"
    assert str(shown.loc["Stockholm", "Situationell prevention"]) == "0"
    county = [(str(a), b) for a, b in zip(shown.loc["Totalt"].iloc[1:], exact.loc["Totalt"].iloc[1:], strict=True)]
    assert all(a in (str(b), "skyddad") for a, b in county), county  # the county row: true, or withheld ...
    assert all(a == "skyddad" for a, b in county if 0 < b < 3), county  # ... and never a small count
    text = shown.to_string()
    for secret in ("Plats A", "Plats BC", "hemlig", "Region Stockholm", "Södermalm", "mA", "färre än"):
        assert secret not in text


def test_ongoing_scene_ids_follow_the_lineage() -> None:
    """What the map marks: A (its own), D1 and D2 (the split scene's); not BC (planned, finished) nor E."""
    assert ongoing_scene_ids(LATEST, ALL, MEASURES) == {"A", "D1", "D2"}


# -- the map's option --------------------------------------------------------------------------------------------
def _points(page: str) -> list[dict[str, object]]:
    import json
    import re

    decoder = json.JSONDecoder()
    return [decoder.raw_decode(page, m.end())[0] for m in re.finditer(r"var d = ", page)]


def test_map_option_rings_exactly_the_scenes_with_an_ongoing_measure(ref: Reference) -> None:
    ongoing = ongoing_scene_ids(LATEST, ALL, MEASURES)
    page = str(full_map(ref, LATEST, None, MapOptions(ongoing=ongoing, cluster=False, lang="sv", precision="exact",
                                                      disclosure=SHOW_ALL)).get_root().render())
    data = _points(page)[0]
    marked = {name for name, k in zip(data["n"], data["k"], strict=True)  # type: ignore[call-overload]
              if "measure-ongoing" in data["kinds"][k]["cls"]}  # type: ignore[index]
    assert marked == {"Plats A", "Plats D1", "Plats D2"}
    assert "ongoing" in {i.kind for i in legend(ref, LATEST, None, MapOptions(ongoing=ongoing, lang="sv",
                                                                              precision="exact", disclosure=SHOW_ALL))}
    assert "Pågående åtgärd" in page


def test_map_option_is_absent_at_generalised_precision_and_when_off(ref: Reference) -> None:
    ongoing = frozenset({"A", "D1", "D2"})
    generalised = MapOptions(ongoing=ongoing, precision="generalised", disclosure=Disclosure(3), lang="sv")
    page = str(full_map(ref, LATEST, None, generalised).get_root().render())
    assert "measure-ongoing" not in page
    assert "Pågående åtgärd" not in page
    assert "ongoing" not in {i.kind for i in legend(ref, LATEST, None, generalised)}
    off = str(full_map(ref, LATEST, None, MapOptions(lang="sv", precision="exact",
                                                     disclosure=SHOW_ALL)).get_root().render())
    assert "measure-ongoing" not in off
    assert "ongoing" not in {i.kind for i in legend(ref, LATEST, None, MapOptions(lang="sv", precision="exact",
                                                                                  disclosure=SHOW_ALL))}


# -- the page ------------------------------------------------------------------------------------------------------
@pytest.fixture
def page_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


def _open(signed_in: Callable[..., AppTest], role: str, **params: str) -> AppTest:
    at = signed_in(role)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("screens/coordination.py")
    at.run()
    assert list(at.exception) == []
    assert [e.value for e in at.error] == []
    return at


def _text(at: AppTest) -> str:
    parts = [d.value.to_string() for d in at.dataframe]
    parts += [str(e.value) for kind in ("markdown", "caption", "info", "warning", "success", "subheader")
              for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [" ".join([str(w.label), *map(str, w.options)]) for w in [*at.selectbox, *at.multiselect]]
    parts += [str(e.label) for e in at.expander]
    return "\n".join(parts)


@pytest.mark.parametrize("role", ["styrgrupp", "analytiker", "admin"])
def test_exact_roles_see_gaps_tables_and_the_demo_label(page_store: Path, signed_in: Callable[..., AppTest],
                                                        role: str) -> None:
    at = _open(signed_in, role)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Scener i urvalet"] == "53"
    assert int(metrics["Utan ansvarig aktör"]) <= int(metrics["Utan pågående åtgärd"])
    assert any("Exempeldata – fiktiva platser" in w.value for w in at.warning)
    headers = {c for d in at.dataframe for c in d.value.columns}
    assert {"Ingen ansvarig aktör", "Ansvarig organisation", "Registrerad för scen", "Bedömning (högsta)",
            "Exempeldata"} <= headers
    assert any(d.value.columns[0] == "Typ" and len(d.value) == 5 for d in at.dataframe)
    assert len(at.get("download_button")) >= 6


def test_participant_sees_counts_only(page_store: Path, signed_in: Callable[..., AppTest], ref: Reference) -> None:
    """No scene id or name, no note, no actor; small counts withheld ("skyddad"); no actor filter, no scene
    choice."""
    at = _open(signed_in, "deltagare", aktor="region_stockholm", scen="DEMO-0180-01")
    text = _text(at)
    for secret in ("DEMO-", "Exempelplats", "Fiktiv demodata", "Region Stockholm", "stadsdelsförvaltning",
                   "Ansvarig organisation", "Fastighetsägare", "Utan ansvarig aktör"):
        assert secret not in text
    [table] = [d.value for d in at.dataframe]
    assert list(table.columns[:2]) == ["Nivå", "Plats"]
    cells = table.iloc[:, 2:].to_numpy().ravel().tolist()
    assert "skyddad" in cells
    assert not {"1", "2", 1, 2} & set(table.iloc[:-1, 2:].to_numpy().ravel().tolist())  # the county row: shown
    assert "Lokalpolisområde" in set(table["Nivå"])
    assert [s.key for s in at.selectbox if s.key in ("c_scen", "c_org")] == []
    assert "c_aktor" not in [m.key for m in at.multiselect]
    assert any("Exempeldata – fiktiva platser" in w.value for w in at.warning)


def test_a_shared_link_reproduces_the_view(page_store: Path, signed_in: Callable[..., AppTest]) -> None:
    """?kommun=0180&typ=uppsokande&organisation=…&scen=… sets the filters, the organisation and the scene."""
    dash = Dashboard(Settings(state_dir=page_store))
    scene = sorted(s for s in dash.scenes(dash.surveys()[-1].id)["scene_id"] if s.startswith("DEMO-0180"))[0]
    at = _open(signed_in, "styrgrupp", kommun="0180,nope", typ="uppsokande", organisation="region_stockholm",
               scen=scene)
    assert at.multiselect(key="c_kommun").value == ["0180"]
    assert at.multiselect(key="c_typ").value == ["uppsokande"]
    assert at.selectbox(key="c_scen").value == scene
    assert {m.label: m.value for m in at.metric}["Scener i urvalet"] == "7"
    assert any(f"({scene})" in str(s.format_func(s.value)) for s in at.selectbox if s.key == "c_scen")
    at.multiselect(key="c_kommun").set_value(["0127"]).run()
    assert at.query_params["kommun"] == "0127"  # the address follows the view ...
    assert at.query_params["typ"] == "uppsokande"
    assert at.multiselect(key="c_kommun").value == ["0127"]  # ... and the link does not undo the change
    at.run()
    assert at.multiselect(key="c_kommun").value == ["0127"]


def test_a_filter_that_matches_nothing_explains(page_store: Path, signed_in: Callable[..., AppTest]) -> None:
    at = _open(signed_in, "styrgrupp", kommun="0188", typ="fysisk_omgestaltning")
    assert any("Inga scener eller åtgärder matchar" in i.value for i in at.info)


def test_map_link_turns_the_measure_option_on_for_exact_roles_only(page_store: Path,
                                                                   signed_in: Callable[..., AppTest]) -> None:
    at = signed_in("styrgrupp")
    at.query_params["atgard"] = "1"
    at.run()
    at.switch_page("screens/map.py")
    at.run()
    assert list(at.exception) == []
    assert at.toggle(key="f_ongoing").value is True
    participant = signed_in("deltagare", "p2")
    participant.query_params["atgard"] = "1"
    participant.run()
    participant.switch_page("screens/map.py")
    participant.run()
    assert list(participant.exception) == []
    assert "f_ongoing" not in [t.key for t in participant.toggle]
