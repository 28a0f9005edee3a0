"""The naive way to read an uploaded file, in a child process under limits, for `make bench`.

Usage: python benchmarks/naive_reader.py MODE FILE MEMORY_MB CPU_SECONDS; prints peak memory (MiB) and CPU
seconds as JSON. Modes: `sniffer` (csv.Sniffer on the first lines, then pandas.read_csv: what the upload page did
before bounded reading) and `openpyxl` (load the whole workbook and list its rows, as pandas.read_excel does).
"""

from __future__ import annotations

import csv
import io
import json
import resource
import sys
from pathlib import Path


def _peak_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return -1


def main() -> None:
    mode, path, memory_mb, cpu = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    import openpyxl
    import pandas as pd

    data = path.read_bytes()
    try:
        if mode == "sniffer":
            text = data.decode("utf-8-sig", errors="replace")
            first = "\n".join(text.splitlines()[:20])
            try:
                sep = csv.Sniffer().sniff(first, delimiters=";,\t").delimiter
            except csv.Error:
                sep = ";"
            pd.read_csv(io.StringIO(text), sep=sep, dtype=object, keep_default_na=False)
        else:
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            for sheet in book.worksheets:
                list(sheet.iter_rows(values_only=True))
        outcome = "read"
    except MemoryError:
        outcome = "out of memory"
    except Exception as exc:
        outcome = f"failed ({exc.__class__.__name__})"
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"outcome": outcome, "peak_mb": _peak_mb(), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1)}))


if __name__ == "__main__":
    main()
