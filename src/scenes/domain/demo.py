"""The fictitious demo dataset: three surveys consistent with every published county aggregate.

Scene-level data is not public, so the project ships invented scenes. This module generates them
deterministically (fixed seed, fixed plan) and writes them to `data/demo/`; `scenes init --demo` loads the
written files. Regenerating gives byte-identical files (a test checks it).

What the plan reproduces (domain.md, "Published totals"):
- 2021 kartläggning: 64 scenes in 13 of 26 municipalities, tied to 15 local police areas; in Stockholm city
  11 scenes in 11 of its 13 districts.
- Nov 2023 kartläggning: 63 scenes, 12 ceased and 11 new since 2021, one merge (2 -> 1) and one split (1 -> 2).
- Feb 2024 uppföljning: 53 scenes in 8 municipalities, 10 removed (5 of them in Stockholm city), none new,
  remaining polygons smaller in area.
Everything else (where, which category, names) is invented. Names are neutral ("Exempelplats 7"); points
are random offsets from approximate town or district centres, kept inside their municipality.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from scenes.domain.measures import Measure
from scenes.geo import SWEREF99TM, WGS84, area_m2, within
from scenes.io.formats import dumps_geojson, normalise_scene_frame, scenes_from_geojson, scenes_to_geojson
from scenes.model import Survey, SurveyKind
from scenes.reference import Reference, load_reference

__all__ = ["DEMO_NOTICE_SOURCE", "generate", "load_demo", "write_demo"]

SEED = 20240220
DEMO_NOTICE_SOURCE = "Exempeldata – fiktiva platser (genererade av scenes.domain.demo)"

# Approximate centres (lat, lon) to scatter invented points around. Not scene locations.
_MUNICIPALITY_CENTRES: dict[str, tuple[float, float]] = {
    "0181": (59.196, 17.626),  # Södertälje
    "0127": (59.215, 17.840),  # Botkyrka
    "0126": (59.236, 17.985),  # Huddinge
    "0136": (59.170, 18.140),  # Haninge
    "0192": (58.905, 17.950),  # Nynäshamn
    "0123": (59.425, 17.835),  # Järfälla
    "0163": (59.430, 17.950),  # Sollentuna
    "0114": (59.520, 17.910),  # Upplands Väsby
    "0191": (59.620, 17.855),  # Sigtuna
    "0184": (59.362, 18.005),  # Solna
    "0183": (59.363, 17.968),  # Sundbyberg
    "0182": (59.310, 18.165),  # Nacka
}
_DISTRICT_CENTRES: dict[str, tuple[float, float]] = {
    "enskede_arsta_vantor": (59.285, 18.060),
    "farsta": (59.245, 18.090),
    "hagersten_alvsjo": (59.296, 17.990),
    "hasselby_vallingby": (59.362, 17.870),
    "kungsholmen": (59.333, 18.030),
    "norrmalm": (59.337, 18.055),
    "rinkeby_kista": (59.395, 17.935),
    "skarpnack": (59.270, 18.130),
    "skarholmen": (59.275, 17.910),
    "spanga_tensta": (59.392, 17.895),
    "sodermalm": (59.314, 18.070),
}
# Each municipality's LPO in the demo (Stockholm city scenes take their district's LPO).
_CATEGORY_BY_PLACE: dict[str, list[tuple[str, ...]]] = {
    "default": [("utsatt_omrade",), ("utsatt_omrade",), ("utsatt_omrade",), ("social_utsatthet",),
                ("utsatt_omrade", "social_utsatthet")],
    "norrmalm": [("social_utsatthet",), ("festmiljo",), ("social_utsatthet", "festmiljo")],
    "kungsholmen": [("social_utsatthet",)],
    "sodermalm": [("social_utsatthet",), ("social_utsatthet", "festmiljo")],
    "norra_innerstaden": [("festmiljo",), ("social_utsatthet", "festmiljo")],
    "0184": [("social_utsatthet",), ("festmiljo",), ("utsatt_omrade",)],
}

# The plan. Counts per municipality code (Stockholm separately, one per district in 2021).
_COUNTS_2021 = {"0181": 8, "0127": 8, "0126": 6, "0136": 6, "0192": 1, "0123": 5, "0163": 2, "0114": 2,
                "0191": 2, "0184": 4, "0183": 2, "0182": 7}
_STOCKHOLM_DISTRICTS_2021 = ["enskede_arsta_vantor", "farsta", "hagersten_alvsjo", "hasselby_vallingby",
                             "kungsholmen", "norrmalm", "rinkeby_kista", "skarpnack", "skarholmen",
                             "spanga_tensta", "sodermalm"]  # 11 of 13: not Bromma, not Östermalm
_CEASED_2023 = {"0163": 1, "0114": 1, "0191": 1, "0183": 1, "0182": 2, "0123": 1}  # plus merge, split, Stockholm
_NEW_2023 = {"0126": 2, "0136": 1, "0184": 1, "0123": 1}  # plus merge, split, Stockholm
_STOCKHOLM_CEASED_2023 = ["hasselby_vallingby", "skarpnack"]
_STOCKHOLM_NEW_2023 = ["jarva", "norra_innerstaden", "sodermalm"]  # 2023 districts (after 2023-07-01)
_REMOVED_2024_MUNICIPALITIES = ["0192", "0163", "0114", "0191", "0183"]  # each down to zero
_STOCKHOLM_REMOVED_2024 = 5


@dataclass
class _Scene:
    scene_id: str
    name: str
    kommun_kod: str
    stadsdel: str | None
    categories: tuple[str, ...]
    status: str
    impact: int | None
    geometry: BaseGeometry
    predecessors: tuple[str, ...] = ()
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class _Generator:
    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.rng = np.random.default_rng(SEED)
        self.counter = 0
        self.used: dict[str, int] = {}

    def _next_id(self, kommun_kod: str) -> str:
        self.used[kommun_kod] = self.used.get(kommun_kod, 0) + 1
        return f"DEMO-{kommun_kod}-{self.used[kommun_kod]:02d}"

    def _point_near(self, centre: tuple[float, float], kommun_kod: str, radius_m: float) -> Point:
        origin = gpd.GeoSeries([Point(centre[1], centre[0])], crs=WGS84).to_crs(SWEREF99TM).iloc[0]
        for _ in range(500):
            dx, dy = self.rng.uniform(-radius_m, radius_m, size=2)
            candidate = gpd.GeoSeries([Point(origin.x + dx, origin.y + dy)], crs=SWEREF99TM).to_crs(WGS84).iloc[0]
            candidate = Point(round(candidate.x, 6), round(candidate.y, 6))
            if within(candidate, self.ref.boundaries, kommun_kod):
                return candidate
        raise RuntimeError(f"could not place a point inside {kommun_kod} near {centre}")  # pragma: no cover

    def _extent(self, point: Point, radius_m: float) -> Polygon:
        """An irregular hexagon around `point`, in WGS 84, rounded like the GeoJSON we write."""
        centre = gpd.GeoSeries([point], crs=WGS84).to_crs(SWEREF99TM).iloc[0]
        angles = np.sort(self.rng.uniform(0, 2 * np.pi, size=6))
        radii = radius_m * self.rng.uniform(0.6, 1.0, size=6)
        ring = [(centre.x + r * np.cos(a), centre.y + r * np.sin(a)) for a, r in zip(angles, radii, strict=True)]
        poly = gpd.GeoSeries([Polygon(ring)], crs=SWEREF99TM).to_crs(WGS84).iloc[0]
        return Polygon([(round(x, 6), round(y, 6)) for x, y in poly.exterior.coords])

    def scene(self, kommun_kod: str, stadsdel: str | None = None, predecessors: tuple[str, ...] = ()) -> _Scene:
        place = stadsdel or kommun_kod
        centre = _DISTRICT_CENTRES.get(stadsdel or "") if stadsdel else _MUNICIPALITY_CENTRES[kommun_kod]
        if centre is None:  # a 2023 district: scatter around one of its former districts
            centre = _DISTRICT_CENTRES[{"jarva": "rinkeby_kista", "norra_innerstaden": "norrmalm"}[stadsdel or ""]]
        point = self._point_near(centre, kommun_kod, 1500 if stadsdel else 2500)
        options = _CATEGORY_BY_PLACE.get(place, _CATEGORY_BY_PLACE["default"])
        categories = options[int(self.rng.integers(len(options)))]
        geometry: BaseGeometry = point
        if self.rng.uniform() < 0.3:
            radius = float(self.rng.uniform(80, 220))
            for _ in range(10):  # shrink until the extent fits inside the municipality
                extent = self._extent(point, radius)
                if within(extent, self.ref.boundaries, kommun_kod):
                    geometry = extent
                    break
                radius *= 0.7
        self.counter += 1
        status = str(self.rng.choice(["aktiv", "aktiv", "aktiv", "minskande", "okande"]))
        impact = int(self.rng.integers(1, 6)) if self.rng.uniform() < 0.8 else None
        return _Scene(
            scene_id=self._next_id(kommun_kod),
            name=f"Exempelplats {self.counter}",
            kommun_kod=kommun_kod,
            stadsdel=stadsdel,
            categories=categories,
            status=status,
            impact=impact,
            geometry=geometry,
            predecessors=predecessors,
        )

    def pick(self, scenes: list[_Scene], n: int) -> list[_Scene]:
        idx = self.rng.choice(len(scenes), size=n, replace=False)
        return [scenes[i] for i in sorted(idx)]


def _shrink(scene: _Scene, factor: float) -> _Scene:
    if isinstance(scene.geometry, Polygon):
        g = gpd.GeoSeries([scene.geometry], crs=WGS84).to_crs(SWEREF99TM)
        c = g.iloc[0].centroid
        from shapely import affinity

        shrunk = gpd.GeoSeries([affinity.scale(g.iloc[0], factor, factor, origin=c)], crs=SWEREF99TM).to_crs(WGS84)
        poly = Polygon([(round(x, 6), round(y, 6)) for x, y in shrunk.iloc[0].exterior.coords])
        return replace(scene, geometry=poly, predecessors=())
    return replace(scene, predecessors=())


def _persist(scene: _Scene, ref: Reference, day: dt.date) -> _Scene:
    """The same scene observed again: predecessors cleared, district renamed through the crosswalk."""
    stadsdel = scene.stadsdel
    if stadsdel and day >= dt.date(2023, 7, 1):
        stadsdel = ref.current_district(stadsdel)
    return replace(scene, stadsdel=stadsdel, predecessors=())


@dataclass(frozen=True)
class DemoSurvey:
    survey: Survey
    scenes: gpd.GeoDataFrame


_SURVEYS = [
    Survey("demo-2021", "Kartläggning 2021 (exempel)", dt.date(2021, 12, 1), SurveyKind.KARTLAGGNING,
           DEMO_NOTICE_SOURCE, True, "Fiktiva platser som stämmer med de publicerade totalerna för 2021."),
    Survey("demo-2023-11", "Kartläggning november 2023 (exempel)", dt.date(2023, 11, 16), SurveyKind.KARTLAGGNING,
           DEMO_NOTICE_SOURCE, True, "Fiktiva platser som stämmer med de publicerade totalerna för november 2023."),
    Survey("demo-2024-02", "Uppföljning februari 2024 (exempel)", dt.date(2024, 2, 20), SurveyKind.UPPFOLJNING,
           DEMO_NOTICE_SOURCE, True, "Fiktiva platser som stämmer med de publicerade totalerna för februari 2024."),
]


def generate(ref: Reference) -> list[DemoSurvey]:
    """Build the three demo surveys from the fixed plan and seed."""
    g = _Generator(ref)
    # --- 2021 ---------------------------------------------------------------------------------------
    s2021: list[_Scene] = []
    for code, n in _COUNTS_2021.items():
        s2021 += [g.scene(code) for _ in range(n)]
    s2021 += [g.scene("0180", d) for d in _STOCKHOLM_DISTRICTS_2021]

    # --- Nov 2023 -------------------------------------------------------------------------------------
    d2023 = _SURVEYS[1].date
    ceased: set[str] = set()
    new: list[_Scene] = []
    botkyrka = [s for s in s2021 if s.kommun_kod == "0127"]
    merged_from = g.pick(botkyrka, 2)
    ceased |= {s.scene_id for s in merged_from}
    new.append(g.scene("0127", predecessors=tuple(s.scene_id for s in merged_from)))
    sodertalje = [s for s in s2021 if s.kommun_kod == "0181"]
    split_from = g.pick(sodertalje, 1)[0]
    ceased.add(split_from.scene_id)
    new += [g.scene("0181", predecessors=(split_from.scene_id,)) for _ in range(2)]
    for code, n in _CEASED_2023.items():
        candidates = [s for s in s2021 if s.kommun_kod == code and s.scene_id not in ceased]
        ceased |= {s.scene_id for s in g.pick(candidates, n)}
    ceased |= {s.scene_id for s in s2021 if s.stadsdel in _STOCKHOLM_CEASED_2023}
    for code, n in _NEW_2023.items():
        new += [g.scene(code) for _ in range(n)]
    new += [g.scene("0180", d) for d in _STOCKHOLM_NEW_2023]
    s2023 = [_persist(s, ref, d2023) for s in s2021 if s.scene_id not in ceased] + new

    # --- Feb 2024 ---------------------------------------------------------------------------------------
    removed = {s.scene_id for s in s2023 if s.kommun_kod in _REMOVED_2024_MUNICIPALITIES}
    stockholm = [s for s in s2023 if s.kommun_kod == "0180"]
    removed |= {s.scene_id for s in g.pick(stockholm, _STOCKHOLM_REMOVED_2024)}
    s2024 = [_shrink(_persist(s, ref, _SURVEYS[2].date), 0.75) for s in s2023 if s.scene_id not in removed]

    return [_to_demo_survey(sv, scenes, ref) for sv, scenes in zip(_SURVEYS, [s2021, s2023, s2024], strict=True)]


def _lpo(scene: _Scene, ref: Reference) -> str:
    if scene.stadsdel:
        rows = ref.districts.loc[ref.districts["district_code"] == scene.stadsdel, "default_lpo"]
        lpo = rows.iloc[0] if len(rows) else None
        return str(lpo) if lpo else "globen"  # Enskede-Årsta-Vantör spans Globen and Farsta; demo uses Globen
    rows = ref.municipalities.loc[ref.municipalities["kommun_kod"] == scene.kommun_kod, "default_lpo"]
    return str(rows.iloc[0])


def _to_demo_survey(survey: Survey, scenes: list[_Scene], ref: Reference) -> DemoSurvey:
    rows = [
        {
            "survey_id": survey.id,
            "scene_id": s.scene_id,
            "name": s.name,
            "kommun_kod": s.kommun_kod,
            "kommun": ref.municipality_name(s.kommun_kod),
            "lokalpolisomrade": _lpo(s, ref),
            "stadsdel": s.stadsdel,
            "categories": list(s.categories),
            "status": s.status,
            "impact": s.impact,
            "predecessors": list(s.predecessors),
            "notes": "Fiktiv plats (exempeldata).",
            "area_m2": None,
            "geometry": s.geometry,
        }
        for s in sorted(scenes, key=lambda s: s.scene_id)
    ]
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)
    frame["area_m2"] = area_m2(frame.geometry)
    return DemoSurvey(survey, normalise_scene_frame(frame))


def _survey_to_json(s: Survey) -> dict[str, object]:
    return {"id": s.id, "name": s.name, "date": s.date.isoformat(), "kind": str(s.kind), "source": s.source,
            "demo": s.demo, "notes": s.notes}


def write_demo(data_dir: Path) -> list[Path]:
    """Generate the demo surveys and write them under `data_dir/demo/`."""
    ref = load_reference(data_dir)
    out_dir = data_dir / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    surveys = generate(ref)
    index = out_dir / "surveys.json"
    index.write_text(json.dumps([_survey_to_json(d.survey) for d in surveys], ensure_ascii=False, indent=2) + "\n",
                     encoding="utf-8")
    written.append(index)
    for d in surveys:
        path = out_dir / f"{d.survey.id}.geojson"
        path.write_text(dumps_geojson(scenes_to_geojson(d.scenes)), encoding="utf-8")
        written.append(path)
    return written


def load_demo(data_dir: Path) -> list[DemoSurvey]:
    """Read the committed demo surveys from `data_dir/demo/`."""
    out_dir = data_dir / "demo"
    index = json.loads((out_dir / "surveys.json").read_text(encoding="utf-8"))
    result = []
    for item in index:
        survey = Survey(
            id=item["id"], name=item["name"], date=dt.date.fromisoformat(item["date"]), kind=SurveyKind(item["kind"]),
            source=item["source"], demo=bool(item["demo"]), notes=item.get("notes", ""),
            created_by="scenes init --demo",
        )
        collection = json.loads((out_dir / f"{survey.id}.geojson").read_text(encoding="utf-8"))
        result.append(DemoSurvey(survey, scenes_from_geojson(collection, survey.id)))
    return result


#: Seed of the fictitious demo measures (separate from the surveys' seed, so the survey files never change).
MEASURE_SEED = 20241122
_DEMO_KINDS = ("situationell_prevention", "uppsokande", "vard_stod", "polisiar", "fysisk_omgestaltning")


def demo_measures(items: list[DemoSurvey], ref: Reference) -> list[Measure]:
    """Fictitious measures for the demo scenes, consistent with the demo surveys (flagged `demo`).

    Scenes of the first survey get measures from 2021 on (finished ones where the scene later ceased, so the
    measures of merged and split scenes show the following rule); most scenes of the latest survey have one or two
    planned, ongoing or paused measures, some have none (so the coordination view has gaps to show), and three
    measures belong to a municipality or a police area. Owners are the scene's municipality (Stockholm: its district
    administration), its police area, Region Stockholm or a generic property owner or non-profit organisation.
    """
    rng = np.random.default_rng(MEASURE_SEED)
    actors = set(ref.actors["code"])
    first, last = items[0].scenes, items[-1].scenes
    latest = set(last["scene_id"])
    out: list[Measure] = []

    def owner(row: dict[str, object]) -> str:
        choices = [f"kommun_{row['kommun_kod']}", f"lpo_{row['lokalpolisomrade']}", "region_stockholm",
                   "fastighetsagare", "ideell_organisation"]
        if row["kommun_kod"] == "0180" and row.get("stadsdel"):
            choices[0] = f"sdf_{ref.current_district(str(row['stadsdel']))}"
        return str(rng.choice([c for c in choices if c in actors]))

    def add(row: dict[str, object], status: str, start: dt.date, end: dt.date | None, note: str) -> None:
        out.append(Measure(measure_id=f"demo-{len(out) + 1:03d}", kind=str(rng.choice(_DEMO_KINDS)), actor=owner(row),
                           status=status, scene_id=str(row["scene_id"]), start_date=start, end_date=end, note=note,
                           demo=True))

    for row in first.sort_values("scene_id").to_dict("records"):
        if rng.uniform() < 0.35:
            start = dt.date(2021, 1, 1) + dt.timedelta(days=int(rng.integers(0, 500)))
            if row["scene_id"] in latest:
                add(row, "pagaende", start, None, "Fiktiv demodata: pågår sedan kartläggningen 2021.")
            else:
                add(row, "avslutad", start, start + dt.timedelta(days=int(rng.integers(120, 600))),
                    "Fiktiv demodata: avslutad.")
    for row in last.sort_values("scene_id").to_dict("records"):
        draw = rng.uniform()
        if draw < 0.3:
            continue  # no measure of its own (it may still inherit one)
        status = str(rng.choice(["planerad", "pagaende", "pagaende", "pausad"]))
        start = dt.date(2023, 12, 1) + dt.timedelta(days=int(rng.integers(0, 400)))
        add(row, status, start, None, "Fiktiv demodata.")
    out += [
        Measure(measure_id="demo-kommun-0180", kind="uppsokande", actor="kommun_0180", status="pagaende",
                kommun_kod="0180", start_date=dt.date(2023, 3, 1), note="Fiktiv demodata: kommunövergripande.",
                demo=True),
        Measure(measure_id="demo-kommun-0181", kind="vard_stod", actor="region_stockholm", status="planerad",
                kommun_kod="0181", start_date=dt.date(2025, 1, 15), note="Fiktiv demodata.", demo=True),
        Measure(measure_id="demo-lpo-jarva", kind="polisiar", actor="lpo_jarva", status="pagaende",
                lokalpolisomrade="jarva", start_date=dt.date(2024, 5, 1), note="Fiktiv demodata.", demo=True),
    ]
    return out
