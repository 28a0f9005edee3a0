"""The string catalogue: complete in both languages."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from scenes.i18n import CATALOGUE, LANGUAGES, date_text, number, t


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_every_language_with_same_placeholders(key: str) -> None:
    """Each key has a non-empty text per language and the same {placeholders}, with the same format, in each."""
    entry = CATALOGUE[key]
    assert sorted(entry) == sorted(LANGUAGES)
    forms = {lang: (text if isinstance(text, dict) else {"other": text}) for lang, text in entry.items()}
    for lang, by_form in forms.items():
        assert "other" in by_form and set(by_form) <= {"one", "other"}, (lang, sorted(by_form))
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
    root = Path(__file__).resolve().parents[1]
    files = [*root.glob("*.py"), *(root / "pages").glob("*.py"), *(root / "src" / "scenes").rglob("*.py")]
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
    assert checked > 300 and len(prefixes) > 10  # the scan really finds the calls (it cannot match nothing)
