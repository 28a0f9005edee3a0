"""Who may do what: roles and the page/action matrix, local accounts, sessions and the organisation's identities."""
