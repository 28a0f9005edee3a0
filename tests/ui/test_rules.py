"""Rules the Streamlit side keeps once: session-state keys named in `ui.keys`, pages linked by their registry key
(`ui.links`), and every write reported through `ui.done`. Read from the source (AST), over ui/, screens/ and app.py."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from scenes.access.pages import registered
from scenes.settings import PROJECT_ROOT
from ui import keys, links

FILES = [*(PROJECT_ROOT / "ui").glob("*.py"), *(PROJECT_ROOT / "screens").glob("*.py"), PROJECT_ROOT / "app.py"]


def _name(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix()


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _is_session_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def _is_literal(node: ast.AST) -> bool:
    return isinstance(node, (ast.JoinedStr, ast.Constant)) and (not isinstance(node, ast.Constant)
                                                                 or isinstance(node.value, str))


def raw_session_keys(tree: ast.Module) -> list[int]:
    """Lines where a string (or f-string) is used as a session-state key: `st.session_state["x"]`,
    `.get/.pop/.setdefault("x")`, `"x" in st.session_state`, and the same through an alias (`get = ….get`)."""
    aliases = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Attribute) and _is_session_state(node.value.value)
               for t in node.targets if isinstance(t, ast.Name)}

    def raw(node: ast.AST) -> bool:
        if isinstance(node, ast.Subscript):
            return _is_session_state(node.value) and _is_literal(node.slice)
        if isinstance(node, ast.Call):
            return bool(node.args) and _is_literal(node.args[0]) and (
                (isinstance(node.func, ast.Attribute) and _is_session_state(node.func.value))
                or (isinstance(node.func, ast.Name) and node.func.id in aliases))
        if isinstance(node, ast.Compare):
            return _is_literal(node.left) and any(_is_session_state(c) for c in node.comparators)
        return False

    return [node.lineno for node in ast.walk(tree) if raw(node)]


def test_session_state_keys_are_named_in_one_module() -> None:
    """No string key is given to `st.session_state` outside `ui.keys`: every key has its name and owner there."""
    found = {_name(p): raw_session_keys(_tree(p)) for p in FILES if p.name != "keys.py"}
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("source", [
    'st.session_state["x"] = 1', 'st.session_state.get("x")', 'del st.session_state[f"a_{b}"]',
    '"x" in st.session_state', 'get = st.session_state.get\nget("x")', 'st.session_state.pop("x", None)',
])
def test_the_session_key_rule_sees_a_raw_key(source: str) -> None:
    assert raw_session_keys(ast.parse(source)) != []
    assert raw_session_keys(ast.parse(source.replace('"x"', "keys.X").replace('f"a_{b}"', "keys.a(b)"))) == []


def test_every_session_key_has_an_owner() -> None:
    """Each name of `ui.keys` is registered once with the page or part that writes it (families by prefix)."""
    names = {v for n, v in vars(keys).items() if n.isupper() and isinstance(v, str)}
    assert names <= set(keys.OWNERS)
    assert all(owner.strip() for owner in keys.OWNERS.values())
    assert keys.measure_shown("m1").startswith(tuple(k for k in keys.OWNERS if k.endswith("_")))
    assert keys.reference_based_on("actors").startswith("ref_based_on_")
    assert keys.column_mapping("Namn").startswith("map_")
    assert {"ref_based_on_", "map_", "m_shown_"} <= set(keys.OWNERS)


_PAGE_FILE = re.compile(r"\b(pages|screens)/\w+\.py\b")


def _docstrings(tree: ast.Module) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def page_paths_and_switches(tree: ast.Module, *, links_module: bool = False) -> list[int]:
    """Lines naming a page by its file (a string such as "screens/map.py"), or calling Streamlit's `switch_page` /
    `page_link` with a string, outside `ui.links`."""
    docs = _docstrings(tree)
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and id(node) not in docs and _PAGE_FILE.search(node.value)]
    if not links_module:
        lines += [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Attribute) and node.func.attr in ("switch_page", "page_link")
                  and isinstance(node.func.value, (ast.Name, ast.Attribute))
                  and ast.unparse(node.func.value) in ("st", "st.sidebar")
                  and (not node.args or _is_literal(node.args[0]) or ast.unparse(node.args[0]).endswith(".file"))]
    return lines


def test_pages_are_linked_by_key() -> None:
    """No page file path outside the registry: links and switches name a page by its key through `ui.links`."""
    found = {_name(p): page_paths_and_switches(_tree(p), links_module=p.name == "links.py") for p in FILES}
    assert {k: v for k, v in found.items() if v} == {}
    assert [p.key for p in registered() if links.page(p.key) is not p] == []
    with pytest.raises(KeyError):
        links.page("no-such-page")


@pytest.mark.parametrize("source", ['st.page_link("screens/map.py")', 'st.switch_page(PAGES["map"].file)',
                                    'x = "pages/users.py"', 'st.sidebar.page_link("screens/a.py", label="a")'])
def test_the_link_rule_sees_a_path(source: str) -> None:
    assert page_paths_and_switches(ast.parse(source)) != []


#: st.success states where a page stands, never what a write did (that is `ui.done`, shown by `ui.flash`)
STATES = {"goal.saved_state", "upload.no_changes", "coord.no_gaps", "followup.checked"}  # states, not writes


def write_reports(tree: ast.Module, path: str) -> list[int]:
    """Lines reporting something with `st.toast`, or with `st.success` other than `ui.flash` and the states above."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr == "toast":
            lines.append(node.lineno)
        elif node.func.attr == "success":
            first = node.args[0] if node.args else None
            key = (first.args[0].value if isinstance(first, ast.Call) and first.args
                   and isinstance(first.args[0], ast.Constant) else None)
            if key not in STATES and not (path == "ui/widgets.py" and ast.unparse(node) == (
                    "st.success(message, icon=':material/check_circle:')")):
                lines.append(node.lineno)
    return lines


def test_every_write_is_reported_through_done() -> None:
    """What a write did is said by `ui.done` (rerun, then `ui.flash` above the page): no toast, no own st.success."""
    found = {_name(p): write_reports(_tree(p), _name(p)) for p in FILES}
    assert {k: v for k, v in found.items() if v} == {}
    assert write_reports(ast.parse('st.success(ui.tr("reference.saved", n=1))'), "screens/x.py") != []
    assert write_reports(ast.parse('st.toast("x")'), "screens/x.py") != []
