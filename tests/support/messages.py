"""Wait for what a tool's message line says next. Files are read asynchronously and a dialog's
choice arrives after it closes, while the line may still show what the last action said (a
download, an earlier import): waiting for it to be visible, or to hold a word it already holds,
would read the old message."""
from __future__ import annotations

WAIT_MS = 15_000  # as long as any Playwright wait in these tests: the page has failed to answer


def watch_message(page, element_id: str):
    """Arm a watch on the element with `element_id`; `next_message(page)` then returns the next
    thing it says (even the same words again: a tool writes its whole text each time)."""
    page.evaluate("""([id, wait]) => { const box = document.getElementById(id);
        window.__nextMessage = new Promise((said, silent) => {
            const watch = new MutationObserver(() => { watch.disconnect(); said(box.textContent); });
            watch.observe(box, {childList: true, characterData: true, subtree: true});
            setTimeout(() => { watch.disconnect(); silent(new Error('#' + id + ' said nothing new in ' + wait + ' ms')); }, wait);
        }); }""", [element_id, WAIT_MS])


def next_message(page) -> str:
    """What the watched line said since `watch_message`, once it has said it."""
    return page.evaluate("() => window.__nextMessage")


def click_then_read(page, selector: str, element_id: str) -> str:
    """Click `selector` and return what the line with `element_id` says next. A dialog's choice is
    acted on in its close event, which may run after the click has returned."""
    watch_message(page, element_id)
    page.click(selector)
    return next_message(page)
