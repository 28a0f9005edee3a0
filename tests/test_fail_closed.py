"""Fail closed: no public callable of the core shows more than its reader may see because an argument was forgotten.

Every public function, method and class (a dataclass's fields are its constructor's parameters) of the `scenes`
package that takes a disclosure or a precision takes it with no default, so leaving it out is a TypeError, not a
map, table, file or report that shows exact locations or small counts. The same holds for the language of anything
written for a reader. The callables are found by walking the package, not listed: a new one is checked as it lands.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import scenes
from scenes.domain.disclosure import SHOW_ALL, Disclosure

#: what a reader may see: the counts (`disclosure`) and the locations (`precision`, and `exact`, its boolean form)
GUARDED = ("disclosure", "precision", "exact")
#: the language of what a reader reads
LANGUAGE = ("lang", "language")
#: callables whose language may default, and why
LANGUAGE_DEFAULTS = {
    "scenes.settings.Settings": "the configured default language of the interface: the edge's choice, read once",
}


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(scenes.__path__, "scenes."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    """(qualified name, callable) of every public function, class and method defined in the scenes package."""
    for module in _modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or (callable(obj) and inspect.isfunction(getattr(obj, "__wrapped__", None))):
                yield f"{module.__name__}.{name}", obj  # a function, or one wrapped by a cache
            elif inspect.isclass(obj):
                yield f"{module.__name__}.{name}", obj
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(member, (staticmethod, classmethod)):
                        yield f"{module.__name__}.{name}.{attr}", getattr(obj, attr)  # bound: no cls to pass
                    elif inspect.isfunction(member):
                        yield f"{module.__name__}.{name}.{attr}", member  # unbound: `self` is passed below


def _signature(fn: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):  # a builtin without a signature
        return None


def taking(names: tuple[str, ...]) -> list[tuple[str, Callable[..., Any], str]]:
    """(qualified name, callable, parameter) for every public callable with a parameter among `names`."""
    found = []
    for qualname, fn in public_callables():
        signature = _signature(fn)
        if signature is not None:
            found += [(qualname, fn, p) for p in signature.parameters if p in names]
    return found


def call_without(fn: Callable[..., Any], parameter: str) -> None:
    """Call `fn` with a placeholder for every required argument except `parameter` (which is left out)."""
    signature = inspect.signature(fn)
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for p in signature.parameters.values():
        if p.name == parameter or p.default is not inspect.Parameter.empty:
            continue
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            if any(q.name == parameter and q.kind != q.KEYWORD_ONLY for q in list(signature.parameters.values())
                   [:list(signature.parameters).index(p.name)]):
                kwargs[p.name] = object()  # after the left-out one: by name, so the placeholders do not shift
            else:
                args.append(object())
        elif p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = object()
    fn(*args, **kwargs)


def assert_required(qualname: str, fn: Callable[..., Any], parameter: str) -> None:
    default = inspect.signature(fn).parameters[parameter].default
    assert default is inspect.Parameter.empty, f"{qualname}: {parameter} defaults to {default!r}"
    with pytest.raises(TypeError, match=f"missing 1 required .*argument: '{parameter}'"):
        call_without(fn, parameter)


GUARDED_CALLABLES = taking(GUARDED)


def test_the_walk_finds_the_known_readers() -> None:
    """The walk sees the callables the issue named (so an empty walk cannot pass the test below)."""
    names = {(q, p) for q, _, p in GUARDED_CALLABLES}
    assert {
        ("scenes.render.tables.generalised_table", "disclosure"),
        ("scenes.domain.coordination.participant_counts", "disclosure"),
        ("scenes.render.map.options.MapOptions", "precision"),
        ("scenes.render.map.options.MapOptions", "disclosure"),
        ("scenes.views.dashboard_exports.ExportOps.export", "precision"),
        ("scenes.views.dashboard_exports.ExportOps.report_pdf", "disclosure"),
        ("scenes.views.dashboard_exports.ExportOps.report_pdf", "exact"),
        ("scenes.render.report.ReportInput", "exact"),
        ("scenes.domain.disclosure.Disclosure.for_precision", "precision"),
    } <= names
    assert len(names) >= 20


@pytest.mark.parametrize(("qualname", "fn", "parameter"), GUARDED_CALLABLES, ids=[f"{q}-{p}" for q, _, p in
                                                                                  GUARDED_CALLABLES])
def test_disclosure_and_precision_are_required(qualname: str, fn: Callable[..., Any], parameter: str) -> None:
    """Left out, a disclosure or a precision is a TypeError: no default shows exact locations or small counts."""
    assert_required(qualname, fn, parameter)


@pytest.mark.parametrize(("qualname", "fn", "parameter"),
                         [c for c in taking(LANGUAGE) if c[0] not in LANGUAGE_DEFAULTS],
                         ids=[f"{q}-{p}" for q, _, p in taking(LANGUAGE) if q not in LANGUAGE_DEFAULTS])
def test_the_language_is_required(qualname: str, fn: Callable[..., Any], parameter: str) -> None:
    """Text for a reader is written in a language someone chose: no callable of the core defaults to Swedish."""
    assert_required(qualname, fn, parameter)


def test_the_check_fails_on_a_default() -> None:
    """The check itself: a default disclosure, precision or language is caught, and so is one that is merely
    optional (the call goes through instead of raising TypeError)."""

    def shows_all(frame: object, disclosure: Disclosure = SHOW_ALL) -> None:
        return None

    def exact_by_default(frame: object, *, precision: str = "exact") -> None:
        return None

    def swedish(frame: object, lang: str = "sv") -> None:
        return None

    for fn, parameter in ((shows_all, "disclosure"), (exact_by_default, "precision"), (swedish, "lang")):
        with pytest.raises(AssertionError, match="defaults to"):
            assert_required(fn.__name__, fn, parameter)

    def required(frame: object, lang: str, *, disclosure: Disclosure) -> None:
        return None

    assert_required("required", required, "disclosure")
    assert_required("required", required, "lang")
