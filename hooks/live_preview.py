"""Hook: `make serve` (mkdocs serve) as an editor needs it.

- A save that breaks the build shows the build's messages in the browser, on every page, until
  the file is fixed; the page then reloads to the site. (MkDocs alone keeps serving the last good
  site and prints a traceback.) The page is overrides/live-preview/build-error.html.
- Each rebuild prints one short line instead of MkDocs' five or six routine ones.
- A port already in use stops `serve` with one line saying what to do, before the first build,
  instead of a traceback after it.
- A page whose Markdown is unchanged is not converted again (esafety_portal/markdown_cache.py),
  nor its HTML read again for search when that is unchanged (esafety_portal/search_entries_cache.py),
  nor written through the theme's templates again when what they read is unchanged
  (esafety_portal/rendered_page_cache.py).
- The preview is written to memory, not disk, where there is room (esafety_portal/preview_folder.py).
- A save is noticed within 0.1 s, not 0.5 s: MkDocs polls the watched files every half second
  and then waits 0.1 s for quiet, most of the time from save to reload (benchmarks/reload.py).
"""
from __future__ import annotations

import errno
import functools
import logging
import socket
import time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from watchdog.observers.polling import PollingObserver

from esafety_portal import markdown_cache, preview_folder, rendered_page_cache, search_entries_cache

log = logging.getLogger("mkdocs.hooks.live_preview")

# MkDocs' lines for a routine rebuild (mkdocs.commands.build, .serve, .livereload).
ROUTINE = ("Detected file changes", "Waiting for file changes", "Building documentation...",
           "Cleaning site directory", "Documentation built in", "Reloading browsers", "Browser connected")

_state: dict = {"command": None, "port_checked": False}
POLL_SECONDS = 0.1  # a poll of data/, docs/, hooks/ and overrides/ takes a few milliseconds
QUIET_SECONDS = 0.05  # an editor's save is one write; MkDocs waits 0.1 s


def on_startup(command, dirty):
    _state["command"] = command


# Last of the Markdown hooks: the page is converted right after them, from what they leave.
@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    if _state["command"] == "serve":
        page.render = functools.partial(markdown_cache.render, page)
    return markdown


def on_env(env, config, files):
    if _state["command"] == "serve":
        rendered_page_cache.install(env, [hook.__file__ for hook in config["hooks"].values()])
    return env


@event_priority(100)  # before Material's search reads the page
def on_page_context(context, page, config, nav):
    search = config.plugins.get("material/search")
    if _state["command"] == "serve" and search is not None and search.config.enabled:
        search_entries_cache.install(search.search_index)
    return context


@event_priority(200)  # before the content is loaded: a busy port is found in a moment
def on_config(config):
    if _state["command"] == "serve" and not _state["port_checked"]:
        _state["port_checked"] = True  # the server itself holds the port during later rebuilds
        host, port = config.dev_addr
        if not port_free(host, port):
            raise Abort(f"Port {port} on {host} is already in use (is `make serve` already running in another "
                        f"terminal?): stop it, or serve on another port with `make serve PORT={port + 1}`.")
        # The folder MkDocs made for the preview, empty until this first build, goes to memory.
        _state["memory"] = (config.site_dir, preview_folder.move_to_memory(config.site_dir))
    return config


def on_shutdown():
    site_dir, memory = _state.pop("memory", (None, None))
    if memory is not None:
        preview_folder.back_to_disk(site_dir, memory)


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def on_serve(server, config, builder):
    preview = LivePreview(server, Path(config.theme.custom_dir) / "live-preview", config.site_name)
    server.builder = preview.build
    server.set_app(preview.serve_request)
    _poll_faster(server)
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_quiet)
    return server


def _poll_faster(server) -> None:
    """A faster observer for the paths MkDocs is already watching (it has not started yet; the
    paths from mkdocs.yml's `watch:` are added to it after this hook)."""
    watched = list(server._watched_paths)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path in watched:
        server.watch(path)
    server.build_delay = QUIET_SECONDS


def _quiet(record: logging.LogRecord) -> bool:
    if record.levelno != logging.INFO:
        return True
    message = record.getMessage()
    if message.startswith("["):  # the live-reload server's "[12:00:00] " prefix
        message = message.partition("] ")[2]
    return not message.startswith(ROUTINE)


class _Collect(logging.Handler):
    """Every warning and error logged during one build: what strict mode and a PluginError print."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class LivePreview:
    def __init__(self, server, templates: Path, site_name: str):
        self.server = server
        self.builder = server.builder
        self.serve_site = server.serve_request
        self.page = Environment(loader=FileSystemLoader(templates), autoescape=True).get_template("build-error.html")
        self.site_name = site_name
        self.messages: list[str] = []  # the failed build's; empty while the site builds

    def build(self):
        """Rebuild; on failure keep the messages to show, and let the server's loop go on to
        tell the browsers to reload (so they show them) instead of printing a traceback."""
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        start = time.monotonic()
        try:
            self.builder()
        except Exception as error:  # any failure, as MkDocs' own loop catches it
            self.messages = collect.messages or [str(error)]
            log.error(f"The site did not build: every page at {self.server.url} shows why until the file is fixed.")
        else:
            self.messages = []
            log.info(f"Rebuilt in {time.monotonic() - start:.1f} s; the browser reloads.")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    def serve_request(self, environ, start_response):
        if not (self.messages and _is_page(environ)):
            return self.serve_site(environ, start_response)
        html = self.page.render(messages=self.messages, site_name=self.site_name).encode("utf-8")
        # The server's own live-reload script, so the page reloads when the next build succeeds.
        html = self.server._inject_js_into_html(html, self.server._visible_epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(html)))])
        return [html]


def _is_page(environ) -> bool:
    path = environ.get("PATH_INFO", "")
    return (environ.get("REQUEST_METHOD") == "GET" and not path.startswith("/livereload/")
            and (path.endswith("/") or path.endswith(".html")))
