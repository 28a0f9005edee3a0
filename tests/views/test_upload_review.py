"""The upload review (`scenes.views.upload`): one plain result per file and choices, validated once across the
form edits that change neither, and the same report the page and `scenes validate` show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from scenes.domain.disclosure import SHOW_ALL
from scenes.domain.query import changed_tags, compare
from scenes.i18n import t
from scenes.ingest import preview as ingest_preview
from scenes.ingest import upload as ingest_upload
from scenes.model import Survey, SurveyKind
from scenes.settings import Settings
from scenes.views import upload as view
from scenes.views.dashboard import Dashboard

DAY = dt.date(2024, 3, 1)  # before the 2025 police reorganisation, as the demo's geography
LATER = dt.date(2024, 6, 3)
ANALYST = "analytiker"


class Counter:
    """Wraps a function and counts its calls."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn, self.calls = fn, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.fn(*args, **kwargs)


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter]:
    """Every validation of an upload (`check_upload` calls `scenes.ingest.upload.validate`), counted."""
    view.clear_reviews()
    counter = Counter(ingest_upload.validate)
    monkeypatch.setattr(ingest_upload, "validate", counter)
    yield counter
    view.clear_reviews()


def _real(demo: Dashboard) -> Survey:
    """One real survey (the demo's earliest scenes) to compare uploads with."""
    start = demo.export("demo-2021", "geojson", precision="exact", lang="sv")
    check = demo.check_upload("start.geojson", start, survey_date=DAY)
    survey = Survey("2024-real", "Kartläggning 2024", DAY, SurveyKind.KARTLAGGNING, "test", False)
    demo.publish(check, survey=survey, actor=ANALYST)
    return survey


def _zero(counter: Counter) -> None:
    counter.calls = 0


CHOICES: dict[str, Any] = {"survey_date": LATER, "kind": SurveyKind.KARTLAGGNING, "target": None, "mapping": None,
                           "sheet": None, "lang": "sv", "preview": False, "disclosure": SHOW_ALL}


def _review(demo: Dashboard, data: bytes, **choices: Any) -> view.UploadReview:
    return view.upload_review(demo, "ny.geojson", data, **{**CHOICES, "preview": True, **choices})


def test_a_review_is_validated_once_per_file_and_choices(demo: Dashboard, validations: Counter) -> None:
    """Rerunning with the same file and choices validates nothing again; a new date or mapping validates anew; a
    new kind makes a new review (its date warnings) but reads no file."""
    _real(demo)
    data = demo.export("demo-2024-02", "geojson", precision="exact", lang="sv")
    _zero(validations)
    first = _review(demo, data)
    assert validations.calls == 1
    assert _review(demo, bytes(data)) is first  # the same bytes in a new object: the same digest
    assert validations.calls == 1
    other_kind = _review(demo, data, kind=SurveyKind.UPPFOLJNING)
    assert other_kind is not first
    assert validations.calls == 1
    _review(demo, data, survey_date=dt.date(2024, 6, 4))
    assert validations.calls == 2
    _review(demo, data, mapping={"extra": None})
    assert validations.calls == 3
    _review(demo, data, cached=False)
    assert validations.calls == 4


def test_a_publication_makes_a_new_preview_but_no_new_validation(demo: Dashboard, validations: Counter) -> None:
    """The preview is of the data as it is: after a publication the review is new, its check is the same."""
    data = demo.export("demo-2024-02", "geojson", precision="exact", lang="sv")
    before = _review(demo, data)
    assert before.previous is None  # nothing real yet
    _real(demo)
    calls = validations.calls
    after = _review(demo, data)
    assert after.previous is not None
    assert after.previous.id == "2024-real"
    assert after.check is before.check
    assert validations.calls == calls


def test_the_cache_is_bounded(demo: Dashboard, validations: Counter) -> None:
    """At most `CACHED` files are held: the least recently used goes first and is validated again when asked."""
    data = demo.export("demo-2024-02", "geojson", precision="exact", lang="sv")
    names = [f"fil-{i}.geojson" for i in range(view.CACHED + 1)]
    for name in names:
        view.upload_review(demo, name, data, **CHOICES)
    assert validations.calls == view.CACHED + 1
    view.upload_review(demo, names[-1], data, **CHOICES)
    assert validations.calls == view.CACHED + 1
    view.upload_review(demo, names[0], data, **CHOICES)
    assert validations.calls == view.CACHED + 2


def test_the_comparison_is_computed_once_and_matches_the_rows(demo: Dashboard, validations: Counter,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """One `compare` per review (inside the preview); its figures are those recomputed from the two frames."""
    real = _real(demo)
    _zero(validations)
    comparisons = Counter(ingest_preview.compare)
    monkeypatch.setattr(ingest_preview, "compare", comparisons)
    review = _review(demo, demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    _review(demo, demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    assert comparisons.calls == 1
    assert review.ok
    assert review.previous == demo.survey(real.id)
    assert review.preview is not None
    earlier, later = demo.scenes(real.id), review.check.frame
    again = compare(earlier, later)
    assert review.preview.comparison == again
    assert set(again.new) == set(later["scene_id"]) - set(earlier["scene_id"])
    assert (review.preview.count_before, review.preview.count_after) == (len(earlier), len(later))
    assert review.changed_tags.equals(changed_tags(earlier, later))
    for dimension, table in review.change_by.items():
        assert table["earlier"].sum() == len(earlier), dimension
        assert table["later"].sum() == len(later), dimension


def test_an_unchanged_revision_is_said_and_compares_nothing_more(demo: Dashboard, validations: Counter) -> None:
    """Revising the real survey with its own export: the review says nothing changes and holds no change tables."""
    real = _real(demo)
    data = demo.export(real.id, "geojson", precision="exact", lang="sv")
    review = _review(demo, data, target=real.id, survey_date=real.date, kind=real.kind)
    assert review.unchanged_revision
    assert review.change_by == {}
    assert review.changed_tags.empty
    assert review.date_warnings == ()
    new = _review(demo, demo.export(real.id, "geojson", precision="exact", lang="sv"), survey_date=LATER)
    assert not new.unchanged_revision
    assert set(new.change_by) == set(view.CHANGE_DIMENSIONS)


def test_a_failed_file_has_no_preview(demo: Dashboard, validations: Counter) -> None:
    """A file with errors is triaged (errors apart) and never compared."""
    _real(demo)
    review = _review(demo, b"scene_id;name\n;\n")
    assert not review.ok
    assert review.preview is None
    assert review.previous is None
    assert review.triage.errors == review.check.result.errors


# -- the page ---------------------------------------------------------------------------------------------------

def test_form_edits_on_the_upload_page_validate_the_file_once(app_env: Path, signed_in: Callable[..., AppTest],
                                                              validations: Counter) -> None:
    """On the page: a file and a date validate once; typing the name, the source and choosing the kind reruns the
    page without validating again; another date validates once more."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _real(dash)
    data = dash.export("demo-2024-02", "csv", precision="exact", lang="sv")
    _zero(validations)
    at = signed_in("analytiker", "anna")
    at.run()
    at.switch_page("screens/upload.py")
    at.run()
    at.date_input(key="up_date").set_value(LATER)
    at.file_uploader(key="up_file").set_value(("ny.csv", data, "text/csv")).run()
    assert list(at.exception) == []
    assert list(at.error) == []
    assert validations.calls == 1
    at.text_input(key="up_name").input("Kartläggning juni").run()
    at.text_input(key="up_source").input("Fältbesök").run()
    at.selectbox(key="up_kind").select(SurveyKind.KARTLAGGNING).run()
    assert list(at.exception) == []
    assert validations.calls == 1
    assert [s.value for s in at.subheader] == [t("upload.preview", "sv", name="Kartläggning 2024")]
    at.date_input(key="up_date").set_value(dt.date(2024, 6, 4)).run()
    assert validations.calls == 2


# -- the command line -------------------------------------------------------------------------------------------

def test_scenes_validate_reports_the_review(demo: Dashboard, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`scenes validate` goes through the same view as the page (once per file) and reports its check."""
    import json

    from scenes import cli
    from scenes.cli import imports as cli_imports

    reviews = Counter(view.upload_review)
    monkeypatch.setattr(cli_imports, "upload_review", reviews)
    path = tmp_path / "ny.geojson"
    path.write_bytes(demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    status = cli.main(["--database", demo.settings.effective_database_url, "validate", str(path), "--date",
                       LATER.isoformat(), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert reviews.calls == 1
    expected = _review(demo, path.read_bytes(), preview=False).check
    assert status == 0
    assert report["valid"] is True
    assert (report["accepted"], report["sha256"]) == (len(expected.frame), expected.sha256)
