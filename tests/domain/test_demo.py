"""The demo dataset: reproducible, fictitious, and consistent with every published aggregate."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from scenes.domain.demo import DemoSurvey, load_demo, write_demo
from scenes.geo import tag_municipality
from scenes.reference import Reference
from tests.conftest import DATA_DIR
from tests.reference import districts_on


@pytest.fixture(scope="module")
def surveys() -> dict[str, DemoSurvey]:
    return {d.survey.id: d for d in load_demo(DATA_DIR)}


def _ids(d: DemoSurvey) -> set[str]:
    return set(d.scenes["scene_id"])


def test_regenerating_gives_identical_files(tmp_path: Path) -> None:
    """The generator is deterministic: a fresh run writes byte-identical files to those committed."""
    import shutil

    shutil.copytree(DATA_DIR / "reference", tmp_path / "reference")
    written = write_demo(tmp_path)
    assert {p.name: p.read_bytes() for p in written} == {
        p.name: (DATA_DIR / "demo" / p.name).read_bytes() for p in written}


def test_2021_matches_published(surveys: dict[str, DemoSurvey]) -> None:
    """64 scenes in 13 municipalities and 15 LPO; Stockholm city 11 scenes in 11 districts."""
    s = surveys["demo-2021"].scenes
    sthlm = s[s["kommun_kod"] == "0180"]
    assert (len(s), s["kommun_kod"].nunique(), s["lokalpolisomrade"].nunique(), len(sthlm),
            sthlm["stadsdel"].nunique()) == (64, 13, 15, 11, 11)


def test_2023_matches_published(surveys: dict[str, DemoSurvey]) -> None:
    """63 scenes in Nov 2023: 12 ceased and 11 new since 2021."""
    before, after = _ids(surveys["demo-2021"]), _ids(surveys["demo-2023-11"])
    assert (len(after), len(before - after), len(after - before)) == (63, 12, 11)


def test_2024_matches_published(surveys: dict[str, DemoSurvey]) -> None:
    """53 scenes in 8 municipalities in Feb 2024; 10 removed (5 in Stockholm city), none new."""
    prev, cur = surveys["demo-2023-11"].scenes, surveys["demo-2024-02"].scenes
    removed = set(prev["scene_id"]) - set(cur["scene_id"])
    removed_sthlm = prev[prev["scene_id"].isin(removed) & (prev["kommun_kod"] == "0180")]
    assert (len(cur), cur["kommun_kod"].nunique(), len(removed), len(removed_sthlm),
            len(set(cur["scene_id"]) - set(prev["scene_id"]))) == (53, 8, 10, 5, 0)


def test_merge_and_split_via_predecessors(surveys: dict[str, DemoSurvey]) -> None:
    """2023 holds one merge (a new scene with two ceased predecessors) and one split (two new, one predecessor)."""
    s = surveys["demo-2023-11"].scenes
    with_pred = s[s["predecessors"].map(len) > 0]
    shapes = sorted(len(p) for p in with_pred["predecessors"])
    by_pred: dict[str, int] = {}
    for preds in with_pred["predecessors"]:
        for p in preds:
            by_pred[p] = by_pred.get(p, 0) + 1
    ceased = _ids(surveys["demo-2021"]) - _ids(surveys["demo-2023-11"])
    assert shapes == [1, 1, 2]
    assert sorted(by_pred.values()) == [1, 1, 2]  # merged parents once each; the split parent twice
    assert set(by_pred) <= ceased


def test_every_scene_lies_inside_its_municipality(surveys: dict[str, DemoSurvey], ref: Reference) -> None:
    """Tagging each geometry against the real boundaries gives its stated municipality; polygons fit inside."""
    for d in surveys.values():
        s = d.scenes
        assert list(tag_municipality(s.geometry, ref.boundaries)) == list(s["kommun_kod"]), d.survey.id
        shapes = ref.boundaries.set_index("kommun_kod").geometry
        assert all(shapes[k].contains(g) for k, g in zip(s["kommun_kod"], s.geometry, strict=True))


def test_districts_follow_the_reorganisation(surveys: dict[str, DemoSurvey], ref: Reference) -> None:
    """2021 uses the 13-district scheme, later surveys the 11-district scheme."""
    import datetime as dt

    old = set(districts_on(ref, dt.date(2021, 6, 1))["district_code"])
    new = set(districts_on(ref, dt.date(2023, 11, 1))["district_code"])
    assert set(surveys["demo-2021"].scenes["stadsdel"].dropna()) <= old
    assert set(surveys["demo-2023-11"].scenes["stadsdel"].dropna()) <= new


def test_polygons_have_areas_and_shrink_by_2024(surveys: dict[str, DemoSurvey]) -> None:
    """Some scenes are polygons with an area; persisting polygons are smaller in 2024 (published: smaller)."""
    s23, s24 = surveys["demo-2023-11"].scenes, surveys["demo-2024-02"].scenes
    polys = s24[s24.geom_type == "Polygon"]
    assert len(polys) > 5
    assert polys["area_m2"].gt(0).all()
    assert s24[s24.geom_type == "Point"]["area_m2"].isna().all()
    both = polys.merge(s23[["scene_id", "area_m2"]], on="scene_id", suffixes=("", "_2023"))
    assert (both["area_m2"] < both["area_m2_2023"]).all()


def test_names_are_neutral_and_labelled(surveys: dict[str, DemoSurvey]) -> None:
    """Invented neutral names, demo flag and the fictitious-places source on every survey."""
    for d in surveys.values():
        assert d.survey.demo
        assert "fiktiva" in d.survey.source
        assert d.scenes["name"].str.fullmatch(r"Exempelplats \d+").all()


def test_categories_use_known_codes(surveys: dict[str, DemoSurvey], ref: Reference) -> None:
    """Every scene has at least one category, all from the reference table; some have several."""
    codes = set(ref.categories["code"])
    all_scenes = gpd.pd.concat([d.scenes for d in surveys.values()])
    assert all(cats and set(cats) <= codes for cats in all_scenes["categories"])
    assert any(len(c) > 1 for c in all_scenes["categories"])
