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


def test_the_files_published_from_the_theme_are_the_ones_mkdocs_lists_itself(tmp_path):
    """The listing leaves out names that start with a dot; MkDocs' own filter drops them anyway."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    listed = Files([])
    listed.add_files_from_theme(_hook().on_config(config).theme.get_env(), config)
    assert [f.src_uri for f in listed] == [f.src_uri for f in plain] and len(plain) > 0


def test_an_installed_dot_folder_is_not_listed_and_its_templates_still_load(tmp_path):
    hook = _hook()
    installed = tmp_path / "material"
    (installed / ".icons").mkdir(parents=True)
    (installed / ".icons" / "logo.svg").write_text("<svg/>")
    (installed / "base.html").write_text("base")
    loader = hook.ListedOnceLoader([str(installed)], {str(installed)})
    assert loader.list_templates() == ["base.html"]
    assert jinja2.Environment(loader=loader).get_template(".icons/logo.svg").render() == "<svg/>"
