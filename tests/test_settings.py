"""Settings: built from the environment, validated, and every one documented in README."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes.errors import ConfigError
from scenes.settings import PROJECT_ROOT, Settings, documented_settings


def test_defaults_use_sqlite_in_state_dir(tmp_path: Path) -> None:
    """With no database URL the store is an SQLite file inside the state folder."""
    settings = Settings(state_dir=tmp_path)
    assert settings.effective_database_url == f"sqlite:///{tmp_path.as_posix()}/scenes.db"


def test_environment_overrides_defaults() -> None:
    """SCENES_* variables set the corresponding fields."""
    env = {"SCENES_DATABASE_URL": "postgresql+psycopg://u@h/db", "SCENES_LANGUAGE": "en"}
    settings = Settings.from_env(env)
    assert (settings.effective_database_url, settings.language) == ("postgresql+psycopg://u@h/db", "en")


def test_explicit_override_beats_environment() -> None:
    """A command-line value (keyword override) wins over the environment."""
    settings = Settings.from_env({"SCENES_DATABASE_URL": "sqlite:///a.db"}, database_url="sqlite:///b.db")
    assert settings.effective_database_url == "sqlite:///b.db"


def test_invalid_value_names_the_variable() -> None:
    """A bad value is a ConfigError naming the environment variable."""
    with pytest.raises(ConfigError, match="SCENES_LANGUAGE"):
        Settings.from_env({"SCENES_LANGUAGE": "fi"})


def test_readme_documents_every_setting() -> None:
    """README's configuration table lists every setting by its environment variable."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _default, _help in documented_settings() if f"`{name}`" not in readme]
    assert missing == []
