"""Edit to reload: with `mkdocs serve` running (as `make serve` runs it), change a data file and
time until the server serves the rebuilt page with the new text.

Under our hooks the watcher polls the files every 0.1 s and waits 0.05 s for quiet before it
rebuilds (hooks/live_preview.py; MkDocs alone: 0.5 s and 0.1 s), so a figure includes up to
0.15 s of waiting that no build speed removes; several edits are timed and the median reported.
"""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from project import env

POLL = 0.02  # seconds between requests for the page
EDITED_FILE = "data/frameworks/inspecting-e-safety-2012.yml"
PAGE = "inspection/features/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float, server: subprocess.Popen, log: Path) -> float:
    """Seconds until `url` serves a page containing `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in _fetch(url):
            return time.perf_counter() - start
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}")
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def measure(project: Path, edits: int = 5) -> list[float]:
    """Seconds from saving a changed feature title to the new title being served, per edit."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log = project / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "--dev-addr", f"127.0.0.1:{port}",
         "--config-file", str(project / "mkdocs.yml")],
        cwd=project, env=env(), stdout=subprocess.DEVNULL, stderr=log.open("w"))
    data_file = project / EDITED_FILE
    original = data_file.read_text(encoding="utf-8")
    title = "All staff recognise e-Safety issues"
    if title not in original:
        raise RuntimeError(f"the benchmark edits the title {title!r}, which {EDITED_FILE} no longer has")
    times = []
    try:
        _wait_for(url, title, 120, server, log)
        for n in range(1, edits + 1):
            marker = f"Benchmark edit {n} {time.time_ns()}"
            data_file.write_text(original.replace(title, marker, 1), encoding="utf-8")
            times.append(_wait_for(url, marker, 60, server, log))
            # Let the watcher see the server idle again, so each edit starts from the same state.
            time.sleep(0.7)
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as an editor stops it: it removes its preview folder
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        data_file.write_text(original, encoding="utf-8")
    return times
