"""Hook: tie each generated page to the data files behind it.

The editors' link at the foot of the page opens the (first) data file, and the page carries its review dates and changes.
A page built from several files (front matter `data_files`) is only as fresh as the stalest:
it shows the earliest review dates among them and all their changes, newest first.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from esafety_portal.build_state import build_state
from esafety_portal.clock import today as clock_today


def on_page_markdown(markdown, page, config, files):
    build = build_state(config)
    content = build.content
    data_files = _data_files(page, build.data_of_pages)  # worked out once per build, not once per page
    unknown = [str(f) for f in data_files if not isinstance(f, str) or f not in content.files]
    if unknown:
        raise PluginError(f"docs/{page.file.src_uri}: its front matter names {', '.join(unknown)}, which is not a "
                          f"data file. Use one of: {', '.join(sorted(content.files))}.")
    if not data_files:
        # A hand-written page is edited in docs/; a generated one without data has nothing to edit.
        page.edit_url = None if page.file.generated_by else content.site.edit_url(f"docs/{page.file.src_uri}")
        return markdown
    metas = [content.files[f] for f in data_files]
    page.edit_url = content.site.edit_url(data_files[0])
    page.meta["data_file"] = data_files[0]
    reviews = [m.review for m in metas if m.review]
    if reviews:
        today = clock_today()
        page.meta["review"] = {
            "last_reviewed": min(r.last_reviewed for r in reviews),
            "next_due": min(r.next_due for r in reviews),
            "overdue": any(r.overdue(today) for r in reviews),
        }
    page.meta["changes"] = sorted((c for m in metas for c in m.changes), key=lambda c: c.date, reverse=True)
    return markdown


def _data_files(page, behind: dict) -> list:
    """The data files named in front matter (`data_files:` a list, or one name), else the page's own."""
    named = page.meta.get("data_files") or page.meta.get("data_file") or behind.get(page.file.src_uri)
    if not named:
        return []
    return list(named) if isinstance(named, list) else [named]
