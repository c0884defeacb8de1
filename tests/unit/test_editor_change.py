"""tests/editor_change.py (`make test-editor-change`): the copy it runs the suite in is the checkout's
working tree with CONTRIBUTING's steps committed, sharing the checkout's installs, and `make test`
there does not install them again. (The suite run itself is CI's second step.)"""
from __future__ import annotations

import subprocess
import sys

from support.site import ROOT

sys.path.insert(0, str(ROOT / "tests"))
import editor_change  # noqa: E402  (a script beside the tests, not a package module)

git = editor_change.git


def test_the_copy_is_the_working_tree_with_the_steps_committed(tmp_path):
    root = tmp_path / "checkout"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(root)], check=True)
    (root / "README.md").write_text("An uncommitted edit\n", "utf-8")
    (root / "docs" / "new-page.md").write_text("# A new page, not yet added\n", "utf-8")
    (root / "CONTRIBUTING.md").unlink()
    (root / ".venv").mkdir()  # ignored, as an installed environment is

    project = editor_change.prepare(root, tmp_path / "copy")

    assert (project / "README.md").read_text("utf-8") == "An uncommitted edit\n"
    assert (project / "docs" / "new-page.md").is_file() and not (project / "CONTRIBUTING.md").exists()
    assert git(project, "log", "-1", "--format=%s").strip() == "CONTRIBUTING's steps, as an editor takes them"
    committed = git(project, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert {"M\tREADME.md", "A\tdocs/new-page.md", "D\tCONTRIBUTING.md"} <= set(committed)
    assert any(line.startswith("M\tdata/frameworks/") for line in committed)  # step 1: an item reworded, dated today
    # Steps 2 and 3 (in the checkout already when it has been through this once: CI's second run)
    tracked = git(project, "ls-files", "data").splitlines()
    assert {"data/frameworks/example-standards.yml", "data/templates/aup-contractors.yml"} <= set(tracked)
    assert (project / ".venv").is_symlink() and (project / ".venv").resolve() == (root / ".venv").resolve()
    assert not (project / "node_modules").exists()  # none in the checkout, none linked
    assert git(project, "status", "--porcelain") == ""  # the link is ignored, never committed


def test_make_test_in_the_copy_does_not_install_again_and_uses_the_copys_hooks(tmp_path):
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / ".installed").write_text("")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / ".installed").write_text("")
    (tmp_path / "pyproject.toml").write_text("")  # newer than the markers, as in a fresh clone
    (tmp_path / "Makefile").write_text(
        ".venv/.installed: pyproject.toml\n\t@echo installing; exit 1\n"
        "node_modules/.installed: pyproject.toml\n\t@echo installing; exit 1\n"
        "test: .venv/.installed node_modules/.installed\n\t@echo \"$$PYTHONPATH\" > ran\n")
    assert editor_change.run_suite(tmp_path) == 0
    assert (tmp_path / "ran").read_text("utf-8").strip() == str(tmp_path / "hooks")
