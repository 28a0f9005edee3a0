"""The seminars page and records."""

from scenes.i18n.text import Text

FAMILIES = ('seminars',)

ENTRIES: dict[str, dict[str, Text]] = {
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
}
