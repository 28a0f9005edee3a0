"""Check one file in a child process under resource limits; print what happened as JSON.

Usage: python tests/hostile_child.py FILE NAME MEMORY_MB CPU_SECONDS [read | measures | indicators]

With `read`, only the reader runs (for `make bench`, to compare reading with reading); with `measures` or
`indicators`, the file is imported as that record file into a fresh store (as an analyst's import on the page or
in the command line); else the whole survey check.

The address-space limit (RLIMIT_AS) makes a reader that tries to hold too much fail instead of taking the
machine; the CPU limit (RLIMIT_CPU) kills a reader that spins. The parent asserts on the answer and on the peak
resident memory (ru_maxrss), never on wall-clock time.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def _peak_mb() -> int:
    """Peak resident memory of this process image (VmHWM; ru_maxrss would include the parent's peak before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    raise RuntimeError("no VmHWM in /proc/self/status")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return round(usage.ru_utime + usage.ru_stime, 2)


def main() -> None:
    path, name, memory_mb, cpu_seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    from scenes.ingest.upload import check_upload
    from scenes.reference import load_reference
    from scenes.settings import Settings

    settings = Settings()
    ref = load_reference(settings.data_dir)
    base = _peak_mb()
    if sys.argv[5:] == ["read"]:
        from scenes.errors import ValidationFailed
        from scenes.ingest.readers import read_file

        try:
            raw = read_file(name, Path(path).read_bytes(), settings.file_limits)
            answer = {"ok": True, "rows": len(raw.table), "codes": []}
        except ValidationFailed as exc:
            answer = {"ok": False, "rows": 0, "codes": sorted({p.code for p in exc.problems})}
        print(json.dumps({**answer, "base_mb": base, "peak_mb": _peak_mb(), "cpu_s": _cpu()}))
        return
    if sys.argv[5:] in (["measures"], ["indicators"]):
        print(json.dumps({**_import_records(sys.argv[5], path, name), "base_mb": base, "peak_mb": _peak_mb(),
                          "cpu_s": _cpu()}))
        return
    check = check_upload(name, Path(path).read_bytes(), ref, limits=settings.file_limits)
    peak = _peak_mb()
    print(json.dumps({
        "ok": check.ok, "rows": len(check.frame),
        "codes": sorted({p.code for p in check.result.problems}),
        "errors": [str(p) for p in check.result.errors][:3],
        "base_mb": base, "peak_mb": peak,
        "cpu_s": _cpu(),
    }))


def _import_records(kind: str, path: str, name: str) -> dict[str, object]:
    """Import the file as measures or indicators into a fresh store in a temporary folder."""
    import tempfile

    from scenes.errors import ValidationFailed
    from scenes.settings import Settings
    from scenes.views.dashboard import Dashboard

    with tempfile.TemporaryDirectory() as tmp:
        dash = Dashboard(Settings(state_dir=Path(tmp)))
        dash.init()
        data = Path(path).read_bytes()
        try:
            if kind == "measures":
                rows = len(dash.import_measures(name, data, actor="test"))
            else:
                rows = sum(dash.import_indicators(name, data, actor="test"))
        except ValidationFailed as exc:
            return {"ok": False, "rows": 0, "codes": sorted({p.code for p in exc.problems}),
                    "problems": len(exc.problems)}
        return {"ok": True, "rows": rows, "codes": []}


if __name__ == "__main__":
    main()
