"""A worker process the tests talk to a line at a time (the Lighthouse runner, the build worker):
one JSON request a line on its stdin, one JSON answer a line on its stdout; closing its stdin ends it."""
from __future__ import annotations

import json
import select
import subprocess


def ask(process: subprocess.Popen, request: dict, seconds: float) -> tuple[dict | None, str]:
    """The worker's answer to `request`, or (None, why there is none: "stopped", or "gave no
    answer in N s"). Never raises, never waits longer than `seconds`."""
    try:
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
    except OSError:  # it has stopped (it could not start, or failed)
        return None, "stopped"
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    line = process.stdout.readline() if ready else ""
    if line.strip():
        return json.loads(line), ""
    return None, f"gave no answer in {seconds:g} s" if not ready else "stopped"


def finish(process: subprocess.Popen, seconds: float = 30) -> None:
    """Close the worker's stdin, which ends it, and wait for it; kill it if it has not ended in `seconds`."""
    try:
        process.stdin.close()
    except OSError:  # it had already stopped
        pass
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
