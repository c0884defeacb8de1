"""page_templates.py: the sandbox hand-written pages render in: a page may call the portal's macros
with plain values and print a field of `site` through a typed filter; anything else is refused
before it renders, naming the page's line, and cannot reach Python while it renders."""
from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from esafety_portal.page_templates import PageEnvironment, check_page, check_page_file, report
from esafety_portal.values import FILTERS
from support.content_factory import make_content


@pytest.fixture(scope="module")
def env():
    site = make_content().site
    return PageEnvironment({"items": lambda framework, kind="": f"<{framework}:{kind}>"}, FILTERS, site)


def problems(env, source):
    return [f"{p.line}: {p.problem}" for p in check_page(env, source, "docs/page.md")]


@pytest.mark.parametrize("source", [
    "Plain words, no code.",
    '{{ items("framework-a", "feature") }}',
    "{{ items('framework-a', kind='feature') }}",
    "{{ site.council | plain }} and {{ site.contact.email | email }}",
    "{{ site.council | plain | attr }}",
    "{# a comment #}",
])
def test_macro_calls_with_plain_values_and_filtered_site_fields_are_allowed(env, source):
    assert problems(env, source) == []


@pytest.mark.parametrize("source, problem", [
    ("{{ config }}", "'config' is not a macro or value pages can use"),
    ("{{ site.council }}", "a field of site is printed without a filter"),
    ("{{ item('x') }}", "'item' is not a macro or value pages can use"),
    ("{{ items(site.council) }}", "this template code is more than a page may do: {{ items(site.council) }}"),
    ("{{ items(*args) }}", "'args' is not a macro or value pages can use"),
    ("{% for x in [1] %}{% endfor %}", "this template code is more than a page may do: {% for x in [1] %}{% endfor %}"),
    ("{{ site.__class__ | plain }}", "this template code is more than a page may do: {{ site.__class__ | plain }}"),
    ("{{ self.__init__.__globals__ }}", "'self' is not a macro or value pages can use"),
    ("{{ 9 ** 9 }}", "this template code is more than a page may do: {{ 9 ** 9 }}"),
    ("{{ site.council | upper }}", "this template code is more than a page may do: {{ site.council | upper }}"),
])
def test_anything_else_is_refused_before_it_renders(env, source, problem):
    assert problems(env, source) == [f"1: {problem}"]


def test_a_near_miss_is_told_the_macro_it_may_mean(env):
    (refused,) = check_page(env, "\n\n{{ itmes('a') }}", "docs/page.md")
    assert refused.line == 3
    assert refused.fix.startswith("did you mean items? a page may call the portal's macros with plain values (items())")


def test_broken_template_code_is_named_at_its_line(env):
    assert problems(env, "one\ntwo {{ items('a'\n") == [
        "2: the template code is not valid: unexpected end of template, expected ','."]


def test_lines_count_from_the_file_not_from_after_the_front_matter(env):
    source = "---\ntitle: A page\n---\n\n{{ config }}\n"
    markdown = source.split("---\n", 2)[2]
    (refused,) = check_page_file(env, source, markdown, "A page", "docs/page.md")
    assert refused.line == 5


def test_template_code_in_the_title_is_checked_at_the_titles_line(env):
    source = "---\nhide: [toc]\ntitle: '{{ config }}'\n---\nBody.\n"
    (refused,) = check_page_file(env, source, "Body.\n", "{{ config }}", "docs/page.md")
    assert (refused.line, refused.problem) == (3, "'config' is not a macro or value pages can use")


def test_a_page_renders_with_the_macros_and_site_only(env):
    page = env.from_string('{{ items("a", "b") }} for {{ site.council | plain }}')
    assert page.render({"config": "mkdocs-macros' variables are dropped"}) == "<a:b> for Testshire County Council"
    with pytest.raises(UndefinedError):
        env.from_string("{{ config }}").render({"config": "dropped"})
    with pytest.raises(SecurityError):
        env.from_string("{{ site.__class__.__mro__ }}").render()
    with pytest.raises(SecurityError, match="cannot use the operator"):
        env.from_string("{{ 9 ** 9 ** 9 }}").render()
    assert not env.has_template_code("Plain words { and } alone") and env.has_template_code("a {# b #}")


def test_the_report_counts_each_problem_once_in_file_order(env):
    found = check_page(env, "{{ config }}\n{{ config }}", "docs/b.md") + check_page(env, "{{ page }}", "docs/a.md")
    text = report(found + found[:1])
    assert text.splitlines()[0] == "The template code in the pages has 4 problems. Nothing was published."
    assert [line.split(":")[0].strip() for line in text.splitlines()[2:]] == ["docs/a.md", "docs/b.md", "docs/b.md"]


def test_a_pages_code_is_compiled_once_and_renders_with_each_environments_own_macros():
    """mkdocs-macros makes a new environment every build and compiles each page again: the
    compiled code is kept by the page's source, and each environment renders it with its own macros."""
    from esafety_portal import page_templates

    site = make_content().site
    first = PageEnvironment({"items": lambda framework, kind="": "first"}, FILTERS, site)
    second = PageEnvironment({"items": lambda framework, kind="": "second"}, FILTERS, site)
    source = '{{ items("a") }} kept by its source, once'
    compiled = []
    original = page_templates.ImmutableSandboxedEnvironment.compile

    def counting(self, *args, **kwargs):
        compiled.append(args[0])
        return original(self, *args, **kwargs)

    page_templates._COMPILED.clear()
    page_templates.ImmutableSandboxedEnvironment.compile = counting
    try:
        assert first.from_string(source).render() == "first kept by its source, once"
        assert second.from_string(source).render() == "second kept by its source, once"
        assert compiled == [source]
        no_filters = PageEnvironment({}, {}, site)
        with pytest.raises(Exception, match="No filter named 'plain'"):
            no_filters.from_string("{{ site.council | plain }} once")  # the filters are in the key
        assert first.from_string("{{ site.council | plain }} once").render() == "Testshire County Council once"
    finally:
        page_templates.ImmutableSandboxedEnvironment.compile = original
