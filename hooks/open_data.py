"""Hook: publish the content model as open data under open-data/ (JSON, CSV and the schemas)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from esafety_portal.open_data import csv_files, json_files, schema_files

FOLDER = "open-data"


def on_files(files, config):
    content = config["esafety_content"]
    schema_dir = Path(config.config_file_path).parent / "data" / "schema"
    outputs = {**json_files(content), **csv_files(content), **schema_files(schema_dir)}
    for name, data in outputs.items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=data))
    return files
