"""Where the map page puts the reader's view: the fit layer it sends (`ui.map.fitting`), never a centre or zoom.

The view moves only when the box changes: a new selection of scenes (the extent), or a scene just selected on the
map, which is centred, again after the reader moved away from it. A rerun that changes neither keeps the reader's
own pan and zoom."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from scenes.settings import Settings
from scenes.views.dashboard import Dashboard
from tests.app.conftest import OpenPage
from tests.map_pages import layers_script
from ui import keys


@pytest.fixture
def demo_store(app_env: Path) -> Path:
    Dashboard(Settings(state_dir=app_env)).init(demo=True)
    return app_env


def _args(at: AppTest) -> dict[str, Any]:
    """The main map's component arguments, as sent to the browser."""
    found: list[dict[str, Any]] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if type(proto).__name__ == "ComponentInstance" and "folium" in proto.component_name:  # type: ignore[union-attr]
            found.append(json.loads(proto.json_args))  # type: ignore[union-attr]
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    assert len(found) == 1, len(found)
    return found[0]


def _fit(at: AppTest) -> tuple[list[list[float]], float, int]:
    """The fit the map is given: (box, closest zoom, nonce)."""
    script = layers_script(at)
    call = re.search(r"ScenesMap\.fit\(\w+, (\[\[[^\]]*\], \[[^\]]*\]\]), \[[\d, ]+\],\s*(\d+), ([\d.]+)\)", script)
    assert call is not None, "the map is fitted"
    return json.loads(call.group(1)), float(call.group(3)), int(call.group(2))


def _points(kommun: str) -> list[tuple[float, float]]:
    """Where the latest survey's scenes in `kommun` are (as the page centres them), in scene id order."""
    dash = Dashboard(Settings.from_env())
    frame = dash.scenes(dash.store.surveys()[-1].id).sort_values("scene_id")
    points = frame[frame["kommun_kod"] == kommun].geometry.representative_point()
    return [(round(p.y, 6), round(p.x, 6)) for p in points]


def _click(at: AppTest, at_point: tuple[float, float]) -> None:
    """A click on the map where `at_point` is (as streamlit-folium reports it), then the rerun it causes."""
    at.session_state[keys.SCENE_MAP] = {"last_object_clicked": {"lat": at_point[0], "lng": at_point[1]}}
    at.run()
    assert list(at.exception) == []


def test_the_map_view_moves_only_with_the_box(open_page: OpenPage, demo_store: Path) -> None:
    """The page sends no centre or zoom; the fit layer frames the scenes shown, centres a clicked scene (and the same
    scene clicked again after another), and stays as it was through a rerun that changes neither."""
    at = open_page(None, "map", params={"kommun": "0127"})
    args = _args(at)
    assert (args["center"], args["zoom"]) == (None, None)
    box, zoom, nonce = _fit(at)
    assert box[0] != box[1]  # the scenes' box
    assert (zoom, nonce) == (12, 0)  # without tiles no closer than 12
    a, b = _points("0127")[:2]

    _click(at, a)
    assert _fit(at) == ([list(a), list(a)], 12, 1)
    at.run()  # nothing changed: the same fit, so the reader's pan and zoom stay
    assert _fit(at) == ([list(a), list(a)], 12, 1)
    _click(at, b)
    assert _fit(at) == ([list(b), list(b)], 12, 2)
    _click(at, a)  # the first scene again: a new nonce, so the map centres it although the box was fitted before
    assert _fit(at) == ([list(a), list(a)], 12, 3)
    assert (_args(at)["center"], _args(at)["zoom"]) == (None, None)

    at.multiselect(key=keys.F_KOMMUN).set_value(["0180"]).run()  # another selection: framed, the nonce kept
    box, zoom, nonce = _fit(at)
    assert box[0] != box[1]
    assert (zoom, nonce) == (12, 3)
    assert box != _fit(open_page(None, "map", params={"kommun": "0127"}))[0]

