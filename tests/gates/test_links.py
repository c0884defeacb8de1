"""Links gate: crawling the built site on 127.0.0.1 from the home page, every internal link,
anchor and download resolves and every page is reachable; external links go in a report,
never fetched."""
from __future__ import annotations

import pytest

from linkcheck import crawl
from support.site import StaticServer


@pytest.fixture(scope="module")
def site_crawl(site_url):
    return crawl(site_url)


def test_every_internal_link_and_anchor_resolves(site_crawl):
    assert not site_crawl.broken, "broken links:\n" + "\n".join(sorted(site_crawl.broken))


def test_every_page_is_reachable_by_links(site_crawl, site_url, site_pages):
    unreachable = [p for p in site_pages if p != "404.html" and site_url + p not in site_crawl.pages]
    assert not unreachable, f"pages no link leads to: {unreachable}"


def test_external_links_are_listed_in_a_report(site_crawl, reports_dir):
    lines = [f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(site_crawl.external.items())]
    report = reports_dir / "external-links.txt"
    report.write_text("# External links on the built site (never fetched by the tests): url<TAB>pages\n"
                      + "\n".join(lines) + "\n", encoding="utf-8")
    assert all(url.startswith("https://") for url in site_crawl.external), "insecure external links"


def test_gate_turns_red_on_broken_links(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="missing/">gone</a> <a href="#nowhere">no anchor</a> <a href="other.html#x">ok</a>'
        ' <a href="file.docx">download</a> <a href="https://example.org/">external</a>', "utf-8")
    (tmp_path / "other.html").write_text('<h2 id="x">X</h2>', "utf-8")
    with StaticServer(tmp_path) as server:
        result = crawl(server.url)
    broken = "\n".join(result.broken)
    assert "missing/ answers 404" in broken
    assert "file.docx answers 404" in broken
    assert "no element has id 'nowhere'" in broken
    assert "other.html#x" not in broken
    assert list(result.external) == ["https://example.org/"]
