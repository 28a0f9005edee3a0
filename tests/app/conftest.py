"""Page tests through Streamlit's AppTest: one way to open a page (`open_page`), and the one place page tests learn
a page's file (`PAGE_FILES`, from the page registry), so tests name pages by key and survive a move of the scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import pytest
from streamlit.testing.v1 import AppTest

from scenes.access.pages import registered
from scenes.i18n import t
from scenes.model import Lang
from scenes.settings import PROJECT_ROOT, Settings
from scenes.views.dashboard import Dashboard
from tests.conftest import TEST_PASSWORD

APP = str(PROJECT_ROOT / "app.py")
#: page key -> its script (relative to the project root, as `st.switch_page` takes it)
PAGE_FILES: dict[str, str] = {page.key: page.file for page in registered()}


def says(elements: Iterable[object], key: str, lang: Lang = "sv", **params: object) -> bool:
    """Whether the catalogue's text for `key` in `lang`, filled with `params` (`t(key, lang, **params)`), stands in
    one of `elements` (a page's markdown, info, warning, success or caption elements): a page test checks that the
    page shows that message with those figures, and survives a copy edit in the catalogue. Markdown escapes (the
    backslashes `ui.lang.escape_markdown` puts before specials in user text and numbers) are ignored on both sides.
    """
    text = t(key, lang, **params).replace("\\", "")
    return any(text in str(getattr(e, "value", "")).replace("\\", "") for e in elements)


class OpenPage(Protocol):
    def __call__(self, role: str | None, page: str | None, lang: str | None = None, *, account: str | None = None,
                 token: str | None = None, params: Mapping[str, str] | None = None,
                 state: Mapping[str, object] | None = None) -> AppTest: ...


def _open_page(role: str | None, page: str | None, lang: str | None = None, *, account: str | None = None,
               token: str | None = None, params: Mapping[str, str] | None = None,
               state: Mapping[str, object] | None = None) -> AppTest:
    """app.py, then the page `page` (a registry key; None: the start page), in `lang` (None: no `?lang=` in the
    address, so the app's default) as `role`: the demo's role picker, or with `account` a real account of that name
    and role signed in (a real server-side session, in the store SCENES_STATE_DIR names). Fails on any exception
    and on any error box (`ui.guarded` shows a core error as one): a page that opens shows no error.

    `token`: the session of an account signed in already. `params`: further query parameters of the address (a
    shared link's filters), kept as a link opening that address would keep them. `state`: session-state values
    the reader set before (a panel left open, by its key in `ui.keys`)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if token is not None:  # an account signed in already
        at.session_state["session_token"] = token
    elif account is not None:
        assert role is not None, "an account needs a role"
        dash = Dashboard(Settings.from_env())
        dash.add_user(account, TEST_PASSWORD, role, actor="test-setup")
        at.session_state["session_token"] = dash.sessions.start(account)
    elif role is not None:
        at.session_state["demo_role"] = role
    for name, value in (state or {}).items():
        at.session_state[name] = value
    address = {**({"lang": lang} if lang is not None else {}), **(params or {})}
    for name, value in address.items():
        at.query_params[name] = value
    if page is not None:
        at.run()  # AppTest finds a page registered by st.navigation only after a first run (no pages/ folder)
        at.switch_page(PAGE_FILES[page])
        for name, value in address.items():  # the page's own address: AppTest drops it on a switch between pages
            at.query_params[name] = value
    at.run()
    where = f"{role} {page} {lang}"
    assert list(at.exception) == [], f"{where}: {at.exception}"
    assert [e.value for e in at.error] == [], where
    return at


@pytest.fixture
def open_page() -> OpenPage:
    """Open a page as a reader would: `open_page(role, page, lang)` (see `_open_page`)."""
    return _open_page
