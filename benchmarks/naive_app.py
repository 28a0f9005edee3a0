"""The naive baseline for the browser benchmarks: how a first Streamlit map app is usually written.

Every run re-reads all scenes, re-tags them with their municipality, filters them by the "Kommun" multiselect and
draws one folium.Marker (with a tooltip) per shown scene on the full-resolution boundaries; st_folium returns
everything, so each pan or zoom reruns it all. It writes the same "Visar N av M scener i …" line as the real map
page. (It uses the same local Leaflet files as the real app, only so that it renders at all on a closed network.)
"""

from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from scenes.geo import tag_municipality
from scenes.render.assets import LEAFLET_DIR, AssetLinks, install_script, install_static
from scenes.settings import Settings
from scenes.views.dashboard import Dashboard

STATIC = Path(__file__).resolve().parent / "static"
install_static(STATIC)
install_script(STATIC, "leaflet.js", (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8"))
dash = Dashboard(Settings.from_env())
ref = dash.reference
survey = dash.store.surveys()[-1]
frame = dash.store.scenes(survey.id)
frame["kommun_kod"] = list(tag_municipality(frame.geometry, ref.boundaries))
names = dict(zip(ref.municipalities["kommun_kod"], ref.municipalities["kommun"], strict=True))
st.title("Karta")
chosen = st.sidebar.multiselect("Kommun", sorted(names.values()))
shown = frame[frame["kommun_kod"].map(names).isin(chosen)] if chosen else frame
st.markdown(f"Visar {len(shown)} av {len(frame)} scener i {survey.name}.")
m = folium.Map(location=[59.4, 18.1], zoom_start=9, tiles=None)
m.default_js, m.default_css = [("leaflet", AssetLinks().url("leaflet.js"))], AssetLinks().css()
folium.GeoJson(ref.boundaries.to_json()).add_to(m)
for _, row in shown.iterrows():
    p = row.geometry.representative_point()
    folium.Marker([p.y, p.x], tooltip=str(row["name"])).add_to(m)
st_folium(m, height=580, use_container_width=True)
