"""The reference tables page."""

from scenes.i18n.text import Text

FAMILIES = ('reference',)

ENTRIES: dict[str, dict[str, Text]] = {
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
    "reference.title": {"sv": "Referenstabeller", "en": "Reference tables"},
    "reference.intro": {
        "sv": "Kategoriernas namn är arbetsnamn tills de officiella är kända: rätta dem här. Koderna är stabila i "
              "data och kan inte tas bort eller döpas om; nya kan läggas till. Varje sparad version behålls och "
              "loggas.",
        "en": "The category names are working names until the official ones are known: correct them here. Codes "
              "are stable in data and cannot be removed or renamed; new ones can be added. Every saved version is "
              "kept and logged.",
    },
    "reference.table": {"sv": "Tabell", "en": "Table"},
    "reference.categories": {"sv": "Kategorier", "en": "Categories"},
    "reference.statuses": {"sv": "Status", "en": "Statuses"},
    "reference.municipalities": {"sv": "Kommuner (folkmängd)", "en": "Municipalities (population)"},
    # -- measures and safety indicators: the core's words (statuses, audit lines, errors, problems) --------------
    "reference.measure_kinds": {"sv": "Åtgärdstyper", "en": "Kinds of measure"},
    "reference.actors": {"sv": "Aktörer", "en": "Actors"},
    "reference.save": {"sv": "Spara tabellen", "en": "Save the table"},
    "reference.saved": {"sv": {"one": "Sparat: {n} ändring.", "other": "Sparat: {n} ändringar."},
                        "en": {"one": "Saved: {n} change.", "other": "Saved: {n} changes."}},
    "reference.version": {"sv": "Version {version}, sparad {when} av {by}. Tabellerna finns i databasen, så alla "
                                "instanser läser samma version; de levererade filerna i data/ blev version 1.",
                          "en": "Version {version}, saved {when} by {by}. The tables live in the database, so every "
                                "instance reads the same version; the shipped files in data/ became version 1."},
    "reference.history": {"sv": "Alla versioner", "en": "Every version"},
}
