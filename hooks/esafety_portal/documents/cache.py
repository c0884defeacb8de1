"""Make every download, reusing last build's bytes for a template whose outline and generator
code are unchanged. The key is a hash of content, never a timestamp."""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import sys
import zlib
from functools import cache
from pathlib import Path

from ..templates import Template
from .outline import outline
from .pack import FORMATS, PACK_NAME, file_names, pack_zip, template_documents

_CODE = sorted(Path(__file__).parent.glob("*.py"))
_LIBRARIES = ("python-docx", "odfpy", "lxml")  # lxml serialises the Word XML


@cache  # the code cannot change within one process (MkDocs reloads no module between builds)
def _code_digest() -> str:
    digest = hashlib.sha256()
    for path in _CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}=={importlib.metadata.version(name)}\0".encode())
    # zlib compresses every file in the .docx, .odt and .zip; Python's zipfile writes their headers.
    digest.update(f"zlib {zlib.ZLIB_RUNTIME_VERSION}\0python {sys.version}\0".encode())
    return digest.hexdigest()


def content_key(template: Template, author: str) -> str:
    """Changes whenever anything that reaches the documents changes. The outline holds every word,
    label, date and property a document shows (the format writers read nothing else), and the
    code digest covers how they are written: this package and the libraries that write the files."""
    text = repr(outline(template, author)) + _code_digest()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def cached_documents(template: Template, author: str, cache_dir: Path | None) -> dict[str, bytes]:
    if cache_dir is None:
        return template_documents(template, author)
    folder = cache_dir / f"{template.id}-{content_key(template, author)}"
    names = file_names(template.id).values()
    if folder.is_dir() and all((folder / name).is_file() for name in names):
        return {name: (folder / name).read_bytes() for name in names}
    documents = template_documents(template, author)
    _forget_older(cache_dir, template.id, keep=folder.name)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents.items():
        # Write then rename, so a build running at the same time never reads half a file.
        partial = folder / f".{name}.{os.getpid()}"
        partial.write_bytes(data)
        os.replace(partial, folder / name)
    return documents


def _forget_older(cache_dir: Path, template_id: str, keep: str) -> None:
    for stale in cache_dir.glob(f"{template_id}-*"):
        # Only this template's folders: another template's id may start with this one's. Never
        # the current one: a build running at the same time may be writing into it.
        if stale.name == keep or not (stale.is_dir() and stale.name.removeprefix(f"{template_id}-").isalnum()):
            continue
        shutil.rmtree(stale, ignore_errors=True)


def all_documents(templates: list[Template], author: str, cache_dir: Path | None = None) -> dict[str, bytes]:
    """File name -> bytes for every template in every format, plus the pack .zip."""
    documents: dict[str, bytes] = {}
    for template in templates:
        documents.update(cached_documents(template, author, cache_dir))
    if templates:
        documents[PACK_NAME] = pack_zip(documents, templates)
    return documents


__all__ = ["FORMATS", "all_documents", "cached_documents", "content_key"]
