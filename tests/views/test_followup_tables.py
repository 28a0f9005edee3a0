"""The revisit list and the progress table of a follow-up, by municipality and by police area."""

from __future__ import annotations

from scenes.domain import followup as fu
from scenes.views import followup as views
from scenes.views.dashboard import Dashboard


def test_the_revisit_list_by_municipality_and_police_area(demo: Dashboard) -> None:
    draft = views.start(demo, actor="anna")
    ref = demo.reference
    scene = next(iter(draft.scenes.values()))
    draft = views.save(demo, draft.followup.followup_id, fu.revisit(draft, scene.scene_id, "ceased"), actor="anna")
    every = views.scene_table(draft, "sv", police_area_name=ref.police_area_name)
    assert len(every) == len(draft.scenes)
    assert list(every.columns[:4]) == ["scene_id", "Namn", "Kommun", "Lokalpolisområde"]
    one = views.scene_table(draft, "sv", police_areas=(scene.lokalpolisomrade,), police_area_name=ref.police_area_name)
    expected = [s.scene_id for s in draft.scenes.values() if s.lokalpolisomrade == scene.lokalpolisomrade]
    assert list(one["scene_id"]) == expected
    assert set(one["Lokalpolisområde"]) == {ref.police_area_name(scene.lokalpolisomrade)}
    both = views.scene_table(draft, "sv", police_areas=(scene.lokalpolisomrade,), visits=("ceased",))
    assert list(both["scene_id"]) == [scene.scene_id]

    by_area = views.worklist_table(draft, "sv", "lokalpolisomrade", ref.police_area_name)
    assert "Lokalpolisområde" in by_area.columns
    counted = {s.lokalpolisomrade for s in draft.scenes.values()}
    assert sorted(by_area["Lokalpolisområde"]) == sorted(ref.police_area_name(c) for c in counted)
    assert by_area["Kvar att besöka"].sum() == len(draft.scenes) - 1  # one revisited (ceased), the rest left
    row = by_area[by_area["Lokalpolisområde"] == ref.police_area_name(scene.lokalpolisomrade)].iloc[0]
    assert row["Upphört"] == 1
    by_municipality = views.worklist_table(draft, "sv")
    assert by_municipality["Kvar att besöka"].sum() == by_area["Kvar att besöka"].sum()
