"""Run axe-core in a Playwright page: the accessibility gate's one function."""
from __future__ import annotations

from pathlib import Path

# WCAG 2.0 A and AA, 2.1 AA and 2.2 AA: the level a UK public-sector site must meet; and axe's
# best practices, which include rules WCAG still asks for, such as a dialog having a name (4.1.2:
# stock Material's search dialog has none, fixed in overrides/partials/search.html).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]

# Colours are only final once transitions have finished: search results fading in, or the theme's
# back-to-top button, which fades in a frame or two after a scroll (a click that moved the focus)
# and was once caught half-faded. So: two frames for scroll and resize handlers to run, then wait
# for every running animation, and again until a round finds none. One cancelled meanwhile (focus
# moving on) rejects, and has finished too.
SETTLE = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  for (let round = 0; round < 20; round++) {
    await frame(); await frame();
    const running = document.getAnimations();
    if (!running.length) return;
    await Promise.all(running.map(a => a.finished.catch(() => null)));
  }
}"""


def axe_violations(page, axe_js: Path) -> list[str]:
    """axe's violations on the page as it is now, one readable line per failing element."""
    page.evaluate(SETTLE)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_js))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )
    return [f"{v['id']} ({v['help']}): {node}" for v in violations for node in v["nodes"]]
