"""The benchmark runs (quick mode) so it cannot rot; its figures are printed, never asserted."""

from __future__ import annotations

import subprocess
import sys

from scenes.settings import PROJECT_ROOT


def test_benchmark_quick_mode_prints_its_table() -> None:
    """`benchmarks/bench.py --quick` completes and prints every metric with ours, baseline and ratio."""
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "benchmarks" / "bench.py"), "--quick",
                             "--no-browser"], capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    for metric in ("map rerun after a filter change", "bytes sent for the map", "validate + tag an upload",
                   "spread of failed sign-in times across causes"):
        assert metric in result.stdout
    assert "ratio = baseline / ours" in result.stdout
