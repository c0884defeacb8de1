"""The macros hand-written pages (docs/*.md) may call, by name: the one list of them.

hooks/macros.py registers these with mkdocs-macros for the build; `make check`
(esafety_portal.check) takes their names from here too, so that the pages' template-code check
(page_templates.check_page) allows the same macros in both and one never passes what the other
refuses. Each macro only calls a render function; nothing runs until a page calls it.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import training_record as training
from .incident_record import DOCUMENT_NAME, FIELDS
from .incident_record import FOLDER as RECORD_FOLDER
from .duties import year_starting as school_year_start
from .framework_review import page_of_review, reviewable
from .model import Content
from .pages import pages_of_data_files, relative_path
from .render import Renderer
from .self_review import checklist_words, hand_written, page_url, review, words
from .what_changed import change_lists

# The parts of frameworks' details a page can show (overrides/markdown/details/<name>.md.jinja).
DETAILS_SHOWN = ("inspection", "inspection.expectation", "survey", "survey.support")


def page_macros(content: Content, renderer: Renderer | None, page: Callable[[], str], docs_dir: Path,
                use_directory_urls: bool = True, open_data_files: Sequence = ()) -> dict[str, Callable[..., str]]:
    """Name -> macro. `page()`: the page being rendered (its src_uri). `renderer` may be None where
    only the names are wanted (make check): no macro is called there. `open_data_files`: every family's
    open data files (open_data.OpenData, the build state's)."""

    def placed_framework(call: str, framework_id: str):
        """The framework a page's macro call names, or a message for the page's editor."""
        found = content.get(framework_id) if content.has(framework_id) else None
        if found not in content.frameworks:
            raise PluginError(f"docs/{page()}: {call} names '{framework_id}', which is not a framework — use the id "
                              "of a file in data/frameworks/, such as "
                              + ", ".join(fw.id for fw in content.frameworks if fw.page)[:200])
        return found

    def items(framework: str, kind: str, level: int = 2) -> str:
        """A framework's items of `kind`, by group if they have one, as its file's kinds: says (their
        intro, how they show); `level`: the headings' level where they sit under no group."""
        call = f"items({framework!r}, {kind!r})"
        fw = placed_framework(call, framework)
        if fw.kinds.get(kind) is None or fw.kinds[kind].page != page():
            raise PluginError(f"docs/{page()}: {call}: {fw.data_file} does not place its {kind} items on this page — "
                              f"add '{kind}:' with 'page: {page()}' under kinds: there, or call items() on the page "
                              "it names")
        if level not in (2, 3, 4):
            raise PluginError(f"docs/{page()}: {call}: level {level!r} is not a heading level items can take — "
                              "use 2, 3 or 4")
        return renderer.render("items.md.jinja", page(), fw=fw, kind=kind, level=level)

    def details(framework: str, name: str) -> str:
        """A part of a framework's details (frameworks.DETAILS), such as its survey's figures: `name`
        is a details block, or block.part for a part shown on its own (overrides/markdown/details/)."""
        call = f"details({framework!r}, {name!r})"
        fw = placed_framework(call, framework)
        block = name.split(".")[0]
        if block not in fw.details or name not in DETAILS_SHOWN:
            shown = ", ".join(n for n in DETAILS_SHOWN if n.split(".")[0] in fw.details) or "(it has none)"
            raise PluginError(f"docs/{page()}: {call}: {fw.data_file} has no details '{name}' to show — use one "
                              f"of: {shown}")
        return renderer.render(f"details/{name}.md.jinja", page(), fw=fw, details=fw.details[block])

    def historical_notice(document: str) -> str:
        """The 'historical document' notice for a framework quoted as a source (data/frameworks/)."""
        return renderer.render("historical_notice.md.jinja", page(), document=document)

    def organisations() -> str:
        """Organisations and tools (data/organisations.yml)."""
        return renderer.render("organisations.md.jinja", page())

    def sources() -> str:
        """The source documents: the frameworks whose own entry is on this page (data/frameworks/)."""
        return renderer.render("sources.md.jinja", page())

    def self_review() -> str:
        """The self-review tool and the printable checklist of the framework whose self_review: page:
        names this page (indicators, features by theme, questions)."""
        fw = hand_written(content, page())
        if fw is None:
            raise PluginError(f"docs/{page()}: self_review() shows the self-review of the framework whose file names "
                              f"this page, but none does — add 'page: {page()}' under self_review: in that framework's "
                              "file in data/frameworks/, or remove the call")
        data = review(content, fw, use_directory_urls)
        return renderer.render("self_review.md.jinja", page(), framework=data, fw=fw, words=words(fw, data),
                               checklist=checklist_words(fw, data))

    def incident_record() -> str:
        """The incident record's form, its printed record and its blank downloads (incident_record.FIELDS)."""
        blank = blanks(RECORD_FOLDER, DOCUMENT_NAME)
        return renderer.render("incident_record.html.jinja", page(), fields=FIELDS,
                               blank_docx=blank["docx"], blank_odt=blank["odt"])

    def blanks(folder: str, name: str) -> dict[str, str]:
        """A blank record's .docx and .odt addresses, relative to the page being rendered."""
        here = posixpath.dirname(page_url(page(), use_directory_urls))
        return {extension: posixpath.relpath(f"{folder}/{name}.{extension}", here or ".") for extension in ("docx", "odt")}

    def whats_new() -> str:
        """Every dated change to the content, newest first (the `changes` of every data file)."""
        return renderer.render("whats-new.md.jinja", page(), pages=pages_of_data_files(content, docs_dir),
                               editions=change_lists(content), relative=lambda src: relative_path(src, page()))

    def current_frameworks() -> str:
        """The frameworks schools must follow now (data/frameworks/*.yml with status: current)."""
        return renderer.render("current_frameworks.md.jinja", page())

    def current_reviews() -> str:
        """Today's self-reviews (data/frameworks/*.yml with a self_review: block), for the home page."""
        return renderer.render("current_reviews.md.jinja", page(), reviews=[
            (fw, relative_path(page_of_review(fw), page())) for fw in reviewable(content)])

    def school_year() -> str:
        """The duties that recur, month by month, and the form for a school's own dates (data/duties.yml)."""
        return renderer.render("school_year.md.jinja", page(), year=school_year_start(renderer.today))

    def training_record() -> str:
        """The roles and the training each asks for, and the record of a school's people (data/duties.yml: roles)."""
        blank = blanks(training.FOLDER, training.DOCUMENT_NAME)
        return renderer.render("training_record.md.jinja", page(), fields=training.FIELDS,
                               blank_docx=blank["docx"], blank_odt=blank["odt"])

    def open_data(format: str) -> str:
        """Every open data file of `format` (csv, json), each family's (esafety_portal/families.py: exports)."""
        return renderer.render("open_data.md.jinja", page(), files=[f for f in open_data_files if f.format == format],
                               relative=lambda src: relative_path(src, page()))

    def item_link(item_id: str, text: str | None = None) -> str:
        """A link to any item by its id, checked at build time."""
        return renderer.render("link.md.jinja", page(), item_id=item_id, text=text).strip()

    return {macro.__name__: macro for macro in (
        items, details, historical_notice,
        organisations, sources, self_review, incident_record, whats_new, current_frameworks, current_reviews,
        school_year, training_record, open_data, item_link)}
