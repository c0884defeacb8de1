"""mkdocs-macros module: registers the macros pages call. Each one only calls a render function.
Pages render in a sandbox that holds these macros, the typed filters and `site` only
(esafety_portal/page_templates.py)."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from esafety_portal.duties import year_starting as school_year_start
from esafety_portal.errors import in_github_actions
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.page_templates import PageEnvironment, check_page, report
from esafety_portal.pages import pages_of_data_files, relative_path
from esafety_portal.render import Renderer
from esafety_portal.self_review import framework
from esafety_portal.values import FILTERS


def define_env(env):
    content = env.conf["esafety_content"]
    renderer = Renderer(content, Path(env.conf["theme"].custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(env.conf, "markdown"))

    builtin = set(env.macros)  # mkdocs-macros' own (context, macros_info, now ...): never a page's

    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def features() -> str:
        """Every feature of good and outstanding practice, by theme (the 2012 briefing's framework file)."""
        return renderer.render("features.md.jinja", page())

    @env.macro
    def inadequate_indicators() -> str:
        """Every indicator of inadequate practice (the 2012 briefing's framework file)."""
        return renderer.render("inadequate.md.jinja", page())

    @env.macro
    def questions() -> str:
        """Every sample question, by audience (the 2012 briefing's framework file)."""
        return renderer.render("questions.md.jinja", page())

    @env.macro
    def inspection_overview() -> str:
        """The key judgements and the SMSC point (the 2012 briefing's inspection: details)."""
        return renderer.render("inspection.md.jinja", page())

    @env.macro
    def historical_notice(document: str) -> str:
        """The 'historical document' notice for a framework quoted as a source (data/frameworks/)."""
        return renderer.render("historical_notice.md.jinja", page(), document=document)

    @env.macro
    def survey_2010() -> str:
        """The 2010 survey: figures, findings, recommendations (its framework file's items and survey:)."""
        return renderer.render("survey.md.jinja", page())

    @env.macro
    def organisations() -> str:
        """Organisations and tools (data/organisations.yml)."""
        return renderer.render("organisations.md.jinja", page())

    @env.macro
    def sources() -> str:
        """The source documents: the frameworks whose own entry is on this page (data/frameworks/)."""
        return renderer.render("sources.md.jinja", page())

    @env.macro
    def self_review() -> str:
        """The self-review tool and its printable checklist (features, inadequate, questions)."""
        return renderer.render("self_review.md.jinja", page(),
                               framework=framework(content, env.conf["use_directory_urls"]))

    @env.macro
    def whats_new() -> str:
        """Every dated change to the content, newest first (the `changes` of every data file)."""
        return renderer.render("whats-new.md.jinja", page(),
                               pages=pages_of_data_files(content, Path(env.conf["docs_dir"])),
                               relative=lambda src: relative_path(src, page()))

    @env.macro
    def school_year() -> str:
        """The duties that recur, month by month, and the form for a school's own dates (data/duties.yml)."""
        return renderer.render("school_year.md.jinja", page(), year=school_year_start(renderer.today))

    @env.macro
    def current_frameworks() -> str:
        """The frameworks schools must follow now (data/frameworks/*.yml with status: current)."""
        return renderer.render("current_frameworks.md.jinja", page())

    @env.macro
    def item_link(item_id: str, text: str | None = None) -> str:
        """A link to any item by its id, checked at build time."""
        return renderer.render("link.md.jinja", page(), item_id=item_id, text=text).strip()

    # Read by on_pre_page_macros: mkdocs-macros makes its own environment after define_env.
    ours = {name: function for name, function in env.macros.items() if name not in builtin}
    env.esafety_pages = PageEnvironment(ours, FILTERS, content.site)


def on_pre_page_macros(env):
    """mkdocs-macros renders each page next, through env.env: make that the sandbox, and first
    refuse any template code in the page beyond what a page may do."""
    env._env = env.esafety_pages  # the plugin has no setter: its own environment is never used
    if env.page.meta.get("render_macros") is False:  # a generated page: mkdocs-macros leaves it as it is
        return
    file = env.page.file
    source = file.content_string if file.abs_src_path else env.markdown
    shown_as = Path(os.path.relpath(file.abs_src_path, env.project_dir)).as_posix() if file.abs_src_path \
        else file.src_uri
    # The front matter is not in env.markdown: count its lines, so each line is the file's own.
    before = source[: len(source) - len(env.markdown)] if source.endswith(env.markdown) else ""
    problems = check_page(env.esafety_pages, env.markdown, shown_as, before.count("\n") + 1)
    if env.esafety_pages.has_template_code(str(env.page.title)):  # mkdocs-macros renders a title too
        title_line = next((n for n, text in enumerate(before.splitlines(), 1) if text.startswith("title:")), 1)
        problems += check_page(env.esafety_pages, str(env.page.title), shown_as, title_line)
    if problems:
        if in_github_actions():
            print("\n".join(problem.github_annotation() for problem in problems), flush=True)
        raise PluginError(report(problems))
