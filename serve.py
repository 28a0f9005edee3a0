"""Start the app: `python serve.py [streamlit run options]`, e.g. `python serve.py --server.port 8501`.

This is `streamlit run app.py` with two differences.

**The app's own HTTP routes.** Streamlit serves through Starlette, and `st.App` adds routes beside its own. The
app's routes (`scenes.web.routes`) set and clear the session cookie from the server, so it can be `HttpOnly`. Started
this way, `streamlit run serve.py` finds the `app = st.App(...)` below and serves it with uvicorn, importing this
file as the module `serve`. (A deployment may equally run `uvicorn serve:app`.)

**The first visitor does not wait for the libraries.** The server's lifespan starts importing the heavy libraries
the first page needs (pandas, GeoPandas, folium, …) in a background thread (`scenes.web.warmup`), so they are loaded
while the server waits for its first visitor. When they are, and no visitor's session exists yet, what they made is
frozen out of the garbage collector's walks (`freeze_unless`, asked on the event loop: the module doc says why), so
the full collection Streamlit runs after every script run takes milliseconds instead of a tenth of a second.

**A page opened at its own address connects at once.** Streamlit's page, opened at `/karta` (a shared link, a
reload), first looked for its server at `/karta/_stcore/…` and waited after two 404s; `scenes.web.pagebase` writes
the server's address into the page's HTML (middleware of the `st.App`), about 0.1 s of every such visit.

**A configuration that cannot work stops the start.** `SCENES_ROLE_MAP` and the `[auth]` section of
`.streamlit/secrets.toml` are checked before the server starts (`scenes.web.readiness.config_problems`); a problem is
printed, naming the setting, and the process exits with status 2, so the service manager reports it instead of the
first person to sign in meeting an error page.

This file imports nothing of the app's pages or of the `ui` package: `ui` imports streamlit-folium, whose map
component must be declared inside the running server, not before it starts (declared early, every map stays
blank). `scenes.web.routes` is core code and imports no streamlit.

**Why the page files are in `screens/`.** Streamlit treats the app as an old-style multipage app when a `pages/`
folder sits next to the script, and until some session has run app.py a fresh server would then serve that folder's
file names: the first person to open a shared link such as `/karta?kategori=…` got a "Page not found" dialog
(upstream streamlit/streamlit#9992), the first to open `/users` got that file run without app.py. The page files
therefore live in `screens/`, a name Streamlit does not look for: only `st.navigation` in app.py defines the pages,
from the first session on, with no private Streamlit flag. The browser suite opens both addresses, and draws the
map, first on a cold server started this way (`tests/browser/test_cold_start.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from streamlit import config
from streamlit.web import cli

from scenes.errors import ConfigError
from scenes.settings import Settings
from scenes.web.pagebase import PageBaseMiddleware
from scenes.web.readiness import config_problems, prompt_note
from scenes.web.routes import routes, startup_notes
from scenes.web.warmup import freeze_unless, start_warm_up

HERE = Path(__file__).resolve().parent
APP = HERE / "app.py"


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


def has_sessions() -> bool:
    """Whether the server holds any visitor's session (connected, or kept for a reconnect). Called on the event
    loop. An answer it cannot get (a Streamlit whose internals moved) counts as yes: nothing is frozen."""
    try:
        from streamlit.runtime import Runtime

        return bool(Runtime.instance()._session_mgr.num_sessions())
    except Exception:
        return True


@contextlib.asynccontextmanager
async def _lifespan(_app: object) -> AsyncIterator[None]:
    """While the server waits for its first visitor, the libraries the first page needs are imported
    (`scenes.web.warmup`); then, on this event loop, frozen unless a visitor came first."""
    loop = asyncio.get_running_loop()
    start_warm_up(then=lambda: loop.call_soon_threadsafe(_freeze))
    yield None


def _freeze() -> None:
    frozen = freeze_unless(has_sessions)
    print(f"scenes: libraries loaded; {frozen} long-lived objects frozen" if frozen else
          "scenes: libraries loaded; not frozen (a visitor came first)", file=sys.stderr, flush=True)


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
    _base = str(config.get_option("server.baseUrlPath") or "")
    app = st.App(APP, routes=routes(_base), lifespan=_lifespan,
                 middleware=[Middleware(PageBaseMiddleware, base_url_path=_base)])
