"""The one core object pages and the command line talk to.

`Dashboard` ties the settings, the store and the reference tables together and offers the operations the
UI needs, so a page never reaches into SQL, pandas reshaping or map-layer code itself.

Every write goes through a Dashboard method with a required keyword-only `actor`, which the audit log records.
In demo mode the app acts as `DEMO_ACTOR`, and every write by it is refused (`DemoSandbox`): the demo is a sandbox
that leaves nothing behind. The one way out of it is creating the first administrator with the setup code.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenes.domain.demo import demo_measures, load_demo
from scenes.errors import StoreError
from scenes.reference import (
    EDITABLE,
    load_seminars,
    shipped_tables,
)
from scenes.views.dashboard_base import DEMO_ACTOR, StoreState
from scenes.views.dashboard_exports import ExportOps
from scenes.views.dashboard_people import PeopleOps
from scenes.views.dashboard_records import RecordOps
from scenes.views.dashboard_surveys import SurveyOps

__all__ = ["DEMO_ACTOR", "Dashboard", "InitReport", "StoreState"]


@dataclass(frozen=True)
class InitReport:
    created_schema: bool
    seminars_added: int
    demo_surveys_added: list[str]
    reference_tables_seeded: list[str]
    demo_measures_added: int = 0


class Dashboard(PeopleOps, SurveyOps, RecordOps, ExportOps):
    """Settings + store + reference data, and the operations on them: the base (`dashboard_base`: reference
    tables, the sandbox's guard, the shared reads) and one part per concern (`dashboard_people`, `dashboard_surveys`,
    `dashboard_records`, `dashboard_exports`). Setup lives here."""

    def init(self, *, demo: bool = False) -> InitReport:
        """Create or upgrade the schema, seed the shipped seminars, and (optionally) the demo surveys.

        Idempotent: seminars are seeded only into an empty table, demo surveys only when no survey exists,
        so running it again never duplicates or overwrites anything.
        """
        created = self.store.version() is None
        self.store.ensure_schema()
        added_seminars = 0
        if not self.store.seminars():
            shipped = load_seminars(self.settings.data_dir)
            self.store.save_seminars(shipped, actor="scenes init")
            added_seminars = len(shipped)
        seeded = self._seed_reference()
        added: list[str] = []
        # Demo surveys go only into a store that never held real data, accounts or removed demo data.
        fresh = self.store.meta_value("sign_in_required") != "1" and self.store.meta_value("demo_removed") != "1"
        measures = 0
        if demo and fresh and not self.store.all_surveys():
            items = load_demo(self.settings.data_dir)
            for item in items:
                self.store.add_survey(item.survey, item.scenes, actor="scenes init --demo")
                added.append(item.survey.id)
            if not self.store.measures(include_removed=True):
                measures = len(self.store.save_measures(demo_measures(items, self.reference),
                                                        actor="scenes init --demo", detail="demo"))
        return InitReport(created_schema=created, seminars_added=added_seminars, demo_surveys_added=added,
                          reference_tables_seeded=seeded, demo_measures_added=measures)

    def _seed_reference(self) -> list[str]:
        """Store the shipped editable tables as version 1 where the store has none yet."""
        stored = self.store.reference_tables()
        seeded = []
        for name, table in shipped_tables(self.settings.data_dir).items():
            if name in stored:
                continue
            try:
                self.store.save_reference_table(name, table, actor="scenes init", based_on=0,
                                                action="reference-seed", note=f"data/{EDITABLE[name][0]}")
            except StoreError as exc:  # another instance seeded it at the same moment: theirs stands
                if exc.code not in ("reference_changed", "write_conflict"):
                    raise
            else:
                seeded.append(name)
        return seeded
