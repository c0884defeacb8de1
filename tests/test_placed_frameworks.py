"""The 2012 briefing and the 2010 survey are framework files like any other, shown on their
hand-written pages (their file's page: and kinds:), with every id, address and anchor as before."""
from __future__ import annotations

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.families import SINGLE_FILES
from esafety_portal.load import load_content
from esafety_portal.pages import data_of_pages, page_of
from support.addresses import F10, F12, fixed_page
from support.project_copy import copy_project, replace_in


def test_the_2012_and_2010_content_lives_in_two_framework_files(root, content):
    assert not {"features.yml", "inadequate.yml", "questions.yml", "inspection.yml", "survey.yml",
                "sources.yml"} & set(SINGLE_FILES)
    assert not [p.name for p in (root / "data").glob("*.yml") if p.name not in SINGLE_FILES]
    by_id = {fw.id: fw for fw in content.frameworks}
    briefing, survey = by_id["inspecting-e-safety-2012"], by_id["safe-use-of-new-technologies-2010"]
    assert (briefing.data_file, survey.data_file) == (F12, F10)
    assert {i.kind for i in briefing.items} == {"feature", "inadequate", "question"}
    assert {i.kind for i in survey.items} == {"finding", "recommendation", "focus"}
    # Each kind's list is the framework's items of that kind, in the file's order.
    for items, framework, kind in [(content.placed_items("feature"), briefing, "feature"), (content.placed_items("inadequate"), briefing, "inadequate"),
                                   (content.placed_items("question"), briefing, "question"), (content.placed_items("finding"), survey, "finding"),
                                   (content.placed_items("recommendation"), survey, "recommendation"),
                                   (content.placed_items("focus"), survey, "focus")]:
        assert [i.id for i in items] == [i.id for i in framework.items if i.kind == kind] != []
    # The documents quoted are the frameworks themselves, with the same identity as before.
    assert list(content.sources) == ["inspecting-e-safety-2012", "safe-use-of-new-technologies-2010"]
    assert content.placed_items("feature")[0].source.document.id == "inspecting-e-safety-2012"
    assert content.placed_items("finding")[0].source.section == "Executive summary"
    assert content.details("survey")["survey"]["schools"] == 35 and content.details("inspection")["key_judgements_total"] == 4


def test_every_old_address_is_where_it_was(content):
    for item_id, kind in content.kinds.items():
        expected = fixed_page(content, item_id, kind)
        if expected is not None:
            assert page_of(content, item_id) == expected, item_id


def test_each_page_names_the_file_behind_it(content):
    pages = data_of_pages(content)
    for page in ("inspection/index.md", "inspection/features.md", "inspection/inadequate.md",
                 "inspection/questions.md"):
        assert pages[page] == [F12], page
    assert pages["survey-2010.md"] == [F10]
    assert pages["about.md"] == [F12, F10]  # the list of sources shows both


def test_no_second_page_is_made_and_the_index_links_the_real_pages(built_site):
    assert not (built_site / "frameworks" / "inspecting-e-safety-2012").exists()
    assert not (built_site / "frameworks" / "safe-use-of-new-technologies-2010").exists()
    index = (built_site / "frameworks" / "index.html").read_text("utf-8")
    assert '<a href="../inspection/">Inspecting e-Safety</a>' in index
    assert '<a href="../survey-2010/">The safe use of new technologies</a>' in index
    # In the menu once, where mkdocs.yml puts them, not again under Frameworks.
    home = (built_site / "index.html").read_text("utf-8")
    assert home.count('<a href="survey-2010/" class="md-nav__link">') == 1
    assert home.count('<a href="inspection/" class="md-nav__link">') == 1


@pytest.mark.parametrize("old, new, path, problem, at", [
    # kinds: without page: a hand-written page must be named.
    ("page: survey-2010.md\n", "", "kinds", "says which pages show its items, but the framework has no page",
     "kinds:"),
    # Items of a kind are all grouped, or none are.
    ("    group: theme-policies\n", "", "items[8]", "has no group, but other items of its kind (feature) have one",
     "  - id: feature-09"),
    # A page that is not in docs/.
    ("page: survey-2010.md\n", "page: survey-2011.md\n", "page", "names the page survey-2011.md, which is not in docs/",
     "page: survey-2011.md"),
    # A kind's page is a docs path.
    ("    page: inspection/features.md\n    reference:", "    page: ../features.md\n    reference:",
     "kinds.feature.page", "'../features.md' is not in the right form", "    page: ../features.md"),
])
def test_mistakes_in_where_items_are_shown_get_file_line_and_fix(tmp_path, old, new, path, problem, at):
    project = copy_project(tmp_path, parts=("data", "docs"))
    file = F10 if "survey-2010" in old else F12
    replace_in(project / file, old, new)
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if e.path == path]
    assert mine and problem in mine[0].problem and mine[0].file == file and mine[0].fix, caught.value.report()
    assert mine[0].line == (project / file).read_text("utf-8").splitlines().index(at) + 1
