"""page_macros.py: the two generic macros, items(framework, kind) and details(framework, name), render a
framework's items and details through one item renderer, as its file's kinds: says, on small content."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from esafety_portal.page_macros import page_macros
from esafety_portal.render import Renderer
from support.content_factory import framework, make_content

OLD = framework(
    "old-2001", status="historical", page="old/index.md", publisher="The Old Inspectorate", published="2001-06",
    kinds={"theme": {"page": "old/features.md", "note": "We restored this heading."},
           "feature": {"page": "old/features.md", "reference": "Key features", "intro": "Inspectors looked for these."},
           "audience": {"page": "old/questions.md"},
           "question": {"page": "old/questions.md", "reference": "Questions", "show": "numbered"},
           "finding": {"page": "old/index.md", "reference": "Summary"},
           "focus": {"page": "old/index.md", "show": "list"}},
    groups=[{"id": "theme-a", "kind": "theme", "title": "Leadership"},
            {"id": "theme-b", "kind": "theme", "title": "Training", "heading_inferred": True},
            {"id": "aud-a", "kind": "audience", "title": "Leaders", "heading": "Questions for the leaders",
             "keywords": ["SLT"]},
            {"id": "aud-b", "kind": "audience", "title": "Pupils"}],
    items=[{"id": "feat-1", "kind": "feature", "group": "theme-a", "title": "Leaders lead", "text": "Leaders lead well."},
           {"id": "feat-2", "kind": "feature", "group": "theme-b", "title": "Staff learn", "text": "Staff are trained."},
           {"id": "q-1", "kind": "question", "group": "aud-a", "text": "Who leads?", "links": {"probes": ["feat-1"]}},
           {"id": "q-2", "kind": "question", "group": "aud-b", "text": "Who helps you?", "phase": "secondary"},
           {"id": "q-3", "kind": "question", "group": "aud-b", "text": "Where do you report?"},
           {"id": "find-1", "kind": "finding", "title": "Most were safe", "text": "Most pupils were safe."},
           {"id": "focus-1", "kind": "focus", "text": "Teach passwords."}],
    inspection={"key_judgements_total": 4, "judgements": [],
                "smsc": {"id": "smsc-a", "title": "SMSC", "quote": "right and wrong", "explanation": "Ours."},
                "expectation": {"id": "expect-a", "title": "What the inspectorate expects", "quote": "All yes.",
                                "explanation": "Every answer positive."}})


@pytest.fixture(scope="module")
def content():
    return make_content(frameworks=[OLD])


def macros(content, root, page):
    return page_macros(content, Renderer(content, root / "overrides" / "markdown"), lambda: page, root / "docs")


def test_items_are_anchored_headings_under_their_groups_quoted_from_their_publisher(content, root):
    markdown = macros(content, root, "old/features.md")["items"]("old-2001", "feature")
    assert markdown.startswith("Inspectors looked for these.\n")
    assert markdown.index("## Leadership {: #theme-a }") < markdown.index("### Leaders lead {: #feat-1 }") \
        < markdown.index("## Training {: #theme-b }") < markdown.index("### Staff learn {: #feat-2 }")
    assert "<cite>The Old Inspectorate, *Framework old-2001* (June 2001), Key features</cite>" in markdown
    assert "Ofsted" not in markdown
    assert markdown.count('!!! note "Heading restored by us"') == 1 and "    We restored this heading." in markdown


def test_numbered_items_count_within_their_group_under_the_group_s_page_heading(content, root):
    markdown = macros(content, root, "old/questions.md")["items"]("old-2001", "question")
    assert "## Questions for the leaders {: #aud-a }\n\n**Related terms:** SLT" in markdown
    assert "## Pupils {: #aud-b }" in markdown  # no heading: the title
    assert "### 1. Who leads? {: #q-1 }" in markdown
    assert "### 1. Who helps you? {: #q-2 }\n\n*Asked of secondary pupils only.*" in markdown
    assert "### 2. Where do you report? {: #q-3 }" in markdown
    assert "**Probes:** [Leaders lead](features.md#feat-1)" in markdown


def test_ungrouped_items_take_the_level_asked_and_a_list_kind_shows_as_a_list(content, root):
    on_index = macros(content, root, "old/index.md")
    assert on_index["items"]("old-2001", "finding", 3).startswith("### Most were safe {: #find-1 }")
    assert on_index["items"]("old-2001", "finding").startswith("## Most were safe {: #find-1 }")
    assert on_index["items"]("old-2001", "focus").strip() == "- Teach passwords.\n    {: #focus-1 }"


def test_details_show_a_part_of_the_framework_s_details(content, root):
    markdown = macros(content, root, "old/questions.md")["details"]("old-2001", "inspection.expectation")
    assert markdown.startswith("## What the inspectorate expects {: #expect-a }\n\n> All yes.")


@pytest.mark.parametrize("page, call, said", [
    ("old/features.md", ("items", "new-2026", "feature"), "docs/old/features.md: items('new-2026', 'feature') names "
                                                          "'new-2026', which is not a framework"),
    ("old/features.md", ("items", "feat-1", "feature"), "'feat-1', which is not a framework"),
    ("old/index.md", ("items", "old-2001", "feature"), "data/frameworks/old-2001.yml does not place its feature items "
                                                       "on this page — add 'feature:' with 'page: old/index.md'"),
    ("old/index.md", ("items", "old-2001", "finding", 7), "level 7 is not a heading level"),
    ("old/index.md", ("details", "old-2001", "survey"), "has no details 'survey' to show — use one of: inspection, "
                                                        "inspection.expectation"),
    ("old/index.md", ("details", "old-2001", "inspection.secrets"), "has no details 'inspection.secrets'"),
])
def test_a_wrong_call_names_the_page_and_how_to_put_it_right(content, root, page, call, said):
    name, *arguments = call
    with pytest.raises(PluginError) as refused:
        macros(content, root, page)[name](*arguments)
    assert said in str(refused.value)


def test_one_item_renderer_shows_a_current_framework_s_summary_with_the_publisher_s_words(root):
    current = framework("new-2026", [{"id": "duty-1", "kind": "duty", "title": "Train staff", "text": "Train every year.",
                                      "reference": "Part 2", "quote": "Staff should be trained.",
                                      "url": "https://www.gov.uk/example#part-2"}], edition="2026")
    content = make_content(frameworks=[current])
    fw = content.frameworks[0]
    markdown = Renderer(content, root / "overrides" / "markdown").render("framework.md.jinja", fw.home, fw=fw)
    assert "## Train staff {: #duty-1 }\n\n*Part 2*\n\n\nTrain every year." in markdown
    assert "> <cite>Department for Tests, *Framework new-2026* (2026), Part 2</cite>" in markdown
    assert "[Read this duty on the publisher's website](https://www.gov.uk/example#part-2)" in markdown
    assert "*Reference: `duty-1`*" in markdown


def test_the_hand_written_self_review_takes_its_kinds_words_from_the_file_it_rates(root):
    rated = framework(
        "old-2001", status="historical", page="old/index.md",
        self_review={"title": "Old action plan", "page": "self-review.md", "rates": ["inadequate", "feature"],
                     "prints": "action plan"},
        kinds={"theme": {"page": "old/index.md"},
               "feature": {"page": "old/index.md", "reference": "Features", "label": "Sign of strength",
                           "plural": "signs of strength"},
               "inadequate": {"page": "old/index.md", "reference": "Concerns", "label": "Red flag", "rating": "dealt with",
                              "intro": "Deal with these first.", "plural": "red flags"}},
        groups=[{"id": "theme-a", "kind": "theme", "title": "Leadership"}],
        items=[{"id": "feat-1", "kind": "feature", "group": "theme-a", "title": "Leaders lead", "text": "Leaders lead."},
               {"id": "bad-1", "kind": "inadequate", "title": "No policy", "text": "There is no policy."}])
    markdown = macros(make_content(frameworks=[rated]), root, "self-review.md")["self_review"]()
    assert "## Red flags {: #sr-checklist-inadequate }\n\nDeal with these first.\n" in markdown
    assert '<span data-word="indicators-intro">Deal with these first.</span>' in markdown
    assert "| Red flag | Does it still apply? |" in markdown and "| Sign of strength | How far is it in place? |" in markdown
    # What the tool's script says about them: the spreadsheet's names, the summary's counts and headings.
    for name, said in (("kind:inadequate", "Red flag"), ("kind:feature", "Sign of strength"),
                       ("items-counted", "signs of strength"), ("indicators-counted", "red flags"),
                       ("indicators-title", "Red flags")):
        assert f'<span data-word="{name}">{said}</span>' in markdown
    assert "<caption>Signs of strength in place, by theme</caption>" in markdown
    assert '<h3 id="sr:open-indicators-heading">Red flags still to deal with</h3>' in markdown
    assert 'id="sr:plan-title">Old action plan: ' in markdown and 'id="sr:print">Print the action plan<' in markdown
    assert 'id="sr:plan-done"' in markdown and 'id="sr:plan-items"' not in markdown  # an action plan, not a record


def test_a_page_calling_self_review_that_no_framework_names_fails_with_the_fix(root):
    reviewed = framework("new-2026", self_review={"title": "A review", "intro": "Check."})
    with pytest.raises(PluginError) as raised:
        macros(make_content(frameworks=[reviewed]), root, "self-review.md")["self_review"]()
    assert str(raised.value) == (
        "docs/self-review.md: self_review() shows the self-review of the framework whose file names this page, but "
        "none does — add 'page: self-review.md' under self_review: in that framework's file in data/frameworks/, or "
        "remove the call")


def test_the_rating_scale_of_a_kind_comes_from_its_file_and_the_default_is_left_out_of_the_json():
    from esafety_portal.self_review import item_data
    fw = framework("old-2001", status="historical", page="old/index.md",
                   kinds={"concern": {"page": "old/index.md", "rating": "dealt with"}, "feature": {"page": "old/index.md"}},
                   items=[("c-1", "concern", "A concern."), ("f-1", "feature", "A feature."), ("s-1", "standard", "Do.")])
    content = make_content(frameworks=[fw])
    assert item_data(content, content.get("c-1"), True)["scale"] == "dealt-with"
    assert "scale" not in item_data(content, content.get("f-1"), True)
    assert "scale" not in item_data(content, content.get("s-1"), True)


def test_the_hand_written_review_rates_the_kinds_its_file_names_each_on_its_scale():
    from esafety_portal.self_review import review as review_of
    fw = framework(
        "old-2001", status="historical", page="old/index.md",
        self_review={"title": "Old review", "page": "self-review.md", "rates": ["concern", "strength"]},
        kinds={"concern": {"page": "old/index.md", "rating": "dealt with"}, "strength": {"page": "old/index.md"},
               "question": {"page": "old/index.md"}},
        groups=[{"id": "g-a", "title": "Leaders"}, {"id": "g-q", "title": "Pupils"}],
        items=[{"id": "s-1", "kind": "strength", "group": "g-a", "text": "Leaders lead."},
               {"id": "c-1", "kind": "concern", "text": "No policy."},
               {"id": "n-1", "kind": "note", "text": "Not rated."},
               {"id": "q-1", "kind": "question", "group": "g-q", "text": "Who leads?", "links": {"probes": ["s-1"]}}])
    content = make_content(frameworks=[fw])
    review = review_of(content, content.frameworks[0])
    assert (review["id"], review["review_title"], review["prints"]) == ("old-2001", "Old review", "record")
    assert [(t["id"], [i["id"] for i in t["items"]]) for t in review["themes"]] == [("g-a", ["s-1"])]
    assert [i["id"] for i in review["indicators"]] == ["c-1"] and review["indicators"][0]["scale"] == "dealt-with"
    assert [(q["id"], q["audience"], q["probes"]) for q in review["questions"]] == [("q-1", "Pupils", ["s-1"])]
