"""Hook: list the installed theme's files once per process, not on every `make serve` rebuild.

Every build, MkDocs lists each file in the theme's folders to copy the static ones: some 14,500
names in Material's (its icons), about a twelfth of a rebuild. Material's folder belongs to an
installed package, which cannot change while MkDocs runs (MkDocs reloads no module between
builds either); overrides/, which an editor may add a file to, is listed afresh every build.
The installed listing leaves out names that start with a dot (Material's .icons/, 14,000 of the
names): MkDocs and ProperDocs never copy those (their filter's first pattern is '.*'), and
filtering them out again cost as much as listing them; Jinja loads a template by its name, never
from this list.
"""
from __future__ import annotations

from functools import cache

import jinja2


@cache
def installed_listing(folder: str) -> tuple[str, ...]:
    return tuple(name for name in jinja2.FileSystemLoader(folder).list_templates() if not name.startswith("."))


class ListedOnceLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader (the same folders, the same search order), listing `fixed` folders once."""

    def __init__(self, searchpath: list[str], fixed: set[str]):
        super().__init__(searchpath)
        self.fixed = fixed

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for folder in self.searchpath:
            names.update(installed_listing(folder) if folder in self.fixed
                         else jinja2.FileSystemLoader(folder).list_templates())
        return sorted(names)


def on_config(config):
    theme = config.theme
    make_env = theme.get_env
    fixed = {folder for folder in theme.dirs if folder != theme.custom_dir}

    def get_env():
        env = make_env()
        env.loader = ListedOnceLoader(list(theme.dirs), fixed)  # before any template is loaded
        return env

    theme.get_env = get_env
    return config
