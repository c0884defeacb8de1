"""A framework is data only: one new file in data/frameworks/ (and nothing else) gives its page,
anchors, menu entry, search entries, open data rows and back-links in both directions, and a
template clause can trace to its items; a `self_review:` block in it gives its self-review page
and JSON."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.addresses import F10
from support.project_copy import copy_project, framework_mistake, replace_in
from support.site import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "frameworks" / "example-standards.yml"
REVIEWABLE = ROOT / "tests" / "fixtures" / "frameworks" / "example-review.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("framework") / "project")
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    shutil.copy(FIXTURE, project / "data" / "frameworks" / FIXTURE.name)
    shutil.copy(REVIEWABLE, project / "data" / "frameworks" / REVIEWABLE.name)
    # A template clause traces to the new framework's item, as to any other.
    replace_in(project / "data/templates/esafety-policy.yml", "addresses: [", "addresses: [example-standard-2, ")
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_its_page_has_every_item_under_its_own_anchor(site):
    page = (site / "frameworks" / "example-standards" / "index.html").read_text("utf-8")
    for anchor in ("example-standards", "example-group-safety", "example-group-review",
                   "example-standard-1", "example-standard-2", "example-question-1"):
        assert f'id="{anchor}"' in page, anchor
    assert "Current: schools must follow this now" in page
    # The quote, with its source.
    assert "Schools should keep a record of the sites pupils needed and could not reach." in page
    assert 'href="https://www.example.org/standards"' in page
    assert 'href="https://www.example.org/standards/filter-record"' in page  # an item's own page
    # Each item says in one line where its wording was checked; a secondary copy says so.
    assert "Checked on 20 November 2026 against the original text, Standard 1, the record of sites, on " \
           '<a href="https://www.example.org/standards/filter-record">example.org</a>' in page
    assert "Checked on 18 November 2026 against a secondary copy, not the original text: Testshire" in page
    assert page.count("Checked on ") == 3
    assert "Last reviewed: <time datetime=\"2026-11-20\">" in page  # review dates from its file


def test_it_is_in_the_menu_and_the_frameworks_index(site):
    home = (site / "index.html").read_text("utf-8")
    assert 'href="frameworks/example-standards/"' in home
    index = (site / "frameworks" / "index.html").read_text("utf-8")
    assert 'href="example-standards/"' in index and "Testshire Council" in index


def test_each_item_is_its_own_search_entry(site):
    docs = {d["location"]: d for d in json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]}
    entry = docs["frameworks/example-standards/#example-standard-1"]
    assert "zebracrossing" in entry["title"].lower() and "blocks a site" in entry["text"]
    assert "frameworks/example-standards/#example-question-1" in docs


def test_links_render_in_both_directions(site):
    page = (site / "frameworks" / "example-standards" / "index.html").read_text("utf-8")
    features = (site / "inspection" / "features" / "index.html").read_text("utf-8")
    policy = (site / "templates" / "esafety-policy" / "index.html").read_text("utf-8")
    assert "See also:</strong> <a href=\"../../inspection/features/#feature-05\"" in page
    assert "Read alongside:</strong> <a href=\"../../frameworks/example-standards/#example-standard-1\"" in features
    assert "Tested by" not in page and "Questions that test it:</strong> <a href=\"#example-question-1\"" in page
    assert "Includes:</strong> <a href=\"#example-standard-2\"" in page
    assert "Template clauses that address it:</strong> <a href=\"../../templates/esafety-policy/#" in page
    assert "Example standards: Review the filter yearly" in policy


def test_its_items_are_open_data(site):
    record = json.loads((site / "open-data" / "frameworks" / "example-standards.json").read_text("utf-8"))
    assert record["publisher"] == "Testshire Council" and len(record["items"]) == 3
    assert record["items"][0]["links"] == {"see_also": ["feature-05"]}
    rows = list(csv.DictReader(io.StringIO((site / "open-data" / "frameworks.csv").read_text("utf-8-sig"))))
    assert [r["id"] for r in rows if r["framework"] == "example-standards"] == [
        "example-standard-1", "example-standard-2", "example-question-1"]
    assert {r["framework_status"] for r in rows if r["framework"] == "example-standards"} == {"current"}
    # The check record travels with each item.
    assert record["items"][1]["checked"] == {
        "source": "https://www.example.net/copy-of-standard-2", "section": "Standard 2", "date": "2026-11-18",
        "against": "secondary copy", "copy_of": "Testshire's briefing for governors"}
    mine = {r["id"]: r for r in rows if r["framework"] == "example-standards"}
    assert (mine["example-standard-1"]["checked_date"], mine["example-standard-1"]["checked_against"],
            mine["example-standard-1"]["checked_copy_of"]) == ("2026-11-20", "publisher", "")
    assert mine["example-question-1"]["checked_source"] == "https://www.example.net/copy-of-questions"


def test_a_reviewable_framework_gets_its_self_review_page_and_json(site):
    data = json.loads((site / "assets" / "self-review" / "example-review.json").read_text("utf-8"))
    assert (data["format"], data["id"], data["review_title"]) == ("esafety-self-review", "example-review",
                                                                  "Example yearly check")
    assert [i["id"] for t in data["themes"] for i in t["items"]] == ["example-check-1", "example-check-2"]
    assert data["themes"][0]["items"][0]["url"] == "frameworks/example-review/#example-check-1"
    assert [f["id"] for f in data["item_fields"]] == ["tested"]
    assert [f["id"] for f in data["review_fields"]] == ["checked-by"]
    page = (site / "self-review" / "example-review" / "index.html").read_text("utf-8")
    assert "<h1" in page and "Example yearly check" in page
    assert 'data-framework="../../assets/self-review/example-review.json"' in page
    assert 'data-review-field="checked-by"' in page and 'data-field="tested"' in page
    # Reviewed once for the whole school (no `per`): no records to choose, nor their script.
    assert 'id="sr:per-choose"' not in page and "self-review-records.js" not in page and "per" not in data
    assert 'href="../../frameworks/example-review/#example-check-1"' in page  # the no-JS checklist
    assert 'href="../../self-review/example-review/"' in (
        site / "frameworks" / "example-review" / "index.html").read_text("utf-8")
    assert 'href="self-review/example-review/"' in (site / "index.html").read_text("utf-8")  # in the nav
    # A framework that is not reviewable has none.
    assert not (site / "self-review" / "example-standards").exists()
    assert not (site / "assets" / "self-review" / "example-standards.json").exists()


def test_a_framework_on_hand_written_pages_can_be_made_reviewable(tmp_path):
    """The 2010 survey is not in the Frameworks menu (its page is hand-written): its review is
    listed at the end of that section instead of failing the build. (The 2012 briefing's self_review:
    names its hand-written page instead, tests/self_review/test_review_ids.py.)"""
    project = copy_project(tmp_path / "project")
    replace_in(project / F10, "\norder: 2\n", "\norder: 2\nself_review:\n  title: Review against 2010\n"
               "  intro: Check the school against the 2010 recommendations.\n")
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "assets" / "self-review" / "safe-use-of-new-technologies-2010.json").read_text("utf-8"))
    assert data["themes"][0]["items"][0]["url"].startswith("survey-2010/#")
    assert 'href="self-review/safe-use-of-new-technologies-2010/"' in (out / "index.html").read_text("utf-8")


@pytest.mark.parametrize("old, new, message", [
    ("id: example-standards", "id: example-rules", "is 'example-rules', but the file is called example-standards.yml"),
    ("group: example-group-safety", "group: example-group-safe", "names the group 'example-group-safe', which this framework does not have"),
    ("see_also: [feature-05]", "see_also: [feature-99]", "refers to 'feature-99', which does not exist"),
    ("status: current", "status: in force", "'in force' is not allowed"),
    ("url: https://www.example.org/standards", "url: http://www.example.org/standards", "is not a secure web address"),
    # Paragraph numbers differ between editions (KCSIE 2025 and 2026): one must name its edition.
    ("reference: Standard 1", "reference: Part two, paragraph 135",
     "'Part two, paragraph 135' gives a paragraph number but not the edition it belongs to"),
    ("reference: Standard 2", "reference: para. 12", "gives a paragraph number but not the edition"),
])
def test_a_mistake_in_a_framework_gets_file_line_and_fix(tmp_path, old, new, message):
    error, line = framework_mistake(tmp_path, FIXTURE, old, new, message)
    assert error.file == "data/frameworks/example-standards.yml" and error.line == line and error.fix


def test_a_paragraph_number_with_its_edition_is_accepted(tmp_path):
    project = copy_project(tmp_path, parts=("data",))
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    target = project / "data" / "frameworks" / FIXTURE.name
    shutil.copy(FIXTURE, target)
    replace_in(target, "reference: Standard 1", "reference: KCSIE 2026, paragraph 165")
    item = next(i for fw in load_content(project).frameworks for i in fw.items if i.id == "example-standard-1")
    assert item.extra.reference == "KCSIE 2026, paragraph 165"


@pytest.mark.parametrize("field", ["edition", "as_of"])
def test_a_current_framework_must_name_its_source_in_full(tmp_path, field):
    """Every current item has a source with edition, date and URL (the schema requires the date and
    URL of every framework; a current one also needs its edition and when and how it was checked)."""
    project = copy_project(tmp_path, parts=("data",))
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    target = project / "data" / "frameworks" / FIXTURE.name
    text = FIXTURE.read_text("utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(f"{field}:")]
    assert len(kept) == len(text.splitlines()) - 1
    target.write_text("".join(kept), "utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if e.path == field]
    assert mine and "a current framework needs it" in mine[0].problem, caught.value.report()
    assert mine[0].file == "data/frameworks/example-standards.yml" and mine[0].fix.startswith(f"add '{field}:'")
    status_line = next(n for n, line in enumerate(kept, 1) if line.startswith("status:"))
    assert mine[0].line == status_line


def test_a_framework_that_is_not_statutory_says_so_in_its_notice(built_site):
    """Advice such as UKCIS's is current but not binding: its notice says how far schools must follow it."""
    page = (built_site / "frameworks" / "ukcis-sharing-nudes" / "index.html").read_text("utf-8")
    assert "Current non-statutory advice: read it alongside KCSIE" in page
    assert "Current: schools must follow this now" not in page


def test_frameworks_are_listed_in_the_order_their_files_give(content, built_site):
    """The home page lists the current frameworks in the order their files give (KCSIE, the
    statutory guidance every school must have regard to, is order 1 today), not whichever title sorts first."""
    current = [fw for fw in content.frameworks if fw.current]
    assert [fw.order for fw in current] == sorted(fw.order for fw in current)
    home = (built_site / "index.html").read_text("utf-8")
    listed = [home.index(f'href="frameworks/{fw.id}/"') for fw in current]
    assert listed == sorted(listed)
    assert 'href="self-review/dfe-filtering-monitoring/"' in home and 'href="frameworks/crosswalk/"' in home


def test_every_current_framework_in_the_data_names_its_source_in_full():
    for framework in load_content(ROOT).frameworks:
        if framework.current:
            assert framework.edition and framework.published and framework.url.startswith("https://"), framework.id
            assert framework.as_of, framework.id


@pytest.mark.parametrize("folder, name", [("frameworks", "crosswalk"), ("frameworks", "index"),
                                          ("templates", "your-school"), ("templates", "index"),
                                          ("guides", "index"), ("guides", "record")])
def test_an_id_may_not_take_the_name_of_the_portals_own_page(tmp_path, folder, name):
    project = copy_project(tmp_path, parts=("data",))
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    if folder == "frameworks":
        source = FIXTURE
    elif folder == "templates":
        source = project / "data" / "templates" / "aup-visitors.yml"
    else:  # any one guide, under the page's name
        source = sorted((project / "data" / "guides").glob("*.yml"))[0]
    target = project / "data" / folder / f"{name}.yml"
    text = source.read_text("utf-8")
    old_id = "example-standards" if folder == "frameworks" else source.stem
    target.write_text(text.replace(f"id: {old_id}\n", f"id: {name}\n", 1), "utf-8")
    if folder != "frameworks":
        source.unlink()
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    page_folder = "what-to-do" if folder == "guides" else folder  # where the folder's pages are published
    mine = [e for e in caught.value.errors
            if f"is the name of the portal's own page {page_folder}/{name}/" in e.problem]
    assert mine and mine[0].file == f"data/{folder}/{name}.yml" and mine[0].path == "id", caught.value.report()
