"""Hook: tie each generated page to the data file behind it.

"Edit this page" opens that data file, and the page carries its review dates and changes.
"""
from __future__ import annotations

import datetime as dt

from esafety_portal.pages import DATA_OF_PAGE


def on_page_markdown(markdown, page, config, files):
    content = config["esafety_content"]
    data_file = page.meta.get("data_file") or DATA_OF_PAGE.get(page.file.src_uri)
    if data_file and data_file in content.files:
        page.edit_url = content.site.edit_url(data_file)
        meta = content.files[data_file]
        page.meta["data_file"] = data_file
        if meta.review:
            today = dt.date.today()
            page.meta["review"] = {
                "last_reviewed": meta.review.last_reviewed,
                "next_due": meta.review.next_due,
                "overdue": meta.review.overdue(today),
            }
        page.meta["changes"] = meta.changes
    return markdown
