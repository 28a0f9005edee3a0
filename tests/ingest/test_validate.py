"""validate()'s report is the one capped problem report: at most MAX_PROBLEMS listed, then one summary."""

from __future__ import annotations

from scenes.errors import MORE_PROBLEMS
from scenes.ingest.readers import read_file
from scenes.ingest.validate import MAX_PROBLEMS, validate
from scenes.io.bounded import Limits
from scenes.reference import Reference


def _csv(rows: int) -> bytes:
    """Rows in Botkyrka, each with two errors: no name, an unknown category."""
    lines = ["id;namn;kategori;lat;lon", *(f"T{i};;x;59,2005;17,8297" for i in range(rows))]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_a_report_past_the_cap_lists_the_cap_and_one_summary(ref: Reference) -> None:
    rows = MAX_PROBLEMS // 2 + 100  # 200 errors more than the cap
    raw = read_file("many.csv", _csv(rows), Limits(max_rows=10_000))
    result = validate(raw, ref)
    assert len(result.problems) == MAX_PROBLEMS + 1
    summary = result.problems[-1]
    assert summary.code == MORE_PROBLEMS
    assert summary.params["count"] == 2 * rows - MAX_PROBLEMS
    assert [p for p in result.problems if p.code == MORE_PROBLEMS] == [summary]
    assert not result.ok  # the summary is an error: nothing is published


def test_a_report_within_the_cap_has_no_summary(ref: Reference) -> None:
    result = validate(read_file("few.csv", _csv(3), Limits()), ref)
    assert len(result.problems) == 6
    assert all(p.code != MORE_PROBLEMS for p in result.problems)
