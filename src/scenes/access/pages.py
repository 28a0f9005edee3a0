"""The one page registry: every page of the app with its file, title, icon, address and the action that opens it.

`app.py` builds the navigation from it (title, icon, address), `ui.links` links and switches to pages by their key
through it (no file path elsewhere), and `scenes.access.auth` decides access by it: a page opens for the roles that
may do its action in the role matrix (`auth.ACTIONS`), so page access and actions are one table. A test checks that
every file in `screens/` is registered and every registered file exists. The file paths are relative to the project
root, as Streamlit's `st.Page` and `st.switch_page` take them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the role matrix imports this registry; the registry only names its actions
    from scenes.access.auth import Action

__all__ = ["ACCESSIBILITY", "PAGES", "SETUP", "Page", "registered"]


@dataclass(frozen=True)
class Page:
    """One page: `key` is what `require` and links name it by; `title_key` its catalogue entry; `action` the role
    matrix's action that opens it."""

    key: str
    file: str
    title_key: str
    icon: str
    url_path: str
    action: Action | None = None  # None: anyone may open it, signed in or not


#: the menu's pages, in menu order, by key; the role decides which of them are offered
PAGES: dict[str, Page] = {p.key: p for p in (
    Page("overview", "screens/overview.py", "nav.overview", ":material/dashboard:", "oversikt", "view"),
    Page("map", "screens/map.py", "nav.map", ":material/map:", "karta", "view"),
    Page("progress", "screens/progress.py", "nav.progress", ":material/trending_down:", "utveckling", "view"),
    Page("seminars", "screens/seminars.py", "nav.seminars", ":material/event:", "seminarier", "view"),
    Page("coordination", "screens/coordination.py", "coord.nav", ":material/hub:", "samordning", "view"),
    Page("goal", "screens/goal.py", "nav.goal", ":material/flag:", "mal", "edit_goal"),
    Page("upload", "screens/upload.py", "nav.upload", ":material/upload_file:", "ladda-upp", "publish"),
    Page("followup", "screens/followup.py", "followup.nav", ":material/fact_check:", "uppfoljning", "publish"),
    Page("history", "screens/history.py", "nav.history", ":material/history:", "historik", "rollback"),
    Page("measures", "screens/measures.py", "measures.nav", ":material/construction:", "atgarder", "edit_entries"),
    Page("indicators", "screens/indicators.py", "indicators.nav", ":material/query_stats:", "indikatorer",
         "edit_entries"),
    Page("users", "screens/users.py", "nav.users", ":material/group:", "anvandare", "manage_users"),
    Page("reference", "screens/reference.py", "nav.reference", ":material/table_edit:", "referenstabeller",
         "edit_reference"),
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
