"""Seminar CSV import: documented columns, every problem reported, nothing saved on error."""

from __future__ import annotations

import datetime as dt

import pytest

from scenes.domain.seminars import date_state, map_preset, read_seminar_csv, split_upcoming
from scenes.errors import ValidationFailed
from scenes.model import Seminar
from scenes.reference import Reference
from scenes.views.dashboard import Dashboard

GOOD = (
    "seminar_id;title;date;start_time;end_time;focus_categories;invited_municipalities;programme\n"
    'ws-2026;Workshop festmiljö;2026-03-10;13:00;16:00;festmiljo;0180|0184;"13:00 | Inledning | Therese Travis\n'
    '13:15 | Gruppdiskussion"\n'
)


def test_good_file_is_read(ref: Reference) -> None:
    """A semicolon file with a multi-line programme gives one seminar with every field."""
    [sem] = read_seminar_csv(GOOD, ref)
    assert (sem.seminar_id, sem.date, sem.focus_categories, sem.invited_municipalities, len(sem.programme)) == (
        "ws-2026", dt.date(2026, 3, 10), ("festmiljo",), ("0180", "0184"), 2)
    assert sem.programme[0].speakers == "Therese Travis"


@pytest.mark.parametrize(("text", "column", "message"), [
    ("title\nA\n", "seminar_id", "required column"),
    ("seminar_id,title\nbad id!,A\n", "seminar_id", "letters"),
    ("seminar_id,title\na,\n", "title", "required"),
    ("seminar_id,title,date\na,A,14/9/2022\n", "date", "YYYY-MM-DD"),
    ("seminar_id,title,start_time\na,A,9.00\n", "start_time", "HH:MM"),
    ("seminar_id,title,focus_categories\na,A,utsatt\n", "focus_categories", "unknown code"),
    ("seminar_id,title,invited_municipalities\na,A,0999\n", "invited_municipalities", "unknown code"),
    ("seminar_id,title\na,A\na,B\n", "seminar_id", "twice"),
    ("seminar_id,title,colour\na,A,red\n", "colour", "unknown column"),
])
def test_problems_are_located(ref: Reference, text: str, column: str, message: str) -> None:
    """Each bad input names the column (and row) and says what is wrong."""
    with pytest.raises(ValidationFailed) as info:
        read_seminar_csv(text, ref)
    assert any(p.column == column and message in p.message for p in info.value.problems)


def test_all_problems_at_once(ref: Reference) -> None:
    """Problems in several rows are all reported, with spreadsheet row numbers."""
    with pytest.raises(ValidationFailed) as info:
        read_seminar_csv("seminar_id,title,date\na,,x\nb,B,y\n", ref)
    assert sorted((p.row, p.column) for p in info.value.problems) == [(2, "date"), (2, "title"), (3, "date")]


def test_empty_file(ref: Reference) -> None:
    """An empty upload is a clear error, not a crash."""
    with pytest.raises(ValidationFailed, match="empty"):
        read_seminar_csv("", ref)


def test_map_preset_from_focus() -> None:
    """A seminar's focus category and invited areas become the map's URL query."""
    sem = Seminar("x", "T", "", None, "", "", None, "", "", "", focus_categories=("utsatt_omrade",),
                  invited_municipalities=("0127", "0181"))
    assert map_preset(sem) == {"visning": "1", "kategori": "utsatt_omrade", "kommun": "0127,0181"}


def test_save_seminar_validates_and_updates(demo: Dashboard) -> None:
    """Saving an existing id updates it; a bad time is refused and nothing changes."""
    original = demo.store.seminars()[1]
    updated = Seminar(**{**original.__dict__, "date": dt.date(2025, 11, 20)})
    demo.save_seminar(updated, actor="analyst")
    assert demo.store.seminars()[1].date == dt.date(2025, 11, 20)
    with pytest.raises(ValidationFailed):
        demo.save_seminar(Seminar(**{**original.__dict__, "start_time": "9"}), actor="analyst")
    assert demo.store.seminars()[1].start_time == "09:00"


def _seminar(sid: str, date: dt.date | None, deadline: dt.date | None) -> Seminar:
    return Seminar(sid, sid, "Seminarium", date, "", "", deadline, "", "", "")


def test_date_state_is_honest_about_dates_never_published() -> None:
    """A date is known, still to come (deadline ahead or none), or was never published (deadline passed)."""
    today = dt.date(2026, 11, 23)
    assert date_state(_seminar("a", dt.date(2022, 9, 14), None), today) == "known"
    assert date_state(_seminar("b", None, dt.date(2025, 11, 4)), today) == "unpublished"
    assert date_state(_seminar("c", None, dt.date(2026, 12, 1)), today) == "pending"
    assert date_state(_seminar("d", None, None), today) == "pending"


def test_upcoming_soonest_first_then_past_latest_first() -> None:
    """Upcoming: on or after today (by date, else deadline; neither: upcoming), soonest first; past: latest first."""
    today = dt.date(2026, 11, 23)
    items = [_seminar("old", dt.date(2022, 9, 14), None), _seminar("today", today, None),
             _seminar("deadline-ahead", None, dt.date(2027, 1, 10)), _seminar("next", dt.date(2026, 12, 2), None),
             _seminar("no-date", None, None), _seminar("deadline-passed", None, dt.date(2025, 11, 4))]
    upcoming, past = split_upcoming(items, today)
    assert [s.seminar_id for s in upcoming] == ["today", "next", "deadline-ahead", "no-date"]
    assert [s.seminar_id for s in past] == ["deadline-passed", "old"]


@pytest.mark.parametrize(("column", "value", "code"), [
    ("seminar_id", "bad id!", "seminar_id_format"),
    ("seminar_id", "x" * 101, "seminar_id_format"),
    ("start_time", "9.00", "time_format"),
    ("start_time", "24:00", "time_format"),
    ("end_time", "9:00", "time_format"),
])
def test_csv_and_form_give_one_verdict(demo: Dashboard, column: str, value: str, code: str) -> None:
    """The seminar CSV import and the seminar form refuse the same bad value with the same code, message and
    column: one rule serves both."""
    fields = {"seminar_id": "ws-1", "title": "Workshop", "start_time": "13:00", "end_time": "16:00", column: value}
    quoted = {k: '"' + v + '"' for k, v in fields.items()}
    csv_text = ";".join(fields) + "\n" + ";".join(quoted[k] for k in fields) + "\n"
    with pytest.raises(ValidationFailed) as from_csv:
        demo.import_seminars(csv_text.encode("utf-8"), actor="analyst")
    form_item = Seminar(fields["seminar_id"], fields["title"], "Seminarium", None, fields["start_time"],
                        fields["end_time"], None, "", "", "")
    with pytest.raises(ValidationFailed) as from_form:
        demo.save_seminar(form_item, actor="analyst")
    verdict = [(p.code, p.column, p.value, p.message) for p in from_csv.value.problems]
    assert verdict == [(p.code, p.column, p.value, p.message) for p in from_form.value.problems]
    assert verdict == [(code, column, value, verdict[0][3])]


@pytest.mark.parametrize("value", ["00:00", "09:30", "23:59", ""])
def test_csv_and_form_accept_the_same_times(demo: Dashboard, value: str) -> None:
    """A good (or empty) time passes both the CSV import and the form."""
    demo.import_seminars(f"seminar_id;title;start_time\nws-1;Workshop;{value}\n".encode(), actor="analyst")
    demo.save_seminar(Seminar("ws-2", "Workshop", "", None, value, "", None, "", "", ""), actor="analyst")
    assert {s.seminar_id: s.start_time for s in demo.seminars()}.keys() >= {"ws-1", "ws-2"}
