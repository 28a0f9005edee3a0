"""Markup put into a folium page as it is, never read as a template.

branca, under folium, renders each map element's macros and then wraps the output in `Element(output)`, which
compiles that output as a Jinja template and renders it a second time when the page is written. Whatever the
first pass wrote, such as a scene's name in the data layer, a municipality's name in a tooltip, or a survey's title
in the exported legend, was therefore evaluated as Jinja. A scene named `{{ 7*7 }}` showed "49". A name reaching
into Python through Jinja's globals ran code on the server. A name with `{%` stopped the map with a template
syntax error.

`Text` is an element whose output is its text, unchanged. `install()` makes branca's `MacroElement.render` put each
macro's output into a `Text`, so every folium element drawn in this process (ours and folium's own: GeoJson,
tooltips, layers) is rendered once, by its own template, and never again. It is installed when
`scenes.render.map` is imported, which is before any map can be built. `tests/render/test_markup.py` checks the
page's map, the exported HTML and every folium element we use with names that are Jinja.
"""

from __future__ import annotations

from typing import Any

from branca.element import Element, Figure, MacroElement

__all__ = ["Text", "install"]

#: branca's own `MacroElement.render`, kept for the test that both render a map without Jinja in it alike
BRANCA_RENDER = MacroElement.render


class Text(Element):
    """Markup written into the page verbatim: never compiled or rendered as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Text"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def _render_once(self: MacroElement, **kwargs: Any) -> None:
    """branca's `MacroElement.render` (branca 0.8), except that each macro's output goes into the page as a `Text`."""
    figure = self.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("You cannot render this Element if it is not in a Figure.")
    macros = self._template.module.__dict__
    for part, box in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
        macro = macros.get(part)
        if macro is not None:
            box.add_child(Text(macro(self, kwargs)), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


def install() -> None:
    """Render every `MacroElement`'s output once (module doc). Idempotent."""
    MacroElement.render = _render_once  # type: ignore[method-assign]
