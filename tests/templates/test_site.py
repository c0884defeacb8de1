"""The built site: a page per template with every clause anchored, working download links, the
templates index, clauses listed on the indicator pages, and downloads that do not change on rebuild."""
from __future__ import annotations

import re
import shutil
import urllib.parse
from html.parser import HTMLParser

from support.site import mkdocs_build


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def _parse(path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _resolve(site, page_path, href):
    target = urllib.parse.urljoin(page_path.relative_to(site).as_posix(), href.split("#")[0])
    path = site / urllib.parse.unquote(target)
    return path / "index.html" if path.is_dir() else path


def test_a_page_per_template_with_every_clause_anchored(content, built_site):
    for template in content.templates:
        path = built_site / "templates" / template.id / "index.html"
        page = _parse(path)
        wanted = {template.id} | {s.id for s in template.sections} | {c.id for c in template.clauses}
        assert wanted <= page.ids, wanted - page.ids
        html = path.read_text("utf-8")
        assert f"/edit/main/data/templates/{template.id}.yml" in html  # "Edit this page" opens the data
        assert html.count('class="esafety-clause-refs"') == len(template.clauses)
        assert '<mark class="esafety-placeholder">' in html and "[[" not in html


def test_download_links_work_from_every_template_page(content, built_site):
    for template in content.templates:
        path = built_site / "templates" / template.id / "index.html"
        downloads = [href for href in _parse(path).links if "downloads/" in href]
        names = {href.rsplit("/", 1)[-1] for href in downloads}
        assert {f"{template.id}.docx", f"{template.id}.odt", f"{template.id}.md", "esafety-templates.zip"} <= names
        for href in downloads:
            assert not href.startswith("/")  # relative, so the site works served from any address
            assert _resolve(built_site, path, href).is_file(), href


def test_index_lists_every_template(content, built_site):
    path = built_site / "templates" / "index.html"
    html = path.read_text("utf-8")
    for template in content.templates:
        assert f'href="{template.id}/"' in html
        assert template.audience in html and template.version in html
    for href in _parse(path).links:
        if "downloads/" in href or href.endswith("/") and not href.startswith(("http", "#", "..")):
            assert _resolve(built_site, path, href).exists(), href


def test_nav_and_search_include_the_templates(content, built_site):
    home = (built_site / "index.html").read_text("utf-8")
    assert 'href="templates/aup-ks2/"' in home
    index = (built_site / "search" / "search_index.json").read_text("utf-8")
    assert "templates/aup-ks2/" in index and "I will keep my password secret" in index


def test_indicator_pages_list_the_clauses_that_address_them(built_site):
    html = (built_site / "inspection" / "features" / "index.html").read_text("utf-8")
    assert re.search(r'Template clauses that address it:</strong> <a href="../../templates/[a-z0-9-]+/#', html)
    assert 'href="../../templates/aup-ks2/#aup-ks2-01"' in html


def test_built_downloads_are_the_documents_the_functions_make(built_site, documents):
    for name, data in documents.items():
        assert (built_site / "downloads" / name).read_bytes() == data, name


def test_rebuilding_gives_byte_identical_documents(project, content, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert mkdocs_build(project, first).returncode == 0
    shutil.rmtree(project / ".cache")  # make every document again, in a new process, later
    assert mkdocs_build(project, second).returncode == 0
    names = sorted(p.name for p in (first / "downloads").iterdir())
    # Every template has a .docx, an .odt and a .md, and the pack holds them all: however many there are.
    assert names == sorted({f"{t.id}.{extension}" for t in content.templates for extension in ("docx", "odt", "md")}
                           | {"esafety-templates.zip"})
    for name in names:
        assert (first / "downloads" / name).read_bytes() == (second / "downloads" / name).read_bytes(), name


def test_index_lists_every_blank_a_school_fills_in(built_site):
    from esafety_portal.templates import PLACEHOLDERS

    html = (built_site / "templates" / "index.html").read_text("utf-8")
    for name, label in PLACEHOLDERS.items():
        assert f"<code>[[{name}]]</code>" in html
        assert f'<mark class="esafety-placeholder">[{label}]</mark>' in html.replace("&#x27;", "'").replace("&#39;", "'")
