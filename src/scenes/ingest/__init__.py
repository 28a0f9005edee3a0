"""Survey upload: read analysts' files, validate and tag every row, report every problem.

Names are loaded on first use (PEP 562), so importing `scenes.io.bounded` (the settings do, for the caps)
does not load the validation stack (GeoPandas, rapidfuzz).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ALIASES": "columns", "canonical_name": "columns", "suggest": "columns",
    "RawTable": "readers", "read_file": "readers", "sniff_kind": "readers",
    "ValidationResult": "validate", "header_mapping": "validate", "validate": "validate",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"scenes.ingest.{_EXPORTS[name]}"), name)
    raise AttributeError(name)
