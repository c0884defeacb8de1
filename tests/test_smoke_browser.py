"""The browser layer works: the home page loads in real Chromium from the local server."""


def test_home_page_loads_in_chromium(page, site_url, content):
    page.goto(site_url)
    assert content.site.portal_name in page.title()
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == content.site.portal_name
