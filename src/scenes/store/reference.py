"""The editable reference tables (categories, statuses, municipal populations) in the database.

The shipped files in `data/reference/` seed version 1 of each table at `scenes init`; every administrator's save
adds a version (kept, audited, with what changed), and the newest is what every instance reads. `data/` is never
written at run time.
"""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from scenes.errors import StoreError
from scenes.store.base import StoreBase, now
from scenes.store.schema import reference_tables

__all__ = ["ReferenceStore"]


def _encode(table: pd.DataFrame) -> str:
    cells = table.astype(object).where(table.notna(), None)
    rows = [[None if v is None else str(v) for v in row] for row in cells.itertuples(index=False, name=None)]
    return json.dumps({"columns": [str(c) for c in table.columns], "rows": rows}, ensure_ascii=False)


def _decode(data: str) -> pd.DataFrame:
    d = json.loads(data)
    return pd.DataFrame(d["rows"], columns=d["columns"], dtype=object)


class ReferenceStore(StoreBase):
    """Versions of the editable reference tables."""

    def reference_version(self) -> int:
        """Grows with every save of any reference table: the key of every cached Reference."""
        return int(self.meta_value("reference_version") or 0)

    def reference_tables(self) -> dict[str, tuple[int, pd.DataFrame]]:
        """The current (newest) version of each stored table: name -> (version, table of text cells)."""
        newest = (sa.select(reference_tables.c.name, sa.func.max(reference_tables.c.version).label("version"))
                  .group_by(reference_tables.c.name).subquery())
        query = sa.select(reference_tables.c.name, reference_tables.c.version, reference_tables.c.data).join(
            newest, sa.and_(newest.c.name == reference_tables.c.name, newest.c.version == reference_tables.c.version))
        with self.read() as conn:
            rows = conn.execute(query).all()
        return {str(name): (int(version), _decode(data)) for name, version, data in rows}

    def reference_history(self, name: str) -> pd.DataFrame:
        """Every saved version of one table, newest first: version, when, who, what changed."""
        query = (sa.select(reference_tables.c.version, reference_tables.c.created_at, reference_tables.c.created_by,
                           reference_tables.c.note)
                 .where(reference_tables.c.name == name).order_by(reference_tables.c.version.desc()))
        with self.read() as conn:
            rows = conn.execute(query).mappings().all()
        return pd.DataFrame(rows, columns=["version", "created_at", "created_by", "note"])

    def save_reference_table(self, name: str, table: pd.DataFrame, *, actor: str, note: str,
                             based_on: int | None = None, action: str = "reference-edit") -> int:
        """Store `table` as the next version of `name`, in one audited transaction; returns the new version.

        `based_on` is the version the editor showed: when someone saved another version meanwhile, nothing is
        written and the editor is asked to reload, so no one's change is silently undone.
        """
        with self.write() as conn:
            current = int(conn.execute(sa.select(sa.func.max(reference_tables.c.version))
                                       .where(reference_tables.c.name == name)).scalar() or 0)
            if based_on is not None and based_on != current:
                raise StoreError(f"The table {name!r} was changed by someone else meanwhile (version {current}, the "
                                 f"editor showed {based_on}); nothing was saved. Reload the page and make the "
                                 "change again.", code="reference_changed", name=name)
            version = current + 1
            conn.execute(reference_tables.insert().values(name=name, version=version, data=_encode(table),
                                                          created_at=now(), created_by=actor, note=note))
            # the table in words ("measure kinds v1: …"), as the history page shows the line
            self.audit_entry(conn, action, actor=actor, detail=f"{name.replace('_', ' ')} v{version}: {note}"[:2000])
            self.bump(conn)
            self.bump(conn, "reference_version")
        return version
