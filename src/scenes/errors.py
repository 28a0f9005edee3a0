"""One family of errors. Every error the core raises on purpose is a `ScenesError`.

Pages show them through one helper (`ui.show_error`); the command line prints them and exits non-zero.
Structured detail (row, column, value, suggestion) travels in `Problem` objects so a page, a CSV download
and the command line all say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_LISTED",
    "MORE_PROBLEMS",
    "ConfigError",
    "DemoSandbox",
    "NotFoundError",
    "Problem",
    "ProblemReport",
    "ScenesError",
    "StoreError",
    "ValidationFailed",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    suggestion: str | None = None
    severity: str = "error"  # "error" blocks publishing, "warning" does not
    code: str = ""  # catalogue key `problem.<code>` for a translated message; `message` is the English text
    params: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.value is not None:
            text += f" (value: {self.value!r})"
        if self.suggestion:
            text += f" — did you mean {self.suggestion!r}?"
        return text


#: A problem report lists at most this many problems unless it says otherwise (one more says how many were left out).
MAX_LISTED = 1_000
#: The code of the one problem that says how many more a capped report left out (`problem.more_problems`).
MORE_PROBLEMS = "more_problems"


class ProblemReport:
    """The one capped problem report: problems kept as they come up to `cap`, the rest only counted.

    `listed()` is what a person sees: the kept problems and, when any were left out, ONE last problem with code
    `more_problems` saying how many (`params["count"]`). A `more_problems` problem added to a report (the summary of
    an earlier, capped report: a reader's, say) is not kept but counted, so a report never holds two summaries.
    Memory stays bounded however many problems a hostile file makes.
    """

    def __init__(self, problems: Iterable[Problem] = (), *, cap: int = MAX_LISTED) -> None:
        self.cap = cap
        self.kept: list[Problem] = []
        self.more = 0
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        if problem.code == MORE_PROBLEMS:
            count = problem.params.get("count", 0)
            self.more += count if isinstance(count, int) else 0
        elif len(self.kept) < self.cap:
            self.kept.append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> ProblemReport:
        self.extend(problems)
        return self

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)

    def __bool__(self) -> bool:
        return bool(self.kept or self.more)

    @property
    def total(self) -> int:
        """Every problem added, listed or not."""
        return len(self.kept) + self.more

    def sort(self, *, key: Callable[[Problem], Any]) -> None:
        """Order the kept problems (the summary stays last)."""
        self.kept.sort(key=key)

    def listed(self) -> list[Problem]:
        """The kept problems, then the one summary when any were left out."""
        if not self.more:
            return list(self.kept)
        return [*self.kept, Problem(f"… and {self.more} more problems, not listed here. Fix these and check the "
                                    "file again.", code=MORE_PROBLEMS, params={"count": self.more})]


class ScenesError(Exception):
    """Base class: an expected failure with a message meant for a person.

    `code` names the catalogue entry `error.<code>` that the UI shows in the user's language, filled in with
    `params`; the English message is what the command line and the log say. A subclass may set a class-wide code.
    Every error a page can meet has a code (a test reads the source to make sure).
    """

    code: str = ""

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.params: dict[str, object] = params


class ConfigError(ScenesError):
    """A setting is missing or invalid."""


class NotFoundError(ScenesError):
    """A survey, seminar or other record does not exist."""


class StoreError(ScenesError):
    """The store cannot be opened, migrated or written."""


class DemoSandbox(ScenesError):
    """A change was attempted in demo mode, where nothing may outlive the demo."""

    code = "demo_sandbox"


class ValidationFailed(ScenesError):
    """Input data has problems; `problems` lists all of them, not only the first."""

    def __init__(self, message: str, problems: list[Problem], *, code: str = "invalid", **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.problems = problems

    def __str__(self) -> str:
        head = super().__str__()
        return head + "".join(f"\n  - {p}" for p in self.problems)
