"""Run `mkdocs serve` on a copy of the project, on a free loopback port, and read its log."""
from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from .site import build_env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serve:
    """`mkdocs serve --strict --livereload` as `make serve` runs it; every line it prints is kept."""

    def __init__(self, project: Path, port: int | None = None, extra_env: dict | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload",
             "--dev-addr", f"127.0.0.1:{self.port}", "--config-file", str(project / "mkdocs.yml")],
            cwd=project, env=build_env(extra_env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=lambda: [self._lines.put(line) for line in self.process.stdout], daemon=True).start()

    def wait_for(self, wanted: str, seconds: float) -> bool:
        """True once a line containing `wanted` is printed (lines already read are not searched)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if wanted in line:
                return True
        return False

    def log(self, last: int = 40) -> str:
        return "".join(self.seen[-last:])

    def stop(self, seconds: float = 30) -> int:
        """Stop it as an editor does, with Ctrl-C (MkDocs then tidies up); its exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=seconds)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
