"""Every download of every template, and the .zip of the whole pack, by stable file name."""
from __future__ import annotations

import datetime as dt
import importlib

from ..templates import Template
from .outline import outline
from .zips import fixed_zip

# The site folder the documents are published in, and the name of the whole pack.
DOWNLOADS = "downloads"
PACK_NAME = "esafety-templates.zip"
# Extension -> the module of this package that makes it, and its function (outline -> bytes).
# Imported only when a document must be made: a build whose documents all come from the cache
# never loads python-docx or odfpy, which take ~60 ms to import.
FORMATS = {"docx": ("docx", "docx_bytes"), "odt": ("odt", "odt_bytes"), "md": ("markdown", "markdown_bytes")}


def maker(extension: str):
    module, function = FORMATS[extension]
    return getattr(importlib.import_module(f".{module}", __package__), function)


def file_names(template_id: str) -> dict[str, str]:
    """Format -> file name, such as {'docx': 'aup-ks2.docx', ...}. Names never change."""
    return {extension: f"{template_id}.{extension}" for extension in FORMATS}


def template_documents(template: Template, author: str) -> dict[str, bytes]:
    """File name -> bytes, for each format of one template."""
    doc_outline = outline(template, author)
    return {name: maker(extension)(doc_outline) for extension, name in file_names(template.id).items()}


def pack_zip(documents: dict[str, bytes], templates: list[Template]) -> bytes:
    """One .zip of every document, in file-name order, dated by the most recent review."""
    newest = max(t.review.last_reviewed for t in templates)
    entries = [(f"esafety-templates/{name}", documents[name]) for name in sorted(documents)]
    return fixed_zip(entries, dt.datetime.combine(newest, dt.time(0, 0)))
