"""The whole test suite's time, as `make test` runs it (pytest-xdist, one worker per core).

Runs in the work tree itself, like `make test`: the suite builds its own sites in temporary
folders and writes only reports/ and .cache/. A failing suite still gives its time; the figure
says so.
"""
from __future__ import annotations

import subprocess
import sys
import time

from project import ROOT, env

# The same arguments as the Makefile's `test` target.
ARGS = ["-n", "auto", "--dist", "loadfile", "-q", "-p", "no:cacheprovider"]


def measure() -> tuple[float, str]:
    """Seconds the suite took, and pytest's last line ("412 passed in 301.2s")."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *ARGS], cwd=ROOT, env=env(),
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return seconds, (lines[-1].strip("= ") if lines else f"pytest exited with {done.returncode}")
