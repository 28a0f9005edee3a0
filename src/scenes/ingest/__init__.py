"""Survey upload: read analysts' files, validate and tag every row, report every problem."""

from scenes.ingest.columns import ALIASES, canonical_name, suggest
from scenes.ingest.readers import RawTable, read_file, sniff_kind
from scenes.ingest.validate import ValidationResult, header_mapping, validate

__all__ = ["ALIASES", "RawTable", "ValidationResult", "canonical_name", "header_mapping", "read_file", "sniff_kind",
           "suggest", "validate"]
