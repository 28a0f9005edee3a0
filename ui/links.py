"""Links and switches to the app's pages, by their key in the page registry (`scenes.access.pages`).

No page's file path is written anywhere else in the Streamlit side (a test checks it): a page moves by changing the
registry, and a link to a page that does not exist fails at once with a KeyError naming the key.
"""

from __future__ import annotations

import streamlit as st

from scenes.access.pages import Page, registered
from ui.lang import tr

__all__ = ["page", "page_link", "switch_to"]

_BY_KEY = {p.key: p for p in registered()}


def page(key: str) -> Page:
    """The registered page `key` (the menu's, the setup page or the accessibility statement)."""
    return _BY_KEY[key]


def page_link(key: str, *, label: str | None = None, icon: str | None = None,
              query_params: dict[str, str] | None = None, sidebar: bool = False) -> None:
    """A link to page `key`: by default its menu title and icon; in the sidebar when `sidebar`."""
    target = page(key)
    where = st.sidebar if sidebar else st
    where.page_link(target.file, label=label if label is not None else tr(target.title_key),
                    icon=icon if icon is not None else target.icon, query_params=query_params)


def switch_to(key: str, *, query_params: dict[str, str] | None = None) -> None:
    """Go to page `key` now (Streamlit stops this run), with the query parameters given."""
    st.switch_page(page(key).file, query_params=query_params)
