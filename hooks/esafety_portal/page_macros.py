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

from . import training_record as training
from .incident_record import DOCUMENT_NAME, FIELDS
from .incident_record import FOLDER as RECORD_FOLDER
from .duties import year_starting as school_year_start
from .framework_review import page_of_review, reviewable
from .model import Content
from .pages import pages_of_data_files, relative_path
from .render import Renderer
from .self_review import framework, page_url


def page_macros(content: Content, renderer: Renderer | None, page: Callable[[], str], docs_dir: Path,
                use_directory_urls: bool = True, open_data_files: Sequence = ()) -> dict[str, Callable[..., str]]:
    """Name -> macro. `page()`: the page being rendered (its src_uri). `renderer` may be None where
    only the names are wanted (make check): no macro is called there. `open_data_files`: every family's
    open data files (open_data.OpenData, the build state's)."""

    def features() -> str:
        """Every feature of good and outstanding practice, by theme (the 2012 briefing's framework file)."""
        return renderer.render("features.md.jinja", page())

    def inadequate_indicators() -> str:
        """Every indicator of inadequate practice (the 2012 briefing's framework file)."""
        return renderer.render("inadequate.md.jinja", page())

    def questions() -> str:
        """Every sample question, by audience (the 2012 briefing's framework file)."""
        return renderer.render("questions.md.jinja", page())

    def inspection_overview() -> str:
        """The key judgements and the SMSC point (the 2012 briefing's inspection: details)."""
        return renderer.render("inspection.md.jinja", page())

    def historical_notice(document: str) -> str:
        """The 'historical document' notice for a framework quoted as a source (data/frameworks/)."""
        return renderer.render("historical_notice.md.jinja", page(), document=document)

    def survey_2010() -> str:
        """The 2010 survey: figures, findings, recommendations (its framework file's items and survey:)."""
        return renderer.render("survey.md.jinja", page())

    def organisations() -> str:
        """Organisations and tools (data/organisations.yml)."""
        return renderer.render("organisations.md.jinja", page())

    def sources() -> str:
        """The source documents: the frameworks whose own entry is on this page (data/frameworks/)."""
        return renderer.render("sources.md.jinja", page())

    def self_review() -> str:
        """The self-review tool and its printable checklist (features, inadequate, questions)."""
        return renderer.render("self_review.md.jinja", page(), framework=framework(content, use_directory_urls))

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
                               relative=lambda src: relative_path(src, page()))

    def current_frameworks() -> str:
        """The frameworks schools must follow now (data/frameworks/*.yml with status: current)."""
        return renderer.render("current_frameworks.md.jinja", page())

    def current_reviews() -> str:
        """Today's self-reviews (data/frameworks/*.yml with a self_review: block), for the home page."""
        return renderer.render("current_reviews.md.jinja", page(), reviews=[
            (fw, relative_path(page_of_review(fw.id), page())) for fw in reviewable(content)])

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
        features, inadequate_indicators, questions, inspection_overview, historical_notice, survey_2010,
        organisations, sources, self_review, incident_record, whats_new, current_frameworks, current_reviews,
        school_year, training_record, open_data, item_link)}
