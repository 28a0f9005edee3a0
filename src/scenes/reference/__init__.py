"""Reference data shipped in `data/`: geography, police areas, districts, categories, published totals.

Everything here is read from files an administrator can edit (see data/README.md for each file's source
and licence); nothing is hard-coded. Loading is cached per folder: the files are small and read once.

Modules: `tables` (the `Reference` and how it is loaded), `editing` (the tables an administrator edits),
`seminars` (seminars' JSON form, the shipped ones), `build` (rebuilding the shipped geography files). The
curated names are re-exported here: `from scenes.reference import Reference` is how the rest of the core reads them.
"""

from __future__ import annotations

from scenes.reference.build import build_boundaries, build_surroundings
from scenes.reference.editing import (
    EDITABLE,
    MAX_EDIT_CELL,
    MAX_EDIT_ROWS,
    edit_reference_table,
    shipped_tables,
    with_tables,
)
from scenes.reference.seminars import load_seminars, seminar_from_dict, seminar_to_dict
from scenes.reference.tables import (
    BOUNDARIES_FILE,
    COUNTY_CODE,
    COUNTY_TOLERANCE_M,
    SURROUNDINGS_FILE,
    SURROUNDINGS_MARGIN_M,
    SURROUNDINGS_OVERLAP_M,
    SURROUNDINGS_TOLERANCE_M,
    Reference,
    load_reference,
)

__all__ = [
    "BOUNDARIES_FILE",
    "COUNTY_CODE",
    "COUNTY_TOLERANCE_M",
    "EDITABLE",
    "MAX_EDIT_CELL",
    "MAX_EDIT_ROWS",
    "SURROUNDINGS_FILE",
    "SURROUNDINGS_MARGIN_M",
    "SURROUNDINGS_OVERLAP_M",
    "SURROUNDINGS_TOLERANCE_M",
    "Reference",
    "build_boundaries",
    "build_surroundings",
    "edit_reference_table",
    "load_reference",
    "load_seminars",
    "seminar_from_dict",
    "seminar_to_dict",
    "shipped_tables",
    "with_tables",
]
