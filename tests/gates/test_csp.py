"""Content-Security-Policy gate: every page carries the policy, and browsing every page and
searching logs no violation (every inline script the theme writes is hashed by hooks/csp.py)."""
from __future__ import annotations

import re


from browsing import browse
from conftest import FIXTURES
from support.site import StaticServer

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_has_the_policy(built_site, site_pages):
    for path in site_pages:
        html = (built_site / (path if path.endswith(".html") else path + "index.html")).read_text("utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, path
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        assert directives["default-src"] == "'none'"
        scripts = directives["script-src"].split()
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:]), path
        assert "unsafe" not in policies[0]
        assert directives["style-src"] == "'self'"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{path}: policy after a script"


def test_browsing_and_searching_log_no_violation(site_visit):
    assert not site_visit.csp_violations, "CSP violations:\n" + "\n".join(site_visit.csp_violations)


def test_gate_turns_red_on_an_unhashed_script_and_a_style_attribute(browser):
    with StaticServer(FIXTURES / "leaky-site") as server:
        visit = browse(browser, server.url, ["csp/"])
    found = "\n".join(visit.csp_violations)
    assert "script-src" in found and "style-src" in found, found
