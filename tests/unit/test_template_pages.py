"""template_pages.py: the templates family's pages, each with its downloads' sizes."""
from __future__ import annotations

from types import SimpleNamespace

from esafety_portal.families import family_of
from esafety_portal.generated_pages import Asset, PageSpec
from esafety_portal.template_pages import INDEX, YOUR_SCHOOL, download, pages
from support.content_factory import make_content, template


def test_a_page_per_template_after_the_index_and_the_form():
    content = make_content(templates=[template("tpl-a", [("tpl-a-01", "I will.")])])
    build = SimpleNamespace(content=content, download_sizes={"tpl-a.docx": 2048})
    specs = pages(build, family_of("template"))
    assert [s.path for s in specs if isinstance(s, PageSpec)] == [INDEX, YOUR_SCHOOL, "templates/tpl-a.md"]
    assert all(s.section == "templates" for s in specs if isinstance(s, PageSpec))
    (tpl_page,) = [s for s in specs if isinstance(s, PageSpec) and s.path == "templates/tpl-a.md"]
    assert [d["size"] for d in tpl_page.context["downloads"] if d["name"] == "tpl-a.docx"] == ["2 KB"]
    assert [a.path for a in specs if isinstance(a, Asset)] == ["assets/school-details/placeholders.json"]


def test_no_templates_no_section():
    build = SimpleNamespace(content=make_content(), download_sizes={})
    assert pages(build, family_of("template")) == []


def test_a_download_link_from_a_page():
    assert download("tpl-a.odt", "templates/tpl-a.md", {}) == {
        "name": "tpl-a.odt", "kind": "OpenDocument text", "extension": "odt", "href": "../downloads/tpl-a.odt",
        "size": ""}
