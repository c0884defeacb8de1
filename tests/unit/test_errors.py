"""errors.py: a content error reads file:line: path: problem — fix; the report lists every problem
once, in file and line order; a GitHub annotation cannot be ended early by what it quotes."""
from __future__ import annotations

from esafety_portal.errors import ContentError, ContentErrors

LATE = ContentError("data/b.yml", 9, "items[0].title", "is empty", "write a title")
EARLY = ContentError("data/a.yml", 3, "", "is not YAML", "check the quotes")


def test_an_error_names_the_file_the_line_the_path_the_problem_and_the_fix():
    assert str(LATE) == "data/b.yml:9: items[0].title: is empty — write a title"
    assert str(EARLY) == "data/a.yml:3: is not YAML — check the quotes"  # a whole-file problem has no path


def test_the_report_lists_each_problem_once_in_file_order_and_says_nothing_was_published():
    report = ContentErrors([LATE, EARLY, LATE]).report()
    assert report == ("The content in data/ has 2 problems. Nothing was published.\n\n"
                      f"  {EARLY}\n  {LATE}")
    assert ContentErrors([EARLY]).report().startswith("The content in data/ has 1 problem. ")


def test_an_annotation_escapes_what_would_end_it_early():
    hostile = ContentError("data/x,y:z.yml", 2, "title", "is 'a\nb' (100%)", "fix it\r")
    assert hostile.github_annotation() == (
        "::error file=data/x%2Cy%3Az.yml,line=2::title: is 'a%0Ab' (100%25) — fix it%0D")
