"""Compiled Jinja templates kept in memory for the life of the process.

Compiling templates (Material's, ours, the Markdown ones) is a large part of a build, and they
rarely change: one build makes several environments over the same Markdown templates, and
`mkdocs serve` makes them all again on every rebuild. Each compiled template is kept with a hash
of its source, and compiled again whenever that differs, so an edited template always shows.

Nothing is kept on disk. Jinja's on-disk cache reads its files back with pickle and marshal, which
run whatever code a file holds, and a file under .cache/ can come from a pull request. Each
environment has its own store: a template compiled under one environment's options
(trim_blocks, say) must never be used by another.
"""
from __future__ import annotations

from pathlib import Path

from jinja2.bccache import BytecodeCache, Bucket

# (project folder, environment) -> template key -> (hash of the source, compiled code)
_STORES: dict[tuple[str, str], dict[str, tuple[str, object]]] = {}


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self, store: dict[str, tuple[str, object]]):
        self.store = store

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.store.get(bucket.key, (None, None))
        if checksum == bucket.checksum:  # else Jinja compiles the source and calls dump_bytecode
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = (bucket.checksum, bucket.code)


def bytecode_cache(config, environment: str) -> MemoryBytecodeCache:
    """The cache for `environment` ("theme", "markdown") of the project whose MkDocs config this is."""
    project = str(Path(config["config_file_path"]).parent.resolve())
    return MemoryBytecodeCache(_STORES.setdefault((project, environment), {}))
