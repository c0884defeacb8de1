"""load.py: the model is built by looping over the families; a family without a builder keeps
its validated data, and every family is in content.families."""
from __future__ import annotations

import dataclasses

from esafety_portal import families, load, registry
from esafety_portal.errors import ContentError, ContentErrors
from esafety_portal.families import FAMILIES, Family
from esafety_portal.load import build_family
from esafety_portal.model import Site
from esafety_portal.rules import DataFile
from support.content_factory import framework, make_content
from support.project_copy import copy_project

GLOSSARY = {"terms": [{"id": "term-a", "term": "A", "definition": "The letter."}]}


def test_a_family_without_a_builder_keeps_its_data():
    one_file = Family("glossary", file="glossary.yml")
    assert build_family(one_file, [DataFile("data/glossary.yml", "glossary", GLOSSARY)], {}) == GLOSSARY
    assert build_family(one_file, [], {}) == {}
    folder = Family("guide", folder="guides")
    guides = [DataFile(f"data/guides/{n}.yml", "guide", {"id": n}) for n in ("g-1", "g-2")]
    assert build_family(folder, guides, {}) == [{"id": "g-1"}, {"id": "g-2"}]


def test_every_family_is_in_the_model_and_typed_ones_in_their_field():
    content = make_content(frameworks=[framework("fw-a", [("a-1", "standard", "Do this.")])])
    assert set(content.families) == {f.key for f in FAMILIES}
    assert content.family("guides") is content.guides and content.family("school_year") is content.school_year
    assert content.family("frameworks") is content.frameworks and content.frameworks[0].id == "fw-a"
    assert isinstance(content.site, Site) and content.site.nav == ()


def test_the_menu_order_is_kept_as_given():
    content = make_content(site={"nav": ["index.md", "frameworks"]})
    assert content.site.nav == ("index.md", "frameworks")


def test_a_familys_own_rules_run_on_every_load(monkeypatch, tmp_path):
    """The loader runs each family's `rules` (families.py) and reports what they find."""
    project = copy_project(tmp_path / "project", parts=("data",))
    seen = []

    def refuse_everything(checked):
        seen.append(checked)
        return [ContentError("data/site.yml", 1, "", "refused by a family's own rule", "test")]

    ruled = tuple(dataclasses.replace(f, rules=("x:y",)) if f.key == "site" else f for f in families.FAMILIES)
    monkeypatch.setattr(families, "FAMILIES", ruled)
    monkeypatch.setattr(load, "FAMILIES", families.FAMILIES)
    real = registry.function
    monkeypatch.setattr(registry, "function", lambda name: refuse_everything if name == "x:y" else real(name))
    try:
        load.load_content(project)
    except ContentErrors as caught:
        assert [e.problem for e in caught.errors] == ["refused by a family's own rule"]
    else:
        raise AssertionError("a family's own rule was not run")
    assert seen and seen[0].valid and seen[0].docs_dir is None  # only data/ copied: pages not checked
