"""The published address of every kind of 2012/2010 item and of the organisations: schools have
linked to these and saved answers keyed on them, so they are fixed here, in the tests, and not
read from the code or data under test (the framework files' `kinds:` say the same)."""
from __future__ import annotations

PAGE_OF_KIND = {
    "judgement": "inspection/index.md",
    "smsc": "inspection/index.md",
    "expectation": "inspection/questions.md",
    "theme": "inspection/features.md",
    "feature": "inspection/features.md",
    "inadequate": "inspection/inadequate.md",
    "audience": "inspection/questions.md",
    "question": "inspection/questions.md",
    "area": "survey-2010.md",
    "grade": "survey-2010.md",
    "summary": "survey-2010.md",
    "explanation": "survey-2010.md",
    "finding": "survey-2010.md",
    "recommendation": "survey-2010.md",
    "focus": "survey-2010.md",
    "support": "survey-2010.md",
    "organisation": "organisations.md",
}
# The two documents' own anchors, on the About page's list of sources.
PAGE_OF_ID = {
    "inspecting-e-safety-2012": "about.md",
    "safe-use-of-new-technologies-2010": "about.md",
}

# The files the 2012 briefing and the 2010 survey live in, each one framework.
F12 = "data/frameworks/inspecting-e-safety-2012.yml"
F10 = "data/frameworks/safe-use-of-new-technologies-2010.yml"


def fixed_page(content, item_id: str, kind: str) -> str | None:
    """The page an item's address is fixed to: a 2012 or 2010 item's, or an organisation's. None
    for the items of any other framework (a new one may use the same kinds, such as question):
    they are on their framework's own page."""
    elsewhere = {i.id for fw in content.frameworks if fw.data_file not in (F12, F10) for i in fw.items}
    if item_id in elsewhere:
        return None
    return PAGE_OF_ID.get(item_id) or PAGE_OF_KIND.get(kind)
