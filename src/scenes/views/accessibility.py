"""The accessibility statement's facts (tillgänglighetsredogörelse, DOS law): when it was last reviewed and the
supervising authority's address. The words are in the catalogue (`a11y.*`); the page is `screens/accessibility.py`."""

from __future__ import annotations

import datetime as dt

__all__ = ["DIGG_ADDRESS", "STATEMENT_DATE", "contact_text"]

#: the day the statement (its conformance and known shortcomings) was last reviewed against the service
STATEMENT_DATE = dt.date(2026, 12, 6)
#: the supervising authority (Myndigheten för digital förvaltning), given as text: the service works offline
DIGG_ADDRESS = "https://www.digg.se/"


def contact_text(configured: str, unset: str) -> str:
    """Where to report a problem: the configured contact (`SCENES_ACCESSIBILITY_CONTACT`), else `unset`."""
    return configured.strip() or unset
