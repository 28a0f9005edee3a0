"""The Dashboard's records: seminars, measures and safety indicators (forms, imports and exports)."""

from __future__ import annotations

import datetime as dt

from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.domain.seminar_rules import record_problems
from scenes.errors import ValidationFailed
from scenes.model import Seminar
from scenes.views.dashboard_base import DashboardBase


class RecordOps(DashboardBase):
    """The Dashboard's records: seminars, measures and safety indicators (forms, imports and exports)."""

    def save_seminar(self, item: Seminar, *, actor: str) -> None:
        """Validate one seminar record and store it (insert or update by id)."""
        self._writable(actor)
        problems = record_problems(item)  # the same rules as the seminar CSV import
        if problems:
            raise ValidationFailed("The seminar was not saved.", problems, code="seminar_invalid")
        self.store.save_seminars([item], actor=actor)

    def import_seminars(self, data: bytes | str, *, actor: str) -> list[Seminar]:
        """Read seminars from a CSV file (every problem reported, nothing saved on error) and store them at once."""
        from scenes.domain.seminars import read_seminar_csv

        self._writable(actor)
        items = read_seminar_csv(data, self.reference, self.settings.file_limits)
        self.store.save_seminars(items, actor=actor, action="seminar-import")
        return items

    def measure_versions(self, measure_id: str) -> list[Measure]:
        """Every saved version of one measure, newest first (who changed what, when)."""
        return self.store.measure_versions(measure_id)

    def known_scene_ids(self) -> set[str]:
        """The scene ids a new measure may belong to: those of the shown real surveys (and of their predecessors)."""
        if self._demo_shown():
            return set()
        frame = self.scenes()
        return set(frame["scene_id"]) | {p for preds in frame["predecessors"] for p in preds}

    def save_measure(self, item: Measure, *, actor: str) -> Measure:
        """Validate one measure and store it as its next version (audited, atomic). `item.version` is the version
        the form showed (0: new); a stale one is refused (`measure_changed`). Returns the measure as stored."""
        from scenes.domain.measures import measure_problems

        self._writable(actor)
        problems = measure_problems(item, self.reference, self.known_scene_ids())
        if problems:
            raise ValidationFailed("The measure was not saved.", problems, code="measure_invalid")
        saved = self.store.save_measures([item], actor=actor)
        return saved[0] if saved else item

    def import_measures(self, file_name: str, data: bytes, *, actor: str) -> list[Measure]:
        """Read measures from a CSV or .xlsx file (the survey readers and caps; every problem reported, nothing saved
        on error) and store them in one transaction; returns the measures that changed."""
        from scenes.domain.measures import MEASURE_COLUMNS, REQUIRED_COLUMNS, measures_from_rows
        from scenes.io.records import read_record_file, record_rows

        self._writable(actor)
        table = read_record_file(file_name, data, self.settings.file_limits, MEASURE_COLUMNS, REQUIRED_COLUMNS)
        existing = {m.measure_id: m for m in self.store.measures(include_removed=True)}
        items = measures_from_rows(record_rows(table), self.reference, self.known_scene_ids(), existing)
        return self.store.save_measures(items, actor=actor, action="measure-import", detail=file_name[:200])

    def export_measures(self, fmt: str) -> bytes:
        """The shown measures as a file ("csv" or "xlsx") in the import's columns: it reads back unchanged."""
        from scenes.domain.measures import measures_table
        from scenes.io.records import write_record_file

        return write_record_file(measures_table(self.measures()), fmt, "Atgarder")

    def save_indicator(self, item: Indicator, *, actor: str) -> None:
        """Validate one value and add it, or replace the value of the same indicator, area and date (audited)."""
        from scenes.domain.indicators import indicator_problems

        self._writable(actor)
        problems = indicator_problems(item, self.reference)
        if problems:
            raise ValidationFailed("The value was not saved.", problems, code="indicator_invalid")
        self.store.save_indicators([item], actor=actor)

    def import_indicators(self, file_name: str, data: bytes, *, actor: str) -> tuple[int, int]:
        """Read values from a CSV or .xlsx file (every problem reported, nothing saved on error) and store them in
        one transaction; returns (added, replaced)."""
        from scenes.domain.indicators import INDICATOR_COLUMNS, REQUIRED_COLUMNS, indicators_from_rows
        from scenes.io.records import read_record_file, record_rows

        self._writable(actor)
        table = read_record_file(file_name, data, self.settings.file_limits, INDICATOR_COLUMNS, REQUIRED_COLUMNS)
        items = indicators_from_rows(record_rows(table), self.reference)
        return self.store.save_indicators(items, actor=actor, action="indicator-import", detail=file_name[:200])

    def export_indicators(self, fmt: str) -> bytes:
        """Every indicator value as a file ("csv" or "xlsx") in the import's columns."""
        from scenes.domain.indicators import indicators_table
        from scenes.io.records import write_record_file

        return write_record_file(indicators_table(self.indicators()), fmt, "Indikatorer")

    def remove_indicator(self, key: tuple[str, str, str, dt.date], *, actor: str) -> None:
        """Delete one value (indicator, area level, area code, date); audited with the value it had."""
        self._writable(actor)
        self.store.remove_indicator(key, actor=actor)
