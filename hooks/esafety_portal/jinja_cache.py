"""Compiled Jinja templates kept in .cache/jinja/<environment>/ between builds.

Compiling templates (Material's, ours, the Markdown ones) is a large part of a build, and they
rarely change. Jinja's bytecode cache stores each compiled template with a checksum of its
source and a mark of its bytecode format and the Python version, and compiles again whenever
either differs, so an edited template always shows. Each environment has its own folder: a
file compiled under one environment's options (trim_blocks, say) must never be loaded by
another.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

CACHE = Path(".cache") / "jinja"


def bytecode_cache(config, environment: str) -> FileSystemBytecodeCache:
    """The cache for `environment` ("theme", "markdown") of the project whose MkDocs config this is."""
    folder = Path(config["config_file_path"]).parent / CACHE / environment
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
