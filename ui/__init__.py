"""Streamlit glue: the only place (with app.py and screens/) that imports streamlit.

Pages use the names below as `ui.<name>`. The modules, by concern:

- `ui.cache`: the Dashboard built once per process; reads cached on the store's data version (so a publish shows up
  on every page without a restart). Every cache of the shared modules is defined there, once.
- `ui.lang`: the language choice; text, numbers and dates in it; user text made inert in Markdown.
- `ui.session`: a rerun's facts (`facts`: who is asking, language, what they may see, the data and reference
  versions; resolved once per rerun), sessions and their cookie, roles.
- `ui.errors`: core errors shown the same way everywhere (`guarded`, `show_error`).
- `ui.links`: links and switches to pages by their registry key (`page_link`, `switch_to`); no file paths elsewhere.
- `ui.widgets`: shared widgets (tables and downloads, maps, charts, the goal's status, the demo notice).

These import one another directly and never this package. The page parts, `ui.signin` (the sign-in page),
`ui.map`, `ui.upload`, `ui.impact` and `ui.coordination`, sit beside the pages and use the package through the names
below, as pages do.
"""

from __future__ import annotations

from ui.cache import (
    dashboard,
    data_version,
    favicon,
    impact_figures,
    indicators,
    measures,
    progress,
    protected,
    scenes,
    stats,
    upload_cap_mib,
)
from ui.errors import guarded, show_error
from ui.identity import Who, oidc_configured
from ui.lang import date_format, day, escape_markdown, lang, language_selector, num, tr, when
from ui.links import page_link, switch_to
from ui.session import (
    Facts,
    actor,
    demo_readonly,
    disclosure,
    exact,
    facts,
    fragment,
    is_demo,
    new_run,
    provider_identity,
    require,
    role,
    who,
)
from ui.widgets import (
    comparison_lists,
    county_map,
    demo_notice,
    distinct_labels,
    done,
    download,
    draw_map,
    flash,
    goal_status,
    map_layers,
    scene_details,
    show_facts,
    show_map,
    show_progress_chart,
    show_table,
    table_with_download,
    translated,
    upload_hint,
)

__all__ = [
    "Facts",
    "Who",
    "actor",
    "comparison_lists",
    "county_map",
    "dashboard",
    "data_version",
    "date_format",
    "day",
    "demo_notice",
    "demo_readonly",
    "disclosure",
    "distinct_labels",
    "done",
    "download",
    "draw_map",
    "escape_markdown",
    "exact",
    "facts",
    "favicon",
    "flash",
    "fragment",
    "goal_status",
    "guarded",
    "impact_figures",
    "indicators",
    "is_demo",
    "lang",
    "language_selector",
    "map_layers",
    "measures",
    "new_run",
    "num",
    "oidc_configured",
    "page_link",
    "progress",
    "protected",
    "provider_identity",
    "require",
    "role",
    "scene_details",
    "scenes",
    "show_error",
    "show_facts",
    "show_map",
    "show_progress_chart",
    "show_table",
    "stats",
    "switch_to",
    "table_with_download",
    "tr",
    "translated",
    "upload_cap_mib",
    "upload_hint",
    "when",
    "who",
]
