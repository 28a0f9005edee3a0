"""Användare (admin): local accounts — list, add, change role, set a password, unlock, remove. All audited; a role
change, a new password and removal end the user's sessions at once."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.auth import ROLES


def render() -> None:
    ui.require("users")
    st.title(ui.tr("users.title"))
    dash = ui.dashboard()
    if ui.is_demo():  # accounts made in the sandbox would outlive it: the first administrator is the way in
        st.info(ui.tr("users.demo"), icon=":material/science:")
        st.page_link(ui.SETUP_PAGE, label=ui.tr("setup.link"), icon=":material/admin_panel_settings:")
        return
    listed = dash.accounts.list()
    st.dataframe([{ui.tr("auth.username"): a.username, ui.tr("users.role"): ui.tr(f"role.{a.role}"),
                   ui.tr("users.last_login"): a.last_login, ui.tr("users.locked_until"): a.locked_until}
                  for a in listed], hide_index=True, width="stretch")
    with st.form("add_user", clear_on_submit=True):
        st.subheader(ui.tr("users.add"))
        c1, c2, c3 = st.columns(3)
        username = c1.text_input(ui.tr("auth.username"), max_chars=100)
        password = c2.text_input(ui.tr("auth.password"), type="password", help=ui.tr("users.password_help"),
                                 max_chars=1000, autocomplete="new-password")
        role = c3.selectbox(ui.tr("users.role"), list(ROLES), format_func=lambda r: ui.tr(f"role.{r}"))
        if st.form_submit_button(ui.tr("users.add"), type="primary"):
            dash.add_user(username.strip(), password, role, actor=ui.actor())
            st.success(ui.tr("users.added", user=username.strip()))
    if not listed:
        return
    st.subheader(ui.tr("users.change"))
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
