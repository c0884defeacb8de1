"""check.py: `python -m esafety_portal.check` checks every data file and every page's template code
without building the site: one line per problem and exit 1, or a one-line summary and exit 0."""
from __future__ import annotations

import shutil

import pytest
import yaml

from esafety_portal.check import main, page_problems
from support.content_factory import SITE, framework
from support.site import ROOT

ORGANISATIONS = {
    "review": {"last_reviewed": "2026-01-05", "review_every_months": 12},
    "changes": [{"date": "2026-01-05", "summary": "First published."}],
    "organisations": [{"id": "example-helpline", "name": "Example Helpline", "kind": "organisation",
                       "status": "current", "description": "A helpline for tests.",
                       "url": "https://helpline.example.org/", "mentioned_in": []}],
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The smallest project that checks clean: the real schemas, a site, one organisation, its page."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    shutil.copytree(ROOT / "data" / "schema", tmp_path / "data" / "schema")
    (tmp_path / "data" / "site.yml").write_text(yaml.safe_dump(SITE), "utf-8")
    (tmp_path / "data" / "organisations.yml").write_text(yaml.safe_dump(ORGANISATIONS), "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", "utf-8")
    (tmp_path / "docs" / "organisations.md").write_text("# Organisations\n\n{{ organisations() }}\n", "utf-8")
    return tmp_path


def test_valid_content_gets_one_line_and_exit_0(project, capsys):
    assert main([str(project)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("All data is valid: ") and out.count("\n") == 1 and err == ""


def test_a_data_mistake_is_printed_at_its_line_and_exits_1(project, capsys):
    (project / "data" / "organisations.yml").write_text(
        yaml.safe_dump(ORGANISATIONS, sort_keys=False).replace("kind: organisation", "kind: charity"), "utf-8")
    assert main([str(project)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "data/organisations.yml:" in err and "organisations[0].kind" in err and "Nothing was published" in err


def test_a_page_mistake_is_found_without_a_build(project, capsys):
    (project / "docs" / "index.md").write_text("# Home\n\n{{ no_such_macro() }}\n", "utf-8")
    (problem,) = page_problems(project)
    assert (problem.file, problem.line) == ("docs/index.md", 3)
    assert main([str(project)]) == 1
    assert "docs/index.md:3:" in capsys.readouterr().err


def test_page_and_data_mistakes_are_reported_together(project, capsys):
    (project / "docs" / "index.md").write_text("{{ config }}\n", "utf-8")
    (project / "data" / "frameworks").mkdir()
    (project / "data" / "frameworks" / "f.yml").write_text(yaml.safe_dump(framework("f", title="")), "utf-8")
    assert main([str(project)]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md:1:" in err and "data/frameworks/f.yml:" in err


def test_a_page_that_renders_no_macros_is_not_read_as_a_template(project):
    (project / "docs" / "raw.md").write_text("---\nrender_macros: false\n---\n{{ anything }}\n", "utf-8")
    assert page_problems(project) == []


def test_a_page_that_is_not_utf8_is_named(project):
    (project / "docs" / "latin.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    assert [str(p) for p in page_problems(project)] == [
        "docs/latin.md:1: the page is not UTF-8 text — save it as UTF-8"]


def test_under_github_actions_each_problem_is_also_an_annotation(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (project / "docs" / "index.md").write_text("{{ config }}\n", "utf-8")
    assert main([str(project)]) == 1
    assert capsys.readouterr().out.startswith("::error file=docs/index.md,line=1::")


def test_a_link_in_the_checkout_is_refused_before_anything_is_read(project, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yml"
    outside.write_text("id: secret\n", "utf-8")
    (project / "data" / "frameworks").mkdir()
    (project / "data" / "frameworks" / "linked.yml").symlink_to(outside)
    assert main([str(project)]) == 1
    assert "data/frameworks/linked.yml" in capsys.readouterr().err
