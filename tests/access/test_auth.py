"""Roles, accounts, sign-in, throttling, expiry, demo mode, and the privacy tier for locations."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.accounts import Accounts
from scenes.access.auth import (
    ACTIONS,
    PAGES,
    ROLES,
    AccessDenied,
    allowed_pages,
    can,
    precision_for,
    require,
    role_for_claims,
)
from scenes.domain.disclosure import SHOW_ALL
from scenes.errors import ScenesError
from scenes.model import Survey, SurveyKind
from scenes.render.maps import MapOptions, export_html
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.map_pages import layers_by_map
from ui import keys

APP = str(PROJECT_ROOT / "app.py")
PASSWORD = "correct horse battery"  # noqa: S105 - a test account in a throwaway store

MATRIX = {  # role -> pages it may open
    "deltagare": {"overview", "map", "progress", "seminars", "coordination"},
    "styrgrupp": {"overview", "map", "progress", "seminars", "coordination", "goal"},
    "analytiker": {"overview", "map", "progress", "seminars", "coordination", "goal", "upload", "followup", "history",
                   "measures", "indicators"},
    "admin": set(PAGES),
}


@pytest.mark.parametrize("role", ROLES)
def test_allowed_pages_follow_the_matrix(role: str) -> None:
    """Each role's navigation holds exactly its pages; `require` refuses the others."""
    assert set(allowed_pages(role)) == MATRIX[role]
    for page in set(PAGES) - MATRIX[role]:
        with pytest.raises(AccessDenied):
            require(role, page)


def test_precision_and_actions() -> None:
    """Only workshop participants see generalised locations; only analysts publish; only admins manage users."""
    assert [precision_for(r) for r in ROLES] == ["generalised", "exact", "exact", "exact"]
    assert [can(r, "publish") for r in ROLES] == [False, False, True, True]
    assert [can(r, "manage_users") for r in ROLES] == [False, False, False, True]
    assert precision_for(None) == "generalised"


def test_one_role_matrix_every_action_used() -> None:
    """Page access and actions are one table: every page names an action of the matrix, and every action of the
    matrix is used by the app (a page's action, or a `can(…, "<action>")` in the screens, ui or core)."""
    from scenes.access.pages import registered

    assert {p.key: p.action for p in registered() if p.action is not None and p.action not in ACTIONS} == {}
    assert [p.key for p in registered() if p.action is None] == ["setup", "accessibility"]
    used = {p.action for p in registered()}
    for folder in ("screens", "ui", "src/scenes"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "can"
                        and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
                    used.add(node.args[1].value)
    assert sorted(set(ACTIONS) - used) == []
    assert "see_exact" in used  # precision_for's own call counts: the core uses it


@pytest.mark.parametrize(("claims", "expected"), [
    ({"email": "Boss@Lansstyrelsen.se"}, "admin"),
    ({"email": "x@polisen.se"}, "styrgrupp"),
    ({"email": "x@polisen.se", "groups": ["g-analys"]}, "analytiker"),  # the highest match wins
    ({"email": "x@kommun.se"}, "deltagare"),  # default
])
def test_role_for_oidc_claims(claims: dict[str, object], expected: str) -> None:
    """E-mail, domain and group claims map to roles as documented."""
    mapping = {"emails": {"boss@lansstyrelsen.se": "admin"}, "domains": {"polisen.se": "styrgrupp"},
               "groups": {"g-analys": "analytiker"}, "default": "deltagare"}
    assert role_for_claims(claims, mapping) == expected


def test_accounts_hash_authenticate_and_audit(demo: Dashboard) -> None:
    """Passwords are stored as Argon2 hashes; sign-in and failures are audited; role changes too."""
    accounts = Accounts(demo.store)
    accounts.add("anna", PASSWORD, "analytiker", actor="admin")
    with demo.store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM users").scalar()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert accounts.authenticate("anna", "wrong password!") is None
    assert accounts.authenticate("anna", PASSWORD) == "analytiker"
    accounts.set_role("anna", "styrgrupp", actor="admin")
    actions = list(demo.store.audit()["action"][:4])
    assert actions == ["role-change", "sign-in", "sign-in-failed", "user-add"]


def test_short_password_and_duplicate_user_refused(demo: Dashboard) -> None:
    """Weak passwords and duplicate names are clear errors."""
    accounts = Accounts(demo.store)
    with pytest.raises(ScenesError, match="12"):
        accounts.add("bo", "short", "deltagare", actor="admin")
    accounts.add("bo", PASSWORD, "deltagare", actor="admin")
    with pytest.raises(ScenesError, match="exists"):
        accounts.add("bo", PASSWORD, "admin", actor="admin")


def test_throttling_locks_and_unlocks(demo: Dashboard) -> None:
    """Five failures lock the account for the failing client (even the right password fails); the lock expires."""
    accounts = Accounts(demo.store)
    accounts.add("cia", PASSWORD, "styrgrupp", actor="admin")
    t0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    for i in range(5):
        assert accounts.authenticate("cia", "nope nope nope", client="10.0.0.9",
                                     now=t0 + dt.timedelta(seconds=i)) is None
    assert accounts.authenticate("cia", PASSWORD, client="10.0.0.9", now=t0 + dt.timedelta(seconds=10)) is None
    assert accounts.locked_until("cia") is not None
    assert accounts.authenticate("cia", PASSWORD, client="10.0.0.9", now=t0 + dt.timedelta(minutes=2)) == "styrgrupp"
    assert accounts.locked_until("cia") is None


def test_demo_mode_ends_with_an_account_and_never_returns(demo: Dashboard) -> None:
    """Demo mode lasts while there is only demo data and no account; removing the account does not bring it back."""
    assert demo.store.demo_mode()
    accounts = Accounts(demo.store)
    accounts.add("dan", PASSWORD, "admin", actor="cli:op")
    accounts.add("dina", PASSWORD, "admin", actor="cli:op")
    assert not demo.store.demo_mode()
    accounts.remove("dan", actor="cli:op")
    assert not demo.store.demo_mode()


def test_demo_mode_ends_with_real_data(demo: Dashboard) -> None:
    """Publishing a real survey requires sign-in from then on."""
    frame = demo.store.scenes("demo-2024-02")
    demo.store.add_survey(Survey("real", "Real", dt.date(2025, 1, 1), SurveyKind.UPPFOLJNING, "p", False), frame,
                          actor="cli:op")
    assert not demo.store.demo_mode()


# -- pages ------------------------------------------------------------------------------------------------------

@pytest.fixture
def demo_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


def _as(role: str, page: str | None = None) -> AppTest:
    """The page as `role` in the demo, with what it folds until asked for opened (the map's table), so every check
    reads all the page can send."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["demo_role"] = role
    at.session_state[keys.SCENE_TABLE_OPEN] = True
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


PAGE_FILES = {key: page.file for key, page in PAGES.items()}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_role_page_matrix(demo_store: Path, role: str, page: str) -> None:
    """Allowed pages render without error; a forbidden page refuses at its top even when opened directly."""
    if page in MATRIX[role]:
        at = _as(role, PAGE_FILES[page])
        assert list(at.exception) == []
        assert [e.value for e in at.error if "Din roll får inte" in e.value] == []
    else:
        at = AppTest.from_file(str(PROJECT_ROOT / PAGE_FILES[page]), default_timeout=60)
        at.session_state["demo_role"] = role
        at.run()
        assert any("Din roll får inte öppna" in e.value for e in at.error)
        assert len(at.main.children) <= 2  # the error and nothing of the page


def _all_text(at: AppTest) -> str:
    parts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    # the maps' layers travel base64-encoded (`ui.frame_layers`): read them as the map's frame does
    return "\n".join([*parts, *layers_by_map(at).values()])


def _leaks(frame, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Scene positions found in `text` as a coordinate pair, (lon, lat) as in GeoJSON, [lat, lon] as in Leaflet, or
    lat, lon in whole hundred-thousandths of a degree as in the scenes' data layer.

    Single numbers are not enough evidence: municipality boundaries have thousands of vertices, and one of them
    may share a few decimals with a scene by chance. A pair in the right order is a location.
    """
    found = []
    for p in frame.geometry.representative_point():
        # 4 decimals, truncated or rounded (a map that rounds to 5 decimals may carry the 4th up)
        lat = "|".join(re.escape(v) for v in {f"{p.y:.6f}"[:-2], f"{p.y:.4f}"})
        lon = "|".join(re.escape(v) for v in {f"{p.x:.6f}"[:-2], f"{p.x:.4f}"})
        whole = rf"\b{round(p.y * 1e5)},\s*{round(p.x * 1e5)}\b"  # the data layer's [lat, lon] in 1e-5 degrees
        if re.search(rf"(?:{lon})\d*,\s*(?:{lat})", text) or re.search(rf"(?:{lat})\d*,\s*(?:{lon})", text) \
                or re.search(whole, text):
            found.append(f"{p.y:.4f},{p.x:.4f}")
    return found


def test_nothing_exact_reaches_a_workshop_participant(demo_store: Path) -> None:
    """As deltagare, the map page (HTML, component payload, tables) carries no scene coordinate or name."""
    dash = Dashboard(Settings(state_dir=demo_store))
    frame = dash.store.scenes("demo-2024-02")
    at = _as("deltagare", "screens/map.py")
    text = _all_text(at)
    assert not re.search(r"(className|cls).{0,20}scene-marker", text)
    assert "count-label" in text
    assert _leaks(frame, text) == []
    assert not any(name in text for name in frame["name"])


def test_exact_roles_do_get_locations(demo_store: Path) -> None:
    """The same check finds coordinates for the steering group (so the test above can fail)."""
    frame = Dashboard(Settings(state_dir=demo_store)).store.scenes("demo-2024-02")
    text = _all_text(_as("styrgrupp", "screens/map.py"))
    assert re.search(r"(className|cls).{0,20}scene-marker", text)
    assert len(_leaks(frame, text)) == len(frame)


def test_generalised_exports_carry_no_location(demo: Dashboard) -> None:
    """HTML map export, CSV and GeoJSON at generalised precision: counts only, no scene coordinate or name."""
    frame = demo.store.scenes("demo-2024-02")
    html = export_html(demo.reference, frame, None, MapOptions(precision="generalised", lang="sv", disclosure=SHOW_ALL))
    csv_text = demo.export("demo-2024-02", "csv", precision="generalised", lang="sv").decode("utf-8")
    geojson = demo.export("demo-2024-02", "geojson", precision="generalised", lang="sv").decode("utf-8")
    for text in (html, csv_text, geojson):
        assert _leaks(frame, text) == []
        assert not any(name in text for name in frame["name"])
    counts = {f["properties"]["kommun_kod"]: f["properties"]["scenes"] for f in json.loads(geojson)["features"]}
    assert counts["0180"] == 7
    assert sum(counts.values()) == 53
    assert re.search(r"count-label", html)


def test_sign_in_required_once_an_account_exists(app_env: Path) -> None:
    """With an account, the app shows only the sign-in form; the right password opens the role's pages."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    dash.add_user("eva", PASSWORD, "styrgrupp", actor="cli:op")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [t.label for t in at.text_input] == ["Användarnamn", "Lösenord"]
    at.text_input[0].input("eva")
    at.text_input[1].input("wrong password")
    at.button[0].click().run()
    assert any("Inloggningen misslyckades" in e.value for e in at.error)
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert dash.sessions.resolve(at.session_state["session_token"]).username == "eva"
    assert at.title[0].value == "Öppna drogscener i Stockholms län"
    assert "Öppna drogscener" in {m.label for m in at.metric}  # the overview, as the steering group


def test_idle_session_expires(app_env: Path) -> None:
    """A signed-in session idle longer than the setting ends and asks to sign in again."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init(demo=True)
    dash.add_user("fia", PASSWORD, "analytiker", actor="cli:op")
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    token = dash.sessions.start("fia", now=long_ago)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["session_token"] = token
    at.run()
    assert "session_token" not in at.session_state
    assert any("Sessionen har avslutats" in i.value for i in at.info)
    assert dash.store.audit().iloc[0]["action"] == "session-expired"


@pytest.mark.parametrize("page", ["screens/overview.py", "screens/progress.py", "screens/seminars.py"])
def test_no_scene_names_for_workshop_participants(demo_store: Path, page: str) -> None:
    """Scene names can point at a place: deltagare see counts, never the names."""
    text = _all_text(_as("deltagare", page))
    assert "Exempelplats" not in text


def test_report_only_for_steering_group_and_up(demo_store: Path) -> None:
    """The status report download is offered to styrgrupp, not to deltagare."""
    label = "Exportera lägesrapport (PDF)"
    assert label not in _all_text(_as("deltagare"))
    assert label in _all_text(_as("styrgrupp"))
