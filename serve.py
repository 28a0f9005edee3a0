"""Start the app: `python serve.py [streamlit run options]`, e.g. `python serve.py --server.port 8501`.

This is `streamlit run app.py` with one difference that matters after every restart. Streamlit decides, when its
first browser session starts, whether the app is an old-style multipage app: it is if a `pages/` folder sits next
to the script. Ours does (the layout keeps every page there), although app.py builds its navigation itself with
`st.navigation`. Until some session has run app.py, a fresh server therefore serves the folder's file names:
- the first person to open a shared link such as `/karta?kategori=…` gets a "Page not found" dialog over the
  right page (upstream streamlit/streamlit#9992);
- the first person to open `/users` (a file name) gets that file run on its own, without app.py: no sign-in
  form, no menu, a raw list of file names in the sidebar (the page's own role check still refuses).

Setting Streamlit's flag before the server starts makes the first session like every later one. This file sits
beside app.py and imports nothing of the app: the `ui` package imports streamlit-folium, whose map component must be
declared inside the running server, not before it starts (declared early, every map stays blank). The browser suite
checks both cases against a cold server started this way (`tests/browser/test_cold_start.py`), so an upgrade of
Streamlit that renames the flag fails a test instead of bringing the dialog back.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent / "app.py"


def main(argv: list[str] | None = None) -> None:
    # Only st.navigation in app.py defines the pages; `pages/` is where their files live, not a page list.
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
