"""The one formatter of dates and moments shown to people (`i18n.time_text`): Stockholm time across the daylight
saving changes, a moment's date as its Stockholm day, nothing as a dash; and the tables, the measure lists and the
files that use it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenes.domain.measures import Measure
from scenes.i18n import date_text, local_today, time_text
from scenes.reference import Reference
from scenes.render.tables import readable
from scenes.views.entry import measure_history, measures_view

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC


@pytest.mark.parametrize(("utc", "shown"), [
    # spring forward, 29 March 2026: 02:00 CET becomes 03:00 CEST
    (dt.datetime(2026, 3, 29, 0, 59, 59), "2026-03-29 01:59"),
    (dt.datetime(2026, 3, 29, 1, 0, 0), "2026-03-29 03:00"),
    # fall back, 25 October 2026: 03:00 CEST becomes 02:00 CET (02:xx happens twice)
    (dt.datetime(2026, 10, 25, 0, 59, 59), "2026-10-25 02:59"),
    (dt.datetime(2026, 10, 25, 1, 0, 0), "2026-10-25 02:00"),
    # the moment of the issue: 23:24 UTC on 5 December is 00:24 on 6 December in Stockholm
    (dt.datetime(2026, 12, 5, 23, 24), "2026-12-06 00:24"),
    (dt.datetime(2026, 6, 30, 22, 0), "2026-07-01 00:00"),
])
def test_moments_read_in_stockholm_time_across_daylight_saving(utc: dt.datetime, shown: str) -> None:
    """Naive moments are UTC (as the store keeps them); aware ones the same whatever their zone."""
    assert time_text(utc, lang="sv") == shown
    assert time_text(utc.replace(tzinfo=UTC), lang="sv") == shown
    assert time_text(utc.replace(tzinfo=UTC).astimezone(ZoneInfo("America/New_York")), lang="sv") == shown
    assert time_text(pd.Timestamp(utc), lang="sv") == shown


def test_a_moments_date_is_its_stockholm_day() -> None:
    """A measure saved at 00:24 on 6 December Stockholm time reads "6 december", not the UTC 5th."""
    saved = dt.datetime(2026, 12, 5, 23, 24, tzinfo=UTC)
    assert date_text(saved, "sv") == "6 december 2026"
    assert date_text(saved, "en") == "6 December 2026"
    assert time_text(saved, "sv", "short") == "2026-12-06"
    assert time_text(saved, "en", "short") == "06/12/2026"
    assert time_text(saved, "sv", "second") == "2026-12-06 00:24:00"
    assert date_text(dt.date(2026, 12, 5), "sv") == "5 december 2026"  # a plain date stays its day


@pytest.mark.parametrize("nothing", [None, pd.NaT, float("nan"), pd.NA])
def test_nothing_reads_as_a_dash(nothing: object) -> None:
    assert time_text(nothing, lang="sv") == "–"  # type: ignore[arg-type]


@given(st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1),
                    timezones=st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)),
                                               dt.timezone(dt.timedelta(hours=-8)), ZoneInfo("Asia/Tokyo")])))
def test_any_moment_equals_an_independent_zoneinfo_conversion(moment: dt.datetime) -> None:
    """Whatever the moment's zone, the text is zoneinfo's Stockholm wall time, and the short date its day."""
    expected = moment.astimezone(STOCKHOLM)
    assert time_text(moment, lang="sv") == f"{expected:%Y-%m-%d %H:%M}"
    assert time_text(moment, "sv", "short") == expected.date().isoformat()
    naive_utc = moment.astimezone(UTC).replace(tzinfo=None)
    assert time_text(naive_utc, lang="sv") == f"{expected:%Y-%m-%d %H:%M}"


def test_today_is_stockholms_day() -> None:
    before = dt.datetime.now(STOCKHOLM).date()
    assert before <= local_today() <= dt.datetime.now(STOCKHOLM).date()


def test_tables_show_moments_in_stockholm_time_and_never_utc_offsets() -> None:
    """A datetime column (naive UTC, as SQLite returns it, or aware) and moments inside a text column read as
    Stockholm time; nothing is "NaT", "None" or "+00:00"."""
    table = pd.DataFrame({
        "naive": pd.to_datetime(["2026-12-05 23:12:02", None]),
        "aware": pd.to_datetime(["2026-12-05 23:12:02+00:00", "2026-07-01 10:00:00+00:00"]),
        "mixed": [dt.datetime(2026, 12, 5, 23, 12, 2, tzinfo=UTC), None],
    })
    shown, _ = readable(table, "sv")
    assert shown.to_dict("list") == {"naive": ["2026-12-06 00:12", "–"],
                                     "aware": ["2026-12-06 00:12", "2026-07-01 12:00"],
                                     "mixed": ["2026-12-06 00:12", "–"]}


def test_measure_lists_show_the_saved_moment_in_stockholm_time(ref: Reference) -> None:
    """The list's "Sparad" and the history's "När" are Stockholm time; empty fields are a dash, never "None"."""
    first = Measure("atg-1", "uppsokande", "region_stockholm", "planerad", scene_id="s1", version=1,
                    created_at=dt.datetime(2026, 12, 5, 23, 24, tzinfo=UTC), created_by="anna")
    second = Measure("atg-1", "uppsokande", "region_stockholm", "pagaende", scene_id="s1", version=2,
                     created_at=dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC), created_by="")
    listed, _ = readable(measures_view([first], ref, {"s1": "Plats (s1, Kommun)"}, "sv"), "sv")
    assert listed["Senast sparad"].tolist() == ["2026-12-06 00:24, anna"]
    assert listed["Slut"].tolist() == ["–"]
    assert listed["Anteckning"].tolist() == ["–"]
    history, _ = readable(measure_history([first, second], ref, {}, "sv"), "sv")
    assert history["När"].tolist() == ["2026-03-29 03:30", "2026-12-06 00:24"]
    assert history["Vem"].tolist() == ["–", "anna"]
    cells = " ".join(map(str, history.to_numpy().ravel())) + " ".join(map(str, listed.to_numpy().ravel()))
    for placeholder in ("None", "nan", "NaT", "+00:00"):
        assert placeholder not in cells
