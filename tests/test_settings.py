"""Settings: built from the environment, validated, and every one documented in README."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes.errors import ConfigError
from scenes.settings import ENV_PREFIX, PROJECT_ROOT, Settings


def documented_settings() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for every setting, in declaration order (README's table)."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path):
            shown = str(default.relative_to(PROJECT_ROOT)) if default.is_relative_to(PROJECT_ROOT) else str(default)
        else:
            shown = str(default)
        rows.append((ENV_PREFIX + name.upper(), shown, field.description or ""))
    return rows


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


def test_constructor_never_reads_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`Settings(...)` is what it is given: a SCENES_* variable in the shell cannot redirect a test's store."""
    monkeypatch.setenv("SCENES_DATABASE_URL", "postgresql+psycopg://u@h/elsewhere")
    monkeypatch.setenv("SCENES_LANGUAGE", "en")
    settings = Settings(state_dir=tmp_path)
    assert (settings.database_url, settings.language) == ("", "sv")


def test_from_env_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without a mapping, `from_env` reads `os.environ`: paths, numbers and texts are coerced; an empty variable
    means the default; other SCENES_* variables (the test suite's own) are not settings and are let be."""
    monkeypatch.setenv("SCENES_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("SCENES_MAX_ROWS", "500")
    monkeypatch.setenv("SCENES_SMALL_COUNT_THRESHOLD", "5")
    monkeypatch.setenv("SCENES_LANGUAGE", "")
    monkeypatch.setenv("SCENES_TEST_POSTGRES_URL", "postgresql+psycopg://u@h/test")
    monkeypatch.delenv("SCENES_DATABASE_URL", raising=False)
    settings = Settings.from_env()
    assert (settings.state_dir, settings.max_rows, settings.small_count_threshold) == (tmp_path, 500, 5)
    assert settings.language == "sv"


@pytest.mark.parametrize(("variable", "value"), [
    ("SCENES_MAX_ROWS", "many"),
    ("SCENES_MAX_ROWS", "0"),
    ("SCENES_SMALL_COUNT_THRESHOLD", "21"),
    ("SCENES_MAX_UPLOAD_MB", "-1"),
    ("SCENES_BASEMAP", "https://tiles.example/{z}.png"),
    ("SCENES_SIGN_IN_FAILURE_SECONDS", "soon"),
])
def test_every_bad_value_names_its_variable(variable: str, value: str) -> None:
    """Each bad value is a ConfigError that names the variable and says what is wrong."""
    with pytest.raises(ConfigError, match=f"Invalid configuration: {variable}: ") as info:
        Settings.from_env({variable: value})
    assert len(str(info.value).split("; ")) == 1


def test_several_bad_values_are_named_at_once() -> None:
    """Two bad variables: both are named in one message."""
    with pytest.raises(ConfigError) as info:
        Settings.from_env({"SCENES_LANGUAGE": "fi", "SCENES_MAX_ROWS": "x"})
    assert "SCENES_LANGUAGE: " in str(info.value)
    assert "SCENES_MAX_ROWS: " in str(info.value)


def test_one_settings_class() -> None:
    """There is exactly one Settings class in the core."""
    import ast

    classes = [p.name for p in (PROJECT_ROOT / "src" / "scenes").rglob("*.py")
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.ClassDef) and node.name.endswith("Settings")]
    assert classes == ["settings.py"]
