"""Who may do what: roles and the page/action matrix, local accounts, sessions and the organisation's identities."""

#: the session cookie's name (here, not in `sessions`: the web routes read it without loading the store)
COOKIE_NAME = "scenes_session"
