"""Load one of hooks/*.py as a fresh module, as MkDocs loads a hook, for tests of its functions."""
from __future__ import annotations

import importlib.util

from .site import ROOT


def load_hook(name: str):
    """hooks/<name>.py, loaded anew (its module state is its own)."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook_under_test", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
