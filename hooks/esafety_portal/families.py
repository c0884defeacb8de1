"""The one registry of data families: for each, its file or folder, its schema, the kinds of item
and the reference fields it owns, its builder, its pages and its open data; and the typed links
between items. The loader, the rules, the pages, the nav and the open data loop over FAMILIES.

Behaviour is named, not imported ("module:function" in this package, resolved by registry.py at
build time), so this module stays at the bottom of the package and nothing registers itself."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# In a family's references: any item of any framework in data/frameworks/.
ANY_FRAMEWORK_ITEM = "framework item"


@dataclass(frozen=True)
class Family:
    """One family of data. Only `schema` and where its files are are needed: a family with no
    builder keeps its validated data and publishes it as open data, and one with a `template`
    gets a generated `page`."""

    schema: str  # data/schema/<schema>.schema.json
    file: str = ""  # its one data file, relative to data/ ...
    folder: str = ""  # ... or the folder in which every .yml file is one member
    page: str = ""  # the docs page that shows it, if one fixed page does
    # Kinds of its items that another fixed page shows (kind -> docs page), which then also gets
    # the family's edit link and review dates.
    kind_pages: dict = field(default_factory=dict)
    kinds: dict = field(default_factory=dict)  # list (or field) name -> kind of the items in it
    optional: bool = False  # a single file the portal can do without
    # Fields of this family's files whose values are ids of other items -> the kinds they may
    # point to (None: any). Only this family's files are read for them.
    references: dict = field(default_factory=dict)
    own_kind: str = ""  # the kind of the id at the top of each of its files, if they have one
    name: str = ""  # its name in the content model (content.families) and nav; default: schema
    title: str = ""  # its section in the menu (and its open data's title); default: its name
    # "module:function"(files, metas) -> its typed objects, given every checked file (it takes its own
    # by schema, and may read another family's, as the templates' builder does); "" keeps its data.
    build: str = ""
    template: str = ""  # overrides/markdown/<template>, which makes `page` (a generated page) from its data
    pages: str = "generated_pages:family_pages"  # "module:function"(build, family) -> [PageSpec | Asset]
    # "module:function"(content, family) -> [OpenData]; "": none. The default publishes a family's
    # validated data as <name>.json (a family with a builder names its own exports).
    exports: str = "open_data:family_json"
    # "module:function"(checked: rules.Checked) -> [ContentError]: the family's own rules, beyond its
    # schema and the rules every family keeps (references, dates, values, check records, ids).
    rules: tuple = ()

    @property
    def key(self) -> str:
        return self.name or self.schema

    @property
    def heading(self) -> str:
        return self.title or self.key.replace("-", " ").replace("_", " ").capitalize()


# The one table of families. A framework's items and groups name their own kind, and its file
# says which page shows each kind (frameworks.py); `kinds` here names the framework details'
# lists (data/schema/inspection.schema.json, survey.schema.json).
FAMILIES = (
    Family("site", file="site.yml", build="load:build_site", exports=""),
    Family("organisations", file="organisations.yml", page="organisations.md",
           kinds={"organisations": "organisation"},
           references={"mentioned_in": None, "part_of": ("organisation",)},
           build="load:build_organisations", exports="open_data:organisations_json"),
    Family("template", folder="templates", kinds={"sections": "section", "clauses": "clause"},
           references={"addresses": ("feature", "inadequate", "recommendation", ANY_FRAMEWORK_ITEM)},
           own_kind="template", name="templates", title="Templates", build="templates:build_templates",
           pages="template_pages:pages", exports="", rules=("templates:family_rules", "since_previous:template_rules")),
    Family("framework", folder="frameworks", kinds={
        "groups": "group", "judgements": "judgement", "smsc": "smsc", "expectation": "expectation",
        "areas": "area", "grades": "grade", "most_effective": "summary", "managed_systems": "explanation",
        "support": "support"},
        references={"answers": ("recommendation",), "absence_of": ("feature",), "probes": ("feature",),
                    "responds_to": ("finding",), "see_also": None, "bodies": ("organisation",),
                    "document": ("framework",), "expectation": ("expectation",), "grades": ("grade",)},
        own_kind="framework", name="frameworks", title="Frameworks", build="frameworks:build_frameworks",
        pages="framework_pages:pages", exports="open_data:framework_exports", rules=("frameworks:family_rules",
                                                                           "since_previous:framework_rules")),
    # Response guides (esafety_portal/guides.py, which also reads the contacts): their step ids are the
    # guide's own, so no kinds.
    Family("guide", folder="guides", references={"sources": (ANY_FRAMEWORK_ITEM,)}, name="guides",
           title="What to do", build="guides:build_guides", pages="guide_pages:pages",
           exports="open_data:typed_json", rules=("guides:family_rules",)),
    Family("contacts", file="contacts.yml", optional=True, title="National contacts"),  # that the guides name
    # The school's year (duties.py): the duties that recur, and the school's own dates they count from.
    # Its roles and their training are the training record's (training_record.py).
    Family("duties", file="duties.yml", optional=True, page="school-year.md",
           kinds={"dates": "school date", "duties": "recurring duty", "roles": "training role",
                  "training": "training"},
           kind_pages={"training role": "training-record.md", "training": "training-record.md"},
           references={"sources": (ANY_FRAMEWORK_ITEM,), "from": ("school date",), "duty": ("recurring duty",)},
           name="school_year", title="The school's year", build="duties:build_school_year", pages="school_year:pages",
           exports="open_data:typed_json", rules=("duties:family_rules",)),
)
SINGLE_FILES = {f.file: f.schema for f in FAMILIES if f.file}  # data file -> schema
REQUIRED_FILES = [f.file for f in FAMILIES if f.file and not f.optional]  # each must exist
FOLDERS = {f.folder: f.schema for f in FAMILIES if f.folder}


def pages_of_kinds(families=FAMILIES) -> dict[str, str]:
    """The fixed page that shows each kind of item of a family with fixed pages."""
    return {kind: f.kind_pages.get(kind, f.page) for f in families if f.page for kind in f.kinds.values()}


def data_of_fixed_pages(families=FAMILIES) -> dict[str, str]:
    """The data file behind each fixed page, for "Edit this page" and review dates."""
    return {page: f"data/{f.file}" for f in families if f.file for page in (f.page, *f.kind_pages.values()) if page}


PAGE_OF_KIND = pages_of_kinds()
DATA_OF_PAGE = data_of_fixed_pages()


def family_of(schema: str) -> Family | None:
    """The family whose files follow data/schema/<schema>.schema.json, if any."""
    return next((f for f in FAMILIES if f.schema == schema), None)


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
