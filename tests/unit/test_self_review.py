"""self_review.py: every self-review's data has one shape, whether its page is made by the portal or
hand-written; what it rates and the words its script says come from the framework's file alone."""
from __future__ import annotations

import copy

from esafety_portal.self_review import checklist_words, counted, hand_written, rated_ids, review, version, words
from support.content_factory import framework, make_content

# A hand-written review (like the 2012 briefing's) rating two kinds of four, with a question probing one.
BRIEFING = framework(
    "old-2001", status="historical", page="old/index.md",
    self_review={"title": "Old action plan", "page": "self-review.md", "rates": ["concern", "strength"],
                 "prints": "action plan"},
    kinds={"strength": {"page": "old/index.md", "label": "Sign of strength", "plural": "signs of strength"},
           "concern": {"page": "old/index.md", "label": "Red flag", "rating": "dealt with", "intro": "Act first.",
                       "plural": "red flags"},
           "question": {"page": "old/index.md"}},
    groups=[{"id": "g-a", "title": "Leaders"}, {"id": "g-q", "title": "Pupils"}],
    items=[{"id": "s-1", "kind": "strength", "group": "g-a", "text": "Leaders lead."},
           {"id": "c-1", "kind": "concern", "text": "No policy."},
           {"id": "n-1", "kind": "note", "text": "Not rated."},
           {"id": "q-1", "kind": "question", "group": "g-q", "text": "Who leads?", "links": {"probes": ["s-1"]}}])
# A current framework whose page and review the portal makes, rating every item.
CURRENT = framework("new-2026", [("std-1", "standard", "Filter."), ("std-2", "standard", "Review.")],
                    self_review={"title": "Annual review", "intro": "Check it every year.",
                                 "item_fields": [{"id": "checks", "label": "Checks done", "type": "long-text"}]})


def content():
    return make_content(frameworks=[BRIEFING, CURRENT])


def test_a_review_rates_the_kinds_its_file_names_or_else_every_item():
    both = content()
    assert rated_ids(both.get("old-2001")) == {"s-1", "c-1"}
    assert rated_ids(both.get("new-2026")) == {"std-1", "std-2"}


def test_the_hand_written_review_is_the_one_whose_file_names_the_page():
    both = content()
    assert hand_written(both, "self-review.md") is both.get("old-2001")
    assert hand_written(both, "another.md") is None


def test_both_kinds_of_review_have_one_shape_and_say_what_they_print():
    both = content()
    old, new = review(both, both.get("old-2001")), review(both, both.get("new-2026"))
    assert set(old) == set(new)
    assert (old["id"], old["review_title"], old["prints"]) == ("old-2001", "Old action plan", "action plan")
    assert (new["id"], new["review_title"], new["prints"]) == ("new-2026", "Annual review", "record")
    assert [(t["id"], [i["id"] for i in t["items"]]) for t in old["themes"]] == [("g-a", ["s-1"])]
    assert [(i["id"], i["scale"]) for i in old["indicators"]] == [("c-1", "dealt-with")]
    assert [(q["id"], q["audience"], q["probes"]) for q in old["questions"]] == [("q-1", "Pupils", ["s-1"])]
    assert (old["item_fields"], [f["id"] for f in new["item_fields"]]) == ([], ["checks"])
    # Items outside any group form one group named for the framework.
    assert [(t["id"], [i["id"] for i in t["items"]]) for t in new["themes"]] == [("new-2026", ["std-1", "std-2"])]


def test_the_version_follows_the_items_words():
    both = content()
    body = {key: value for key, value in review(both, both.get("new-2026")).items()
            if key in ("themes", "indicators", "questions", "item_fields", "review_fields")}
    changed = copy.deepcopy(body)
    changed["themes"][0]["items"][0]["text"] = "Filter everything."
    assert version(body) == review(both, both.get("new-2026"))["version"] != version(changed)


def test_the_words_come_from_the_file_s_kinds():
    both = content()
    old = both.get("old-2001")
    assert words(old, review(both, old)) == {
        "kind:concern": "Red flag", "kind:strength": "Sign of strength",
        "items-counted": "signs of strength", "items-title": "Signs of strength",
        "indicators-counted": "red flags", "indicators-title": "Red flags", "indicators-intro": "Act first."}
    new = both.get("new-2026")
    # No kinds: entry: the kind, capitalised or with an s; nothing about indicators where there are none.
    assert words(new, review(both, new)) == {"kind:standard": "Standard", "items-counted": "standards",
                                             "items-title": "Standards"}


def test_items_of_several_kinds_or_of_a_kind_of_several_words_are_counted_as_items():
    fw = content().get("new-2026")
    assert counted(fw, {"standard"}) == "standards"
    assert counted(fw, {"standard", "duty"}) == counted(fw, {"key duty"}) == counted(fw, set()) == "items"


def test_the_printed_checklist_heads_each_table_with_its_items_kind_or_item():
    both = content()
    old = both.get("old-2001")
    assert checklist_words(old, review(both, old)) == {
        "item-heading": "Sign of strength", "indicator-heading": "Red flag",
        "questions-title": "Questions", "question-tests": "sign of strength"}
    new = both.get("new-2026")  # one kind, with no label in the file
    assert checklist_words(new, review(both, new))["item-heading"] == "Item"
    asked = copy.deepcopy(BRIEFING)
    asked["kinds"]["question"]["plural"] = "questions inspectors may ask"
    asked_content = make_content(frameworks=[asked])
    fw = asked_content.get("old-2001")
    assert checklist_words(fw, review(asked_content, fw))["questions-title"] == "Questions inspectors may ask"
