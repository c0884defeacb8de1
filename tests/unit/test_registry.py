"""registry.py: every behaviour a family names is found, and a wrong name says which."""
from __future__ import annotations

import pytest

from esafety_portal.families import Family
from esafety_portal.registry import function, named_functions


def test_every_function_a_family_names_exists():
    assert named_functions()  # the real table names its builders, pages and exports
    for name in named_functions():
        assert callable(function(name)), name


def test_a_name_that_is_not_a_function_is_reported():
    with pytest.raises(LookupError, match="'open_data:no_such_thing'"):
        function("open_data:no_such_thing")


def test_named_functions_lists_a_familys_builder_pages_exports_and_rules():
    family = Family("glossary", file="glossary.yml", build="load:build_site", exports="",
                    rules=("duties:family_rules",))
    assert named_functions((family,)) == ["load:build_site", "generated_pages:family_pages", "duties:family_rules"]
