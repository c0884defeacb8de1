"""tests/support/line_worker.py: an answer a line; a worker that stops or says nothing gives a
reason, never a stall; finishing ends a worker that does not end when its stdin closes."""
from __future__ import annotations

import subprocess
import sys

from support.line_worker import ask, finish

ECHO = "import sys, json\nfor line in sys.stdin: print(json.dumps({'got': json.loads(line)}), flush=True)"
SILENT = "import sys, time\nfor line in sys.stdin: time.sleep(60)"
DEAF = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(60)"


def worker(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_each_request_gets_its_answer():
    process = worker(ECHO)
    try:
        assert ask(process, {"n": 1}, 30) == ({"got": {"n": 1}}, "")
        assert ask(process, {"n": 2}, 30) == ({"got": {"n": 2}}, "")
    finally:
        finish(process)
    assert process.returncode == 0


def test_a_worker_that_says_nothing_or_has_stopped_gives_a_reason():
    silent = worker(SILENT)
    try:
        assert ask(silent, {}, 0.2) == (None, "gave no answer in 0.2 s")
    finally:
        silent.kill()
        finish(silent)
    stopped = worker("pass")
    stopped.wait()
    assert ask(stopped, {}, 30) == (None, "stopped")
    finish(stopped)


def test_finishing_kills_a_worker_that_does_not_end():
    deaf = worker(DEAF)
    finish(deaf, seconds=0.5)
    assert deaf.returncode is not None
