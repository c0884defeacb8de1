"""frameworks.py: the words a framework's pages use come from its file (kinds:, groups:), not the code;
the kinds a self-review rates are ones its items have."""
from __future__ import annotations

from esafety_portal.frameworks import check_frameworks
from support.content_factory import data_files, framework, make_content

PLACED = framework("fw-old", [{"id": "f-1", "kind": "feature", "text": "Leaders lead.", "group": "g-1"},
                              {"id": "r-1", "kind": "recommendation", "text": "Do this."}],
                   status="historical", page="old.md",
                   groups=[{"id": "g-1", "kind": "audience", "title": "Senior leaders",
                            "heading": "Questions for the senior leaders"}],
                   kinds={"feature": {"page": "old.md", "label": "Feature of good practice",
                                      "short_label": "Old feature", "show": "numbered"},
                          "recommendation": {"page": "old.md"}})


def test_a_kind_s_labels_and_display_come_from_its_placement():
    fw = make_content(frameworks=[PLACED]).frameworks[0]
    assert (fw.kinds["feature"].label, fw.kinds["feature"].show) == ("Feature of good practice", "numbered")
    assert fw.kinds["recommendation"].show == "blocks"


def test_a_link_s_short_label_is_the_kind_s_or_else_the_framework_s():
    fw = make_content(frameworks=[PLACED]).frameworks[0]
    assert fw.short_label("feature") == "Old feature"
    assert fw.short_label("recommendation") == fw.short_label("standard") == fw.label


def test_a_group_keeps_its_page_heading_apart_from_its_title():
    group = make_content(frameworks=[PLACED]).frameworks[0].groups[0]
    assert (group.title, group.page_heading) == ("Senior leaders", "Questions for the senior leaders")


def test_a_rated_kind_no_item_has_is_refused_with_the_kinds_there_are():
    fw = framework("old-2001", [("f-1", "feature", "Leaders lead."), ("i-1", "inadequate", "No policy.")],
                   status="historical", self_review={"title": "Old review", "page": "self-review.md",
                                                     "rates": ["inadequate", "featrue"]})
    problems = [e for e in check_frameworks(data_files(frameworks=[fw])) if e.path.startswith("self_review")]
    assert [(e.file, e.path, e.problem, e.fix) for e in problems] == [
        ("data/frameworks/old-2001.yml", "self_review.rates[1]", "names the kind 'featrue', which no item of this "
         "framework has", "use one of: feature, inadequate")]
