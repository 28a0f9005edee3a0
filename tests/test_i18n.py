"""The string catalogue: complete in both languages."""

from __future__ import annotations

import string

import pytest

from scenes.i18n import CATALOGUE, LANGUAGES, t


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_every_language_with_same_placeholders(key: str) -> None:
    """Each key has a non-empty text per language and the same {placeholders}, with the same format, in each."""
    entry = CATALOGUE[key]
    assert sorted(entry) == sorted(LANGUAGES)
    fields = {lang: {(f[1], f[2]) for f in string.Formatter().parse(text) if f[1]} for lang, text in entry.items()}
    assert all(text.strip() for text in entry.values())
    assert fields["sv"] == fields["en"]


def test_unknown_key_shows_itself() -> None:
    """A missing key is visible in the UI instead of crashing the page."""
    assert t("no.such.key", "en") == "no.such.key"


def test_formats_values() -> None:
    """Values are formatted into the text."""
    assert t("kpi.of_municipalities", "en", total=26) == "of 26 in the county"
