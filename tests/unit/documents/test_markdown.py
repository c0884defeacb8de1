"""documents/markdown.py: the plain Markdown version of a template, blanks kept as [[placeholders]]
for find and replace, every block of the outline in order."""
from __future__ import annotations

from esafety_portal.documents.markdown import markdown_bytes, markdown_text
from support.outlines import ODD_WORDS, sample_outline


def test_every_block_in_order_with_blanks_as_written():
    assert markdown_text(sample_outline()) == "\n".join([
        "# Sample & <policy>", "",
        "For: Pupils  ", "Version 1.2.  ", "Published by Testshire County Council.", "",
        "## Purpose", "",
        "Ask [[dsl]] first.", "",
        "### Rules", "",
        f"- {ODD_WORDS}", "- At [[school_name]]", "",
        "| Signed by | Name | Date |", "|---|---|---|", "| Pupil |   |   |", "| Parent or carer |   |   |", "",
        "---", "", "Sample policy. Version 1.2.", ""])


def test_the_bytes_are_utf8():
    assert markdown_bytes(sample_outline()).decode("utf-8") == markdown_text(sample_outline())
