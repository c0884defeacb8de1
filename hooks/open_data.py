"""Hook: publish the content model as open data under open-data/ (each family's JSON and CSV,
esafety_portal/families.py: exports, and the schemas)."""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.open_data import schema_files

FOLDER = "open-data"


def on_files(files, config):
    build = build_state(config)
    outputs = {**{made.path: made.data for made in build.open_data},
               **schema_files(build.project_dir / "data" / "schema")}
    for name, data in outputs.items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=data))
    return files
