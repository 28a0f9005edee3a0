"""The Dashboard's base: settings, store and reference tables, the demo sandbox's guard, and the reads every
part shares (surveys, scenes, figures). `scenes.views.dashboard` assembles the parts into `Dashboard`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from scenes.access.sessions import Sessions
from scenes.domain.figures import CountLine, counts_for
from scenes.domain.impact import Impact, ImpactPoint, impact, impact_trend
from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.domain.progress import (
    Progress,
    SurveyStats,
    progress,
    survey_stats,
)
from scenes.domain.query import SceneFilter
from scenes.errors import DemoSandbox, StoreError
from scenes.model import Goal, Seminar, Survey
from scenes.reference import (
    Reference,
    load_reference,
    shipped_tables,
    with_tables,
)
from scenes.settings import Settings
from scenes.store import Store

__all__ = ["DEMO_ACTOR", "DashboardBase", "StoreState"]

#: who acts in demo mode: every write by this actor is refused, so nothing done in the demo outlives it
DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class StoreState:
    """What every rerun asks of the store first: the data and reference versions (the keys of every cache) and
    whether the app is in demo mode (`Store.demo_mode`)."""

    data_version: int
    reference_version: int
    demo_mode: bool


class DashboardBase:
    """Settings + store + reference data, and the reads the other parts build on."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store.from_settings(settings)
        self._sessions: Sessions | None = None
        self._reference: tuple[int, Reference] | None = None
        self._demo_only: tuple[int, bool] | None = None  # (data version, every stored survey is demo data)
        self._seen = threading.local()  # .reference_version: the one `state()` read on this thread

    def state(self) -> StoreState:
        """The store's versions and demo mode, as one rerun sees them: one query (and a survey list only when the
        data changed). `reference` then uses the reference version read here for the rest of this thread's work
        (a Streamlit rerun runs on its own thread), instead of asking the store on every access."""
        values = self.store.meta_values("data_version", "reference_version", "sign_in_required")
        data = int(values["data_version"] or 0)
        demo = False
        if values["sign_in_required"] != "1":  # demo mode: no account ever, and only demo surveys stored
            known = self._demo_only
            if known is None or known[0] != data:  # every survey write grows the data version
                known = self._demo_only = (data, self.store.is_demo_only())
            demo = known[1]
        found = StoreState(data_version=data, reference_version=int(values["reference_version"] or 0),
                           demo_mode=demo)
        self._seen.reference_version = found.reference_version
        return found

    def _forget_state(self) -> None:
        """After this thread's own write: the next `reference` asks the store again."""
        self._seen.reference_version = None

    @property
    def reference(self) -> Reference:
        """The reference tables: shipped files (read once per process) with the administrators' versions of the
        editable tables from the store. Rebuilt only when someone saved a table, on any instance. The version is
        the one `state()` read on this thread (once per rerun), else asked of the store on every access."""
        version = getattr(self._seen, "reference_version", None)
        if version is None:
            try:
                version = self.store.reference_version()
            except StoreError as exc:
                if exc.code in ("no_schema", "schema_older"):  # before `scenes init`: the shipped tables
                    return load_reference(self.settings.data_dir)
                raise
        cached = self._reference
        if cached is None or cached[0] != version:
            stored = {name: table for name, (_, table) in self.store.reference_tables().items()}
            cached = self._reference = (version, with_tables(load_reference(self.settings.data_dir), stored))
        return cached[1]

    def reference_table(self, name: str) -> tuple[int, pd.DataFrame]:
        """One editable table as text cells, with its version (0: not stored yet, the shipped file)."""
        stored = self.store.reference_tables().get(name)
        return stored if stored is not None else (0, shipped_tables(self.settings.data_dir)[name])

    def reference_history(self, name: str) -> pd.DataFrame:
        """Every saved version of one editable table, newest first (version, when, who, what changed)."""
        return self.store.reference_history(name)

    def demo_mode(self) -> bool:
        """Only demo data and no account yet: the app opens without sign-in, as a read-only sandbox."""
        return self.store.demo_mode()

    @staticmethod
    def _writable(actor: str) -> None:
        if actor == DEMO_ACTOR:
            raise DemoSandbox("Nothing is saved in demo mode. Create the first administrator (with the setup code "
                              "from the server's log) to start real use; then sign in and make the change.")

    def record(self, action: str, *, actor: str, detail: str = "") -> None:
        """An audit line for something that is not a data change (sign-in, sign-out, expiry)."""
        self.store.record(action, actor=actor, detail=detail)

    def surveys(self) -> list[Survey]:
        """The surveys figures and maps are made of (no withdrawn ones; no demo ones beside real data)."""
        return self.store.surveys()

    def all_surveys(self) -> list[Survey]:
        """Every stored survey, including withdrawn and demo ones (history and administration)."""
        return self.store.all_surveys()

    def survey(self, survey_id: str) -> Survey:
        return self.store.survey(survey_id)

    def scenes(self, survey_id: str | None = None) -> gpd.GeoDataFrame:
        return self.store.scenes(survey_id)

    def seminars(self) -> list[Seminar]:
        return self.store.seminars()

    def goal(self) -> Goal:
        return self.store.goal()

    def revisions(self) -> pd.DataFrame:
        return self.store.revisions()

    def audit(self, limit: int = 500) -> pd.DataFrame:
        return self.store.audit(limit)

    def data_version(self) -> int:
        return self.store.data_version()

    def has_demo_beside_real(self) -> bool:
        """Real data is published and demo surveys are still stored: time to offer their removal."""
        every = self.store.all_surveys()
        return any(s.demo for s in every) and any(not s.demo for s in every)

    def stats(self) -> list[SurveyStats]:
        return survey_stats(self.store.surveys(), self.store.scenes())

    def progress(self) -> Progress | None:
        """The latest survey against the goal's baseline; names a chosen baseline that is not shown (`swap`)."""
        return progress(self.stats(), self.store.goal(), self.store.all_surveys())

    def counts(self, survey_id: str | None, filt: SceneFilter, compare_to: str | None = None) -> CountLine:
        """The map's count line of a survey (the latest when None) under `filt`, compared with `compare_to` (an
        earlier survey's id, "prev" or None): `scenes.domain.figures.counts_for` over the shown surveys."""
        return counts_for(self.store.surveys(), survey_id, compare_to, filt, self.store.scenes)

    def impact(self) -> Impact:
        """Impact over time over the shown surveys: per survey (rated, missing, high, distribution) and, for each
        pair of consecutive surveys, the continuing scenes that became less, equally or more harmful
        (`scenes.domain.impact`; high is a rating of at least `impact_high_min`). Pages cache it on the data version."""
        return impact(self.store.surveys(), self.store.scenes(), self.settings.impact_high_min)

    def impact_trend(self, scene_id: str) -> list[ImpactPoint]:
        """One scene's impact across the shown surveys, following its predecessors back (merges and splits)."""
        return impact_trend(self.store.scenes(), self.store.surveys(), scene_id)

    def progress_rows(self) -> list[dict[str, object]]:
        """Per survey: count, area, municipalities, police areas, the trajectory value and on-track flag
        (`scenes.views.progress.progress_rows`)."""
        from scenes.views.progress import progress_rows

        return progress_rows(self.stats(), self.store.goal())

    def _demo_shown(self) -> bool:
        shown = self.surveys()
        return bool(shown) and all(s.demo for s in shown)

    def measures(self) -> list[Measure]:
        """The measures shown beside the shown surveys: the demo's fictitious ones while demo surveys are shown,
        otherwise the real ones (never both, so real work never mixes with demo data). Removed ones are left out."""
        demo = self._demo_shown()
        return [m for m in self.store.measures() if m.demo == demo]

    def indicators(self) -> list[Indicator]:
        """Every stored safety-indicator value (real, sourced figures only: there is no demo indicator)."""
        return self.store.indicators()
