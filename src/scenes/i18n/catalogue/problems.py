"""Problems found in files and records (`problem.<code>`): each with its one message and fix."""

from scenes.i18n.text import Text

FAMILIES = ('problem',)

ENTRIES: dict[str, dict[str, Text]] = {
    # -- problems in seminar files, the seminar form and the reference editor --
    "problem.date_format": {"sv": "Inte ett datum; skriv det som ÅÅÅÅ-MM-DD.",
                            "en": "Not a date; write it as YYYY-MM-DD."},
    "problem.time_format": {"sv": "Inte en tid; skriv den som TT:MM.", "en": "Not a time; write it as HH:MM."},
    "problem.unknown_seminar_column": {"sv": "Okänd kolumn; filens kolumner räknas upp ovanför filväljaren.",
                                       "en": "Unknown column; the file's columns are listed above the file picker."},
    "problem.seminar_id_format": {"sv": "Ett seminarie-id är 1–100 bokstäver, siffror, ”-” eller ”_”.",
                                  "en": "A seminar id is 1–100 letters, digits, “-” or “_”."},
    "problem.seminar_id_twice": {"sv": "Samma seminarie-id finns två gånger i filen.",
                                 "en": "The seminar id appears twice in the file."},
    "problem.title_required": {"sv": "En titel krävs.", "en": "A title is required."},
    "problem.unknown_code": {"sv": "Okänd kod.", "en": "Unknown code."},
    "problem.no_seminar_rows": {"sv": "Filen har en rubrikrad men inga seminarierader.",
                                "en": "The file has a header but no seminar rows."},
    "problem.code_in_use": {"sv": "En kod som används kan inte tas bort eller döpas om här.",
                            "en": "A code in use cannot be removed or renamed here."},
    "problem.new_code_format": {"sv": "Nya koder är små bokstäver, siffror och _ (kommuner kan inte läggas till).",
                                "en": "New codes are lowercase letters, digits and _ (municipalities cannot be "
                                      "added)."},
    "problem.code_twice": {"sv": "Koden finns två gånger.", "en": "The code appears twice."},
    "problem.colour_format": {"sv": "En färg skrivs #RRGGBB.", "en": "A colour is written #RRGGBB."},
    "problem.label_required": {"sv": "En benämning krävs.", "en": "A label is required."},
    "problem.population_format": {"sv": "Folkmängden är ett heltal (eller tom).",
                                  "en": "A population is a whole number (or empty)."},
    "problem.row": {"sv": "Rad", "en": "Row"},
    "problem.column": {"sv": "Kolumn", "en": "Column"},
    "problem.value": {"sv": "Värde", "en": "Value"},
    "problem.message": {"sv": "Problem", "en": "Problem"},
    "problem.suggestion": {"sv": "Förslag", "en": "Suggestion"},
    # -- validation problems (scenes.ingest); {placeholders} come from Problem.params -----------------------
    "problem.empty_file": {"sv": "Filen är tom.", "en": "The file is empty."},
    "problem.too_large": {"sv": "Filen är {size} MB; gränsen är {limit} MB.",
                          "en": "The file is {size} MB; the limit is {limit} MB."},
    "problem.wrong_type": {"sv": "Filtypen '{suffix}' tas inte emot; använd CSV, XLSX, GeoJSON eller GeoPackage.",
                           "en": "Files of type '{suffix}' are not accepted; use CSV, XLSX, GeoJSON or GeoPackage."},
    "problem.type_mismatch": {"sv": "Filen heter '{name}' men innehållet är {actual}, inte {expected}.",
                              "en": "The file is called '{name}' but its content is {actual}, not {expected}."},
    "problem.unreadable_csv": {"sv": "CSV-filen kan inte läsas: {detail}",
                               "en": "The CSV file cannot be read: {detail}"},
    "problem.unreadable_xlsx": {"sv": "Excelfilen kan inte läsas ({detail}).",
                                "en": "The Excel file cannot be read ({detail})."},
    "problem.no_sheet": {"sv": "Arbetsboken har inget blad '{sheet}'. Blad: {sheets}.",
                         "en": "The workbook has no sheet '{sheet}'. Sheets: {sheets}."},
    "problem.no_header": {"sv": "Ingen rubrikrad hittades bland de 30 första raderna; mallen visar kolumnnamnen.",
                          "en": "No header row found in the first 30 rows; the template shows the column names."},
    "problem.unreadable_geojson": {"sv": "GeoJSON-filen kan inte läsas: {detail}",
                                   "en": "The GeoJSON file cannot be read: {detail}"},
    "problem.unreadable_gpkg": {"sv": "GeoPackage-filen kan inte läsas: {detail}",
                                "en": "The GeoPackage cannot be read: {detail}"},
    "problem.no_rows": {"sv": "Filen har inga datarader.", "en": "The file has no data rows."},
    "problem.too_many_rows": {"sv": "Filen har {rows} rader; gränsen är {limit}.",
                              "en": "The file has {rows} rows; the limit is {limit}."},
    "problem.unknown_column": {"sv": "Okänd kolumn; den ignoreras om du inte kopplar den till ett fält.",
                               "en": "Unknown column; it is ignored unless you map it to a field."},
    "problem.duplicate_column": {"sv": "Två kolumner betyder '{field}'.", "en": "Two columns mean '{field}'."},
    "problem.missing_column": {"sv": "Obligatorisk kolumn saknas.", "en": "Required column is missing."},
    "problem.required": {"sv": "Värde saknas men krävs.", "en": "A value is required."},
    "problem.bad_id": {"sv": "Använd 1–64 bokstäver, siffror eller . _ : -",
                       "en": "Use 1–64 letters, digits or . _ : -"},
    "problem.duplicate_id": {"sv": "Samma scen-id finns tidigare i filen.",
                             "en": "This scene id appears earlier in the file."},
    "problem.outside_county": {"sv": "Platsen ligger utanför Stockholms län.",
                               "en": "The location is outside Stockholm County."},
    "problem.unknown_municipality": {"sv": "Okänd kommun; platsen ligger i {found}, som används.",
                                     "en": "Unknown municipality; the location lies in {found}, which is used."},
    "problem.municipality_mismatch": {
        "sv": "Raden anger {stated} men platsen ligger i {found}; {found} används.",
        "en": "The row says {stated} but the location lies in {found}; {found} is used.",
    },
    "problem.unknown_district": {"sv": "Okänd stadsdel i Stockholms stad.", "en": "Unknown Stockholm city district."},
    "problem.district_outside_stockholm": {
        "sv": "Stadsdel gäller bara inom Stockholms kommun; värdet ignoreras.",
        "en": "Districts apply only inside Stockholm municipality; the value is ignored.",
    },
    "problem.unknown_police_area": {"sv": "Okänt lokalpolisområde.", "en": "Unknown local police area."},
    "problem.police_area_required": {
        "sv": "Lokalpolisområde krävs här: platsen avgör det inte ({options}); ange det, eller ange stadsdel.",
        "en": "The local police area is required here: the place does not decide it ({options}); give it, or "
              "give the district.",
    },
    "problem.police_area_dissolved": {
        "sv": "{area} upphörde {ended}, före kartläggningens datum {day}; efterföljare: {successors}.",
        "en": "{area} ended on {ended}, before the survey's date {day}; succeeded by {successors}.",
    },
    "problem.police_area_not_yet": {
        "sv": "{area} började gälla {began}, efter kartläggningens datum {day}.",
        "en": "{area} began on {began}, after the survey's date {day}.",
    },
    "problem.municipality_name_mismatch": {
        "sv": "'{stated}' liknar {resembles} men platsen ligger i {found} – kontrollera koordinaterna eller kommunen.",
        "en": "'{stated}' resembles {resembles} but the location lies in {found} – check the coordinates or the "
              "municipality.",
    },
    "problem.note_no_survey_date": {
        "sv": "inget datum för kartläggningen angavs: lokalpolisområden kontrolleras som de är i dag ({day})",
        "en": "no survey date given: police areas are checked as of today ({day})",
    },
    "problem.category_label": {"sv": "En benämning angavs; koden '{category}' används.",
                               "en": "A label was given; its code '{category}' is used."},
    "problem.unknown_category": {"sv": "Okänd kategori.", "en": "Unknown category."},
    "problem.unknown_status": {"sv": "Okänd status.", "en": "Unknown status."},
    "problem.bad_impact": {"sv": "Otrygghet anges som ett heltal 1–5.", "en": "Impact is a whole number from 1 to 5."},
    "problem.bad_wkt": {"sv": "Ingen giltig WKT-geometri.", "en": "Not a valid WKT geometry."},
    "problem.bad_coordinate": {"sv": "Koordinaterna måste vara tal.", "en": "Coordinates must be numbers."},
    "problem.no_geometry": {
        "sv": "Inga koordinater hittades: ange lat och lon, SWEREF 99 TM nord och öst (eller X och Y), en WKT-kolumn, "
              "eller ladda upp GeoJSON/GeoPackage.",
        "en": "No coordinates found: give lat and lon, SWEREF 99 TM northing and easting (or X and Y), a WKT "
              "column, or upload GeoJSON/GeoPackage.",
    },
    "problem.no_location": {"sv": "Raden saknar läge.", "en": "The row has no location."},
    "problem.repaired_polygon": {"sv": "Ytan var ogiltig (t.ex. korsade sig själv) och har reparerats.",
                                 "en": "The polygon was invalid (e.g. self-intersecting) and was repaired."},
    "problem.invalid_geometry": {"sv": "Geometrin är ogiltig och kan inte repareras säkert.",
                                 "en": "The geometry is invalid and cannot be repaired safely."},
    "problem.note_encoding": {"sv": "teckenkodning: {encoding}", "en": "encoding: {encoding}"},
    "problem.note_separator": {"sv": "avgränsare: {separator}", "en": "separator: {separator}"},
    "problem.note_sheet": {"sv": "blad: {sheet}", "en": "sheet: {sheet}"},
    "problem.note_header_row": {"sv": "rubrikrad: {row}", "en": "header row: {row}"},
    "problem.note_crs": {"sv": "koordinatsystem: {crs}", "en": "coordinate system: {crs}"},
    "problem.note_derived_column": {"sv": "kolumnen '{column}' beräknas vid import och ignorerades",
                                    "en": "column '{column}' is computed on import and was ignored"},
    "problem.note_wkt_crs": {"sv": "WKT-koordinater lästa som {crs}", "en": "WKT coordinates read as {crs}"},
    "problem.note_latlon": {"sv": "koordinater: latitud/longitud (WGS 84)",
                            "en": "coordinates: latitude/longitude (WGS 84)"},
    "problem.note_northing_easting": {"sv": "koordinater: SWEREF 99 TM nord/öst",
                                      "en": "coordinates: SWEREF 99 TM northing/easting"},
    "problem.note_x_northing": {
        "sv": "koordinater: X lästes som nordkoordinat och Y som östkoordinat (SWEREF 99 TM, svensk praxis), "
              "avgjort av värdena",
        "en": "coordinates: X read as northing and Y as easting (SWEREF 99 TM; Swedish practice), decided from "
              "the values",
    },
    "problem.note_x_easting": {
        "sv": "koordinater: X lästes som östkoordinat och Y som nordkoordinat (SWEREF 99 TM), avgjort av värdena",
        "en": "coordinates: X read as easting and Y as northing (SWEREF 99 TM), decided from the values",
    },
    "problem.bad_encoding": {
        "sv": "Filens teckenkodning stämmer inte (byte {position}); spara den som UTF-8.",
        "en": "The file's encoding is wrong (byte {position}); save it as UTF-8.",
    },
    "problem.note_sep_line": {"sv": "första raden 'sep=' anger avgränsaren",
                              "en": "the first line 'sep=' names the separator"},
    "problem.note_layer": {"sv": "lager: {layer} (av {count})", "en": "layer: {layer} (of {count})"},
    "problem.too_many_columns": {"sv": "Raden har {cells} celler; gränsen är {limit} kolumner.",
                                 "en": "The row has {cells} cells; the limit is {limit} columns."},
    "problem.cell_too_long": {"sv": "Cellen har {length} tecken; gränsen är {limit}.",
                              "en": "The cell has {length} characters; the limit is {limit}."},
    "problem.too_much_text": {
        "sv": "Till och med den här raden rymmer cellerna sammanlagt mer än {limit} tecken, vilket är gränsen (det "
              "en CSV-fil av största tillåtna storlek kan rymma). Text som upprepas i många celler räknas varje "
              "gång; ta bort den upprepade texten eller dela upp filen.",
        "en": "Up to this row the cells hold more than {limit} characters in all, which is the limit (what a CSV "
              "file of the size limit can hold). Text repeated in many cells counts each time; remove the repeated "
              "text or split the file.",
    },
    "problem.too_much_geometry": {
        "sv": "Till och med det här objektet tar geometrierna sammanlagt mer än {limit} byte, vilket är filens "
              "största tillåtna storlek.",
        "en": "Up to this feature the geometries take more than {limit} bytes in all, which is the file size "
              "limit.",
    },
    "problem.duplicate_header": {
        "sv": "Rubriken '{first}' finns två gånger (kolumn {first_at} och {second_at}); byt namn på eller ta bort "
              "den ena.",
        "en": "The header has '{first}' twice (columns {first_at} and {second_at}); rename or remove one.",
    },
    "problem.extra_cells": {
        "sv": "Raden har {extra} ifyllda celler fler än rubrikraden har kolumner; troligen står en avgränsare eller "
              "ett citattecken i en cell utan citattecken runt.",
        "en": "The row has {extra} more filled cell(s) than the header has columns; a quote or separator inside a "
              "cell is probably not quoted.",
    },
    "problem.xlsx_too_complex": {"sv": "Arbetsboken har {parts} delar; gränsen är {limit}.",
                                 "en": "The workbook has {parts} parts; the limit is {limit}."},
    "problem.xlsx_too_large": {"sv": "Arbetsboken packas upp till {size} MB; gränsen är {limit} MB.",
                               "en": "The workbook expands to {size} MB; the limit is {limit} MB."},
    "problem.unknown_crs": {
        "sv": "Koordinatsystemet '{crs}' är okänt; använd SWEREF 99 TM (EPSG:3006) eller WGS 84 (EPSG:4326).",
        "en": "The coordinate system '{crs}' is not known; use SWEREF 99 TM (EPSG:3006) or WGS 84 (EPSG:4326).",
    },
    "problem.local_crs": {
        "sv": "Koordinatsystemet '{crs}' är lokalt (inte knutet till jorden) och kan inte visas på kartan; exportera "
              "lagret i SWEREF 99 TM (EPSG:3006).",
        "en": "The coordinate system '{crs}' is local (not tied to the earth) and cannot be placed on the map; "
              "export the layer in SWEREF 99 TM (EPSG:3006).",
    },
    "problem.bad_feature": {"sv": "Objektet är inte ett JSON-objekt.", "en": "The feature is not a JSON object."},
    "problem.bad_properties": {"sv": "Objektets 'properties' är inte ett JSON-objekt.",
                               "en": "The feature's 'properties' is not an object."},
    "problem.bad_property": {"sv": "Egenskapen '{key}' är varken text, tal eller en lista av sådana.",
                             "en": "Property '{key}' is not text, a number or a list of them."},
    "problem.bad_geometry": {"sv": "Geometrin kan inte läsas ({detail}).",
                             "en": "The geometry cannot be read ({detail})."},
    "problem.geometry_type": {
        "sv": "En {type} är ingen scen; ange en punkt, en yta (polygon) eller en multipolygon.",
        "en": "A {type} is not a scene; give a point, a polygon or a multipolygon.",
    },
    "problem.partly_outside_county": {
        "sv": "En del av ytan ligger utanför Stockholms län; rita den inom länet eller dela upp den.",
        "en": "Part of the area lies outside Stockholm County; draw it inside the county or split it.",
    },
    "problem.internal_error": {
        "sv": "Filen kunde inte kontrolleras på grund av ett internt fel (loggreferens {reference}); "
              "administratören kan slå upp den.",
        "en": "The file could not be checked because of an internal error (log reference {reference}); the "
              "administrator can look it up.",
    },
    "problem.near_boundary": {
        "sv": "Platsen ligger {distance} m utanför de medföljande (generaliserade) kommungränserna; den har taggats "
              "till närmaste kommun, {found}. Kontrollera koordinaterna om det är fel.",
        "en": "The location lies {distance} m outside the shipped (generalised) municipality boundaries; it was "
              "tagged to the nearest, {found}. Check the coordinates if that is wrong.",
    },
    "problem.geometry_too_complex": {
        "sv": "Geometrin har {corners} hörn i {parts} delar; gränsen är {limit} hörn och {parts_limit} delar. "
              "Förenkla den (t.ex. i QGIS: Vektor > Geometriverktyg > Förenkla).",
        "en": "The geometry has {corners} corners in {parts} parts; the limit is {limit} corners and {parts_limit} "
              "parts. Simplify it (e.g. in QGIS: Vector > Geometry Tools > Simplify).",
    },
    "problem.mixed_encoding": {
        "sv": "Rad {row} är inte UTF-8 fast tidigare rader är det (byte {position}); spara hela filen som UTF-8.",
        "en": "Line {row} is not UTF-8 although earlier lines are (byte {position}); save the whole file as UTF-8.",
    },
    "problem.nul_character": {"sv": "Cellen innehåller ett NUL-tecken (byte 0), som ingen databas lagrar; ta bort det.",
                              "en": "The cell holds a NUL character (byte 0), which no database stores; remove it."},
    "problem.header_too_long": {
        "sv": "Kolumnnamnet har {length} tecken; gränsen är {limit}. Är rubrikraden verkligen första raden?",
        "en": "The column name has {length} characters; the limit is {limit}. Is the header row really the first row?",
    },
    "problem.xlsx_part_too_large": {
        "sv": "Arbetsbokens del {part} packas upp till {size} MB; gränsen är {limit} MB.",
        "en": "The workbook's part {part} expands to {size} MB; the limit is {limit} MB.",
    },
    "problem.xlsx_row_too_large": {
        "sv": "Rad {row} i bladet tar {size} MB; gränsen är {limit} MB.",
        "en": "Row {row} of the sheet takes {size} MB; the limit is {limit} MB.",
    },
    "problem.xlsx_rows_out_of_order": {
        "sv": "Rad {row} kommer efter rad {previous} i filen; rader i fel ordning skulle gå förlorade. Spara "
              "arbetsboken på nytt i Excel.",
        "en": "Row {row} comes after row {previous} in the file; rows out of order would be lost. Save the workbook "
              "again in Excel.",
    },
    "problem.gpkg_not_a_table": {
        "sv": "Lagret '{layer}' är ingen vanlig tabell (en vy eller beräknade kolumner); exportera det som tabell "
              "(t.ex. QGIS: Spara objekt som).",
        "en": "The layer '{layer}' is not a plain table (a view or computed columns); export it as a table (e.g. "
              "QGIS: Save Features As).",
    },
    "problem.more_problems": {
        "sv": "… och {count} problem till, som inte visas här. Rätta dessa och kontrollera filen igen.",
        "en": "… and {count} more problems, not listed here. Fix these and check the file again.",
    },
    "problem.too_many_values": {"sv": "Cellen räknar upp {count} värden; gränsen är {limit}.",
                                "en": "The cell lists {count} values; the limit is {limit}."},
    "problem.invalid_geometry_large": {
        "sv": "Ytan är ogiltig (t.ex. korsar sig själv) och för stor för att repareras här; reparera den i ert GIS "
              "(QGIS: Processing > Fix geometries).",
        "en": "The polygon is invalid (e.g. self-intersecting) and too large to repair here; repair it in your GIS "
              "(QGIS: Processing > Fix geometries).",
    },
    "problem.severity": {"sv": "Allvar", "en": "Severity"},
    "problem.date_today": {
        "sv": "Kartläggningen är daterad i dag: är det dagen den gjordes, eller dagen för uppladdningen?",
        "en": "The survey is dated today: is that the day it was made, or the day of the upload?",
    },
    "problem.date_future": {"sv": "Kartläggningen är daterad {day}, i framtiden.",
                            "en": "The survey is dated {day}, in the future."},
    "problem.date_before_latest": {
        "sv": "Kartläggningen är daterad {day}, före den senast publicerade, {name} ({latest}): den jämförs med "
              "kartläggningen före den, inte den senaste.",
        "en": "The survey is dated {day}, before the latest published survey, {name} ({latest}): it is compared "
              "with the survey before it, not the latest.",
    },
    "problem.date_taken": {"sv": "{name} har samma datum; är detta en rättad version av den?",
                           "en": "{name} has the same date; is this a corrected version of it?"},
    "problem.date_weekend": {"sv": "{day} är en lördag eller söndag.", "en": "{day} is a Saturday or Sunday."},
    "problem.kind_followup_first": {
        "sv": "En uppföljning, men ingen publicerad kartläggning före den att följa upp.",
        "en": "A follow-up, but no published survey before it to follow up.",
    },
    "problem.record_file_type": {"sv": "Filen läses som CSV (.csv) eller Excel (.xlsx).",
                                 "en": "The file is read as CSV (.csv) or Excel (.xlsx)."},
    "problem.unknown_record_column": {"sv": "Okänd kolumn. Kolumnerna är: {columns}.",
                                      "en": "Unknown column. The columns are: {columns}."},
    "problem.no_record_rows": {"sv": "Filen har en rubrikrad men inga rader.",
                               "en": "The file has a header but no rows."},
    "problem.value_required": {"sv": "Ett värde krävs.", "en": "A value is required."},
    "problem.measure_id_format": {"sv": "Åtgärdens id är 1–64 bokstäver, siffror, - eller _.",
                                  "en": "A measure id is 1–64 letters, digits, - or _."},
    "problem.measure_id_twice": {"sv": "Samma åtgärds-id förekommer två gånger i filen.",
                                 "en": "The measure id appears twice in the file."},
    "problem.measure_target": {"sv": "En åtgärd hör till exakt en av: en scen, en kommun eller ett lokalpolisområde.",
                               "en": "A measure belongs to exactly one of: a scene, a municipality or a local "
                                     "police area."},
    "problem.measure_scene_unknown": {
        "sv": "Ingen publicerad kartläggning har en scen med detta id (demodata räknas inte).",
        "en": "No published survey has a scene with this id (demo data does not count)."},
    "problem.end_before_start": {"sv": "Slutdatumet ligger före startdatumet.",
                                 "en": "The end date is before the start date."},
    "problem.value_format": {"sv": "Inte ett tal; skriv t.ex. 12,5.", "en": "Not a number; write e.g. 12.5."},
    "problem.area_level": {"sv": "Områdesnivån är lan, kommun eller lokalpolisomrade.",
                           "en": "The area level is lan, kommun or lokalpolisomrade."},
    "problem.area_code_county": {"sv": "Ett värde för hela länet har ingen områdeskod.",
                                 "en": "A value for the whole county has no area code."},
    "problem.source_url_format": {"sv": "Källans adress börjar med https:// eller http://.",
                                  "en": "The source URL starts with https:// or http://."},
    "problem.indicator_twice": {"sv": "Samma indikator, område och datum som rad {first}.",
                                "en": "The same indicator, area and date as row {first}."},
    "problem.reference_too_many_rows": {"sv": "Tabellen har {rows} rader; gränsen är {limit}.",
                                        "en": "The table has {rows} rows; the limit is {limit}."},
    "problem.followup_unvisited": {
        "sv": "Scener som ännu inte besökts: {count} ({names}). Markera var och en som kvar, ändrad eller upphört.",
        "en": "Scenes not yet revisited: {count} ({names}). Mark each still active, changed or ceased."},
    "problem.followup_empty": {"sv": "Ingen scen återstår: alla har upphört. En kartläggning utan scener kan inte "
                                     "publiceras, precis som en uppladdad fil.",
                               "en": "No scene is left: every scene has ceased. A survey without scenes cannot be "
                                     "published, as with an uploaded file."},
    "problem.followup_predecessor": {"sv": "Föregångaren {id} är inte en scen i kartläggningen som följs upp.",
                                     "en": "The predecessor {id} is not a scene of the survey followed."},
    "problem.drawing_unreadable": {"sv": "Formen kunde inte läsas. Rita den igen, eller skriv den som WKT.",
                                   "en": "The shape could not be read. Draw it again, or type it as WKT."},
    "problem.drawing_too_many": {"sv": "Ritningen har {count} former; högst {limit}.",
                                 "en": "The drawing holds {count} shapes; at most {limit}."},
    "problem.drawing_text_long": {"sv": "Texten har {count} tecken; högst {limit}.",
                                  "en": "The text has {count} characters; at most {limit}."},
    "problem.drawing_count": {
        "sv": "En scen är en form; ritningen har {count}. Ta bort de andra med suddgummit, eller rita en.",
        "en": "A scene is one shape; the drawing holds {count}. Remove the others with the eraser, or draw one."},
    "problem.drawing_unchanged": {"sv": "Formen är som förut; flytta ett hörn eller hela formen först.",
                                  "en": "The shape is as it was; move a corner or the whole shape first."},
    "problem.drawing_split_parts": {
        "sv": "En delning är två eller fler ytor; ritningen har {count}. Klipp scenen med en ritad yta, eller rita "
              "delarna.",
        "en": "A split is two or more areas; the drawing holds {count}. Cut the scene with a drawn area, or draw "
              "its parts."},
    "problem.drawing_name": {"sv": "En ny scen behöver ett namn.", "en": "A new scene needs a name."},
    "problem.followup_shape_kind": {"sv": "En scen är en punkt eller en yta, inte en {kind}.",
                                    "en": "A scene is a point or an area, not a {kind}."},
    "problem.name_too_long": {"sv": "Ett scennamn har högst {limit} tecken; detta har {length}. Korta det.",
                              "en": "A scene's name has at most {limit} characters; this one has {length}. "
                                    "Shorten it."},
    "problem.followup_kept_predecessor": {
        "sv": "Scenen {id} behåller sitt id från kartläggningen och fortsätter därmed sig själv; den anger ingen "
              "föregångare.",
        "en": "The scene {id} keeps its id from the survey followed, so it continues itself and names no "
              "predecessor."},
}
