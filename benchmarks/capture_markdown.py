"""MkDocs hook used only by the benchmark: write out what our code hands to plain MkDocs.

Runs last (lowest priority) so it sees each page's Markdown after the macros have rendered it,
the site identity after hooks/load_content.py applied it, and every file our hooks added
(open data, documents). benchmarks/overhead.py turns that into a plain Material project.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils.meta import YAML_RE

OUT = Path(os.environ.get("ESAFETY_BENCH_CAPTURE", "_captured"))
# The configuration our hooks set from data/site.yml, which the plain build must state itself.
IDENTITY = ("site_name", "site_description", "site_url", "repo_url", "repo_name", "edit_uri", "copyright")


@event_priority(-100)
def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    identity = {key: config[key] for key in IDENTITY}
    # The theme's overrides read the site's identity from extra.site (hooks/esafety_portal/site_config.py).
    identity["extra"] = {**dict(config.extra), "site": dataclasses.asdict(config.extra["site"])}
    (OUT / "identity.json").write_text(json.dumps(identity, default=str), encoding="utf-8")


@event_priority(-100)
def on_files(files, config):
    """Files our hooks added (not from docs/ and not theme files): keep them as static files."""
    theme_dirs = [Path(d).resolve() for d in config.theme.dirs]
    docs_dir = Path(config.docs_dir).resolve()
    markdown_files = []  # Markdown kept as a file (the templates' .md downloads), which a plain build would make a page
    for file in files:
        if file.is_documentation_page():
            continue
        source = Path(file.abs_src_path).resolve() if file.abs_src_path and not file.generated_by else None
        if source and (source.is_relative_to(docs_dir) or any(source.is_relative_to(d) for d in theme_dirs)):
            continue
        _write(f"docs/{file.src_uri}", file.content_bytes)
        if file.src_uri.endswith(".md"):
            markdown_files.append(file.src_uri)
    (OUT / "markdown_files.json").write_text(json.dumps(markdown_files), encoding="utf-8")
    return files


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    # The source as MkDocs read it: a file in docs/, or a page one of our hooks generated.
    front_matter = YAML_RE.match(page.file.content_string.lstrip("\ufeff"))
    _write(f"docs/{page.file.src_uri}", ((front_matter.group(0) if front_matter else "") + markdown).encode("utf-8"))
    return markdown


def _write(relative: str, data: bytes) -> None:
    path = OUT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
