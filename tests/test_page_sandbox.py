"""Hand-written pages render in a sandbox (esafety_portal/page_templates.py): a page can call the
portal's macros and print a field of `site` through a typed filter, and nothing else. The
well-known template-injection escapes fail the build with a message naming the page and line."""
from __future__ import annotations

import ast

import jinja2
import pytest
from jinja2.exceptions import SecurityError, TemplateError

from esafety_portal.page_templates import PageEnvironment, check_page
from esafety_portal.values import FILTERS
from support.project_copy import copy_project
from support.site import ROOT, mkdocs_build

# Each reaches Python (os, subprocess, files) in a full Jinja environment, or leaks the build's
# configuration; mkdocs-macros gave pages all of them.
ESCAPES = [
    "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.system('id') }}",
    "{{ namespace.__init__.__globals__.os.system('id') }}",
    "{{ self._TemplateReference__context }}",
    "{{ self }}",
    "{{ config }}",
    "{{ config.plugins }}",
    "{{ get_context() }}",
    "{{ context() }}",
    "{{ macros_info() }}",
    "{{ env }}",
    "{{ features.env }}",
    "{{ features.__globals__ }}",
    "{{ site.__class__.__init__.__globals__ }}",
    "{{ site.edit_url.__globals__ }}",
    "{{ site.contact.__class__ }}",
    "{{ page.file.abs_src_path }}",
    "{{ range(10) | list }}",
    "{% for x in range(99999999) %}x{% endfor %}",
    "{% set x = namespace() %}",
    "{% include 'features.md.jinja' %}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ 'x' * 1000000000 }}",
    "{{ site.council }}",
]


def _macros():
    def features():
        return "FEATURES"

    def historical_notice(document):
        return f"NOTICE {document}"

    return {"features": features, "historical_notice": historical_notice}


@pytest.fixture(scope="module")
def sandbox(content):
    return PageEnvironment(_macros(), FILTERS, content.site)


@pytest.mark.parametrize("escape", ESCAPES)
def test_each_escape_is_refused_naming_the_page_and_line(sandbox, escape):
    source = f"# A page\n\nSome words.\n{escape}\n"
    (problem,) = check_page(sandbox, source, "docs/page.md", first_line=5)
    assert (problem.file, problem.line) == ("docs/page.md", 8)
    assert "site through a filter" in problem.fix, problem


@pytest.mark.parametrize("escape", [e for e in ESCAPES if e not in ("{{ self }}", "{{ site.council }}")])
def test_the_sandbox_refuses_each_escape_even_unchecked(sandbox, escape):
    """Behind the check, the sandbox itself: nothing but the macros and site is in scope, no
    attribute but site's fields is readable, nothing can be included, no arithmetic is done."""
    with pytest.raises((SecurityError, TemplateError, TypeError)):
        sandbox.from_string(escape).render(config={"secret": 1}, page="a page", env="an env")


def test_mkdocs_macros_variables_never_reach_a_page(sandbox):
    template = sandbox.from_string("{{ site.council | plain }}")
    assert template.render(site="spoofed", config="leaked") == sandbox.from_string("{{ site.council | plain }}").render()
    with pytest.raises(jinja2.UndefinedError):
        sandbox.from_string("{{ config | plain }}").render(config="leaked")


def test_the_allowed_forms_pass_and_render_as_in_full_jinja(sandbox, content):
    source = ("# {{ site.portal_name | plain }}\n\n{{ features() }}\n{{ historical_notice('x-2012') }}\n"
              "Mail [{{ site.contact.email | plain }}](mailto:{{ site.contact.email | email }}).\n"
              "{# a comment #}{{ '{{ literal }}' }}\n")
    assert check_page(sandbox, source, "docs/page.md") == []
    full = jinja2.Environment(undefined=jinja2.StrictUndefined)
    full.filters.update(FILTERS)
    expected = full.from_string(source).render(site=content.site, **_macros())
    assert sandbox.from_string(source).render() == expected
    assert "FEATURES\nNOTICE x-2012\n" in expected


def test_a_syntax_error_names_the_page_and_line(sandbox):
    (problem,) = check_page(sandbox, "Words\n\n{{ features( }}\n", "docs/page.md", first_line=4)
    assert (problem.file, problem.line) == ("docs/page.md", 6)
    assert "template code is not valid" in problem.problem


def test_a_misspelt_macro_gets_a_suggestion(sandbox):
    (problem,) = check_page(sandbox, "{{ featurs() }}", "docs/page.md")
    assert problem.problem == "'featurs' is not a macro or value pages can use"
    assert problem.fix.startswith("did you mean features?")


def test_every_real_page_is_within_what_a_page_may_do(content):
    # The real macros' names, read from hooks/macros.py without building.
    module = ast.parse((ROOT / "hooks" / "macros.py").read_text("utf-8"))
    names = {f.name for f in ast.walk(module) if isinstance(f, ast.FunctionDef)
             and any(isinstance(d, ast.Attribute) and d.attr == "macro" for d in f.decorator_list)}
    assert {"features", "item_link"} <= names
    sandbox = PageEnvironment({name: (lambda *a, **k: "") for name in names}, FILTERS, content.site)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        assert check_page(sandbox, path.read_text("utf-8"), str(path.relative_to(ROOT))) == []


def test_the_build_refuses_an_escaping_page_and_publishes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    text = page.read_text("utf-8")
    escapes = ["{{ self.__init__.__globals__.__builtins__.__import__('os').popen('echo PWNED').read() }}",
               "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}",
               "{{ lipsum.__globals__['os'].popen('echo PWNED').read() }}"]
    assert text.startswith("---\ntitle: About and contact\n")
    text = text.replace("title: About and contact", "title: \"{{ config.site_dir }}\"", 1)
    page.write_text(text + "\n" + "\n".join(escapes) + "\n", "utf-8")
    first = text.count("\n") + 2
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about.md:{first}: 'self' is not a macro or value pages can use" in output, output
    assert f"docs/about.md:{first + 1}: 'cycler' is not a macro" in output
    assert f"docs/about.md:{first + 2}: 'lipsum' is not a macro" in output
    assert "docs/about.md:2: 'config' is not a macro" in output  # the title, in the front matter
    assert "PWNED" not in output.replace("echo PWNED", "") and "Traceback" not in output
    assert not (tmp_path / "out").exists()
