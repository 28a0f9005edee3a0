"""Användare (admin): local accounts — list, add, change role, remove. Every change is audited."""

from __future__ import annotations

import streamlit as st

import ui
from scenes.auth import ROLES, Accounts


def render() -> None:
    ui.require("users")
    st.title(ui.tr("users.title"))
    accounts = Accounts(ui.dashboard().store)
    listed = accounts.list()
    st.dataframe([{ui.tr("auth.username"): a.username, ui.tr("users.role"): ui.tr(f"role.{a.role}"),
                   ui.tr("users.last_login"): a.last_login, ui.tr("users.locked_until"): a.locked_until}
                  for a in listed], hide_index=True, width="stretch")
    with st.form("add_user", clear_on_submit=True):
        st.subheader(ui.tr("users.add"))
        c1, c2, c3 = st.columns(3)
        username = c1.text_input(ui.tr("auth.username"))
        password = c2.text_input(ui.tr("auth.password"), type="password", help=ui.tr("users.password_help"))
        role = c3.selectbox(ui.tr("users.role"), list(ROLES), format_func=lambda r: ui.tr(f"role.{r}"))
        if st.form_submit_button(ui.tr("users.add"), type="primary"):
            accounts.add(username.strip(), password, role, actor=ui.actor())
            st.success(ui.tr("users.added", user=username.strip()))
    if listed:
        st.subheader(ui.tr("users.change"))
        c1, c2 = st.columns(2)
        who = c1.selectbox(ui.tr("auth.username"), [a.username for a in listed], key="u_who")
        new_role = c2.selectbox(ui.tr("users.role"), list(ROLES), key="u_role",
                                format_func=lambda r: ui.tr(f"role.{r}"))
        b1, b2 = st.columns(2)
        if b1.button(ui.tr("users.set_role")):
            accounts.set_role(who, new_role, actor=ui.actor())
            st.rerun()
        if b2.button(ui.tr("users.remove"), type="secondary"):
            accounts.remove(who, actor=ui.actor())
            st.rerun()


ui.guarded(render)
