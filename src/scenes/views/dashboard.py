"""The one core object pages and the command line talk to.

`Dashboard` ties the settings, the store and the reference tables together and offers the operations the
UI needs, so a page never reaches into SQL, pandas reshaping or map-layer code itself.

Every write goes through a Dashboard method with a required keyword-only `actor`, which the audit log records.
In demo mode the app acts as `DEMO_ACTOR`, and every write by it is refused (`DemoSandbox`): the demo is a sandbox
that leaves nothing behind. The one way out of it is creating the first administrator with the setup code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from scenes.access.auth import Accounts
from scenes.access.identities import Identities, Person, ProviderSignIn, people, provider_sign_in
from scenes.access.sessions import Sessions, session_secret
from scenes.domain.demo import demo_measures, load_demo
from scenes.domain.disclosure import Disclosure
from scenes.domain.figures import CountLine, counts_for, scene_changes
from scenes.domain.impact import Impact, ImpactPoint, impact, impact_trend
from scenes.domain.indicators import Indicator
from scenes.domain.measures import Measure
from scenes.domain.progress import (
    Progress,
    SurveyStats,
    allowed_by,
    baseline_of,
    ordered,
    progress,
    survey_stats,
    trajectory_value,
)
from scenes.domain.protection import protection
from scenes.domain.query import SceneFilter
from scenes.domain.seminar_rules import record_problems
from scenes.errors import DemoSandbox, NotFoundError, ScenesError, StoreError, ValidationFailed
from scenes.i18n import number, t
from scenes.io.formats import table_to_csv
from scenes.model import Goal, Lang, Precision, Role, Seminar, Survey
from scenes.reference import (
    EDITABLE,
    Reference,
    edit_reference_table,
    load_reference,
    load_seminars,
    shipped_tables,
    with_tables,
)
from scenes.render.exports import export_scenes, file_type
from scenes.render.maps import MapOptions, export_html, municipality_values
from scenes.render.tables import generalised_table
from scenes.settings import Settings
from scenes.store import Store

if TYPE_CHECKING:  # imported where used: a cold start of the map page need not load Altair, fpdf or rapidfuzz
    from scenes.ingest.corrections import Correction
    from scenes.ingest.preview import Preview
    from scenes.ingest.upload import UploadCheck

__all__ = ["DEMO_ACTOR", "Dashboard", "InitReport"]

#: who acts in demo mode: every write by this actor is refused, so nothing done in the demo outlives it
DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class InitReport:
    created_schema: bool
    seminars_added: int
    demo_surveys_added: list[str]
    reference_tables_seeded: list[str]
    demo_measures_added: int = 0


class Dashboard:
    """Settings + store + reference data, and the operations on them."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store.from_settings(settings)
        self._sessions: Sessions | None = None
        self._reference: tuple[int, Reference] | None = None

    @property
    def reference(self) -> Reference:
        """The reference tables: shipped files (read once per process) with the administrators' versions of the
        editable tables from the store. Rebuilt only when someone saved a table, on any instance."""
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

    @property
    def accounts(self) -> Accounts:
        return Accounts(self.store, failure_seconds=self.settings.sign_in_failure_seconds)

    @property
    def sessions(self) -> Sessions:
        if self._sessions is None:
            self._sessions = Sessions(
                self.store, session_secret(self.store, self.settings.session_secret),
                idle=dt.timedelta(minutes=self.settings.session_idle_minutes),
                lifetime=dt.timedelta(hours=self.settings.session_lifetime_hours))
        return self._sessions

    @property
    def identities(self) -> Identities:
        return Identities(self.store)

    @functools.cached_property
    def role_map(self) -> dict[str, object]:
        """SCENES_ROLE_MAP, read and checked once (the server refused to start if it was wrong)."""
        from scenes.access.auth import load_role_map

        return load_role_map(self.settings.role_map)

    def provider_sign_in(self, claims: dict[str, object]) -> ProviderSignIn:
        """The session of a sign-in through the organisation's provider, or why it is refused (`ProviderSignIn`)."""
        return provider_sign_in(claims, self.role_map, self.sessions, self.identities)

    def people(self) -> list[Person]:
        """Everyone who may sign in or has (local accounts and provider identities), with open sessions."""
        return people(self.accounts, self.identities, self.sessions)

    def end_sessions(self, username: str, *, actor: str) -> int:
        """End every session of a person now (they are asked to sign in again at their next click)."""
        self._writable(actor)
        return self.sessions.end_all(username, actor=actor)

    def block_identity(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.identities.block(username, self.sessions, actor=actor)

    def unblock_identity(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.identities.unblock(username, actor=actor)

    def start_real_use(self, *, actor: str) -> None:
        """Leave the sandbox with the organisation's sign-in (there is no first local account to make): from now on
        changes are saved. `actor` is the provider identity of an administrator (by SCENES_ROLE_MAP)."""
        with self.store.write() as conn:
            self.store.set_meta(conn, "sign_in_required", "1")
            self.store.set_meta(conn, "setup_code", None)
            self.store.audit_entry(conn, "first-admin", actor=actor, detail="oidc")

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

    def save_reference(self, name: str, edited: pd.DataFrame, *, actor: str, based_on: int | None = None
                       ) -> list[str]:
        """Save an administrator's edit of a reference table as its next version in the store (validated, atomic,
        audited); returns what changed. `based_on` is the version the editor showed (see `Store.save_reference_table`).
        """
        self._writable(actor)
        version, current = self.reference_table(name)
        table, changes = edit_reference_table(name, current, edited)
        if changes:
            self.store.save_reference_table(name, table, actor=actor, note="; ".join(changes),
                                            based_on=version if based_on is None else based_on)
        return changes

    # -- accounts ------------------------------------------------------------------------------------------
    def add_user(self, username: str, password: str, role: Role, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.add(username, password, role, actor=actor)

    def remove_user(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.remove(username, actor=actor)

    def set_role(self, username: str, role: Role, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.set_role(username, role, actor=actor)

    def set_password(self, username: str, password: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.set_password(username, password, actor=actor)

    def unlock_user(self, username: str, *, actor: str) -> None:
        self._writable(actor)
        self.accounts.unlock(username, actor=actor)

    def setup_code(self) -> str | None:
        """The one-time code for creating the first administrator (None once an account exists)."""
        return self.accounts.setup_code()

    def create_first_admin(self, code: str, username: str, password: str, *, client: str = "") -> str:
        """Create the first administrator with the setup code and sign them in; returns the session token.

        This is the one write demo mode allows: it ends demo mode (sign-in is required from now on).
        """
        self.accounts.create_first_admin(code, username, password, client=client)
        return self.sessions.start(username)

    def sign_in(self, username: str, password: str, *, client: str = "") -> str | None:
        """A session token when the password is right and no lock applies; None otherwise (same time either way)."""
        role = self.accounts.authenticate(username, password, client=client)
        return None if role is None else self.sessions.start(username.strip())

    def sign_out(self, token: str, *, actor: str) -> None:
        self.sessions.end(token, actor=actor)

    # -- setup -------------------------------------------------------------------------------------------
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

    # -- reading -----------------------------------------------------------------------------------------
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

    def map_html(self, survey_id: str | None, filt: SceneFilter, *, compare_id: str | None = None,
                 options: MapOptions) -> str:
        """The standalone HTML map of a survey (the latest when None) with the given filters, drawn as `options`
        say (their language, precision and disclosure are the reader's: there is no default)."""
        surveys = self.store.surveys()
        if not surveys:
            raise NotFoundError("There are no surveys to map. Run `scenes init --demo` or import a survey.",
                                code="no_surveys")
        survey = self.store.survey(survey_id) if survey_id else surveys[-1]
        frame = self.store.scenes(survey.id)
        found = scene_changes(surveys, survey, compare_id, filt, self.store.scenes)  # as the map page counts them
        if compare_id and found.earlier is None:
            raise NotFoundError(f"{compare_id!r} is not a shown survey earlier than {survey.id!r}.",
                                code="compare_unknown", id=compare_id)
        ceased = found.ceased
        notice = t("map.demo_howto", options.lang) if survey.demo else ""
        whole = protection(self.reference, frame, options.disclosure)  # a selection keeps the survey's verdicts
        options = dataclasses.replace(options, selection=filt, withheld=protection(
            self.reference, filt.apply(frame), options.disclosure, filt=filt, whole=whole))
        return export_html(self.reference, filt.apply(frame), ceased, options,
                           title=f"{survey.name} – {t('map.title', options.lang)}", notice=notice)

    def report_pdf(self, lang: Lang, today: dt.date | None = None, *, disclosure: Disclosure,
                   exact: bool) -> bytes:
        """The status report (PDF) over the current data, as a reader with this `disclosure` may read it: scene
        locations only when `exact`, counts withheld as `scenes.domain.protection` says (pages pass
        `ui.disclosure()`)."""
        from scenes.render.report import ReportInput, build_report

        stats = self.stats()
        prog = progress(stats, self.store.goal(), self.store.all_surveys())
        if prog is None:
            raise NotFoundError("There are no surveys to report on. Run `scenes init --demo` or import a survey.",
                                code="no_surveys")
        from scenes.domain.coordination import coordinate

        latest = self.store.scenes(prog.latest.survey.id)
        return build_report(ReportInput(
            ref=self.reference, stats=stats, progress=prog, seminars=self.store.seminars(),
            baseline_scenes=self.store.scenes(prog.baseline.survey.id), latest_scenes=latest, lang=lang,
            today=today, disclosure=disclosure, exact=exact, impact=self.impact(), indicators=tuple(self.indicators()),
            coordination=coordinate(latest, self.scenes(), self.measures()),
        ))

    def progress_rows(self) -> list[dict[str, object]]:
        """Per survey: count, area, municipalities, police areas, the trajectory value and on-track flag."""
        stats = self.stats()
        goal = self.store.goal()
        base = baseline_of(stats, goal)
        if base is None:
            return []
        rows = []
        for s in ordered(stats):
            expected = trajectory_value(goal, base.survey.date, base.scenes, s.survey.date)
            rows.append({"id": s.survey.id, "name": s.survey.name, "date": s.survey.date.isoformat(),
                         "kind": str(s.survey.kind), "scenes": s.scenes,
                         "area_m2": None if s.area_m2 is None else round(s.area_m2, 1),
                         "municipalities": s.municipalities, "police_areas": s.police_areas,
                         "trajectory": round(expected, 2), "on_track": s.scenes <= allowed_by(expected),
                         "demo": s.survey.demo, "baseline": s.survey.id == base.survey.id})
        return rows

    # -- upload -------------------------------------------------------------------------------------------
    def check_upload(self, name: str, data: bytes, *, mapping: dict[str, str | None] | None = None,
                     sheet: str | None = None, survey_date: dt.date | None = None) -> UploadCheck:
        """Read and validate an uploaded survey file under the configured size and row limits; reference geography
        that changes (police areas) is checked as of `survey_date`."""
        from scenes.ingest.upload import check_upload

        return check_upload(name, data, self.reference, limits=self.settings.file_limits, mapping=mapping,
                            sheet=sheet, survey_date=survey_date)

    def publish(self, check: UploadCheck, *, actor: str, survey: Survey | None = None, revise: str | None = None,
                note: str = "") -> tuple[str, int]:
        """Publish a passed check as a new survey, or as the next revision of `revise`. Returns (id, revision).

        A file checked for another date than the survey's (or for none) is checked again for the survey's date
        first: a police area that had ended by then blocks publishing.
        """
        from scenes.ingest.upload import for_date

        self._writable(actor)
        day = self.store.survey(revise).date if revise else (survey.date if survey is not None else None)
        if day is not None:
            check = for_date(check, self.reference, day, max_rows=self.settings.file_limits.max_rows)
        if not check.ok:
            raise ValidationFailed("The file has errors; nothing was published.", check.result.errors,
                                   code="file_invalid")
        if revise:
            current = self.store.survey(revise)
            if current.demo:
                raise ScenesError("A demo survey is not revised: publish the real data as a new survey.",
                                  code="demo_not_revised")
            if self.preview(check, revise).unchanged:
                return revise, current.revision  # nothing would change: no revision is written
            revision = self.store.add_revision(revise, check.frame, actor=actor, file_name=check.file_name,
                                               sha256=check.sha256, note=note)
            return revise, revision
        if survey is None:
            raise ScenesError("Give the new survey's name and date, or the survey to revise.",
                              code="survey_name_needed")
        stored = self.store.add_survey(survey, check.frame, actor=actor, file_name=check.file_name,
                                       sha256=check.sha256)
        return stored.id, 1

    def correct(self, check: UploadCheck, codes: set[str] | None = None) -> Correction:
        """The checked file with every unambiguous suggestion (of the kinds `codes`, when given) applied, as a file
        of the same kind (to re-check)."""
        from scenes.ingest.corrections import Correction, apply_suggestions, corrected_file

        if check.raw is None:
            raise ScenesError("The file could not be read, so there is nothing to correct.", code="nothing_to_correct")
        raw, changes = apply_suggestions(check.raw, check.result.problems, codes)
        name, data = corrected_file(raw, check.file_name)
        return Correction(name, data, changes)

    def preview(self, check: UploadCheck, survey_id: str, earlier: gpd.GeoDataFrame | None = None) -> Preview:
        """What publishing `check` after (or as a revision of) `survey_id` would change, with the flags whose
        thresholds the settings give; `earlier` is that survey's scenes where the caller has them already."""
        from scenes.ingest.preview import preview

        return preview(self.store.scenes(survey_id) if earlier is None else earlier, check.frame,
                       area_change_pct=self.settings.preview_area_change_pct, move_m=self.settings.preview_move_m)

    def rollback(self, survey_id: str, revision: int, *, actor: str) -> None:
        self._writable(actor)
        self.store.rollback(survey_id, revision, actor=actor)

    def withdraw(self, survey_id: str, *, actor: str, reason: str = "") -> None:
        """Hide a published survey from every figure and map; it stays in history and can be restored."""
        self._writable(actor)
        self.store.set_withdrawn(survey_id, True, actor=actor, reason=reason)

    def restore(self, survey_id: str, *, actor: str) -> None:
        self._writable(actor)
        self.store.set_withdrawn(survey_id, False, actor=actor)

    def remove_demo(self, *, actor: str) -> list[str]:
        """Delete every demo survey in one audited transaction; returns their ids (empty: there were none)."""
        self._writable(actor)
        return self.store.remove_demo_surveys(actor=actor)

    def set_goal(self, goal: Goal, *, actor: str) -> None:
        """Save the steering group's goal, with its baseline survey (which must be one of the shown surveys)."""
        self._writable(actor)
        shown = [s.id for s in self.surveys()]
        if goal.baseline_survey_id is not None and goal.baseline_survey_id not in shown:
            raise NotFoundError(f"The baseline {goal.baseline_survey_id!r} is not a shown survey; choose one of "
                                f"{', '.join(shown) or 'none'}.", code="baseline_unknown", id=goal.baseline_survey_id)
        self.store.set_goal(goal, actor=actor)

    def previous_survey(self, day: dt.date, exclude: str | None = None) -> Survey | None:
        """The latest real survey dated on or before `day` (other than `exclude`): what an upload is compared with.
        A demo survey never counts as "before": until the first real survey there is nothing to compare with."""
        earlier = [s for s in self.store.surveys() if s.date <= day and s.id != exclude and not s.demo]
        return earlier[-1] if earlier else None

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

    # -- measures and safety indicators --------------------------------------------------------------------
    def _demo_shown(self) -> bool:
        shown = self.surveys()
        return bool(shown) and all(s.demo for s in shown)

    def measures(self) -> list[Measure]:
        """The measures shown beside the shown surveys: the demo's fictitious ones while demo surveys are shown,
        otherwise the real ones (never both, so real work never mixes with demo data). Removed ones are left out."""
        demo = self._demo_shown()
        return [m for m in self.store.measures() if m.demo == demo]

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

    def indicators(self) -> list[Indicator]:
        """Every stored safety-indicator value (real, sourced figures only: there is no demo indicator)."""
        return self.store.indicators()

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

    def export(self, survey_id: str, fmt: str, *, precision: Precision, lang: Lang) -> bytes:
        """The survey's scenes as a file in `fmt`: "csv" (Swedish Excel), "xlsx", "geojson" or "gpkg".

        See `scenes.render.exports` for what each format writes. With precision "generalised" only counts per
        municipality (and local police area) are written, as CSV (a table) or GeoJSON (municipality shapes): no
        location, polygon or name of any scene. It is the workshop participants' download, so a count below
        `small_count_threshold` is always written as "fewer than N" (GeoJSON: `scenes` null, `scenes_text` the
        words), never as the number. Generalised .xlsx and GeoPackage are refused with a clear error.
        """
        file_type(fmt)
        frame: gpd.GeoDataFrame = self.store.scenes(survey_id)
        if precision == "generalised":
            disclosure = Disclosure.for_precision(precision, self.settings.small_count_threshold)
            if fmt == "csv":
                table = generalised_table(self.reference, frame, lang, disclosure=disclosure)
                return table_to_csv(table).encode("utf-8")
            if fmt != "geojson":
                raise ScenesError("A generalised export (counts per municipality) is CSV or GeoJSON, not "
                                  f"{fmt!r}.", code="generalised_format", fmt=fmt)
            values = municipality_values(self.reference, frame, "count")
            withheld = protection(self.reference, frame, disclosure)  # as in every other view of the survey
            hidden = {str(c) for c in values.index if withheld.hidden("municipality", str(c))}
            values = values[(values > 0) | values.index.isin(hidden)]
            shapes = self.reference.simplified_boundaries.set_index("kommun_kod").loc[values.index]
            counts = gpd.GeoDataFrame({
                "kommun_kod": values.index, "kommun": shapes["kommun"].to_numpy(),
                "scenes": pd.Series([None if c in hidden else int(v) for c, v in values.items()], dtype=object),
                "scenes_text": [disclosure.withheld_text(lang) if c in hidden else number(v, lang)
                                for c, v in values.items()],
            }, geometry=shapes.geometry.to_numpy(), crs=shapes.crs)
            collection = counts.to_geo_dict(na="null", drop_id=True)
            return json.dumps(collection, ensure_ascii=False).encode("utf-8")
        return export_scenes(frame, fmt, self.reference)
