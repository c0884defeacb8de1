"""The browser scripts' pure modules, unit-tested with Node's own runner (tests/js/*.test.js):
run here so that `make test` and a plain `pytest` run them too."""
from __future__ import annotations

import re
import shutil
import subprocess

from support.site import ROOT

TESTS = ROOT / "tests" / "js"


def test_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node is missing: install Node.js 20 (Debian's nodejs package, which npm needs anyway)"
    files = sorted(TESTS.glob("*.test.js"))
    assert files, f"no *.test.js in {TESTS}"
    run = subprocess.run([node, "--test", *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"node --test failed:\n{run.stdout}\n{run.stderr}"
    tests = re.search(r"^# tests (\d+)$", run.stdout, re.M)
    assert tests and int(tests.group(1)) > 0, f"node --test ran no test:\n{run.stdout}"
