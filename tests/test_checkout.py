"""esafety_portal/checkout.py: the build and `make check` refuse a symbolic link among the inputs
(docs/, data/, overrides/) and a build output tracked in git (.cache/, site/, reports/ ...),
naming each, before anything is read."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from esafety_portal import checkout
from support.project_copy import copy_project
from support.site import ROOT, build_env, mkdocs_build


def _check(project):
    return subprocess.run([sys.executable, "-m", "esafety_portal.check", str(project)],
                          capture_output=True, text=True, env=build_env(), timeout=120)


def _git_add(project, *paths):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run(["git", "-C", str(project), "add", "-f", *paths], check=True)


@pytest.fixture
def secret(tmp_path):
    """A file of 'the build machine', outside the project."""
    path = tmp_path / "machine" / "passwd"
    path.parent.mkdir()
    path.write_text("root:x:0:0:the build machine's secret\n", "utf-8")
    return path


def test_a_link_anywhere_among_the_inputs_is_refused_by_the_check(tmp_path, secret):
    project = copy_project(tmp_path / "project", parts=("data", "docs", "overrides"))
    (project / "docs/assets/passwd.txt").symlink_to(secret)
    (project / "data/templates/linked.yml").symlink_to(project / "data/site.yml")
    (project / "overrides/machine").symlink_to(secret.parent, target_is_directory=True)
    result = _check(project)
    assert result.returncode == 1, result.stdout
    for name in ("docs/assets/passwd.txt", "data/templates/linked.yml", "overrides/machine"):
        assert f"{name}:1: is a symbolic link (to " in result.stderr, result.stderr
    assert "the build never follows links" in result.stderr
    assert "secret" not in result.stderr.replace(str(secret), "")  # the file itself is never read
    assert "Traceback" not in result.stderr


def test_a_linked_input_folder_is_refused(tmp_path):
    project = copy_project(tmp_path / "project", parts=("data",))
    os.rename(project / "data", tmp_path / "real-data")
    (project / "data").symlink_to(tmp_path / "real-data", target_is_directory=True)
    assert [e.file for e in checkout.links(project)] == ["data"]


def test_a_tracked_output_is_refused_by_the_check_and_an_untracked_one_is_not(tmp_path):
    project = copy_project(tmp_path / "project", parts=("data", "docs"))
    for name in (".cache/checked/data__site.yml", "site/index.html", "reports/lighthouse.json"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("planted", "utf-8")
    (project / ".cache/documents").mkdir()
    (project / ".cache/documents/left-by-a-build.docx").write_bytes(b"a local build's own file")
    _git_add(project, "data", ".cache/checked", "site", "reports")
    result = _check(project)
    assert result.returncode == 1, result.stdout
    for name in (".cache/checked/data__site.yml", "site/index.html", "reports/lighthouse.json"):
        assert f"{name}:1: is a build output tracked in git" in result.stderr, result.stderr
    assert "git rm -r --cached .cache" in result.stderr and "left-by-a-build" not in result.stderr

    subprocess.run(["git", "-C", str(project), "rm", "-r", "-q", "--cached", ".cache", "site", "reports"], check=True)
    assert _check(project).returncode == 0  # the same files, untracked: a build's own


def test_the_build_refuses_links_and_tracked_outputs_and_publishes_nothing(tmp_path, secret):
    project = copy_project(tmp_path / "project")
    (project / "docs/assets/passwd.txt").symlink_to(secret)
    (project / "site.partial").mkdir()
    (project / "site.partial/index.html").write_text("planted", "utf-8")
    _git_add(project, "mkdocs.yml", "site.partial")
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/assets/passwd.txt:1: is a symbolic link" in output
    assert "site.partial/index.html:1: is a build output tracked in git" in output
    assert "Traceback" not in output and "secret" not in output.replace(str(secret), "")
    assert not (tmp_path / "out").exists()


def test_the_configured_site_folder_counts_as_an_output(tmp_path):
    project = copy_project(tmp_path / "project", parts=("data",))
    (project / "public").mkdir()
    (project / "public/index.html").write_text("planted", "utf-8")
    _git_add(project, "public")
    assert checkout.tracked_outputs(project, checkout.OUTPUTS) == []
    assert [e.file for e in checkout.tracked_outputs(project, checkout.OUTPUTS + ("public",))] == ["public/index.html"]


def test_a_checkout_where_git_cannot_run_is_refused_not_skipped(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()

    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(checkout.subprocess, "run", no_git)
    (error,) = checkout.tracked_outputs(tmp_path, checkout.OUTPUTS)
    assert error.file == ".git" and "git could not list the tracked files" in error.problem


def test_the_repository_tracks_no_output_and_holds_no_link():
    assert checkout.links(ROOT) == []
    if not (ROOT / ".git").exists():
        if os.environ.get("GITHUB_ACTIONS") == "true":
            pytest.fail("CI must run on a git checkout: tracked outputs cannot be listed without one")
        pytest.skip("not a git checkout (a plain copy): nothing is tracked")
    assert checkout.tracked_outputs(ROOT, checkout.OUTPUTS + checkout.BYTECODE) == []


def test_tracked_compiled_or_installed_code_is_refused_by_make_and_the_check(tmp_path):
    """A .pyc Python would load in place of the reviewed code (an unchecked hash-based .pyc is
    never compared with its source), and a .venv/ make would run. `make` refuses them before any
    Python runs; the build's own check names them too, for a build run without make."""
    project = copy_project(tmp_path / "project", parts=("data",))
    planted = "hooks/esafety_portal/__pycache__/load.cpython-311.pyc"
    (project / planted).parent.mkdir(parents=True)
    (project / planted).write_bytes(b"compiled code")
    (project / "stray.pyc").write_bytes(b"compiled code")
    (project / ".venv/bin").mkdir(parents=True)
    (project / ".venv/bin/python").write_text("#!/bin/sh\necho planted\n", "utf-8")
    _git_add(project, planted, "stray.pyc", ".venv/bin/python")
    made = subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "no-tracked-bytecode"],
                          cwd=project, capture_output=True, text=True, timeout=60)
    assert made.returncode != 0
    for name in (planted, "stray.pyc", ".venv/bin/python"):
        assert f"{name}:1: is compiled or installed code tracked in git" in made.stderr, made.stderr
    with pytest.raises(checkout.ContentErrors) as caught:
        checkout.refuse_untrusted(project)
    assert [e.file for e in caught.value.errors] == [".venv/bin/python", planted, "stray.pyc"]
    assert f"git rm --cached {planted}" in caught.value.errors[1].fix

    subprocess.run(["git", "-C", str(project), "rm", "-q", "--cached", planted, "stray.pyc", ".venv/bin/python"],
                   check=True)
    assert subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "no-tracked-bytecode"],
                          cwd=project, capture_output=True, timeout=60).returncode == 0
