"""Mistakes in a template stop the build with the file, the line and a fix, and no traceback."""
from __future__ import annotations

from esafety_portal.load import load_content
from esafety_portal.templates import check_placeholders, pieces, fill_labels
from support.project_copy import content_errors
from support.site import mkdocs_build

KS2 = "data/templates/aup-ks2.yml"


def _break(project, old: str, new: str) -> int:
    """Replace `old` once in the KS2 AUP of the copy; return the 1-based line it was on."""
    path = project / KS2
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), "utf-8")
    return line


def _errors(project) -> list:
    return content_errors(project)


def test_the_copy_loads_before_it_is_broken(project):
    assert len(load_content(project).templates) >= 8


def test_unknown_placeholder_names_file_line_and_the_nearest_name(project):
    line = _break(project, "at [[school_name]] safely", "at [[school_nmae]] safely")
    (error,) = _errors(project)
    assert (error.file, error.path) == (KS2, "purpose")
    assert error.line == line - 1  # a folded value: the line of its key
    assert "[[school_nmae]]" in error.problem
    assert error.fix == "did you mean '[[school_name]]'?"


def test_unbalanced_placeholder_is_an_error(project):
    _break(project, "at [[school_name]] safely", "at [[school_name] safely")
    errors = _errors(project)
    # The safe-Markdown rule (a '[' with no ']') may speak too, at the same place.
    assert len({(e.file, e.line, e.path) for e in errors}) == 1, errors
    assert any("'[['" in e.problem and "[[school_name]]" in e.fix for e in errors), errors


def test_clause_pointing_to_an_unknown_indicator(project):
    line = _break(project, "addresses: [feature-11, recommendation-04]\n      - id: aup-ks2-03",
                  "addresses: [feature-11, recommendation-44]\n      - id: aup-ks2-03")
    (error,) = _errors(project)
    assert (error.file, error.line, error.path) == (KS2, line, "sections[0].clauses[1].addresses[1]")
    assert "recommendation-44" in error.problem and "recommendation-0" in error.fix


def test_clause_pointing_to_the_wrong_kind_of_item(project):
    _break(project, "addresses: [feature-11, recommendation-04]\n      - id: aup-ks2-03",
           "addresses: [feature-11, finding-01]\n      - id: aup-ks2-03")
    (error,) = _errors(project)
    assert "which is a finding" in error.problem


def test_template_with_no_clauses(project):
    path = project / KS2
    text = path.read_text("utf-8")
    start = text.index("    clauses:\n      - id: aup-ks2-01")
    end = text.index("  - id: aup-ks2-private")
    line = text[:start].count("\n") + 1
    path.write_text(text[:start] + "    clauses: []\n" + text[end:], "utf-8")
    (error,) = _errors(project)
    assert (error.file, error.line, error.path) == (KS2, line, "sections[0].clauses")
    assert "empty list" in error.problem and "add at least 1" in error.fix


def test_aup_without_signature_block(project):
    path = project / KS2
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("signature:")], "utf-8")
    errors = _errors(project)
    assert any("signature" in f"{e.problem} {e.fix}" for e in errors)


def test_duplicate_clause_id_suggests_a_free_one(project):
    _break(project, "\n      - id: aup-ks2-02\n", "\n      - id: aup-ks2-01\n")  # the clause, not a record of its change
    # (A record of 02's changes, if the file has one, is also told that 02 is gone.)
    (error,) = [e for e in _errors(project) if "is already published at" in e.problem]
    assert "'aup-ks2-02'" in error.fix  # 02 is free once renamed


def test_a_real_build_stops_on_an_unknown_placeholder(project, tmp_path):
    line = _break(project, "I will keep my password secret", "I will tell [[head_teacher]] my password secret")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{KS2}:{line}: sections[1].clauses[0].text: uses the unknown placeholder '[[head_teacher]]'" in output
    assert "did you mean '[[headteacher]]'?" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "downloads").exists()


def test_pieces_split_text_and_placeholders():
    split = pieces("Ask [[dsl]] or [[headteacher]].")
    assert [p.text for p in split] == ["Ask ", "[[dsl]]", " or ", "[[headteacher]]", "."]
    assert [p.placeholder for p in split] == ["", "dsl", "", "headteacher", ""]
    assert fill_labels("At [[school_name]].") == "At [School name]."


def test_check_placeholders_ignores_other_families():
    from esafety_portal.rules import DataFile
    from esafety_portal.yaml_loader import LineDict

    data = LineDict(text="[[nope]]")
    data.lines, data.line = {"text": 3}, 1
    assert check_placeholders([DataFile("data/features.yml", "features", data)], {}) == []
    (error,) = check_placeholders([DataFile("data/templates/x.yml", "template", data)], {})
    assert (error.line, error.path) == (3, "text")


def test_template_without_a_reading_target(project):
    path = project / KS2
    text = path.read_text("utf-8")
    start = text.index("reading:\n")
    path.write_text(text[:start] + text[text.index("keywords:"):], "utf-8")
    (error,) = _errors(project)
    assert (error.file, error.path) == (KS2, "")
    assert "reading" in error.problem, error
