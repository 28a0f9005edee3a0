"""The type of one catalogue message."""

#: a message, or its plural forms by CLDR category ("one", "other"; Swedish and English need no others)
Text = str | dict[str, str]
