"""Hook: publish what the incident record page (docs/what-to-do/record.md) reads: the blank
record as .docx and .odt, which the page fills in in the browser (and links as they are, for use
without JavaScript), and the list of response guides it can start from, what-to-do/guides.json."""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.documents.record import documents
from esafety_portal.incident_record import FOLDER, GUIDES, guides_json


def on_files(files, config):
    content = build_state(config).content
    for name, data in documents(content.site.council).items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=data))
    # The loaded response guides (esafety_portal.guides), as the plain dicts guides_json reads.
    guides = [{"id": g.id, "title": g.title, "order": g.order,
               "steps": [{"id": s.id, "title": s.title, "actor": s.actor} for s in g.steps]}
              for g in content.guides.guides]
    files.append(File.generated(config, GUIDES, content=guides_json(guides)))
    return files
