"""Hook: fill the Content-Security-Policy meta tag with the hash of each inline script.

overrides/partials/csp.html writes the policy with a placeholder; the theme's inline scripts
differ from page to page (they hold the page's relative base URL), so their hashes are taken
from the finished HTML. Under `mkdocs serve` the policy is left out: the dev server injects its
own live-reload script, which no build-time hash can cover.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.plugins import event_priority

PLACEHOLDER = "__CSP_INLINE_SCRIPT_HASHES__"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')
# Inline scripts: no src attribute. JSON data blocks never execute, so CSP does not cover them.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script in `html`, in order, without repeats."""
    hashes = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


# Last of all on_post_page hooks, so no later hook changes a script after it is hashed.
@event_priority(-100)
def on_post_page(output, page, config):
    if PLACEHOLDER not in output:
        return output
    if _serving:
        return CSP_META.sub("", output, count=1)
    return output.replace(PLACEHOLDER, " ".join(script_hashes(output)), 1)


# 404.html is a static template, not a page: it gets the same treatment.
@event_priority(-100)
def on_post_template(output, template_name, config):
    return on_post_page(output, None, config)
