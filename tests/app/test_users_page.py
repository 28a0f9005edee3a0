"""Användare through Streamlit's AppTest: nothing is preselected, a role change, a removal and a block change
nothing until confirmed (the question names the person and what follows), every write shows in the list at once,
and removing oneself or the last administrator is refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scenes.i18n import t
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def real(app_env: Path) -> Dashboard:
    """A real deployment (no demo) with an analyst beside the administrator the test signs in as."""
    dash = Dashboard(Settings(state_dir=app_env))
    dash.init()
    dash.add_user("bo", TEST_PASSWORD, "analytiker", actor="cli:op")
    return dash


def _users(open_page: OpenPage) -> AppTest:
    return open_page("admin", "users", account="ada")


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _listed(at: AppTest) -> dict[str, str]:
    """The list at the top: each person's role as shown."""
    table = at.dataframe[0].value
    return dict(zip(table[t("users.person", "sv")], table[t("users.role", "sv")], strict=True))


def _roles(dash: Dashboard) -> dict[str, str]:
    return {a.username: a.role for a in dash.accounts.list()}


def test_no_choice_is_preselected(real: Dashboard, open_page: OpenPage) -> None:
    """The person, the account, the new role and the new user's role all start empty, with a placeholder; without a
    person chosen there is no password form and no session button."""
    at = _users(open_page)
    boxes = {b.key or b.label: b for b in at.main.selectbox}
    assert {k: b.value for k, b in boxes.items()} == {"p_who": None, t("users.role", "sv"): None, "u_who": None,
                                                      "u_role": None}
    assert boxes["u_who"].placeholder == t("users.choose_person", "sv")
    assert boxes["u_role"].placeholder == t("users.choose_role", "sv")
    assert [b for b in at.button if b.label == t("users.end_sessions", "sv")] == []
    password_form = "**" + t("users.new_password", "sv").split("{")[0]  # the catalogue's text before the name
    assert not any(m.value.startswith(password_form) for m in at.markdown)
    _button(at, t("users.remove", "sv")).click().run()
    assert [e.value for e in at.error] == [t("users.choose_user_first", "sv")]
    _button(at, t("users.set_role", "sv")).click().run()
    assert [e.value for e in at.error] == [t("users.choose_first", "sv")]
    assert _roles(real) == {"ada": "admin", "bo": "analytiker"}


def test_removal_waits_for_a_confirmation_naming_the_person(real: Dashboard,
                                                            open_page: OpenPage) -> None:
    """"Ta bort användaren" only asks; "Avbryt" changes nothing; "Ja, ta bort bo" removes the account, and the list
    no longer shows it in the same rerun."""
    at = _users(open_page)
    at.selectbox(key="u_who").set_value("bo").run()
    _button(at, t("users.remove", "sv")).click().run()
    assert _roles(real) == {"ada": "admin", "bo": "analytiker"}
    assert [w.value for w in at.warning] == [
        t("users.confirm_remove", "sv", user="bo", role=t("role.analytiker", "sv"))]
    _button(at, t("users.cancel", "sv")).click().run()
    assert _roles(real) == {"ada": "admin", "bo": "analytiker"}
    assert [s.value for s in at.success] == [t("users.cancelled", "sv")]
    assert [w.value for w in at.warning] == []
    _button(at, t("users.remove", "sv")).click().run()
    _button(at, t("users.confirm_yes_remove", "sv", user="bo")).click().run()
    assert list(at.exception) == []
    assert _roles(real) == {"ada": "admin"}
    assert [s.value for s in at.success] == [t("users.removed", "sv", user="bo")]
    assert _listed(at) == {"ada": t("role.admin", "sv")}
    assert real.audit().iloc[0][["action", "actor", "detail"]].tolist() == ["user-remove", "ada", "bo"]


def test_role_change_waits_for_a_confirmation_and_shows_at_once(real: Dashboard,
                                                                open_page: OpenPage) -> None:
    """"Byt roll" asks, naming the person, the old and the new role and that the sessions end; confirmed, the list
    shows the new role in the same rerun. A changed choice drops the question asked before."""
    at = _users(open_page)
    at.selectbox(key="u_who").set_value("bo").run()
    at.selectbox(key="u_role").set_value("styrgrupp").run()
    _button(at, t("users.set_role", "sv")).click().run()
    assert [w.value for w in at.warning] == [t("users.confirm_role", "sv", user="bo", old=t("role.analytiker", "sv"),
                                               new=t("role.styrgrupp", "sv"))]
    at.selectbox(key="u_role").set_value("deltagare").run()
    assert [w.value for w in at.warning] == []  # the question was about Styrgrupp: asked again, or nothing
    assert [b for b in at.button if b.label == t("users.confirm_yes_role", "sv")] == []
    _button(at, t("users.set_role", "sv")).click().run()
    assert _roles(real)["bo"] == "analytiker"
    _button(at, t("users.confirm_yes_role", "sv")).click().run()
    assert _roles(real)["bo"] == "deltagare"
    assert _listed(at)["bo"] == t("role.deltagare", "sv")
    assert [s.value for s in at.success] == [t("users.role_set", "sv", user="bo", role=t("role.deltagare", "sv"))]


def test_a_new_user_is_listed_at_once(real: Dashboard, open_page: OpenPage) -> None:
    """Adding a user needs a role chosen; added, the person is in the list of the same rerun."""
    at = _users(open_page)
    form_role = next(b for b in at.selectbox if b.key is None)
    at.text_input[0].input("cecilia")
    at.text_input[1].input(TEST_PASSWORD)
    _button(at, t("users.add", "sv")).click().run()
    assert [e.value for e in at.error] == [t("users.role_missing", "sv")]
    assert "cecilia" not in _roles(real)
    at.text_input[0].input("cecilia")
    at.text_input[1].input(TEST_PASSWORD)
    form_role = next(b for b in at.selectbox if b.key is None)
    form_role.set_value("styrgrupp")
    _button(at, t("users.add", "sv")).click().run()
    assert _roles(real)["cecilia"] == "styrgrupp"
    assert _listed(at)["cecilia"] == t("role.styrgrupp", "sv")
    assert [s.value for s in at.success] == [t("users.added", "sv", user="cecilia")]


@pytest.mark.parametrize(("second_admin", "action", "confirm", "message"), [
    (False, t("users.remove", "sv"), t("users.confirm_yes_remove", "sv", user="ada"),
     t("error.last_admin", "sv", username="ada")),
    (False, t("users.set_role", "sv"), t("users.confirm_yes_role", "sv"), t("error.last_admin", "sv", username="ada")),
    (True, t("users.remove", "sv"), t("users.confirm_yes_remove", "sv", user="ada"), t("error.remove_self", "sv")),
])
def test_removing_oneself_or_the_last_administrator_is_refused(real: Dashboard, open_page: OpenPage,
                                                               second_admin: bool, action: str, confirm: str,
                                                               message: str) -> None:
    """Even confirmed, the signed-in administrator cannot remove their own account (even beside another
    administrator) or remove or demote the last administrator: the page says why and nothing changes."""
    if second_admin:
        real.add_user("cia", TEST_PASSWORD, "admin", actor="cli:op")
    at = _users(open_page)
    at.selectbox(key="u_who").set_value("ada").run()
    at.selectbox(key="u_role").set_value("analytiker").run()
    _button(at, action).click().run()
    _button(at, confirm).click().run()
    assert list(at.exception) == []
    assert [e.value.split("\n\n")[-1] for e in at.error] == [message]
    assert _roles(real) == {"ada": "admin", "bo": "analytiker"} | ({"cia": "admin"} if second_admin else {})


def test_blocking_waits_for_a_confirmation_and_times_are_stockholm_time(real: Dashboard,
                                                                        open_page: OpenPage) -> None:
    """An organisation identity is blocked only after "Ja, spärra …"; its last sign-in, 23:12 UTC on 5 December,
    reads as 00:12 on 6 December, Stockholm time."""
    import datetime as dt

    real.identities.seen("eva@example.se", "styrgrupp", now=dt.datetime(2026, 12, 5, 23, 12, 2, tzinfo=dt.UTC))
    at = _users(open_page)
    table = at.dataframe[0].value
    last_login = dict(zip(table[t("users.person", "sv")], table[t("users.last_login", "sv")], strict=True))
    assert last_login["eva@example.se"] == "2026-12-06 00:12"
    at.selectbox(key="p_who").set_value("eva@example.se").run()
    _button(at, t("users.block", "sv")).click().run()
    assert not real.identities.blocked("eva@example.se")
    def shown(text: str) -> str:  # as Markdown shows it: no escapes, no invisible word joiner
        return text.replace("\u2060", "").replace("\\", "")

    assert [shown(w.value) for w in at.warning] == [t("users.confirm_block", "sv", user="eva@example.se")]
    yes = t("users.confirm_yes_block", "sv", user="eva@example.se")
    next(b for b in at.button if shown(b.label) == yes).click().run()
    assert real.identities.blocked("eva@example.se")
    table = at.dataframe[0].value
    blocked = t("users.blocked", "sv")  # the column and its mark
    assert dict(zip(table[t("users.person", "sv")], table[blocked], strict=True))["eva@example.se"] == blocked
