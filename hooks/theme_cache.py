"""Hook: keep the theme's compiled Jinja templates in .cache/theme-templates/ between builds.

Compiling Material's templates and ours (base.html, main.html and their partials) is a large
part of every build, and they rarely change. Jinja's bytecode cache stores each compiled
template with a checksum of its source and of the Python and Jinja versions, and compiles a
template again whenever its source differs, so an edited override shows on the next build.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

CACHE = Path(".cache") / "theme-templates"


def on_env(env, config, files):
    folder = Path(config.config_file_path).parent / CACHE
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
