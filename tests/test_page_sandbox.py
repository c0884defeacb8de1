"""Hand-written pages render in a sandbox (esafety_portal/page_templates.py): a page can call the
portal's macros and print a field of `site` through a typed filter, and nothing else. The
well-known template-injection escapes fail the build with a message naming the page and line."""
from __future__ import annotations

import jinja2
import pytest
from jinja2.exceptions import SecurityError, TemplateError

from esafety_portal.check import main as check_main
from esafety_portal.check import page_problems
from esafety_portal.page_macros import page_macros
from esafety_portal.page_templates import PageEnvironment, check_page
from esafety_portal.values import FILTERS
from support.hooks import load_hook
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


def test_every_real_page_is_within_what_a_page_may_do():
    # make check's own reading of docs/, with the macros' names from their one list.
    assert {"items", "details", "item_link"} <= set(page_macros(None, None, lambda: "", ROOT / "docs"))
    assert page_problems(ROOT) == []


def _fixture_pages(project):
    docs = project / "docs"
    docs.mkdir(parents=True)
    (docs / "ours.md").write_text("---\ntitle: Ours\n---\n# {{ site.portal_name | plain }}\n\n{{ items('x-2012', 'feature') }}\n"
                                  "{{ item_link('feature-01', 'a feature') }}\n{{ historical_notice('x-2012') }}\n", "utf-8")
    (docs / "inspection").mkdir()
    (docs / "inspection" / "bad.md").write_text(
        "---\ntitle: Bad\n---\n# Bad\n\nWords.\n{{ self.__init__.__globals__ }}\n\n"
        "{{ lipsum.__globals__['os'].popen('id').read() }}\n", "utf-8")
    return docs


def test_make_check_refuses_an_escaping_page_naming_file_and_line(tmp_path):
    _fixture_pages(tmp_path)
    problems = page_problems(tmp_path)
    assert [(p.file, p.line) for p in problems] == [("docs/inspection/bad.md", 7), ("docs/inspection/bad.md", 9)]
    assert "'self' is not a macro" in problems[0].problem and "'lipsum' is not a macro" in problems[1].problem
    (tmp_path / "docs" / "inspection" / "bad.md").unlink()
    assert page_problems(tmp_path) == []  # a page that only calls our macros passes


def test_make_check_exits_1_on_an_escaping_page_with_the_builds_message(tmp_path, capsys):
    project = copy_project(tmp_path, parts=("data", "docs"))
    page = project / "docs" / "about.md"
    line = page.read_text("utf-8").count("\n") + 1
    with page.open("a", encoding="utf-8") as out:
        out.write("{{ cycler.__init__.__globals__.os.popen('id').read() }}\n")
    assert check_main([str(project)]) == 1
    said = capsys.readouterr().err
    assert f"docs/about.md:{line}: 'cycler' is not a macro or value pages can use" in said, said
    assert "The template code in the pages has 1 problem." in said


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
    # make check refuses the same page with the same lines (issue 21: neither passes what the other refuses).
    refused = {f"  {problem}" for problem in page_problems(project)}
    assert refused and refused == {line for line in output.splitlines() if line.startswith("  docs/")}, output


def test_the_build_allows_exactly_the_macros_make_check_allows(content):
    """hooks/macros.py registers page_macros' list and builds the pages' sandbox from it, the list
    make check reads: run its define_env on a stand-in for mkdocs-macros' env."""
    from types import SimpleNamespace

    from esafety_portal.build_state import KEY, BuildState
    from esafety_portal.render import Renderer

    module = load_hook("macros")

    class Env:
        def __init__(self):
            self.macros = {"context": print}  # one of mkdocs-macros' own, never a page's
            state = BuildState(ROOT, content, Renderer(content, ROOT / "overrides" / "markdown"))
            self.conf = {KEY: state, "theme": SimpleNamespace(custom_dir=str(ROOT / "overrides")),
                         "config_file_path": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
                         "use_directory_urls": True}

        def macro(self, function, name=""):
            self.macros[name or function.__name__] = function

    env = Env()
    module.define_env(env)
    listed = set(page_macros(None, None, lambda: "", ROOT / "docs"))
    assert set(env.macros) - {"context"} == listed == env.esafety_pages.macro_names
