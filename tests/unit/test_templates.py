"""templates.py: the policy and AUP template model on small templates: placeholders split out of
the text and checked against the vocabulary, clauses as indexed items, and the templates' order."""
from __future__ import annotations

import pytest

from esafety_portal.rules import DataFile
from esafety_portal.templates import (PLACEHOLDER_HELP, PLACEHOLDERS, Piece, check_placeholders, fill_labels, pieces,
                                      placeholder_label)
from support.content_factory import make_content, template


def test_every_placeholder_has_a_label_and_help():
    assert set(PLACEHOLDERS) == set(PLACEHOLDER_HELP)
    assert all(name.isidentifier() and name.islower() for name in PLACEHOLDERS)


def test_text_splits_into_words_and_placeholders_in_order():
    assert pieces("[[school_name]] is run by [[headteacher]].") == [
        Piece("[[school_name]]", "school_name"), Piece(" is run by "), Piece("[[headteacher]]", "headteacher"),
        Piece(".")]
    assert pieces("No blanks.") == [Piece("No blanks.")]
    assert pieces("") == []


def test_a_blank_shows_its_label_until_it_is_filled_in():
    assert placeholder_label("school_name") == "[School name]"
    assert Piece("[[dsl]]", "dsl").label == "[Designated safeguarding lead's name]"
    assert Piece("words").label == "words"
    assert fill_labels("Ask [[dsl]] at [[school_name]].") == "Ask [Designated safeguarding lead's name] at [School name]."


def placeholder_problems(text):
    data = template("tpl-a", [("tpl-a-01", text)])
    return [f"{e.path}: {e.problem} — {e.fix}" for e in check_placeholders([DataFile("data/templates/tpl-a.yml",
                                                                                     "template", data)], {})]


def test_a_known_placeholder_passes():
    assert placeholder_problems("[[school_name]] and [[guest_wifi_name]]") == []


@pytest.mark.parametrize("text, message", [
    ("[[school]]", "uses the unknown placeholder '[[school]]' — did you mean '[[school_name]]'?"),
    ("[[Deputy DSL]]", "uses the unknown placeholder '[[Deputy DSL]]' — did you mean '[[deputy_dsl]]'?"),
    ("[[school_name]", "has a '[[' or ']]' that is not part of a placeholder — write placeholders as "
                       "[[school_name]], with two brackets on each side"),
])
def test_a_wrong_placeholder_is_named_with_its_fix(text, message):
    assert placeholder_problems(text) == [f"sections[0].clauses[0].text: {message}"]


def test_a_placeholder_far_from_any_name_lists_them_all():
    (problem,) = placeholder_problems("[[zzzz]]")
    assert problem.endswith("use one of: " + ", ".join(f"[[{name}]]" for name in PLACEHOLDERS))


def test_each_clause_is_an_item_titled_by_its_template_and_words():
    long_words = "Staff will " + "always " * 20 + "check."
    content = make_content(templates=[template("tpl-a", [("tpl-a-01", "Ask [[dsl]] first."),
                                                         ("tpl-a-02", long_words)])])
    tpl = content.templates[0]
    first, second = tpl.items
    assert (first.id, first.kind, first.group) == ("tpl-a-01", "clause", "tpl-a")
    assert first.title == "Template tpl-a: Ask Designated safeguarding lead's name first."
    assert second.title.endswith("…") and len(second.title) <= len("Template tpl-a: ") + 91
    assert (first.extra.section, first.extra.template_id) == ("tpl-a-rules", "tpl-a")
    assert [c.id for c in tpl.clauses] == ["tpl-a-01", "tpl-a-02"]


def test_the_policy_comes_first_then_the_aups_in_their_files_order():
    content = make_content(templates=[template("aup-b", order=2), template("aup-a", order=2),
                                      template("aup-c", order=1), template("policy-z", kind="policy", order=9)])
    assert [t.id for t in content.templates] == ["policy-z", "aup-c", "aup-a", "aup-b"]
