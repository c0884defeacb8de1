"""esafety_portal/markdown_cache.py, search_entries_cache.py and rendered_page_cache.py: under
`mkdocs serve`, pages whose Markdown is unchanged reuse their last conversion, pages whose HTML is
unchanged their search entries, and pages whose template context is unchanged their last HTML; the
rebuilt site (search index included) is the same, byte for byte, as one made afresh; a kept
conversion's warnings are given again, so a strict rebuild still stops."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support.project_copy import copy_project
from support.serve import free_port
from support.site import build_env
from support.site_compare import site_differences

DRIVER = Path(__file__).parent / "support" / "preview_builds.py"


def preview_builds(tmp_path, project, edits) -> dict:
    (tmp_path / "edits.json").write_text(json.dumps(edits), "utf-8")
    result = subprocess.run([sys.executable, DRIVER, str(project), str(tmp_path / "out"), str(free_port()),
                             str(tmp_path / "edits.json")],
                            cwd=project, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_rebuild_reusing_conversions_is_the_site_converted_afresh(tmp_path):
    project = copy_project(tmp_path / "project")
    builds = preview_builds(tmp_path, project, [["docs/index.md", "\n\nA sentence the test added.\n"]])
    assert [b["stopped"] for b in builds.values()] == ["", "", ""], builds
    for cache, made in (("markdown", "converted"), ("search", "parsed"), ("pages", "rendered")):
        kept, fresh = builds["kept"][cache], builds["fresh"][cache]
        assert kept["reused"] and kept[made], f"{cache}: the edited page made again, the others reused"
        assert fresh["reused"] == 0 and fresh[made] == kept[made] + kept["reused"], cache
    assert site_differences(tmp_path / "out" / "kept", tmp_path / "out" / "fresh", ("kept", "fresh")) == []
    assert site_differences(tmp_path / "out" / "first", tmp_path / "out" / "kept", ("first", "kept")), \
        "the edit shows in the rebuilt site"


def test_a_change_every_page_shows_in_its_menu_renders_every_page_again(tmp_path):
    """A subtitle added to the home page's front matter shows under its entry in the menu, which
    is on every page: no page keeps its last HTML, and the site is the one made afresh."""
    project = copy_project(tmp_path / "project")
    builds = preview_builds(tmp_path, project, [["docs/index.md", "---\n", "---\nsubtitle: Added by the test\n"]])
    assert [b["stopped"] for b in builds.values()] == ["", "", ""], builds
    kept, fresh = builds["kept"]["pages"], builds["fresh"]["pages"]
    assert kept["reused"] == 0 and kept["rendered"] == fresh["rendered"] > 1, builds
    assert site_differences(tmp_path / "out" / "kept", tmp_path / "out" / "fresh", ("kept", "fresh")) == []
    for build, shown in (("first", False), ("kept", True)):
        menus = [page for page in (tmp_path / "out" / build).rglob("*.html") if 'class="md-nav' in page.read_text("utf-8")]
        assert len(menus) > 1 and all(("Added by the test" in page.read_text("utf-8")) == shown for page in menus), build


def test_a_reused_conversion_gives_its_warnings_again(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n\nSee [a page that is not there](not-there.md).\n")
    builds = preview_builds(tmp_path, project, [])
    assert builds["kept"]["markdown"]["converted"] == 0 and builds["kept"]["markdown"]["reused"], builds["kept"]
    for build in builds.values():
        assert any("contains a link 'not-there.md'" in w for w in build["warnings"]), build
        assert "strict mode" in build["stopped"], build
    assert builds["kept"]["warnings"] == builds["fresh"]["warnings"]


def _page_and_files(tmp_path, markdown: str, others: list[str], **settings):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = MkDocsConfig()
    config.load_dict({"site_name": "A site", "docs_dir": str(tmp_path), **settings})
    errors, _ = config.validate()
    assert not errors, errors
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), config.use_directory_urls)
                   for name in ["index.md", *others]])
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.markdown = markdown
    return page, config, files


def test_the_key_changes_with_the_markdown_the_files_a_link_could_reach_and_the_settings(tmp_path):
    from esafety_portal.markdown_cache import key

    same = key(*_page_and_files(tmp_path, "See [about](about.md).", ["about.md"]))
    assert key(*_page_and_files(tmp_path, "See [about](about.md).", ["about.md"])) == same
    assert key(*_page_and_files(tmp_path, "See [about](about.md)!", ["about.md"])) != same
    assert key(*_page_and_files(tmp_path, "See [about](about.md).", [])) != same, "the link's target is gone"
    assert key(*_page_and_files(tmp_path, "See [about](about.md).", ["about.md", "new.md"])) != same
    assert key(*_page_and_files(tmp_path, "See [about](about.md).", ["about.md"], use_directory_urls=False)) != same
    assert key(*_page_and_files(tmp_path, "See [about](about.md).", ["about.md"],
                                validation={"links": {"not_found": "info"}})) != same
