"""Key figures and progress: the count line, Översikt, Utveckling, Mål, the charts, a scene's history."""

from scenes.i18n.text import Text

FAMILIES = ('kpi', 'progress', 'goal', 'baseline', 'overview', 'chart', 'history',)

ENTRIES: dict[str, dict[str, Text]] = {
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
    # figures (scenes.domain.figures, scenes.domain.progress): not measured is not zero; no comparison is no arrow
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
    "history.present": {"sv": "finns", "en": "present"},
    "history.absent": {"sv": "finns inte", "en": "not present"},
    "history.merged": {"sv": "sammanslagen av {ids}", "en": "merged from {ids}"},
    "history.from": {"sv": "avknoppad från {ids}", "en": "split from {ids}"},
    "history.continued_as": {"sv": "fortsätter som {ids}", "en": "continued as {ids}"},
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
    "overview.where": {"sv": "Scener per kommun: {name}", "en": "Scenes per municipality: {name}"},
    "overview.map_alt": {"sv": "Karta över Stockholms län: antal öppna drogscener per kommun i {name}.",
                         "en": "Map of Stockholm County: the number of open drug scenes per municipality in {name}."},
    "overview.to_map": {"sv": "Öppna kartan", "en": "Open the map"},
    "overview.to_progress": {"sv": "Utvecklingen i detalj", "en": "Progress in detail"},
    "overview.since_previous": {"sv": "Sedan föregående kartläggning: {name}",
                                "en": "Since the previous survey: {name}"},
    "history.title": {"sv": "Historik och granskningslogg", "en": "History and audit log"},
    "history.revisions": {"sv": "Revisioner", "en": "Revisions"},
    "history.rollback": {"sv": "Återställ en revision", "en": "Restore a revision"},
    "history.revision": {"sv": "Revision", "en": "Revision"},
    "history.current": {"sv": "Gällande revision: {revision}", "en": "Current revision: {revision}"},
    "history.make_current": {"sv": "Gör vald revision gällande", "en": "Make the chosen revision current"},
    "history.rolled_back": {"sv": "{id}: revision {revision} gäller nu.",
                            "en": "{id}: revision {revision} is current."},
    "history.audit": {"sv": "Granskningslogg", "en": "Audit log"},
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
}
