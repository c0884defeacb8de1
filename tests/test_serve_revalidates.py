"""Under a running `mkdocs serve` (one process, many builds), a schema edit is validated again:
no record of data found valid under the old schemas, and no compiled validator, hides it."""
from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time

from support.project_copy import copy_project, replace_in
from support.site import build_env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(lines: queue.Queue, wanted: str, seconds: float, seen: list[str]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if wanted in line:
            return True
    return False


def test_a_schema_edit_under_mkdocs_serve_is_validated_again(tmp_path):
    project = copy_project(tmp_path / "project")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{_free_port()}",
         "--config-file", str(project / "mkdocs.yml")],
        cwd=project, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen: list[str] = []
    try:
        assert _wait_for(lines, "Serving on", 120, seen), "serve did not start:\n" + "".join(seen)
        # A stricter schema: every framework now needs a field the data does not have.
        replace_in(project / "data/schema/framework.schema.json", '"required": [', '"required": ["owner", ')
        assert _wait_for(lines, "missing the required field 'owner'", 60, seen), \
            "the edited schema was not applied to the next build:\n" + "".join(seen[-40:])
    finally:
        server.terminate()
        server.wait(timeout=30)
