"""The one table of data families: for each, its file or folder, its schema, its page and the
kinds of item in it; and the typed links between items. Everything else asks this module."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Family:
    """One family of data: where its files are, the schema they follow, the page that shows it
    (where one fixed page does) and the kind of item an `id` identifies under each list's name."""

    schema: str  # data/schema/<schema>.schema.json
    file: str = ""  # its one data file, relative to data/ ...
    folder: str = ""  # ... or the folder in which every .yml file is one member
    page: str = ""  # the docs page that shows it, if one fixed page does
    kinds: dict = field(default_factory=dict)  # list (or field) name -> kind of the items in it
    optional: bool = False  # a single file the portal can do without (no national contacts yet)


# The one table of families. A framework's items and groups name their own kind, and its file
# says which page shows each kind (frameworks.py); `kinds` here names the framework details'
# lists (data/schema/inspection.schema.json, survey.schema.json).
FAMILIES = (
    Family("site", file="site.yml"),
    Family("organisations", file="organisations.yml", page="organisations.md",
           kinds={"organisations": "organisation"}),
    Family("template", folder="templates", kinds={"sections": "section", "clauses": "clause"}),
    Family("framework", folder="frameworks", kinds={
        "groups": "group", "judgements": "judgement", "smsc": "smsc", "expectation": "expectation",
        "areas": "area", "grades": "grade", "most_effective": "summary", "managed_systems": "explanation",
        "support": "support"}),
    # Response guides (esafety_portal/guides.py): their step ids are the guide's own, so no kinds.
    Family("guide", folder="guides"),
    Family("contacts", file="contacts.yml", optional=True),  # national contacts the guides name
    # The school's year (duties.py): the duties that recur, and the school's own dates they count from.
    Family("duties", file="duties.yml", page="school-year.md",
           kinds={"dates": "school date", "duties": "recurring duty"}),
)
SINGLE_FILES = {f.file: f.schema for f in FAMILIES if f.file}  # data file -> schema
REQUIRED_FILES = [f.file for f in FAMILIES if f.file and not f.optional]  # each must exist
FOLDERS = {f.folder: f.schema for f in FAMILIES if f.folder}
ITEM_KIND = {name: kind for f in FAMILIES for name, kind in f.kinds.items()}
# The page that shows each kind of item of a family with one fixed page.
PAGE_OF_KIND = {kind: f.page for f in FAMILIES if f.page for kind in f.kinds.values()}
# The data file behind each fixed page, for "Edit this page" and review dates.
DATA_OF_PAGE = {f.page: f"data/{f.file}" for f in FAMILIES if f.page and f.file}

# In REFERENCES: any item of any framework in data/frameworks/.
ANY_FRAMEWORK_ITEM = "framework item"

# Fields whose values are ids of other items, and the kinds they may point to (None: any).
REFERENCES = {
    "answers": ("recommendation",),
    "absence_of": ("feature",),
    "probes": ("feature",),
    "responds_to": ("finding",),
    "see_also": None,
    "mentioned_in": None,
    "bodies": ("organisation",),
    "part_of": ("organisation",),
    "document": ("framework",),
    "expectation": ("expectation",),
    "grades": ("grade",),
    "addresses": ("feature", "inadequate", "recommendation", ANY_FRAMEWORK_ITEM),
    "sources": (ANY_FRAMEWORK_ITEM,),  # the items a response guide's step or a recurring duty comes from
    "from": ("school date",),  # the school date a recurring duty counts from
}

# The kinds a framework item's typed links (its links:) may point to; None: any item. Any item of a
# framework with its own generated page counts too, so a new framework's questions may probe its
# own standards; the 2012 and 2010 items keep their kinds.
LINKS = {
    "answers": ("recommendation", ANY_FRAMEWORK_ITEM),
    "absence_of": ("feature", ANY_FRAMEWORK_ITEM),
    "probes": ("feature", ANY_FRAMEWORK_ITEM),
    "responds_to": ("finding", ANY_FRAMEWORK_ITEM),
    "see_also": None,
    "part_of": None,
}

# Every typed link between items, with how it reads forwards (on the item that makes it) and
# backwards (on the item it points to); None where that side is shown some other way. A
# framework's items may use those listed in data/schema/framework.schema.json (links:).
RELATIONS = {
    "answers": ("Answers the 2010 recommendation", "Features that answer it"),
    "probes": ("Probes", "Questions that test it"),
    "absence_of": ("Shows the absence of", "Shown missing by"),
    "responds_to": ("Responds to", "Recommendations responding to it"),
    "see_also": ("See also", "Read alongside"),
    "part_of": ("Part of", "Includes"),
    "mentioned_in": (None, "Organisations named"),
    "addresses": (None, "Template clauses that address it"),
}


def schema_for(relative: Path) -> str | None:
    """The schema name for a data file path relative to data/, or None if it is not content."""
    if relative.parts[0] == "schema":
        return None
    if len(relative.parts) == 1:
        return SINGLE_FILES.get(relative.name)
    return FOLDERS.get(relative.parts[0]) if len(relative.parts) == 2 else None


# The items a current framework item may say it grew out of (its grew_out_of): the crosswalk's rows.
CROSSWALK_KINDS = ("feature", "inadequate", "recommendation")

# How a current framework item carries a historical one forward (framework items' grew_out_of).
CARRIED = {
    "now-required": "now required",
    "strengthened": "strengthened",
    "partly-carried": "partly carried forward",
    "reworded": "the same, reworded",
}
