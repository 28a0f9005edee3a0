"""Starta skarp drift: leave the demo sandbox by creating the first administrator with the server's setup code."""

from __future__ import annotations

import streamlit as st

import ui
from ui import keys, signin


def render() -> None:
    # with the organisation's sign-in there is no first administrator to create: real use is simply started
    st.title(ui.tr("setup.nav" if ui.oidc_configured() else "setup.title"))
    if not ui.dashboard().demo_mode():
        st.info(ui.tr("setup.done"), icon=":material/check_circle:")
        return
    if ui.oidc_configured():  # the sandbox behind the organisation's sign-in: an administrator starts real use
        st.markdown(ui.tr("setup.oidc_intro"))
        name = ui.provider_identity()
        if name is None or st.session_state.get(keys.PROVIDER_ROLE) != "admin":
            st.info(ui.tr("setup.admin_only"), icon=":material/info:")
            return
        if st.button(ui.tr("setup.start"), type="primary", icon=":material/admin_panel_settings:"):
            ui.dashboard().start_real_use(actor=name)
            ui.switch_to("overview")
        return
    st.markdown(ui.tr("setup.demo_intro"))
    if signin.first_admin_form("setup", ui.tr("setup.create")):
        ui.done(ui.tr("setup.created"), then="overview")  # as the administrator now: Användare is in the menu


ui.guarded(render)
