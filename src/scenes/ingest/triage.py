"""The validation report triaged: errors first, apart and row by row; warnings grouped by kind with counts and
examples, so the few problems that block publishing are not buried among harmless ones.

The page, the command line (`scenes validate`, `scenes import`) and its JSON all use these groups: one line per
kind ("Kategori skriven som namn: 46 rader"), a few examples, and how many of its suggestions can be applied at
once (one "apply" per kind, never one for everything).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scenes.errors import Problem
from scenes.i18n import CATALOGUE, problem_text, t
from scenes.ingest.corrections import applicable
from scenes.model import Lang

__all__ = ["ATTENTION", "ProblemGroup", "Triage", "example_text", "group_examples", "group_label", "group_title",
           "triage", "triage_json"]

#: Warnings that need a person's judgement (the row's coordinates or name may be wrong): listed before the
#: harmless ones (a label for a code, an unknown extra column).
ATTENTION = ("municipality_name_mismatch", "municipality_mismatch", "near_boundary", "repaired_polygon",
             "district_outside_stockholm")
#: Examples shown per kind.
EXAMPLES = 3


@dataclass(frozen=True)
class ProblemGroup:
    """The problems of one kind (`code`) and severity, in row order."""

    code: str
    severity: str
    problems: tuple[Problem, ...]

    @property
    def rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row is not None})

    @property
    def count(self) -> int:
        """Rows affected; problems without a row (a column, the file) count one each."""
        return len(self.rows) + sum(p.row is None for p in self.problems)

    @property
    def fixable(self) -> int:
        """How many of its suggestions can be written into the file."""
        return len(applicable(list(self.problems)))

    @property
    def attention(self) -> bool:
        return self.severity == "error" or self.code in ATTENTION

    def examples(self, n: int = EXAMPLES) -> list[Problem]:
        """Up to `n` problems with different values (the first row of each)."""
        seen: dict[tuple[object, object], Problem] = {}
        for p in self.problems:
            seen.setdefault((p.value, p.suggestion), p)
            if len(seen) == n:
                break
        return list(seen.values())


@dataclass(frozen=True)
class Triage:
    errors: list[Problem]  # in row order: each must be fixed where it is
    error_groups: list[ProblemGroup]  # the same errors by kind (largest first)
    warning_groups: list[ProblemGroup]  # those needing judgement first, then by size

    @property
    def warnings(self) -> list[Problem]:
        return [p for g in self.warning_groups for p in g.problems]


def _groups(problems: Iterable[Problem], severity: str) -> list[ProblemGroup]:
    by_code: dict[str, list[Problem]] = {}
    for p in problems:
        by_code.setdefault(p.code or "other", []).append(p)
    groups = [ProblemGroup(code, severity, tuple(sorted(items, key=lambda p: (p.row is not None, p.row or 0))))
              for code, items in by_code.items()]
    return sorted(groups, key=lambda g: (not g.attention, -g.count, g.code))


def triage(problems: list[Problem]) -> Triage:
    """Errors apart and in row order; warnings grouped by kind."""
    errors = [p for p in problems if p.severity == "error"]
    errors.sort(key=lambda p: (p.row is not None, p.row or 0, p.column or ""))
    return Triage(errors, _groups(errors, "error"), _groups((p for p in problems if p.severity != "error"),
                                                             "warning"))


def group_label(group: ProblemGroup, lang: Lang) -> str:
    """The kind's name ("Kategori skriven som namn"); a kind without a name is told by its first message."""
    key = f"group.{group.code}"
    return t(key, lang) if key in CATALOGUE else problem_text(group.problems[0], lang).rstrip(".")


def group_title(group: ProblemGroup, lang: Lang) -> str:
    """"Kategori skriven som namn: 46 rader"."""
    if group.rows:
        return t("triage.rows", lang, label=group_label(group, lang), n=group.count)
    return t("triage.count", lang, label=group_label(group, lang), n=group.count)


def example_text(problem: Problem, lang: Lang, *, full: bool = False) -> str:
    """"rad 2: 'Utsatt område' → utsatt_omrade" (what is there, and what is suggested); `full`: with the message
    ("rad 47: 'Sodertalje' liknar Södertälje men platsen ligger i Järfälla – …"), for a problem that needs a
    person's judgement rather than a fix."""
    where = t("triage.at_row", lang, row=problem.row) if problem.row is not None else \
        t("triage.at_column", lang, column=problem.column or "–")
    if full:
        text = f"{where}: {problem_text(problem, lang)}"
    else:
        what = f"'{problem.value}'" if problem.value else (t("triage.empty", lang) if problem.value == "" else "")
        text = f"{where}: {what}" if what else where
    if problem.suggestion:
        text += f" → {problem.suggestion}"
    return text


def group_examples(group: ProblemGroup, lang: Lang) -> str:
    """The kind's examples in one line: values and suggestions; whole messages for a warning that needs a person's
    judgement and offers no fix."""
    full = group.severity == "warning" and group.attention and not group.fixable
    return t("triage.examples", lang, examples="; ".join(example_text(p, lang, full=full)
                                                         for p in group.examples()))


def triage_json(result: Triage, lang: Lang) -> dict[str, object]:
    """The triage for `--json`: the errors located, and each kind with its count, rows, examples and fixes."""
    def group(g: ProblemGroup) -> dict[str, object]:
        return {"code": g.code, "severity": g.severity, "label": group_label(g, lang), "count": g.count,
                "rows": g.rows, "fixable": g.fixable, "needs_attention": g.attention,
                "examples": [example_text(p, lang) for p in g.examples()], "summary": group_examples(g, lang)}

    return {"errors": [{"row": p.row, "column": p.column, "value": p.value, "code": p.code,
                        "message": problem_text(p, lang), "suggestion": p.suggestion} for p in result.errors],
            "error_groups": [group(g) for g in result.error_groups],
            "warning_groups": [group(g) for g in result.warning_groups]}
