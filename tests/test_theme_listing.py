"""hooks/theme_listing.py: the installed theme's files are listed once per process; overrides/
afresh on every build, so a file an editor adds under `make serve` is published."""
from __future__ import annotations

import jinja2

from support.hooks import load_hook
from support.site import ROOT


def _hook():
    return load_hook("theme_listing")


def test_the_installed_theme_is_listed_once_and_overrides_every_build(tmp_path):
    hook = _hook()
    installed, overrides = tmp_path / "material", tmp_path / "overrides"
    (installed / "assets").mkdir(parents=True)
    (installed / "assets" / "bundle.js").write_text("")
    overrides.mkdir()
    folders = [str(overrides), str(installed)]
    first = hook.ListedOnceLoader(folders, {str(installed)}).list_templates()
    assert first == jinja2.FileSystemLoader(folders).list_templates() == ["assets/bundle.js"]

    (overrides / "logo.svg").write_text("<svg/>")  # an editor adds a file while serving
    (installed / "late.js").write_text("")  # an installed package does not change while MkDocs runs
    assert hook.ListedOnceLoader(folders, {str(installed)}).list_templates() == ["assets/bundle.js", "logo.svg"]


def test_the_hook_gives_the_theme_that_loader_and_leaves_the_folders_as_they_were(tmp_path):
    from mkdocs.config import load_config

    hook = _hook()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    dirs = list(config.theme.dirs)
    env = hook.on_config(config).theme.get_env()
    assert isinstance(env.loader, hook.ListedOnceLoader) and env.loader.searchpath == dirs
    assert config.theme.custom_dir not in env.loader.fixed and set(dirs) - {config.theme.custom_dir} == env.loader.fixed
