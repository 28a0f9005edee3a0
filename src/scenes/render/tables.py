"""Scene frames as tables for people: translated headers, names instead of codes, no geometry."""

from __future__ import annotations

import datetime as dt
import math

import geopandas as gpd
import numpy as np
import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol

from scenes.domain.disclosure import Disclosure
from scenes.domain.protection import Protected, protection
from scenes.i18n import LOCALES, t, time_text
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["MISSING", "audit_table", "generalised_table", "only_dates", "readable", "scene_table"]

#: what a table shows where a value is missing (never "None", "nan" or an empty-looking cell)
MISSING = "–"


def scene_table(ref: Reference, frame: gpd.GeoDataFrame, lang: Lang) -> pd.DataFrame:
    """One row per scene, in the order of `frame`, with readable labels in `lang`.

    The label columns repeat a few values over thousands of rows: they are categorical, so the table travels to
    the browser with each label once (Arrow dictionary encoding), less than half the bytes at 5,000 scenes.
    """
    kinds = frame.geom_type.map(lambda g: t("geometry.polygon" if "Polygon" in str(g) else "geometry.point", lang))
    return pd.DataFrame({
        t("col.scene_id", lang): frame["scene_id"].to_numpy(),
        t("col.name", lang): frame["name"].to_numpy(),
        t("col.municipality", lang): pd.Categorical(frame["kommun"].to_numpy()),
        t("col.police_area", lang): pd.Categorical([ref.police_area_name(c) for c in frame["lokalpolisomrade"]]),
        t("col.district", lang): pd.Categorical([ref.district_name(c) if c else MISSING for c in frame["stadsdel"]]),
        t("col.categories", lang): pd.Categorical([", ".join(ref.category_label(c, lang) for c in cats)
                                                   for cats in frame["categories"]]),
        t("col.status", lang): pd.Categorical([ref.status_label(c, lang) if c else MISSING for c in frame["status"]]),
        t("col.impact", lang): pd.array(frame["impact"], dtype="Int64"),
        t("col.area_m2", lang): pd.array(frame["area_m2"].round(0), dtype="Int64"),
        t("col.geometry", lang): pd.Categorical(kinds.to_numpy()),
    })


def generalised_table(ref: Reference, frame: gpd.GeoDataFrame, lang: Lang, *,
                      disclosure: Disclosure, protected: Protected | None = None) -> pd.DataFrame:
    """Counts per municipality and local police area: what generalised precision may show instead of rows.

    With an active `disclosure` the counts `scenes.domain.protection` withholds read "withheld", never as the number; a
    pair withheld at zero is listed too. `protected`: what `frame` withholds, when it is a selection (with
    `protection(..., filt=, whole=)`); else the protection of `frame` as a whole survey.
    """
    counts = frame.groupby(["kommun_kod", "lokalpolisomrade"]).size().reset_index(name="n")
    hidden = pd.Series(False, index=counts.index)
    if disclosure.active:
        protected = protected or protection(ref, frame, disclosure)
        seen = set(zip(counts["kommun_kod"], counts["lokalpolisomrade"], strict=True))
        zeros = [p for p in protected.hidden_pairs() if p not in seen]
        if zeros:
            counts = pd.concat([counts, pd.DataFrame(zeros, columns=["kommun_kod", "lokalpolisomrade"]).assign(n=0)],
                               ignore_index=True)
        hidden = pd.Series([protected.pair_hidden(m, p) for m, p in zip(counts["kommun_kod"],
                                                                        counts["lokalpolisomrade"], strict=True)])
        names = pd.DataFrame({"m": [ref.municipality_name(c) for c in counts["kommun_kod"]],
                              "p": [ref.police_area_name(c) for c in counts["lokalpolisomrade"]]})
        order = names.sort_values(["m", "p"], kind="stable").index  # by name: the order tells nothing
        counts, hidden = counts.loc[order].reset_index(drop=True), hidden.loc[order].reset_index(drop=True)
    table = pd.DataFrame({
        t("col.municipality", lang): [ref.municipality_name(c) for c in counts["kommun_kod"]],
        t("col.police_area", lang): [ref.police_area_name(c) for c in counts["lokalpolisomrade"]],
        t("col.scenes", lang): counts["n"].to_numpy(),
    })
    return disclosure.withhold(table, {t("col.scenes", lang): hidden}, (), lang)


def only_dates(column: pd.Series) -> bool:
    """A timestamp column whose every value is midnight: dates, to be shown and written without a time."""
    known = column.dropna()
    return pd.api.types.is_datetime64_any_dtype(column) and bool((known == known.dt.normalize()).all())


def _when(column: pd.Series, lang: Lang) -> list[object]:
    """Dates (midnight) as dates; moments in Swedish time to the minute (the store keeps UTC, naive on SQLite);
    missing as a dash."""
    if only_dates(column):
        return [MISSING if pd.isna(v) else v.date() for v in column]
    return [time_text(v, lang) for v in column]  # the one formatter (a dash for NaT)


def audit_table(audit: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The audit log with its actions in words."""
    out = audit.copy()
    out["action"] = [t(f"audit.{a}", lang) for a in out["action"]]
    out["actor"] = out["actor"].replace({"(empty)": MISSING})  # a failed sign-in with no name typed
    return out


def _decimals(values: pd.Series) -> int:
    """The fewest decimals (0–2) that show every value of a float column as it is."""
    finite = values[values.map(math.isfinite)]
    for decimals in (0, 1):
        if ((finite * 10**decimals).round(6) % 1 == 0).all():
            return decimals
    return 2


def readable(table: pd.DataFrame, lang: Lang) -> tuple[pd.DataFrame, list[str]]:
    """`table` as people read it in `lang`, and the names of the columns it turned from numbers into text (to align
    them right).

    Numbers use the language's separators from Babel's locale data (Swedish 16 781,4, English 16,781.4); a float
    column gets the fewest decimals that show all its values. Missing values read as an en dash, yes/no columns
    as words, timestamps as dates. Whole-number columns without gaps stay numbers, so they still sort.
    """
    locale = LOCALES.get(lang, LOCALES["sv"])
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)

    def fmt(value: object, decimals: int) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value)):
            return MISSING
        if isinstance(value, dt.datetime):  # a moment among text (an object column): Stockholm time
            return time_text(value, lang)
        if isinstance(value, bool):
            return t("common.yes" if value else "common.no", lang)
        if isinstance(value, int | float):
            text = f"{value:,.{decimals}f}"
            return text.replace(",", "\0").replace(".", decimal).replace("\0", group)
        return str(value)

    out = table.copy()
    numeric: list[str] = []
    for name in out.columns:
        column = out[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            continue  # label columns (scene_table): words already, and kept compact
        if pd.api.types.is_bool_dtype(column):
            out[name] = [fmt(bool(v), 0) for v in column]
        elif pd.api.types.is_datetime64_any_dtype(column):
            out[name] = pd.Series(_when(column, lang), index=out.index, dtype=object)
        elif pd.api.types.is_integer_dtype(column) and not column.isna().any():
            continue  # a number column already: right-aligned and sortable as it is
        elif pd.api.types.is_numeric_dtype(column):
            values = column.to_numpy(dtype=float, na_value=np.nan)
            known = np.isfinite(values)
            decimals = _decimals(pd.Series(values[known]))
            separators = str.maketrans({",": group, ".": decimal})
            texts = np.full(len(values), MISSING, dtype=object)  # one format call per value: 5,000 rows in ~5 ms
            texts[known] = [f"{v:,.{decimals}f}".translate(separators) for v in values[known].tolist()]
            out[name] = texts
            numeric.append(str(name))
        else:  # text, perhaps with numbers ("färre än 3" beside counts) or gaps among it
            mixed = column.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool) and not pd.isna(v))
            moments = column.map(lambda v: isinstance(v, dt.datetime))
            if not (mixed.any() or moments.any() or column.isna().any()):
                continue
            decimals = _decimals(column[mixed].astype(float)) if mixed.any() else 0
            out[name] = [fmt(None if (not isinstance(v, str) and pd.isna(v)) else v, decimals) for v in column]
            if mixed.any():
                numeric.append(str(name))
    return out, numeric
