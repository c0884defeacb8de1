"""Hook: the Content-Security-Policy trusts only the inline scripts the theme puts there.

overrides/partials/csp.html writes the policy with a placeholder. The scripts we trust are known
before any page is built: the inline <script> elements of the theme's own templates
(partials/javascripts/*.html, in Material and in overrides/), whose only variable part is the
page's relative base URL. Each page's inline scripts are matched against those; a match is hashed
into the policy, anything else fails the build. So a script that reached a page some other way
(through data or a page's Markdown) is never trusted, and neither is an inline event handler or
a javascript: link.

Under `mkdocs serve` the policy is left out (the dev server injects its own live-reload script,
which no build-time hash can cover), but pages are still checked.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html import unescape as html_unescape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from esafety_portal.bounded_memo import BoundedMemo

PLACEHOLDER = "__CSP_INLINE_SCRIPT_HASHES__"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')
# Every script element. Over-matching is safe here: anything unexpected fails the build.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
# A start tag and its attributes, quoted values read as a browser reads them.
TAG = re.compile(r"""<[a-zA-Z][\w:-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
# What the theme's templates may print inside a trusted script: a relative or root-relative base URL.
BASE_URL = r"[A-Za-z0-9._~/-]*"
TEMPLATE_TAG = re.compile(r"\{#.*?#\}|\{%.*?%\}", re.S)
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)

_serving = False
_trusted: list[re.Pattern] = []


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def trusted_scripts(theme_dirs) -> list[re.Pattern]:
    """A pattern for each inline script in the theme's script partials (a file in an earlier
    folder, such as overrides/, replaces Material's file of the same name)."""
    partials: dict[str, Path] = {}
    for folder in theme_dirs:
        for path in sorted(Path(folder, "partials", "javascripts").glob("*.html")):
            partials.setdefault(path.name, path)
    patterns = []
    for path in partials.values():
        source = TEMPLATE_TAG.sub("", path.read_text("utf-8"))
        for attributes, body in SCRIPT.findall(source):
            if "src=" in attributes:
                continue
            parts = EXPRESSION.split(body)
            patterns.append(re.compile(BASE_URL.join(re.escape(part) for part in parts), re.S))
    return patterns


def on_config(config):
    global _trusted
    _trusted = trusted_scripts(config.theme.dirs)
    if not _trusted:
        raise PluginError("hooks/csp.py found no inline scripts in the theme's partials/javascripts/: "
                          "the theme has changed; check how it writes its scripts before building")
    return config


def _executes(attributes: str) -> bool:
    match = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attributes, re.I)
    return match is None or match.group(1).lower() in ("text/javascript", "module", "application/javascript")


# Pages found clean, by a digest of the page and of the trusted scripts: `mkdocs serve` checks
# every page again on every rebuild, and an edit leaves most of them as they were. A refused page
# is checked afresh each time (its message names the page). In memory only, the newest kept.
_CLEAN = BoundedMemo(512)  # digest -> the page's script hashes


def inline_script_hashes(html: str, where: str) -> list[str]:
    """CSP source expressions for the page's inline scripts, in order, without repeats. Raises
    PluginError naming the page if it holds any script, handler or script link not the theme's."""
    # repr() writes no NUL byte, so the first one marks where the page begins.
    trusted = repr(tuple(pattern.pattern for pattern in _trusted))
    digest = hashlib.sha256(f"{trusted}\0{html}".encode("utf-8")).digest()
    return list(_CLEAN.get(digest, lambda: tuple(_scan(html, where))))


def _scan(html: str, where: str) -> list[str]:
    hashes = []
    for attributes, body in SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I) or not _executes(attributes):
            continue
        if not any(pattern.fullmatch(body) for pattern in _trusted):
            raise PluginError(f"{where}: the page holds an inline script the theme did not put there: "
                              f"{body.strip()[:80]!r} — pages and data may not hold scripts; remove it (if it "
                              f"came from data/, check the values printed on this page)")
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    for tag in TAG.finditer(html):
        for name, *values in ATTRIBUTE.findall(tag.group(1)):
            value = html_unescape("".join(values)).strip().lower()
            what = ("an inline event handler (on...=)" if name.lower().startswith("on") else
                    "a javascript:, vbscript: or data: link"
                    if name.lower() in URL_ATTRIBUTES and value.startswith(("javascript:", "vbscript:", "data:"))
                    else "")
            if what:
                raise PluginError(f"{where}: the page holds {what}: {tag.group(0)[:80]!r} — pages and data may not "
                                  f"hold scripts; remove it")
    return hashes


# Last of all on_post_page hooks, so no later hook changes a script after it is hashed.
@event_priority(-100)
def on_post_page(output, page, config):
    where = f"docs/{page.file.src_uri}" if page is not None else "404.html"
    hashes = inline_script_hashes(output, where)
    if PLACEHOLDER not in output:
        return output
    if _serving:
        return CSP_META.sub("", output, count=1)
    return output.replace(PLACEHOLDER, " ".join(hashes), 1)


# 404.html is a static template, not a page: it gets the same treatment.
@event_priority(-100)
def on_post_template(output, template_name, config):
    return on_post_page(output, None, config)
