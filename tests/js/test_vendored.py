"""The vendored fflate (docs/assets/javascripts/vendor/, copied by `make vendor`) is exactly the
browser build and licence of the npm package that package.json and package-lock.json pin, so its
origin is checked: npm verified the package's integrity hash when it installed it."""
from __future__ import annotations

import json

from support.site import ROOT

VENDOR = ROOT / "docs" / "assets" / "javascripts" / "vendor"
PACKAGE = ROOT / "node_modules" / "fflate"


def test_fflate_is_pinned_exactly_and_installed_from_the_lock():
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]["fflate"]
    locked = json.loads((ROOT / "package-lock.json").read_text("utf-8"))["packages"]["node_modules/fflate"]
    installed = json.loads((PACKAGE / "package.json").read_text("utf-8"))["version"]
    assert pinned[0].isdigit(), f"pin fflate exactly in package.json, not {pinned!r}"
    assert pinned == locked["version"] == installed, "run `make node_modules vendor` after changing fflate's pin"
    assert locked["integrity"].startswith("sha512-")


def test_vendored_fflate_is_the_installed_browser_build_and_licence():
    for vendored, original in (("fflate.js", "umd/index.js"), ("fflate.LICENSE.txt", "LICENSE")):
        assert (VENDOR / vendored).read_bytes() == (PACKAGE / original).read_bytes(), \
            f"{VENDOR / vendored} differs from node_modules/fflate/{original}: run `make vendor`"
