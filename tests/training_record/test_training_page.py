"""The training record page in Chromium, on a fixed clock: people and their training dates are
kept in this browser (through reloads, across tabs, after the site's roles and intervals
change), who is due or overdue follows the intervals in data (and nobody is due by an interval
data does not give), copies import back in JSON and CSV and bad files are refused with a
message, hostile names stay text, nothing is requested from anywhere else, axe finds nothing in
either colour scheme, and the first view is small."""
from __future__ import annotations

import json

import pytest

from gates.axe import axe_violations
from gates.browsing import recording
from training_drive import (AXE, HOSTILE, LONG_AGO, NOW, PAGE, RECORD, SEARCH_INDEX, TODAY, add, keys, months_before,
                          open_page, put_stored, role_with, set_date, statuses, stored)


def test_due_and_overdue_follow_the_intervals_in_data_and_survive_a_reload(record, duties, site_url):
    role = role_with(duties, timed=True)
    key = add(record, "A. B.", role["id"])
    timed = [t for t in role["training"] if t["interval_months"]]
    assert set(statuses(record, key).values()) <= {"missing", "untimed"}
    for t in timed:
        set_date(record, key, t["id"], LONG_AGO)
    assert {statuses(record, key)[t["id"]] for t in timed} == {"overdue"}
    assert record.locator("#tr-due li[data-status=overdue]").count() == len(timed)
    for t in timed:  # done today: next due one interval on, so not due within two months
        set_date(record, key, t["id"], TODAY)
    assert {statuses(record, key)[t["id"]] for t in timed} == {"current"}
    # Done one interval less a month ago: due in a month, within the two months that count as due.
    first = timed[0]
    set_date(record, key, first["id"], months_before(NOW.date(), first["interval_months"] - 1))
    assert statuses(record, key)[first["id"]] == "soon"
    saved = stored(record)
    assert saved["format"] == RECORD and saved["version"] == 1
    open_page(record, site_url)
    assert keys(record) == [key]
    assert record.input_value(f"#tr-person-{key}-name") == "A. B."
    assert statuses(record, key)[first["id"]] == "soon"


def test_training_with_no_interval_shows_its_date_and_is_never_due(record, duties):
    role = role_with(duties, timed=False)
    untimed = next(t for t in role["training"] if not t["interval_months"])
    key = add(record, "Governor G", role["id"])
    set_date(record, key, untimed["id"], LONG_AGO)
    row = record.locator(f"#tr-person-{key} tr[data-training='{untimed['id']}']")
    assert row.get_attribute("data-status") == "untimed"
    assert "No interval set by the guidance we cite" in row.inner_text()
    assert record.locator(f"#tr-due li:has-text('Governor G')").filter(has_text=untimed["title"]).count() == 0


def test_two_tabs_share_the_record(browser, site_url, duties):
    context = browser.new_context()
    one, two = open_page(context.new_page(), site_url), open_page(context.new_page(), site_url)
    role = role_with(duties, timed=True)
    key = add(one, "From tab one", role["id"])
    two.wait_for_selector(f"#tr-person-{key}")
    training = role["training"][0]["id"]
    set_date(two, key, training, LONG_AGO)
    one.wait_for_function(f"() => document.getElementById('tr-person-{key}-{training}').value === '{LONG_AGO}'")
    one.fill(f"#tr-person-{key}-name", "Renamed in one")
    two.wait_for_function(f"() => document.getElementById('tr-person-{key}-name').value === 'Renamed in one'")
    values = stored(one)["values"]
    assert values[f"person:{key}:name"] == "Renamed in one" and values[f"person:{key}:t:{training}"] == LONG_AGO
    context.close()


def test_copies_import_back_and_bad_files_are_refused(record, duties):
    role = role_with(duties, timed=True)
    key = add(record, HOSTILE, role["id"])
    set_date(record, key, role["training"][0]["id"], LONG_AGO)
    copies = {}
    for kind in ("json", "csv"):
        with record.expect_download() as info:
            record.click(f"#tr-export-{kind}")
        copies[kind] = info.value.path().read_bytes()
    assert b"\"'=" not in copies["json"] and "'<img".encode() not in copies["csv"]
    before = stored(record)["values"]
    for kind, data in copies.items():
        record.click(f"[data-remove='{key}']")
        assert keys(record) == []
        record.set_input_files("#tr-import", files=[{"name": f"copy.{kind}", "mimeType": "text/plain", "buffer": data}])
        record.wait_for_selector(f"#tr-person-{key}")
        assert "Imported copy." + kind in record.inner_text("#tr-message")
        assert record.input_value(f"#tr-person-{key}-name") == HOSTILE
        assert {n: v for n, v in stored(record)["values"].items() if v} == {n: v for n, v in before.items() if v}
    for name, data, said in [("bad.json", b"{not json", "not valid JSON"),
                             ("other.json", b'{"format": "esafety-incident-record"}', "not a training record"),
                             ("other.csv", b"a,b\r\n1,2\r\n", "downloaded from this page"),
                             ("huge.json", b"{" + b" " * 2_000_001 + b"}", "too large")]:
        record.set_input_files("#tr-import", files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
        record.wait_for_function(f"() => document.getElementById('tr-message').textContent.includes({json.dumps(said)})")
        assert "Nothing was changed" in record.inner_text("#tr-message")
        assert {n: v for n, v in stored(record)["values"].items() if v} == {n: v for n, v in before.items() if v}
    assert record.evaluate("() => window.__hacked") is None
    assert record.locator("#tr-form img").count() == 0


def test_clearing_asks_first_and_leaves_nothing_stored(record, duties):
    add(record, "To clear", role_with(duties, timed=True)["id"])
    record.once("dialog", lambda dialog: dialog.dismiss())
    record.click("#tr-clear")
    assert len(keys(record)) == 1 and stored(record)
    record.once("dialog", lambda dialog: dialog.accept())
    record.click("#tr-clear")
    assert keys(record) == [] and stored(record) == {}
    assert "cleared" in record.inner_text("#tr-message")


def test_a_record_survives_the_sites_roles_and_intervals_changing(record, duties, site_url):
    """A record saved by this page, loaded after data/duties.yml changed: a role renamed and one
    removed, a duty added to a role, an interval changed. Nothing in the record is lost."""
    timed_role = role_with(duties, timed=True)
    other_role = next(r for r in duties["roles"] if r["id"] != timed_role["id"])
    kept = add(record, "Kept role", timed_role["id"])
    gone = add(record, "Gone role", other_role["id"])
    first = timed_role["training"][0]
    set_date(record, kept, first["id"], "2026-01-10")
    set_date(record, gone, other_role["training"][0]["id"], "2025-05-05")
    saved = stored(record)

    changed = json.loads(json.dumps(duties))
    changed["roles"] = [r for r in changed["roles"] if r["id"] != other_role["id"]]
    for role in changed["roles"]:
        if role["id"] == timed_role["id"]:
            role["label"] = "A renamed role"
            role["training"][0]["interval_months"] = 1  # now overdue: due a month after 10 January
            role["training"].append({"id": "duty-new-one", "title": "A new duty", "interval_months": 12, "sources": []})
    record.route("**/school-year/duties.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(changed)))
    open_page(record, site_url)

    assert set(keys(record)) == {kept, gone}
    assert "A renamed role" in record.inner_text(f"#tr-person-{kept} h4")
    assert statuses(record, kept)[first["id"]] == "overdue"
    assert statuses(record, kept)["duty-new-one"] == "missing"
    assert record.locator(f"#tr-person-{gone} [data-part=role-missing]").is_visible()
    assert record.input_value(f"#tr-person-{gone}-{other_role['training'][0]['id']}") == "2025-05-05"
    assert stored(record) == saved  # loading changes nothing stored


def test_a_version_1_record_written_by_hand_loads(record, duties, site_url):
    """The stored shape of version 1, as this page's first release writes it (training-record-state.js)."""
    role = role_with(duties, timed=True)
    training = role["training"][0]["id"]
    put_stored(record, {"format": RECORD, "version": 1, "saved": "2027-01-02T10:00:00.000Z",
                        "values": {"person:k1:name": "V. O.", "person:k1:role": role["id"],
                                   f"person:k1:t:{training}": "2026-01-02"},
                        "modified": {"person:k1:name": "2027-01-02T10:00:00.000Z"}})
    open_page(record, site_url)
    assert keys(record) == ["k1"]
    assert record.input_value("#tr-person-k1-name") == "V. O."
    assert record.input_value(f"#tr-person-k1-{training}") == "2026-01-02"
    assert record.locator("#tr-newer").is_hidden()


def test_a_newer_record_is_never_saved_over_and_a_damaged_one_is_set_aside(record, duties, site_url):
    newer = {"format": RECORD, "version": 99, "values": {"person:x:name": "X"}, "whatever": ["comes", "next"]}
    put_stored(record, newer)
    open_page(record, site_url)
    assert record.locator("#tr-newer").is_visible()
    add(record, "Typed", role_with(duties, timed=True)["id"])
    assert stored(record) == newer

    put_stored(record, "{damaged")
    open_page(record, site_url)
    add(record, "After damage", role_with(duties, timed=True)["id"])
    assert record.evaluate(f"() => localStorage.getItem('{RECORD}:set-aside')") == "{damaged"
    assert "After damage" in stored(record)["values"].values()


def test_the_page_asks_nothing_of_anyone_else_and_its_first_view_is_small(browser, site_url, duties):
    with recording(browser) as (page, visit, collect):
        sizes = []
        # Every response but the search index, which Material fetches in the background for the
        # search box, as benchmarks/weight.py counts a first visit; bodies as sent, gzipped.
        page.on("requestfinished", lambda request: SEARCH_INDEX not in request.url
                and sizes.append(request.sizes()["responseBodySize"]))
        open_page(page, site_url)
        page.wait_for_load_state("networkidle")
        first_view = sum(sizes)
        add(page, "Riverside DSL", role_with(duties, timed=True)["id"])
        with page.expect_download():
            page.click("#tr-export-csv")
        collect()
    assert visit.third_party == [] and visit.csp_violations == []
    assert visit.storage["local"] and set(visit.storage["local"]) <= {RECORD}
    assert 0 < first_view < 100_000, f"first view {first_view} bytes over the wire"


@pytest.fixture(params=["light", "dark"])
def axe_page(request, browser, site_url):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    # bypass_csp: axe is injected as an inline script, which the site's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True, color_scheme=request.param)
    page = open_page(context.new_page(), site_url)
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if request.param == "dark" else "default")
    yield page
    context.close()


def test_axe_finds_no_violation_empty_or_filled(axe_page, duties):
    assert axe_violations(axe_page, AXE) == [], "on the empty record"
    for role in duties["roles"]:
        key = add(axe_page, HOSTILE, role["id"])
        set_date(axe_page, key, role["training"][0]["id"], LONG_AGO)
    assert axe_violations(axe_page, AXE) == [], "with people, some overdue"


def test_without_javascript_each_role_and_its_training_are_there(browser, site_url, duties):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert page.locator("#tr-needs-script").is_visible() and page.locator("#tr-form").is_hidden()
    for role in duties["roles"]:
        section = page.locator(f"#{role['id']}")
        assert section.is_visible()
        for training in role["training"]:
            for source in training["sources"]:
                assert page.locator(f"a[href$='#{source['id']}']").count() >= 1
    context.close()
