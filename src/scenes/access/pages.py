"""The one page registry: every page of the app with its file, title, icon, address and the least role that may
open it.

`app.py` builds the navigation from it (title, icon, address), and `scenes.access.auth` decides access by it
(`allowed_pages`, `require`); a test checks that every file in `screens/` is registered and every registered file
exists. The file paths are relative to the project root, as Streamlit's `st.Page` and `st.switch_page` take them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACCESSIBILITY", "PAGES", "SETUP", "Page", "registered"]


@dataclass(frozen=True)
class Page:
    """One page: `key` is what `require` and the role matrix name it by; `title_key` its catalogue entry."""

    key: str
    file: str
    title_key: str
    icon: str
    url_path: str
    least_role: str | None = None  # None: anyone may open it, signed in or not


#: the menu's pages, in menu order, by key; the role decides which of them are offered
PAGES: dict[str, Page] = {p.key: p for p in (
    Page("overview", "screens/overview.py", "nav.overview", ":material/dashboard:", "oversikt", "deltagare"),
    Page("map", "screens/map.py", "nav.map", ":material/map:", "karta", "deltagare"),
    Page("progress", "screens/progress.py", "nav.progress", ":material/trending_down:", "utveckling", "deltagare"),
    Page("seminars", "screens/seminars.py", "nav.seminars", ":material/event:", "seminarier", "deltagare"),
    Page("coordination", "screens/coordination.py", "coord.nav", ":material/hub:", "samordning", "deltagare"),
    Page("goal", "screens/goal.py", "nav.goal", ":material/flag:", "mal", "styrgrupp"),
    Page("upload", "screens/upload.py", "nav.upload", ":material/upload_file:", "ladda-upp", "analytiker"),
    Page("history", "screens/history.py", "nav.history", ":material/history:", "historik", "analytiker"),
    Page("measures", "screens/measures.py", "measures.nav", ":material/construction:", "atgarder", "analytiker"),
    Page("indicators", "screens/indicators.py", "indicators.nav", ":material/query_stats:", "indikatorer",
         "analytiker"),
    Page("users", "screens/users.py", "nav.users", ":material/group:", "anvandare", "admin"),
    Page("reference", "screens/reference.py", "nav.reference", ":material/table_edit:", "referenstabeller", "admin"),
)}

#: the way out of the demo (creating the first administrator with the setup code): open to anyone, in the menu
#: only during the demo, afterwards still at its address
SETUP = Page("setup", "screens/setup.py", "setup.nav", ":material/admin_panel_settings:", "starta-skarp-drift")


#: the accessibility statement (tillgänglighetsredogörelse, required of a public body's web service by the DOS law):
#: open to anyone, signed in or not, linked from the sidebar of every page
ACCESSIBILITY = Page("accessibility", "screens/accessibility.py", "a11y.nav", ":material/accessibility_new:",
                     "tillganglighet")


def registered() -> list[Page]:
    """Every registered page: the menu's, then the setup page and the accessibility statement."""
    return [*PAGES.values(), SETUP, ACCESSIBILITY]
