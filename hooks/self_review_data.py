"""Hook: publish the self-review framework (every item a school rates) as JSON for the
self-review page's script, built from the same content model as the pages."""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.self_review import framework_json

PATH = "assets/self-review/framework.json"


def on_files(files, config):
    build = build_state(config)
    data = framework_json(build.content, build.use_directory_urls)
    files.append(File.generated(config, PATH, content=data))
    return files
