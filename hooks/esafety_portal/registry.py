"""The behaviour each family in families.FAMILIES names ("module:function" in this package),
found when a build needs it. The loader, the page hook and the open data call families through
here, so a new family is an entry in FAMILIES, not an edit to each of them."""
from __future__ import annotations

import importlib
from functools import cache

from .families import FAMILIES, Family


@cache
def function(name: str):
    """The function `name` ("module:function", a module of this package) names."""
    module, _, attribute = name.partition(":")
    found = getattr(importlib.import_module(f"{__package__}.{module}"), attribute, None)
    if not callable(found):
        raise LookupError(f"families.FAMILIES names {name!r}, which is not a function of esafety_portal")
    return found


def named_functions(families: tuple[Family, ...] = FAMILIES) -> list[str]:
    """Every function the families name (tests/unit/test_registry.py finds each one)."""
    return [name for f in families for name in (f.build, f.pages, f.exports, *f.rules) if name]
