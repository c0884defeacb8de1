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

import pytest

from search import Case, SearchBox, misses

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
    Case("acceptible use", "inspection/features/#feature-11"),
    # Plain topics
    Case("passwords", "inspection/inadequate/#inadequate-02"),
    Case("filtering", "inspection/features/#feature-15"),
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
]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    context = browser.new_context()
    try:
        yield SearchBox(context.new_page(), site_url)
    finally:
        context.close()


def test_the_list_is_a_real_gate():
    assert len(CASES) >= 30
    assert len({case.query.lower() for case in CASES}) == len(CASES), "a query is listed twice"


def test_every_target_exists_in_the_search_index(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert [case.target for case in CASES if case.target not in locations] == []


def test_every_query_finds_its_page_in_the_top_three(search_box):
    problems = misses(search_box, CASES)
    assert not problems, f"{len(problems)} of {len(CASES)} queries missed:\n" + "\n".join(problems)


def test_the_gate_turns_red_when_a_target_is_not_found(search_box):
    # The same check, with targets a query cannot bring up: it must report every one.
    wrong = [Case("passwords", "privacy/"), Case("year 5", "templates/aup-ks3-5/#aup-ks3-5-devices")]
    assert len(misses(search_box, wrong)) == len(wrong)
