"""Render functions: content model in, Markdown out, through templates in overrides/markdown/.

Python gathers and orders the data; the templates hold the markup.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from . import clock
from .families import RELATIONS
from .model import Content
from .pages import page_of, relative_url
from .values import FILTERS, check_id, plain


class Renderer:
    def __init__(self, content: Content, templates_dir: Path, today: dt.date | None = None,
                 bytecode_cache: jinja2.BytecodeCache | None = None):
        self.content = content
        self.today = today or clock.today()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown out: each value goes through the filter of its kind (values.FILTERS)
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=bytecode_cache,  # jinja_cache.bytecode_cache(config, "markdown") in a build
        )
        self.env.filters.update(FILTERS)
        self.env.filters["long_date"] = long_date
        self.env.globals["month_name"] = lambda month: f"{dt.date(2000, month, 1):%B}"
        # A crosswalk row, paired with the side of it a page links to.
        self.env.filters["crosswalk_current"] = lambda mapping: (mapping.current, mapping)
        self.env.filters["crosswalk_historical"] = lambda mapping: (mapping.historical, mapping)
        self.env.filters["indent_block"] = lambda text, n=4: ("\n" + " " * n).join(str(text).splitlines())

    def render(self, template: str, page: str, **context) -> str:
        """Render `template` for the docs page `page` (its path decides relative links)."""
        def link(item_id: str, text: str | None = None) -> str:
            return f"[{plain(text or label(item_id))}]({url(item_id)})"

        def url(item_id: str) -> str:
            return relative_url(page_of(self.content, item_id), check_id(item_id), page)

        def label(item_id: str) -> str:
            thing = self.content.get(item_id) if self.content.has(item_id) else None
            return getattr(thing, "heading", None) or getattr(thing, "label", None) or getattr(thing, "title", item_id)

        return self.env.get_template(template).render(
            content=self.content, site=self.content.site, today=self.today, relations=RELATIONS,
            link=link, url=url, label=label, **context,
        )


def long_date(value) -> str:
    """24 November 2026 (or April 2009 for a month), as GOV.UK writes dates."""
    if isinstance(value, str):
        if len(value) == 7:
            return f"{dt.datetime.strptime(value, '%Y-%m'):%B %Y}"
        value = dt.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"
