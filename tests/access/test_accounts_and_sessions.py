"""Day one of real use: the first administrator, lasting sessions, a sign-in that cannot be turned against its
users, the demo as a sandbox, demo data out, the baseline chosen, withdraw and restore, and who did what."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from scenes.access.accounts import Accounts, SetupRefused
from scenes.access.sessions import Sessions
from scenes.domain.disclosure import SHOW_ALL
from scenes.errors import DemoSandbox, NotFoundError, ScenesError
from scenes.model import Goal, Survey, SurveyKind
from scenes.settings import Settings
from scenes.views.dashboard import DEMO_ACTOR, Dashboard
from tests.conftest import DATA_DIR
from tests.conftest import TEST_PASSWORD as PASSWORD

SCENES = str(Path(sys.executable).with_name("scenes"))
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _real(dash: Dashboard, sid: str = "real-2025", day: dt.date = dt.date(2025, 6, 1), n: int = 40) -> str:
    frame = dash.store.scenes("demo-2024-02").iloc[:n]
    survey = Survey(sid, f"Kartläggning {sid}", day, SurveyKind.KARTLAGGNING, "Polisen", False)
    return dash.store.add_survey(survey, frame, actor="analyst").id


# -- sessions ------------------------------------------------------------------------------------------------

@pytest.fixture
def sessions(demo: Dashboard) -> Sessions:
    demo.add_user("ulla", PASSWORD, "analytiker", actor="cli:op")
    return Sessions(demo.store, "s" * 40, idle=dt.timedelta(minutes=30), lifetime=dt.timedelta(hours=12))


def test_session_resolves_to_user_and_current_role(sessions: Sessions) -> None:
    """A fresh token names its user and the role now in the users table; the token holds neither."""
    token = sessions.start("ulla", now=T0)
    found = sessions.resolve(token, now=T0 + dt.timedelta(minutes=1))
    assert (found.state, found.username, found.role) == ("ok", "ulla", "analytiker")
    assert "ulla" not in token
    assert "analytiker" not in token


def test_idle_session_expires(sessions: Sessions) -> None:
    """Longer idle than the setting: the session is expired and deleted (asking again gives `invalid`)."""
    token = sessions.start("ulla", now=T0)
    assert sessions.resolve(token, now=T0 + dt.timedelta(minutes=31)).state == "expired"
    assert sessions.resolve(token, now=T0 + dt.timedelta(minutes=32)).state == "invalid"


def test_session_has_an_absolute_lifetime(sessions: Sessions) -> None:
    """Activity keeps a session alive only until its lifetime ends."""
    token = sessions.start("ulla", now=T0)
    for minutes in range(20, 12 * 60, 20):  # active every 20 minutes all day
        assert sessions.resolve(token, now=T0 + dt.timedelta(minutes=minutes)).state == "ok"
    assert sessions.resolve(token, now=T0 + dt.timedelta(hours=12, minutes=1)).state == "expired"


@pytest.mark.parametrize("tamper", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # the signature no longer matches
    lambda t: "x" + t,
    lambda t: "",
    lambda t: "a" * 5000,
])
def test_tampered_token_is_invalid(sessions: Sessions, tamper: object) -> None:
    """A changed, empty or oversized token resolves to nothing."""
    token = sessions.start("ulla", now=T0)
    assert sessions.resolve(tamper(token), now=T0).state == "invalid"  # type: ignore[operator]


def test_token_signed_with_another_secret_is_invalid(demo: Dashboard, sessions: Sessions) -> None:
    """A token is only good with the secret that signed it."""
    token = sessions.start("ulla", now=T0)
    other = Sessions(demo.store, "t" * 40, idle=dt.timedelta(minutes=30), lifetime=dt.timedelta(hours=12))
    assert other.resolve(token, now=T0).state == "invalid"


def test_sign_out_revokes_the_token(demo: Dashboard, sessions: Sessions) -> None:
    """After sign-out the same token (replayed from a copied cookie) is worth nothing; the sign-out is audited."""
    token = sessions.start("ulla", now=T0)
    sessions.end(token, actor="ulla")
    assert sessions.resolve(token, now=T0).state == "invalid"
    assert (demo.audit().iloc[0]["action"], demo.audit().iloc[0]["actor"]) == ("sign-out", "ulla")


@pytest.mark.parametrize("change", [
    lambda d: d.set_role("ulla", "deltagare", actor="boss"),
    lambda d: d.set_password("ulla", "ett helt nytt lösenord", actor="boss"),
    lambda d: d.remove_user("ulla", actor="boss"),
])
def test_account_changes_revoke_every_session(demo: Dashboard, sessions: Sessions, change: object) -> None:
    """A role change, a new password and removal end all of the user's sessions at once (every tab)."""
    tokens = [sessions.start("ulla"), sessions.start("ulla")]
    demo.add_user("boss", PASSWORD, "admin", actor="cli:op")
    change(demo)  # type: ignore[operator]
    assert [sessions.resolve(t).state for t in tokens] == ["invalid", "invalid"]
    assert sessions.count("ulla") == 0


def test_session_secret_is_kept_and_shared(settings: Settings) -> None:
    """Without a configured secret, one is generated once and shared: a second instance accepts the token."""
    first, second = Dashboard(settings), Dashboard(settings)
    first.init()
    first.add_user("ulla", PASSWORD, "styrgrupp", actor="cli:op")
    token = first.sessions.start("ulla")
    assert second.sessions.resolve(token).username == "ulla"


# -- the first administrator -------------------------------------------------------------------------------

def test_setup_code_creates_the_first_admin_once(demo: Dashboard) -> None:
    """The setup code creates the first administrator (signed in); then it is spent, and demo mode is over."""
    code = demo.setup_code()
    assert code is not None
    assert len(code.replace("-", "")) == 12
    assert demo.setup_code() == code  # stable until used: the log and `scenes setup-code` agree
    with pytest.raises(SetupRefused) as wrong:
        demo.create_first_admin("AAAA-AAAA-AAAA", "ada", PASSWORD)
    assert wrong.value.code == "setup_wrong_code"
    token = demo.create_first_admin(code.lower().replace("-", " "), "ada", PASSWORD)
    assert demo.sessions.resolve(token).role == "admin"
    assert not demo.demo_mode()
    assert demo.setup_code() is None
    with pytest.raises(SetupRefused) as spent:
        demo.create_first_admin(code, "eve", PASSWORD)
    assert spent.value.code == "setup_spent"
    assert [a.username for a in demo.accounts.list()] == ["ada"]
    assert list(demo.audit()["action"][:2]) == ["first-admin", "setup-code-failed"]


def test_setup_code_guesses_are_throttled(demo: Dashboard) -> None:
    """After five wrong codes from a client, even the right code waits (the lock is per client)."""
    code = demo.setup_code()
    assert code is not None
    for _ in range(5):
        with pytest.raises(SetupRefused):
            demo.accounts.create_first_admin("WRONG-CODE-0000", "ada", PASSWORD, client="203.0.113.5", now=T0)
    with pytest.raises(SetupRefused):
        demo.accounts.create_first_admin(code, "ada", PASSWORD, client="203.0.113.5", now=T0)
    demo.accounts.create_first_admin(code, "ada", PASSWORD, client="198.51.100.7", now=T0)
    assert demo.accounts.count() == 1


def test_cli_prints_the_setup_code_until_an_account_exists(demo: Dashboard) -> None:
    """`scenes setup-code` prints the same code the server logs; once an account exists it says so and exits 1."""
    url = demo.settings.effective_database_url
    out = subprocess.run([SCENES, "--database", url, "setup-code"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == demo.setup_code()
    demo.add_user("op", PASSWORD, "admin", actor="cli:op")
    spent = subprocess.run([SCENES, "--database", url, "setup-code"], capture_output=True, text=True)
    assert (spent.returncode, spent.stdout) == (1, "")
    assert "spent" in spent.stderr


# -- signing in cannot be turned against its users -------------------------------------------------------

class CountingHasher(PasswordHasher):
    """A real Argon2 hasher (cheap parameters) that counts its verifications."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verifications = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verifications += 1
        return super().verify(hash, password)


def test_every_failure_does_the_same_work(demo: Dashboard) -> None:
    """Unknown name, locked account and wrong password: one Argon2 check each and the same writes.

    The time of an answer then does not tell them apart (the benchmark prints the measured times side by side).
    """
    hasher = CountingHasher()
    accounts = Accounts(demo.store, hasher=hasher)
    accounts.add("known", PASSWORD, "styrgrupp", actor="cli:op")
    for i in range(5):  # lock "known" for client A
        accounts.authenticate("known", "wrong password!", client="A", now=T0 + dt.timedelta(seconds=i))
    cases = {"unknown name": ("nobody", PASSWORD, "B"), "wrong password": ("known", "also wrong!!", "C"),
             "account locked": ("known", PASSWORD, "A")}
    work = {}
    for label, (name, password, client) in cases.items():
        before_rows, before_checks = len(demo.audit(10_000)), hasher.verifications
        assert accounts.authenticate(name, password, client=client, now=T0 + dt.timedelta(seconds=30)) is None
        work[label] = (hasher.verifications - before_checks, len(demo.audit(10_000)) - before_rows)
    assert work == {label: (1, 1) for label in cases}


def test_unknown_names_lock_like_known_ones(demo: Dashboard) -> None:
    """Five failures lock an unknown name exactly as a known one, so a lock reveals nothing about which exist."""
    accounts = demo.accounts
    accounts.add("known", PASSWORD, "styrgrupp", actor="cli:op")
    for name in ("known", "unknown"):
        for i in range(5):
            accounts.authenticate(name, "wrong password!", client=f"c-{name}", now=T0 + dt.timedelta(seconds=i))
    assert accounts.locked_until("known") == accounts.locked_until("unknown") == T0 + dt.timedelta(seconds=34)


def test_a_lock_cannot_keep_the_administrator_out(demo: Dashboard) -> None:
    """An attacker's failures lock the admin for the attacker's client only; the admin signs in from another."""
    accounts = demo.accounts
    accounts.add("admin", PASSWORD, "admin", actor="cli:op")
    for i in range(20):
        assert accounts.authenticate("admin", f"guess {i:08d}", client="198.51.100.66",
                                     now=T0 + dt.timedelta(seconds=i)) is None
    assert accounts.authenticate("admin", PASSWORD, client="198.51.100.66", now=T0 + dt.timedelta(seconds=21)) is None
    assert accounts.authenticate("admin", PASSWORD, client="10.1.2.3", now=T0 + dt.timedelta(seconds=22)) == "admin"


def test_failures_are_throttled_per_client_across_names(demo: Dashboard) -> None:
    """Guessing across many names from one client locks that client, even for a right password."""
    accounts = demo.accounts
    accounts.add("ok-user", PASSWORD, "deltagare", actor="cli:op")
    for i in range(10):
        accounts.authenticate(f"name{i}", "wrong password!", client="192.0.2.1", now=T0 + dt.timedelta(seconds=i))
    assert accounts.authenticate("ok-user", PASSWORD, client="192.0.2.1", now=T0 + dt.timedelta(seconds=11)) is None
    assert accounts.authenticate("ok-user", PASSWORD, client="192.0.2.2", now=T0 + dt.timedelta(seconds=12)) \
        == "deltagare"
    assert accounts.authenticate("ok-user", PASSWORD, client="192.0.2.1", now=T0 + dt.timedelta(hours=1)) \
        == "deltagare"  # the client's lock ends


def test_no_client_address_never_locks_everyone(demo: Dashboard) -> None:
    """With no client address (behind a proxy without SCENES_CLIENT_IP_HEADER) failures count per name only: an
    attacker's failures across many names, and on the administrator, never refuse another account's right password;
    the attacked account's own lock holds (clients cannot be told apart) and ends."""
    accounts = demo.accounts
    accounts.add("admin", PASSWORD, "admin", actor="cli:op")
    accounts.add("ok-user", PASSWORD, "deltagare", actor="cli:op")
    for i in range(40):
        assert accounts.authenticate(f"name{i % 20}", "wrong password!", client="",
                                     now=T0 + dt.timedelta(seconds=i)) is None
    for i in range(6):
        accounts.authenticate("admin", "wrong password!", client="", now=T0 + dt.timedelta(seconds=41 + i))
    assert accounts.authenticate("ok-user", PASSWORD, client="", now=T0 + dt.timedelta(seconds=50)) == "deltagare"
    assert accounts.authenticate("admin", PASSWORD, client="", now=T0 + dt.timedelta(seconds=51)) is None
    assert accounts.authenticate("admin", PASSWORD, client="", now=T0 + dt.timedelta(hours=1)) == "admin"
    with demo.store.engine.connect() as conn:
        keys = {r[0] for r in conn.exec_driver_sql("SELECT key FROM throttle")}
    assert not any(k.startswith("client:") for k in keys), keys


def test_operator_unlock_lifts_a_lock(demo: Dashboard) -> None:
    """`unlock` (CLI `scenes user unlock`, or the users page) lifts an account's lock at once, audited."""
    demo.add_user("lina", PASSWORD, "analytiker", actor="cli:op")
    for i in range(5):
        demo.accounts.authenticate("lina", "wrong password!", client="X", now=T0 + dt.timedelta(seconds=i))
    assert demo.accounts.authenticate("lina", PASSWORD, client="X", now=T0 + dt.timedelta(seconds=6)) is None
    demo.unlock_user("lina", actor="cli:op")
    assert demo.accounts.locked_until("lina") is None
    assert demo.audit().iloc[0]["action"] == "unlock"


def test_password_is_rehashed_when_parameters_change(demo: Dashboard) -> None:
    """A hash made with older Argon2 parameters is replaced by one with the current parameters at sign-in."""
    weak = Accounts(demo.store, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    weak.add("gun", PASSWORD, "styrgrupp", actor="cli:op")
    with demo.store.engine.connect() as conn:
        old = conn.exec_driver_sql("SELECT password_hash FROM users WHERE username = 'gun'").scalar()
    assert demo.accounts.authenticate("gun", PASSWORD) == "styrgrupp"
    with demo.store.engine.connect() as conn:
        new = conn.exec_driver_sql("SELECT password_hash FROM users WHERE username = 'gun'").scalar()
    assert old != new
    assert not PasswordHasher().check_needs_rehash(new)
    assert demo.accounts.authenticate("gun", PASSWORD) == "styrgrupp"


def test_the_last_administrator_stays(demo: Dashboard) -> None:
    """The last administrator cannot be removed or demoted; with a second one, both work."""
    demo.add_user("a1", PASSWORD, "admin", actor="cli:op")
    for change in (lambda: demo.remove_user("a1", actor="a1"), lambda: demo.set_role("a1", "styrgrupp", actor="a1")):
        with pytest.raises(ScenesError, match="last administrator"):
            change()
    demo.add_user("a2", PASSWORD, "admin", actor="a1")
    demo.set_role("a1", "styrgrupp", actor="a2")
    assert {a.username: a.role for a in demo.accounts.list()} == {"a1": "styrgrupp", "a2": "admin"}


# -- the demo is a sandbox ----------------------------------------------------------------------------------

def test_demo_actor_writes_nothing(demo: Dashboard) -> None:
    """Every write attempted in demo mode is refused with DemoSandbox, and the store is left as it was."""
    check = demo.check_upload("e.geojson", demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    survey = Survey("x", "X", dt.date(2024, 6, 1), SurveyKind.KARTLAGGNING, "", False)  # the demo names Norrmalm LPO
    seminar = demo.seminars()[0]
    attempts = {
        "goal": lambda: demo.set_goal(Goal(1, dt.date(2027, 1, 1), is_example=False), actor=DEMO_ACTOR),
        "seminar": lambda: demo.save_seminar(seminar, actor=DEMO_ACTOR),
        "seminar import": lambda: demo.import_seminars("seminar_id;title\nx;y\n", actor=DEMO_ACTOR),
        "reference": lambda: demo.save_reference("statuses", demo.reference.statuses, actor=DEMO_ACTOR),
        "publish": lambda: demo.publish(check, survey=survey, actor=DEMO_ACTOR),
        "rollback": lambda: demo.rollback("demo-2021", 1, actor=DEMO_ACTOR),
        "withdraw": lambda: demo.withdraw("demo-2021", actor=DEMO_ACTOR),
        "remove demo": lambda: demo.remove_demo(actor=DEMO_ACTOR),
        "add user": lambda: demo.add_user("mallory", PASSWORD, "admin", actor=DEMO_ACTOR),
    }
    before = (demo.data_version(), len(demo.audit(10_000)), demo.accounts.count())
    refused = []
    for name, attempt in attempts.items():
        with pytest.raises(DemoSandbox):
            attempt()
        refused.append(name)
    assert refused == list(attempts)
    assert (demo.data_version(), len(demo.audit(10_000)), demo.accounts.count()) == before
    assert demo.demo_mode()
    assert demo.goal().is_example


def test_init_demo_never_returns_after_real_use(settings: Settings) -> None:
    """`scenes init --demo` (as `make run` calls it) adds no demo data once demo data was removed or real use began."""
    dash = Dashboard(settings)
    dash.init(demo=True)
    dash.remove_demo(actor="cli:op")
    assert dash.init(demo=True).demo_surveys_added == []
    assert dash.all_surveys() == []


# -- demo data out, and never mixed with real figures ----------------------------------------------------

def test_real_data_hides_demo_from_every_figure(demo: Dashboard) -> None:
    """With one real survey, figures, maps, progress and the report rest on real surveys only."""
    real = _real(demo)
    assert [s.id for s in demo.surveys()] == [real]
    assert set(demo.scenes()["survey_id"]) == {real}
    assert [r["id"] for r in demo.progress_rows()] == [real]
    prog = demo.progress()
    assert prog is not None
    assert (prog.baseline.survey.id, prog.latest.survey.id) == (real, real)
    assert len(demo.all_surveys()) == 4
    assert demo.has_demo_beside_real()
    import io

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(demo.report_pdf(lang="sv", disclosure=SHOW_ALL,
                                                                                  exact=True))).pages)
    assert "Exempeldata" not in text
    assert "Kartläggning real-2025" in text


def test_cli_removes_demo_surveys_in_one_audited_step(demo: Dashboard) -> None:
    """`scenes demo remove` deletes every demo survey with its scenes and revisions, with one audit line."""
    real = _real(demo)
    url = demo.settings.effective_database_url
    out = subprocess.run([SCENES, "--database", url, "demo", "remove"], capture_output=True, text=True, check=True)
    assert "Removed 3 demo survey(s)" in out.stdout
    assert [s.id for s in demo.all_surveys()] == [real]
    assert set(demo.revisions()["survey_id"]) == {real}
    entry = demo.audit().iloc[0]
    assert (entry["action"], entry["actor"].startswith("cli:")) == ("demo-remove", True)
    assert entry["detail"] == "demo-2021, demo-2023-11, demo-2024-02"


# -- the baseline, chosen ----------------------------------------------------------------------------------

def test_baseline_defaults_to_the_earliest_real_survey_and_can_be_chosen(demo: Dashboard) -> None:
    """The trajectory starts at the earliest shown survey unless the goal names another; the choice is stored."""
    first = _real(demo, "k2025", dt.date(2025, 3, 1), n=50)
    second = _real(demo, "k2026", dt.date(2026, 3, 1), n=45)
    third = _real(demo, "k2026b", dt.date(2026, 9, 1), n=40)
    prog = demo.progress()
    assert prog is not None
    assert prog.baseline.survey.id == first
    demo.set_goal(Goal(20, dt.date(2027, 12, 31), is_example=False, baseline_survey_id=second), actor="styr")
    prog = demo.progress()
    assert prog is not None
    assert (prog.baseline.survey.id, prog.latest.survey.id) == (second, third)
    assert [r["baseline"] for r in demo.progress_rows()] == [False, True, False]
    with pytest.raises(NotFoundError, match="baseline"):
        demo.set_goal(Goal(20, dt.date(2027, 12, 31), baseline_survey_id="demo-2021"), actor="styr")


# -- withdraw and restore ------------------------------------------------------------------------------------

def test_withdrawn_survey_is_hidden_kept_and_restored(demo: Dashboard) -> None:
    """A withdrawn survey leaves every figure but stays in history; restoring brings it back. Both audited."""
    keep, gone = _real(demo, "k2025", dt.date(2025, 3, 1)), _real(demo, "k2026", dt.date(2026, 3, 1))
    demo.withdraw(gone, actor="anna", reason="wrong file")
    assert [s.id for s in demo.surveys()] == [keep]
    assert set(demo.scenes()["survey_id"]) == {keep}
    assert demo.survey(gone).withdrawn
    assert gone in {s.id for s in demo.all_surveys()}
    assert len(demo.scenes(gone)) == 40  # its data is kept
    with pytest.raises(ScenesError, match="already withdrawn"):
        demo.withdraw(gone, actor="anna")
    demo.restore(gone, actor="anna")
    assert [s.id for s in demo.surveys()] == [keep, gone]
    log = demo.audit()
    assert list(zip(log["action"][:2], log["actor"][:2], strict=True)) == [("restore", "anna"), ("withdraw", "anna")]


# -- who did what ------------------------------------------------------------------------------------------

def test_audit_names_the_actor_of_every_kind_of_write(tmp_path: Path) -> None:
    """Each kind of write, done through the Dashboard, leaves an audit line naming exactly who did it."""
    shutil.copytree(DATA_DIR, tmp_path / "data")  # the reference edit below must not touch the repository's files
    demo = Dashboard(Settings(state_dir=tmp_path / "state", data_dir=tmp_path / "data"))
    demo.init(demo=True)
    check = demo.check_upload("e.geojson", demo.export("demo-2024-02", "geojson", precision="exact", lang="sv"))
    demo.add_user("ada", PASSWORD, "admin", actor="cli:root")
    survey_id, _ = demo.publish(check, survey=Survey("r", "R", dt.date(2024, 6, 1), SurveyKind.KARTLAGGNING, "",
                                                     False), actor="anna")
    changed = demo.check_upload("f.geojson", demo.export("demo-2023-11", "geojson", precision="exact",
                                                         lang="sv"))  # (an unchanged file is a no-op)
    demo.publish(changed, revise=survey_id, actor="anna2", note="fix")
    demo.rollback(survey_id, 1, actor="anna3")
    demo.withdraw(survey_id, actor="anna4")
    demo.restore(survey_id, actor="anna5")
    demo.set_goal(Goal(30, dt.date(2027, 12, 31), is_example=False), actor="stina")
    demo.save_seminar(demo.seminars()[0], actor="sem")
    demo.import_seminars("seminar_id;title;date\nnytt;Nytt seminarium;2026-05-04\n", actor="sem-import")
    statuses = demo.reference.statuses.copy()
    statuses.loc[0, "label_en"] = statuses.loc[0, "label_en"] + " (edited)"
    demo.save_reference("statuses", statuses, actor="ref-admin")
    demo.set_role("ada", "admin", actor="ada")
    demo.remove_demo(actor="ada")
    demo.record("sign-in", actor="ada")
    log = demo.audit(10_000)
    assert (log["actor"].str.strip() != "").all()
    actors: dict[str, str] = {}
    for action, actor in zip(log["action"], log["actor"], strict=True):  # newest first: keep the newest of each
        actors.setdefault(action, actor)
    expected = {"user-add": "cli:root", "publish": "anna", "revise": "anna2", "rollback": "anna3",
                "withdraw": "anna4", "restore": "anna5", "goal": "stina", "seminar": "sem",
                "seminar-import": "sem-import", "reference-edit": "ref-admin", "role-change": "ada",
                "demo-remove": "ada", "sign-in": "ada"}
    assert {k: actors.get(k) for k in expected} == expected


def test_store_refuses_a_write_without_an_actor(demo: Dashboard) -> None:
    """No audit line without a name: a write with an empty actor is refused and changes nothing."""
    version = demo.data_version()
    with pytest.raises(ScenesError, match="who acted"):
        demo.set_goal(Goal(30, dt.date(2027, 12, 31), is_example=False), actor=" ")
    assert demo.data_version() == version
    assert demo.goal().is_example


def test_progress_rows_frame_is_plain(demo: Dashboard) -> None:
    """`scenes progress --json` rows carry the baseline flag (one survey is the baseline)."""
    rows = pd.DataFrame(demo.progress_rows())
    assert int(rows["baseline"].sum()) == 1


# -- the pages ---------------------------------------------------------------------------------------------

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_role_change_takes_effect_on_the_next_rerun(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """An analyst on Historik is signed out at their next click once an admin changes their role."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = signed_in("analytiker", "anna")
    at.run()
    at.switch_page("screens/history.py")
    at.run()
    assert at.title[0].value == "Historik och granskningslogg"
    dash = Dashboard(Settings(state_dir=app_env))
    dash.add_user("boss", PASSWORD, "admin", actor="cli:op")
    dash.set_role("anna", "deltagare", actor="boss")
    at.run()
    assert [t.label for t in at.text_input] == ["Användarnamn", "Lösenord"]
    assert "Historik och granskningslogg" not in [t.value for t in at.title]


def test_users_page_in_demo_mode_points_to_the_first_administrator(app_env: Path) -> None:
    """In demo mode the users page explains why no account is made there, and links to the setup step."""
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["demo_role"] = "admin"
    at.run()
    at.switch_page("screens/users.py")
    at.run()
    assert any("I demoläget skapas inga konton" in i.value for i in at.info)
    assert [t.label for t in at.text_input] == []  # no add-user form
    assert "starta-skarp-drift" in [link.proto.page for link in at.get("page_link")]


def test_sign_in_page_offers_the_first_administrator_without_accounts(app_env: Path) -> None:
    """Real data and no account (imported from the CLI): the sign-in page creates the administrator with the code."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    _real(dash)
    at = AppTest.from_file(APP, default_timeout=60).run()
    labels = [t.label for t in at.text_input]
    assert labels == ["Engångskod", "Användarnamn", "Lösenord", "Lösenordet igen"]
    code = dash.setup_code()
    assert code is not None
    for box, value in zip(at.text_input, [code, "ada", PASSWORD, PASSWORD], strict=True):
        box.input(value)
    at.button[0].click().run()
    assert dash.sessions.resolve(at.session_state["session_token"]).role == "admin"
    assert "Öppna drogscener" in {m.label for m in at.metric}
    assert dash.audit().iloc[0]["action"] == "first-admin"


def test_old_failures_are_cleared(demo: Dashboard) -> None:
    """Failures that no longer count are deleted as new ones come in: spraying names cannot grow the table."""
    for i in range(50):
        demo.accounts.authenticate(f"spray{i}", "wrong password!", client=f"10.0.{i}.1", now=T0)
    later = T0 + dt.timedelta(hours=2)
    demo.accounts.authenticate("one-more", "wrong password!", client="10.9.9.9", now=later)
    with demo.store.engine.connect() as conn:
        keys = sorted(conn.exec_driver_sql("SELECT key FROM throttle").scalars())
    assert keys == ["account:one-more", "client:10.9.9.9"]


def test_user_text_in_messages_is_shown_as_text(app_env: Path, signed_in: Callable[..., AppTest]) -> None:
    """A survey name with Markdown image and link syntax, and a user name with underscores, reach captions escaped."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    hostile = "![x](http://evil.example/p.png) [klicka](http://evil.example) _a_"
    _real(dash, "hostile")
    with dash.store.write() as conn:
        conn.exec_driver_sql("UPDATE surveys SET name = ? WHERE id = 'hostile'", (hostile,))
    at = signed_in("styrgrupp", "a_b_c")
    at.run()
    captions = [c.value for c in at.caption] + [c.value for c in at.sidebar.caption]
    latest = next(c for c in captions if "Senaste underlag" in c)
    assert "](http" not in latest
    assert "\\!\\[x\\]\\(http" in latest
    assert any(c.startswith("Inloggad: a\\_b\\_c") for c in captions)
