"""hooks/csp.py: the policy trusts the theme's own inline scripts, known before any page is
built, and a page holding any other script, an inline handler or a script link fails the build."""
from __future__ import annotations

import pytest

from support.hooks import load_hook
from support.project_copy import copy_project
from support.site import ROOT, mkdocs_build


def _csp_module():
    return load_hook("csp")


def test_the_trusted_scripts_are_the_themes_whatever_the_pages_base():
    import material

    from pathlib import Path

    csp = _csp_module()
    csp._trusted = csp.trusted_scripts([ROOT / "overrides", Path(material.__file__).parent / "templates"])
    assert len(csp._trusted) >= 3  # Material's base, palette and content scripts
    theme = '<script>__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}</script>'
    for base in ("..", "../..", ".", "/", "/esafety/"):
        assert len(csp.inline_script_hashes(theme.format(base=base), "page")) == 1
    with pytest.raises(Exception, match="inline script the theme did not put there"):
        csp.inline_script_hashes(theme.format(base='"+alert(1)+"'), "page")
    assert csp.inline_script_hashes('<script id="__config" type="application/json">{"a": 1}</script>', "page") == []


@pytest.mark.parametrize("markup, message", [
    ("<script>alert(document.cookie)</script>", "docs/injected.md: the page holds an inline script the theme did not put there: 'alert(document.cookie)'"),
    ('<p><a href="#" onclick="alert(1)">Go</a></p>', "docs/injected.md: the page holds an inline event handler (on...=)"),
    ('<p><a href="javascript:alert(1)">Go</a></p>', "docs/injected.md: the page holds a javascript:, vbscript: or data: link"),
])
def test_a_page_with_a_script_of_its_own_fails_the_build(tmp_path, markup, message):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "injected.md").write_text(f"# Injected\n\n{markup}\n", "utf-8")
    text = (project / "mkdocs.yml").read_text("utf-8").replace("      - privacy.md\n", "      - privacy.md\n      - injected.md\n")
    (project / "mkdocs.yml").write_text(text, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0, "a page with an injected script was published"
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
