"""Content currency: what is due for review, and how hard each template is to read.
`python -m esafety_portal.review` prints the report."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import checks, clock
from .errors import ContentErrors
from .model import Content, FileMeta

DUE_SOON_DAYS = 60


def status(meta: FileMeta, today: dt.date) -> str:
    if meta.review.overdue(today):
        return "OVERDUE"
    if (meta.review.next_due - today).days <= DUE_SOON_DAYS:
        return "due soon"
    return "ok"


def rows(content: Content, today: dt.date) -> list[tuple[str, str, str, str]]:
    """(file, last reviewed, next due, status), the most urgent first."""
    reviewed = [m for m in content.files.values() if m.review]
    reviewed.sort(key=lambda m: (m.review.next_due, m.file))
    return [(m.file, m.review.last_reviewed.isoformat(), m.review.next_due.isoformat(), status(m, today))
            for m in reviewed]


def overdue_warning(content: Content, today: dt.date) -> str:
    late = content.overdue(today)
    if not late:
        return ""
    listed = "; ".join(f"{m.file} (due {m.review.next_due.isoformat()})" for m in late)
    return (f"WARNING - {len(late)} data file(s) past their review date: {listed}. "
            "Readers see a notice on those pages. Run `make review` for the full report.")


def report(content: Content, today: dt.date) -> str:
    table = rows(content, today)
    width = max(len(r[0]) for r in table)
    lines = [f"Content review report, {today.isoformat()}", "",
             f"{'File':<{width}}  Last reviewed  Next due    Status"]
    lines += [f"{f:<{width}}  {last:<13}  {due:<10}  {state}" for f, last, due, state in table]
    overdue = sum(1 for r in table if r[3] == "OVERDUE")
    lines += ["", f"{overdue} overdue, {sum(1 for r in table if r[3] == 'due soon')} due within {DUE_SOON_DAYS} days, "
              f"{len(table)} files in all."]
    return "\n".join(lines)


def secondary_report(content: Content) -> list[str]:
    """The current items checked only against a secondary copy, the oldest check first: what to
    check against the publisher's own text before publishing."""
    found = checks.secondary_only(content.frameworks)
    lines = ["Items checked only against a secondary copy (oldest check first)", ""]
    if not found:
        return lines + ["None: every current item was checked against the publisher's own text."]
    for fw, item in found:
        record = item.extra.checked
        lines.append(f"{record.date.isoformat()}  {fw.data_file}  {item.id}: {record.section}, in "
                     f"{record.copy_of} ({record.source})")
    refused = " data/site.yml refuses to publish them (refuse_secondary_copies: true)." \
        if content.site.refuse_secondary_copies else ""
    return lines + ["", f"{len(found)} item(s) to check against the publisher's own text.{refused}"]


def example_contacts_report(content: Content) -> list[str]:
    """The county contacts still marked as examples (data/site.yml contacts:, example: true): every
    page showing one says so until the county puts its own number in."""
    found = content.guides.examples() if content.guides else []
    lines = ["County contacts that are still examples (data/site.yml contacts:)", ""]
    if not found:
        return lines + ["None: no county contact is marked as an example."]
    lines += [f"{c.id}: {c.role}, {c.phone or c.email or c.url}" for c in found]
    return lines + ["", f"{len(found)} example contact(s): put in the county's own details and set example: false."]


def main(argv: list[str] | None = None) -> int:
    from .load import load_content

    parser = argparse.ArgumentParser(description="Print the content review report.")
    parser.add_argument("project", nargs="?", default=".")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="report as of this date (YYYY-MM-DD); default: today, or SOURCE_DATE_EPOCH's day")
    args = parser.parse_args(argv)
    try:
        today = args.today or clock.today()
        content = load_content(Path(args.project), today=today, publishing=False)
    except (ContentErrors, clock.ClockError) as errors:
        print(errors.report() if isinstance(errors, ContentErrors) else errors, file=sys.stderr)
        return 1
    print(report(content, today))
    print("\n" + "\n".join(secondary_report(content)))
    print("\n" + "\n".join(example_contacts_report(content)))
    if content.templates:
        from .readability import report as reading_report  # textstat loads only for this report

        print("\n" + "\n".join(reading_report(content.templates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
