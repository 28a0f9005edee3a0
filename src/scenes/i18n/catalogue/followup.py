"""The follow-up page (Uppföljning): drafts, the revisit list and form, merges, files, review and publish."""

from scenes.i18n.text import Text

FAMILIES = ('followup',)

ENTRIES: dict[str, dict[str, Text]] = {
    "followup.nav": {"sv": "Uppföljning", "en": "Follow-up"},
    "followup.title": {"sv": "Uppföljning", "en": "Follow-up"},
    "followup.intro": {
        "sv": "En uppföljning besöker varje känd scen igen. Starta ett utkast från en publicerad kartläggning, markera "
              "varje scen som kvar, ändrad eller upphört, slå ihop scener, och publicera utkastet som en ny "
              "kartläggning när alla är besökta. Utkastet syns bara för analytiker: aldrig på kartan, i diagram, "
              "rapporter eller nedladdningar.",
        "en": "A follow-up revisits every known scene. Start a draft from a published survey, mark each scene still "
              "active, changed or ceased, merge scenes, and publish the draft as a new survey once every scene is "
              "revisited. Only analysts see a draft: never on the map, in charts, reports or downloads."},
    "followup.none": {"sv": "Det finns inget öppet utkast. Starta en uppföljning nedan.",
                      "en": "There is no open draft. Start a follow-up below."},
    "followup.start": {"sv": "Starta en uppföljning", "en": "Start a follow-up"},
    "followup.base": {"sv": "Kartläggning att följa upp", "en": "Survey to follow up"},
    "followup.name": {"sv": "Utkastets namn", "en": "The draft's name"},
    "followup.start_button": {"sv": "Starta utkastet", "en": "Start the draft"},
    "followup.started": {"sv": "Utkastet {id} är startat: {n} scener att besöka.",
                         "en": "The draft {id} is started: {n} scenes to revisit."},
    "followup.choose": {"sv": "Utkast", "en": "Draft"},
    "followup.draft_label": {"sv": "{name} ({id}: följer {base}, {by})", "en": "{name} ({id}: follows {base}, {by})"},
    "followup.kpi.done": {"sv": "Besökta", "en": "Revisited"},
    "followup.kpi.left": {"sv": "Kvar att besöka", "en": "Left to revisit"},
    "followup.kpi.ceased": {"sv": "Upphörda", "en": "Ceased"},
    "followup.kpi.new": {"sv": "Nya", "en": "New"},
    "followup.worklist": {"sv": "Per kommun eller lokalpolisområde", "en": "By municipality or police area"},
    "followup.col.done": {"sv": "Besökta", "en": "Revisited"},
    "followup.col.left": {"sv": "Kvar att besöka", "en": "Left"},
    "followup.col.visit": {"sv": "Besök", "en": "Visit"},
    "followup.col.by": {"sv": "Senast ändrad av", "en": "Last changed by"},
    "followup.col.continues": {"sv": "Fortsätter", "en": "Continues"},
    "followup.scenes": {"sv": "Scenerna", "en": "The scenes"},
    "followup.filter.visit": {"sv": "Visa", "en": "Show"},
    "followup.count": {"sv": "Visar {shown} av {n} scener.", "en": "Showing {shown} of {n} scenes."},
    "followup.choose_scene": {"sv": "Scen att besöka", "en": "Scene to revisit"},
    "followup.no_match": {"sv": "Inga scener matchar urvalet.", "en": "No scenes match the selection."},
    "followup.form": {"sv": "Besök: {name}", "en": "Revisit: {name}"},
    "followup.version": {"sv": "Version {version}, {by} {when}", "en": "Version {version}, {by} {when}"},
    "followup.version_start": {"sv": "Som i kartläggningen som följs upp", "en": "As in the survey followed"},
    "followup.mark": {"sv": "Läget vid besöket", "en": "At the visit"},
    "followup.impact": {"sv": "Påverkan (1 låg – 5 hög)", "en": "Impact (1 low – 5 high)"},
    "followup.impact_none": {"sv": "Inte bedömd", "en": "Not rated"},
    "followup.status": {"sv": "Status", "en": "Status"},
    "followup.categories": {"sv": "Kategorier", "en": "Categories"},
    "followup.notes": {"sv": "Anteckning", "en": "Note"},
    "followup.save": {"sv": "Spara besöket", "en": "Save the visit"},
    "followup.saved": {"sv": "Sparat: {name} ({visit}).", "en": "Saved: {name} ({visit})."},
    "followup.reload": {"sv": "Ladda om scenen", "en": "Reload the scene"},
    "followup.gone": {"sv": "Scenen fortsätter i {ids}; besök dem i stället.",
                      "en": "The scene continues as {ids}; revisit those instead."},
    "followup.remove": {"sv": "Ta bort den nya scenen", "en": "Delete the new scene"},
    "followup.remove_confirm": {"sv": "Ja, ta bort scenen från utkastet", "en": "Yes, delete the scene from the draft"},
    "followup.removed": {"sv": "Scenen {name} är borttagen ur utkastet.", "en": "The scene {name} is deleted from "
                                                                                "the draft."},
    "followup.merge": {"sv": "Slå ihop scener", "en": "Merge scenes"},
    "followup.merge_help": {
        "sv": "Välj två eller fler scener som nu är en. Den sammanslagna scenen får ett nytt id och pekar ut dem som "
              "föregångare; dess yta är deras ytor tillsammans (eller, om alla är punkter, punkten mitt emellan).",
        "en": "Choose two or more scenes that are now one. The merged scene gets a new id and names them as "
              "predecessors; its area is their areas together (or, when all are points, the point between them)."},
    "followup.merge_choose": {"sv": "Scener att slå ihop", "en": "Scenes to merge"},
    "followup.merge_name": {"sv": "Den sammanslagna scenens namn", "en": "The merged scene's name"},
    "followup.merge_button": {"sv": "Slå ihop", "en": "Merge"},
    "followup.merged": {"sv": "{n} scener är sammanslagna till {id}.", "en": "{n} scenes are merged into {id}."},
    "followup.choose_categories": {"sv": "Välj en eller flera", "en": "Choose one or more"},
    "followup.map.title": {"sv": "Rita på kartan", "en": "Draw on the map"},
    "followup.map.mode": {"sv": "Vad vill du rita?", "en": "What do you want to draw?"},
    "followup.map.mode.reshape": {"sv": "Flytta eller rita om scenen", "en": "Move or redraw the scene"},
    "followup.map.mode.new": {"sv": "Rita en ny scen", "en": "Draw a new scene"},
    "followup.map.mode.split": {"sv": "Dela scenen", "en": "Split the scene"},
    "followup.map.help.reshape": {
        "sv": "{name} är streckad i svart. Redigera (verktyget med hörnen) för att dra i hörnen, Flytta för att "
              "flytta hela scenen, eller rita en yta för att göra en punkt till en yta. Spara sedan formen.",
        "en": "{name} is dashed in black. Edit (the tool with the corners) to drag its corners, Drag to move the "
              "whole scene, or draw an area to make a point an area. Then save the shape."},
    "followup.map.help.new": {
        "sv": "Rita en punkt (markör) eller en yta där den nya scenen är, och ge den ett namn. Kommun och "
              "lokalpolisområde följer av platsen.",
        "en": "Draw a point (marker) or an area where the new scene is, and give it a name. The municipality and "
              "local police area follow from the place."},
    "followup.map.help.split": {
        "sv": "Klipp {name} med en ritad yta (saxen) så att den faller i delar, eller rita delarna som ytor. Varje "
              "del blir en ny scen som fortsätter {name}.",
        "en": "Cut {name} with a drawn area (the scissors) so that it falls into parts, or draw the parts as areas. "
              "Each part becomes a new scene continuing {name}."},
    "followup.map.no_tools": {
        "sv": "Ritverktygen är inte installerade på den här servern (`make drawing-tools`). Ange formen som text "
              "nedan, eller exportera utkastet och läs in filen igen.",
        "en": "The drawing tools are not installed on this server (`make drawing-tools`). Type the shape as text "
              "below, or export the draft and load the file back."},
    "followup.map.capped": {"sv": "Kartan visar {shown} av de {n} andra scenerna här; välj kommuner i listans urval "
                                  "för att se andra.",
                            "en": "The map shows {shown} of the {n} other scenes here; choose municipalities in the "
                                  "list's filter to see others."},
    "followup.map.layer": {"sv": "Utkastets scener", "en": "The draft's scenes"},
    "followup.map.problems": {"sv": "Problem i det ritade", "en": "Problems in the drawing"},
    "followup.map.drawn": {"sv": "Det som ritas", "en": "What is drawn"},
    "followup.map.as_text": {"sv": "Ange formen som text (utan mus)", "en": "Type the shape as text (without a mouse)"},
    "followup.map.text": {"sv": "Form (WKT eller GeoJSON, longitud latitud i WGS 84)",
                          "en": "Shape (WKT or GeoJSON, longitude latitude in WGS 84)"},
    "followup.map.text_help": {
        "sv": "Till exempel POINT (18.0649 59.3326) eller POLYGON ((18.06 59.33, 18.07 59.33, 18.07 59.34, 18.06 "
              "59.33)). En delning: GEOMETRYCOLLECTION med delarna. Står något här används texten i stället för "
              "ritningen.",
        "en": "For example POINT (18.0649 59.3326) or POLYGON ((18.06 59.33, 18.07 59.33, 18.07 59.34, 18.06 "
              "59.33)). A split: a GEOMETRYCOLLECTION of the parts. Text here is used instead of the drawing."},
    "followup.map.current": {"sv": "Scenens form nu (att kopiera och ändra):",
                             "en": "The scene's shape now (to copy and change):"},
    "followup.map.using_text": {"sv": "Texten ovan sparas (inte ritningen).",
                                "en": "The text above is saved (not the drawing)."},
    "followup.map.untouched": {"sv": "Inget är ändrat på kartan ännu.", "en": "Nothing is changed on the map yet."},
    "followup.map.using_drawing": {"sv": "Former i ritningen: {n}.", "en": "Shapes in the drawing: {n}."},
    "followup.map.save_shape": {"sv": "Spara formen", "en": "Save the shape"},
    "followup.map.saved_shape": {"sv": "Den nya formen för {name} är sparad.",
                                 "en": "The new shape of {name} is saved."},
    "followup.map.save_split": {"sv": "Dela i de ritade delarna", "en": "Split into the parts drawn"},
    "followup.map.saved_split": {"sv": "{name} är delad i {n} scener: {ids}.",
                                 "en": "{name} is split into {n} scenes: {ids}."},
    "followup.map.new_name": {"sv": "Den nya scenens namn", "en": "The new scene's name"},
    "followup.map.derived_help": {
        "sv": "Lämna tomt: det följer av platsen. Behövs bara i Stockholms stad, där platsen ensam inte avgör "
              "lokalpolisområdet.",
        "en": "Leave empty: it follows from the place. Needed only in Stockholm city, where the place alone does "
              "not decide the police area."},
    "followup.map.stockholm": {"sv": "Flyttad till eller inom Stockholms stad: lokalpolisområde",
                               "en": "Moved to or within Stockholm city: local police area"},
    "followup.map.save_new": {"sv": "Lägg till scenen", "en": "Add the scene"},
    "followup.map.saved_new": {"sv": "Den nya scenen {name} ({id}) är tillagd.",
                               "en": "The new scene {name} ({id}) is added."},
    "followup.files": {"sv": "Filer", "en": "Files"},
    "followup.export": {"sv": "Ladda ned utkastet ({fmt})", "en": "Download the draft ({fmt})"},
    "followup.load": {"sv": "Läs in en fil i utkastet", "en": "Load a file into the draft"},
    "followup.load_help": {
        "sv": "Filen kontrolleras som en uppladdning. En scen med utkastets id uppdaterar scenen; ett nytt id är en "
              "ny scen (med föregångare i kolumnen predecessors); en scen från kartläggningen som saknas i filen "
              "markeras som upphört. Allt eller inget sparas.",
        "en": "The file is checked as an upload is. A scene with the draft's id updates that scene; a new id is a "
              "new scene (with predecessors in the predecessors column); a scene of the survey followed that the "
              "file leaves out is marked ceased. All or nothing is saved."},
    "followup.load_button": {"sv": "Läs in", "en": "Load"},
    "followup.loaded": {"sv": "{file} är inläst: {left} scener kvar att besöka.",
                        "en": "{file} is loaded: {left} scenes left to revisit."},
    "followup.review": {"sv": "Granska och publicera", "en": "Review and publish"},
    "followup.survey_name": {"sv": "Den nya kartläggningens namn", "en": "The new survey's name"},
    "followup.survey_date": {"sv": "Datum för uppföljningen", "en": "Date of the follow-up"},
    "followup.review_button": {"sv": "Granska utkastet", "en": "Review the draft"},
    "followup.review_needed": {"sv": "Ge namn och datum och granska utkastet innan det publiceras.",
                               "en": "Give the name and date and review the draft before it is published."},
    "followup.review_stale": {"sv": "Utkastet har ändrats sedan granskningen; granska igen.",
                              "en": "The draft has changed since the review; review it again."},
    "followup.checked": {"sv": "Utkastet klarar kontrollerna: {n} scener.",
                         "en": "The draft passes the checks: {n} scenes."},
    "followup.blocked": {"sv": "Utkastet kan inte publiceras än; se problemen ovan.",
                         "en": "The draft cannot be published yet; see the problems above."},
    "followup.preview": {"sv": "Jämfört med {name}", "en": "Compared with {name}"},
    "followup.publish": {"sv": "Publicera uppföljningen", "en": "Publish the follow-up"},
    "followup.published": {"sv": "Uppföljningen är publicerad som {id}.", "en": "The follow-up is published as {id}."},
    "followup.discard": {"sv": "Kassera utkastet", "en": "Discard the draft"},
    "followup.discard_confirm": {"sv": "Ja, kassera utkastet (det sparas i historiken)",
                                 "en": "Yes, discard the draft (it is kept in the history)"},
    "followup.discarded": {"sv": "Utkastet {id} är kasserat.", "en": "The draft {id} is discarded."},
    "followup.published_as": {"sv": "Publicerad som", "en": "Published as"},
    "followup.closed": {"sv": "Tidigare uppföljningar", "en": "Earlier follow-ups"},
    "followup.state.open": {"sv": "Öppen", "en": "Open"},
    "followup.state.published": {"sv": "Publicerad", "en": "Published"},
    "followup.state.discarded": {"sv": "Kasserad", "en": "Discarded"},
    "followup.visit.unvisited": {"sv": "Ej besökt", "en": "Not yet revisited"},
    "followup.visit.active": {"sv": "Kvar", "en": "Still active"},
    "followup.visit.changed": {"sv": "Ändrad", "en": "Changed"},
    "followup.visit.ceased": {"sv": "Upphört", "en": "Ceased"},
    "followup.visit.replaced": {"sv": "Delad eller sammanslagen", "en": "Split or merged"},
    "followup.visit.new": {"sv": "Ny", "en": "New"},
    "followup.visit.removed": {"sv": "Borttagen", "en": "Deleted"},
}
