"""The whole test suite's time, as `make test` runs it (the Makefile holds its pytest arguments).

Runs in the work tree itself, like `make test`: the suite builds its own sites in temporary
folders and writes only reports/ and .cache/. A failing suite still gives its time; the figure
shows pytest's summary line either way.
"""
from __future__ import annotations

import subprocess
import time

from project import ROOT, env


def measure() -> tuple[float, str]:
    """Seconds the suite took, and pytest's last line ("412 passed in 301.2s")."""
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "test"], cwd=ROOT, env=env(),
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return seconds, (lines[-1].strip("= ") if lines else f"make test exited with {done.returncode}")
