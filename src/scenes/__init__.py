"""scenes: the core of the open drug scenes dashboard. Framework-free: never imports streamlit.

`Dashboard` is the one entry point pages and the command line use; it is loaded on first use (PEP 562), so
importing `scenes` for its settings or errors does not load the store, GeoPandas and the rest.
"""

from typing import TYPE_CHECKING

from scenes.errors import ConfigError, NotFoundError, Problem, ScenesError, StoreError, ValidationFailed
from scenes.model import Goal, PublishedTotal, Seminar, Survey, SurveyKind
from scenes.settings import Settings

if TYPE_CHECKING:
    from scenes.views.dashboard import Dashboard

__all__ = [
    "ConfigError",
    "Dashboard",
    "Goal",
    "NotFoundError",
    "Problem",
    "PublishedTotal",
    "ScenesError",
    "Seminar",
    "Settings",
    "StoreError",
    "Survey",
    "SurveyKind",
    "ValidationFailed",
]


def __getattr__(name: str) -> object:
    if name == "Dashboard":
        from scenes.views.dashboard import Dashboard

        return Dashboard
    raise AttributeError(f"module 'scenes' has no attribute {name!r}")
