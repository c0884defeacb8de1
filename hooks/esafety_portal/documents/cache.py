"""Make every download, reusing last build's bytes for a template whose outline and generator
code are unchanged. The key is a hash of content, never a timestamp.

An entry is only used if it checks: its folder is named for the key, its record (key.json)
names the same key and the hash of each file, and every file is a plain file (never a link)
with that hash. Anything else (a half-written entry, an edited or planted file) is made again.
The record cannot tell our bytes from a forger's who writes it too: what keeps anyone else
from writing .cache/ is that the build refuses a tracked file there (output_folders.py).
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import zlib
from functools import cache
from pathlib import Path

from ..templates import Template
from ..values import check_id
from .outline import outline
from .pack import FORMATS, PACK_NAME, file_names, pack_zip, template_documents

_CODE = sorted(Path(__file__).parent.glob("*.py"))
_LIBRARIES = ("python-docx", "odfpy", "lxml")  # lxml serialises the Word XML
RECORD = "key.json"  # in each entry: its key and the hash of each file


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
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_documents(template: Template, author: str, cache_dir: Path | None) -> dict[str, bytes]:
    if cache_dir is None:
        return template_documents(template, author)
    key = content_key(template, author)
    folder = cache_dir / f"{check_id(template.id)}-{key}"
    names = sorted(file_names(template.id).values())
    cached = _checked_entry(folder, key, names)
    if cached is not None:
        return cached
    documents = template_documents(template, author)
    _forget_older(cache_dir, template.id, keep=folder.name)
    folder.mkdir(parents=True, exist_ok=True)
    record = {"key": key, "files": {name: _sha256(data) for name, data in sorted(documents.items())}}
    # Each file, then the record last, written then renamed: a build running at the same time, or
    # one stopped half-way, never finds a record for files that are not all there.
    for name, data in [*documents.items(), (RECORD, json.dumps(record, indent=1).encode())]:
        partial = folder / f".{name}.{os.getpid()}"
        partial.write_bytes(data)
        os.replace(partial, folder / name)
    return documents


def _checked_entry(folder: Path, key: str, names: list[str]) -> dict[str, bytes] | None:
    """The entry's files, if its record names `key` and every file has the hash the record gives."""
    if not _plain(folder, directory=True) or not _plain(folder / RECORD):
        return None
    try:
        record = json.loads((folder / RECORD).read_bytes())
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("files"), dict) \
            or sorted(record["files"]) != names:
        return None
    documents = {}
    for name in names:
        if not _plain(folder / name):
            return None
        data = (folder / name).read_bytes()
        if _sha256(data) != record["files"][name]:
            return None
        documents[name] = data
    return documents


def _plain(path: Path, directory: bool = False) -> bool:
    """A real file (or folder) here, not a symbolic link to one elsewhere."""
    return not path.is_symlink() and (path.is_dir() if directory else path.is_file())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _forget_older(cache_dir: Path, template_id: str, keep: str) -> None:
    for stale in cache_dir.glob(f"{template_id}-*"):
        if not stale.name.removeprefix(f"{template_id}-").isalnum():
            continue  # another template's folder: its id may start with this one's
        if stale.is_symlink() or not stale.is_dir():
            stale.unlink()  # a link is removed, never followed: files are only ever written here
        elif stale.name != keep:
            # Never the current one: a build running at the same time may be writing into it.
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
