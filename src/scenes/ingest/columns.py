"""Column names: Swedish or English, any case and spacing, mapped to the canonical scene fields."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

__all__ = ["ALIASES", "CANONICAL", "DERIVED", "canonical_name", "is_header_row", "normalise_header", "suggest"]

#: canonical field -> accepted header spellings (compared after `normalise_header`)
ALIASES: dict[str, list[str]] = {
    "scene_id": ["scene_id", "id", "scen_id", "sceneid", "plats_id", "platsid", "scen"],
    "name": ["name", "namn", "platsnamn", "plats", "scene_name"],
    "kommun_kod": ["kommun_kod", "kommunkod", "municipality_code", "kommun_id"],
    "kommun": ["kommun", "municipality", "kommunnamn", "kommun_namn"],
    "lokalpolisomrade": ["lokalpolisomrade", "lpo", "local_police_area", "police_area", "lokalpolisomrade_kod"],
    "stadsdel": ["stadsdel", "stadsdelsomrade", "stadsdelsforvaltning", "sdf", "district", "city_district"],
    "categories": ["categories", "category", "kategori", "kategorier", "typ"],
    "status": ["status", "lage"],
    "impact": ["impact", "otrygghet", "paverkan", "unsafety", "otrygghet_1_5"],
    "predecessors": ["predecessors", "foregangare", "tidigare_id", "predecessor"],
    "notes": ["notes", "note", "anteckning", "anteckningar", "kommentar", "kommentarer"],
    "lat": ["lat", "latitud", "latitude", "wgs84_lat"],
    "lon": ["lon", "lng", "long", "longitud", "longitude", "wgs84_lon"],
    "northing": ["northing", "n", "nord", "sweref_n", "n_sweref", "sweref99_n"],
    "easting": ["easting", "e", "ost", "sweref_e", "e_sweref", "sweref99_e"],
    "x": ["x", "x_koordinat", "sweref_x"],
    "y": ["y", "y_koordinat", "sweref_y"],
    "wkt": ["wkt", "geometri", "geometry", "geom", "geometri_wkt"],
}
CANONICAL = list(ALIASES)
#: Columns our own exports write that are derived on import, so they are ignored without a warning.
DERIVED = {"survey_id", "area_m2"}
_LOOKUP = {alias: field for field, aliases in ALIASES.items() for alias in aliases}


def normalise_header(header: str) -> str:
    """Lower case, å/ä/ö folded to a/a/o, spaces and dashes to underscores."""
    text = unicodedata.normalize("NFKD", str(header).strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def canonical_name(header: str) -> str | None:
    """The canonical field a header stands for, or None."""
    return _LOOKUP.get(normalise_header(header))


def is_header_row(cells: list[str]) -> bool:
    """A row with at least two recognised column names: how the header is found below a title row."""
    return sum(canonical_name(c) is not None for c in cells if c) >= 2


def suggest(header: str, limit: int = 3) -> list[str]:
    """The canonical fields whose spellings are closest to an unknown header."""
    matches = process.extract(normalise_header(header), list(_LOOKUP), scorer=fuzz.WRatio, limit=limit * 3)
    seen: list[str] = []
    for alias, score, _ in matches:
        field = _LOOKUP[alias]
        if score >= 60 and field not in seen:
            seen.append(field)
    return seen[:limit]
