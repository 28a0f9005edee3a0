"""Användare (admin): everyone who may sign in or has — local accounts and the organisation's (OIDC) identities —
with role, last sign-in and open sessions. End a person's sessions, block or unblock an identity; for local
accounts also add, change role, set a password, unlock and remove. All audited; a role change, a new password,
removal and blocking end the person's sessions at once."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.auth import ROLES
from scenes.identities import Person


def _kind(p: Person) -> str:
    return ui.tr(f"users.kind.{p.kind}")


def render() -> None:
    ui.require("users")
    st.title(ui.tr("users.title"))
    dash = ui.dashboard()
    if ui.is_demo():  # accounts made in the sandbox would outlive it: the first administrator is the way in
        st.info(ui.tr("users.demo"), icon=":material/science:")
        st.page_link(ui.SETUP_PAGE, label=ui.tr("setup.link"), icon=":material/admin_panel_settings:")
        return
    ui.flash()
    everyone = dash.people()
    st.caption(ui.tr("users.everyone"))
    st.dataframe([{ui.tr("users.person"): p.username, ui.tr("users.kind"): _kind(p),
                   ui.tr("users.role"): ui.tr(f"role.{p.role}") if p.role else ui.tr("users.no_role"),
                   ui.tr("users.last_login"): ui.when(p.last_login),
                   ui.tr("users.open_sessions"): p.open_sessions,
                   ui.tr("users.blocked"): ui.tr("users.blocked") if p.blocked else "",
                   ui.tr("users.locked_until"): ui.when(p.locked_until)}
                  for p in everyone], hide_index=True, width="stretch")
    if everyone:
        _sessions_and_blocking(everyone)
    _local_accounts()


def _sessions_and_blocking(everyone: list[Person]) -> None:
    dash = ui.dashboard()
    st.subheader(ui.tr("users.sessions_title"))
    by_name = {p.username: p for p in everyone}
    name = st.selectbox(ui.tr("users.person"), list(by_name), key="p_who",
                        format_func=lambda n: f"{n} ({_kind(by_name[n])})")
    person = by_name[name]
    b1, b2 = st.columns(2)
    if b1.button(ui.tr("users.end_sessions"), help=ui.tr("users.end_sessions_help"), icon=":material/logout:"):
        ended = dash.end_sessions(person.username, actor=ui.actor())
        ui.done(ui.tr("users.sessions_ended", n=ended, user=person.username))
    if person.kind == "oidc":
        if not person.blocked and b2.button(ui.tr("users.block"), help=ui.tr("users.block_help"),
                                             icon=":material/block:"):
            dash.block_identity(person.username, actor=ui.actor())
            ui.done(ui.tr("users.blocked_done", user=person.username))
        if person.blocked and b2.button(ui.tr("users.unblock_identity"), icon=":material/lock_open:"):
            dash.unblock_identity(person.username, actor=ui.actor())
            ui.done(ui.tr("users.unblocked_done", user=person.username))
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
        role = c3.selectbox(ui.tr("users.role"), list(ROLES), format_func=lambda r: ui.tr(f"role.{r}"))
        if st.form_submit_button(ui.tr("users.add"), type="primary"):
            dash.add_user(username.strip(), password, role, actor=ui.actor())
            st.success(ui.tr("users.added", user=username.strip()))
    listed = dash.accounts.list()
    if not listed:
        return
    st.markdown(f"**{ui.tr('users.change')}**")
    c1, c2 = st.columns(2)
    who = c1.selectbox(ui.tr("auth.username"), [a.username for a in listed], key="u_who")
    new_role = c2.selectbox(ui.tr("users.role"), list(ROLES), key="u_role", format_func=lambda r: ui.tr(f"role.{r}"))
    b1, b2, b3 = st.columns(3)
    if b1.button(ui.tr("users.set_role"), help=ui.tr("users.ends_sessions")):
        dash.set_role(who, new_role, actor=ui.actor())
        st.rerun()
    if b2.button(ui.tr("users.unlock"), help=ui.tr("users.unlock_help")):
        dash.unlock_user(who, actor=ui.actor())
        st.toast(ui.tr("users.unlocked", user=who), icon=":material/lock_open:")
    if b3.button(ui.tr("users.remove"), type="secondary", help=ui.tr("users.ends_sessions")):
        dash.remove_user(who, actor=ui.actor())
        st.rerun()
    with st.form("set_password", clear_on_submit=True):
        st.markdown(f"**{ui.tr('users.new_password', user=who)}**")
        new_password = st.text_input(ui.tr("auth.password"), type="password", max_chars=1000,
                                     autocomplete="new-password", help=ui.tr("users.password_help"))
        if st.form_submit_button(ui.tr("users.set_password"), help=ui.tr("users.ends_sessions")):
            dash.set_password(who, new_password, actor=ui.actor())
            st.success(ui.tr("users.password_set", user=who))


ui.guarded(render)
