"""The floor app served as our app is served: `streamlit run benchmarks/floor_serve.py`.

serve.py serves app.py as an `st.App` whose lifespan starts the warm-up (`scenes.web.warmup`: the libraries every
page needs are imported while the server waits for its first visitor, then frozen out of the collector's walks
unless a visitor came first). The floor is the real app with the map taken
out, so it is served the same way: `benchmarks/floor_app.py` as an `st.App` with the same warm-up. Served any other
way, the floor would pay a cost our app does not, and the ratio against it would flatter us.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from scenes.web.pagebase import PageBaseMiddleware
from scenes.web.routes import routes
from scenes.web.warmup import freeze_unless, start_warm_up


@contextlib.asynccontextmanager
async def _lifespan(_app: object) -> AsyncIterator[None]:
    loop = asyncio.get_running_loop()
    start_warm_up(then=lambda: loop.call_soon_threadsafe(freeze_unless, _has_sessions))
    yield None


def _has_sessions() -> bool:  # as serve.py's has_sessions (importing serve.py would configure and serve app.py)
    try:
        from streamlit.runtime import Runtime

        return bool(Runtime.instance()._session_mgr.num_sessions())
    except Exception:
        return True


# with the app's routes, so the bench waits for the floor's readiness (`GET /api/ready`: warm-up done) as for ours
# and the page's address written into it (`scenes.web.pagebase`), as serve.py does
app = st.App(Path(__file__).resolve().with_name("floor_app.py"), routes=routes(), lifespan=_lifespan,
             middleware=[Middleware(PageBaseMiddleware)])
