"""The map page: filters, layers, legend, comparison, groupings."""

from scenes.i18n.text import Text

FAMILIES = ('map', 'compare', 'group',)

ENTRIES: dict[str, dict[str, Text]] = {
    "map.title": {"sv": "Karta över öppna drogscener", "en": "Map of open drug scenes"},
    "map.filters": {"sv": "Urval", "en": "Filters"},
    "map.filter.survey": {"sv": "Kartläggning", "en": "Survey"},
    "map.filter.compare": {"sv": "Markera förändringar sedan", "en": "Mark changes since"},
    "map.compare.prev": {"sv": "Föregående kartläggning", "en": "The previous survey"},
    "map.compare.none": {"sv": "(markera inga förändringar)", "en": "(mark no changes)"},
    "map.counts_changes": {"sv": "{new} nya och {ceased} upphörda sedan {survey}.",
                           "en": "{new} new and {ceased} ceased since {survey}."},
    "map.side_by_side": {"sv": "Två kartor", "en": "Two maps"},
    "map.side_by_side_help": {"sv": "Jämförelsens kartläggning och den valda bredvid varandra, med samma utsnitt och "
                                    "färgklasser (på en smal skärm under varandra).",
                              "en": "The survey compared with and the chosen one side by side, with the same extent "
                                    "and colour classes (one above the other on a narrow screen)."},
    "map.side_by_side_needs_compare": {"sv": "Välj en kartläggning att jämföra med för att se två kartor.",
                                       "en": "Choose a survey to compare with to see two maps."},
    "map.present": {"sv": "Visningsläge", "en": "Presentation mode"},
    "map.present_help": {"sv": "För projektor eller delad skärm: kartan fyller fönstret, större text, ingen sidomeny. "
                               "Länken i adressfältet öppnar samma vy.",
                         "en": "For a projector or a shared screen: the map fills the window, larger text, no "
                               "sidebar. The link in the address bar opens the same view."},
    "map.demo_short": {"sv": "**Exempeldata – fiktiva platser.**", "en": "**Demo data – fictitious places.**"},
    "map.summary.all": {"sv": "Hela länet, alla kategorier", "en": "The whole county, all categories"},
    "map.filter.municipality": {"sv": "Kommun", "en": "Municipality"},
    "map.filter.police_area": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "map.filter.category": {"sv": "Kategori", "en": "Category"},
    "map.filter.status": {"sv": "Status", "en": "Status"},
    "map.filter.all": {"sv": "Alla", "en": "All"},
    "map.choropleth": {"sv": "Kommunernas färg visar", "en": "Municipality shading shows"},
    "map.measure.count": {"sv": "Antal scener", "en": "Number of scenes"},
    "map.measure.per_capita": {"sv": "Scener per 100 000 invånare", "en": "Scenes per 100,000 inhabitants"},
    "map.layer.basemap": {"sv": "Bakgrundskarta", "en": "Basemap"},
    "map.layer.police_areas": {"sv": "Lokalpolisområden", "en": "Local police areas"},
    "map.layer.municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "map.layer.scenes": {"sv": "Öppna drogscener", "en": "Open drug scenes"},
    "map.layer.ceased": {"sv": "Upphörda scener", "en": "Ceased scenes"},
    "map.police_area": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "map.municipality": {"sv": "Kommun", "en": "Municipality"},
    "map.no_data": {"sv": "Uppgift saknas", "en": "No data"},
    "map.ceased": {"sv": "Upphörd", "en": "Ceased"},
    "map.legend": {"sv": "Teckenförklaring", "en": "Legend"},
    "map.counts": {"sv": "Visar {shown} av {total} scener i {survey}.",
                   "en": "Showing {shown} of {total} scenes in {survey}."},
    "map.empty": {
        "sv": "Inga scener matchar urvalet. Ta bort något filter i sidopanelen för att se fler.",
        "en": "No scenes match the filters. Remove a filter in the sidebar to see more.",
    },
    "map.howto.title": {"sv": "Hur läser du kartan", "en": "How to read the map"},
    "map.howto.body": {
        "sv": "- En **punkt** är en öppen drogscen. Bokstaven och färgen visar kategorin (se teckenförklaringen); "
              "en delad cirkel betyder flera kategorier. Där platsen kartlagts som ett område ritas även ytan.\n"
              "- Punkter nära varandra slås ihop till en **grupp med en siffra** när kartan är utzoomad; zooma in "
              "för att se dem var för sig.\n"
              "- **Precision:** punkterna visas med den noggrannhet de har i kartläggningen (exakt läge).\n"
              "- **Kommunernas gråton** visar antal scener (eller scener per 100 000 invånare) i urvalet. "
              "Streckade linjer är lokalpolisområden som består av hela kommuner; i Stockholms stad anges "
              "stadsdel och lokalpolisområde på varje scen i stället för påhittade gränser.\n"
              "- **×** markerar en scen som fanns i den valda tidigare kartläggningen men inte nu.\n"
              "- Tabellen under kartan visar samma scener och kan sorteras och laddas ner.",
        "en": "- A **point** is an open drug scene. Its letter and colour show the category (see the legend); a "
              "split circle means several categories. Where the scene was mapped as an area, the area is drawn "
              "too.\n"
              "- Points close together merge into a **group with a number** when zoomed out; zoom in to see them "
              "one by one.\n"
              "- **Precision:** points are shown as precisely as the survey records them (exact location).\n"
              "- **Municipality shading** shows the number of scenes (or scenes per 100,000 inhabitants) in the "
              "selection. Dashed lines are local police areas made of whole municipalities; in Stockholm city "
              "each scene carries its district and police area instead of invented boundaries.\n"
              "- **×** marks a scene that was in the chosen earlier survey but is gone now.\n"
              "- The table below the map shows the same scenes and can be sorted and downloaded.",
    },
    "map.demo_howto": {
        "sv": "Exempeldata – fiktiva platser: inga punkter motsvarar verkliga platser.",
        "en": "Demo data – fictitious places: no point corresponds to a real place.",
    },
    "map.table": {"sv": "Scener i urvalet", "en": "Scenes in the selection"},
    "map.table_help": {"sv": "Välj en rad för att se detaljer och historik.",
                       "en": "Select a row to see details and history."},
    "map.download_csv": {"sv": "CSV för Excel", "en": "CSV for Excel"},
    "map.download_csv_help": {"sv": "Semikolon, decimalkomma och SWEREF 99 TM (northing/easting, WKT för ytor), som "
                                    "svenska Excel läser. Kan laddas upp igen som ny revision.",
                              "en": "Semicolons, decimal commas and SWEREF 99 TM (northing/easting, WKT for "
                                    "polygons), as Swedish Excel reads it. Can be uploaded again as a new revision."},
    "map.download_xlsx": {"sv": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "map.download_xlsx_help": {"sv": "Scenerna med kodlistorna, som mallen för uppladdning.",
                               "en": "The scenes with the code lists, like the upload template."},
    "map.download_geojson": {"sv": "GeoJSON", "en": "GeoJSON"},
    "map.download_geojson_help": {"sv": "WGS 84, för webbkartor och de flesta GIS-program.",
                                  "en": "WGS 84, for web maps and most GIS software."},
    "map.download_gpkg": {"sv": "GeoPackage", "en": "GeoPackage"},
    "map.download_gpkg_help": {"sv": "För QGIS: SWEREF 99 TM (EPSG:3006), ytor behålls som ytor.",
                               "en": "For QGIS: SWEREF 99 TM (EPSG:3006), polygons kept as polygons."},
    "map.download_table": {"sv": "Ladda ner tabell (CSV)", "en": "Download table (CSV)"},
    "map.download_counts_geojson": {"sv": "Antal per kommun (GeoJSON)", "en": "Counts per municipality (GeoJSON)"},
    "map.download_html": {"sv": "Karta (HTML)", "en": "Map (HTML)"},
    "map.download_html_help": {"sv": "En fristående fil med aktuellt urval som fungerar utan internet.",
                               "en": "A standalone file of the current view that works without internet."},
    "map.details": {"sv": "Vald scen", "en": "Selected scene"},
    "map.details_hint": {"sv": "Klicka på en punkt i kartan, eller öppna Scener i urvalet under kartan och välj en "
                               "rad.",
                         "en": "Click a point on the map, or open Scenes in the selection below the map and select "
                               "a row."},
    "map.history": {"sv": "Historik", "en": "History"},
    "compare.new": {"sv": "Nya", "en": "New"},
    "compare.ceased": {"sv": "Upphörda", "en": "Ceased"},
    "compare.persisting": {"sv": "Kvarstående", "en": "Persisting"},
    "compare.merged": {"sv": "Sammanslagna", "en": "Merged"},
    "compare.split": {"sv": "Delade", "en": "Split"},
    "compare.none": {"sv": "Inga scener.", "en": "No scenes."},
    "group.category_label": {"sv": "Kategori skriven som namn", "en": "Category written as its name"},
    "group.unknown_municipality": {"sv": "Okänt kommunnamn (platsen avgör)",
                                   "en": "Unknown municipality name (the location decides)"},
    "group.municipality_mismatch": {"sv": "Kommun som inte stämmer med platsen",
                                    "en": "Municipality that does not match the location"},
    "group.municipality_name_mismatch": {"sv": "Kommunnamn som liknar en annan kommun än platsens",
                                         "en": "Municipality name resembling another municipality than the location's"},
    "group.near_boundary": {"sv": "Plats strax utanför kommungränserna", "en": "Location just outside the boundaries"},
    "group.district_outside_stockholm": {"sv": "Stadsdel utanför Stockholms stad",
                                         "en": "District outside Stockholm city"},
    "group.repaired_polygon": {"sv": "Reparerad yta", "en": "Repaired polygon"},
    "group.unknown_column": {"sv": "Okänd kolumn", "en": "Unknown column"},
    "group.police_area_dissolved": {"sv": "Lokalpolisområde som upphört före kartläggningen",
                                    "en": "Police area that ended before the survey"},
    "group.police_area_not_yet": {"sv": "Lokalpolisområde som ännu inte fanns",
                                  "en": "Police area that did not yet exist"},
    "group.police_area_required": {
        "sv": "Lokalpolisområde saknas och platsen avgör det inte (förslag: närmaste rad i filen inom 1 km)",
        "en": "Police area missing and the location does not decide it (suggestion: the nearest row in the file "
              "within 1 km)",
    },
    "group.unknown_police_area": {"sv": "Okänt lokalpolisområde", "en": "Unknown police area"},
    "group.unknown_category": {"sv": "Okänd kategori", "en": "Unknown category"},
    "group.unknown_status": {"sv": "Okänd status", "en": "Unknown status"},
    "group.unknown_district": {"sv": "Okänd stadsdel", "en": "Unknown district"},
    "group.outside_county": {"sv": "Plats utanför länet", "en": "Location outside the county"},
    "group.required": {"sv": "Värde saknas", "en": "Value missing"},
    "map.generalised": {
        "sv": "Generaliserad precision: scenerna visas bara som antal per kommun och lokalpolisområde, aldrig som "
              "punkter. Exakta lägen visas för styrgrupp och analytiker.",
        "en": "Generalised precision: scenes are shown only as counts per municipality and local police area, "
              "never as points. Exact locations are shown to the steering group and analysts.",
    },
    "map.layer.names": {"sv": "Kommunnamn", "en": "Municipality names"},
    "map.layer.selected": {"sv": "Vald scen", "en": "Selected scene"},
    "map.change.new": {"sv": "Ny sedan föregående kartläggning", "en": "New since the previous survey"},
    "map.change.merged": {"sv": "Sammanslagen av flera tidigare scener", "en": "Merged from several earlier scenes"},
    "map.change.split": {"sv": "Delad från en tidigare scen", "en": "Split from an earlier scene"},
    "map.cluster": {"sv": "Grupp av närliggande scener (siffran är antalet; zooma in för att se dem)",
                    "en": "Group of nearby scenes (the figure is how many; zoom in to see them)"},
    "map.no_data_or_few": {"sv": "Uppgift saknas eller skyddad (färre än {n} scener, eller dold för att skydda ett "
                                 "sådant antal)",
                           "en": "No data, or withheld (fewer than {n} scenes, or hidden to protect such a count)"},
    "map.county": {"sv": "Länsgräns", "en": "County boundary"},
    "map.time.previous": {"sv": "Föregående kartläggning", "en": "Previous survey"},
    "map.time.next": {"sv": "Nästa kartläggning", "en": "Next survey"},
    "map.layer.counts": {"sv": "Antal per kommun", "en": "Count per municipality"},
    "map.counts_generalised": {"sv": "Scener i urvalet i {survey}: {shown} (generaliserad precision).",
                               "en": "Scenes in the selection in {survey}: {shown} (generalised precision)."},
}
