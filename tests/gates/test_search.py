"""Search gate: what a school would type into the search box brings the page it wants into the top
three results, in the real Material search running in Chromium.

Each case is a query a teacher, DSL or governor might really type (abbreviations, year groups
for key stages, "online safety" for e-Safety, misspellings and split words included) and the
search index location it must find. A miss is fixed in the content (`keywords`, prose, front
matter boost) or the search configuration, never by weakening the list.

A target is an item or section where Material can show it first. Material lists each page's
results under the page itself and folds away every section that scores below the page's best
match, so where the page's own title is the best match ("2010 survey grades", "inspector
questions for pupils", "DSL" on the policy, whose related terms name it) the page is the target:
the reader lands on it with the section in its contents list.
"""
from __future__ import annotations

import shutil

import pytest
import yaml

from search import Case, SearchBox, SiteIndex, miss_message, misses, site_index
from support.project_copy import copy_project, replace_in
from support.site import ROOT, StaticServer, mkdocs_build

CASES = [
    # Abbreviations schools use
    Case("AUP", "templates/"),
    Case("KS2 AUP", "templates/aup-ks2/"),
    Case("EYFS", "templates/aup-eyfs-ks1/"),
    Case("SEND", "templates/aup-send/"),
    Case("DSL", "templates/esafety-policy/"),
    Case("KS3", "templates/aup-ks3-5/"),
    # Year groups for key stages
    Case("year 5", "templates/aup-ks2/"),
    Case("reception", "templates/aup-eyfs-ks1/"),
    Case("year 9", "templates/aup-ks3-5/"),
    Case("sixth form", "templates/aup-ks3-5/"),
    # Today's words for the 2012 ones
    Case("online safety policy", "templates/esafety-policy/"),
    Case("e safety policy", "templates/esafety-policy/"),
    Case("esafety policy", "templates/esafety-policy/"),
    Case("cyber bullying", "inspection/questions/#question-staff-4"),
    # Misspellings
    Case("cyberbulying", "inspection/questions/#question-staff-4"),
    Case("acceptible use", "inspection/features/#feature-11", or_pages="templates/aup-"),
    # Plain topics
    Case("passwords", "inspection/inadequate/#inadequate-02"),
    # Since today's frameworks arrived, the right answer to "filtering" is the DfE's current
    # standards (2012's feature-15 links to them under "What applies now"), not the 2012 feature.
    Case("filtering", "frameworks/dfe-filtering-monitoring/"),
    Case("staff training", "inspection/features/"),
    Case("CEOP report abuse button", "organisations/#ceop-report-abuse"),
    Case("governors role", "templates/esafety-policy/#esafety-policy-roles"),
    Case("link governor", "templates/esafety-policy/"),
    Case("Safer Internet Day", "organisations/#safer-internet-day"),
    Case("personal data encryption", "inspection/inadequate/#inadequate-01"),
    Case("peer mentoring", "inspection/features/#feature-14"),
    Case("locked down vs managed", "survey-2010/#managed-vs-locked-down"),
    Case("parents agreement", "templates/aup-parents/"),
    Case("guest wifi", "templates/aup-visitors/"),
    Case("self review", "self-review/"),
    Case("annual filtering and monitoring review", "self-review/dfe-filtering-monitoring/"),
    Case("inadequate", "inspection/inadequate/"),
    Case("inspector questions for pupils", "inspection/questions/"),
    Case("2010 survey grades", "survey-2010/"),
    Case("staff code of conduct", "templates/aup-staff/"),
    Case("what's new", "whats-new/"),
    Case("what changed KCSIE", "what-changed/kcsie-2026/"),
    Case("training record", "training-record/"),
    Case("download data csv", "open-data/"),
    Case("accessibility statement", "accessibility/"),
    Case("cookies", "privacy/"),
    Case("contact", "about/"),
    # Today's duties (data/frameworks/)
    Case("filtering and monitoring standards", "frameworks/dfe-filtering-monitoring/"),
    Case("annual filtering review", "frameworks/dfe-filtering-monitoring/#dfe-fm-2"),
    Case("Internet Watch Foundation", "frameworks/dfe-filtering-monitoring/#dfe-fm-3"),
    Case("over-blocking", "frameworks/dfe-filtering-monitoring/#dfe-fm-3"),
    Case("named governor filtering", "frameworks/dfe-filtering-monitoring/#dfe-fm-1"),
    Case("monitoring software", "frameworks/dfe-filtering-monitoring/"),
    # Today's duties: KCSIE 2026, Ofsted's report cards, UKCIS advice on sharing nudes
    Case("KCSIE 2026", "frameworks/kcsie-2026/"),
    Case("4 Cs online safety", "frameworks/kcsie-2026/#kcsie-2026-areas-of-risk"),
    Case("conspiracy theories", "frameworks/kcsie-2026/#kcsie-2026-areas-of-risk"),
    Case("deep nudes", "frameworks/kcsie-2026/#kcsie-2026-ai-images"),
    Case("designated safeguarding lead online safety", "frameworks/kcsie-2026/#kcsie-2026-dsl-online-safety"),
    Case("governor safeguarding training", "frameworks/kcsie-2026/#kcsie-2026-training"),
    # Since the statutory phones guidance has its own page, it is the right answer to "phones policy"
    # (the KCSIE item links to it), as the DfE standards are to "filtering".
    Case("phones policy", "frameworks/dfe-mobile-phones/"),
    Case("misogynistic influencers", "frameworks/kcsie-2026/#kcsie-2026-preventative-education"),
    Case("child protection policy online safety", "frameworks/kcsie-2026/#kcsie-2026-online-safety-policy"),
    Case("staff behaviour policy", "frameworks/kcsie-2026/#kcsie-2026-staff-behaviour"),
    Case("antisemitism", "frameworks/kcsie-2026/#kcsie-2026-areas-of-risk"),
    Case("report card", "frameworks/ofsted-inspection-2025/"),
    Case("safeguarding met or not met", "frameworks/ofsted-inspection-2025/#ofsted-safeguarding"),
    Case("Ofsted grading scale", "frameworks/ofsted-inspection-2025/#ofsted-grading-scale"),
    Case("Ofsted phone policy", "frameworks/ofsted-inspection-2025/#ofsted-mobile-phones"),
    Case("sexting", "frameworks/ukcis-sharing-nudes/"),
    Case("nude image shared what to do", "frameworks/ukcis-sharing-nudes/"),
    # The advice's page now outscores its own "never look" section, which Material then lists
    # folded under it: the reader lands on the advice with the section in its contents.
    Case("can I look at the image", "frameworks/ukcis-sharing-nudes/"),
    # Today's duties: DfE cyber and digital standards, RSHE 2025, Education for a Connected World
    Case("backups", "frameworks/dfe-cyber-security/#dfe-cyber-6"),
    Case("MFA", "frameworks/dfe-cyber-security/#dfe-cyber-4"),
    Case("phishing training", "frameworks/dfe-cyber-security/#dfe-cyber-2"),
    Case("supply teachers sign AUP", "frameworks/dfe-cyber-security/#dfe-cyber-2"),
    # Someone reporting an attack has one happening: the response guide is the answer (issue 23).
    Case("report a cyber attack", "what-to-do/cyber-incident/"),
    Case("cyber risk assessment", "frameworks/dfe-cyber-security/#dfe-cyber-1"),
    Case("firewall", "frameworks/dfe-cyber-security/#dfe-cyber-3"),
    Case("patching", "frameworks/dfe-cyber-security/#dfe-cyber-5"),
    Case("Cyber Essentials", "frameworks/dfe-cyber-security/"),
    Case("core standards 2030", "frameworks/dfe-digital-standards/"),
    Case("SLT digital lead", "frameworks/dfe-digital-standards/"),
    Case("CTIRU", "frameworks/dfe-filtering-monitoring/#dfe-fm-3"),
    Case("VPN", "frameworks/dfe-filtering-monitoring/#dfe-fm-3"),
    Case("RSHE", "frameworks/rshe-2025/"),
    # The NCA alert is the page on sextortion; the RSHE item teaches about it and links to it.
    Case("sextortion", "frameworks/nca-ceop-sextortion/"),
    Case("loot boxes", "frameworks/rshe-2025/#rshe-primary-wellbeing-online"),
    Case("online gambling", "frameworks/rshe-2025/#rshe-secondary-wellbeing-online"),
    Case("parents consulted RSHE", "frameworks/rshe-2025/#rshe-policy-parents"),
    Case("Education for a Connected World", "frameworks/ukcis-connected-world/"),
    Case("digital footprint", "frameworks/ukcis-connected-world/#efcw-online-reputation"),
    Case("copyright", "frameworks/ukcis-connected-world/#efcw-copyright"),
    # Issue 19: phones law and guidance, sextortion, Prevent, searching, the OSA offences, AI products
    Case("mobile phones guidance", "frameworks/dfe-mobile-phones/"),
    Case("section 550C", "frameworks/dfe-mobile-phones/"),
    Case("phone-free by default", "frameworks/dfe-mobile-phones/#dfe-phones-3"),
    Case("sextortion alert", "frameworks/nca-ceop-sextortion/"),
    Case("Report Remove", "frameworks/nca-ceop-sextortion/#nca-sextortion-6"),
    Case("Prevent duty", "frameworks/prevent-duty-online/"),
    Case("Channel panel", "frameworks/prevent-duty-online/#prevent-channel"),
    Case("confiscation", "frameworks/dfe-searching-screening-confiscation/"),
    Case("search a pupil's phone", "frameworks/dfe-searching-screening-confiscation/"),
    Case("cyberflashing", "frameworks/online-safety-act-2023-offences/#osa-cyberflashing"),
    Case("Online Safety Act", "frameworks/online-safety-act-2023-offences/"),
    Case("generative AI product safety", "frameworks/dfe-generative-ai-product-safety/"),
    Case("check an AI product", "self-review/dfe-generative-ai-product-safety/"),
]


# What a worried adult types when something has just happened: a response guide (what-to-do/,
# esafety_portal/guide_pages.py) must be the first result, whichever guide it is.
GUIDE_QUERIES = ["pupil shared a nude", "sextortion", "LADO", "filtering alert", "nude image shared what to do",
                 "ransomware", "grooming"]
GUIDES = "what-to-do/"


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    context = browser.new_context(real_search_index=True)
    try:
        yield SearchBox(context.new_page(), site_url)
    finally:
        context.close()


@pytest.fixture(scope="module")
def index(built_site, content) -> SiteIndex:
    return site_index(built_site, content)


def test_the_list_is_a_real_gate():
    assert len(CASES) >= 30
    assert len({case.query.lower() for case in CASES}) == len(CASES), "a query is listed twice"


def test_every_target_exists_in_the_search_index(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert [case.target for case in CASES if case.target not in locations] == []


def test_every_query_finds_its_page_in_the_top_three(search_box, index):
    problems = misses(search_box, CASES, index)
    assert not problems, (f"{len(problems)} of {len(CASES)} searches no longer find what readers want "
                          "(CONTRIBUTING.md, \"When the search gate fails\"):\n" + "\n".join(problems))


@pytest.mark.parametrize("query", GUIDE_QUERIES)
def test_what_has_happened_finds_a_response_guide_first(search_box, query):
    top = search_box.top(query)
    assert top and top[0].startswith(GUIDES) and top[0] != GUIDES, (
        f'Searching for "{query}" should show a response guide (a page under /{GUIDES}) first, but shows {top}. '
        "Add the words people type to the guide's keywords: in data/guides/.")


def test_the_gate_turns_red_when_a_target_is_not_found(search_box, index):
    # The same check, with targets a query cannot bring up: it must report every one.
    wrong = [Case("passwords", "privacy/"), Case("year 5", "templates/aup-ks3-5/#aup-ks3-5-devices")]
    assert len(misses(search_box, wrong, index)) == len(wrong)


def test_a_miss_says_which_query_what_ranks_above_what_and_what_to_change():
    site = SiteIndex(titles={"templates/aup-ks2/": "Acceptable Use Policy for pupils in Key Stage 2",
                             "frameworks/kcsie-2026/": "KCSIE 2026",
                             "frameworks/kcsie-2026/#kcsie-2026-training": "Training, reviewed every year",
                             "templates/aup-ks3-5/": "Acceptable Use Policy for Key Stages 3 to 5"},
                     data_files={"templates/aup-ks2/": "data/templates/aup-ks2.yml"}, title_boost=8)
    found = ["templates/aup-ks3-5/", "frameworks/kcsie-2026/", "frameworks/kcsie-2026/#kcsie-2026-training",
             "templates/aup-ks2/"]
    assert miss_message(Case("year 5", "templates/aup-ks2/"), found, site) == (
        'Searching for "year 5" should show "Acceptable Use Policy for pupils in Key Stage 2" (templates/aup-ks2/) '
        'in the first 3 results, but it is now number 4.\n'
        '    Above it now: 1. "Acceptable Use Policy for Key Stages 3 to 5" (templates/aup-ks3-5/); '
        '2. "KCSIE 2026" (frameworks/kcsie-2026/); '
        '3. "Training, reviewed every year" (frameworks/kcsie-2026/#kcsie-2026-training).\n'
        '    What to change: if you have just edited one of the pages above, a word you added to a heading may be '
        'pulling it up (a word in a title counts 8 times a word in the text): choose another word if it reads as '
        'well. Otherwise add the words people type to the `keywords:` in data/templates/aup-ks2.yml. '
        'If the new order is right for readers, change what this query should find in tests/gates/test_search.py '
        'and say why in your pull request.')


def test_a_case_with_other_answering_pages_is_met_by_any_of_them_and_says_so_when_missed():
    case = Case("acceptible use", "inspection/features/#feature-11", or_pages="templates/aup-")
    assert case.found_in(["templates/aup-contractors/", "inspection/features/"])  # a page added by copying one
    assert case.found_in(["inspection/features/#feature-11"])
    assert not case.found_in(["templates/", "inspection/features/", "templates/esafety-policy/"])
    site = SiteIndex(titles={}, data_files={}, title_boost=8)
    assert miss_message(case, ["templates/"], site).startswith(
        'Searching for "acceptible use" should show "inspection/features/#feature-11" (inspection/features/#feature-11)'
        " (or a page under templates/aup-) in the first 3 results, but it is not among the 1 results shown.")


FIXTURES = ROOT / "tests" / "fixtures" / "frameworks"


def test_a_common_word_added_to_a_title_does_not_outrank_the_page_that_matches_the_whole_query(tmp_path, browser):
    """A template whose related terms hold every word typed stays above a section elsewhere that
    gains one of those words in its title (as "year 5" lost the KS2 AUP to "... reviewed every year")."""
    project = copy_project(tmp_path / "project")
    template_file = sorted((project / "data" / "templates").glob("*.yml"))[0]
    data = yaml.safe_load(template_file.read_text("utf-8"))
    data["keywords"] = [*data.get("keywords", []), "Kettle 5"]
    template_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    shutil.copy(FIXTURES / "example-review.yml", project / "data" / "frameworks" / "example-review.yml")
    replace_in(project / "data" / "frameworks" / "example-review.yml", "    title: ", "    title: Kettle checked every year, ")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context(real_search_index=True)
    try:
        with StaticServer(tmp_path / "site") as server:
            found = SearchBox(context.new_page(), server.url).top("kettle 5", 10)
    finally:
        context.close()
    full_match, title_word = f"templates/{data['id']}/", "frameworks/example-review/#example-check-1"
    assert full_match in found and (title_word not in found or found.index(full_match) < found.index(title_word)), found
