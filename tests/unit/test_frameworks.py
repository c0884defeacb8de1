"""frameworks.py: the words a framework's pages use come from its file (kinds:, groups:), not the code."""
from __future__ import annotations

from support.content_factory import framework, make_content

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
