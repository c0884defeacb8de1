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

SITE, FAILED = "site", "build-failed.txt"


def run_folder(basetemp: Path, worker: str | None) -> Path:
    """The folder every worker of this run shares: an xdist worker's base temp folder is
    `<run>/popen-gw0`, so the run's folder is its parent; without xdist it is the base itself.
    A pytest started by a test inherits PYTEST_XDIST_WORKER without being a worker: its base is
    not a popen- folder, and its parent (shared by every run on the machine) must not be used."""
    return basetemp.parent if worker and basetemp.name.startswith("popen-") else basetemp


def once_per_run(folder: Path, name: str, make) -> None:
    """make(), by the first worker of the run to get here, while the others wait on the lock;
    after it returns, never again in this run (a `make` that raises is tried by the next worker)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = folder / f"{name}.done"
        if not done.exists():
            make()
            done.touch()


def shared_build(project: Path, folder: Path) -> tuple[Path | None, str]:
    """The built site in `folder` (building it if no worker has yet), or None and the reason."""
    site, failed = folder / SITE, folder / FAILED

    def build():
        result = mkdocs_build(project, site)
        if result.returncode:
            failed.write_text(f"{result.stdout}\n{result.stderr}", encoding="utf-8")

    once_per_run(folder, SITE, build)
    if failed.exists():
        return None, failed.read_text(encoding="utf-8")
    return site, ""
