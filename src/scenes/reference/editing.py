"""Reference tables an administrator edits in the app: which tables and columns, the shipped version 1, and the
check of an edit (every problem at once; codes are stable, so rows are added, never removed or renamed)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from scenes.reference.tables import Reference, read_table, typed_table

__all__ = ["EDITABLE", "MAX_EDIT_CELL", "MAX_EDIT_ROWS", "edit_reference_table", "shipped_tables", "with_tables"]


#: Tables an administrator may edit in the app: shipped file (version 1 in the database), key column, editable
#: columns. Codes are stable in data, so rows can be added but not removed or renamed here.
EDITABLE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "categories": ("reference/categories.csv", "code",
                   ("label_sv", "label_en", "description_sv", "description_en", "color", "working_name")),
    "statuses": ("reference/statuses.csv", "code", ("label_sv", "label_en", "working_name")),
    "municipalities": ("reference/municipalities.csv", "kommun_kod", ("population", "population_date")),
    "measure_kinds": ("reference/measure_kinds.csv", "code",
                      ("label_sv", "label_en", "description_sv", "description_en", "working_name")),
    "actors": ("reference/actors.csv", "code", ("label_sv", "label_en", "organisation_type", "working_name")),
}
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
#: An editable table holds at most this many rows, and a cell this many characters (a label or a description,
#: not a document): checked before anything else, so an edit never grows the store without bound.
MAX_EDIT_ROWS = 200
MAX_EDIT_CELL = 1_000


def shipped_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The editable tables as shipped in `data_dir` (text cells): what `scenes init` stores as version 1."""
    return {name: read_table(data_dir / rel) for name, (rel, _, _) in EDITABLE.items()}


def with_tables(ref: Reference, tables: dict[str, pd.DataFrame]) -> Reference:
    """`ref` with the editable tables replaced by the given (stored) text tables."""
    typed = {name: typed_table(name, table) for name, table in tables.items()}
    return replace(ref, categories=typed.get("categories", ref.categories),
                   statuses=typed.get("statuses", ref.statuses),
                   municipalities=typed.get("municipalities", ref.municipalities),
                   measure_kinds=typed.get("measure_kinds", ref.measure_kinds),
                   actors=typed.get("actors", ref.actors))


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def edit_reference_table(name: str, current: pd.DataFrame, edited: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Validate an administrator's edit of `current`; returns the new table (text cells) and what changed.

    Raises ValidationFailed with every problem (row as the editor counts them, from 1; column; value) when anything
    is wrong; the caller then stores nothing.
    """
    from scenes.errors import Problem, ValidationFailed

    _, key, editable = EDITABLE[name]
    if len(edited) > MAX_EDIT_ROWS:
        raise ValidationFailed(f"The table has {len(edited)} rows; the limit is {MAX_EDIT_ROWS}.", [Problem(
            f"the table has {len(edited)} rows; the limit is {MAX_EDIT_ROWS}", code="reference_too_many_rows",
            params={"rows": len(edited), "limit": MAX_EDIT_ROWS})], code="reference_invalid")
    edited = edited.copy().astype(object).where(edited.notna(), None)
    problems: list[Problem] = [
        Problem(f"the cell has {len(text)} characters; the limit is {MAX_EDIT_CELL}", code="cell_too_long",
                row=i, column=str(column), params={"length": len(text), "limit": MAX_EDIT_CELL})
        for i, row in enumerate(edited.itertuples(index=False), start=1)
        for column, value in zip(edited.columns, row, strict=True)
        if len(text := _text(value)) > MAX_EDIT_CELL]
    if problems:
        raise ValidationFailed("The table was not saved.", problems, code="reference_invalid")
    old_keys, new_keys = [_text(k) for k in current[key]], [_text(k) for k in edited[key]]
    for missing in sorted(set(old_keys) - set(new_keys)):
        problems.append(Problem("a code in use cannot be removed or renamed here",
                                code="code_in_use", column=key, value=missing))
    for i, code in enumerate(new_keys, start=1):
        if code not in old_keys and (name == "municipalities" or not _CODE.match(code)):
            problems.append(Problem("new codes are lowercase letters, digits and _ (municipalities cannot be added)",
                                    code="new_code_format",
                                    row=i, column=key, value=code))
        if new_keys.count(code) > 1:
            problems.append(Problem("the code appears twice", code="code_twice", row=i, column=key, value=code))
    for i, row in enumerate(edited.to_dict("records"), start=1):
        for column in editable:
            text = _text(row.get(column))
            if column == "color" and not _HEX_COLOUR.match(text):
                problems.append(Problem("a colour is written #RRGGBB",
                                        code="colour_format", row=i, column=column, value=text))
            if column.startswith("label") and not text:
                problems.append(Problem("a label is required", code="label_required", row=i, column=column))
            if column == "population" and text and not text.isdigit():
                problems.append(Problem("a population is a whole number (or empty)",
                                        code="population_format", row=i, column=column,
                                        value=text))
            if column == "population_date" and text:
                try:
                    dt.date.fromisoformat(text)
                except ValueError:
                    problems.append(Problem("write the date as YYYY-MM-DD",
                                            code="date_format", row=i, column=column, value=text))
    if problems:
        raise ValidationFailed("The table was not saved.", problems, code="reference_invalid")
    merged = current.astype(object).map(_text).set_index(key)
    changes = []
    for row in edited.to_dict("records"):
        code = _text(row[key])
        if code not in merged.index:
            merged.loc[code] = ""
            changes.append(f"{code}: added")
        for column in editable:
            new, old = _text(row.get(column)), merged.at[code, column]
            if new != old:
                merged.at[code, column] = new
                changes.append(f"{code}.{column}: {old!r} -> {new!r}")
    return merged.reset_index().replace({"": None}), changes
