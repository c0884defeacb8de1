"""tests/support/build_worker.py: a build in the worker is the command's build, also after other
builds in the same process; a failed build answers with its messages and the next one runs; a
worker that stops fails the build with what it printed, never a stall."""
from __future__ import annotations

import pytest

from support.build_worker import BuildWorker
from support.project_copy import copy_project, replace_in
from support.site import mkdocs_build
from support.site_compare import site_differences


def test_a_build_after_others_in_the_worker_is_the_command_s_build(tmp_path):
    project = copy_project(tmp_path / "project")
    with BuildWorker() as worker:
        assert worker.build(project, tmp_path / "first").returncode == 0
        # The council's name is on every page: nothing of the first build may be left in the second.
        replace_in(project / "data" / "site.yml", "council:", "council: Edited County Council\n# was:")
        second = worker.build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert "Edited County Council" in (tmp_path / "second" / "index.html").read_text("utf-8")
    command = mkdocs_build(project, tmp_path / "command")
    assert command.returncode == 0, command.stderr
    assert site_differences(tmp_path / "command", tmp_path / "second", ("command", "worker")) == []


def test_a_failed_build_answers_with_its_messages_and_the_next_build_runs(tmp_path):
    project = copy_project(tmp_path / "project")
    site_yml = project / "data" / "site.yml"
    good = site_yml.read_bytes()
    line = replace_in(site_yml, "council:", "council: Twice\ncouncil:")
    with BuildWorker() as worker:
        failed = worker.build(project, tmp_path / "failed")
        site_yml.write_bytes(good)
        fixed = worker.build(project, tmp_path / "fixed")
    assert failed.returncode == 1 and f"data/site.yml:{line + 1}:" in failed.stderr, failed.stderr
    assert "Traceback" not in failed.stderr
    assert fixed.returncode == 0 and (tmp_path / "fixed" / "index.html").is_file(), fixed.stderr


def test_a_worker_that_stops_fails_the_build_with_what_it_printed(tmp_path):
    with BuildWorker() as worker:
        with pytest.raises(AssertionError, match=r"(?s)the build worker stopped on .*FileNotFoundError"):
            worker.build(tmp_path / "no-such-project", tmp_path / "site")  # not a build failure: a fault
