"""values.py: what each kind of value may hold (checked where data is loaded) and how it is
printed (the filters the Markdown templates use), each rule on its own."""
from __future__ import annotations

import markdown
import pytest

from esafety_portal import values
from esafety_portal.values import (FILTERS, UnsafeValue, attribute, character_problem, check_id, check_markdown,
                                   link_target_problem, markdown_problems, parse_url, plain, shown, url_problem)

# The extensions that give Markdown the most ways to read a character as markup.
EXTENSIONS = ["attr_list", "tables", "abbr", "md_in_html", "def_list"]


# -- printing plain words -----------------------------------------------------------------------
@pytest.mark.parametrize("hostile", [
    '<script>alert(1)</script>', '" onmouseover="alert(1)', "{: onclick=alert(1) }", "[x](javascript:alert(1))",
    "*[HTML]: x", "# Heading", "a | b", "&lt;script&gt;", "`code`", "![x](https://a.example/t.png)",
    "- a list", "1. a list", "12) a list", "> a quote", "*stars* and _underscores_", "back\\slash",
])
def test_plain_leaves_no_markup(hostile):
    html = markdown.markdown(plain(hostile), extensions=EXTENSIONS)
    assert html.count("<") == 2, f"{hostile!r} became markup: {html}"  # only the <p></p> around it


@pytest.mark.parametrize("value", ["1.2", "2026", "3)x", "Version 1. Next"])
def test_a_number_that_cannot_start_a_list_is_printed_as_it_is(value):
    assert plain(value) == value


def test_plain_prints_the_words_themselves():
    html = markdown.markdown(plain("O'Brien & <Sons> [1]"), extensions=EXTENSIONS)
    assert html == "<p>O'Brien &amp; &lt;Sons&gt; [1]</p>"


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_plain_keeps_words_on_one_line(line_break):
    assert plain(f"first{line_break}# second") == "first # second"


def test_plain_joins_a_list_with_commas_each_escaped():
    assert plain(["Heads", "*Governors*"]) == "Heads, \\*Governors\\*"


def test_attribute_leaves_out_what_would_end_the_attribute():
    assert attribute('Tiny" onclick="alert(1)') == "Tiny onclick=alert(1)"
    assert attribute("a } b { c\nd <e>") == "a  b  c d &lt;e&gt;"


# -- web addresses -----------------------------------------------------------------------------
@pytest.mark.parametrize("value, normal", [
    ("https://www.Example.org/a?b=1&c=2#top", "https://www.example.org/a?b=1&c=2#top"),
    ("HTTPS://CEOP.police.uk/", "https://ceop.police.uk/"),
    ("https://www.gov.uk/guidance/x%20y", "https://www.gov.uk/guidance/x%20y"),
])
def test_a_url_is_kept_in_normal_form(value, normal):
    assert parse_url(value) == normal
    assert isinstance(parse_url(value), values.Url)


@pytest.mark.parametrize("hostile", [
    'https://x.org/"><script>alert(1)</script>', "https://x.org/><script>", "javascript:alert(1)",
    "http://x.org/", "https://x.org/a b", "https://user@x.org/", "https:///path", "https://x.org/(a)",
    "https://x.org/'onmouseover=alert(1)", "data:text/html,<script>", "https://x.org:port/", "https://-x.org/",
    "https://localhost/", "ftp://x.org/", 42,
])
def test_a_hostile_url_is_refused(hostile):
    with pytest.raises(UnsafeValue):
        parse_url(hostile)


@pytest.mark.parametrize("value, problem", [
    ("https://x.org/a b", ("has characters a web address cannot hold here (a space)",
                           "copy the address from the browser's address bar; write a space as %20")),
    ("https://x.org/(a)", ("has characters a web address cannot hold here ('(' ')')",
                           "copy the address from the browser's address bar; write a space as %20")),
    ("http://x.org/", ("is not a secure web address", "use a full address that starts with https://")),
    ("https://x.org:port/", ("is not a web address", "write a full address such as https://www.example.org/page")),
    ("https://intranet/", ("has no valid site name", "write a full address such as https://www.example.org/page")),
])
def test_a_wrong_address_says_what_is_wrong_and_how_to_fix_it(value, problem):
    assert url_problem(value) == problem


def test_a_safe_address_has_no_problem():
    assert url_problem("https://www.legislation.gov.uk/ukpga/2017/16/section/34") is None


# -- ids and the portal's own values -----------------------------------------------------------
@pytest.mark.parametrize("value", ["feature-01", "kcsie-2026", "a", "x1-y2-z3"])
def test_an_id_is_lower_case_words_joined_by_single_hyphens(value):
    assert check_id(value) == value


@pytest.mark.parametrize("value", ['x" onclick="y', "Feature-01", "a--b", "-a", "a-", "a b", "", None, 7])
def test_anything_else_is_not_an_id(value):
    with pytest.raises(UnsafeValue, match="is not an id"):
        check_id(value)


@pytest.mark.parametrize("name, good, bad", [
    ("heading", "###", "#######"),
    ("email", "esafety@example.org", "esafety@example"),
    ("name", "school_name", "School_name"),
    ("path", "templates/aup-ks2/#top", "templates/a b/"),
    ("tel", "tel:+441234567890", "tel:0123 456"),
])
def test_each_of_the_portals_own_values_has_its_form(name, good, bad):
    assert FILTERS[name](good) == good
    with pytest.raises(UnsafeValue):
        FILTERS[name](bad)


# -- Markdown text -----------------------------------------------------------------------------
@pytest.mark.parametrize("hostile", [
    "<img src=x onerror=alert(1)", "Text {: onclick=alert(1) }", "[x](jav&#x61;script:alert(1))",
    "[x](//evil.example/)", "[x][1]\n\n[1]: javascript:alert(1)", "{{ config }}", "![x](https://a.example/t.png)",
    "Words &amp; more",
])
def test_hostile_markdown_is_refused(hostile):
    with pytest.raises(UnsafeValue):
        check_markdown(hostile)


def test_the_safe_subset_is_accepted_as_written():
    text = ("Staff **must** read *this*, and [the guidance](https://www.gov.uk/x) or [below](#section-2).\n\n"
            "- one\n- two\n\nA placeholder: [[school_name]].")
    assert check_markdown(text) == text
    assert markdown_problems(text) == []


@pytest.mark.parametrize("value, problem", [
    ("a <b>", "contains HTML"),
    ("[x](javascript:alert(1))", "contains a script link (javascript:, data: or vbscript:)"),
    ("see http://x.org/", "contains a link that is not secure (http://)"),
    ("{{ x }}", "contains '{{', '{%', '{#', '%}' or '}}'"),
    ("a {: .x }", "contains a curly brace ({ or }), which would set an attribute such as {: hidden }"),
    ("[a][b]", "contains a reference link or a link definition ([text][name] or [name]: address)"),
    ("*[ABBR]: words", "contains an abbreviation definition (*[ABBR]: words)"),
    ("- - - a", "starts a line with three or more list or quote marks (such as '- - -')"),
    ("term\n: definition", "starts a line with ': ', which makes a definition list"),
    ("![x](https://x.org/a.png)", "contains an image (![...](...))"),
    ("a &amp; b", "contains an HTML character reference such as &amp; or &#39;"),
    ("[[[[x]]]]", "has square brackets more than 3 deep"),
    ("a ] b [", "has a ']' with no '[' before it"),
    ("a [ b", "has a '[' with no ']' after it"),
    ("[x](https://x.org/ a)", "has a link whose address is not written as (https://...)"),
    ("[x](ftp://x.org/)", "links to 'ftp://x.org/', which is not a full https:// address"),
])
def test_each_way_out_of_the_subset_is_named(value, problem):
    found = markdown_problems(value)
    assert problem in [what for what, _fix in found]
    assert all(fix for _what, fix in found), "every problem comes with a fix"


def test_a_problem_is_named_once_however_often_it_occurs():
    found = markdown_problems("<a> <b> <c> [x](ftp://a.org/) [y](ftp://a.org/)")
    assert len(found) == len(set(found)) == 2


def test_check_markdown_quotes_the_value_and_its_first_problem():
    with pytest.raises(UnsafeValue) as raised:
        check_markdown("a <b> and &amp;")
    assert str(raised.value) == "'a <b> and &amp;' contains HTML"
    with pytest.raises(UnsafeValue, match="is not text"):
        check_markdown(["a list"])


@pytest.mark.parametrize("target, ok", [
    ("#section-2", True), ("https://www.gov.uk/x", True), ("#Not An Id", False), ("/local/page", False),
    ("mailto:a@b.org", False),
])
def test_a_link_goes_to_an_anchor_or_a_safe_address(target, ok):
    assert (link_target_problem(target) is None) is ok


# -- characters no value may hold ---------------------------------------------------------------
@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\x9f", "\u202e", "\u2066", "\ufffe", "\ud800"])
def test_an_invisible_character_is_named_by_its_code(character):
    assert character_problem(f"a{character}b") == (
        f"contains the invisible character U+{ord(character):04X}",
        "delete it: retype the words around it, or paste them as plain text")


def test_tabs_newlines_and_ordinary_unicode_are_allowed():
    assert character_problem("Tab\there\nnew line: é – “quotes” 😀 عربى") is None


def test_a_quoted_value_is_cut_at_its_limit():
    assert shown("x" * 60) == "x" * 60
    assert shown("x" * 61) == "x" * 60 + "…"
    assert shown("abcdef", limit=3) == "abc…"


def test_every_filter_is_a_function_of_one_value():
    assert set(FILTERS) == {"plain", "md", "url", "id", "attr", "heading", "path", "email", "name", "tel"}
    assert all(callable(f) for f in FILTERS.values())


def test_a_values_problems_are_a_new_list_each_time_it_is_checked():
    """The checks are kept by value (each value is checked where it is loaded and wherever it is
    printed, every build): a caller changing its list changes nothing for the next."""
    value = "[a link](http://example.org) and <b>"
    first = values.markdown_problems(value)
    assert first and first == values.markdown_problems(value)
    first.clear()
    assert values.markdown_problems(value) != []
