"""esafety_portal/jinja_cache.py and hooks/theme_cache.py: compiled templates are kept in
.cache/jinja/ between builds, and an edited template is never hidden by them."""
from __future__ import annotations

from support.project_copy import copy_project, replace_in
from support.site import mkdocs_build

def mtimes(folder):
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}


def test_edited_templates_show_on_the_next_build_and_the_rest_are_reused(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = project / ".cache" / "jinja"
    first = mkdocs_build(project, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    theme, markdown = mtimes(cache / "theme"), mtimes(cache / "markdown")
    assert len(theme) > 10 and len(markdown) > 5, "compiled templates were not kept"

    replace_in(project / "overrides/partials/print-source.html", "Printed from", "Printed out from")
    replace_in(project / "overrides/markdown/survey.md.jinja", "## The grades", "## The grades given")
    second = mkdocs_build(project, tmp_path / "two")
    assert second.returncode == 0, second.stderr
    survey = (tmp_path / "two" / "survey-2010" / "index.html").read_text("utf-8")
    assert "Printed out from" in survey and "The grades given" in survey
    assert "The grades given" not in (tmp_path / "one" / "survey-2010" / "index.html").read_text("utf-8")
    # Each edited template was compiled again; every other one was read back, not rewritten.
    for folder, before in (("theme", theme), ("markdown", markdown)):
        after = mtimes(cache / folder)
        assert after.keys() == before.keys()
        assert sum(after[name] != before[name] for name in before) == 1, folder
