"""A reviewable framework's `self_review:` block is checked like all data: a mistake in it gets
`file:line: path: what — fix`, never a traceback."""
from __future__ import annotations

import shutil

import pytest

from esafety_portal.load import load_content
from support.project_copy import copy_project, framework_mistake
from support.site import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "frameworks" / "example-review.yml"
# Where the fixture's first field is, as a duplicate of it reports it.
CHECKED_BY = FIXTURE.read_text("utf-8").splitlines().index("    - id: checked-by") + 1


def test_the_fixture_and_the_real_filtering_review_load(tmp_path):
    project = copy_project(tmp_path, parts=("data",))
    shutil.copy(FIXTURE, project / "data" / "frameworks" / FIXTURE.name)
    frameworks = {fw.id: fw for fw in load_content(project).frameworks}
    review = frameworks["example-review"].self_review
    assert (review.title, [f.id for f in review.item_fields], [f.id for f in review.review_fields]) == (
        "Example yearly check", ["tested"], ["checked-by"])
    assert review.item_fields[0].type == "long-text" and review.item_fields[0].help == "Devices and user groups."
    filtering = frameworks["dfe-filtering-monitoring"].self_review
    assert {"review-date", "senior-leader", "governor"} <= {f.id for f in filtering.review_fields}
    assert {"checks", "checked-on"} <= {f.id for f in filtering.item_fields}


@pytest.mark.parametrize("old, new, path, message", [
    ("      type: long-text", "      type: essay", "self_review.item_fields[0].type", "'essay' is not allowed"),
    ("    - id: tested", "    - id: evidence", "self_review.item_fields[0].id",
     "'evidence' is a field every self-review already has"),
    ("    - id: tested", "    - id: checked-by", "self_review.item_fields[0].id",
     f"the field id 'checked-by' is already used (data/frameworks/example-review.yml:{CHECKED_BY})"),
    ("    - id: checked-by", "    - id: Checked By", "self_review.review_fields[0].id", "'Checked By'"),
    ("  title: Example yearly check\n", "", "self_review", "'title'"),
    ("      label: What was tested\n", "      lable: What was tested\n", "self_review.item_fields[0]", "lable"),
])
def test_a_mistake_in_the_self_review_block_gets_file_line_and_fix(tmp_path, old, new, path, message):
    error, line = framework_mistake(tmp_path, FIXTURE, old, new, message)
    assert error.file == "data/frameworks/example-review.yml" and error.path.startswith(path) and error.fix
    assert abs(error.line - line) <= 1, (error.line, line)  # the line of the field, or of its entry
    assert f"data/frameworks/example-review.yml:{error.line}: {error.path}: " in str(error)


PER = ROOT / "tests" / "fixtures" / "frameworks" / "example-per-review.yml"


def test_a_review_repeated_per_product_says_what_one_record_is_about(tmp_path):
    from esafety_portal.self_review import review

    project = copy_project(tmp_path, parts=("data",))
    for fixture in (FIXTURE, PER):
        shutil.copy(fixture, project / "data" / "frameworks" / fixture.name)
    content = load_content(project)
    frameworks = {fw.id: fw for fw in content.frameworks}
    per = frameworks["example-per-review"].self_review.per
    assert (per.label, per.help) == ("AI product", "The product's name and version, such as Quokkachat 2.")
    data = review(content, frameworks["example-per-review"])
    assert data["per"] == {"label": "AI product", "help": "The product's name and version, such as Quokkachat 2."}
    # A review of the whole school has no `per`, in its data or its JSON.
    assert frameworks["example-review"].self_review.per is None
    assert "per" not in review(content, frameworks["example-review"])


@pytest.mark.parametrize("old, new, path, message", [
    ("    label: AI product\n", "", "self_review.per", "'label'"),
    ("    label: AI product\n", "    label: AI product\n    plural: AI products\n", "self_review.per", "plural"),
])
def test_a_mistake_in_per_gets_file_line_and_fix(tmp_path, old, new, path, message):
    error, _ = framework_mistake(tmp_path, PER, old, new, message)
    assert error.file == "data/frameworks/example-per-review.yml" and error.path.startswith(path) and error.fix
