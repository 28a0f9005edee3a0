"""The upload page: the form, the triaged report, the preview, and column names (`col.`)."""

from scenes.i18n.text import Text

FAMILIES = ('upload', 'triage', 'col',)

ENTRIES: dict[str, dict[str, Text]] = {
    "upload.nothing_real": {
        "sv": "Det finns ingen tidigare riktig kartläggning att jämföra med (demodata räknas aldrig som ”före”). "
              "Här visas bara den nya filen.",
        "en": "There is no earlier real survey to compare with (demo data never counts as “before”). Only the new "
              "file is shown here."},
    "col.scene_id": {"sv": "Scen-id", "en": "Scene id"},
    "col.municipality": {"sv": "Kommun", "en": "Municipality"},
    "col.police_area": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "col.district": {"sv": "Stadsdel", "en": "City district"},
    "col.categories": {"sv": "Kategorier", "en": "Categories"},
    "col.status": {"sv": "Status", "en": "Status"},
    "col.impact": {"sv": "Otrygghet (1–5)", "en": "Unsafety (1–5)"},
    "col.area_m2": {"sv": "Yta (m²)", "en": "Area (m²)"},
    "col.geometry": {"sv": "Geometri", "en": "Geometry"},
    "col.published": {"sv": "Publicerad total", "en": "Published total"},
    "col.published_label": {"sv": "Publicerad som", "en": "Published as"},
    "col.published_source": {"sv": "Källa för publicerad total", "en": "Source of the published total"},
    "col.key": {"sv": "Kod", "en": "Code"},
    "col.label": {"sv": "Avser", "en": "Refers to"},
    "col.kommun_kod": {"sv": "Kommunkod", "en": "Municipality code"},
    "col.earlier": {"sv": "Tidigare", "en": "Earlier"},
    "col.later": {"sv": "Senare", "en": "Later"},
    "col.change": {"sv": "Förändring", "en": "Change"},
    "col.series": {"sv": "Serie", "en": "Series"},
    "col.survey": {"sv": "Kartläggning", "en": "Survey"},
    "col.per_100k": {"sv": "Per 100 000 inv.", "en": "Per 100,000 inh."},
    "col.note": {"sv": "Anmärkning", "en": "Note"},
    "triage.rows": {
        "sv": {"one": "{label}: {n} rad", "other": "{label}: {n} rader"},
        "en": {"one": "{label}: {n} row", "other": "{label}: {n} rows"},
    },
    "triage.count": {"sv": "{label}: {n}", "en": "{label}: {n}"},
    "triage.at_row": {"sv": "rad {row}", "en": "row {row}"},
    "triage.at_column": {"sv": "kolumn {column}", "en": "column {column}"},
    "triage.empty": {"sv": "(tom)", "en": "(empty)"},
    "triage.errors": {
        "sv": {"one": "{n} fel hindrar publicering – rätta det först.",
               "other": "{n} fel hindrar publicering – rätta dem först."},
        "en": {"one": "{n} error blocks publishing – fix it first.",
               "other": "{n} errors block publishing – fix them first."},
    },
    "triage.errors_by_row": {"sv": "Felen rad för rad", "en": "The errors row by row"},
    "triage.warnings": {"sv": "Varningar ({n}) – hindrar inte publicering",
                        "en": "Warnings ({n}) – they do not block publishing"},
    "triage.warnings_by_row": {"sv": "Alla varningar rad för rad", "en": "All warnings row by row"},
    "triage.examples": {"sv": "t.ex. {examples}", "en": "e.g. {examples}"},
    "triage.apply": {"sv": "Tillämpa ({n})", "en": "Apply ({n})"},
    "triage.apply_help": {
        "sv": "Skriver in förslagen av detta slag i din fil och kontrollerar den igen. Den rättade filen kan laddas "
              "ned; inget annat i filen ändras.",
        "en": "Writes this kind's suggestions into your file and checks it again. The corrected file can be "
              "downloaded; nothing else in the file changes.",
    },
    "triage.report_csv": {"sv": "Hela rapporten (CSV)", "en": "The whole report (CSV)"},

    "upload.corrected": {
        "sv": {"one": "Förslaget är tillämpat: {n} cell ändrad. Kontrollen gäller den rättade filen {file}.",
               "other": "Förslagen är tillämpade: {n} celler ändrade. Kontrollen gäller den rättade filen {file}."},
        "en": {"one": "The suggestion is applied: {n} cell changed. The check is of the corrected file {file}.",
               "other": "The suggestions are applied: {n} cells changed. The check is of the corrected file {file}."},
    },
    "upload.corrected_download": {"sv": "Ladda ned rättad fil", "en": "Download corrected file"},
    "upload.corrected_undo": {"sv": "Använd originalfilen", "en": "Use the original file"},
    "upload.total_count": {"sv": "Scener i länet efter publicering",
                           "en": "Scenes in the county after publishing"},
    "upload.total_area": {"sv": "Total yta (ha) efter publicering", "en": "Total area (ha) after publishing"},
    "upload.before": {"sv": "före: {value}", "en": "before: {value}"},
    "upload.flags": {
        "sv": "Granska innan du publicerar – scener där en yta blivit punkt, en yta ändrats mycket eller en scen "
              "flyttats långt (gränserna är inställningar): {n}",
        "en": "Review before publishing – scenes where an area became a point, an area changed a lot or a scene "
              "moved far (the thresholds are settings): {n}",
    },
    "upload.flag": {"sv": "Vad", "en": "What"},
    "upload.flag_before": {"sv": "Före", "en": "Before"},
    "upload.flag_after": {"sv": "Efter", "en": "After"},
    "upload.no_changes": {
        "sv": "Inga ändringar: filen innehåller samma scener, taggar och lägen som den publicerade kartläggningen. "
              "Inget att publicera.",
        "en": "No changes: the file holds the same scenes, tags and places as the published survey. Nothing to "
              "publish.",
    },
    "upload.title": {"sv": "Ladda upp en kartläggning", "en": "Upload a survey"},
    "upload.intro": {
        "sv": "Ladda upp en kartläggning eller uppföljning som CSV, Excel (.xlsx), GeoJSON eller GeoPackage. Filen "
              "kontrolleras rad för rad innan något publiceras; publicerade kartläggningar skrivs aldrig över, en "
              "rättad fil blir en ny revision.",
        "en": "Upload a survey or follow-up as CSV, Excel (.xlsx), GeoJSON or GeoPackage. The file is checked row by "
              "row before anything is published; published surveys are never overwritten, a corrected file becomes "
              "a new revision.",
    },
    "upload.template_csv": {"sv": "Mall (CSV)", "en": "Template (CSV)"},
    "upload.template_xlsx": {"sv": "Mall med kodlistor (Excel)", "en": "Template with code lists (Excel)"},
    "upload.mode": {"sv": "Vad laddar du upp?", "en": "What are you uploading?"},
    "upload.mode.new": {"sv": "En ny kartläggning", "en": "A new survey"},
    "upload.mode.revision": {"sv": "En rättad version av en publicerad kartläggning",
                             "en": "A corrected version of a published survey"},
    "upload.name": {"sv": "Namn", "en": "Name"},
    "upload.date": {"sv": "Datum", "en": "Date"},
    "upload.kind": {"sv": "Typ", "en": "Kind"},
    "upload.source": {"sv": "Källa (t.ex. Polisen, regionalt underrättelsecenter)",
                      "en": "Source (e.g. the police regional intelligence centre)"},
    "upload.revise": {"sv": "Kartläggning som rättas", "en": "Survey to correct"},
    "upload.note": {"sv": "Vad är rättat?", "en": "What was corrected?"},
    "upload.file": {"sv": "Fil", "en": "File"},
    "upload.hint": {"sv": "Högst {mb} MB per fil · {formats}", "en": "At most {mb} MB per file · {formats}"},
    "upload.checking": {"sv": "Läser och kontrollerar filen …", "en": "Reading and checking the file …"},
    "upload.checked": {"sv": "Kontrollerad: {rows} godkända rader", "en": "Checked: {rows} valid rows"},
    "upload.checked_errors": {
        "sv": {"one": "Kontrollerad: {n} fel att rätta ({rows} godkända rader)",
               "other": "Kontrollerad: {n} fel att rätta ({rows} godkända rader)"},
        "en": {"one": "Checked: {n} error to fix ({rows} valid rows)",
               "other": "Checked: {n} errors to fix ({rows} valid rows)"},
    },
    "upload.sheet": {"sv": "Blad i arbetsboken", "en": "Sheet in the workbook"},
    "upload.mapping": {"sv": "Okända kolumner – välj vad de betyder eller ignorera dem",
                       "en": "Unknown columns – choose what they mean, or ignore them"},
    "upload.mapping_help": {"sv": "Förslag: {hints}", "en": "Suggestions: {hints}"},
    "upload.ignore": {"sv": "(ignorera)", "en": "(ignore)"},
    "upload.rows_ok": {"sv": "Godkända rader", "en": "Valid rows"},
    "upload.blocked": {
        "sv": "Filen har fel och kan inte publiceras. Rätta raderna i rapporten och ladda upp filen igen; inget "
              "har ändrats.",
        "en": "The file has errors and cannot be published. Fix the rows in the report and upload it again; "
              "nothing has changed.",
    },
    "upload.preview": {"sv": "Förhandsgranskning mot {name}", "en": "Preview against {name}"},
    "upload.changed_tags": {"sv": "Ändrade uppgifter för kvarstående scener",
                            "en": "Changed tags of persisting scenes"},
    "upload.publish": {"sv": "Publicera", "en": "Publish"},
    "upload.publishing": {"sv": "Publicerar …", "en": "Publishing …"},
    "upload.published": {"sv": "Publicerad: {id}, revision {revision}.", "en": "Published: {id}, revision {revision}."},
    "upload.name_required": {"sv": "Ge kartläggningen ett namn.", "en": "Give the survey a name."},
    "upload.kind_required": {"sv": "Välj typ: kartläggning eller uppföljning.",
                             "en": "Choose the kind: survey or follow-up."},
    "upload.choose": {"sv": "Välj …", "en": "Choose …"},
    "upload.date_required": {
        "sv": "Välj kartläggningens datum först: filen kontrolleras mot de lokalpolisområden som gällde då.",
        "en": "Choose the survey's date first: the file is checked against the police areas of that date.",
    },
    "col.survey_id": {"sv": "Kartläggningens id", "en": "Survey id"},
    "col.revision": {"sv": "Revision", "en": "Revision"},
    "col.created_at": {"sv": "Skapad", "en": "Created"},
    "col.created_by": {"sv": "Av", "en": "By"},
    "col.file_name": {"sv": "Fil", "en": "File"},
    "col.sha256": {"sv": "SHA-256", "en": "SHA-256"},
    "col.rows": {"sv": "Rader", "en": "Rows"},
    "col.current": {"sv": "Gällande", "en": "Current"},
    "col.at": {"sv": "Tid", "en": "Time"},
    "col.actor": {"sv": "Vem", "en": "Who"},
    "col.action": {"sv": "Åtgärd", "en": "Action"},
    "col.detail": {"sv": "Detalj", "en": "Detail"},
    "col.before": {"sv": "Före", "en": "Before"},
    "col.after": {"sv": "Efter", "en": "After"},
    "upload.demo_ends": {
        "sv": "Demoläget upphör när riktiga data publiceras, och därefter krävs inloggning. Skapa därför först "
              "administratören med engångskoden från serverns logg; sedan publiceras filen i samma steg.",
        "en": "Demo mode ends when real data is published, and sign-in is required from then on. So first create "
              "the administrator with the one-time code from the server's log; the file is then published in the "
              "same step.",
    },
    "upload.admin_and_publish": {"sv": "Skapa administratören och publicera",
                                 "en": "Create the administrator and publish"},
    "col.version": {"sv": "Version", "en": "Version"},
    "col.changes": {"sv": "Ändringar", "en": "Changes"},
    "col.field": {"sv": "Uppgift", "en": "Field"},
    "col.value": {"sv": "Värde", "en": "Value"},
    "col.id": {"sv": "Id", "en": "Id"},
    "col.name": {"sv": "Namn", "en": "Name"},
    "col.date": {"sv": "Datum", "en": "Date"},
    "col.kind": {"sv": "Typ", "en": "Kind"},
    "col.scenes": {"sv": "Scener", "en": "Scenes"},
    "col.municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "col.police_areas": {"sv": "Lokalpolisområden", "en": "Local police areas"},
    "col.districts": {"sv": "Stadsdelar", "en": "City districts"},
    "col.area_ha": {"sv": "Yta (ha)", "en": "Area (ha)"},
    "col.demo": {"sv": "Exempeldata", "en": "Demo data"},
    "col.source": {"sv": "Källa", "en": "Source"},
    "col.notes": {"sv": "Anmärkning", "en": "Notes"},
    "col.confidence": {"sv": "Säkerhet", "en": "Confidence"},
}
