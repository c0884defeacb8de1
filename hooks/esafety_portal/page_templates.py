"""The sandbox hand-written pages (docs/*.md) render in.

mkdocs-macros renders each page as a full Jinja template, which can reach Python: in its own
environment `{{ self.__init__.__globals__ }}` leads to `os`. Pages are data from anyone who opens a
pull request, so they render instead in Jinja's immutable sandbox that holds the portal's macros,
its typed filters and `site`, and nothing else: no Jinja globals (cycler, lipsum, joiner,
namespace, range), no mkdocs-macros variables (config, page, navigation) or macros, no loader
(so nothing to include), and of attributes only the fields of `site`.

Before a page renders, its template code is read (check_page): a page may call a macro with
literal values, `{{ items("inspecting-e-safety-2012", "feature") }}`, and print a field of `site` through a typed filter,
`{{ site.council | plain }}`. Anything else is refused, naming the page and line.
"""
from __future__ import annotations

import difflib
from dataclasses import fields

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .bounded_memo import BoundedMemo
from .errors import ContentError
from .model import Site

_SITE_FIELDS = frozenset(f.name for f in fields(Site))
_OPERATORS = frozenset(["+", "-", "*", "/", "//", "%", "**"])


class PageTemplate(jinja2.Template):
    def new_context(self, vars=None, shared=False, locals=None):
        # mkdocs-macros passes its variables (config, page, navigation ...) to every render: drop
        # them, so a page sees the environment's globals (macros and site) only.
        return super().new_context(None, shared, locals)


_COMPILED = BoundedMemo(512)  # (page source, filter names, test names) -> compiled code


class PageEnvironment(ImmutableSandboxedEnvironment):
    template_class = PageTemplate
    intercepted_binops = _OPERATORS  # pages do no arithmetic: `9**9**9` must not stall the build
    intercepted_unops = frozenset(["-", "+"])

    def __init__(self, macros: dict, filters: dict, site: Site):
        # The defaults of mkdocs-macros' own environment (no autoescape, the trailing newline
        # dropped), so a page renders exactly as before.
        super().__init__(undefined=jinja2.StrictUndefined)
        self.globals = {**macros, "site": site}
        self.filters = dict(filters)
        self.tests = {}
        self.macro_names = frozenset(macros)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Jinja's compile, kept by the source: mkdocs-macros compiles every page's Markdown again
        on every build, and under `mkdocs serve` most pages are as they were. What else the
        compiled code depends on is the same for every PageEnvironment but the filter and test
        names (an unknown filter is refused while compiling), which are in the key."""
        if name is not None or filename is not None or raw or defer_init or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        key = (source, tuple(sorted(self.filters)), tuple(sorted(self.tests)))
        return _COMPILED.get(key, lambda: super(PageEnvironment, self).compile(source))

    def has_template_code(self, text: str) -> bool:
        return any(mark in text for mark in (self.variable_start_string, self.block_start_string,
                                             self.comment_start_string))

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return isinstance(obj, Site) and attr in _SITE_FIELDS

    def call_binop(self, context, operator, left, right):
        raise SecurityError(f"a page cannot use the operator {operator}")

    def call_unop(self, context, operator, arg):
        raise SecurityError(f"a page cannot use the operator {operator}")


def check_page(env: PageEnvironment, source: str, shown_as: str, first_line: int = 1) -> list[ContentError]:
    """Every piece of template code in a page beyond macro calls and filtered `site` fields.
    `first_line`: the file's line the source starts on (after the front matter)."""
    def line(lineno: int) -> int:
        return first_line + lineno - 1

    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [ContentError(shown_as, line(error.lineno), "", f"the template code is not valid: {error.message}",
                             "check that every {{ has its }} and every {% has its %}")]
    problems = []
    for node in tree.body:
        parts = node.nodes if isinstance(node, nodes.Output) else [node]
        for part in parts:
            if not _allowed(env, part):
                problems.append(_refusal(env, part, source, shown_as, line(part.lineno)))
    return problems


def check_page_file(env: PageEnvironment, source: str, markdown: str, title: str, shown_as: str) -> list[ContentError]:
    """check_page over a page file as MkDocs reads it: `source` the whole file, `markdown` the text
    after its front matter, `title` the page's title (mkdocs-macros renders it too). The build
    (hooks/macros.py) and `make check` (check.py) both call this, so they refuse the same pages."""
    # The front matter is not in `markdown`: count its lines, so each line is the file's own.
    before = source[: len(source) - len(markdown)] if source.endswith(markdown) else ""
    problems = check_page(env, markdown, shown_as, before.count("\n") + 1)
    if env.has_template_code(str(title)):
        title_line = next((n for n, text in enumerate(before.splitlines(), 1) if text.startswith("title:")), 1)
        problems += check_page(env, str(title), shown_as, title_line)
    return problems


def _allowed(env: PageEnvironment, node) -> bool:
    if isinstance(node, (nodes.TemplateData, nodes.Const)):
        return True
    if isinstance(node, nodes.Call):  # a macro, given literal values
        return (isinstance(node.node, nodes.Name) and node.node.name in env.macro_names
                and node.dyn_args is None and node.dyn_kwargs is None
                and all(isinstance(a, nodes.Const) for a in node.args)
                and all(isinstance(k.value, nodes.Const) for k in node.kwargs))
    if isinstance(node, nodes.Filter):  # a site field (or another filter's result) through a filter
        return (node.name in env.filters and node.node is not None
                and node.dyn_args is None and node.dyn_kwargs is None
                and all(isinstance(a, nodes.Const) for a in node.args)
                and all(isinstance(k.value, nodes.Const) for k in node.kwargs)
                and (isinstance(node.node, nodes.Filter) and _allowed(env, node.node) or _site_field(node.node)))
    return False


def _site_field(node) -> bool:
    """site.<field>, or a key of a field that is a group: site.contact.email."""
    chain = []
    while isinstance(node, nodes.Getattr):
        chain.append(node.attr)
        node = node.node
    return (isinstance(node, nodes.Name) and node.name == "site" and chain != []
            and chain[-1] in _SITE_FIELDS and not any(a.startswith("_") for a in chain))


def _refusal(env: PageEnvironment, node, source: str, shown_as: str, line: int) -> ContentError:
    allowed = ", ".join(f"{name}()" for name in sorted(env.macro_names))
    fix = (f"a page may call the portal's macros with plain values ({allowed}) and print a field of "
           "site through a filter (" + ", ".join(sorted(env.filters)) + "), such as {{ site.council | plain }}")
    known = env.macro_names | {"site"}
    unknown = [n.name for n in node.find_all(nodes.Name) if n.ctx == "load" and n.name not in known]
    if isinstance(node, nodes.Name):
        unknown.insert(0, node.name)
    if unknown:
        close = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        return ContentError(shown_as, line, "", f"'{unknown[0]}' is not a macro or value pages can use",
                            hint + fix)
    if _site_field(node):
        return ContentError(shown_as, line, "", "a field of site is printed without a filter", fix)
    text = source.splitlines()[node.lineno - 1].strip() if node.lineno <= len(source.splitlines()) else ""
    return ContentError(shown_as, line, "", f"this template code is more than a page may do: {text[:80]}", fix)


def report(problems: list[ContentError]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"The template code in the pages has {count} {noun}. Nothing was published.", ""]
    return "\n".join(lines + [f"  {problem}" for problem in sorted(set(problems))])
