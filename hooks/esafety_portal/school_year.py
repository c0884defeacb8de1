"""The school's year as files the site publishes: the default year as a calendar file (.ics) and
the duties as JSON for the page's script, which works out a school's own due dates."""
from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

from . import clock, ics, training_record
from .duties import default_date, year_starting
from .pages import page_of, relative_url

FOLDER = "school-year"
CALENDAR = "default-year.ics"
DUTIES_JSON = "duties.json"
PRODUCT = "-//esafety-portal//School year//EN"
PAGE = "school-year.md"


def uid_host(content) -> str:
    """The domain every event's UID ends in: the portal's own, so no other calendar's clash."""
    return urlsplit(content.site.site_url).hostname or "esafety-portal.invalid"


def source_titles(content, duty) -> str:
    return "; ".join(content.get(source).heading for source in duty.sources)


def description(content, duty) -> str:
    return f"{duty.what}\n\nWho: {duty.who}\nHow often: {duty.every}\nSource: {source_titles(content, duty)}"


def default_events(content, today: dt.date) -> list[ics.Event]:
    """Each duty with a usual month, on the first of that month in the school year holding `today`."""
    start, host = year_starting(today), uid_host(content)
    return [ics.Event(f"{duty.id}-default@{host}", default_date(duty, start), duty.title,
                      description(content, duty), duty.interval_months)
            for duty in content.school_year.duties if duty.usual_month]


def default_calendar(content, today: dt.date | None = None) -> bytes:
    """The default year's .ics. DTSTAMP is the build's day (clock.today, pinned by
    SOURCE_DATE_EPOCH), so the same data on the same day gives the same bytes."""
    today = today or clock.today()
    stamp = dt.datetime.combine(today, dt.time(0, 0))
    return ics.calendar(f"{content.site.short_name}: the school's year", default_events(content, today),
                        stamp, PRODUCT)


def sources_json(content, sources, page: str) -> list[dict]:
    return [{"id": s, "title": content.get(s).heading, "href": relative_url(page_of(content, s), s, page)}
            for s in sources]


def duties_json(content) -> bytes:
    """What the page's script needs to work out a school's own dates and calendar."""
    page = f"{FOLDER}/{DUTIES_JSON}"
    data = {
        "calendar_name": f"{content.site.short_name}: the school's year",
        "uid_host": uid_host(content),
        "product": PRODUCT,
        "dates": [{"id": d.id, "label": d.label} for d in content.school_year.dates],
        "duties": [{"id": d.id, "title": d.title, "who": d.who, "interval_months": d.interval_months,
                    "usual_month": d.usual_month, "from": d.counts_from,
                    "description": description(content, d),
                    "sources": sources_json(content, d.sources, page)}
                   for d in content.school_year.duties],
        # The training record's roles (training-record.js): each training's interval is its duty's,
        # or null where the guidance we cite sets none.
        "roles": [{"id": r.id, "label": r.label,
                   "training": [{"id": t.id, "title": t.title, "interval_months": t.interval_months,
                                 "sources": sources_json(content, t.sources, page)} for t in r.training]}
                  for r in content.school_year.roles],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def files(content, today: dt.date | None = None) -> dict[str, bytes]:
    """Path under the site -> bytes (none for a site with no duties.yml, whose year has no duties)."""
    if content.school_year is None or not content.school_year.duties:
        return {}
    return {f"{FOLDER}/{CALENDAR}": default_calendar(content, today), f"{FOLDER}/{DUTIES_JSON}": duties_json(content)}


def pages(build, family) -> list:
    """The school year family's pages (families.FAMILIES: pages): its page is hand-written
    (docs/school-year.md); the files beside it are the default calendar and the duties' JSON, and
    beside the training record's page (docs/training-record.md), its blank documents."""
    from .generated_pages import Asset

    return [Asset(path, data) for path, data in {**files(build.content), **training_record.files(build.content)}.items()]
