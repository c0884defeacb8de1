"""The real site is built once per test run, however many pytest-xdist workers ask for it."""
from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

from support import shared_site


def _fake_build(calls: list[str], returncode: int = 0):
    def build(project: Path, site: Path):
        calls.append(str(site))
        time.sleep(0.2)  # long enough for the other workers to arrive while it builds
        if not returncode:
            site.mkdir(parents=True)
            (site / "index.html").write_text("<p>home</p>")
        return subprocess.CompletedProcess([], returncode, "", "data/site.yml:3: council: must not be empty")
    return build


def _ask_from_three_workers(folder: Path) -> list:
    answers = []
    workers = [threading.Thread(target=lambda: answers.append(shared_site.shared_build(Path("."), folder)))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return answers


def test_three_workers_share_one_build(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(shared_site, "mkdocs_build", _fake_build(calls))
    answers = _ask_from_three_workers(tmp_path / "run")
    assert len(calls) == 1
    assert answers == [(tmp_path / "run" / "site", "")] * 3


def test_a_failed_build_fails_every_worker_with_its_message_and_is_not_repeated(tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(shared_site, "mkdocs_build", _fake_build(calls, returncode=1))
    answers = _ask_from_three_workers(tmp_path / "run")
    assert len(calls) == 1
    assert all(site is None and "council: must not be empty" in why for site, why in answers)


def test_workers_of_one_run_share_the_runs_folder():
    run = Path("/tmp/pytest-of-me/pytest-7")
    assert shared_site.run_folder(run / "popen-gw0", "gw0") == shared_site.run_folder(run / "popen-gw1", "gw1") == run
    assert shared_site.run_folder(run, None) == run


def test_a_pytest_started_by_a_worker_keeps_its_own_folder():
    # It inherits PYTEST_XDIST_WORKER but its base is its own pytest-N: the parent is every run's.
    assert shared_site.run_folder(Path("/tmp/pytest-of-me/pytest-8"), "gw1") == Path("/tmp/pytest-of-me/pytest-8")
