"""One family of errors. Every error the core raises on purpose is a `ScenesError`.

Pages show them through one helper (`ui.show_error`); the command line prints them and exits non-zero.
Structured detail (row, column, value, suggestion) travels in `Problem` objects so a page, a CSV download
and the command line all say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ConfigError",
    "DemoSandbox",
    "NotFoundError",
    "Problem",
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
