"""The string catalogue: complete in both languages."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pandas as pd
import pytest

from scenes.domain.seminars import read_seminar_csv
from scenes.errors import NotFoundError, ScenesError, ValidationFailed
from scenes.i18n import CATALOGUE, LANGUAGES, date_text, error_text, number, problem_text, t
from scenes.reference import Reference
from scenes.render.tables import MISSING, audit_table, readable
from scenes.store import AUDIT_ACTIONS
from scenes.views.dashboard import Dashboard


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_every_language_with_same_placeholders(key: str) -> None:
    """Each key has a non-empty text per language and the same {placeholders}, with the same format, in each."""
    entry = CATALOGUE[key]
    assert sorted(entry) == sorted(LANGUAGES)
    forms = {lang: (text if isinstance(text, dict) else {"other": text}) for lang, text in entry.items()}
    for lang, by_form in forms.items():
        assert "other" in by_form, (lang, sorted(by_form))
        assert set(by_form) <= {"one", "other"}, (lang, sorted(by_form))
        assert all(text.strip() for text in by_form.values()), lang
    fields = {(lang, form): {(f[1], f[2]) for f in string.Formatter().parse(text) if f[1]}
              for lang, by_form in forms.items() for form, text in by_form.items()}
    assert len({frozenset(f) for f in fields.values()}) == 1, fields


def test_unknown_key_shows_itself() -> None:
    """A missing key is visible in the UI instead of crashing the page."""
    assert t("no.such.key", "en") == "no.such.key"


def test_formats_values() -> None:
    """Values are formatted into the text."""
    assert t("kpi.of_municipalities", "en", total=26) == "of 26 in the county"


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("sv", 1, "Sparat: 1 ändring."), ("sv", 2, "Sparat: 2 ändringar."), ("sv", 0, "Sparat: 0 ändringar."),
    ("en", 1, "Saved: 1 change."), ("en", 5, "Saved: 5 changes."),
])
def test_plural_forms_follow_the_count(lang: str, n: int, expected: str) -> None:
    """A counting message takes its singular or plural form from `n`, by each language's CLDR rules."""
    assert t("reference.saved", lang, n=n) == expected


@pytest.mark.parametrize(("lang", "value", "decimals", "expected"), [
    ("sv", 16781.4, 1, "16\u00a0781,4"), ("en", 16781.4, 1, "16,781.4"), ("sv", 0, 1, "0,0"),
    ("sv", 1234567, 0, "1\u00a0234\u00a0567"), ("en", 33.75, 1, "33.8"),
])
def test_numbers_are_written_as_each_language_writes_them(lang: str, value: float, decimals: int,
                                                          expected: str) -> None:
    """Babel's CLDR data: Swedish decimal comma and no-break space between thousands; English point and comma."""
    assert number(value, lang, decimals) == expected


def test_dates_are_written_as_each_language_writes_them() -> None:
    """Long dates in words, short dates in the language's numeric form (ISO 8601 in Swedish)."""
    day = dt.date(2022, 9, 14)
    assert (date_text(day, "sv"), date_text(day, "en")) == ("14 september 2022", "14 September 2022")
    assert (date_text(day, "sv", "short"), date_text(day, "en", "short")) == ("2022-09-14", "14/09/2022")


def test_every_key_the_code_uses_exists() -> None:
    """Every literal key passed to t()/tr() anywhere in the app is in the catalogue (a missing one would show the
    raw key to the user); keys built at run time from a prefix need at least one entry with that prefix."""
    root = Path(__file__).resolve().parents[2]
    files = [*root.glob("*.py"), *(root / "screens").rglob("*.py"), *(root / "ui").rglob("*.py"),
             *(root / "src" / "scenes").rglob("*.py")]
    call = re.compile(r"""\b(?:t|tr)\(\s*(f?)(["'])([a-z_]+\.[A-Za-z0-9_.{}'"\[\]]*?)\2""")
    missing, prefixes, checked = [], [], 0
    for path in files:
        for m in call.finditer(path.read_text(encoding="utf-8")):
            key = m.group(3)
            if m.group(1) or "{" in key or key.endswith("."):  # built at run time: f"…{x}" or "….x" + y
                prefixes.append((path.name, key.split("{")[0]))
            else:
                checked += 1
                if key not in CATALOGUE:
                    missing.append((path.name, key))
    assert missing == []
    assert [p for p in prefixes if not any(k.startswith(p[1]) for k in CATALOGUE)] == []
    assert checked > 300
    assert len(prefixes) > 10


# -- core errors and problems speak the reader's language --------------------------------------------------------

_ERROR_CLASSES = {"ScenesError", "ConfigError", "NotFoundError", "StoreError", "ValidationFailed", "DemoSandbox",
                  "AccessDenied", "SetupRefused"}
#: modules whose errors only the command line or the server's start-up meets (they print the English message): the
#: `scenes.cli` package, the settings and the backup
_CLI_ONLY = {"cli", "settings.py", "backup.py"}


def _calls(name_of: set[str]) -> list[tuple[str, int, ast.Call]]:
    root = Path(__file__).resolve().parents[2] / "src" / "scenes"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name in _CLI_ONLY or path.relative_to(root).parts[0] in _CLI_ONLY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in name_of:
                found.append((path.name, node.lineno, node))
    return found


def _code_of(call: ast.Call) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            value = keyword.value
            if isinstance(value, ast.Constant):
                return str(value.value)
            if isinstance(value, ast.JoinedStr):  # f"already_{state}": the prefix must exist
                return "".join(v.value for v in value.values if isinstance(v, ast.Constant)) + "*"
            return "?"
    if isinstance(call.func, ast.Name) and call.func.id in ("fail", "note") and call.args:  # ingest.bounded helpers
        first = call.args[0]
        return str(first.value) if isinstance(first, ast.Constant) else "?"
    if isinstance(call.func, ast.Name) and call.func.id == "SetupRefused" and len(call.args) > 1:
        second = call.args[1]
        return str(second.value) if isinstance(second, ast.Constant) else "?"
    return None


def test_every_error_a_page_can_meet_has_words_in_both_languages() -> None:
    """Every ScenesError raised outside the command line carries a catalogue code (`error.<code>`), and every
    validation problem a code (`problem.<code>`): the UI shows them in the reader's language, not in English."""
    errors = _calls(_ERROR_CLASSES - {"DemoSandbox", "AccessDenied"})  # those two have a class-wide code
    problems = _calls({"Problem", "fail", "note"})
    assert len(errors) >= 40
    assert len(problems) >= 20
    uncoded = [(f, line) for f, line, call in errors + problems if _code_of(call) is None]
    assert uncoded == []
    missing, dynamic = [], []
    for prefix, calls in (("error", errors), ("problem", problems)):
        for f, line, call in calls:
            code = _code_of(call)
            assert code is not None
            if code.endswith("*"):
                if not any(k.startswith(f"{prefix}.{code[:-1]}") for k in CATALOGUE):
                    missing.append((f, line, code))
            elif code == "?":  # passed on from a caller (bounded.fail, validate's helper): checked at their calls
                dynamic.append((f, line))
            elif f"{prefix}.{code}" not in CATALOGUE:
                missing.append((f, line, code))
    assert missing == []
    assert len(dynamic) <= 6, dynamic  # few helpers pass a code through; the rest name theirs


def test_a_seminar_file_error_reads_in_swedish(ref: Reference) -> None:
    """The seminar CSV's headline and each located problem are Swedish in the Swedish UI, English in English."""
    bad = "seminar_id,title,date,start_time\nok-1,,2025-13-01,25:00\nok-1,Andra,2025-01-01,\n"
    with pytest.raises(ValidationFailed) as caught:
        read_seminar_csv(bad, ref)
    assert error_text(caught.value, "sv").startswith("Seminariefilen har ")
    assert error_text(caught.value, "en").startswith("The seminar file has ")
    swedish = {problem_text(p, "sv") for p in caught.value.problems}
    assert {"En titel krävs.", "Inte ett datum; skriv det som ÅÅÅÅ-MM-DD.", "Inte en tid; skriv den som TT:MM.",
            "Samma seminarie-id finns två gånger i filen."} <= swedish


def test_an_error_with_values_escapes_them_for_markdown() -> None:
    """A value inside an error message (an id someone typed) goes through the escape the UI gives."""
    error = NotFoundError("No survey with id 'x'.", code="survey_unknown", id="**x**")
    escaped = error_text(error, "sv", escape=lambda v: v.replace("*", "\\*"))
    assert escaped == "Det finns ingen kartläggning ”\\*\\*x\\*\\*”."
    assert error_text(ScenesError("Plain English."), "sv") == "Plain English."  # no code: the message as it is


def test_every_audit_action_has_words_and_no_other_is_written(demo: Dashboard) -> None:
    """The audit log's actions read as words in both languages; an unknown action is refused, not logged."""
    assert [a for a in AUDIT_ACTIONS for lang in LANGUAGES if t(f"audit.{a}", lang) == f"audit.{a}"] == []
    with pytest.raises(ValueError, match="unknown audit action"):
        demo.store.record("made-up", actor="test")
    assert set(audit_table(demo.audit(), "sv")["action"]) <= {t(f"audit.{a}", "sv") for a in AUDIT_ACTIONS}


# -- tables as people read them ------------------------------------------------------------------------------------

def test_tables_write_numbers_missing_values_and_times_in_the_language() -> None:
    """Floats in the language's separators with the fewest decimals needed; missing as a dash; yes/no as words;
    moments in Swedish time; whole-number columns stay numbers (they sort)."""
    frame = pd.DataFrame({
        "area": [16781.4, None, 0.0], "count": [1, 2, 3], "rate": pd.array([1, None, 3], dtype="Int64"),
        "mixed": ["färre än 3", 11, None], "demo": [True, False, True],
        "at": pd.to_datetime(["2026-01-15 12:30", None, "2026-07-01 00:05"]),
        "day": pd.to_datetime(["2021-12-01", "2023-11-16", None]),
    })
    sv, numbers = readable(frame, "sv")
    assert sv["area"].tolist() == ["16\xa0781,4", MISSING, "0,0"]
    assert sv["count"].tolist() == [1, 2, 3]
    assert sv["rate"].tolist() == ["1", MISSING, "3"]
    assert sv["mixed"].tolist() == ["färre än 3", "11", MISSING]
    assert sv["demo"].tolist() == ["Ja", "Nej", "Ja"]
    assert sv["at"].tolist() == ["2026-01-15 13:30", MISSING, "2026-07-01 02:05"]  # UTC to Stockholm, summer time
    assert sv["day"].tolist() == [dt.date(2021, 12, 1), dt.date(2023, 11, 16), MISSING]
    assert numbers == ["area", "rate", "mixed"]
    en, _ = readable(frame, "en")
    assert (en["area"].tolist(), en["demo"].tolist()) == (["16,781.4", MISSING, "0.0"], ["Yes", "No", "Yes"])
