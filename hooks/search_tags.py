"""Hook: a page's related terms (its `tags` front matter, from the data's `keywords`) count in
search for the page itself, not again for every section on it.

Material copies a page's tags onto each of its sections in search/search_index.json. Kept on the
page alone, a page whose related terms hold every word typed ("year 5" on the KS2 AUP) outranks
a section elsewhere with one of those words in its title, while a query for one of a section's
own words is not pulled towards every section of a page that merely lists it as a related term.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-50)  # after Material's search plugin writes the index, before publish_atomically
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if "#" in doc["location"]:
            doc.pop("tags", None)
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
