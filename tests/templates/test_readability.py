"""The reading gate: every real template meets the target its file states, and the gate names
the file, the line, the clause and its grade or length when one does not."""
from __future__ import annotations

import pytest

from esafety_portal import schema_check
from esafety_portal.model import FileMeta
from esafety_portal.readability import grade, measure, plain_text, report, textstatistics
from esafety_portal.templates import Reading, template_from_data
from esafety_portal.yaml_loader import read_yaml
from support.site import ROOT

TEMPLATE_FILES = sorted(f"data/templates/{p.name}" for p in (ROOT / "data" / "templates").glob("*.yml"))
HARD = "tests/templates/fixtures/hard-aup.yml"


def _template(content, data_file):
    return next(t for t in content.templates if t.data_file == data_file)


@pytest.mark.parametrize("data_file", TEMPLATE_FILES)
def test_template_meets_its_reading_target(content, data_file):
    template = _template(content, data_file)
    assert isinstance(template.reading, Reading)  # the schema requires it; a missing one would measure nothing
    problems = measure(template).problems()
    assert not problems, "\n".join(str(problem) for problem in problems)


def test_every_template_is_measured():
    assert len(TEMPLATE_FILES) >= 8


@pytest.fixture
def hard():
    data, problems = read_yaml(ROOT / HARD, HARD)
    assert not problems
    assert schema_check.check(data, "template", ROOT / "data" / "schema", HARD) == []  # a real, valid template
    return template_from_data(data, HARD, FileMeta(HARD, None, ()))


def test_a_hard_clause_fails_naming_file_line_clause_and_grade(hard):
    messages = [str(error) for error in measure(hard).problems()]
    assert messages == [
        f"{HARD}:33: sections[0].clauses[2].text: clause hard-aup-03 has 30 words, over this template's limit of 15 "
        "(reading.max_words) — say it more briefly, or split it into two clauses",
        f"{HARD}:28: sections[0].clauses[1].text: clause hard-aup-02 reads at grade 25.8, and this template's clauses "
        "together at grade 9.6, above its target of 4 (reading.grade) — use shorter words and one idea a sentence",
        f"{HARD}:33: sections[0].clauses[2].text: clause hard-aup-03 reads at grade 8.3, and this template's clauses "
        "together at grade 9.6, above its target of 4 (reading.grade) — use shorter words and one idea a sentence",
    ]


def test_a_template_within_its_targets_has_no_problems(hard):
    easy = hard.sections[0].clauses[0]
    hard.sections[0].clauses[:] = [easy]
    assert measure(hard).grade <= 4 and measure(hard).problems() == []


def test_the_template_grade_reads_the_clauses_together_not_each_on_its_own(hard):
    # One short clause with long words reads at grade 7 alone, but the template is easy.
    hard.sections[0].clauses[1].text = "I will respect everybody."
    hard.sections[0].clauses[2].text = "I will ask first. I will be kind. I will tell an adult."
    reading = measure(hard)
    assert reading.clauses[1].grade > 4 >= reading.grade
    assert reading.problems() == []


def test_the_grade_is_the_flesch_kincaid_formula_unrounded_until_the_end():
    # textstat rounds syllables per word (here 13/11 = 1.18) to 1.2 first, which moves the grade by
    # up to 0.6; the gate must not jump when one syllable tips an average over a rounding edge.
    text = "I will take care of the computers and tell an adult."
    counter = textstatistics()
    counter.set_rounding(False)
    words, syllables = counter.lexicon_count(text), counter.syllable_count(text)
    assert (words, syllables, counter.sentence_count(text)) == (11, 13, 1)
    assert grade(text) == round(0.39 * 11 + 11.8 * 13 / 11 - 15.59, 1) == 2.6
    assert textstatistics().flesch_kincaid_grade(text) == 2.9  # what textstat alone would say


def test_placeholders_read_as_one_plain_word_and_every_clause_ends_a_sentence():
    assert plain_text("I will tell [[designated_safeguarding_lead]]") == "I will tell name."
    assert plain_text("  Ask [[dsl]]\n first!  ") == "Ask name first!"


def test_review_report_prints_each_template_grade_against_its_target(content):
    lines = report(content.templates)
    rows = {line.split()[0]: line.split() for line in lines[3:3 + len(content.templates)]}
    assert set(rows) == {t.id for t in content.templates}
    for template in content.templates:
        grade, target = rows[template.id][1:3]
        assert float(grade) == measure(template).grade and float(target) == template.reading.grade
        assert rows[template.id][-1] == ("ok" if measure(template).meets_target else "TARGET")
    missing = sum(not measure(t).meets_target for t in content.templates)
    assert lines[-1] == f"{missing} of {len(content.templates)} templates miss their reading target."


def test_pupils_templates_limit_how_long_a_clause_is(content):
    # The targets are data; what no pupils' agreement may drop is a word limit and a grade a pupil reads.
    pupils = [t for t in content.templates if t.key_stage]
    assert pupils and all(t.reading.max_words and t.reading.max_words <= 25 and t.reading.grade <= 7 for t in pupils)
