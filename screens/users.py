"""Användare (admin): everyone who may sign in or has — local accounts and the organisation's (OIDC) identities —
with role, last sign-in and open sessions. End a person's sessions, block or unblock an identity; for local
accounts also add, change role, set a password, unlock and remove. All audited; a role change, a new password,
removal and blocking end the person's sessions at once.

No choice is preselected (a slip must not hit the first account, the administrator), and a role change, a removal
and a block wait for a confirmation that names the person and what follows. Every write reruns the page, so the
list above shows it at once."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.access.auth import ROLES
from scenes.access.identities import Person
from ui import keys, records

_PENDING = keys.U_PENDING  # the write waiting for its confirmation: (action, user, role)


def _kind(p: Person) -> str:
    return ui.tr(f"users.kind.{p.kind}")


def render() -> None:
    ui.require("users")
    st.title(ui.tr("users.title"))
    dash = ui.dashboard()
    if ui.is_demo():  # accounts made in the sandbox would outlive it: the first administrator is the way in
        st.info(ui.tr("users.demo"), icon=":material/science:")
        ui.page_link("setup", label=ui.tr("setup.link"), icon=":material/admin_panel_settings:")
        return
    ui.flash()
    everyone = dash.people()
    st.caption(ui.tr("users.everyone"))
    st.dataframe([{ui.tr("users.person"): p.username, ui.tr("users.kind"): _kind(p),
                   ui.tr("users.role"): ui.tr(f"role.{p.role}") if p.role else ui.tr("users.no_role"),
                   ui.tr("users.last_login"): ui.when(p.last_login),
                   ui.tr("users.open_sessions"): p.open_sessions,
                   ui.tr("users.blocked"): ui.tr("users.blocked") if p.blocked else "",
                   ui.tr("users.locked_until"): ui.when(p.locked_until) if p.locked_until else ""}
                  for p in everyone], hide_index=True, width="stretch")
    if everyone:
        _sessions_and_blocking(everyone)
    _local_accounts()


def _confirm(actions: set[str], roles: dict[str, str]) -> None:
    """The write waiting for its confirmation (one of `actions`), named with the person and what follows; nothing
    changes until "Ja" is clicked."""
    pending = st.session_state.get(_PENDING)
    if not pending or pending[0] not in actions:
        return
    action, user, role = pending
    dash, me, old = ui.dashboard(), ui.actor(), ui.tr(f"role.{roles.get(user)}")
    question = ui.tr(f"users.confirm_{action}", user=user, old=old, role=old, new=ui.tr(f"role.{role}"))
    if not records.confirm_step(_PENDING, question, ui.tr(f"users.confirm_yes_{action}", user=user)):
        return
    if action == "role":
        records.write(lambda: dash.set_role(user, role, actor=me),
                      ui.tr("users.role_set", user=user, role=ui.tr(f"role.{role}")))
    elif action == "remove":
        records.write(lambda: dash.remove_user(user, actor=me), ui.tr("users.removed", user=user))
    else:
        records.write(lambda: dash.block_identity(user, actor=me), ui.tr("users.blocked_done", user=user))


def _sessions_and_blocking(everyone: list[Person]) -> None:
    dash = ui.dashboard()
    st.subheader(ui.tr("users.sessions_title"))
    by_name = {p.username: p for p in everyone}
    name = st.selectbox(ui.tr("users.person"), list(by_name), key="p_who", index=None,
                        placeholder=ui.tr("users.choose_person"), format_func=lambda n: f"{n} ({_kind(by_name[n])})")
    if name is None:
        return
    person = by_name[name]
    b1, b2 = st.columns(2)
    if b1.button(ui.tr("users.end_sessions"), help=ui.tr("users.end_sessions_help"), icon=":material/logout:"):
        ended = dash.end_sessions(person.username, actor=ui.actor())
        ui.done(ui.tr("users.sessions_ended", n=ended, user=person.username))
    if person.kind == "oidc":
        if not person.blocked and b2.button(ui.tr("users.block"), help=ui.tr("users.block_help"),
                                             icon=":material/block:"):
            st.session_state[_PENDING] = ("block", person.username, None)
        if person.blocked and b2.button(ui.tr("users.unblock_identity"), icon=":material/lock_open:"):
            records.write(lambda: dash.unblock_identity(person.username, actor=ui.actor()),
                   ui.tr("users.unblocked_done", user=person.username))
        _confirm({"block"}, {})
        st.caption(ui.tr("users.role_from_map"))


def _local_accounts() -> None:
    dash = ui.dashboard()
    st.subheader(ui.tr("users.local_title"))
    with st.form("add_user", clear_on_submit=True):
        st.markdown(f"**{ui.tr('users.add')}**")
        c1, c2, c3 = st.columns(3)
        username = c1.text_input(ui.tr("auth.username"), max_chars=100)
        password = c2.text_input(ui.tr("auth.password"), type="password", help=ui.tr("users.password_help"),
                                 max_chars=1000, autocomplete="new-password")
        role = c3.selectbox(ui.tr("users.role"), list(ROLES), format_func=lambda r: ui.tr(f"role.{r}"), index=None,
                            placeholder=ui.tr("users.choose_role"))
        if st.form_submit_button(ui.tr("users.add"), type="primary"):
            if role is None:
                st.error(ui.tr("users.role_missing"), icon=":material/error:")
            else:
                records.write(lambda: dash.add_user(username.strip(), password, role, actor=ui.actor()),
                       ui.tr("users.added", user=username.strip()))
    listed = dash.accounts.list()
    if not listed:
        return
    roles = {a.username: a.role for a in listed}
    st.markdown(f"**{ui.tr('users.change')}**")
    c1, c2 = st.columns(2)
    who = c1.selectbox(ui.tr("auth.username"), list(roles), key="u_who", index=None,
                       placeholder=ui.tr("users.choose_person"))
    new_role = c2.selectbox(ui.tr("users.role"), list(ROLES), key="u_role", format_func=lambda r: ui.tr(f"role.{r}"),
                            index=None, placeholder=ui.tr("users.choose_role"))
    if (pending := st.session_state.get(_PENDING)) and pending[0] != "block" and pending[1:] != (who, new_role) \
            and not (pending[0] == "remove" and pending[1] == who):
        del st.session_state[_PENDING]  # the choice changed: the question asked before no longer stands
    b1, b2, b3 = st.columns(3)
    if b1.button(ui.tr("users.set_role"), help=ui.tr("users.ends_sessions"), key="u_set_role"):
        if who is None or new_role is None:
            st.error(ui.tr("users.choose_first"), icon=":material/error:")
        elif roles[who] == new_role:
            st.info(ui.tr("users.same_role", user=who, role=ui.tr(f"role.{new_role}")), icon=":material/info:")
        else:
            st.session_state[_PENDING] = ("role", who, new_role)
    if b2.button(ui.tr("users.unlock"), help=ui.tr("users.unlock_help"), disabled=who is None):
        records.write(lambda: dash.unlock_user(str(who), actor=ui.actor()), ui.tr("users.unlocked", user=str(who)))
    if b3.button(ui.tr("users.remove"), type="secondary", help=ui.tr("users.ends_sessions"), key="u_remove"):
        if who is None:
            st.error(ui.tr("users.choose_user_first"), icon=":material/error:")
        else:
            st.session_state[_PENDING] = ("remove", who, None)
    _confirm({"role", "remove"}, roles)
    if who is None:
        return
    with st.form("set_password", clear_on_submit=True):
        st.markdown(f"**{ui.tr('users.new_password', user=who)}**")
        new_password = st.text_input(ui.tr("auth.password"), type="password", max_chars=1000,
                                     autocomplete="new-password", help=ui.tr("users.password_help"))
        if st.form_submit_button(ui.tr("users.set_password"), help=ui.tr("users.ends_sessions")):
            records.write(lambda: dash.set_password(who, new_password, actor=ui.actor()),
                   ui.tr("users.password_set", user=who))


ui.guarded(render)
