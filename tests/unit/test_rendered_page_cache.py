"""esafety_portal/rendered_page_cache.py on a small MkDocs site of real pages, navigation and
config: a page whose context is unchanged gets its last HTML without its template running; any
change to what a template can read renders it again; a value of an unknown kind is never kept.
What the key leaves out is checked against the theme's own templates. (A whole rebuild against
one made afresh: tests/test_markdown_cache.py.)"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest

from esafety_portal import rendered_page_cache as cache
from esafety_portal.rendered_page_cache import Unknown, describe, key

ROOT = Path(__file__).resolve().parents[2]


def a_site(tmp_path, titles=("Home", "About", "Contact"), **settings):
    """(config, nav, files, pages) of a three-page site whose pages are converted by hand."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    names = ["index.md", "about.md", "contact.md"]
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    config = MkDocsConfig()
    config.load_dict({"site_name": "A site", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
                      "nav": [{"Start": [{title: name}]} if name == "about.md" else {title: name}
                              for title, name in zip(titles, names)], **settings})
    errors, _ = config.validate()
    assert not errors, errors
    files = Files([File(name, str(docs), str(tmp_path / "site"), config.use_directory_urls) for name in names])
    for file in files:
        Page(None, file, config)
    nav = get_navigation(files, config)
    for page in nav.pages:
        page.markdown, page.content, page.meta = "", f"<p>{page.file.src_uri}</p>", {}
    return config, nav, files, {page.file.src_uri: page for page in nav.pages}


def context_of(site, src_uri: str):
    from mkdocs.commands.build import get_context

    config, nav, files, pages = site
    page = pages[src_uri]
    page.active = True
    return get_context(nav, files, config, page)


def page_key(site, src_uri="about.md", name="main.html", theme="theme", template_globals=None):
    context = context_of(site, src_uri)
    try:
        return key(name, theme, template_globals or {"range": range}, context)
    finally:
        context["page"].active = False


def test_the_same_site_gives_the_same_key_and_each_thing_a_template_reads_changes_it(tmp_path):
    same = page_key(a_site(tmp_path))
    assert page_key(a_site(tmp_path)) == same, "a site made again the same way"
    assert page_key(a_site(tmp_path), name="other.html") != same
    assert page_key(a_site(tmp_path), theme="edited") != same
    assert page_key(a_site(tmp_path), template_globals={"range": range, "x": 1}) != same

    def changed(change) -> str:
        site = a_site(tmp_path)
        change(*site)
        return page_key(site)

    assert changed(lambda c, n, f, p: setattr(p["about.md"], "content", "<p>new</p>")) != same
    assert changed(lambda c, n, f, p: p["about.md"].meta.update(description="new")) != same
    assert changed(lambda c, n, f, p: setattr(p["about.md"], "edit_url", "https://example.org/edit")) != same
    assert changed(lambda c, n, f, p: p["contact.md"].meta.update(icon="x")) != same, "another page's front matter"
    assert changed(lambda c, n, f, p: setattr(p["contact.md"], "title", "Write to us")) != same, "a title in the menu"
    assert changed(lambda c, n, f, p: c.extra.update(note="new")) != same, "the config"
    assert changed(lambda c, n, f, p: setattr(c, "copyright", "new")) != same
    assert page_key(a_site(tmp_path, titles=("Home", "About us", "Contact"))) != same, "the menu's own title"
    assert page_key(a_site(tmp_path), "contact.md") != same, "another page"


def test_what_no_template_reads_leaves_the_key_as_it_was(tmp_path):
    same = page_key(a_site(tmp_path))
    site = a_site(tmp_path)
    site[3]["contact.md"].content = "<p>another page's HTML</p>"
    site[3]["contact.md"].markdown = "another page's Markdown"
    site[0]["esafety"] = object()  # our build state, of a kind describe does not know: left out
    assert page_key(site) == same

    from mkdocs.commands.build import get_context

    config, nav, files, pages = a_site(tmp_path)
    pages["about.md"].active = True
    context = get_context(nav, files, config, pages["about.md"])
    context["build_date_utc"] = dt.datetime(1999, 1, 1)
    assert key("main.html", "theme", {"range": range}, context) == same, "the build's clock"


def test_a_value_of_an_unknown_kind_cannot_be_described(tmp_path):
    class Opaque:
        pass

    site = a_site(tmp_path)
    site[3]["about.md"].meta["thing"] = Opaque()
    with pytest.raises(Unknown, match="Opaque"):
        page_key(site)


def test_kinds_of_values_are_described_by_what_they_hold():
    @dataclass
    class Review:
        due: dt.date
        overdue: bool

    assert describe(Review(dt.date(2026, 1, 1), False)) == describe(Review(dt.date(2026, 1, 1), False))
    assert describe(Review(dt.date(2026, 1, 1), False)) != describe(Review(dt.date(2026, 1, 1), True))
    assert describe({"a": 1, "b": [1, 2]}) == describe({"b": [1, 2], "a": 1})
    assert describe({"a": {1, 2}}) == describe({"a": {2, 1}})
    assert describe([1, 2]) != describe([2, 1])
    assert describe("1") != describe(1) != describe(True)
    long = "x" * 5000
    assert describe(long) == describe("x" * 5000) != describe(long[:-1] + "y")
    assert describe(re.compile("a+")) != describe(re.compile("a*"))
    with pytest.raises(Unknown):
        describe(object())


def test_leaving_out_which_page_is_active_describes_the_menu_once_for_every_page(tmp_path):
    site = a_site(tmp_path)
    menu = {}
    for src_uri in ("index.md", "about.md"):
        context = context_of(site, src_uri)
        menu[src_uri] = (describe(site[1], active=False), describe(site[1]))
        context["page"].active = False
    assert menu["index.md"][0] == menu["about.md"][0]
    assert menu["index.md"][1] != menu["about.md"][1]


class Template:
    """A template as MkDocs uses it: render(context) -> HTML, counting the renders."""

    def __init__(self):
        self.globals = {"range": range}
        self.renders = 0

    def render(self, context):
        self.renders += 1
        page = context.get("page")
        return f"<html>{page.content if page else 'sitemap'} {self.renders}</html>"


def test_an_unchanged_page_gets_its_last_html_without_rendering_and_a_changed_one_renders(tmp_path):
    cache.forget()
    template = Template()
    reusing = cache._Reusing(template, "main.html", "theme", {})
    site = a_site(tmp_path)

    def render(src_uri):
        context = context_of(site, src_uri)
        try:
            return reusing.render(context)
        finally:
            context["page"].active = False

    first = {src: render(src) for src in ("index.md", "about.md")}
    assert template.renders == 2
    site = a_site(tmp_path)  # the next build: new objects, the same site
    reusing = cache._Reusing(template, "main.html", "theme", {})
    assert render("index.md") == first["index.md"] and render("about.md") == first["about.md"]
    assert template.renders == 2, "nothing rendered again"

    site = a_site(tmp_path)
    reusing = cache._Reusing(template, "main.html", "theme", {})
    site[3]["about.md"].content = "<p>edited</p>"
    assert render("about.md") == "<html><p>edited</p> 3</html>"
    assert render("index.md") == first["index.md"] and template.renders == 3
    assert reusing.render({"page": None, "nav": None}) == "<html>sitemap 4</html>", "a page-less template renders"
    assert reusing.render({"page": None, "nav": None}) == "<html>sitemap 5</html>"

    class Opaque:
        pass

    site[3]["index.md"].meta["thing"] = Opaque()
    assert render("index.md") == "<html><p>index.md</p> 6</html>"
    assert render("index.md") == "<html><p>index.md</p> 7</html>", "a page the key cannot describe is never kept"
    cache.forget()


def test_only_a_page_template_asked_for_by_name_alone_is_wrapped(tmp_path):
    (tmp_path / "main.html").write_text("{% include 'part.html' %}", "utf-8")
    (tmp_path / "part.html").write_text("{{ page }}", "utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    cache.install(env)
    assert isinstance(env.get_template("main.html"), cache._Reusing)
    assert not isinstance(env.get_template("part.html", "main.html"), cache._Reusing), "an include"
    assert env.get_template("main.html").render({"page": "x"}) == "x", "includes still work through it"


def test_the_theme_part_is_the_project_folders_and_the_hooks_bytes_and_names_installed_ones(tmp_path):
    import material

    installed = str(Path(material.__file__).parent / "templates")
    (tmp_path / "main.html").write_text("one", "utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path), installed]))
    same = cache.theme_part(env)
    assert cache.theme_part(env) == same
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "x.html").write_text("new", "utf-8")
    assert cache.theme_part(env) != same, "a file added to the project's templates"
    edited = cache.theme_part(env)
    (tmp_path / "main.html").write_text("two", "utf-8")
    assert cache.theme_part(env) != edited, "a template edited"
    hook = tmp_path / "a_hook.py"
    hook.write_text("def on_env(env, config, files): return env\n", "utf-8")
    with_hook = cache.theme_part(env, [str(hook)])
    assert with_hook != cache.theme_part(env)
    hook.write_text("def on_env(env, config, files):\n    env.filters['x'] = str\n    return env\n", "utf-8")
    assert cache.theme_part(env, [str(hook)]) != with_hook, "a hook edited"


def _theme_sources() -> dict[str, str]:
    import material
    import mkdocs

    folders = [ROOT / "overrides", Path(material.__file__).parent / "templates", Path(mkdocs.__file__).parent / "templates"]
    return {str(path): path.read_text("utf-8") for folder in folders for path in sorted(folder.rglob("*"))
            if path.suffix in (".html", ".xml", ".j2", ".jinja") and path.is_file()}


def test_no_template_of_the_theme_reads_what_the_key_leaves_out():
    """If a theme update (or overrides/) starts reading one of these, the key must describe it."""
    sources = _theme_sources()
    assert any("base.html" in name for name in sources) and any("overrides" in name for name in sources)
    for name, source in sources.items():
        assert "build_date_utc" not in source, name
        assert not re.search(r"config\s*(\.\s*esafety|\[\s*['\"]esafety)", source), name
        for reader in re.findall(r"\b(\w+)\s*\.\s*(?:content|toc|markdown|present_anchor_ids|links_to_anchors)\b",
                                 source):
            # The page rendered; a blog post (the page rendered, in a blog); the config's toc settings;
            # a tag listing (Material's tags plugin writes it into a page's HTML before MkDocs renders it).
            assert reader in ("page", "post", "mdx_configs", "listing"), f"{name} reads .content or .toc of {reader}"
