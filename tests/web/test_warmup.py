"""The libraries the first page needs are imported while the server waits (`scenes.web.warmup`), and the app's
script waits for that before importing anything itself."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

from scenes.settings import PROJECT_ROOT
from scenes.web import warmup


def test_warm_up_imports_the_libraries_in_a_fresh_process() -> None:
    """In a fresh interpreter none of the heavy libraries is loaded; after `warm_up` every one is."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(PROJECT_ROOT / "src")!r})
        from scenes.web.warmup import LIBRARIES, start_warm_up, wait_for_warm_up
        before = [m for m in LIBRARIES if m in sys.modules]
        start_warm_up()
        wait_for_warm_up()
        after = [m for m in LIBRARIES if m not in sys.modules]
        print(before, after)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    before, missing = out.stdout.strip().split("] [")
    assert "pandas" not in before, out.stdout
    assert "geopandas" not in before, out.stdout
    assert missing.strip("[]") == "", out.stdout


def test_a_library_that_fails_is_reported_and_skipped() -> None:
    """A module that cannot be imported does not stop the warm-up (the page that needs it reports it)."""
    failed: list[str] = []
    warmup.warm_up(["scenes_no_such_module", "json"], on_error=lambda name, _exc: failed.append(name))
    assert failed == ["scenes_no_such_module"]
    assert sys.getswitchinterval() != warmup.SWITCH_INTERVAL  # restored afterwards


def test_the_app_waits_for_the_warm_up_before_its_first_import() -> None:
    """app.py's first statements: the `__future__` import, the warm-up's import, the wait; only then the rest."""
    tree = ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))
    body = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert ast.unparse(body[0]) == "from __future__ import annotations"
    assert ast.unparse(body[1]) == "from scenes.web.warmup import wait_for_warm_up"
    assert ast.unparse(body[2]) == "wait_for_warm_up()"


def test_the_server_starts_the_warm_up() -> None:
    """serve.py's `st.App` has a lifespan, and that lifespan starts the warm-up (the deployment's
    `uvicorn serve:app` and `make run` both go through it)."""
    tree = ast.parse((PROJECT_ROOT / "serve.py").read_text(encoding="utf-8"))
    apps = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "st.App"]
    assert [ast.unparse(k.value) for a in apps for k in a.keywords if k.arg == "lifespan"] == ["_lifespan"]
    lifespan = next(n for n in tree.body if isinstance(n, ast.AsyncFunctionDef) and n.name == "_lifespan")
    assert "start_warm_up()" in [ast.unparse(n) for n in ast.walk(lifespan) if isinstance(n, ast.Call)]
