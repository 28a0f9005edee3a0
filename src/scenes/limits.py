"""The caps every file reader enforces while reading (built from the settings by `Settings.file_limits`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """The caps every reader enforces while reading."""

    max_bytes: int = 10_000_000
    max_rows: int = 100_000
    max_columns: int = 200
    max_cell_chars: int = 50_000
    max_decompressed_bytes: int = 100_000_000

    @property
    def max_shared_strings_bytes(self) -> int:
        return self.max_decompressed_bytes // 4

    @property
    def max_text_chars(self) -> int:
        """The most text (characters, all cells together) a file may become: what a CSV file within the byte cap
        can hold. A format that can repeat a text (an .xlsx shared string, a GeoPackage column default) is counted
        as the cells it becomes, so a small file cannot become a large table."""
        return self.max_bytes
