"""The floor app served as our app is served: `streamlit run benchmarks/floor_serve.py`.

serve.py serves app.py as an `st.App` whose lifespan starts the warm-up (`scenes.web.warmup`: the libraries every
page needs are imported while the server waits for its first visitor). The floor is the real app with the map taken
out, so it is served the same way: `benchmarks/floor_app.py` as an `st.App` with the same warm-up. Served any other
way, the floor would pay a cost our app does not, and the ratio against it would flatter us.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import streamlit as st

from scenes.web.warmup import start_warm_up


@contextlib.asynccontextmanager
async def _lifespan(_app: object) -> AsyncIterator[None]:
    start_warm_up()
    yield None


app = st.App(Path(__file__).resolve().with_name("floor_app.py"), lifespan=_lifespan)
