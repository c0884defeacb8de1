"""When this browser keeps nothing (storage blocked, private browsing limits, quota full), the
page says so at once and plainly, offers the JSON download, and nothing claims to be saved."""
from __future__ import annotations

import json

import pytest

from self_review_drive import open_review, rate, stored, write
from support.messages import click_then_read

# Writing refused, as with a full quota (Safari's private browsing behaved like this too).
SETITEM_THROWS = """const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.__storageFull !== false) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return setItem.call(this, key, value);
};"""
# Reading window.localStorage throws, as where the reader blocks what sites store.
ACCESS_THROWS = """Object.defineProperty(window, 'localStorage', {
  configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }});"""


@pytest.fixture
def refusing(browser, site_url):
    """The page in a browser where `script` makes storage refuse."""
    contexts = []

    def open_with(script):
        context = browser.new_context()
        contexts.append(context)
        context.add_init_script(script)
        return open_review(context.new_page(), site_url)
    yield open_with
    for context in contexts:
        context.close()


def assert_says_not_saved(page):
    notice = page.locator("#sr\\:not-saving")
    assert notice.is_visible()
    assert notice.get_attribute("role") == "alert"
    assert "not being saved on this device" in notice.inner_text()
    assert "Saved" not in page.inner_text("#sr\\:saved") and "not keeping" in page.inner_text("#sr\\:saved")


def download_copy(page) -> dict:
    with page.expect_download() as info:
        page.click("#sr\\:not-saving-download")
    return json.loads(open(info.value.path(), "rb").read())


@pytest.mark.parametrize("script", [SETITEM_THROWS, ACCESS_THROWS], ids=["setItem-throws", "access-throws"])
def test_the_page_says_at_once_that_nothing_is_saved_and_offers_the_download(refusing, script):
    page = refusing(script)
    assert_says_not_saved(page)  # before anything is typed
    rate(page, "feature-01", "fully")
    write(page, "feature-01", "evidence", "Briefing, 4 Sept")
    assert_says_not_saved(page)
    assert page.is_checked("#sr\\:item\\:feature-01\\:rating\\:fully")  # the answers are still there to download
    assert "1 of" in page.inner_text("#sr\\:overall")
    copy = download_copy(page)
    record = {r["id"]: r for r in copy["items"]}["feature-01"]
    assert (record["rating"], record["evidence"]) == ("fully", "Briefing, 4 Sept")
    page.click("#sr\\:reset")
    assert click_then_read(page, "#sr\\:reset-confirm", "sr:message").startswith("All answers were cleared")
    assert_says_not_saved(page)


def test_a_quota_that_fills_while_typing_is_said_at_once(refusing):
    page = refusing(SETITEM_THROWS.replace("__storageFull !== false", "__storageFull === true"))
    write(page, "feature-01", "evidence", "Kept")
    assert page.is_hidden("#sr\\:not-saving") and "Saved on this device" in page.inner_text("#sr\\:saved")
    page.evaluate("() => { window.__storageFull = true; }")
    write(page, "feature-02", "evidence", "Not kept")
    assert_says_not_saved(page)
    assert "feature-02" not in stored(page)["items"]
    write(page, "feature-03", "evidence", "Still typing")
    assert_says_not_saved(page)  # nothing later claims to have saved
