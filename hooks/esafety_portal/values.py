"""What each kind of value may hold, and how it is printed.

One rule per kind, used twice: where data is loaded (rules.py turns a problem into an editor's
message) and where it is printed (the filters the Markdown templates must use, render.py). A
value that slipped past loading still cannot reach a page as markup.

- a web address: https only, a real host name, and none of the characters that could end an
  attribute, a link or a tag; kept in a normal form (lower-case scheme and host);
- an id: lower-case letters, digits and single hyphens;
- text: our safe Markdown subset: **bold**, *italic*, [links](https://...), lists; no HTML, no
  character references, no Jinja, and links only to https:// or #anchors. Data sets no attribute
  (no curly braces at all, so no attribute list), and no link or abbreviation that reaches beyond
  its own value (no reference definitions, no abbreviation definitions). Every link is written
  [text](address) and its address passes the same rule as a url field. Square brackets pair up,
  at most three deep, a line starts at most two list or quote marks and no line starts ': ': Python-Markdown takes
  time that grows with the square of the text (or recurses) on the rest;
- no value holds an invisible control character, a lone surrogate or a bidirectional override;
- plain words (titles, names, labels): printed with every Markdown and HTML character escaped.
"""
from __future__ import annotations

import functools
import html
import re
from urllib.parse import urlsplit, urlunsplit

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# RFC 3986 characters, less the ones that end a Markdown link or an HTML attribute: ' ( ) [ ].
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")


class UnsafeValue(ValueError):
    """A value printed by a template is not of its kind: a bug, since loading checks it first."""


class Url(str):
    """A checked https address, in normal form. Made only by `parse_url`."""


def url_problem(value: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a web address, or None if it is a safe https address."""
    if not _URL_CHARACTERS.fullmatch(value):
        bad = sorted({c for c in value if not _URL_CHARACTERS.fullmatch(c)})
        shown = " ".join("a space" if c.isspace() else repr(c) for c in bad)
        return (f"has characters a web address cannot hold here ({shown})",
                "copy the address from the browser's address bar; write a space as %20")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return "is not a web address", "write a full address such as https://www.example.org/page"
    if parts.scheme.lower() != "https":
        return "is not a secure web address", "use a full address that starts with https://"
    if parts.username is not None or not parts.hostname or not _HOST.fullmatch(parts.hostname):
        return "has no valid site name", "write a full address such as https://www.example.org/page"
    return None


def parse_url(value: str) -> Url:
    """The address in normal form; raises UnsafeValue if it is not a safe https address."""
    problem = url_problem(value) if isinstance(value, str) else ("is not text", "")
    if problem:
        raise UnsafeValue(f"{value!r} {problem[0]}")
    parts = urlsplit(value)
    return Url(urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, parts.fragment)))


def matching(pattern: re.Pattern, what: str):
    """A check for a kind of value that is text matching `pattern` whole: returns the value, or
    raises UnsafeValue saying it is not `what`."""
    def check(value) -> str:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise UnsafeValue(f"{value!r} is not {what}")
        return value
    return check


check_id = matching(ID, "an id")


# -- Markdown text -------------------------------------------------------------------------------
_TAG = re.compile(r"<\s*[A-Za-z/!?]")  # anything a browser could read as the start of a tag
_SCRIPT_LINK = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")
_HTTP_LINK = re.compile(r"(?i)\]\(\s*http://|(?<![\w/])http://")
_JINJA = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
# Python-Markdown's attr_list reads any {...} after an element, closed or not, so no brace at all.
_BRACE = re.compile(r"[{}]")
_CHARACTER_REFERENCE = re.compile(r"(?i)&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);")
_IMAGE = re.compile(r"!\[")
# A link written [text](address): its address runs to the first ')', with no space, '<' or '('.
_LINK_OPEN = re.compile(r"\]\(")
_LINK_TARGET = re.compile(r"[^()\s<>]*\)")
# [text][name], [name]: address (a definition any link on the page could use) and *[ABBR]: words
# (an abbreviation every page word would take): each reaches beyond its own value. Each pattern
# is anchored to one line ([ \t], not \s), so it runs in linear time.
_REFERENCE = re.compile(r"\]\[|^[ \t]*\[[^\]\n]*\]:", re.M)
_ABBREVIATION = re.compile(r"^[ \t]*\*\[", re.M)
# Three list or quote marks at the start of a line (- - - a) nest three levels on one line.
_NESTED_MARKS = re.compile(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)]|>)[ \t]+){3}", re.M)
# A line starting ': ' makes a definition list, which Python-Markdown recurses into once a pair.
_DEFINITION = re.compile(r"^[ \t]*:[ \t]", re.M)
MAX_BRACKET_DEPTH = 3  # [link with a [[placeholder]]](https://...)

_MARKDOWN_HELP = "write it in Markdown instead: **bold**, *italic*, [link text](https://...)"
_LINK_HELP = "write each link in full where it is used: [link text](https://...)"


# What may not be in text: each pattern with what is wrong and how to fix it.
_UNSAFE_MARKDOWN = (
    (_TAG, "contains HTML", _MARKDOWN_HELP + ", and a blank line for a new paragraph"),
    (_SCRIPT_LINK, "contains a script link (javascript:, data: or vbscript:)", "link only to web pages, with https://"),
    (_HTTP_LINK, "contains a link that is not secure (http://)",
     "change http:// to https:// and check the link still works"),
    (_JINJA, "contains '{{', '{%', '{#', '%}' or '}}'",
     "remove the curly-brace markup; placeholders are written [[like_this]]"),
    (_BRACE, "contains a curly brace ({ or }), which would set an attribute such as {: hidden }",
     "remove the curly braces and what is inside them; the portal sets ids and styles itself"),
    (_REFERENCE, "contains a reference link or a link definition ([text][name] or [name]: address)", _LINK_HELP),
    (_ABBREVIATION, "contains an abbreviation definition (*[ABBR]: words)",
     "remove it, and write the words out in full the first time, with the abbreviation in brackets"),
    (_NESTED_MARKS, "starts a line with three or more list or quote marks (such as '- - -')",
     "start a line with at most one '-', or write it as a sentence"),
    (_DEFINITION, "starts a line with ': ', which makes a definition list",
     "join the line to the one above, or write it as a sentence"),
    (_IMAGE, "contains an image (![...](...))",
     "remove it: pictures would be loaded from another site; link to the page instead"),
    (_CHARACTER_REFERENCE, "contains an HTML character reference such as &amp; or &#39;",
     "type the character itself (&, ', é, –)"),
)


def link_target_problem(target: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a link's address, or None: an #anchor on the page, or an
    address that passes the same rule as a url field (url_problem)."""
    if target.startswith("#") and ID.fullmatch(target[1:]):
        return None
    if url_problem(target):
        return (f"links to '{shown(target)}', which is not a full https:// address",
                "link to a full address that starts with https://")
    return None


def _bracket_problem(value: str) -> tuple[str, str] | None:
    """Square brackets that do not pair up, or nest too deep; one pass over the text."""
    depth = 0
    for character in value:
        if character == "[":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                return (f"has square brackets more than {MAX_BRACKET_DEPTH} deep",
                        "write links as [link text](https://...) and placeholders as [[like_this]]")
        elif character == "]":
            depth -= 1
            if depth < 0:
                return "has a ']' with no '[' before it", "remove the ']', or add the '[' it closes"
    if depth:
        return "has a '[' with no ']' after it", "add the ']' it needs, or remove the '['"
    return None


def markdown_problems(value: str) -> list[tuple[str, str]]:
    """(what is wrong, how to fix it) for each way `value` leaves the safe Markdown subset.
    Every check runs in time linear in the length of the value."""
    return list(_markdown_problems(value))


# Each value is checked where it is loaded and again wherever it is printed, on every build.
@functools.lru_cache(maxsize=16384)
def _markdown_problems(value: str) -> tuple[tuple[str, str], ...]:
    problems = [(problem, fix) for pattern, problem, fix in _UNSAFE_MARKDOWN if pattern.search(value)]
    problems += filter(None, [_bracket_problem(value)])
    for opening in _LINK_OPEN.finditer(value):
        written = _LINK_TARGET.match(value, opening.end())
        if not written:
            problems.append(("has a link whose address is not written as (https://...)", _LINK_HELP))
            continue
        target = written.group()[:-1]
        if _SCRIPT_LINK.search(target) or target.lower().startswith("http://"):
            continue  # reported above, as a script link or a link that is not secure
        problem = link_target_problem(target)
        if problem:
            problems.append(problem)
    return tuple(dict.fromkeys(problems))


def shown(value: str, limit: int = 60) -> str:
    """A value as a message quotes it: at most `limit` characters."""
    return value if len(value) <= limit else value[:limit] + "…"


def check_markdown(value) -> str:
    """The value, if it is text in the safe subset; raises UnsafeValue if not."""
    if not isinstance(value, str):
        raise UnsafeValue(f"{value!r} is not text")
    problems = markdown_problems(value)
    if problems:
        raise UnsafeValue(f"{value[:80]!r} {problems[0][0]}")
    return value


# -- printing plain words -----------------------------------------------------------------------
# Characters Python-Markdown gives a meaning to anywhere in a line, and | for tables, escaped with
# a backslash; # + - . ! mean something only at the start of a line, so they are escaped there, as
# is the . or ) after a number that starts a line and ends a word ("1. Online safety" would become
# a numbered list; "1.2" would not).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|]|^[#+\-.!])|^([0-9]+)([.)])(?=[ \t]|$)")
# What Python's str.splitlines (and Markdown, which reads \r as a line end) splits lines on.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def plain(value) -> str:
    """Words printed as words into Markdown: nothing in them can become markup.
    HTML's own characters become character references, which Markdown passes through.
    A list is printed as its words joined with commas."""
    if isinstance(value, (list, tuple)):
        return ", ".join(plain(v) for v in value)
    text = html.escape(str(value), quote=False)  # quotes mean nothing in Markdown text
    # Every line break (a carriage return too) becomes a space: Markdown would start a new block.
    return _MARKDOWN_SPECIAL.sub(_escaped, _LINE_BREAK.sub(" ", text))


def _escaped(found: re.Match) -> str:
    mark, number, after_number = found.groups()
    return "\\" + mark if mark else number + "\\" + after_number


def attribute(value) -> str:
    """Words for a quoted value in an attribute list ({ aria-label="..." }), which has no escape
    for its quote mark or its closing brace: those are left out, the rest HTML-escaped."""
    return _LINE_BREAK.sub(" ", html.escape(re.sub(r'["{}]', "", str(value)), quote=False))


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
# Values the portal itself gives its templates: a Markdown heading level such as ##, a name from
# its vocabulary such as the placeholder school_name, a link between its own files.
heading_marks = matching(re.compile(r"#{1,6}"), "a heading level")
check_email = matching(EMAIL, "an email address")
check_name = matching(re.compile(r"[a-z][a-z0-9_]*"), "a vocabulary name")
check_path = matching(re.compile(r"[A-Za-z0-9._/#-]+"), "a link between the site's own files")
check_tel = matching(re.compile(r"tel:\+?[0-9]+"), "a telephone link")


# The filters templates print data through, one per kind (tests/test_printing.py checks every
# {{ }} in overrides/markdown/ and docs/ ends in one of them).
FILTERS = {
    "plain": plain,
    "md": check_markdown,
    "url": parse_url,
    "id": check_id,
    "attr": attribute,
    "heading": heading_marks,
    "path": check_path,
    "email": check_email,
    "name": check_name,
    "tel": check_tel,
}


# -- characters no value may hold ---------------------------------------------------------------
# Control characters (but tab and newline), lone surrogates (which no file can hold as UTF-8),
# the two non-characters XML refuses, and the bidirectional overrides that make text read
# differently from how it is stored. A document writer or the page would choke on, or hide, each.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def character_problem(value: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) if `value` holds a character no value may hold, else None."""
    found = _UNPRINTABLE.search(value)
    if not found:
        return None
    return (f"contains the invisible character U+{ord(found.group()):04X}",
            "delete it: retype the words around it, or paste them as plain text")
