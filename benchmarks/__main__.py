"""`make bench`: run every benchmarks/bench_*.py and print its figures.

Each bench module has ``run() -> None`` that prints its own table, with a
baseline measured in the same run. ``python -m benchmarks grading`` runs
only the modules whose name contains "grading".
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from pathlib import Path


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str]) -> None:
    wanted = argv[1:]
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    names = [n for n in names if not wanted or any(w in n for w in wanted)]
    print(f"quizbot benchmarks on {machine()}")
    for name in names:
        print(f"\n## {name.removeprefix('bench_')}")
        started = time.perf_counter()
        importlib.import_module(f"benchmarks.{name}").run()
        print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main(sys.argv)
