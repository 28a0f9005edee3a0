"""scenes: the core of the open drug scenes dashboard. Framework-free: never imports streamlit."""

from scenes.errors import ConfigError, NotFoundError, Problem, ScenesError, StoreError, ValidationFailed
from scenes.model import Goal, PublishedTotal, Seminar, Survey, SurveyKind
from scenes.settings import Settings

__all__ = [
    "ConfigError",
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
