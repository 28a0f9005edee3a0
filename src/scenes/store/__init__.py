"""Storage through SQLAlchemy 2 Core, as a small package: one `Store` object made of its parts.

- `schema`: the tables (shared by the parts and the tests) and `SCHEMA_VERSION`;
- `base`: the engine, transactions, the once-per-object schema check, meta flags and the audit log;
- `surveys`: surveys, revisions, withdrawals and scene observations;
- `goal`: the seminars and the reduction goal;
- `reference`: the administrators' versions of the editable reference tables;
- `measures`: measures (versioned) and safety-indicator values;
- `followups`: follow-up drafts (versioned per scene) and their publication;
- `migrations`: frozen upgrade steps, each with its own table definitions.

Accounts and sessions (`scenes.access.auth`, `scenes.access.sessions`) keep their rules in their own modules and
reach the
database only through the store's public `read`, `write`, `set_meta` and `audit_entry`.

The store takes an injected engine; SQLite is the default, any SQLAlchemy URL works (PostgreSQL via
`postgresql+psycopg://`). Geometry is stored as WKT text in WGS 84, so no spatial extension is needed. Every
write is one transaction and leaves a line in the audit log (who, when, what, file name and SHA-256).
"""

from __future__ import annotations

from scenes.settings import Settings
from scenes.store.base import create_engine_for
from scenes.store.followups import FollowupStore
from scenes.store.goal import SettingsStore
from scenes.store.measures import MeasureStore
from scenes.store.reference import ReferenceStore
from scenes.store.schema import AUDIT_ACTIONS, SCHEMA_VERSION
from scenes.store.surveys import shown_surveys

__all__ = ["AUDIT_ACTIONS", "SCHEMA_VERSION", "Store", "create_engine_for", "shown_surveys"]


class Store(FollowupStore, SettingsStore, ReferenceStore, MeasureStore):
    """The dashboard's data, behind one object. Every write is a single transaction and names its actor."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        return cls(create_engine_for(settings.effective_database_url))
