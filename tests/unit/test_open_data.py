"""open_data.py: each family's exports, and the open-data page lists every file published."""
from __future__ import annotations

import json

from esafety_portal.families import Family
from esafety_portal.open_data import family_json, published, typed_json
from esafety_portal.render import Renderer
from support.content_factory import framework, make_content
from support.site import ROOT


def content():
    return make_content(frameworks=[framework("fw-a", [("a-1", "standard", "Do this.")]),
                                    framework("fw-b", [("b-1", "standard", "Do that.")], title="Framework *B*")],
                        organisations=[{"id": "org-a", "name": "Org A", "kind": "charity", "status": "active",
                                        "description": "An organisation.", "url": "https://org.example.org/",
                                        "mentioned_in": []}])


def test_each_framework_has_its_own_file_with_its_title():
    made = {m.path: m for m in published(content())}
    assert json.loads(made["frameworks/fw-b.json"].data)["items"][0]["id"] == "b-1"
    assert made["frameworks/fw-b.json"].title == "Framework *B*"


def test_a_portal_without_the_2010_survey_publishes_no_survey_file():
    assert "survey.json" not in {m.path for m in published(content())}


def test_a_family_without_a_builder_publishes_its_data_and_one_with_a_builder_nothing_by_default():
    content_ = content()
    content_.families["glossary"] = {"terms": [{"id": "term-a", "term": "A", "definition": "The letter."}]}
    (made,) = family_json(content_, Family("glossary", file="glossary.yml", title="Glossary of terms"))
    assert (made.path, made.title, made.format) == ("glossary.json", "Glossary of terms", "json")
    assert json.loads(made.data)["terms"][0]["id"] == "term-a"
    assert family_json(content_, Family("organisations", file="organisations.yml", build="load:build_organisations")) == []


def test_the_open_data_page_lists_every_file_with_its_title_escaped():
    content_ = content()
    files = published(content_)
    renderer = Renderer(content_, ROOT / "overrides" / "markdown")
    for format_ in ("csv", "json"):
        listed = renderer.render("open_data.md.jinja", "open-data.md", files=[f for f in files if f.format == format_],
                                 relative=lambda src: src)
        for made in files:
            assert (f"(open-data/{made.path})" in listed) == (made.format == format_), made.path
    assert r"Framework \*B\*" in renderer.render("open_data.md.jinja", "open-data.md", files=files,
                                                   relative=lambda src: src)


def test_a_family_whose_builder_makes_dataclasses_publishes_them_with_iso_dates():
    import dataclasses
    import datetime as dt
    from types import SimpleNamespace

    @dataclasses.dataclass
    class Duty:
        name: str
        due: dt.date

    @dataclasses.dataclass
    class Year:
        duties: tuple

    family = Family("thing", name="year", title="The year", build="things:build", exports="open_data:typed_json")
    built = {"year": Year((Duty("a", dt.date(2026, 9, 1)),))}
    made = typed_json(SimpleNamespace(family=built.__getitem__), family)
    assert [(m.path, m.title) for m in made] == [("year.json", "The year")]
    assert json.loads(made[0].data) == {"duties": [{"name": "a", "due": "2026-09-01"}]}
