"""Drive the incident record page in Playwright: open it (with guides of our own, if asked), read
what it stores, and catch what it downloads."""
from __future__ import annotations

import json

from esafety_portal.incident_record import GUIDES, guides_json
from support.content_factory import make_content

PATH = "what-to-do/record/"
KEY = "esafety-incident-record"
# Two small guides (the fields the record reads), as the build publishes them: guides_json of the typed
# guides a build makes of them (typed_guides).
GUIDES_DATA = [
    {"id": "shared-nudes", "title": "A pupil has shared nude or semi-nude images", "order": 10,
     "steps": [{"id": "tell-dsl", "title": "Tell the DSL straight away", "actor": "any-staff"},
               {"id": "initial-review", "title": "The DSL's initial review", "actor": "dsl"},
               {"id": "record", "title": "Record what was done", "actor": "dsl"}]},
    {"id": "sextortion", "title": "A pupil is being blackmailed with images", "order": 20,
     "steps": [{"id": "do-not-pay", "title": "Tell them not to pay", "actor": "any-staff"}]},
]


def typed_guides(guides: list[dict]) -> tuple:
    """The typed guides a build makes of `guides` (the rest of each guide's fields filled in)."""
    whole = [{"summary": "A guide.", "for": ["dsl"], **guide,
              "steps": [{"do": "What to do.", **step} for step in guide["steps"]]} for guide in guides]
    return make_content(guides=whole).guides.guides


def serve_guides(context, guides=GUIDES_DATA):
    """Answer the page's request for the guides with `guides`, as a build with them would."""
    body = guides_json(typed_guides(guides))
    context.route(f"**/{GUIDES}", lambda route: route.fulfill(status=200, body=body,
                                                            headers={"Content-Type": "application/json"}))


def field(name: str) -> str:
    return f"#ir\\:field\\:{name}"


def step(step_id: str, part: str) -> str:
    return f"#ir\\:step\\:{step_id}\\:{part}"


def open_record(page, site_url, query: str = ""):
    page.goto(site_url + PATH + query)
    page.locator("#ir\\:export-docx").wait_for(state="visible")
    page.wait_for_load_state("networkidle")  # the guides have arrived, or failed
    return page


def stored(page) -> dict | None:
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return json.loads(raw) if raw else None


def downloaded(page, button: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(button)
    return info.value.suggested_filename, open(info.value.path(), "rb").read()
