"""The one capped problem report (`errors.ProblemReport`): every site that lists problems uses it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scenes.errors import MORE_PROBLEMS, Problem, ProblemReport


def _problems(n: int) -> list[Problem]:
    return [Problem(f"p{i}", row=i, code="bad") for i in range(n)]


@given(count=st.integers(0, 300), cap=st.integers(1, 50))
def test_a_report_lists_at_most_cap_problems_and_one_summary_of_the_rest(count: int, cap: int) -> None:
    report = ProblemReport(cap=cap)
    for problem in _problems(count):
        report.append(problem)
    listed = report.listed()
    assert report.total == count
    assert listed[:min(count, cap)] == _problems(count)[:cap]  # the first ones, in the order they came
    summaries = [p for p in listed if p.code == MORE_PROBLEMS]
    if count <= cap:
        assert listed == _problems(count)
        assert not summaries
    else:
        assert len(listed) == cap + 1
        assert summaries == [listed[-1]]
        assert listed[-1].params["count"] == count - cap


@given(first=st.integers(0, 80), second=st.integers(0, 80), cap=st.integers(1, 30))
def test_a_capped_report_added_to_another_is_counted_never_a_second_summary(first: int, second: int,
                                                                              cap: int) -> None:
    inner = ProblemReport(_problems(first), cap=cap).listed()
    outer = ProblemReport(inner, cap=cap)
    outer.extend(_problems(second))
    listed = outer.listed()
    assert outer.total == first + second
    assert sum(p.code == MORE_PROBLEMS for p in listed) == (1 if first + second > cap else 0)
    assert len([p for p in listed if p.code != MORE_PROBLEMS]) == min(cap, first + second)


def test_sorting_keeps_the_summary_last() -> None:
    report = ProblemReport(reversed(_problems(5)), cap=3)
    report.sort(key=lambda p: p.row or 0)
    assert [p.row for p in report.listed()] == [2, 3, 4, None]
    assert bool(ProblemReport()) is False
    assert bool(report) is True
