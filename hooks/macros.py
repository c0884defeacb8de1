"""mkdocs-macros module: registers the macros pages call (esafety_portal/page_macros.py, their one
list). Pages render in a sandbox that holds these macros, the typed filters and `site` only
(esafety_portal/page_templates.py), after the same check of their template code as `make check`."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from esafety_portal.errors import in_github_actions
from esafety_portal.build_state import build_state
from esafety_portal.page_templates import PageEnvironment, check_page_file, report
from esafety_portal.page_macros import page_macros
from esafety_portal.values import FILTERS


def define_env(env):
    build = build_state(env.conf)
    content, renderer = build.content, build.renderer

    def page() -> str:
        return env.page.file.src_uri

    builtin = set(env.macros)  # mkdocs-macros' own (context, macros_info, now ...): never a page's
    macros = page_macros(content, renderer, page, Path(env.conf["docs_dir"]), env.conf["use_directory_urls"],
                         open_data_files=build.open_data)
    for name, macro in macros.items():
        env.macro(macro, name)
    # make check knows the pages' macros from page_macros alone: one registered here only would
    # pass the build and fail the check.
    stray = sorted(set(env.macros) - builtin - set(macros))
    if stray:
        raise PluginError(f"hooks/macros.py: {', '.join(stray)} registered outside esafety_portal/page_macros.py — "
                          "add each macro a page may call to page_macros() there, so make check allows it too")
    # Read by on_pre_page_macros: mkdocs-macros makes its own environment after define_env.
    env.esafety_pages = PageEnvironment(macros, FILTERS, content.site)


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
    problems = check_page_file(env.esafety_pages, source, env.markdown, env.page.title, shown_as)
    if problems:
        if in_github_actions():
            print("\n".join(problem.github_annotation() for problem in problems), flush=True)
        raise PluginError(report(problems))
