"""Valid HTML gate: the Nu HTML Checker reports no error on any built page."""
from __future__ import annotations

import pytest

from conftest import FIXTURES, node_tool, require_program
from nu_checker import nu_errors


@pytest.fixture(scope="module")
def checker():
    return require_program("java"), node_tool("vnu-jar/build/dist/vnu.jar")


def test_every_page_is_valid_html(checker, built_site):
    files = sorted(built_site.rglob("*.html"))
    assert len(files) > 5
    errors = nu_errors(*checker, files)
    assert not errors, "the Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_gate_turns_red_on_invalid_html(checker):
    errors = "\n".join(nu_errors(*checker, [FIXTURES / "invalid.html"]))
    assert "“div” not allowed as child of element “ul”" in errors
    assert "Duplicate ID “clause-1”" in errors
    # A filtered Material message is only filtered when it is that exact message.
    assert "“tabindex” on element “a”" in errors
