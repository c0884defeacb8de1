"""Under `mkdocs serve`, a page whose template context is the same as at the last rebuild is not
written through the theme's templates again: it gets the HTML they made last time.

Why: writing every page through Material's templates (the navigation on each) was about a third
of a rebuild, and an edit to one data file changes the context of only the few pages that show
it. Used only while serving (hooks/live_preview.py), so a published site renders every page;
kept in memory, one entry per page.

What a render reads, all in the key: the template's name; every file in the theme's folders that
are the project's (overrides/; Material's and MkDocs' own are installed packages, which do not
change while the server runs) and the hooks' files; the template's globals; and the whole context
MkDocs and the plugins hand the template, described value by value (`describe`): the config, the
navigation, the page list and the page. Left out, because no template reads them (tested against the theme's
template sources): the build's clock (`build_date_utc`), our build state (`config.esafety`), and
the HTML and contents of pages other than the one rendered. A value of a kind `describe` does not
know makes the page render afresh. tests/test_markdown_cache.py checks that a rebuild reusing
pages is the same, byte for byte, as one made afresh.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import re
import sysconfig
import types
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.localization import Locale  # Babel's, or MkDocs' stand-in without Babel
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

UNREAD_CONTEXT = frozenset({"build_date_utc"})  # the time of the build: every build would differ
UNREAD_CONFIG = frozenset({"esafety"})  # our build state: the content, which pages show through their own values
# What the theme reads only of the page it renders; of another page it reads the title, address,
# front matter and place in the navigation. `render` is the Markdown conversion (live_preview.py).
CURRENT_PAGE_ONLY = frozenset({"content", "toc", "markdown", "present_anchor_ids", "links_to_anchors"})
_NOT_DESCRIBED = frozenset({"render"})
_PLAIN = frozenset({str, int, float, bool, type(None)})

_KEPT: dict[str, tuple[str, str]] = {}  # page src_uri -> (key, the HTML its template made)
STATS = {"rendered": 0, "reused": 0}  # since the process started, for the tests
_PACKAGES = tuple(str(Path(p).resolve()) for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})


class Unknown(Exception):
    """A value `describe` does not know: the page is rendered afresh."""


def describe(value, current: Page | None = None, active: bool = True) -> str:
    """A text that differs whenever anything a template could read of `value` differs, with
    `current` the page being rendered. With `active` False, which pages are active is left out
    (the caller adds the one page that is)."""
    walk = _Walk(current, active)
    walk.add(value, 0)
    return "\x1f".join(walk.out)


class _Walk:
    def __init__(self, current: Page | None, active: bool):
        self.current, self.active, self.out = current, active, []

    def add(self, value, depth: int) -> None:  # noqa: C901 (one case per kind)
        if depth > 60:
            raise Unknown("nested too deep")
        out, deeper = self.out, depth + 1
        kind = type(value)
        if kind in _PLAIN and not (kind is str and len(value) > 512):  # the most common, first
            out.append(f"{kind.__name__}:{value!r}")
        elif kind is dict:
            out.append("dict")
            self.mapping(value, deeper)
        elif kind is list:
            out.append(f"list:{len(value)}")
            for item in value:
                self.add(item, deeper)
        elif isinstance(value, str) and len(value) > 512:  # a page's HTML: its digest
            out.append(f"{type(value).__name__}:{len(value)}:{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()}")
        elif value is None or isinstance(value, (bool, int, float, str, bytes, dt.date, dt.time, dt.timedelta, enum.Enum)):
            out.append(f"{type(value).__name__}:{value!r}")
        elif isinstance(value, Page):
            self.page(value, deeper)
        elif isinstance(value, Section):
            out.append(f"Section:{value.title!r}:{value.active if self.active else ''}")
            self.add(value.children, deeper)
        elif isinstance(value, Link):
            out.append(f"Link:{value.title!r}:{value.url!r}")
        elif isinstance(value, Navigation):
            out.append("Navigation")
            self.add(value.items, deeper)
            self.add(value.homepage and value.homepage.url, deeper)
        elif isinstance(value, File):
            out.append(f"File:{value.src_uri!r}:{value.dest_uri!r}:{value.url!r}:{value.inclusion.name}:"
                       f"{value.generated_by!r}")
        elif isinstance(value, AnchorLink):
            out.append(f"Anchor:{value.title!r}:{value.id!r}:{value.level}")
            self.add(value.children, deeper)
        elif isinstance(value, TableOfContents):
            out.append("Contents")
            self.add(value.items, deeper)
        elif isinstance(value, Theme):
            out.append(f"Theme:{value.name!r}:{value.dirs!r}")
            self.mapping(dict(value.items()), deeper)
        elif isinstance(value, BasePlugin):
            out.append(f"Plugin:{type(value).__module__}.{type(value).__qualname__}")
            self.add(value.config, deeper)
        elif isinstance(value, Config):
            out.append(type(value).__qualname__)
            skipped = UNREAD_CONFIG if "config_file_path" in value else ()  # MkDocs' own config
            self.mapping({k: v for k, v in value.items() if k not in skipped}, deeper)
        elif isinstance(value, Mapping):
            out.append(type(value).__qualname__)
            self.mapping(value, deeper)
        elif isinstance(value, (list, tuple)):
            out.append(f"{type(value).__qualname__}:{len(value)}")
            for item in value:
                self.add(item, deeper)
        elif isinstance(value, (set, frozenset)):
            out.append(f"{type(value).__qualname__}:{len(value)}")
            out.extend(sorted(describe(item, self.current, self.active) for item in value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out.append(f"{type(value).__module__}.{type(value).__qualname__}")
            self.mapping({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, deeper)
        elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)):
            out.append(f"callable:{value.__module__}.{value.__qualname__}")  # code: the same within the process
        elif isinstance(value, functools.partial):
            out.append("partial")
            self.add(value.func, deeper)
        elif isinstance(value, types.ModuleType):
            out.append(f"module:{value.__name__}")
        elif isinstance(value, Locale):
            out.append(f"locale:{value}")
        elif isinstance(value, re.Pattern):
            out.append(f"pattern:{value.pattern!r}:{value.flags}")
        else:
            raise Unknown(f"{type(value).__module__}.{type(value).__qualname__}")

    def mapping(self, mapping: Mapping, depth: int) -> None:
        self.out.append(f"{len(mapping)}")
        for name in sorted(mapping, key=repr):
            self.out.append(repr(name))
            self.add(mapping[name], depth)

    def page(self, page: Page, depth: int) -> None:
        """The page rendered in full; another page (in the navigation, or a neighbour) as the theme
        reads it, with the pages it points to by address (the navigation describes them)."""
        current = page is self.current
        self.out.append(f"Page:{page.url!r}:{page.title!r}:{current}")
        for name, value in sorted(vars(page).items()):
            if name in _NOT_DESCRIBED or (not current and name in CURRENT_PAGE_ONLY) or \
                    (not self.active and name == "_Page__active"):
                continue
            self.out.append(name)
            if isinstance(value, (Page, Section)):
                self.out.append(f"ref:{getattr(value, 'url', None)!r}:{value.title!r}")
            elif name == "links_to_anchors" and value is not None:  # File -> anchors
                self.add({f.src_uri: anchors for f, anchors in value.items()}, depth)
            else:
                self.add(value, depth)


def theme_part(env, hooks: list[str] = ()) -> str:
    """The key's part for the code that renders: the bytes of every file in the theme's folders
    that are not installed packages, and of the hooks' files (`mkdocs serve` loads the hooks
    afresh for each rebuild, and an edited hook could change what the templates get in ways other
    than their context: a filter, say). Made once per build (MkDocs makes one environment a build)."""
    digest = hashlib.sha256()
    for folder in getattr(env.loader, "searchpath", None) or []:
        folder = Path(folder).resolve()
        digest.update(f"{folder}\0".encode("utf-8"))
        if str(folder).startswith(_PACKAGES):
            continue
        # A link is never followed (the build refuses links among its inputs: checkout.py).
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(f"{path.relative_to(folder)}\0".encode("utf-8") + path.read_bytes() + b"\0")
    for hook in hooks:
        digest.update(f"{hook}\0".encode("utf-8") + Path(hook).read_bytes() + b"\0")
    return digest.hexdigest()


# The same objects for every page of a build, and unchanged while MkDocs writes the pages but for
# which page is active: described once a build, without that, which `key` adds for each page.
SHARED = frozenset({"config", "nav", "pages"})


def key(name: str, theme: str, template_globals: Mapping, context: Mapping, shared: dict | None = None) -> str:
    """The key of rendering `context` through the template `name`; `shared` keeps the shared parts'
    descriptions for the rest of the build. Raises Unknown if the context holds a value
    `describe` does not know."""
    shared = {} if shared is None else shared
    page = context.get("page")
    parts = [name, theme, _once(shared, "globals", template_globals)]
    for name_in_context in sorted(set(context) - UNREAD_CONTEXT):
        value = context[name_in_context]
        parts.append(name_in_context)
        parts.append(_once(shared, name_in_context, value) if name_in_context in SHARED else describe(value, page))
    parts.append(f"active:{page.url if isinstance(page, Page) else None!r}")
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _once(shared: dict, name: str, value) -> str:
    kept = shared.get(name)
    if kept is None or kept[0] is not value:  # the value is kept with it, so its id is not reused
        kept = shared[name] = (value, describe(dict(value) if name == "globals" else value, active=False))
    return kept[1]


class _Reusing:
    """A template whose `render` gives a page its last HTML when the key is unchanged."""

    def __init__(self, template, name: str, theme: str, shared: dict):
        self._template, self._name, self._theme, self._shared = template, name, theme, shared

    def __getattr__(self, attr):
        return getattr(self._template, attr)

    def render(self, *args, **kwargs):
        context = dict(*args, **kwargs)
        page = context.get("page")
        if not isinstance(page, Page):  # 404.html, sitemap.xml: once a build, never kept
            return self._template.render(context)
        try:
            page_key = key(self._name, self._theme, self._template.globals, context, self._shared)
        except Unknown:
            page_key = None
        kept = _KEPT.get(page.file.src_uri)
        if page_key is not None and kept is not None and kept[0] == page_key:
            STATS["reused"] += 1
            return kept[1]
        output = self._template.render(context)
        STATS["rendered"] += 1
        if page_key is not None:
            _KEPT[page.file.src_uri] = (page_key, output)
        else:
            _KEPT.pop(page.file.src_uri, None)
        return output


def install(env, hooks: list[str] = ()) -> None:
    """Make MkDocs' renders of pages through `env` (one build's theme environment) reuse;
    `hooks`: the files of the build's hooks."""
    theme, shared = theme_part(env, hooks), {}
    get_template = env.get_template

    def get_template_reusing(name, parent=None, globals=None):
        template = get_template(name, parent, globals)
        # MkDocs asks by name alone for a page's template; Jinja's includes and extends name a parent.
        return _Reusing(template, name, theme, shared) if parent is None and globals is None else template

    env.get_template = get_template_reusing


def forget() -> None:
    _KEPT.clear()
