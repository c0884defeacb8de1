"""The self-review tool's own element ids are in a namespace no data can take ("sr:" + a name;
data ids and heading anchors are lower-case letters, digits, hyphens and underscores): an item
whose id is one of the tool's words, or a heading in a review's intro that slugs to one, breaks
nothing, and the answers are saved as before, by item id."""
from __future__ import annotations

import shutil

import pytest

from self_review_drive import open_review, rate, stored, watch_errors, write
from support.project_copy import copy_project, replace_in
from support.site import ROOT, StaticServer, mkdocs_build

REVIEWABLE = ROOT / "tests" / "fixtures" / "frameworks" / "example-review.yml"
# Each was the id of one of the tool's elements before issue 21 ("sr-" + a name or an item id).
HEADINGS = ("sr tool", "sr words", "sr school", "sr sections")
ITEM_IDS = ("words", "school")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("ids") / "project")
    target = project / "data" / "frameworks" / REVIEWABLE.name
    shutil.copy(REVIEWABLE, target)
    headings = "".join(f"\n\n  ## {heading}" for heading in HEADINGS)
    replace_in(target, "  intro: Check both items once a year and write down who did it.\n",
               f"  intro: |-\n    Check both items once a year.{headings.replace(chr(10) + '  ', chr(10) + '    ')}\n")
    replace_in(target, "  - id: example-check-1\n", f"  - id: {ITEM_IDS[0]}\n")
    replace_in(target, "  - id: example-check-2\n", f"  - id: {ITEM_IDS[1]}\n")
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(out) as server:
        yield server.url


def test_items_and_headings_named_like_the_tools_elements_break_nothing(hostile_site, page):
    errors = watch_errors(page)
    open_review(page, hostile_site, "self-review/example-review/")
    for heading in HEADINGS:  # the intro's headings are on the page, with their usual anchors
        assert page.locator(f"h2#{heading.replace(' ', '-')}").count() == 1, heading
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(el => el.id)")
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    rate(page, "words", "fully")
    write(page, "school", "evidence", "Checked in March")
    page.fill("#sr\\:school", "Riverside Primary School")
    record = stored(page)
    assert record["items"]["words"]["rating"] == "fully"
    assert record["items"]["school"]["evidence"] == "Checked in March"
    assert record["school"] == "Riverside Primary School"
    assert page.inner_text("#sr\\:overall").startswith("1 of 2")
    assert errors == []
