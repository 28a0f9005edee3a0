"""Users, roles and the audit log."""

from scenes.i18n.text import Text

FAMILIES = ('users', 'audit',)

ENTRIES: dict[str, dict[str, Text]] = {
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
    "audit.followup-start": {"sv": "Uppföljning påbörjad", "en": "Follow-up started"},
    "audit.followup-edit": {"sv": "Uppföljning ändrad", "en": "Follow-up edited"},
    "audit.followup-publish": {"sv": "Uppföljning publicerad", "en": "Follow-up published"},
    "audit.followup-discard": {"sv": "Uppföljning kasserad", "en": "Follow-up discarded"},
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
    "audit.measure": {"sv": "Åtgärd sparad", "en": "Measure saved"},
    "audit.measure-import": {"sv": "Åtgärder importerade", "en": "Measures imported"},
    "audit.indicator": {"sv": "Indikatorvärde sparat", "en": "Indicator value saved"},
    "audit.indicator-import": {"sv": "Indikatorvärden importerade", "en": "Indicator values imported"},
    "audit.indicator-remove": {"sv": "Indikatorvärde borttaget", "en": "Indicator value removed"},
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
}
