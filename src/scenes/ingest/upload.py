"""One upload, start to finish: read and validate a file, report, preview against the previous survey, publish.

`check_upload` never raises for bad input: an unreadable file becomes a report with one problem, so the page and
the command line always have a report to show. Publishing takes a check that passed and writes the survey (or a
new revision of it) in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from scenes.errors import Problem, ValidationFailed
from scenes.i18n import problem_text, t
from scenes.ingest.readers import RawTable, read_file
from scenes.ingest.validate import ValidationResult, validate
from scenes.io.bounded import Limits
from scenes.io.formats import empty_scene_frame
from scenes.model import Lang
from scenes.reference import Reference

__all__ = ["UploadCheck", "check_upload", "for_date", "report_table", "survey_id_for"]

log = logging.getLogger(__name__)


@dataclass
class UploadCheck:
    """What an upload turned out to be."""

    file_name: str
    sha256: str
    size: int
    raw: RawTable | None
    result: ValidationResult
    readable: bool = True
    sheets: list[str] = field(default_factory=list)
    #: the date the file was checked for (reference geography that changes is checked as of it); None: today
    survey_date: dt.date | None = None
    mapping: dict[str, str | None] | None = None

    @property
    def ok(self) -> bool:
        return self.readable and self.result.ok and not self.result.frame.empty

    @property
    def frame(self) -> gpd.GeoDataFrame:
        return self.result.frame


def check_upload(name: str, data: bytes, ref: Reference, *, limits: Limits,
                 mapping: dict[str, str | None] | None = None, sheet: str | None = None,
                 survey_date: dt.date | None = None) -> UploadCheck:
    """Read and validate; the report lists every problem (an unreadable file gives exactly one).

    Never raises for a file: a fault in a reader or check that nobody foresaw is logged with its stack trace
    under a short reference, and the report carries one error quoting that reference, so a person can tell
    the administrator which log entry to read while no stack trace reaches the browser.
    """
    digest = hashlib.sha256(data).hexdigest()
    try:
        raw = read_file(name, data, limits, sheet=sheet)
        result = validate(raw, ref, mapping=mapping, max_rows=limits.max_rows, survey_date=survey_date)
    except ValidationFailed as exc:
        return UploadCheck(name, digest, len(data), None, ValidationResult(empty_scene_frame(), exc.problems),
                           readable=False)
    except Exception:
        reference = secrets.token_hex(4)
        log.exception("Checking the file %r failed unexpectedly (reference %s)", name[:200], reference)
        problem = Problem(f"The file could not be checked because of an internal error (log reference {reference}); "
                          "the administrator can look it up.", code="internal_error", params={"reference": reference})
        return UploadCheck(name, digest, len(data), None, ValidationResult(empty_scene_frame(), [problem]),
                           readable=False)
    return UploadCheck(name, digest, len(data), raw, result, sheets=raw.sheets, survey_date=survey_date,
                       mapping=mapping)


def for_date(check: UploadCheck, ref: Reference, day: dt.date, *, max_rows: int) -> UploadCheck:
    """`check` as of `day`: the same file validated again when it was checked for another date (a police area
    that had ended by `day` is then an error), else `check` itself."""
    if check.survey_date == day or check.raw is None:
        return check
    result = validate(check.raw, ref, mapping=check.mapping, max_rows=max_rows, survey_date=day)
    return UploadCheck(check.file_name, check.sha256, check.size, check.raw, result, readable=check.readable,
                       sheets=check.sheets, survey_date=day, mapping=check.mapping)


def report_table(problems: list[Problem], lang: Lang) -> pd.DataFrame:
    """The validation report as a table: the page shows it, offers it as CSV, and the CLI prints the same."""
    return pd.DataFrame([{
        t("problem.severity", lang): t(f"severity.{p.severity}", lang),
        t("problem.row", lang): p.row,
        t("problem.column", lang): p.column or "",
        t("problem.value", lang): p.value or "",
        t("problem.message", lang): problem_text(p, lang),
        t("problem.suggestion", lang): p.suggestion or "",
    } for p in problems], columns=[t(k, lang) for k in ("problem.severity", "problem.row", "problem.column",
                                                        "problem.value", "problem.message", "problem.suggestion")])


def survey_id_for(name: str, date: dt.date) -> str:
    """A readable, stable survey id from its date and name, e.g. `2025-03-01-kartlaggning-2025`."""
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return f"{date.isoformat()}-{slug}"[:64].rstrip("-")
