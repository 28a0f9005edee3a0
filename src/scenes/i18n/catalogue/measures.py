"""Measures, coordination, impact and the safety indicators."""

from scenes.i18n.text import Text

FAMILIES = ('measures', 'measure', 'coord', 'impact', 'indicators', 'indicator',)

ENTRIES: dict[str, dict[str, Text]] = {
    # -- the coordination view (Samordning) and the map's measure option ---------------------------------------
    "coord.nav": {"sv": "Samordning", "en": "Coordination"},
    "coord.title": {"sv": "Samordning", "en": "Coordination"},
    "coord.intro": {
        "sv": "Åtgärder och ansvariga aktörer vid scenerna i {name} ({date}). En åtgärd följer sin scen genom "
              "sammanslagningar och delningar.",
        "en": "Measures and responsible actors at the scenes of {name} ({date}). A measure follows its scene through "
              "merges and splits."},
    "coord.demo": {"sv": "Åtgärderna och aktörerna är också exempeldata: påhittade.",
                   "en": "The measures and actors are demo data too: invented."},
    "coord.no_measures_at_all": {
        "sv": "Inga åtgärder är registrerade ännu. En analytiker lägger till dem eller importerar en fil.",
        "en": "No measures are registered yet. An analyst adds them or imports a file."},
    "coord.empty": {"sv": "Inga scener eller åtgärder matchar urvalet. Ändra eller töm filtren.",
                    "en": "No scenes or measures match the selection. Change or clear the filters."},
    "coord.no_measures": {"sv": "Inga åtgärder matchar urvalet.", "en": "No measures match the selection."},
    "coord.filter.kind": {"sv": "Åtgärdstyp", "en": "Kind of measure"},
    "coord.filter.status": {"sv": "Åtgärdens status", "en": "Status of the measure"},
    "coord.filter.actor": {"sv": "Ansvarig organisation", "en": "Responsible organisation"},
    "coord.kpi.scenes": {"sv": "Scener i urvalet", "en": "Scenes selected"},
    "coord.kpi.no_responsible": {"sv": "Utan ansvarig aktör", "en": "No responsible actor"},
    "coord.kpi.no_responsible_help": {
        "sv": "Scener utan någon planerad, pågående eller pausad åtgärd (i scenens historik).",
        "en": "Scenes with no planned, ongoing or paused measure (in the scene's history)."},
    "coord.kpi.no_ongoing": {"sv": "Utan pågående åtgärd", "en": "No ongoing measure"},
    "coord.kpi.no_ongoing_help": {"sv": "Scener där ingen åtgärd pågår just nu.",
                                  "en": "Scenes where no measure is ongoing now."},
    "coord.kpi.measures": {"sv": "Åtgärder i urvalet", "en": "Measures selected"},
    "coord.tab.gaps": {"sv": "Luckor", "en": "Gaps"},
    "coord.tab.kinds": {"sv": "Typ, status och organisation", "en": "Kind, status and organisation"},
    "coord.tab.scene": {"sv": "Per scen", "en": "Per scene"},
    "coord.tab.areas": {"sv": "Kommun- och polisområdesnivå", "en": "Municipality and police area level"},
    "coord.gaps_help": {
        "sv": "Scener utan pågående åtgärd; de som saknar ansvarig aktör helt står först. Filtren för typ och "
              "organisation gäller, statusfiltret inte.",
        "en": "Scenes without an ongoing measure; those with no responsible actor at all come first. The kind and "
              "organisation filters apply, the status filter does not."},
    "coord.no_gaps": {"sv": "Alla scener i urvalet har en pågående åtgärd.",
                      "en": "Every scene selected has an ongoing measure."},
    "coord.by_actor": {"sv": "Per organisation", "en": "Per organisation"},
    "coord.my_organisation": {"sv": "Vad ansvarar min organisation för?",
                              "en": "What is my organisation responsible for?"},
    "coord.scene": {"sv": "Scen", "en": "Scene"},
    "coord.scene_measures": {"sv": "Scenens åtgärder", "en": "The scene's measures"},
    "coord.scene_no_measures": {"sv": "Scenen har inga åtgärder i urvalet.",
                                "en": "The scene has no measures in the selection."},
    "coord.versions": {"sv": "Versioner: {kind} ({id})", "en": "Versions: {kind} ({id})"},
    "coord.impact": {"sv": "Otrygghet över tid", "en": "Unsafety over time"},
    "coord.impact_help": {
        "sv": "Bedömningen (1–5) i varje kartläggning, för scenen och de scener den fortsätter. Saknad bedömning "
              "visas som saknad, aldrig som noll.",
        "en": "The rating (1–5) in each survey, for the scene and the scenes it continues. A missing rating is shown "
              "as missing, never as zero."},
    "coord.areas_help": {
        "sv": "Åtgärder som hör till en hel kommun eller ett lokalpolisområde. Ett kommun- eller "
              "lokalpolisområdesfilter visar de områden det nämner.",
        "en": "Measures that belong to a whole municipality or local police area. A municipality or police-area "
              "filter shows the areas it names."},
    "coord.no_area_measures": {"sv": "Inga åtgärder på kommun- eller polisområdesnivå i urvalet.",
                               "en": "No municipality or police-area measures in the selection."},
    "coord.generalised": {
        "sv": "Som deltagare ser du antal åtgärder per kommun och åtgärdstyp, inga enskilda scener eller aktörer. "
              "Antal under {n}, och antal som annars kunde räknas fram ur summorna, visas som \"skyddad\".",
        "en": "As a participant you see numbers of measures per municipality and kind, no single scenes or actors. "
              "Numbers below {n}, and numbers that could otherwise be worked out from the totals, read \"withheld\"."},
    "coord.counts": {"sv": "Åtgärder per kommun och typ", "en": "Measures per municipality and kind"},
    "coord.level.scene": {"sv": "Scen", "en": "Scene"},
    "coord.level.county": {"sv": "Län", "en": "County"},
    "coord.level.kommun": {"sv": "Kommun", "en": "Municipality"},
    "coord.level.lpo": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "coord.col.level": {"sv": "Nivå", "en": "Level"},
    "coord.col.place": {"sv": "Plats", "en": "Place"},
    "coord.col.actor": {"sv": "Ansvarig organisation", "en": "Responsible organisation"},
    "coord.col.start": {"sv": "Start", "en": "Start"},
    "coord.col.end": {"sv": "Slut", "en": "End"},
    "coord.col.measure_id": {"sv": "Åtgärds-id", "en": "Measure id"},
    "coord.col.entered_for": {"sv": "Registrerad för scen", "en": "Entered for scene"},
    "coord.col.no_responsible": {"sv": "Ingen ansvarig aktör", "en": "No responsible actor"},
    "coord.col.measures": {"sv": "Åtgärder (alla statusar)", "en": "Measures (any status)"},
    "coord.col.total": {"sv": "Totalt", "en": "Total"},
    "coord.col.observed_as": {"sv": "Observerad som", "en": "Observed as"},
    "coord.col.ratings": {"sv": "Bedömningar", "en": "Ratings"},
    "coord.col.trend_rating": {"sv": "Bedömning (högsta)", "en": "Rating (highest)"},
    "coord.map_toggle": {"sv": "Visa åtgärder", "en": "Show measures"},
    "coord.map_toggle_help": {
        "sv": "Ringar in scener med en pågående åtgärd (också i scenens historik). Delas i länken som atgard=1.",
        "en": "Rings the scenes with an ongoing measure (also in the scene's history). Shared in the link as "
              "atgard=1."},
    "coord.map_legend": {"sv": "Pågående åtgärd", "en": "Ongoing measure"},
    "measure.status.planerad": {"sv": "Planerad", "en": "Planned"},
    "measure.status.pagaende": {"sv": "Pågående", "en": "Ongoing"},
    "measure.status.pausad": {"sv": "Pausad", "en": "Paused"},
    "measure.status.avslutad": {"sv": "Avslutad", "en": "Done"},
    "indicator.level.lan": {"sv": "Länet", "en": "The county"},
    "indicator.level.kommun": {"sv": "Kommun", "en": "Municipality"},
    "indicator.level.lokalpolisomrade": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "indicators.report_title": {"sv": "Trygghetsindikatorer", "en": "Safety indicators"},
    "indicators.report_empty": {
        "sv": "Inga indikatorvärden är inlagda. Appen levererar inga siffror: en analytiker lägger in värden med källa "
              "på sidan Trygghetsindikatorer.",
        "en": "No indicator values have been entered. The app ships no figures: an analyst enters sourced values on "
              "the page Safety indicators."},
    "indicators.col.previous": {"sv": "Föregående", "en": "Previous"},
    "indicators.progress_empty": {
        "sv": "Inga trygghetsindikatorer är inlagda ännu. Appen levererar inga siffror: en analytiker lägger in värden "
              "med källa på sidan Trygghetsindikatorer, och de visas här bredvid antalet scener.",
        "en": "No safety indicators have been entered yet. The app ships no figures: an analyst enters sourced values "
              "on the page Safety indicators, and they show here beside the scene counts."},
    "indicators.progress_sources": {"sv": "Källor:", "en": "Sources:"},
    "measures.report_title": {"sv": "Åtgärder", "en": "Measures"},
    "measures.report_empty": {"sv": "Inga åtgärder är registrerade. Analytiker registrerar dem på sidan Åtgärder.",
                              "en": "No measures are registered. Analysts register them on the page Measures."},
    "measures.report_latest": {
        "sv": "{survey}: {scenes} scener, varav {no_ongoing} utan pågående åtgärd och {no_responsible} utan ansvarig "
              "aktör (ingen planerad, pågående eller pausad åtgärd). {measures} åtgärder hör till scenerna eller "
              "till en kommun eller ett lokalpolisområde.",
        "en": "{survey}: {scenes} scenes, of which {no_ongoing} without an ongoing measure and {no_responsible} "
              "without a responsible actor (no planned, ongoing or paused measure). {measures} measures belong to the "
              "scenes or to a municipality or a local police area."},
    "measures.report_generalised": {
        "sv": "Antal åtgärder per kommun och typ (åtgärder på lokalpolisområdesnivå på egna rader). Antal från 1 till "
              "{n} − 1, och antal som annars kunde räknas fram ur summorna, visas som \"skyddad\".",
        "en": "Number of measures per municipality and kind (police-area measures in rows of their own). Counts from 1 "
              "to {n} − 1, and counts that could otherwise be worked out from the totals, read \"withheld\"."},
    # -- the entry pages: Åtgärder and Trygghetsindikatorer, and the reference tables of measures --------------------
    "measures.nav": {"sv": "Åtgärder", "en": "Measures"},
    "measures.title": {"sv": "Åtgärder", "en": "Measures"},
    "measures.intro": {
        "sv": "Vem gör vad, var: varje åtgärd hör till en scen (och följer den genom sammanslagningar och delningar), "
              "en kommun eller ett lokalpolisområde. Varje ändring sparas som en ny version med vem och när.",
        "en": "Who does what, where: each measure belongs to a scene (and follows it through merges and splits), a "
              "municipality or a local police area. Every change is saved as a new version with who and when."},
    "measures.demo_real_later": {
        "sv": "Här visas de fiktiva exempelåtgärderna. En skarp åtgärd som du sparar visas när den första skarpa "
              "kartläggningen är publicerad: exempeldata och skarpa uppgifter blandas aldrig.",
        "en": "The fictitious demo measures are shown here. A real measure you save appears once the first real "
              "survey is published: demo and real data never mix."},
    "measures.list": {"sv": "Alla åtgärder", "en": "All measures"},
    "measures.all": {"sv": "Alla", "en": "All"},
    "measures.search": {"sv": "Sök (plats, anteckning, id)", "en": "Search (place, note, id)"},
    "measures.empty": {"sv": "Inga åtgärder ännu. Lägg till en nedan eller importera en fil.",
                       "en": "No measures yet. Add one below or import a file."},
    "measures.count": {"sv": {"one": "Visar {shown} av {n} åtgärd.", "other": "Visar {shown} av {n} åtgärder."},
                       "en": {"one": "Showing {shown} of {n} measure.", "other": "Showing {shown} of {n} measures."}},
    "measures.edit": {"sv": "Lägg till eller ändra", "en": "Add or edit"},
    "measures.choose": {"sv": "Åtgärd", "en": "Measure"},
    "measures.new": {"sv": "Ny åtgärd", "en": "New measure"},
    "measures.version": {"sv": "Formuläret visar version {version}, sparad {when} av {by}.",
                         "en": "The form shows version {version}, saved {when} by {by}."},
    "measures.target": {"sv": "Åtgärden hör till", "en": "The measure belongs to"},
    "measures.target.scene": {"sv": "Scen", "en": "Scene"},
    "measures.target.kommun": {"sv": "Kommun", "en": "Municipality"},
    "measures.target.lpo": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "measures.scene_id_only": {"sv": "Scen {id} (inte i de visade kartläggningarna)",
                               "en": "Scene {id} (not in the surveys shown)"},
    "measures.field.scene_id": {"sv": "Scen", "en": "Scene"},
    "measures.field.kommun_kod": {"sv": "Kommun", "en": "Municipality"},
    "measures.field.lokalpolisomrade": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "measures.field.kind": {"sv": "Typ av åtgärd", "en": "Kind of measure"},
    "measures.field.actor": {"sv": "Ansvarig aktör", "en": "Responsible actor"},
    "measures.field.status": {"sv": "Status", "en": "Status"},
    "measures.field.start_date": {"sv": "Startdatum (valfritt)", "en": "Start date (optional)"},
    "measures.field.end_date": {"sv": "Slutdatum (valfritt)", "en": "End date (optional)"},
    "measures.field.note": {"sv": "Anteckning", "en": "Note"},
    "measures.field.removed": {"sv": "Borttagen", "en": "Removed"},
    "measures.save": {"sv": "Spara åtgärden", "en": "Save the measure"},
    "measures.saved": {"sv": "Åtgärden {id} sparades (version {version}): {what}. Formuläret är tomt för nästa "
                             "åtgärd; välj {id} under Åtgärd för att ändra den.",
                       "en": "The measure {id} was saved (version {version}): {what}. The form is empty for the next "
                             "measure; choose {id} under Measure to change it."},
    "measures.remove": {"sv": "Ta bort", "en": "Remove"},
    "measures.remove_confirm": {
        "sv": "Ja, ta bort åtgärden (den sparas som en borttagen version; historiken finns kvar)",
        "en": "Yes, remove the measure (saved as a removed version; its history is kept)"},
    "measures.removed": {"sv": "Åtgärden {id} togs bort (version {version}).",
                         "en": "The measure {id} was removed (version {version})."},
    "measures.reload": {"sv": "Visa den senaste versionen", "en": "Show the latest version"},
    "measures.history": {"sv": "Versionshistorik", "en": "Version history"},
    "measures.history.added": {"sv": "Tillagd för {target}", "en": "Added for {target}"},
    "measures.history.removed": {"sv": "Borttagen", "en": "Removed"},
    "measures.col.id": {"sv": "Id", "en": "Id"},
    "measures.col.target": {"sv": "Hör till", "en": "Belongs to"},
    "measures.col.kind": {"sv": "Typ", "en": "Kind"},
    "measures.col.actor": {"sv": "Ansvarig", "en": "Responsible"},
    "measures.col.status": {"sv": "Status", "en": "Status"},
    "measures.col.start": {"sv": "Start", "en": "Start"},
    "measures.col.end": {"sv": "Slut", "en": "End"},
    "measures.col.note": {"sv": "Anteckning", "en": "Note"},
    "measures.col.version": {"sv": "Version", "en": "Version"},
    "measures.col.saved": {"sv": "Senast sparad", "en": "Last saved"},
    "measures.col.when": {"sv": "När", "en": "When"},
    "measures.col.who": {"sv": "Vem", "en": "Who"},
    "measures.col.what": {"sv": "Vad", "en": "What"},
    "measures.col.organisation_type": {"sv": "Typ av organisation", "en": "Kind of organisation"},
    "measures.col.organisation_type_help": {
        "sv": "T.ex. kommun, polis, region, fastighetsägare, ideell organisation.",
        "en": "E.g. municipality, police, region, property owner, non-profit organisation."},
    "measures.files": {"sv": "Importera och exportera", "en": "Import and export"},
    "measures.columns": {
        "sv": "Filens rubrikrad (CSV med semikolon, eller Excel), rubrikerna exakt så här. Varje rad hör till en scen, "
              "en kommun eller ett lokalpolisområde (fyll i exakt en av de tre kolumnerna); typ, aktör och status är "
              "koderna i Referenstabeller; datum skrivs ÅÅÅÅ-MM-DD. Ett befintligt id ändrar den åtgärden, ett tomt "
              "lägger till en ny. Vid minsta problem importeras ingenting.",
        "en": "The file's header row (CSV with semicolons, or Excel), headers exactly so. Each row belongs to a "
              "scene, a municipality or a local police area (fill in exactly one of those three columns); kind, actor "
              "and status are the codes of the Reference tables; dates are written YYYY-MM-DD. An existing id updates "
              "that measure, a blank one adds a new one. On any problem nothing is imported."},
    "measures.export_csv": {"sv": "Ladda ner åtgärderna (CSV)", "en": "Download the measures (CSV)"},
    "measures.export_xlsx": {"sv": "Ladda ner åtgärderna (Excel)", "en": "Download the measures (Excel)"},
    "measures.import_file": {"sv": "Åtgärdsfil (CSV eller Excel)", "en": "Measures file (CSV or Excel)"},
    "measures.import_button": {"sv": "Importera åtgärderna", "en": "Import the measures"},
    "measures.imported": {"sv": "Importerat: {added} nya och {updated} ändrade åtgärder.",
                          "en": "Imported: {added} new and {updated} changed measures."},
    "measures.ref_help.measure_kinds": {
        "sv": "Åtgärdstyperna som åtgärder väljer bland (arbetsnamn tills de officiella är kända). Koderna är "
              "stabila: rader kan läggas till och namn ändras, men ingen kod tas bort eller byter namn.",
        "en": "The kinds a measure is chosen from (working names until the official ones are known). Codes are "
              "stable: rows can be added and names changed, but no code is removed or renamed."},
    "measures.ref_help.actors": {
        "sv": "Aktörerna som kan vara ansvariga för en åtgärd: kommuner och stadsdelar, lokalpolisområden, Region "
              "Stockholm, trafikkontoret, fastighetsägare, ideella organisationer … Nya koder är små bokstäver, "
              "siffror och _.",
        "en": "The actors that can be responsible for a measure: municipalities and districts, police areas, Region "
              "Stockholm, the traffic office, property owners, non-profit organisations … New codes are lowercase "
              "letters, digits and _."},
    "indicators.nav": {"sv": "Trygghetsindikatorer", "en": "Safety indicators"},
    "indicators.title": {"sv": "Trygghetsindikatorer", "en": "Safety indicators"},
    "indicators.intro": {
        "sv": "Källbelagda värden som styrgruppen följer vid sidan av antalet scener, t.ex. andelen boende nära en "
              "scen som känner sig otrygga enligt regionens trygghetsundersökning. Varje värde har en källa och en "
              "adress där det kan kontrolleras.",
        "en": "Sourced values the steering group follows beside the number of scenes, e.g. the share of residents "
              "near a scene who feel unsafe according to the regional safety survey. Every value has a source and an "
              "address where it can be checked."},
    "indicators.empty": {
        "sv": "Inga värden ännu. Appen levereras utan siffror: bara källbelagda värden förs in. Lägg till ett värde "
              "i formuläret nedan eller importera en fil med kolumnerna som anges under Importera och exportera "
              "(se README, \"How to add a safety indicator\").",
        "en": "No values yet. The app ships no figures: only sourced values are entered. Add a value with the form "
              "below or import a file with the columns listed under Import and export (see the README, \"How to add "
              "a safety indicator\")."},
    "indicators.list": {"sv": "Alla värden", "en": "All values"},
    "indicators.add": {"sv": "Lägg till ett värde", "en": "Add a value"},
    "indicators.add_help": {
        "sv": "Samma indikator, område och datum som ett sparat värde ersätter det (det gamla värdet står kvar i "
              "loggen).",
        "en": "The same indicator, area and date as a stored value replaces it (the old value stays in the log)."},
    "indicators.field.indicator": {"sv": "Indikator", "en": "Indicator"},
    "indicators.field.value": {"sv": "Värde", "en": "Value"},
    "indicators.field.unit": {"sv": "Enhet", "en": "Unit"},
    "indicators.field.date": {"sv": "Datum som värdet avser", "en": "Date the value describes"},
    "indicators.field.area_level": {"sv": "Områdesnivå", "en": "Area level"},
    "indicators.field.area_code": {"sv": "Område", "en": "Area"},
    "indicators.field.source": {"sv": "Källa", "en": "Source"},
    "indicators.field.source_url": {"sv": "Källans adress (https://…)", "en": "Source address (https://…)"},
    "indicators.field.note": {"sv": "Anteckning", "en": "Note"},
    "indicators.indicator_help": {"sv": "Namnet som det ska stå i diagrammen. Sparade indikatorer: {names}.",
                                  "en": "The name as charts should show it. Stored indicators: {names}."},
    "indicators.value_help": {"sv": "Ett tal, med decimalkomma eller decimalpunkt.",
                              "en": "A number, with a decimal comma or point."},
    "indicators.unit_help": {"sv": "T.ex. %, antal, per 100 000 invånare.",
                             "en": "E.g. %, count, per 100,000 inhabitants."},
    "indicators.date_help": {"sv": "För en årlig undersökning: undersökningens datum eller årets 31 december.",
                             "en": "For a yearly survey: the survey's date or 31 December of its year."},
    "indicators.source_help": {"sv": "Vem som publicerade värdet, och publikationen.",
                               "en": "Who published the value, and the publication."},
    "indicators.save": {"sv": "Spara värdet", "en": "Save the value"},
    "indicators.saved": {"sv": "Sparat: {indicator}, {area}.", "en": "Saved: {indicator}, {area}."},
    "indicators.remove_title": {"sv": "Ta bort ett värde", "en": "Remove a value"},
    "indicators.remove_choose": {"sv": "Värde", "en": "Value"},
    "indicators.value_label": {"sv": "{indicator}, {area}, {date}: {value} {unit}",
                               "en": "{indicator}, {area}, {date}: {value} {unit}"},
    "indicators.remove": {"sv": "Ta bort", "en": "Remove"},
    "indicators.remove_confirm": {"sv": "Ja, ta bort värdet (det står kvar i loggen)",
                                  "en": "Yes, remove the value (it stays in the log)"},
    "indicators.removed": {"sv": "Värdet för {indicator} togs bort.", "en": "The value of {indicator} was removed."},
    "indicators.col.indicator": {"sv": "Indikator", "en": "Indicator"},
    "indicators.col.area": {"sv": "Område", "en": "Area"},
    "indicators.col.date": {"sv": "Datum", "en": "Date"},
    "indicators.col.value": {"sv": "Värde", "en": "Value"},
    "indicators.col.unit": {"sv": "Enhet", "en": "Unit"},
    "indicators.col.source": {"sv": "Källa", "en": "Source"},
    "indicators.col.source_url": {"sv": "Källans adress", "en": "Source address"},
    "indicators.col.note": {"sv": "Anteckning", "en": "Note"},
    "indicators.col.saved": {"sv": "Sparat av", "en": "Saved by"},
    "indicators.axis.value": {"sv": "Värde", "en": "Value"},
    "indicators.axis.value_unit": {"sv": "Värde ({unit})", "en": "Value ({unit})"},
    "indicators.files": {"sv": "Importera och exportera", "en": "Import and export"},
    "indicators.columns": {
        "sv": "Filens rubrikrad (CSV med semikolon, eller Excel), rubrikerna exakt så här. Områdesnivån är lan, kommun "
              "eller lokalpolisomrade; området är kommunkoden eller lokalpolisområdets kod (tomt för länet); datum "
              "skrivs ÅÅÅÅ-MM-DD; källans adress börjar med https:// eller http://. Vid minsta problem importeras "
              "ingenting.",
        "en": "The file's header row (CSV with semicolons, or Excel), headers exactly so. The area level is lan, "
              "kommun or lokalpolisomrade; the area is the municipality code or the police area's code (blank for the "
              "county); dates are written YYYY-MM-DD; the source address starts with https:// or http://. On any "
              "problem nothing is imported."},
    "indicators.export_csv": {"sv": "Ladda ner värdena (CSV)", "en": "Download the values (CSV)"},
    "indicators.export_xlsx": {"sv": "Ladda ner värdena (Excel)", "en": "Download the values (Excel)"},
    "indicators.import_file": {"sv": "Indikatorfil (CSV eller Excel)", "en": "Indicator file (CSV or Excel)"},
    "indicators.import_button": {"sv": "Importera värdena", "en": "Import the values"},
    "indicators.imported": {"sv": "Importerat: {added} nya och {replaced} ersatta värden.",
                            "en": "Imported: {added} new and {replaced} replaced values."},
    "impact.title": {"sv": "Inverkan över tid", "en": "Impact over time"},
    "impact.help": {
        "sv": "Varje scen kan ha en bedömning av sin negativa inverkan (otrygghet) från 1 (låg) till 5 (hög). Hög "
              "inverkan är {range}. Scener utan bedömning redovisas som saknade, aldrig som 0, och ingår inte i "
              "medelvärdet.",
        "en": "Each scene may have a rating of its negative impact (unsafety) from 1 (low) to 5 (high). High impact "
              "is {range}. Scenes without a rating are shown as missing, never as 0, and are left out of the mean.",
    },
    "impact.empty": {
        "sv": "Ingen kartläggning har bedömningar av inverkan (1–5) ännu. De läses från kolumnen otrygghet/impact "
              "när en kartläggning laddas upp.",
        "en": "No survey has impact ratings (1–5) yet. They are read from the column otrygghet/impact when a survey "
              "is uploaded.",
    },
    "impact.distribution": {"sv": "Fördelning av bedömningar per kartläggning",
                            "en": "Ratings per survey"},
    "impact.chart_help": {
        "sv": "Varje stapel är en kartläggning: scenerna med bedömning 1 till vänster, sedan 2–5 och sist de utan "
              "bedömning (grå). Siffrorna är antal scener.",
        "en": "Each bar is a survey: scenes rated 1 on the left, then 2–5 and last those without a rating (grey). "
              "The figures are numbers of scenes.",
    },
    "impact.changes": {"sv": "Kvarstående scener: blev de mindre eller mer skadliga?",
                       "en": "Continuing scenes: did they become less or more harmful?"},
    "impact.changes_help": {
        "sv": "En scen i den senare kartläggningen jämförs med de scener i den tidigare som den fortsätter: samma id, "
              "eller de föregångare den anger. En sammanslagen scen jämförs med den högsta bedömningen bland dem den "
              "slår samman; varje del av en delad scen jämförs med den scen den kom från. Saknas en bedömning kan "
              "scenen inte jämföras. Nya och upphörda scener jämförs inte.",
        "en": "A scene of the later survey is compared with the scenes of the earlier one that it continues: the same "
              "id, or the predecessors it names. A merged scene is compared with the highest rating among those it "
              "merges; each part of a split scene with the scene it came from. Where a rating is missing the scene "
              "cannot be compared. New and ceased scenes are not compared.",
    },
    "impact.no_changes": {"sv": "Det behövs minst två kartläggningar för att jämföra.",
                          "en": "At least two surveys are needed for a comparison."},
    "impact.missing": {"sv": "Ej bedömd", "en": "Not rated"},
    "impact.legend": {"sv": "Bedömning", "en": "Rating"},
    "impact.col.rated": {"sv": "Bedömda", "en": "Rated"},
    "impact.col.missing": {"sv": "Saknar bedömning", "en": "No rating"},
    "impact.col.high": {"sv": "Hög inverkan ({range})", "en": "High impact ({range})"},
    "impact.col.rating": {"sv": "Bedömning {rating}", "en": "Rated {rating}"},
    "impact.col.mean": {"sv": "Medelvärde (bedömda)", "en": "Mean (rated)"},
    "impact.col.from": {"sv": "Från", "en": "From"},
    "impact.col.to": {"sv": "Till", "en": "To"},
    "impact.col.continuing": {"sv": "Kvarstående", "en": "Continuing"},
    "impact.col.less": {"sv": "Mindre skadlig", "en": "Less harmful"},
    "impact.col.equal": {"sv": "Oförändrad", "en": "Unchanged"},
    "impact.col.more": {"sv": "Mer skadlig", "en": "More harmful"},
    "impact.col.not_comparable": {"sv": "Kan inte jämföras", "en": "Not comparable"},
    "impact.kpi": {"sv": "Hög inverkan ({range})", "en": "High impact ({range})"},
    "impact.kpi_of": {"sv": "av {rated} bedömda · {missing} saknar bedömning",
                      "en": "of {rated} rated · {missing} without a rating"},
    "impact.kpi_none": {"sv": "Ingen scen är bedömd", "en": "No scene is rated"},
    "impact.kpi_help": {
        "sv": "Scener i senaste kartläggningen med bedömd inverkan (otrygghet) {range} på skalan 1–5. Scener utan "
              "bedömning räknas som saknade, inte som låga.",
        "en": "Scenes of the latest survey whose impact (unsafety) is rated {range} on the scale 1–5. Scenes without "
              "a rating count as missing, not as low.",
    },
    "impact.report_title": {"sv": "Verkan, trygghet och åtgärder", "en": "Impact, safety and measures"},
    "impact.report_latest": {
        "sv": "{survey}: {scenes} scener, {area}. Hög inverkan ({range}): {high} av {rated} bedömda scener; "
              "{missing} saknar bedömning.",
        "en": "{survey}: {scenes} scenes, {area}. High impact ({range}): {high} of {rated} rated scenes; "
              "{missing} without a rating.",
    },
    "impact.report_no_ratings": {
        "sv": "{survey}: {scenes} scener, {area}. Ingen scen har en bedömning av inverkan.",
        "en": "{survey}: {scenes} scenes, {area}. No scene has an impact rating.",
    },
    "impact.report_hidden": {
        "sv": "{survey}: {scenes} scener. Inverkan redovisas inte för så få scener.",
        "en": "{survey}: {scenes} scenes. Impact is not given for so few scenes.",
    },
}
