"""The shape of the code: a framework-free core and thin pages."""

from __future__ import annotations

import ast
from pathlib import Path

from scenes.settings import PROJECT_ROOT


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_streamlit() -> None:
    """No module of src/scenes imports streamlit: the core runs without the UI framework."""
    offenders = [p.name for p in (PROJECT_ROOT / "src" / "scenes").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_pages_are_thin() -> None:
    """Pages stay small: logic belongs in the core."""
    long_pages = {p.name: n for p in (PROJECT_ROOT / "pages").glob("*.py")
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > 150}
    assert long_pages == {}


def test_pages_do_not_reach_around_the_core() -> None:
    """Pages never import SQLAlchemy, folium or geopandas directly."""
    forbidden = {"sqlalchemy", "folium", "geopandas", "shapely"}
    offenders = {p.name: sorted(_imports(p) & forbidden) for p in (PROJECT_ROOT / "pages").glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}
