"""The self-review framework is built from the content model: every item, in order, with its
permalink, and a new item in data/ appears with no code change."""
from __future__ import annotations

import copy
import json
import shutil

from esafety_portal.load import load_content
from esafety_portal.self_review import page_url
from support.reviews import briefing_json, briefing_review
from support.site import ROOT


def test_every_feature_indicator_and_question_is_in_the_framework(content, fw):
    assert [t["id"] for t in fw["themes"]] == [t.id for t in content.placed_groups("theme")]
    assert [i["id"] for t in fw["themes"] for i in t["items"]] == [f.id for f in content.placed_items("feature")]
    assert [i["id"] for i in fw["indicators"]] == [i.id for i in content.placed_items("inadequate")]
    assert [q["id"] for q in fw["questions"]] == [q.id for q in content.placed_items("question")]
    for question, item in zip(fw["questions"], content.placed_items("question")):
        assert question["probes"] == list(item.refs["probes"]) and question["probes"]
        assert question["audience"] == content.get(item.group).title
    feature = fw["themes"][0]["items"][0]
    first = content.placed_items("feature")[0]
    assert feature == {"id": first.id, "kind": "feature", "title": first.title,
                       "text": " ".join(first.text.split()), "url": f"inspection/features/#{first.id}"}
    assert fw["indicators"][0]["url"] == f"inspection/inadequate/#{content.placed_items('inadequate')[0].id}"
    assert fw["questions"][0]["url"] == f"inspection/questions/#{content.placed_items('question')[0].id}"


def test_framework_has_a_stable_id_and_a_version_that_follows_the_data(content):
    first = briefing_json(content)
    assert first == briefing_json(content)  # deterministic bytes
    data = json.loads(first)
    assert data["format"] == "esafety-self-review"
    assert data["id"] == content.placed_items("feature")[0].source.document.id
    assert len(data["version"]) == 16
    edited = copy.deepcopy(content)
    edited.placed_items("inadequate")[0].text += " Changed."
    changed = briefing_review(edited)
    assert changed["id"] == data["id"] and changed["version"] != data["version"]


def test_page_urls_follow_use_directory_urls():
    assert page_url("inspection/features.md") == "inspection/features/"
    assert page_url("inspection/index.md") == "inspection/"
    assert page_url("index.md") == ""
    assert page_url("inspection/features.md", use_directory_urls=False) == "inspection/features.html"


def test_a_new_indicator_in_the_data_appears_with_no_code_change(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    data_file = tmp_path / "data" / "frameworks" / "inspecting-e-safety-2012.yml"
    # After the last indicator, where the questions start.
    data_file.write_text(data_file.read_text("utf-8").replace("\n  - id: question-leaders-1\n", (
        "\n  - id: inadequate-99\n"
        "    kind: inadequate\n"
        "    title: Filtering is switched off\n"
        "    text: The school's filtering is switched off for everyone.\n"
        "  - id: question-leaders-1\n"), 1), "utf-8")
    fw = briefing_review(load_content(tmp_path))
    assert fw["indicators"][-1] == {"id": "inadequate-99", "kind": "inadequate", "title": "Filtering is switched off",
                                    "text": "The school's filtering is switched off for everyone.",
                                    "url": "inspection/inadequate/#inadequate-99", "scale": "dealt-with"}


def test_the_built_site_publishes_the_framework_and_a_checklist_of_every_item(built_site, content, fw):
    assert (built_site / "assets/self-review/framework.json").read_bytes() == briefing_json(content)
    html = (built_site / "self-review/index.html").read_text("utf-8")
    for theme in fw["themes"]:
        for item in theme["items"]:
            assert f'href="../inspection/features/#{item["id"]}"' in html, item["id"]
    for item in fw["indicators"]:
        assert f'href="../inspection/inadequate/#{item["id"]}"' in html, item["id"]
    for item in fw["questions"]:
        assert f'href="../inspection/questions/#{item["id"]}"' in html, item["id"]
    # The scripts and stylesheet load on this page only, from the site itself: storage, CSV, state,
    # then the page's own script, which uses both.
    home = (built_site / "index.html").read_text("utf-8")
    scripts = ["stored-record.js", "csv-text.js", "self-review-state.js", "self-review.js"]
    positions = [html.index(f'src="../assets/javascripts/{name}"') for name in scripts]
    assert positions == sorted(positions)
    for name in scripts:
        assert name not in home
