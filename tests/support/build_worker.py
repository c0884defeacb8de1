"""Builds made one after another in one long-lived process, as `mkdocs build --strict` makes them,
for a test that builds many variants of one project (tests/test_hostile_values.py).

Python, MkDocs, Material and the hooks then start once, and the theme's templates are compiled once
for each project folder (esafety_portal/jinja_cache.py) instead of once for each build: on the
2-core machine a build in a new process is about 3 s, the next build in the same process about
1.5 s. Each build still loads its config, data and pages afresh, as the command does; what the
process keeps between builds is what the hooks keep by content (bounded_memo.py's users).

    with BuildWorker() as worker:
        result = worker.build(project, site_dir)  # .returncode and .stderr, as mkdocs_build's

The worker runs as `python build_worker.py` with the environment every test build has
(support/site.build_env: no network); it reads one request a line on stdin, {"project", "site"},
and answers one line on stdout, {"returncode", "stderr"}, stderr being what the build logged at
warning level and above. It ends when stdin closes. Its builds are `build_here`'s, which
preview_builds.py also rebuilds with, as `mkdocs serve` does.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ANSWER_SECONDS = 300  # one build's limit, as mkdocs_build's: a build that hangs fails, never stalls


@dataclass
class Result:
    returncode: int
    stderr: str


class BuildWorker:
    """A worker process for builds; a context manager (the process ends with it)."""

    def __init__(self):
        from support.site import build_env

        # What the worker prints beyond its answers (a traceback if it fails) goes to a file, which
        # can never fill up and stop it as a pipe could.
        self.log = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, env=build_env())

    def __enter__(self):
        return self

    def __exit__(self, *_):
        from support.line_worker import finish

        finish(self.process)
        self.log.close()

    def build(self, project: Path, site_dir: Path) -> Result:
        """`mkdocs build --strict` of `project` into `site_dir`; never raises on a failed build."""
        from support.line_worker import ask

        answer, why = ask(self.process, {"project": str(project), "site": str(site_dir)}, ANSWER_SECONDS)
        if answer is None:
            self.process.kill()
            self.process.wait()
            self.log.seek(0)
            raise AssertionError(f"the build worker {why} on {project}:\n{self.log.read()[-3000:]}")
        return Result(**answer)


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_here(project: Path, site: Path, command: str = "build", serve_url: str | None = None,
               **options) -> tuple[list[logging.LogRecord], str]:
    """One build of `project` into `site` in this process, as `mkdocs <command>` makes it (the
    config's `options`, such as strict=True): what it logged at warning level and above, and what
    stopped it ("" if nothing did). The caller chooses the folder it runs in."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logged = _Logged()
    logging.getLogger("mkdocs").addHandler(logged)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), **options)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config, serve_url=serve_url)
        finally:
            if command == "build":  # `mkdocs serve` shuts the plugins down once, when it stops
                config.plugins.on_shutdown()
        stopped = ""
    except (MkDocsException, SystemExit) as abort:  # Abort is both; what it says, as the command prints it
        stopped = str(abort)
    finally:
        logging.getLogger("mkdocs").removeHandler(logged)
    return logged.records, stopped


def build_once(project: Path, site: Path) -> dict:
    """What `mkdocs build --strict --site-dir site` in `project` does, as the worker answers it."""
    os.chdir(project)
    records, stopped = build_here(project, site, strict=True)
    lines = [f"{record.levelname} - {record.getMessage()}" for record in records] + ([stopped] if stopped else [])
    return {"returncode": 1 if stopped else 0, "stderr": "\n".join(lines)}


def main() -> None:
    logging.getLogger("mkdocs").propagate = False  # each build's messages go in its answer alone
    for line in sys.stdin:
        if line.strip():
            request = json.loads(line)
            answer = build_once(Path(request["project"]), Path(request["site"]))
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    # Run as a script, its folder leads sys.path: none of the tests' helpers may stand in for a
    # module MkDocs or the hooks import.
    if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        del sys.path[0]
    main()
