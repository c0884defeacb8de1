"""mkdocs-macros module: registers the macros pages call. Each one only calls a render function."""
from __future__ import annotations

from pathlib import Path

from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.pages import pages_of_data_files, relative_path
from esafety_portal.render import Renderer
from esafety_portal.self_review import framework
from esafety_portal.values import FILTERS


def define_env(env):
    content = env.conf["esafety_content"]
    renderer = Renderer(content, Path(env.conf["theme"].custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(env.conf, "markdown"))

    for name, function in FILTERS.items():  # the same typed filters as overrides/markdown/
        env.filter(function, name)

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
    def current_frameworks() -> str:
        """The frameworks schools must follow now (data/frameworks/*.yml with status: current)."""
        return renderer.render("current_frameworks.md.jinja", page())

    @env.macro
    def item_link(item_id: str, text: str | None = None) -> str:
        """A link to any item by its id, checked at build time."""
        return renderer.render("link.md.jinja", page(), item_id=item_id, text=text).strip()
