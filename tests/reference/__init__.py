"""Helpers shared by the reference tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from scenes.reference import Reference


def districts_on(ref: Reference, day: dt.date) -> pd.DataFrame:
    """The Stockholm districts valid on `day` (the shipped table's `valid_from` … `valid_to`, either open)."""
    d = ref.districts
    start = pd.to_datetime(d["valid_from"]).dt.date
    end = pd.to_datetime(d["valid_to"]).dt.date
    return d.loc[(start.isna() | (start <= day)) & (end.isna() | (end >= day))]
