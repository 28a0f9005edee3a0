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
    plugin per map; positions are rounded to five decimals (about a metre)."""
    page = _render(ref, latest)
    blocks = _points(page)
    assert len(blocks) == 1
    data = blocks[0]
    assert len(data["p"]) == len(data["n"]) == len(data["k"]) == len(latest)
    assert all(round(v, 5) == v for point in data["p"] for v in point)
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
