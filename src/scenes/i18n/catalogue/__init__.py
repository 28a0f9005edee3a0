"""The catalogue, shelved by key family: each shelf holds the families it names in `FAMILIES` (the part of a key before
its first dot), and `scenes.i18n` joins them into one `CATALOGUE`. A test checks that every key sits on its
family's shelf and that no key is on two shelves.

Why shelves of Python dicts rather than gettext catalogues (.po): the messages carry CLDR plural forms as dicts and
named `{placeholders}` checked by tests in both languages; keys (not Swedish source strings) are what the code and
its tests name. A translator edits one shelf with both languages side by side.
"""

SHELVES = (
    "shell", "problems", "errors", "upload", "map", "figures", "measures", "seminars", "report", "users",
    "reference", "followup"
)
