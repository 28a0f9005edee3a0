"""Every `st.session_state` key the app reads or writes, named once, with its owner (the page or part that writes
it); the interface between pages and their parts.

Elsewhere a key is always one of these names (a test fails on a string key given to `st.session_state` anywhere
else in ui/, screens/ or app.py). A widget whose value is read through the session state takes its `key=` from
here too. Keys that vary with a name (one per table, per column, per measure) are made by the functions at the end,
each a registered family. `OWNERS` maps every key (and family prefix) to its owner.
"""

from __future__ import annotations

__all__ = ["OWNERS"]  # the names below are used as `keys.<NAME>`

#: key (or family prefix, ending in "_") -> the page or part that writes it
OWNERS: dict[str, str] = {}


def _key(name: str, owner: str) -> str:
    if name in OWNERS:
        raise ValueError(f"session key {name!r} is named twice")
    OWNERS[name] = owner
    return name


# -- every page: language, what a write did ----------------------------------------------------------------------
LANG = _key("lang", "ui.lang: the language chosen (sv/en)")
DONE = _key("ui_done", "ui.widgets.done: what the last write did, until flash() has shown it")

# -- who is asking, the session and its cookie (ui.session, ui.signin) ---------------------------------------------
RUN = _key("_run", "ui.session.new_run: the number of this run")
FACTS = _key("_facts", "ui.session.facts: this run's facts (who is asking, language, disclosure, versions)")
FACTS_RUN = _key("_facts_run", "ui.session.facts: the run `FACTS` was resolved in")
SESSION_TOKEN = _key("session_token", "ui.session: this tab's session token")
DEAD_TOKEN = _key("dead_token", "ui.session: a token that ended (never used again)")
CLEAR_COOKIE = _key("clear_cookie", "ui.session: the cookie is to be cleared by the server")
EXPIRED = _key("expired", "ui.session: the session expired (the sign-in page says so)")
NOTICE = _key("notice", "ui.session.sign_out / ui.signin: the notice the sign-in page shows")
IDENTITY_KEY = _key("identity_key", "ui.session: the provider (OIDC) identity's session key")
REFUSED_IDENTITY = _key("refused_identity", "ui.session: a provider identity refused, and why")
PROVIDER_ROLE = _key("provider_role", "ui.session: the provider identity's role")
PROVIDER_NAME = _key("provider_name", "ui.session: the provider identity's user name")
PROVIDER_LOGOUT = _key("provider_logout", "ui.session.sign_out: leave the provider as well")
LEFT_PROVIDER = _key("left_provider", "ui.identity.leave_provider: the identity already left")
FRESH_SIGN_IN = _key("fresh_sign_in", "ui.session: just signed in through the provider (ui.signin.landing)")
COOKIE_CODE = _key("cookie_code", "ui.identity.sync_cookie: the one-time code handed to the cookie route")
COOKIE_CODE_FOR = _key("cookie_code_for", "ui.identity.sync_cookie: the token the code is for")
COOKIE_CODE_UNTIL = _key("cookie_code_until", "ui.identity.sync_cookie: when the code runs out")
DEMO_ROLE = _key("demo_role", "ui.signin.identity_sidebar: the role tried in the demo (its selectbox)")

# -- Karta (ui.map, screens/map.py) ------------------------------------------------------------------------------
MAP_PRESET = _key("_map_preset", "ui.map: the link's parameters last copied into the widgets")
F_SURVEY = _key("f_survey", "ui.map.time_control: the survey shown")
F_COMPARE = _key("f_compare", "ui.map: the survey compared with")
F_MEASURE = _key("f_measure", "ui.map: the shading measure")
F_PAIR = _key("f_pair", "ui.map: the two maps side by side")
F_ONGOING = _key("f_ongoing", "ui.map: mark scenes with an ongoing measure")
F_KOMMUN = _key("f_kommun", "ui.map: the municipality filter")
F_LPO = _key("f_lpo", "ui.map: the police-area filter")
F_KATEGORI = _key("f_kategori", "ui.map: the category filter")
F_STATUS = _key("f_status", "ui.map: the status filter")
PRESENT = _key("present", "ui.map.presentation: presentation mode")
MAP_FILTERS = _key("map_filters", "ui.map.filter_panel: the Urval expander")
MAP_FILTERS_OPEN = _key("_map_filters_open", "ui.map.filter_panel: whether the reader left Urval open")
SCENE_TABLE = _key("scene_table", "page map: the scene table (its selection)")
SCENE_TABLE_OPEN = _key("scene_table_open", "ui.map.table_and_downloads: the folded scene table (open or not)")
SCENE_MAP = _key("scene_map", "page map: the map component (its last click)")
SEL_CLICK = _key("_sel_click", "ui.map.selection: the map click last seen")
SEL_ROWS = _key("_sel_rows", "ui.map.selection: the table rows last seen")
SEL = _key("_sel", "ui.map.selection: the scene chosen on map or table")
MAP_FIT = _key("_map_fit", "ui.map.fitting: the box the map was last fitted to (extent, box, closest zoom, nonce)")

# -- Samordning (ui.coordination) --------------------------------------------------------------------------------
COORD_PRESET = _key("_coord_preset", "ui.coordination: the link's parameters last copied into the widgets")
C_KOMMUN = _key("c_kommun", "ui.coordination: the municipality filter")
C_LPO = _key("c_lpo", "ui.coordination: the police-area filter")
C_KATEGORI = _key("c_kategori", "ui.coordination: the category filter")
C_TYP = _key("c_typ", "ui.coordination: the measure-kind filter")
C_STATUS = _key("c_status", "ui.coordination: the measure-status filter")
C_AKTOR = _key("c_aktor", "ui.coordination: the actor filter")
C_SURVEY = _key("c_survey", "ui.coordination.survey: the survey chosen")
C_ORG = _key("c_org", "page coordination: the organisation looked at")
C_SCEN = _key("c_scen", "page coordination: the scene looked at")

# -- Ladda upp (ui.upload, screens/upload.py) ----------------------------------------------------------------------
UP_CORRECTED = _key("up_corrected", "ui.upload.apply: the file with the applied suggestions")
UP_UNKNOWN = _key("up_unknown", "ui.upload.column_mapping: the file's unknown headers")
UP_SHEET = _key("up_sheet", "page upload: the workbook's sheet chosen")

# -- Åtgärder (page measures) --------------------------------------------------------------------------------
M_NEXT = _key("m_next", "page measures: the measure to choose after a save (None: a new one)")
M_FRESH = _key("m_fresh", "page measures: counts saves, so the form starts empty after each")
M_CHOICE = _key("m_choice", "page measures: the measure chosen for editing (its selectbox)")

# -- Användare (page users) ------------------------------------------------------------------------------------
U_PENDING = _key("u_pending", "page users: the write waiting for its confirmation (action, user, role)")

# -- Uppföljning (page followup) ---------------------------------------------------------------------------------
FU_DRAFT = _key("fu_draft", "page followup: the draft chosen (its selectbox; also ?utkast= in the address)")
FU_SCENE = _key("fu_scene", "page followup: the scene chosen for its form (its selectbox)")
FU_LINKED = _key("fu_linked", "page followup: the scene last written to the address (?scen=): a new one is a link")
FU_VISITS = _key("fu_visits", "page followup: the visits the list shows (its filter)")
FU_MUNICIPALITIES = _key("fu_municipalities", "page followup: the municipalities the list shows (its filter)")
FU_DRAW_MODE = _key("fu_draw_mode", "page followup: what the map draws (redraw the scene, a new scene, a split)")
FU_DRAW_NONCE = _key("fu_draw_nonce", "page followup: counts this session's saved drawings (each a fresh map)")
FU_REFUSAL = _key("fu_refusal", "page followup: the last drawing refused (its map, what was drawn, the refusal)")
FU_POLICE_AREAS = _key("fu_police_areas", "page followup: the police areas the list shows (its filter)")
FU_WORKLIST_BY = _key("fu_worklist_by", "page followup: the progress table per municipality or police area")
FU_REVIEW = _key("fu_review", "page followup: the last review (draft, its edit count, name, date) and its result")

# -- families: one key per name ------------------------------------------------------------------------------------
_key("map_", "ui.upload.column_mapping: the column a file's unknown header is mapped to (one per header)")
_key("m_shown_", "page measures: the version of a measure the form showed (one per measure)")
_key("fu_shown_", "page followup: a draft scene as its form showed it (one per draft and scene)")
_key("fu_map_", "page followup: a drawing map (one per draft, mode, scene, version shown and saved drawing)")
_key("ref_based_on_", "page reference: the version a table's editor started from (one per table)")


def column_mapping(header: str) -> str:
    """The upload's mapping of one unknown header (its selectbox)."""
    return f"map_{header}"


def measure_shown(measure: str) -> str:
    """The version of measure `measure` ("new" for a new one) the form showed."""
    return f"m_shown_{measure}"


def reference_based_on(table: str) -> str:
    """The version of reference table `table` its editor started from."""
    return f"ref_based_on_{table}"


def followup_shown(followup_id: str, scene_id: str) -> str:
    """A draft scene as its form showed it (its version: a save on top of a newer one is refused)."""
    return f"fu_shown_{followup_id}/{scene_id}"


def followup_map(followup_id: str, mode: str, scene_id: str, version: int, nonce: int) -> str:
    """A drawing map of the follow-up page: a new scene, mode, version or saved drawing is a fresh map (and text)."""
    return f"fu_map_{followup_id}/{mode}/{scene_id}/{version}/{nonce}"
