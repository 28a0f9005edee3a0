"""A survey file's police areas and districts, checked and derived as of the survey's date (a step of
`scenes.ingest.validate.validate`)."""

from __future__ import annotations

import datetime as dt
import functools

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from scenes.errors import Problem
from scenes.geo import SWEREF99TM, WGS84
from scenes.ingest.cells import Resolver
from scenes.io.bounded import note
from scenes.reference import Reference

__all__ = ["police_areas"]

#: A Stockholm row without police area or district gets the police area of the nearest row in the same file that
#: has one (as a suggestion, never silently) when that row lies within this distance (metres).
NEIGHBOUR_M = 1_000.0
STOCKHOLM = "0180"


def police_areas(ref: Reference, geometry: gpd.GeoSeries, tagged: pd.Series, columns: dict[str, str], col,  # type: ignore[no-untyped-def]
                  add, notes: list[Problem], survey_date: dt.date | None) -> tuple[list[str | None], list[str | None]]:
    """Each row's district and police area on the survey's date.

    A stated police area must exist on that date (a dissolved one is an error naming its successors, with the
    successor that covers the row's place as the suggestion). A missing one is derived from the place where the
    coverage table decides it: the municipality, or in Stockholm city the district (the shipped data has no
    district boundaries, so a point in Stockholm alone does not decide it). Where it is not decided, the error
    names the candidates and suggests the police area of the nearest row within NEIGHBOUR_M that has one.
    """
    day = survey_date or dt.date.today()
    if survey_date is None:
        notes.append(note("note_no_survey_date", f"no survey date given: police areas are checked as of today "
                          f"({day.isoformat()})", day=day.isoformat()))
    districts = Resolver(zip(ref.districts["district_code"], ref.districts["name"], strict=True))
    lpos = Resolver(zip(ref.police_areas["lpo_code"], ref.police_areas["name"], strict=True))
    name = ref.police_area_name
    covering = functools.cache(lambda kind, unit: ref.police_areas_covering(kind, unit, day))  # once per place
    valid = functools.cache(lambda code: ref.police_area_valid_on(code, day))  # once per police area
    successors_of = functools.cache(ref.police_area_successors)
    lpo_column = columns.get("lokalpolisomrade", "lokalpolisomrade")
    out_district: list[str | None] = []
    out_lpo: list[str | None] = []
    undecided: dict[int, list[str]] = {}  # row index -> candidates (possibly none)
    district_values, lpo_values = list(col("stadsdel")), list(col("lokalpolisomrade"))
    for i, code in enumerate(tagged):
        d_raw = district_values[i]
        district = None
        if d_raw:
            district = districts.exact(d_raw)
            if district is None:
                add(i, columns["stadsdel"], "unknown_district", "Unknown Stockholm city district.", value=d_raw,
                    suggestion=districts.suggestion(d_raw))
            elif code is not None and code != STOCKHOLM:
                add(i, columns["stadsdel"], "district_outside_stockholm",
                    "Districts apply only inside Stockholm municipality; the value is ignored.", value=d_raw,
                    severity="warning")
                district = None
        out_district.append(district)
        if code is None:
            candidates: list[str] = []
        elif code == STOCKHOLM:
            candidates = covering("stadsdel", district) if district else []
        else:
            candidates = covering("kommun", code)
        l_raw = lpo_values[i]
        lpo = None
        if l_raw:
            lpo = lpos.exact(l_raw)
            if lpo is None:
                add(i, lpo_column, "unknown_police_area", "Unknown local police area.", value=l_raw,
                    suggestion=lpos.suggestion(l_raw))
            elif not valid(lpo):
                start, end = ref.police_area_period(lpo)
                fix = name(candidates[0]) if len(candidates) == 1 else None
                if end is not None and day > end:
                    successors = successors_of(lpo)
                    if fix is None and len(successors) == 1:
                        fix = name(successors[0])
                    names = ", ".join(name(s) for s in successors) or "–"
                    add(i, lpo_column, "police_area_dissolved", f"{name(lpo)} ended on {end.isoformat()}, before the "
                        f"survey's date {day.isoformat()}; it was succeeded by {names}.", value=l_raw, suggestion=fix,
                        area=name(lpo), ended=end.isoformat(), day=day.isoformat(), successors=names)
                else:
                    add(i, lpo_column, "police_area_not_yet", f"{name(lpo)} began on "
                        f"{start.isoformat() if start else '?'}, after the survey's date {day.isoformat()}.",
                        value=l_raw, suggestion=fix, area=name(lpo),
                        began=start.isoformat() if start else "?", day=day.isoformat())
                lpo = None
        elif len(candidates) == 1:
            lpo = candidates[0]  # decided by the place
        elif code is not None:
            undecided[i] = candidates
        out_lpo.append(lpo)
    if undecided:
        _suggest_police_areas(ref, geometry, tagged, out_lpo, undecided, lpo_column, add, day)
    return out_district, out_lpo


def _suggest_police_areas(ref: Reference, geometry: gpd.GeoSeries, tagged: pd.Series, out_lpo: list[str | None],  # type: ignore[no-untyped-def]
                          undecided: dict[int, list[str]], lpo_column: str, add, day: dt.date) -> None:
    """An error for each row whose police area the place does not decide, with the candidates it has; the police
    area of the nearest decided row of the same municipality within NEIGHBOUR_M (if it is a candidate) is the
    suggestion. Nearest rows are found with a spatial index: linear-logarithmic in the rows, not quadratic."""
    points = gpd.GeoSeries([g.representative_point() if g is not None and not g.is_empty else None
                            for g in geometry], crs=WGS84).to_crs(SWEREF99TM).to_numpy()
    codes = tagged.to_numpy(dtype=object)
    name = ref.police_area_name
    nearest: dict[int, tuple[str, float]] = {}
    for municipality in {codes[i] for i in undecided}:
        decided = [j for j, lpo in enumerate(out_lpo) if lpo is not None and points[j] is not None
                   and codes[j] == municipality]
        asking = [i for i in undecided if codes[i] == municipality and points[i] is not None]
        if not decided or not asking:
            continue
        tree = shapely.STRtree(np.asarray([points[j] for j in decided], dtype=object))
        (found_at, hits), distances = tree.query_nearest(np.asarray([points[i] for i in asking], dtype=object),
                                                         max_distance=NEIGHBOUR_M, return_distance=True,
                                                         all_matches=False)
        for a, h, distance in zip(found_at.tolist(), hits.tolist(), distances.tolist(), strict=True):
            nearest.setdefault(asking[a], (str(out_lpo[decided[h]]), float(distance)))
    stockholm = None
    for i, candidates in undecided.items():
        fix = None
        if i in nearest and (not candidates or nearest[i][0] in candidates):
            fix = name(nearest[i][0])
        if candidates:
            options = " / ".join(name(c) for c in candidates)
        else:
            if stockholm is None:  # the police areas that cover a district on that day
                valid = set(ref.police_areas_on(day)["lpo_code"])
                cov = ref.coverage
                stockholm = " / ".join(name(str(c)) for c in dict.fromkeys(cov.loc[cov["kind"] == "stadsdel",
                                                                                   "lpo_code"]) if c in valid)
            options = stockholm
        message = (f"The local police area is required here: the place does not decide it ({options}); give it, "
                   "or give the district.")
        if fix:
            message += f" The nearest row with a police area ({nearest[i][1]:.0f} m away) has {fix}."
        add(i, lpo_column, "police_area_required", message, value="", suggestion=fix, options=options)
