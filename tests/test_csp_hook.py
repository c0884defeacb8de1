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


def test_a_page_found_clean_is_not_scanned_again_until_it_or_the_trusted_scripts_change():
    """`mkdocs serve` checks every page on every rebuild; a page already found clean under the same
    trusted scripts is not scanned again, and a refused page is refused every time."""
    import re

    csp = _csp_module()
    csp._trusted = [re.compile(re.escape("trusted()"))]
    scanned = []
    scan = csp._scan
    csp._scan = lambda html, where: scanned.append(html) or scan(html, where)
    page = "<p>Words</p><script>trusted()</script>"
    first = csp.inline_script_hashes(page, "page")
    assert csp.inline_script_hashes(page, "page") == first and len(first) == 1
    assert len(scanned) == 1
    csp.inline_script_hashes(page.replace("Words", "Other words"), "page")
    assert len(scanned) == 2
    csp._trusted = [re.compile(re.escape("trusted()")), re.compile(re.escape("also()"))]
    assert csp.inline_script_hashes(page, "page") == first and len(scanned) == 3
    for _ in range(2):
        with pytest.raises(Exception, match="inline script the theme did not put there"):
            csp.inline_script_hashes("<script>alert(1)</script>", "docs/x.md")
    assert len(scanned) == 5
    csp._CLEAN.most = 2
    for n in range(4):
        csp.inline_script_hashes(f"<p>{n}</p>", "page")
    assert len(csp._CLEAN) == 2


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
