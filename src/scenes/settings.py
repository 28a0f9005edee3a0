"""The one Settings object.

Every setting is declared once, here, with its default and its help text. The edge (the app, the command
line, a test) builds it from the environment with `Settings.from_env`, which reads the `SCENES_*` variables through
pydantic-settings; the core only ever receives it. `Settings(...)` itself takes only what it is given, never the
environment, so a test's settings stay its own. README's configuration table is checked against
`Settings.model_fields` by a test, so a new setting cannot go undocumented.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings.sources.utils import parse_env_vars

from scenes.errors import ConfigError
from scenes.limits import Limits
from scenes.model import Lang

#: The repository root when the package is installed from a checkout (src layout, editable install).
PROJECT_ROOT = Path(__file__).resolve().parents[2]

ENV_PREFIX = "SCENES_"


class Settings(BaseSettings):
    """Runtime configuration. Environment variable for field `x` is `SCENES_X` (an empty one is not set)."""

    model_config = SettingsConfigDict(frozen=True, extra="forbid", env_prefix=ENV_PREFIX, env_ignore_empty=True)

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL of the store. Empty means an SQLite file `scenes.db` in `state_dir`. "
        "Example: `postgresql+psycopg://user@host/scenes`.",
    )
    state_dir: Path = Field(
        default=PROJECT_ROOT / "var",
        description="Folder for the embedded SQLite store and other local state (git-ignored).",
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / "data",
        description="Folder with the shipped reference tables, seminars and demo surveys.",
    )
    drawing_tools_dir: Path = Field(
        default=PROJECT_ROOT / "vendor" / "drawing" / "node_modules" / "@geoman-io" / "leaflet-geoman-free" / "dist",
        description="Folder with Leaflet-Geoman's `leaflet-geoman.min.js` and `leaflet-geoman.css` (installed from "
        "npm by `make drawing-tools`, at the version in `vendor/drawing/package-lock.json`), served with the app for "
        "drawing on the follow-up page. Without them the page says so and scenes are redrawn in a file or as text.",
    )
    language: Lang = Field(
        default="sv",
        description="Default language of the interface: `sv` (Swedish) or `en` (English).",
    )

    basemap: str = Field(
        default="none",
        description="Background map tiles: `none` (readable without any network), `osm` (OpenStreetMap), or a tile "
        "URL template with `{z}/{x}/{y}` for an intranet tile server.",
    )
    basemap_attribution: str = Field(
        default="",
        description="Attribution text shown for a custom tile URL.",
    )

    max_upload_mb: float = Field(
        default=10.0, gt=0,
        description="Largest survey file accepted for upload, in megabytes.",
    )
    max_rows: int = Field(
        default=100_000, gt=0,
        description="Most scene rows accepted in one survey file.",
    )
    max_columns: int = Field(
        default=200, gt=0, le=16_384,
        description="Most columns (or GeoJSON/GeoPackage properties) accepted in one file; checked while reading.",
    )
    max_cell_chars: int = Field(
        default=50_000, gt=0, le=100_000,
        description="Longest text accepted in one cell, in characters; checked while reading (a WKT polygon of "
        "about 2,000 corners fits the default).",
    )
    max_decompressed_mb: float = Field(
        default=100.0, gt=0,
        description="Most an .xlsx file may expand to when unzipped, in megabytes (all its parts together; its "
        "table of texts, which is held in memory, may take a quarter of it). Checked before it is opened.",
    )
    preview_area_change_pct: float = Field(
        default=25.0, gt=0,
        description="The upload preview warns about a scene whose area changes by more than this many percent "
        "since the survey it is compared with.",
    )
    preview_move_m: float = Field(
        default=250.0, gt=0,
        description="The upload preview warns about a scene that moves further than this many metres since the "
        "survey it is compared with.",
    )

    small_count_threshold: int = Field(
        default=3, ge=1, le=20,
        description="Generalised precision (workshop participants): a count of scenes from 1 up to one below this "
        "is shown as \"fewer than N\", never as the number, on every page, map and download (the minimum-cell rule "
        "of official statistics). 1 turns suppression off.",
    )
    impact_high_min: int = Field(
        default=4, ge=1, le=5,
        description="Impact over time: a scene whose impact rating (1 low to 5 high) is at least this counts as "
        "rated high (the default 4 means ratings 4 and 5). A scene without a rating is missing, never low.",
    )

    session_idle_minutes: int = Field(
        default=30, gt=0,
        description="Minutes without activity after which a signed-in session ends (local accounts and OIDC).",
    )
    session_lifetime_hours: float = Field(
        default=12.0, gt=0,
        description="Hours after sign-in when a session ends however active it was; then sign in again.",
    )
    session_secret: str = Field(
        default="",
        description="Key that signs the session cookie. Empty: one is generated once and kept in the database, "
        "shared by every instance. Set it (32+ random characters) to manage it yourself; changing it signs "
        "everyone out.",
    )
    sign_in_failure_seconds: float = Field(
        default=0.5, ge=0, le=10,
        description="Every failed sign-in takes at least this long, whatever the cause, so the answer's timing "
        "does not tell an unknown name from a locked account or a wrong password.",
    )
    client_ip_header: str = Field(
        default="",
        description="Behind a reverse proxy: the header carrying the client's address (e.g. `X-Forwarded-For`; its "
        "last entry is used, the one your proxy adds), so sign-in throttling counts clients, not the proxy. Empty: "
        "the connection's own address.",
    )
    role_map: str = Field(
        default="",
        description="JSON mapping OIDC identities to roles: `{\"emails\": {...}, \"domains\": {...}, "
        "\"groups\": {...}, \"default\": \"deltagare\"}` (used with `[auth]` in `.streamlit/secrets.toml`).",
    )
    access_contact: str = Field(
        default="",
        max_length=300,
        description="Who to ask for access, shown to a person whose organisation sign-in gives no role (e.g. "
        "`Länsstyrelsens samordnare, samordning@example.se`). Empty: the page says to ask the dashboard's "
        "administrator.",
    )

    accessibility_contact: str = Field(
        default="",
        max_length=300,
        description="Where to report an accessibility problem, shown on the accessibility statement (e.g. "
        "`Länsstyrelsen, tillganglighet@example.se, 010-000 00 00`). Empty: the statement says to tell the "
        "dashboard's administrator or the steering group's coordinator.",
    )

    @field_validator("basemap")
    @classmethod
    def _basemap(cls, value: str) -> str:
        value = value.strip()
        if value in ("none", "osm") or ("{z}" in value and "{x}" in value and "{y}" in value):
            return value
        raise ValueError("use 'none', 'osm' or a tile URL template containing {z}, {x} and {y}")

    @field_validator("database_url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @property
    def file_limits(self) -> Limits:
        """The caps every file reader enforces while reading."""
        return Limits(max_bytes=int(self.max_upload_mb * 1_000_000), max_rows=self.max_rows,
                      max_columns=self.max_columns, max_cell_chars=self.max_cell_chars,
                      max_decompressed_bytes=int(self.max_decompressed_mb * 1_000_000))

    @property
    def effective_database_url(self) -> str:
        """The URL the store connects to."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.state_dir / 'scenes.db').as_posix()}"

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        """`Settings(...)` is what it is given and nothing else; the environment is read by `from_env` only."""
        return (init_settings,)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from `SCENES_*` variables (`os.environ` unless given); explicit keyword overrides win.

        A bad value is a `ConfigError` naming the variable, e.g. "SCENES_LANGUAGE: Input should be 'sv' or 'en'".
        """
        values: dict[str, object] = dict(_Environment(cls, os.environ if environ is None else environ)())
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)  # type: ignore[arg-type]  # pydantic coerces the strings
        except ValidationError as exc:
            problems = "; ".join(
                f"{ENV_PREFIX}{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
            )
            raise ConfigError(f"Invalid configuration: {problems}") from exc


class _Environment(EnvSettingsSource):
    """pydantic-settings' environment source over a given mapping (the process environment, or a test's dict):
    the `SCENES_*` names, case and empty values as `Settings.model_config` says."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)
