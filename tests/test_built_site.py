"""The real site, built once with the network blocked: complete, anchored, searchable, linked."""
from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys

from support.addresses import fixed_page
from support.seeds import normalise
from support.site import build_env


def html_pages(built_site):
    return sorted(p for p in built_site.rglob("*.html") if "assets" not in p.parts)


def page_file(built_site, src: str):
    return built_site / re.sub(r"(index)?\.md$", "", src) / "index.html"


def test_no_template_syntax_or_macro_errors_in_any_page(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 12
    for path in pages:
        text = path.read_text("utf-8")
        # Material's own inline scripts contain no Jinja; any '{{' or '{%' is a macro that did not render.
        for leftover in ("{{", "{%", "Macro Syntax Error", "Macro Rendering Error", "UndefinedError", "Traceback"):
            assert leftover not in text, f"{leftover!r} in {path.relative_to(built_site)}"


def test_every_item_has_its_anchor_on_its_page(built_site, content):
    for item_id, kind in content.kinds.items():
        page = fixed_page(content, item_id, kind)
        if page is None:
            continue  # kinds with pages of their own (templates, frameworks) are checked by their tests
        html = page_file(built_site, page).read_text("utf-8")
        assert f'id="{item_id}"' in html, f"{item_id} has no anchor on {page}"


def test_references_render_as_links_in_both_directions(built_site):
    features = page_file(built_site, "inspection/features.md").read_text("utf-8")
    inadequate = page_file(built_site, "inspection/inadequate.md").read_text("utf-8")
    survey = page_file(built_site, "survey-2010.md").read_text("utf-8")
    # inadequate-04 is the absence of feature-12: each page links to the other.
    assert 'href="../inadequate/#inadequate-04"' in features
    assert 'href="../features/#feature-12"' in inadequate
    # feature-12 answers recommendation-05, and the survey page lists the features answering it.
    assert 'href="../../survey-2010/#recommendation-05"' in features
    assert 'href="../inspection/features/#feature-12"' in survey


def _search_docs(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def test_every_item_is_its_own_search_result(built_site, content):
    docs = {doc["location"]: doc for doc in _search_docs(built_site)}
    for item in content.all_items():
        fixed = fixed_page(content, item.id, item.kind)
        if fixed is None or item.kind == "focus":
            continue
        page = re.sub(r"(index)?\.md$", "", fixed).rstrip("/") + "/"
        doc = docs.get(f"{page}#{item.id}")
        assert doc, f"no search entry of its own for {item.id}"
        indexed = normalise(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
        assert normalise(item.text) in indexed, f"{item.id}'s text is not in its search entry"


def test_the_edit_link_opens_the_data_file_behind_a_generated_page(built_site, content):
    html = page_file(built_site, "inspection/features.md").read_text("utf-8")
    edit = content.site.edit_url("data/frameworks/inspecting-e-safety-2012.yml")
    assert (f'<p class="esafety-edit-link">For the county\'s editors: <a href="{edit}">change what this page says</a>'
            in html.replace("&#39;", "'"))
    about = page_file(built_site, "privacy.md").read_text("utf-8")
    assert f'<a href="{content.site.edit_url("docs/privacy.md")}">change what this page says</a>' in about


def test_schools_see_no_edit_button_in_the_header(built_site, content):
    """Schools read the site; the editors' link is at the foot of the page, not the header's main action."""
    for path in built_site.rglob("*.html"):
        html = path.read_text("utf-8")
        header = html[html.find("<header"): html.find("</header>")]
        assert "md-source" not in html and content.site.repository_url not in header, path
        assert "Edit the content" not in html and 'class="md-content__button' not in html, path


def test_site_identity_comes_from_site_yml(built_site, content):
    html = (built_site / "index.html").read_text("utf-8")
    assert f"<title>Home - {content.site.portal_name}</title>" in html
    assert content.site.council in html and content.site.contact["email"] in html


def test_open_data_is_published_and_complete(built_site, content):
    folder = built_site / "open-data"
    features = json.loads((folder / "features.json").read_text("utf-8"))
    assert [f["id"] for t in features for f in t["features"]] == [f.id for f in content.placed_items("feature")]
    assert {i["id"] for i in json.loads((folder / "inadequate.json").read_text("utf-8"))} == {i.id for i in content.placed_items("inadequate")}
    survey = json.loads((folder / "survey.json").read_text("utf-8"))
    assert [g["schools"] for g in survey["grades"]] == [5, 16, 13, 1]
    for name, items in (("features.csv", content.placed_items("feature")), ("inadequate.csv", content.placed_items("inadequate")),
                        ("questions.csv", content.placed_items("question"))):
        raw = (folder / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "CSV needs a byte-order mark for Excel"
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        assert [r["id"] for r in rows] == [i.id for i in items]
    for schema in (built_site / "open-data" / "schema").glob("*.json"):
        json.loads(schema.read_text("utf-8"))
    open_data_page = page_file(built_site, "open-data.md").read_text("utf-8")
    assert 'href="features.csv"' in open_data_page or 'href="../open-data/features.csv"' in open_data_page


def test_no_third_party_fonts_or_scripts_in_pages(built_site):
    for path in html_pages(built_site):
        text = path.read_text("utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com", "googletagmanager"):
            assert host not in text, f"{host} referenced in {path.relative_to(built_site)}"


def test_the_build_really_runs_with_the_network_blocked():
    """The guard used by every test build is effective: a connection to a public address fails."""
    probe = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\nexcept OSError as e:\n    print('blocked' if 'blocked' in str(e) else 'other')"
    result = subprocess.run([sys.executable, "-c", probe], env=build_env(), capture_output=True, text=True, timeout=30)
    assert result.stdout.strip() == "blocked"
