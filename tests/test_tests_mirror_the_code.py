"""Every module of the esafety_portal package has a test module named for it, so a new module
arrives with its tests: esafety_portal/x.py is tested in a test_x.py (tests/unit/test_x.py, or in
the folder of the feature it serves, such as tests/templates/test_fill.py), and
esafety_portal/<package>/x.py in tests/unit/<package>/test_x.py or a test_<package>_x.py."""
from __future__ import annotations

from pathlib import Path

from support.site import ROOT

PACKAGE = ROOT / "hooks" / "esafety_portal"
TESTS = ROOT / "tests"


def untested(package: Path, tests: Path) -> list[str]:
    """The package's modules (not __init__) with no test module named for them under `tests`."""
    test_modules = {path.name for path in tests.rglob("test_*.py")}
    missing = []
    for module in sorted(package.rglob("*.py")):
        if module.name == "__init__.py":
            continue
        inner = module.parent.relative_to(package)
        names = {f"test_{module.stem}.py"} | ({f"test_{inner.name}_{module.stem}.py"} if inner.parts else set())
        if not names & test_modules:
            wanted = tests / "unit" / inner / f"test_{module.stem}.py"
            missing.append(f"{module.relative_to(package.parent).as_posix()}: add "
                           f"{wanted.relative_to(tests.parent).as_posix()}")
    return missing


def test_every_package_module_has_its_own_test_module():
    assert untested(PACKAGE, TESTS) == []


def test_the_check_finds_a_module_with_no_tests(tmp_path):
    package, tests = tmp_path / "pkg", tmp_path / "tests"
    (package / "documents").mkdir(parents=True)
    (tests / "unit" / "documents").mkdir(parents=True)
    (tests / "templates").mkdir()
    for name in ("__init__.py", "a.py", "b.py", "f.py", "documents/__init__.py", "documents/record.py",
                 "documents/c.py"):
        (package / name).write_text("")
    for name in ("unit/test_a.py", "templates/test_f.py", "unit/documents/test_documents_record.py"):
        (tests / name).write_text("")
    assert untested(package, tests) == ["pkg/b.py: add tests/unit/test_b.py",
                                        "pkg/documents/c.py: add tests/unit/documents/test_c.py"]
