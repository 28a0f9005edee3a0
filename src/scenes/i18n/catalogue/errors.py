"""Errors the core raises on purpose (`error.<code>`), as a person reads them."""

from scenes.i18n.text import Text

FAMILIES = ('error',)

ENTRIES: dict[str, dict[str, Text]] = {
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
    # follow-ups made in the app (scenes.domain.followup, scenes.store.followups, scenes.views.followup)
    "error.followup_no_scene": {"sv": "Uppföljningen har ingen scen {id}.", "en": "The follow-up has no scene {id}."},
    "error.followup_closed": {"sv": "Uppföljningen {id} är avslutad (publicerad eller kasserad); inget sparades.",
                              "en": "The follow-up {id} is closed (published or discarded); nothing was saved."},
    "error.followup_scene_gone": {
        "sv": "Scenen {id} har redan förts vidare (upphört, delad eller sammanslagen) i uppföljningen och kan inte "
              "ändras; ändra de scener som fortsätter den.",
        "en": "The scene {id} has already been carried on (ceased, split or merged) in the follow-up and cannot be "
              "changed; change the scenes that continue it."},
    "error.followup_empty_shape": {"sv": "Den ritade formen är tom; rita den igen.",
                                   "en": "The drawn shape is empty; draw it again."},
    "error.followup_shape_kind": {"sv": "En scen är en punkt eller en yta, inte en {kind}.",
                                  "en": "A scene is a point or an area, not a {kind}."},
    "error.followup_bad_visit": {"sv": "En scen från kartläggningen markeras som kvar, ändrad eller upphört.",
                                 "en": "A scene of the survey followed is marked still active, changed or ceased."},
    "error.followup_impact": {"sv": "Påverkan anges 1 (låg) till 5 (hög), inte {value}.",
                              "en": "The impact rating is 1 (low) to 5 (high), not {value}."},
    "error.followup_scene_exists": {"sv": "Uppföljningen har redan en scen {id}.",
                                    "en": "The follow-up already has a scene {id}."},
    "error.followup_mark_ceased": {"sv": "Scenen {id} finns i kartläggningen som följs upp: markera den som upphört i "
                                         "stället för att ta bort den.",
                                   "en": "The scene {id} is in the survey followed: mark it ceased instead of "
                                         "deleting it."},
    "error.followup_split_parts": {"sv": "En delning ger två eller fler scener; {count} delar ritades.",
                                   "en": "A split makes two or more scenes; {count} parts were drawn."},
    "error.followup_demo_drawing": {
        "sv": "Inget ritas in i en uppföljning av demodata; starta uppföljningen från en riktig kartläggning.",
        "en": "Nothing is drawn into a follow-up of demo data; start the follow-up from a real survey."},
    "error.drawing_invalid": {"sv": "Det ritade sparades inte. Problemen står nedan; de som har en plats är markerade "
                                    "i orange på kartan.",
                              "en": "The drawing was not saved. The problems are listed below; those with a place "
                                    "are marked in orange on the map."},
    "error.followup_merge_count": {"sv": "En sammanslagning förenar två eller fler scener; välj minst två.",
                                   "en": "A merge joins two or more scenes; choose at least two."},
    "error.followup_exists": {"sv": "Det finns redan en uppföljning med id {id}; välj ett annat.",
                              "en": "A follow-up with id {id} already exists; choose another id."},
    "error.followup_unknown": {"sv": "Det finns ingen uppföljning med id {id}.",
                               "en": "There is no follow-up with id {id}."},
    "error.followup_changed": {
        "sv": "{id} ändrades av någon annan under tiden; inget sparades. Ladda om och gör ändringen igen.",
        "en": "{id} was changed by someone else meanwhile; nothing was saved. Reload and make the change again."},
    "error.followup_id_format": {"sv": "En uppföljnings id är 1–56 bokstäver, siffror, '.', '-' eller '_'.",
                                 "en": "A follow-up's id is 1–56 letters, digits, '.', '-' or '_'."},
    "error.followup_name_length": {"sv": "Namnet har {length} tecken; högst {limit} går. Korta det.",
                                   "en": "The name has {length} characters; at most {limit} fit. Shorten it."},
    "error.survey_id_length": {"sv": "Kartläggningens id har {length} tecken; 1–{limit} går. Välj ett kortare.",
                               "en": "The survey's id has {length} characters; 1–{limit} fit. Choose a shorter one."},
    "error.survey_name_length": {"sv": "Kartläggningens namn har {length} tecken; 1–{limit} går. Korta det.",
                                 "en": "The survey's name has {length} characters; 1–{limit} fit. Shorten it."},
    "error.followup_demo_file": {
        "sv": "En fil läses inte in i en uppföljning av exempeldata: riktiga uppgifter skulle bli fiktiva och synas "
              "utan inloggning. Starta uppföljningen från en riktig kartläggning.",
        "en": "A file is not loaded into a follow-up of demo data: real data would become fictitious and show without "
              "sign-in. Start the follow-up from a real survey."},
    "error.followup_invalid": {"sv": "Uppföljningen har problem; inget publicerades. Se listan nedan.",
                               "en": "The follow-up has problems; nothing was published. See the list below."},
}
