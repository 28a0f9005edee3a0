"""All interface strings, in Swedish (the default) and English, in one catalogue.

A test checks every key has both languages and the same `{placeholders}` in each. Pages call
`t(key, lang, **values)`; an unknown key shows the key itself so a missing string is visible, not fatal.
"""

from __future__ import annotations

__all__ = ["CATALOGUE", "LANGUAGES", "number", "t"]

LANGUAGES = {"sv": "Svenska", "en": "English"}

CATALOGUE: dict[str, dict[str, str]] = {
    "app.title": {"sv": "Öppna drogscener i Stockholms län", "en": "Open drug scenes in Stockholm County"},
    "app.language": {"sv": "Språk / Language", "en": "Språk / Language"},
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
    "overview.title": {"sv": "Översikt", "en": "Overview"},
    "overview.latest": {"sv": "Senaste underlag: {name} ({date})", "en": "Latest survey: {name} ({date})"},
    "overview.baseline": {"sv": "Jämförs med utgångsläget: {name} ({date})",
                          "en": "Compared with the baseline: {name} ({date})"},
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
    "kpi.municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "kpi.municipalities_help": {"sv": "Kommuner med minst en öppen drogscen i senaste kartläggningen.",
                                "en": "Municipalities with at least one open drug scene in the latest survey."},
    "kpi.of_municipalities": {"sv": "av {total} i länet", "en": "of {total} in the county"},
    "kpi.police_areas": {"sv": "Lokalpolisområden", "en": "Local police areas"},
    "kpi.police_areas_help": {"sv": "Lokalpolisområden med minst en öppen drogscen i senaste kartläggningen.",
                              "en": "Local police areas with at least one open drug scene in the latest survey."},
    "kpi.goal": {"sv": "Mål: högst {count} scener {date}", "en": "Goal: at most {count} scenes by {date}"},
    "kpi.goal_example": {
        "sv": "Exempelvärde – inget numeriskt mål är publicerat. Styrgruppen anger sitt eget mål.",
        "en": "Example value – no numeric target is published. The steering group sets its own.",
    },
    "kpi.on_track": {"sv": "I fas", "en": "On track"},
    "kpi.behind": {"sv": "Efter planen", "en": "Behind"},
    "kpi.ahead_by": {"sv": "{n} scener färre än banan", "en": "{n} scenes below the trajectory"},
    "kpi.behind_by": {"sv": "{n} scener fler än banan", "en": "{n} scenes above the trajectory"},
    "kpi.trajectory_help": {
        "sv": "Banan går rakt från utgångsläget till målet. Förväntat vid senaste kartläggningen: {expected}.",
        "en": "The trajectory runs straight from the baseline to the goal. Expected at the latest survey: "
              "{expected:.1f}.",
    },
    "overview.surveys": {"sv": "Kartläggningar", "en": "Surveys"},
    "overview.published": {"sv": "Publicerade totaler för länet", "en": "Published county totals"},
    "overview.published_help": {
        "sv": "Officiella siffror med källa. De hålls isär från platsdata.",
        "en": "Official figures with their sources, kept apart from the scene-level data.",
    },
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
    "col.label": {"sv": "Underlag", "en": "Figure"},
    "col.source": {"sv": "Källa", "en": "Source"},
    "col.notes": {"sv": "Anmärkning", "en": "Notes"},
    "col.confidence": {"sv": "Säkerhet", "en": "Confidence"},
}


def t(key: str, lang: str = "sv", **values: object) -> str:
    """The string for `key` in `lang`, formatted with `values`; the key itself if unknown."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["sv"]
    return text.format(**values) if values else text


def number(value: float, lang: str = "sv", decimals: int = 0) -> str:
    """A number as the language writes it: Swedish uses a decimal comma and a space between thousands."""
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text
