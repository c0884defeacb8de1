"""Browse a site in Chromium and record what it does: requests, CSP violations, cookies, storage.

The privacy and CSP gates share this one recorder, for browsing and for using the self-review.
Requests to anywhere but the local server are recorded and then aborted, so a test never sends
anything to a third party even when it fails.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from support.browser import search_index

LOCAL_HOSTS = {"127.0.0.1"}

# Catches violations the console might word differently; an init script is not subject to CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""

# How long a page must ask for nothing before its requests are taken as complete: the site's scripts
# ask at once on loading (the search index, a tool's JSON), never on a timer.
QUIET_MS = 250

STORAGE = """() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"""


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    storage: dict[str, list[str]] = field(default_factory=dict)


@contextmanager
def recording(browser) -> Iterator[tuple]:
    """A fresh browser context that records everything; yields (page, visit, collect), where
    collect() gathers the current page's CSP violations and storage keys into the visit."""
    visit = Visit()
    # Pages load with the search index with no pages, which makes the same requests and the same
    # page (support/browser.py); browse() switches to the real one before it searches.
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)

    def route(route, request):
        visit.requests.append(request.url)
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            visit.third_party.append(request.url)
            route.abort()

    context.route("**/*", route)
    pending = set()  # requests sent and not yet answered
    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", lambda request: pending.discard(request))
    context.on("requestfailed", lambda request: pending.discard(request))
    page = context.new_page()
    page.on("console", lambda msg: "Content Security Policy" in msg.text
            and visit.csp_violations.append(f"{page.url}: {msg.text}"))
    page.on("pageerror", lambda err: visit.csp_violations.append(f"{page.url}: script error {err}"))

    def settle(quiet_ms: int = QUIET_MS, step_ms: int = 25, limit_ms: int = 15000):
        """Wait until the page has loaded and nothing has been asked for or answered for `quiet_ms`:
        Playwright's "networkidle" waits 500 ms on every page, most of the gates' browsing time."""
        page.wait_for_load_state("load")
        quiet = waited = 0
        while quiet < quiet_ms:
            page.wait_for_timeout(step_ms)
            waited += step_ms
            quiet = 0 if pending else quiet + step_ms
            assert waited < limit_ms, f"{page.url} was still loading {sorted(r.url for r in pending)} after {limit_ms} ms"

    def collect():
        settle()
        visit.csp_violations.extend(f"{page.url}: {v}" for v in page.evaluate("() => window.__cspViolations"))
        for kind, keys in page.evaluate(STORAGE).items():
            visit.storage.setdefault(kind, []).extend(k for k in keys if k not in visit.storage.get(kind, []))

    try:
        yield page, visit, collect
        visit.cookies = [f"{c['name']} ({c['domain']})" for c in context.cookies()]
    finally:
        context.close()


def browse(browser, base_url: str, paths: list[str], searches: list[str] = ()) -> Visit:
    """Open every page of `paths` under `base_url` in one fresh context, then run `searches`
    in the site's search box; return everything recorded."""
    with recording(browser) as (page, visit, collect):
        for path in paths:
            page.goto(base_url + path)
            collect()
        search_index(page, real=True)
        for query in searches:
            page.goto(base_url)
            page.keyboard.press("/")
            page.keyboard.type(query)
            page.locator(".md-search-result__link").first.click()  # waits for a result
            collect()
    return visit
