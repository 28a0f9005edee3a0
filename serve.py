"""Start the app: `python serve.py [streamlit run options]`, e.g. `python serve.py --server.port 8501`.

This is `streamlit run app.py` with two differences.

**The app's own HTTP routes.** Streamlit serves through Starlette, and `st.App` adds routes beside its own. The
app's routes (`scenes.web.routes`) set and clear the session cookie from the server, so it can be `HttpOnly`. Started
this way, `streamlit run serve.py` finds the `app = st.App(...)` below and serves it with uvicorn, importing this
file as the module `serve`. (A deployment may equally run `uvicorn serve:app`.)

**The first visitor after a restart.** Streamlit decides, when its first browser session starts, whether the app is
an old-style multipage app: it is if a `pages/` folder sits next to the script. Ours does (the layout keeps every
page there), although app.py builds its navigation itself with `st.navigation`. Until some session has run app.py,
a fresh server therefore serves the folder's file names:
- the first person to open a shared link such as `/karta?kategori=…` gets a "Page not found" dialog over the
  right page (upstream streamlit/streamlit#9992);
- the first person to open `/users` (a file name) gets that file run on its own, without app.py: no sign-in
  form, no menu, a raw list of file names in the sidebar (the page's own role check still refuses).
Setting Streamlit's flag before the server starts makes the first session like every later one.

**A configuration that cannot work stops the start.** `SCENES_ROLE_MAP` and the `[auth]` section of
`.streamlit/secrets.toml` are checked before the server starts (`scenes.web.readiness.config_problems`); a problem is
printed, naming the setting, and the process exits with status 2, so the service manager reports it instead of the
first person to sign in meeting an error page.

This file imports nothing of the app's pages or of the `ui` package: `ui` imports streamlit-folium, whose map
component must be declared inside the running server, not before it starts (declared early, every map stays
blank). `scenes.web.routes` is core code and imports no streamlit. The browser suite checks both cases against a cold
server started this way (`tests/browser/test_cold_start.py`), so an upgrade of Streamlit that renames the flag
fails a test instead of bringing the dialog back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from scenes.errors import ConfigError
from scenes.settings import Settings
from scenes.web.readiness import config_problems, prompt_note
from scenes.web.routes import routes, startup_notes

HERE = Path(__file__).resolve().parent
APP = HERE / "app.py"

# Only st.navigation in app.py defines the pages; `pages/` is where their files live, not a page list.
PagesManager.uses_pages_directory = False


def _auth() -> dict[str, object] | None:
    """Streamlit's `[auth]` section, as a plain dict (None when the organisation's sign-in is not configured)."""
    try:
        section = st.secrets.get("auth")
    except Exception:
        return None
    return section.to_dict() if section is not None and hasattr(section, "to_dict") else None


def checked_settings() -> Settings:
    """The settings, or exit with status 2 and each problem on its own line (the start is refused)."""
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"scenes: configuration error: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None
    problems = config_problems(settings, _auth())
    for problem in problems:
        print(f"scenes: configuration error: {problem}", file=sys.stderr, flush=True)
    if problems:
        print("scenes: the server does not start until this is fixed.", file=sys.stderr, flush=True)
        raise SystemExit(2)
    return settings


def main(argv: list[str] | None = None) -> None:
    checked_settings()
    sys.argv = ["streamlit", "run", str(Path(__file__).resolve()), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
else:  # imported by the server (uvicorn: "serve:app"), once the configuration is loaded
    _settings = checked_settings()
    for line in [*startup_notes(_settings), prompt_note(_auth())]:
        if line:
            print(f"scenes: {line}", file=sys.stderr, flush=True)
    # (a configuration with problems never gets this far, so the readiness route asks only the database)
    app = st.App(APP, routes=routes(str(config.get_option("server.baseUrlPath") or "")))
