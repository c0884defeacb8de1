"""One build of the real site per test run, shared by every pytest-xdist worker.

A session fixture runs once per worker, so with `-n 2` it would build the site twice. Instead
the first worker to arrive builds it into the run's shared temporary folder while holding a
file lock; the others wait on the lock and then read what it left: the site, or the build's
output when it failed (so every worker fails with the same message).
"""
from __future__ import annotations

import fcntl
from pathlib import Path

from .site import mkdocs_build

SITE, FAILED, LOCK = "site", "build-failed.txt", "site.lock"


def run_folder(basetemp: Path, worker: str | None) -> Path:
    """The folder every worker of this run shares: an xdist worker's base temp folder is
    `<run>/popen-gw0`, so the run's folder is its parent; without xdist it is the base itself.
    A pytest started by a test inherits PYTEST_XDIST_WORKER without being a worker: its base is
    not a popen- folder, and its parent (shared by every run on the machine) must not be used."""
    return basetemp.parent if worker and basetemp.name.startswith("popen-") else basetemp


def shared_build(project: Path, folder: Path) -> tuple[Path | None, str]:
    """The built site in `folder` (building it if no worker has yet), or None and the reason."""
    folder.mkdir(parents=True, exist_ok=True)
    site, failed = folder / SITE, folder / FAILED
    with open(folder / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (site / "index.html").is_file() and not failed.exists():
            result = mkdocs_build(project, site)
            if result.returncode:
                failed.write_text(f"{result.stdout}\n{result.stderr}", encoding="utf-8")
    if failed.exists():
        return None, failed.read_text(encoding="utf-8")
    return site, ""
