"""hooks/theme_cache.py: compiled theme templates are kept in .cache/ between builds, and an
edited template is never hidden by them."""
from __future__ import annotations

from support.project_copy import copy_project, replace_in
from support.site import mkdocs_build


def test_an_edited_theme_template_shows_on_the_next_build(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = project / ".cache" / "theme-templates"
    first = mkdocs_build(project, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    compiled = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert len(compiled) > 10, "the theme's templates were not kept"

    replace_in(project / "overrides/partials/print-source.html", "Printed from", "Printed out from")
    second = mkdocs_build(project, tmp_path / "two")
    assert second.returncode == 0, second.stderr
    assert "Printed out from" in (tmp_path / "two" / "index.html").read_text("utf-8")
    assert "Printed out from" not in (tmp_path / "one" / "index.html").read_text("utf-8")
    # Templates that did not change were read back, not compiled and written again.
    unchanged = {name: mtime for name, mtime in compiled.items() if (cache / name).exists()}
    assert sum(1 for name, mtime in unchanged.items() if (cache / name).stat().st_mtime_ns == mtime) >= len(compiled) - 1
