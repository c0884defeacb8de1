"""`make test-editor-change`: take CONTRIBUTING's steps on a copy of this checkout, commit them as an
editor's pull request would, and run the whole suite there, as `make test` runs it.

An editor's correct change must leave every check green; a rule module alone cannot show that (the
whole suite on such a change once found new pages outranking the search gate's wanted ones). The
steps (support/contributing.py): reword an item of a current framework and date the file today, add
the example framework, copy a template under new ids. CI runs this after `make test`.

The copy is a clone of the checkout with its working tree laid over (uncommitted and new files
included, deleted ones deleted); it uses this checkout's .venv/ and node_modules/ and its own
hooks/. It is removed when the suite passes, and kept (its folder printed) when it does not.

    .venv/bin/python tests/editor_change.py [--keep]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from esafety_portal.clock import today
from esafety_portal.load import load_content
from support.contributing import follow_contributing
from support.site import ROOT

# Installed, not part of the checkout: shared with the copy rather than installed again.
SHARED = (".venv", "node_modules")
EDITOR = ["-c", "user.name=Example Editor", "-c", "user.email=editor@example.invalid"]


def git(folder: Path, *args: str) -> str:
    """git's output, run in `folder`; raises if git fails."""
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


def copy_checkout(root: Path, destination: Path) -> Path:
    """A clone of `root` at `destination` whose files are `root`'s working tree as it is."""
    subprocess.run(["git", "clone", "--quiet", str(root), str(destination)], check=True)
    listed = git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source, copy = root / name, destination / name
        if source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
        elif copy.is_file():  # deleted in the working tree
            copy.unlink()
    return destination


def prepare(root: Path, destination: Path) -> Path:
    """The copy with CONTRIBUTING's steps taken as of today and committed, sharing `root`'s installs."""
    project = copy_checkout(root, destination)
    day = today()  # the editor's today (or SOURCE_DATE_EPOCH's day, when that is set)
    follow_contributing(project, load_content(project, today=day), day)
    git(project, "add", "--all")
    git(project, *EDITOR, "commit", "--quiet", "-m", "CONTRIBUTING's steps, as an editor takes them")
    for name in SHARED:  # after the commit, and ignored in this copy alone: never tracked
        if (root / name).exists():
            (project / name).symlink_to((root / name).resolve(), target_is_directory=True)
            with (project / ".git" / "info" / "exclude").open("a", encoding="utf-8") as exclude:
                exclude.write(f"/{name}\n")
    return project


def run_suite(project: Path) -> int:
    """`make test` in the copy, with its own hooks; the installs are the checkout's (make does not
    remake them)."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    keep = [arg for name in SHARED for arg in ("-o", f"{name}/.installed")]
    return subprocess.run(["make", "--no-print-directory", *keep, "test"], cwd=project, env=env).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the copy even when the suite passes")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="esafety-editor-change-"))
    project = prepare(ROOT, folder / "project")
    print(f"CONTRIBUTING's steps taken and committed in {project}; running the whole suite there", flush=True)
    code = run_suite(project)
    if code == 0 and not args.keep:
        shutil.rmtree(folder)
        print("An editor's change made as CONTRIBUTING says keeps the whole suite green.")
    else:
        print(f"The copy is kept in {project}" + ("" if code == 0 else
              ": the suite failed on an editor's change made as CONTRIBUTING says (its output is above)."))
    return code


if __name__ == "__main__":
    sys.exit(main())
