"""esafety_portal/jinja_cache.py and hooks/theme_cache.py: compiled templates are kept in memory
only. A file planted under .cache/jinja/ (a pull request can force-add one) is never read, so
nothing in it runs; an edited template is never hidden by the cache."""
from __future__ import annotations

import pickle

import jinja2
from jinja2.bccache import BytecodeCache, bc_magic

from esafety_portal.jinja_cache import bytecode_cache


class _RunsCode:
    """Unpickling this writes `marker`: what a planted cache file could do during a build."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').close()",))


def _environment(templates, config):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              bytecode_cache=bytecode_cache(config, "markdown"))


def test_a_planted_cache_file_is_never_read(tmp_path):
    templates = tmp_path / "overrides" / "markdown"
    templates.mkdir(parents=True)
    (templates / "page.md.jinja").write_text("Hello {{ name }}\n", "utf-8")
    marker = tmp_path / "code-ran"
    # Jinja's on-disk cache file for this template, where that cache would look for it.
    key = BytecodeCache().get_cache_key("page.md.jinja", str(templates / "page.md.jinja"))
    planted = tmp_path / ".cache" / "jinja" / "markdown" / f"__jinja2_{key}.cache"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(bc_magic + pickle.dumps(_RunsCode(marker)))

    config = {"config_file_path": str(tmp_path / "mkdocs.yml")}
    assert _environment(templates, config).get_template("page.md.jinja").render(name="x") == "Hello x"
    assert not marker.exists(), "a file under .cache/ ran code during the build"
    assert [p.name for p in planted.parent.iterdir()] == [planted.name], "the cache wrote to disk"


def test_an_edited_template_shows_and_an_unchanged_one_is_reused(tmp_path):
    templates = tmp_path / "markdown"
    templates.mkdir()
    (templates / "a.md.jinja").write_text("one {{ x }}", "utf-8")
    (templates / "b.md.jinja").write_text("two {{ x }}", "utf-8")
    config = {"config_file_path": str(tmp_path / "mkdocs.yml")}
    first = _environment(templates, config)
    assert first.get_template("a.md.jinja").render(x=1) == "one 1"
    assert first.get_template("b.md.jinja").render(x=1) == "two 1"

    compiled = []
    second = _environment(templates, config)  # a rebuild under `mkdocs serve`: a new environment
    second.compile = lambda *args, **kwargs: compiled.append(args) or jinja2.Environment.compile(second, *args, **kwargs)
    (templates / "a.md.jinja").write_text("one edited {{ x }}", "utf-8")
    assert second.get_template("a.md.jinja").render(x=2) == "one edited 2"
    assert second.get_template("b.md.jinja").render(x=2) == "two 2"
    assert len(compiled) == 1, "only the edited template is compiled again"
