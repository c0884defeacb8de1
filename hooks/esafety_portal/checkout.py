"""What the build and `make check` refuse in the checkout before reading anything.

A symbolic link among the inputs (docs/, data/, overrides/) would have the build read or publish
a file of the machine it runs on. A build output tracked in git (.cache/, site/, reports/ ...)
came with the checkout, not from a build: a pull request can force-add one, so it is refused.
Tracked files are listed with `git ls-files`, so that check runs only in a git checkout (a folder
with .git); a build from a plain copy, such as a release tarball, skips it. CI always runs on a
git checkout, and a checkout where git cannot run is refused, never skipped.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .errors import ContentError, ContentErrors

INPUTS = ("data", "docs", "overrides")
# Folders only builds and tests write (publish_atomically.py makes the site.* ones).
OUTPUTS = (".cache", "site", "site.partial", "site.previous", "reports", "build")
# Code that would run in place of the reviewed code: Python's compiled files, and what `make`
# installs (.venv/, node_modules/). Python reads a .pyc as it imports the hooks, before this check
# runs, and make runs .venv/bin/python, so `make` refuses these first (the Makefile).
BYTECODE = ("*.pyc", "*.pyo", "*__pycache__/*", ".venv", "node_modules")


def refuse_untrusted(project_dir: Path, outputs: tuple[str, ...] = ()) -> None:
    """Raise ContentErrors naming every link among the inputs and every tracked output file.
    `outputs`: more output folders (relative to the project), such as a configured site_dir."""
    problems = links(project_dir) + tracked_outputs(project_dir, OUTPUTS + tuple(outputs) + BYTECODE)
    if problems:
        raise ContentErrors(problems)


def links(project_dir: Path) -> list[ContentError]:
    found = []
    for folder in INPUTS:
        top = project_dir / folder
        paths = [top] if top.is_symlink() else []
        for where, folders, files in os.walk(top):  # never descends into a linked folder
            paths += [Path(where) / name for name in folders + files if (Path(where) / name).is_symlink()]
        for path in paths:
            found.append(ContentError(
                path.relative_to(project_dir).as_posix(), 1, "",
                f"is a symbolic link (to {os.readlink(path)})",
                "put the file itself here, or delete the link: the build never follows links, "
                "which could publish files from the machine it runs on"))
    return found


def tracked_outputs(project_dir: Path, outputs: tuple[str, ...]) -> list[ContentError]:
    if not (project_dir / ".git").exists():
        return []  # not a git checkout (a plain copy): nothing is tracked
    try:
        listed = subprocess.run(["git", "-C", str(project_dir), "ls-files", "-z", "--", *outputs],
                                capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as error:
        return [ContentError(".git", 1, "", f"git could not list the tracked files ({error})",
                             "install git, or build from a plain copy without .git")]
    return [_tracked(name) for name in sorted(set(listed.decode("utf-8", "replace").split("\0")) - {""})]


def _tracked(name: str) -> ContentError:
    if name.endswith((".pyc", ".pyo")) or "__pycache__/" in name or name.startswith((".venv/", "node_modules/")):
        return ContentError(name, 1, "", "is compiled or installed code tracked in git",
                            f"remove it from the repository with `git rm --cached {name}`: "
                            "it would run in place of the reviewed code")
    return ContentError(name, 1, "", "is a build output tracked in git",
                        f"remove it from the repository with `git rm -r --cached {name.split('/')[0]}`: "
                        "builds make that folder themselves and never trust a copy from the checkout")
