"""Hook: publish what the incident record page (docs/what-to-do/record.md) reads: the blank
record as .docx and .odt, which the page fills in in the browser (and links as they are, for use
without JavaScript), and the list of response guides it can start from, what-to-do/guides.json."""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.documents.record import documents
from esafety_portal.incident_record import FOLDER, GUIDES, guides_json


def on_files(files, config):
    content = config["esafety_content"]
    for name, data in documents(content.site.council).items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=data))
    # The response guides as plain dicts of data/schema/guide.schema.json; none until the guides
    # family is loaded into the content model (issue 23), when it is wired in here.
    guides: list[dict] = []
    files.append(File.generated(config, GUIDES, content=guides_json(guides)))
    return files
