"""A self-review kept once per thing (`self_review.per`, such as each AI product a school
considers), in real Chromium on a copy of the site with a small fixture framework: records are
added, named, answered apart, kept over a reload, switched between, exported as one JSON record
each, imported in a fresh browser, deleted (and undone); printing and the spreadsheet give the
chosen record; records a single review saved load as the first; axe finds nothing."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from gates.axe import axe_violations
from self_review_drive import import_bytes, offer_file, rate, reopen, stored, watch_errors, write
from support.messages import click_then_read
from support.project_copy import copy_project
from support.site import ROOT, StaticServer, mkdocs_build

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIXTURE = ROOT / "tests" / "fixtures" / "frameworks" / "example-per-review.yml"
FW = "example-per-review"
PATH = f"self-review/{FW}/"
KEY = f"esafety-self-review:{FW}"
# What the page stored for this framework before a review could be kept per thing: written by
# its scripts as they were on main before this change (see the test that loads it).
BEFORE_PER = Path(__file__).parent / "fixtures" / "stored-before-per.json"
# Two products, answered apart: name -> {item id: (rating, the framework's own field)}.
PRODUCTS = {
    "Quokkachat 2": {"example-product-1": ("fully", "Blocks the test list"), "example-product-2": ("partly", "")},
    "Wombat Tutor 5.1": {"example-product-1": ("not", "No filtering"), "example-product-2": ("fully", "30-day logs")},
}


@pytest.fixture(scope="module")
def per_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("per") / "project")
    shutil.copy(FIXTURE, project / "data" / "frameworks" / FIXTURE.name)
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def per_url(per_site):
    with StaticServer(per_site) as server:
        yield server.url


def open_per(page, url):
    page.goto(url + PATH)
    page.locator("#sr\\:tool").wait_for(state="visible")
    return page


@pytest.fixture
def review(page, per_url):
    return open_per(page, per_url)


def choose(page, name: str):
    page.select_option("#sr\\:per-choose", label=name)


def add_products(page):
    """Names the first record, adds the second; each answered as PRODUCTS says."""
    page.fill("#sr\\:school", "Riverside Primary School")
    for number, (name, answers) in enumerate(PRODUCTS.items()):
        if number:
            page.click("#sr\\:per-add")
            assert page.evaluate("() => document.activeElement.id") == "sr:per-name"
        page.fill("#sr\\:per-name", name)
        for item_id, (rating, says) in answers.items():
            rate(page, item_id, rating)
            write(page, item_id, "supplier-says", says)
        page.fill("#sr\\:review\\:reviewed-by", f"DSL, for {name}")


def assert_product_shown(page, name: str):
    assert page.input_value("#sr\\:per-name") == name
    assert page.locator("#sr\\:per-choose option:checked").inner_text() == name
    assert page.input_value("#sr\\:review\\:reviewed-by") == f"DSL, for {name}"
    for item_id, (rating, says) in PRODUCTS[name].items():
        assert page.is_checked(f"#sr\\:item\\:{item_id}\\:rating\\:{rating}"), (name, item_id)
        assert page.input_value(f"#sr\\:item\\:{item_id}\\:supplier-says") == says, (name, item_id)


def downloaded(page, button: str):
    with page.expect_download() as info:
        page.click(button)
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def test_two_products_keep_their_own_answers_over_a_reload_and_a_switch(review, per_url):
    page = review
    errors = watch_errors(page)
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    add_products(page)
    first, second = PRODUCTS
    assert_product_shown(page, second)
    reopen(page)
    assert_product_shown(page, second)  # the record changed last
    assert page.locator("#sr\\:per-choose option").all_inner_texts() == [first, second]
    choose(page, first)
    assert_product_shown(page, first)
    assert page.inner_text("#sr\\:overall").startswith("1 of 2 standards fully in place, 1 partly")
    assert page.input_value("#sr\\:school") == "Riverside Primary School"  # one school for every record
    choose(page, second)
    assert_product_shown(page, second)
    record = stored(page)
    assert record["records_version"] == 1 and record["framework"] == FW
    assert [r["subject"] for r in record["records"]] == [first, second]
    assert record["records"][1]["items"]["example-product-2"]["supplier-says"] == "30-day logs"
    assert [k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith("esafety-self-review")] == [KEY]
    # Nothing typed went anywhere: every request was for the site's own files.
    assert all(method == "GET" and url.startswith(per_url) for method, url in requests), requests
    assert errors == []


def test_the_json_holds_one_record_per_product_and_imports_in_a_fresh_browser(review, browser, per_url):
    page = review
    add_products(page)
    name, saved = downloaded(page, "#sr\\:export-json")
    data = json.loads(saved)
    assert (data["format"], data["framework"], data["records_version"], data["per"]) == (
        "esafety-self-review", FW, 1, "AI product")
    assert [r["subject"] for r in data["records"]] == list(PRODUCTS)
    for record, answers in zip(data["records"], PRODUCTS.values()):
        items = {i["id"]: i for i in record["items"]}
        assert items[FW]["kind"] == "review" and items[FW]["reviewed-by"] == f"DSL, for {record['subject']}"
        for item_id, (rating, says) in answers.items():
            assert (items[item_id]["rating"], items[item_id]["supplier-says"]) == (rating, says)
    context = browser.new_context()  # a fresh profile: nothing stored
    try:
        fresh = open_per(context.new_page(), per_url)
        assert fresh.evaluate("() => localStorage.length") == 0
        assert "Imported" in import_bytes(fresh, name, saved)
        assert fresh.locator("#sr\\:per-choose option").all_inner_texts() == list(PRODUCTS)
        for product in PRODUCTS:
            choose(fresh, product)
            assert_product_shown(fresh, product)
        # Delete one: asked first, then gone, over a reload too; the other is untouched.
        first, second = PRODUCTS
        choose(fresh, first)
        fresh.click("#sr\\:per-delete")
        assert fresh.inner_text("#sr\\:per-delete-name") == first
        assert "was deleted" in click_then_read(fresh, "#sr\\:per-delete-confirm", "sr:message")
        assert fresh.locator("#sr\\:per-choose option").all_inner_texts() == [second]
        assert_product_shown(fresh, second)
        deleted = [r for r in stored(fresh)["records"] if r["deleted"]]
        assert len(deleted) == 1 and deleted[0]["subject"] == "" and deleted[0]["items"] == {}  # no answers kept
        reopen(fresh)
        assert fresh.locator("#sr\\:per-choose option").all_inner_texts() == [second]
        _, after = downloaded(fresh, "#sr\\:export-json")
        assert [r["subject"] for r in json.loads(after)["records"]] == [second]
    finally:
        context.close()


def test_deleting_can_be_undone_and_the_last_record_leaves_a_new_one(review):
    page = review
    add_products(page)
    first, second = PRODUCTS
    page.click("#sr\\:per-delete")
    assert "was deleted" in click_then_read(page, "#sr\\:per-delete-confirm", "sr:message")
    assert page.locator("#sr\\:per-choose option").all_inner_texts() == [first]
    page.click("#sr\\:undo")
    assert "The deletion was undone" in page.inner_text("#sr\\:message")
    assert page.locator("#sr\\:per-choose option").all_inner_texts() == [first, second]
    assert_product_shown(reopen(page), second)
    for _ in PRODUCTS:
        page.click("#sr\\:per-delete")
        assert "was deleted" in click_then_read(page, "#sr\\:per-delete-confirm", "sr:message")
    assert page.locator("#sr\\:per-choose option").all_inner_texts() == ["AI product 1 (no name yet)"]
    assert page.input_value("#sr\\:item\\:example-product-1\\:supplier-says") == ""


def test_printing_and_the_spreadsheet_give_the_chosen_product(review):
    page = review
    add_products(page)
    first, second = PRODUCTS
    choose(page, first)
    name, data = downloaded(page, "#sr\\:export-csv")
    assert "quokkachat-2" in name
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["AI product"] for r in rows} == {first}
    assert {r["Id"]: r["Rating"] for r in rows if r["Id"] != FW} == {
        "example-product-1": "Fully in place", "example-product-2": "Partly in place"}
    page.emulate_media(media="print")
    assert page.locator("#sr\\:plan").is_visible() and page.locator(".sr-per").is_hidden()
    assert page.inner_text("#sr\\:plan-subject") == first
    plan = page.inner_text("#sr\\:plan")
    assert "Blocks the test list" in plan and "No filtering" not in plan and f"DSL, for {first}" in plan
    choose_in_print = page.evaluate(
        "name => { const s = document.getElementById('sr:per-choose');"
        " s.value = [...s.options].find(o => o.text === name).value; s.dispatchEvent(new Event('change', {bubbles: true})); }",
        second)
    assert choose_in_print is None
    assert page.inner_text("#sr\\:plan-subject") == second
    assert "No filtering" in page.inner_text("#sr\\:plan") and "Blocks the test list" not in page.inner_text("#sr\\:plan")


def test_answers_saved_before_the_review_was_kept_per_product_load_as_the_first_record(review):
    page = review
    before = json.loads(BEFORE_PER.read_text("utf-8"))
    assert "records" not in before and before["framework"] == FW  # a single review's record
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(before)])
    reopen(page)
    assert page.locator("#sr\\:per-choose option").all_inner_texts() == ["AI product 1 (no name yet)"]
    assert page.input_value("#sr\\:school") == before["school"]
    for item_id, answer in before["items"].items():
        if item_id == FW:
            assert page.input_value("#sr\\:review\\:reviewed-by") == answer["reviewed-by"]
            continue
        assert page.is_checked(f"#sr\\:item\\:{item_id}\\:rating\\:{answer['rating']}"), item_id
        for name in ("evidence", "action", "supplier-says"):
            assert page.input_value(f"#sr\\:item\\:{item_id}\\:{name}") == answer.get(name, ""), (item_id, name)
    assert stored(page) == before  # opening the page rewrites nothing
    # The first save keeps every answer, now in the first record, and the school can name it.
    page.fill("#sr\\:per-name", "Quokkachat 1")
    after = stored(page)
    assert [r["key"] for r in after["records"]] == ["first"] and after["records"][0]["subject"] == "Quokkachat 1"
    for item_id, answer in before["items"].items():  # each as it was (fields it never had are now blank)
        assert {k: after["records"][0]["items"][item_id][k] for k in answer} == answer, item_id
    assert page.is_hidden("#sr\\:changed")


def test_without_javascript_the_checklist_asks_for_the_products_name(browser, per_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(per_url + PATH)
        text = page.inner_text("#sr\\:checklist")
        assert "Fill in one copy of this checklist for each AI product you consider." in text
        assert "The product's name and version, such as Quokkachat 2." in text
    finally:
        context.close()


@pytest.fixture(params=["light", "dark"])
def axe_page(request, browser, per_url):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    context = browser.new_context(bypass_csp=True, color_scheme=request.param)  # axe is an inline script
    yield open_per(context.new_page(), per_url)
    context.close()


def test_axe_finds_no_violation_with_products_and_the_delete_question(axe_page):
    page = axe_page
    assert axe_violations(page, AXE) == [], "on the empty form"
    add_products(page)
    assert axe_violations(page, AXE) == [], "with two products"
    page.click("#sr\\:per-delete")
    assert axe_violations(page, AXE) == [], "with the delete question open"
    assert "was deleted" in click_then_read(page, "#sr\\:per-delete-confirm", "sr:message")
    offer_file(page, "copy.json", json.dumps({"format": "esafety-self-review", "framework": FW, "records": [
        {"key": "r-x", "subject": "Koala", "items": [{"id": "example-product-1", "rating": "not"}]}]}).encode())
    page.locator("#sr\\:import-dialog").wait_for(state="visible")
    assert axe_violations(page, AXE) == [], "with the import question open"
