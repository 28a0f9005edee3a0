"""The shape of the code: a framework-free core and thin pages."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from scenes.settings import PROJECT_ROOT

UI = PROJECT_ROOT / "ui"  # the Streamlit glue: a package beside app.py and screens/


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def test_import_contracts_cover_the_core() -> None:
    """The layer rules are import-linter contracts (pyproject.toml, [tool.importlinter]; `make lint` runs
    `lint-imports`): the core's layers, ui above the core, the framework-free core (no streamlit) and the frozen
    migrations. Every sub-package and base module of `scenes` sits in a layer, so a new one cannot escape them."""
    contracts = _contracts()
    assert set(contracts) == {"layers", "ui-above-core", "framework-free", "frozen-migrations"}
    assert contracts["framework-free"]["source_modules"] == ["scenes"]
    assert "streamlit" in contracts["framework-free"]["forbidden_modules"]
    assert contracts["frozen-migrations"]["source_modules"] == ["scenes.store.migrations"]
    assert "scenes" in contracts["frozen-migrations"]["forbidden_modules"]
    assert contracts["ui-above-core"]["layers"] == ["ui", "scenes"]
    layered = [name.strip() for layer in contracts["layers"]["layers"] for name in re.split(r"[|:]", layer)]
    core = PROJECT_ROOT / "src" / "scenes"
    modules = {f"scenes.{p.stem}" for p in core.iterdir()
               if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.name != "__init__.py")}
    assert len(layered) == len(set(layered))
    assert set(layered) == modules


def test_import_contracts_are_kept() -> None:
    """`lint-imports` passes: no import breaks a layer, reaches streamlit from the core or leaves the migrations."""
    pytest.importorskip("importlinter")  # a test extra; `make lint` runs the same check
    probe = "import sys; from importlinter.cli import lint_imports_command; sys.argv = ['lint-imports']; " \
            "lint_imports_command()"
    run = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_pages_are_thin() -> None:
    """Pages stay small: logic belongs in the core."""
    long_pages = {p.name: n for p in (PROJECT_ROOT / "screens").glob("*.py")
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > 150}
    assert long_pages == {}


def test_nothing_imports_the_pages() -> None:
    """The pages sit on top: no module of the core or of `ui`, nor app.py, imports one. (`screens/` is not a package,
    so import-linter cannot hold it; the layers below it are its contracts.)"""
    files = [*(PROJECT_ROOT / "src" / "scenes").rglob("*.py"), *UI.rglob("*.py"), PROJECT_ROOT / "app.py"]
    assert [_name(p) for p in files if "screens" in _imports(p)] == []


def test_pages_do_not_reach_around_the_core() -> None:
    """Pages never import SQLAlchemy, folium or geopandas directly."""
    forbidden = {"sqlalchemy", "folium", "geopandas", "shapely"}
    offenders = {p.name: sorted(_imports(p) & forbidden) for p in (PROJECT_ROOT / "screens").glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def _name(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))


def _attributes(path: Path) -> set[str]:
    return {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute)}


def test_pages_never_touch_the_store() -> None:
    """Pages, app.py and the ui modules read and write through the Dashboard only: no `.store`, no `Accounts`."""
    files = [*(PROJECT_ROOT / "screens").glob("*.py"), PROJECT_ROOT / "app.py", *UI.glob("*.py")]
    offenders = {_name(p): sorted(_attributes(p) & {"store", "engine"}) for p in files}
    offenders.update({_name(p) + " (import)": ["Accounts"] for p in files if "Accounts" in p.read_text()})
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_write_names_its_actor() -> None:
    """Every Dashboard and Store method that writes takes `actor` as a required keyword-only argument."""
    import inspect

    from scenes.access.accounts import Accounts
    from scenes.store import Store
    from scenes.views.dashboard import Dashboard

    writers = {
        Dashboard: ["record", "save_reference", "add_user", "remove_user", "set_role", "set_password", "unlock_user",
                    "publish", "rollback", "withdraw", "restore", "remove_demo", "set_goal", "save_seminar",
                    "import_seminars", "save_measure", "import_measures", "save_indicator", "import_indicators",
                    "remove_indicator"],
        Store: ["record", "add_survey", "add_revision", "rollback", "set_withdrawn", "remove_demo_surveys",
                "save_seminars", "set_goal", "start_followup", "save_followup_scenes", "publish_followup",
                "discard_followup"],
        Accounts: ["add", "remove", "set_role", "set_password", "unlock"],
    }
    loose = []
    for cls, names in writers.items():
        for name in names:
            param = inspect.signature(getattr(cls, name)).parameters.get("actor")
            if param is None or param.kind is not param.KEYWORD_ONLY or param.default is not param.empty:
                loose.append(f"{cls.__name__}.{name}")
    assert loose == []


def test_dashboard_is_the_exported_entry_point() -> None:
    """`scenes.Dashboard` is the core object pages and CLI use, exported from the package; importing `scenes`
    alone does not load it (and the store and GeoPandas with it)."""
    import scenes
    from scenes.views.dashboard import Dashboard

    assert scenes.Dashboard is Dashboard
    assert "Dashboard" in scenes.__all__
    probe = "import sys, scenes; print('scenes.views.dashboard' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
    users = [UI / "cache.py", UI / "upload.py", PROJECT_ROOT / "src" / "scenes" / "cli" / "__init__.py"]
    assert [p.name for p in users if "from scenes import Dashboard" not in p.read_text(encoding="utf-8")] == []


def test_the_store_is_a_package_of_parts() -> None:
    """One Store object made of its parts; the parts import the schema and the base, never each other's tables
    through the package (no import cycle back into `scenes.store`)."""
    from scenes.store import Store
    from scenes.store.base import StoreBase
    from scenes.store.goal import SettingsStore
    from scenes.store.measures import MeasureStore
    from scenes.store.reference import ReferenceStore
    from scenes.store.surveys import SurveyStore

    assert {SurveyStore, SettingsStore, ReferenceStore, MeasureStore, StoreBase} <= set(Store.__mro__)
    package = PROJECT_ROOT / "src" / "scenes" / "store"
    # backup.py is not a part: it works on the whole Store (dump and restore), so it imports the package
    tree = {p.name: ast.parse(p.read_text(encoding="utf-8")) for p in package.glob("*.py")
            if p.name not in {"__init__.py", "backup.py"}}
    cyclic = [name for name, module in tree.items() for node in ast.walk(module)
              if isinstance(node, ast.ImportFrom) and node.module == "scenes.store"]
    assert cyclic == []


def test_every_page_is_registered_once() -> None:
    """The page registry (`scenes.access.pages`) and `screens/` agree: every file there is registered, every registered
    file
    exists; keys, files and addresses are unique; titles are catalogue keys; each page's action is in the role
    matrix."""
    from scenes.access.auth import ACTIONS
    from scenes.access.pages import PAGES, registered
    from scenes.i18n import CATALOGUE

    files = {p.relative_to(PROJECT_ROOT).as_posix() for p in (PROJECT_ROOT / "screens").glob("*.py")}
    pages = registered()
    assert sorted(p.file for p in pages) == sorted(files)
    for attribute in ("key", "file", "url_path"):
        values = [getattr(p, attribute) for p in pages]
        assert len(values) == len(set(values)), attribute
    assert [p.title_key for p in pages if p.title_key not in CATALOGUE] == []
    assert [p.key for p in PAGES.values() if p.action not in ACTIONS] == []
    assert all(key == page.key for key, page in PAGES.items())


def test_app_and_auth_use_the_page_registry() -> None:
    """app.py and scenes.access.auth hold no page list of their own: both take the registry's."""
    import scenes.access.auth
    import scenes.access.pages

    assert scenes.access.auth.PAGES is scenes.access.pages.PAGES
    app = (PROJECT_ROOT / "app.py").read_text(encoding="utf-8")
    assert "from scenes.access.pages import" in app
    assert [p.file for p in scenes.access.pages.registered() if f'"{p.file}"' in app] == []


def test_ui_modules_do_not_import_their_package() -> None:
    """The shared ui modules import one another, never the `ui` package that re-exports them (no import cycle);
    only the page parts (sign-in page, map and its address, upload, impact, coordination, entry-page and follow-up
    parts, and the follow-up map) use the package's names, as pages do."""
    page_parts = {"__init__.py", "signin.py", "map.py", "map_address.py", "upload.py", "impact.py", "coordination.py",
                  "records.py", "followup.py", "followup_map.py"}
    shared = [p for p in UI.glob("*.py") if p.name not in page_parts]
    assert sorted(p.name for p in shared) == ["cache.py", "errors.py", "frame_layers.py", "identity.py", "keys.py",
                                             "lang.py", "links.py", "session.py", "widgets.py"]
    facade = {p.name for p in shared for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
              if (isinstance(node, ast.Import) and any(a.name == "ui" for a in node.names))
              or (isinstance(node, ast.ImportFrom) and node.module == "ui")}
    assert facade == set()


def test_caches_live_in_modules_not_scripts() -> None:
    """Streamlit re-executes app.py and the pages on every rerun: their caches belong in the ui modules, which are
    imported once."""
    scripts = [*(PROJECT_ROOT / "screens").glob("*.py"), PROJECT_ROOT / "app.py"]
    offenders = {_name(p): sorted(_attributes(p) & {"cache_data", "cache_resource"}) for p in scripts}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_mypy_checks_the_streamlit_side() -> None:
    """mypy (strict; `make typecheck` runs it without arguments) checks the ui package, the pages and app.py as well
    as the core."""
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert {"src/scenes", "ui", "screens", "app.py", "serve.py"} <= set(config["files"])
    assert [f for f in config["files"] if not (PROJECT_ROOT / f).exists()] == []


def test_fragments_and_downloads_ask_who_is_asking() -> None:
    """A fragment's rerun and a download's click do not run app.py. Every fragment is made by `ui.fragment` and
    every download by `ui.download`, which ask again (`ui.session.recheck`, `ui.session.download_data`): no other
    module calls `st.fragment`, `download_button` or the Streamlit internals they wrap."""
    files = [*(PROJECT_ROOT / "screens").glob("*.py"), PROJECT_ROOT / "app.py", *UI.glob("*.py")]

    def calls(path: Path, name: str) -> bool:  # st.fragment (not ui.fragment); any .download_button
        return any(isinstance(node, ast.Attribute) and node.attr == name
                   and (name != "fragment" or (isinstance(node.value, ast.Name) and node.value.id == "st"))
                   for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))

    places = {"fragment": {"ui/session.py"}, "download_button": {"ui/widgets.py"}}
    assert {name: {_name(p) for p in files if calls(p, name)} for name in places} == places
    assert "ui.fragment" in (PROJECT_ROOT / "screens" / "map.py").read_text(encoding="utf-8")
