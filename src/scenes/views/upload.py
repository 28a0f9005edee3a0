"""The upload review: what the upload page shows for a file, and what `scenes validate` prints, as one plain result.

A review is the file read and validated (`scenes.ingest.upload.check_upload`), its problems triaged, the survey
date's warnings, and — when the file passed — the preview against the real survey it follows or revises: county
totals and flags (`scenes.ingest.preview`), the comparison of the two surveys (computed once, inside the preview),
the changed tags and the change per municipality and local police area.

Streamlit reruns the whole page on every widget change: typing the survey's name, choosing its kind or expanding a
table used to read and validate the whole file again. Here each file is read and validated once per what decides
the check: its SHA-256 digest (the bytes are hashed, never kept: the check holds the parsed table only), its name,
the survey date, the column mapping and sheet chosen, and the reference version (a saved reference table makes a
new check). The review on top of the check is kept per the same and the survey's kind, the survey revised, the
language, today's date (the date warnings) and the data version (a publication makes a new preview). Both caches
are per `Dashboard`, small and bounded (`CACHED`, least recently used first out).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import pandas as pd

from scenes.errors import Problem
from scenes.ingest.dates import local_today, survey_date_warnings
from scenes.ingest.triage import Triage, triage
from scenes.model import Lang, Survey, SurveyKind

if TYPE_CHECKING:
    import geopandas as gpd

    from scenes.domain.disclosure import Disclosure
    from scenes.ingest.preview import Preview
    from scenes.ingest.upload import UploadCheck
    from scenes.views.dashboard import Dashboard

__all__ = ["CACHED", "CHANGE_DIMENSIONS", "UploadReview", "clear_reviews", "upload_review"]

T = TypeVar("T")

#: Reviews (and checks) kept per Dashboard (each holds one parsed file; a form edit reuses the latest).
CACHED = 4
#: The change tables of the preview, by dimension.
CHANGE_DIMENSIONS = ("municipality", "police_area")


@dataclass(frozen=True)
class UploadReview:
    """Everything the upload page shows about one file, computed once."""

    check: UploadCheck
    triage: Triage
    #: the survey the file revises; None: a new survey
    target: str | None
    #: what is unusual about a new survey's date and kind (empty for a revision, without a date or a preview)
    date_warnings: tuple[Problem, ...]
    #: the real survey the file is compared with (the one revised, else the latest real one dated on or before
    #: the survey's date); None: nothing real to compare with, or the file did not pass
    previous: Survey | None
    #: that survey's scene observations (the comparison's "before"); None with `previous`
    earlier: gpd.GeoDataFrame | None
    #: totals, flags and the comparison (`Preview.comparison`, computed once); None with `previous`
    preview: Preview | None
    #: per scene in both: each tag whose value changed (`scenes.domain.query.changed_tags`); empty without a
    #: preview or for a revision that changes nothing
    changed_tags: pd.DataFrame
    #: scenes per group before and after, by `CHANGE_DIMENSIONS` (`scenes.domain.breakdown.change_by`); empty as
    #: `changed_tags`
    change_by: dict[str, pd.DataFrame]

    @property
    def ok(self) -> bool:
        """The file passed (may be published)."""
        return self.check.ok

    @property
    def unchanged_revision(self) -> bool:
        """A revision that changes nothing (same scenes, tags and places): publishing it would be a no-op."""
        return self.target is not None and self.preview is not None and self.preview.unchanged


#: per Dashboard: reviews by `_review_key`, and the checks they are made of by `_check_key` (choosing the survey's
#: kind or the survey revised makes a new review, never a new validation)
_reviews: weakref.WeakKeyDictionary[Dashboard, OrderedDict[Hashable, UploadReview]] = weakref.WeakKeyDictionary()
_checks: weakref.WeakKeyDictionary[Dashboard, OrderedDict[Hashable, UploadCheck]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def clear_reviews() -> None:
    """Forget every cached review and check."""
    with _lock:
        _reviews.clear()
        _checks.clear()


def _held(cache: weakref.WeakKeyDictionary[Dashboard, OrderedDict[Hashable, T]], dash: Dashboard,
          key: Hashable) -> T | None:
    with _lock:
        held = cache.setdefault(dash, OrderedDict())
        hit = held.get(key)
        if hit is not None:
            held.move_to_end(key)
        return hit


def _keep(cache: weakref.WeakKeyDictionary[Dashboard, OrderedDict[Hashable, T]], dash: Dashboard, key: Hashable,
          value: T) -> T:
    with _lock:
        held = cache.setdefault(dash, OrderedDict())
        held[key] = value
        while len(held) > CACHED:
            held.popitem(last=False)
    return value


def _review_key(check_key: tuple[Hashable, ...], dash: Dashboard, *, kind: SurveyKind | None, target: str | None,
                lang: Lang, preview: bool, disclosure: Disclosure) -> tuple[Hashable, ...]:
    """What decides a review on top of its check (see the module's note)."""
    return (*check_key, None if kind is None else str(kind), target, lang, preview, disclosure, local_today(),
            dash.data_version())


def _check_key(dash: Dashboard, digest: str, *, name: str, survey_date: dt.date | None,
               mapping: dict[str, str | None] | None, sheet: str | None) -> tuple[Hashable, ...]:
    """What decides a check: the file, the choices that change how it is read, and the reference it is tagged by."""
    return (digest, name, survey_date, tuple(sorted((mapping or {}).items())), sheet,
            dash.store.reference_version())


def upload_review(dash: Dashboard, name: str, data: bytes, *, survey_date: dt.date | None,
                  kind: SurveyKind | None, target: str | None, mapping: dict[str, str | None] | None,
                  sheet: str | None, lang: Lang, preview: bool, disclosure: Disclosure,
                  cached: bool = True) -> UploadReview:
    """The review of the file `name` with the bytes `data`, checked as of `survey_date` (police areas change).
    `disclosure`: the reader's, for the preview's change tables (the page passes the session's; uploading is an
    action of the roles cleared for exact figures, so they see every count, but that is the role matrix's to say).

    `target`: the survey this file revises (None: a new survey of `kind`). `preview`: hold the file against the
    published surveys, the date warnings and the preview of a file that passed (the page does; `scenes validate`
    only reports, and reads no survey). `cached`: reuse the review and the check of the same file and choices
    (False: compute both afresh, as the page did before and a one-off command does; the benchmark's baseline).
    """
    if not cached:
        check = dash.check_upload(name, data, mapping=mapping or None, sheet=sheet, survey_date=survey_date)
        return _review(dash, check, survey_date=survey_date, kind=kind, target=target, lang=lang, preview=preview,
                       disclosure=disclosure)
    digest = hashlib.sha256(data).hexdigest()
    check_key = _check_key(dash, digest, name=name, survey_date=survey_date, mapping=mapping, sheet=sheet)
    key = _review_key(check_key, dash, kind=kind, target=target, lang=lang, preview=preview, disclosure=disclosure)
    hit = _held(_reviews, dash, key)
    if hit is not None:
        return hit
    held = _held(_checks, dash, check_key)
    check = held if held is not None else _keep(_checks, dash, check_key, dash.check_upload(
        name, data, mapping=mapping or None, sheet=sheet, survey_date=survey_date))
    review = _review(dash, check, survey_date=survey_date, kind=kind, target=target, lang=lang, preview=preview,
                     disclosure=disclosure)
    return _keep(_reviews, dash, key, review)


def _review(dash: Dashboard, check: UploadCheck, *, survey_date: dt.date | None, kind: SurveyKind | None,
            target: str | None, lang: Lang, preview: bool, disclosure: Disclosure) -> UploadReview:
    from scenes.domain.breakdown import change_by
    from scenes.domain.query import changed_tags

    warnings: tuple[Problem, ...] = ()
    if preview and survey_date is not None and target is None:
        warnings = tuple(survey_date_warnings(survey_date, kind, dash.surveys(), today=local_today()))
    previous = None
    if preview and check.ok and (target or survey_date is not None):
        # a real survey, never a demo one
        previous = dash.survey(target) if target else dash.previous_survey(survey_date)  # type: ignore[arg-type]
    if previous is None:
        return UploadReview(check, triage(check.result.problems), target, warnings, None, None, None, pd.DataFrame(),
                            {})
    earlier = dash.scenes(previous.id)
    guard = dash.preview(check, previous.id, earlier)
    if target and guard.unchanged:  # nothing to publish: the page says so and shows no changes
        return UploadReview(check, triage(check.result.problems), target, warnings, previous, earlier, guard,
                            pd.DataFrame(), {})
    tables = {dimension: change_by(earlier, check.frame, dash.reference, dimension, lang, disclosure=disclosure)
              for dimension in CHANGE_DIMENSIONS}
    return UploadReview(check, triage(check.result.problems), target, warnings, previous, earlier, guard,
                        changed_tags(earlier, check.frame), tables)
