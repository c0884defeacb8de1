"""Run axe-core in a Playwright page: the accessibility gate's one function."""
from __future__ import annotations

from pathlib import Path

# WCAG 2.0 A and AA, 2.1 AA and 2.2 AA: the level a UK public-sector site must meet; and axe's
# best practices, which include rules WCAG still asks for, such as a dialog having a name (4.1.2:
# stock Material's search dialog has none, fixed in overrides/partials/search.html).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page, axe_js: Path) -> list[str]:
    """axe's violations on the page as it is now, one readable line per failing element."""
    # Colours are only final once transitions (search results fading in) have finished; one
    # cancelled meanwhile (focus moving on) rejects, and has finished too.
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_js))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )
    return [f"{v['id']} ({v['help']}): {node}" for v in violations for node in v["nodes"]]
