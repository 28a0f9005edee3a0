"""Drawing and writing what a view computed: folium maps, Altair charts, the PDF report, file exports.

Render modules take figures already computed and disclosed by the domain; they never decide what a reader may see.
"""
