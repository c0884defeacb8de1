"""Check every data file, and the template code in every page, without building the site:
`python -m esafety_portal.check`.

Prints each problem as `file:line: path: what is wrong — how to fix it` and exits 1,
or prints a one-line summary and exits 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

from .checkout import refuse_untrusted
from .clock import ClockError
from .errors import ContentError, ContentErrors, in_github_actions
from .load import load_content
from .page_macros import page_macros
from .page_templates import PageEnvironment, check_page_file, report
from .values import FILTERS


def page_problems(project: Path) -> list[ContentError]:
    """The template code of every page in docs/, checked as the build checks each page it renders
    (hooks/macros.py), with the same macros and filters allowed."""
    docs = project / "docs"
    # Only the macros' names are wanted: none is called, so they need no content or renderer.
    names = page_macros(None, None, lambda: "", docs)
    env = PageEnvironment(names, FILTERS, None)
    problems = []
    for path in sorted(docs.rglob("*.md")):
        shown_as = path.relative_to(project).as_posix()
        try:
            source = path.read_text("utf-8-sig")  # as MkDocs reads a page
        except UnicodeDecodeError:
            problems.append(ContentError(shown_as, 1, "", "the page is not UTF-8 text", "save it as UTF-8"))
            continue
        markdown, meta = get_data(source)
        if meta.get("render_macros") is False:
            continue
        problems += check_page_file(env, source, markdown, meta.get("title", ""), shown_as)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    project = Path(args.project)
    try:
        refuse_untrusted(project)  # links and tracked outputs, before anything is read
    except ContentErrors as errors:
        return _refuse(errors.errors, errors.report())
    pages = page_problems(project)  # reported with the data's problems, whichever fails
    try:
        content = load_content(project)
    except ContentErrors as errors:
        if pages:
            print(report(pages), file=sys.stderr)
        return _refuse(errors.errors + pages, errors.report())
    except ClockError as error:
        print(error, file=sys.stderr)
        return 1
    if pages:
        return _refuse(pages, report(pages))
    print(f"All data is valid: {len(content.all_items())} items in {len(content.files)} files.")
    return 0


def _refuse(problems: list[ContentError], text: str) -> int:
    if in_github_actions():
        print("\n".join(problem.github_annotation() for problem in problems))
    print(text, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
