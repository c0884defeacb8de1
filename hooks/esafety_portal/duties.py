"""The school's year (data/duties.yml): the duties that recur, the school's own dates they count
from, the checks their schema cannot say, and the default year they fall in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import ContentError
from .yaml_loader import line_of

SCHEMA = "duties"
FIRST_MONTH = 9  # a school year runs from September to August


def every(months: int) -> str:
    """How often, in words: every year, every 2 years, every 6 months."""
    if months % 12 == 0:
        return "every year" if months == 12 else f"every {months // 12} years"
    return "every month" if months == 1 else f"every {months} months"


@dataclass(frozen=True)
class SchoolDate:
    id: str
    label: str


@dataclass(frozen=True)
class Duty:
    id: str
    title: str
    what: str
    who: str
    interval_months: int
    sources: tuple[str, ...]
    usual_month: int | None = None
    counts_from: str = ""  # the id of a SchoolDate, or "" for a duty fixed in its usual month

    @property
    def every(self) -> str:
        return every(self.interval_months)


@dataclass(frozen=True)
class Training:
    """Training a role has: a duty's (its id, interval and sources), or, where the guidance we cite
    sets no interval, its own id, title and sources with interval_months None."""
    id: str
    title: str
    sources: tuple[str, ...]
    interval_months: int | None = None

    @property
    def every(self) -> str:
        return every(self.interval_months) if self.interval_months else ""


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    training: tuple[Training, ...]


@dataclass(frozen=True)
class SchoolYear:
    dates: tuple[SchoolDate, ...]
    duties: tuple[Duty, ...]
    roles: tuple[Role, ...] = ()

    def months(self):
        """(month number, the duties usually in it) from September to August."""
        order = [(FIRST_MONTH - 1 + n) % 12 + 1 for n in range(12)]
        return [(month, [d for d in self.duties if d.usual_month == month]) for month in order]

    def unplaced(self) -> list[Duty]:
        """The duties with no usual month: they fall when the school's own date says."""
        return [d for d in self.duties if d.usual_month is None]

    def date_label(self, date_id: str) -> str:
        return next(d.label for d in self.dates if d.id == date_id)


def regular(months: int) -> bool:
    """An interval that falls in the same months every year or every few years (RRULE fits it)."""
    return 12 % months == 0 or months % 12 == 0


def family_rules(checked) -> list[ContentError]:
    """The school year's own rules (families.py)."""
    return check_duties(checked.valid)


def check_duties(files) -> list[ContentError]:
    """What duties.schema.json cannot say: an interval that keeps to the calendar, and a usual
    month for a duty that counts from no date of the school's."""
    errors = []
    for f in files:
        if f.schema != SCHEMA:
            continue
        for index, duty in enumerate(f.data["duties"]):
            months = duty["interval_months"]
            if not regular(months):
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, ["duties", index, "interval_months"]),
                    f"duties[{index}].interval_months",
                    f"{months} months does not come round in the same months each year",
                    "use the interval the duty's source states: 12 for every year, 24 for every two years, "
                    "or 1, 2, 3, 4 or 6 months"))
            if "from" not in duty and "usual_month" not in duty:
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, ["duties", index]), f"duties[{index}]",
                    "has neither a usual month nor a date it counts from, so it never falls due",
                    "add usual_month: (1 to 12), or from: with the id of one of the dates listed under dates:"))
    return errors


def build_school_year(files, metas) -> SchoolYear:  # metas: as every builder (families.Family.build)
    data = next((f.data for f in files if f.schema == SCHEMA), None)
    if data is None:
        return SchoolYear((), ())
    duties = tuple(Duty(d["id"], d["title"], d["what"], d["who"], d["interval_months"], tuple(d["sources"]),
                        d.get("usual_month"), d.get("from", "")) for d in data["duties"])
    by_id = {d.id: d for d in duties}

    def training(entry) -> Training:
        if "duty" in entry:  # a reference the rules have checked
            duty = by_id[entry["duty"]]
            return Training(duty.id, duty.title, duty.sources, duty.interval_months)
        return Training(entry["id"], entry["title"], tuple(entry["sources"]))

    return SchoolYear(
        tuple(SchoolDate(d["id"], d["label"]) for d in data["dates"]), duties,
        tuple(Role(r["id"], r["label"], tuple(training(t) for t in r["training"])) for r in data.get("roles", ())),
    )


def year_starting(today: dt.date) -> int:
    """The calendar year in which the school year holding `today` began (in September)."""
    return today.year if today.month >= FIRST_MONTH else today.year - 1


def default_date(duty: Duty, start_year: int) -> dt.date:
    """The first day of the duty's usual month in the school year that begins in `start_year`."""
    return dt.date(start_year if duty.usual_month >= FIRST_MONTH else start_year + 1, duty.usual_month, 1)
