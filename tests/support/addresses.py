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
