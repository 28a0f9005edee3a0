"""The scenes' data layer (`scenes.render.map.datalayer`): one compact block per layer, clustered in the browser."""

from __future__ import annotations

import re

import geopandas as gpd
import pytest

from scenes.domain.disclosure import SHOW_ALL, Disclosure
from scenes.reference import Reference
from scenes.render.map.datalayer import CLUSTER_RADIUS_PX
from scenes.render.maps import MapOptions
from tests.render.test_maps import _points, _render


@pytest.fixture(scope="module")
def latest() -> gpd.GeoDataFrame:
    from scenes.domain.demo import load_demo
    from tests.conftest import DATA_DIR

    return load_demo(DATA_DIR)[2].scenes


def test_one_block_for_every_scene_and_no_marker_made_in_python(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """All scenes travel in one data block (positions, names, kinds): no folium marker and no MarkerCluster
    plugin per map; positions are whole hundred-thousandths of a degree (about a metre), flat: lat, lon, lat, ..."""
    page = _render(ref, latest)
    blocks = _points(page)
    assert len(blocks) == 1
    data = blocks[0]
    assert len(data["p"]) == 2 * len(data["n"]) == 2 * len(data["k"]) == 2 * len(latest)
    assert all(isinstance(v, int) for v in data["p"])
    anchors = latest.geometry.representative_point()
    assert data["p"][0::2] == [round(y * 1e5) for y in anchors.y]
    assert data["p"][1::2] == [round(x * 1e5) for x in anchors.x]
    assert "L.markerClusterGroup" not in page
    assert page.count("L.marker(") == _render(ref, latest.iloc[:2]).count("L.marker(")  # none per scene


def test_clustering_follows_the_option(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """Near scenes share a disc unless the map is drawn without clustering (then every scene is its own marker)."""
    radius = re.compile(r'"radius": (\d+)')
    assert radius.findall(_render(ref, latest)) == [str(CLUSTER_RADIUS_PX)]
    unclustered = MapOptions(cluster=False, lang="sv", precision="exact", disclosure=SHOW_ALL)
    assert radius.findall(_render(ref, latest, options=unclustered)) == ["0"]


def test_generalised_map_has_no_data_layer(ref: Reference, latest: gpd.GeoDataFrame) -> None:
    """At generalised precision no scene position or name reaches the page: there is no data layer at all."""
    options = MapOptions(lang="sv", precision="generalised", disclosure=Disclosure.for_precision("generalised", 3))
    page = _render(ref, latest, latest.iloc[:3], options)
    assert _points(page) == []
    assert "ScenesMap.dataLayer" not in page
    assert not any(str(name) in page for name in latest["name"])


def test_positions_are_each_scenes_representative_point(latest: gpd.GeoDataFrame) -> None:
    """A point scene is placed at its point, a polygon scene at its representative point (inside it), in the
    scenes' order, whatever the mix."""
    from shapely.geometry import Polygon

    from scenes.render.map.datalayer import positions

    frame = latest.iloc[:4].copy()
    square = Polygon([(18.0, 59.3), (18.01, 59.3), (18.01, 59.31), (18.0, 59.31)])
    frame.loc[frame.index[1], "geometry"] = square
    p = positions(frame)
    anchors = frame.geometry.representative_point()
    assert p == [v for y, x in zip(anchors.y, anchors.x, strict=True) for v in (round(y * 1e5), round(x * 1e5))]
    assert square.contains(type(square.centroid)(p[3] / 1e5, p[2] / 1e5))
    assert positions(latest.iloc[:0]) == []
