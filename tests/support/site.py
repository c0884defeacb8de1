"""Build a site for tests (with the network blocked) and serve a folder on 127.0.0.1."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NO_NETWORK = Path(__file__).parent / "no_network"


def member_ids(family_key: str) -> list[str]:
    """The ids of a folder family's members in the checkout, read from their file names (each file is
    named for its id, which the build checks), without loading the content: for tests that are
    parametrised at collection, once per worker."""
    from esafety_portal.families import FAMILIES

    folder = next(f.folder for f in FAMILIES if f.key == family_key)
    return sorted(path.stem for path in (ROOT / "data" / folder).glob("*.yml"))


def build_env(extra: dict | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(NO_NETWORK))
    env.pop("GITHUB_ACTIONS", None)
    env.update(extra or {})
    return env


def mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None,
                 engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (or `properdocs build --strict`, engine="properdocs") on
    `project` into `site_dir`; never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--quiet",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=build_env(extra_env), capture_output=True, text=True, timeout=300,
    )


# What a static host such as GitHub Pages compresses; tests see the bytes a school would download.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".md"}


# A request with this header gets the search index with its settings and no pages (support/browser.py).
# No browser sends it; only the tests' own contexts do.
NO_PAGES_HEADER = "X-Test-Search-Index"


@functools.lru_cache(maxsize=512)
def _compressed(path: str, mtime_ns: int, size: int, without_pages: bool = False) -> bytes:
    """A file's gzip body, made once per version of the file (its time and size): every page load
    asks again for the theme's scripts and the search index, and compressing them each time was
    a good part of the test server's work. `without_pages`: a search index with its pages taken out."""
    data = Path(path).read_bytes()
    if without_pages:
        data = json.dumps({"config": json.loads(data)["config"], "docs": []}).encode("utf-8")
    return gzip.compress(data, mtime=0)


class _HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as the real host does: text gzip-compressed when the browser accepts it. And,
    to the tests' contexts that ask with NO_PAGES_HEADER, a search index with no pages."""

    def log_message(self, *args):
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(url_path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # directories without a slash, 404s, binary files
        stat = path.stat()
        without_pages = path.name == "search_index.json" and self.headers.get(NO_PAGES_HEADER) == "no-pages"
        body = _compressed(str(path), stat.st_mtime_ns, stat.st_size, without_pages)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves to the next page drops the answer it no longer wants: not a fault,
        # so not a traceback in the test output. Anything else is still printed.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class StaticServer:
    """Serves a folder on 127.0.0.1 on a free port, in a thread, compressed as the real host does."""

    def __init__(self, folder: Path):
        handler = functools.partial(_HostHandler, directory=str(folder))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
