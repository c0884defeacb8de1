"""Which schema governs which data file, and what each list of items is called."""
from __future__ import annotations

from pathlib import Path

# data file (relative to data/) -> schema name in data/schema/<name>.schema.json
SINGLE_FILES = {
    "site.yml": "site",
    "sources.yml": "sources",
    "inspection.yml": "inspection",
    "features.yml": "features",
    "inadequate.yml": "inadequate",
    "questions.yml": "questions",
    "survey.yml": "survey",
    "organisations.yml": "organisations",
}
# Folders where every .yml file is one item of a family.
FOLDERS = {
    "templates": "template",
    "frameworks": "framework",
}

# The kind of item that an `id` inside a list (or a single mapping) of this name identifies.
ITEM_KIND = {
    "documents": "source",
    "judgements": "judgement",
    "smsc": "smsc",
    "expectation": "expectation",
    "themes": "theme",
    "features": "feature",
    "indicators": "inadequate",
    "audiences": "audience",
    "questions": "question",
    "areas": "area",
    "grades": "grade",
    "most_effective": "summary",
    "managed_systems": "explanation",
    "findings": "finding",
    "recommendations": "recommendation",
    "focus_areas": "focus",
    "support": "support",
    "organisations": "organisation",
    "sections": "section",
    "clauses": "clause",
    "groups": "group",  # a framework's groups; a framework's items name their own kind
}

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
    "document": ("source",),
    "expectation": ("expectation",),
    "grades": ("grade",),
    "addresses": ("feature", "inadequate", "recommendation", ANY_FRAMEWORK_ITEM),
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
