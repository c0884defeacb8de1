"""Hook: publish the school's year as files: the default year's calendar (.ics) and the duties as
JSON for the page's script (esafety_portal/school_year.py)."""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.school_year import files as school_year_files


def on_files(files, config):
    for path, data in school_year_files(build_state(config).content).items():
        files.append(File.generated(config, path, content=data))
    return files
