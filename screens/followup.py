"""Uppföljning: analysts revisit every known scene of a survey in a draft, merge scenes, finish it in a file if they
like, and publish it as the next survey with its lineage (`ui.followup` holds the parts)."""

from __future__ import annotations

import streamlit as st

import ui
from ui import followup as parts
from ui.followup_map import drawing_section


def render() -> None:
    ui.require("followup")
    st.title(ui.tr("followup.title"))
    st.markdown(ui.tr("followup.intro"))
    readonly = ui.demo_readonly()
    ui.flash()
    draft = parts.choose_draft(readonly)
    if draft is None:
        return
    if draft.followup.demo:
        ui.demo_notice()
    parts.progress(draft)
    chosen = parts.scene_list(draft)
    parts.scene_form(draft, chosen, readonly)
    drawing_section(draft, chosen, readonly)
    parts.merge_form(draft, readonly)
    parts.files(draft, readonly)
    parts.review_and_publish(draft, readonly)
    parts.discard(draft, readonly)


ui.guarded(render)
