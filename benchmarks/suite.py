"""The whole test suite's time, as `make test` runs it (the Makefile holds its pytest arguments).

Runs in the work tree itself, like `make test`: the suite builds its own sites in temporary
folders and writes only reports/ and .cache/. A failing suite still gives its time; the figure
shows pytest's summary line either way. Its CPU time, by program (cpu_use.py), says how much of
the wall time is work the cores must do whatever the order of the tests.
"""
from __future__ import annotations

import time

import cpu_use
from project import ROOT, env


def measure() -> tuple[float, str, cpu_use.CpuUse]:
    """Seconds the suite took, pytest's last line ("412 passed in 301.2s"), and the CPU it used."""
    start = time.perf_counter()
    done, used = cpu_use.run(["make", "--no-print-directory", "test"], cwd=ROOT, env=env())
    seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return seconds, (lines[-1].strip("= ") if lines else f"make test exited with {done.returncode}"), used
