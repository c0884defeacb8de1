"""build_state.py: one state per build, made once; each part made on first use, whoever asks."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from esafety_portal import build_state as state_module
from esafety_portal.build_state import KEY, BuildState, BuildStateMissing, build_state
from esafety_portal.generated_pages import Asset, PageSpec
from esafety_portal.render import Renderer
from support.content_factory import framework, make_content, template
from support.site import ROOT


@pytest.fixture
def build(tmp_path):
    content = make_content(frameworks=[framework("fw-a", [("a-1", "standard", "Do this.")])],
                           templates=[template("tpl-a", [("tpl-a-01", "I will.")])])
    return BuildState(tmp_path, content, Renderer(content, ROOT / "overrides" / "markdown"))


def test_a_missing_state_is_an_error_that_says_what_to_do():
    with pytest.raises(BuildStateMissing, match="hooks/load_content.py must be listed") as caught:
        build_state({})
    assert isinstance(caught.value, PluginError)  # MkDocs prints it without a traceback
    with pytest.raises(BuildStateMissing):
        build_state({KEY: "not a state"})


def test_the_state_is_found_under_its_one_key(build):
    assert build_state({KEY: build}) is build


def test_the_documents_are_made_once_whoever_asks_first(build, monkeypatch):
    calls = []

    def all_documents(templates, council, cache_dir):
        calls.append(cache_dir)
        return {"tpl-a.docx": b"12345"}

    import esafety_portal.documents.cache as cache
    monkeypatch.setattr(cache, "all_documents", all_documents)
    assert build.download_sizes == {"tpl-a.docx": 5}  # the template pages ask first ...
    assert build.documents == {"tpl-a.docx": b"12345"}  # ... the downloads hook gets the same
    assert calls == [build.project_dir / state_module.DOCUMENTS_CACHE]


def test_every_family_contributes_its_pages_to_one_list(build, monkeypatch):
    monkeypatch.setattr(BuildState, "download_sizes", {})
    paths = [spec.path for spec in build.pages]
    assert "templates/tpl-a.md" in paths and "frameworks/fw-a.md" in paths
    assert len(paths) == len(set(paths))
    assert all(isinstance(spec, (PageSpec, Asset)) for spec in build.pages)


def test_open_data_is_every_familys_exports(build):
    paths = [made.path for made in build.open_data]
    assert "frameworks/fw-a.json" in paths and "organisations.json" in paths and "frameworks.csv" in paths
    assert len(paths) == len(set(paths))


def test_the_data_behind_each_generated_framework_page(build):
    assert build.data_of_pages["frameworks/fw-a.md"] == ["data/frameworks/fw-a.yml"]


def test_no_hook_reads_a_loose_config_key():
    # The hooks read the one state (build_state(config)); the old channels are gone.
    for hook in (ROOT / "hooks").glob("*.py"):
        assert 'config["esafety_' not in hook.read_text("utf-8"), hook.name
        assert "config.get(\"esafety_" not in hook.read_text("utf-8"), hook.name


def test_the_state_is_shown_short_whatever_the_content(build):
    """mkdocs-macros writes the whole config, this state in it, to its debug log on every build."""
    assert repr(build) == f"BuildState({str(build.project_dir)!r})"
