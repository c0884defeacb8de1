"""Fixtures for the template tests: a tiny template, a copy of the project to break, the documents."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from esafety_portal.documents.cache import all_documents
from esafety_portal.model import Change, FileMeta, Review
from esafety_portal.templates import template_from_data
from support.site import ROOT

AUTHOR = "Testshire County Council"

TINY = {
    "id": "tiny", "kind": "aup", "title": "Tiny AUP", "audience": "Pupils aged 7 to 11", "key_stage": "KS2",
    "version": "2.1", "order": 1, "keywords": ["AUP"],
    "purpose": "Rules for [[school_name]].",
    "sections": [
        {"id": "tiny-one", "title": "First heading", "intro": "Read these first.",
         "clauses": [{"id": "tiny-01", "text": "I will ask [[headteacher]] first.", "addresses": ["feature-11"]},
                     {"id": "tiny-02", "text": "I will be kind.", "addresses": ["feature-12"]}]},
        {"id": "tiny-two", "title": "Second heading",
         "clauses": [{"id": "tiny-03", "text": "I will tell an adult.", "addresses": ["inadequate-07"]}]},
    ],
    "if_broken": "A teacher will talk to you.",
    "signature": {"title": "Our agreement", "statement": "I agree.", "fields": ["Name", "Signature", "Date"],
                  "signers": ["Pupil", "Parent or carer"]},
}
TINY_REVIEWED = dt.date(2025, 3, 4)


@pytest.fixture
def tiny():
    meta = FileMeta("data/templates/tiny.yml", Review(TINY_REVIEWED, 12),
                    (Change(TINY_REVIEWED, "First version.", "data/templates/tiny.yml"),))
    return template_from_data(TINY, "data/templates/tiny.yml", meta)


# What a copy of the project needs to load and build; never the virtual environment or outputs.
_IGNORE = shutil.ignore_patterns(".venv", ".git", "site", "site.partial", ".cache", "__pycache__", "*.egg-info",
                                 ".pytest_cache", "node_modules", "reports", "build")


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project in tmp_path, safe to break."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=_IGNORE)
    return copy


@pytest.fixture(scope="session")
def documents(content) -> dict[str, bytes]:
    """Every download of the real templates, made afresh (no cache)."""
    return all_documents(content.templates, content.site.council)
