"""An uploaded GeoPackage made safe before GDAL opens it: our own temporary copy's SQLite file checked and hardened
within a bounded number of virtual-machine steps (`harden_geopackage`)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from scenes.io.bounded import Limits, fail, too_much_text

__all__ = ["harden_geopackage"]

#: SQLite virtual-machine steps our own checks of an uploaded GeoPackage may take (progress handler).
MAX_SQLITE_STEPS = 50_000_000


def harden_geopackage(path: Path, limits: Limits) -> tuple[str, int]:
    """Make an uploaded GeoPackage (our own temporary copy) safe to hand to GDAL, before GDAL opens it; returns
    the layer to read (the first feature layer) and how many feature layers there are.

    The layer must be a plain table: a view or a generated column is SQL that SQLite would run on every read
    (a recursive query runs for ever). Views and triggers are dropped and other layers unlisted, so GDAL never
    runs any of the file's SQL. The feature count is counted, not trusted: GDAL reads only as many features as
    `gpkg_ogr_contents` claims. Our own queries run under a step budget.
    """
    import sqlite3

    steps = [0]

    def budget() -> int:
        steps[0] += 1
        return 1 if steps[0] * 1_000 > MAX_SQLITE_STEPS else 0  # non-zero aborts the statement

    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    try:
        with contextlib.closing(sqlite3.connect(path)) as con:
            con.set_progress_handler(budget, 1_000)
            layers = [str(r[0]) for r in con.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid").fetchall()]
            if not layers:
                raise fail("unreadable_gpkg", "The GeoPackage has no layer with geometries.", detail="no layer")
            layer = layers[0]
            kinds = dict(con.execute("SELECT name, type FROM sqlite_master WHERE name = ?", (layer,)).fetchall())
            if kinds.get(layer) != "table":
                raise fail("gpkg_not_a_table", f"The layer '{layer[:100]}' is not a plain table (it is a "
                           f"{kinds.get(layer, 'missing object')}); export it as a table (e.g. QGIS: Save Features "
                           "As).", layer=layer[:100])
            if any(row[6] in (2, 3) for row in con.execute(f"PRAGMA table_xinfo({quoted(layer)})")):
                raise fail("gpkg_not_a_table", f"The layer '{layer[:100]}' has computed columns; export it as a "
                           "plain table (e.g. QGIS: Save Features As).", layer=layer[:100])
            for kind, name in con.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
                                          ).fetchall():
                con.execute(f"DROP {'TRIGGER' if kind == 'trigger' else 'VIEW'} {quoted(str(name))}")
            con.execute("DELETE FROM gpkg_contents WHERE table_name != ?", (layer,))
            count = int(con.execute(f"SELECT count(*) FROM {quoted(layer)}").fetchone()[0])
            if count > limits.max_rows:
                raise fail("too_many_rows", f"The layer has {count} features; the limit is {limits.max_rows}.",
                           rows=count, limit=limits.max_rows)
            _measure_layer(con, layer, limits)
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                            (count, layer))
            con.commit()
    except sqlite3.Error as exc:
        raise fail("unreadable_gpkg", f"The GeoPackage cannot be read: {str(exc)[:200]}",
                   detail=str(exc)[:200]) from exc
    return layer, len(layers)


def _measure_layer(con: Any, layer: str, limits: Limits) -> None:
    """What the layer's features become, counted row by row before GDAL reads any: a column added with a DEFAULT
    is stored once and read in every row, so a small file could otherwise become a huge table. Text (all
    attribute columns, in bytes of UTF-8) within `max_text_chars`, geometry within the file size cap."""
    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    columns = [str(row[1]) for row in con.execute(f"PRAGMA table_xinfo({quoted(layer)})")]
    geometry = {str(row[0]) for row in con.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,))}

    def size(names: list[str]) -> str:
        return " + ".join(f"coalesce(length(CAST({quoted(c)} AS BLOB)), 0)" for c in names) or "0"

    text_used = geometry_used = 0
    query = (f"SELECT {size([c for c in columns if c not in geometry])}, {size([c for c in columns if c in geometry])} "
             f"FROM {quoted(layer)}")
    for number, (text, shape) in enumerate(con.execute(query), start=1):
        text_used += int(text)
        geometry_used += int(shape)
        if text_used > limits.max_text_chars:
            raise too_much_text(number, limits.max_text_chars)
        if geometry_used > limits.max_bytes:
            raise fail("too_much_geometry", f"By feature {number} the geometries take more than "
                       f"{limits.max_bytes:,} bytes in all; the limit is the file size limit.", row=number,
                       limit=limits.max_bytes)
