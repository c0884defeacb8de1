"""Build a site for tests (with the network blocked) and serve a folder on 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NO_NETWORK = Path(__file__).parent / "no_network"


def build_env(extra: dict | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(NO_NETWORK))
    env.pop("GITHUB_ACTIONS", None)
    env.update(extra or {})
    return env


def mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on `project` into `site_dir`; never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=build_env(extra_env), capture_output=True, text=True, timeout=300,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    """Serves a folder on 127.0.0.1 on a free port, in a thread."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
