"""The app's frame and words every page shares: title, navigation, sign-in, roles, demo, accessibility, severities."""

from scenes.i18n.text import Text

FAMILIES = (
    'app', 'nav', 'common', 'empty', 'download', 'form', 'demo', 'role', 'auth', 'a11y', 'setup', 'severity',
    'confidence', 'flag', 'geometry', 'survey_kind', 'disclosure',
)

ENTRIES: dict[str, dict[str, Text]] = {
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
    "common.yes": {"sv": "Ja", "en": "Yes"},
    "survey_kind.kartläggning": {"sv": "Kartläggning", "en": "Survey"},
    "survey_kind.uppföljning": {"sv": "Uppföljning", "en": "Follow-up"},
    "common.no": {"sv": "Nej", "en": "No"},
    "confidence.H": {"sv": "Hög", "en": "High"},
    "confidence.M": {"sv": "Medel", "en": "Medium"},
    "confidence.L": {"sv": "Låg", "en": "Low"},
    "confidence.L/M": {"sv": "Låg–medel", "en": "Low–medium"},
    "confidence.H/M": {"sv": "Medel–hög", "en": "Medium–high"},
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
    "geometry.point": {"sv": "punkt", "en": "point"},
    "geometry.polygon": {"sv": "område", "en": "area"},
    "nav.progress": {"sv": "Utveckling", "en": "Progress"},
    "download.csv": {"sv": "Ladda ner data (CSV)", "en": "Download data (CSV)"},
    "nav.seminars": {"sv": "Seminarier", "en": "Seminars"},
    "form.choose": {"sv": "Välj …", "en": "Choose …"},
    "nav.goal": {"sv": "Mål", "en": "Goal"},
    "flag.became_point": {"sv": "yta blev punkt (ha)", "en": "area became a point (ha)"},
    "flag.area_change": {"sv": "ytan ändrad (ha)", "en": "area changed (ha)"},
    "flag.moved": {"sv": "flyttad (m)", "en": "moved (m)"},
    "severity.error": {"sv": "Fel", "en": "Error"},
    "severity.warning": {"sv": "Varning", "en": "Warning"},
    "nav.upload": {"sv": "Ladda upp", "en": "Upload"},
    "nav.history": {"sv": "Historik", "en": "History"},
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
    "auth.expired": {"sv": "Sessionen har avslutats (inaktivitet eller maximal tid). Logga in igen.",
                     "en": "The session has ended (inactivity or its maximum length). Please sign in again."},
    "auth.not_allowed": {
        "sv": "Sidan finns, men rollen {role} får inte öppna den. Be en administratör om en annan roll om du "
              "behöver den.",
        "en": "The page exists, but the role {role} may not open it. Ask an administrator for another role if "
              "you need it.",
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
    "nav.reference": {"sv": "Referenstabeller", "en": "Reference tables"},
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
}
