"""The frameworks family's pages (families.FAMILIES: pages): one page per framework in
data/frameworks/ without a hand-written page, the frameworks index, the crosswalk, and a
self-review page and its JSON for every reviewable framework (one with a `self_review:` block;
the one whose self-review is a hand-written page gets its JSON only). Today's reviews lead the menu's Self-review section (before Ofsted's 2012 checklist), or, in a
portal whose menu has none, each follows its framework's page."""
from __future__ import annotations

from .framework_review import data_of_review, page_of_review, reviewable, reviews
from .generated_pages import FIXED_PAGES, Asset, PageSpec
from .pages import relative_path
from .self_review import as_json, checklist_words, review, words
from .what_changed import change_page, framework_changes

INDEX = FIXED_PAGES["frameworks"]["index"]
CROSSWALK = FIXED_PAGES["frameworks"]["crosswalk"]
SELF_REVIEW = "self-review.md"  # the hand-written Self-review section (data/site.yml's nav:), which reviews open


def pages(build, family) -> list:
    """Published in this order (the sitemap and the search index follow it): the index, the
    crosswalk, each framework's page, then each self-review and its JSON. In the menu the crosswalk
    comes last (menu_order), and the self-reviews open the Self-review section."""
    content = build.content
    if not content.frameworks:
        return []
    last = 2 * len(content.frameworks) + 2
    specs = [PageSpec(INDEX, "framework_index.md.jinja", {"relative": lambda src: relative_path(src, INDEX)},
                      section=family.key),
             PageSpec(CROSSWALK, "crosswalk.md.jinja", {
                 "historical": content.historical_items(), "carried_ids": {m.historical for m in content.mappings()},
                 "dropped": content.without_equivalent(),
                 "new_items": [i for fw in content.frameworks if fw.current for i in fw.items
                               if not i.extra.grew_out_of]}, section=family.key, menu_order=last)]
    at = {fw.id: 2 * n + 1 for n, fw in enumerate(content.frameworks)}
    specs += [PageSpec(fw.home, "framework.md.jinja", {"fw": fw}, title=fw.label, section=family.key,
                       menu_order=at[fw.id]) for fw in content.frameworks if fw.generated]
    # Each framework's page of changes since its previous edition follows its page in the menu.
    specs += [change_page(content, changes, family.key, at[fw.id]) for fw in content.frameworks
              if (changes := framework_changes(fw))]
    # Today's reviews lead the Self-review section; without one, each follows its framework's page
    # (a framework on hand-written pages, the 2012 briefing, has none here: its review goes last).
    in_self_review = SELF_REVIEW in content.site.nav
    for n, fw in enumerate(reviewable(content)):
        place = (SELF_REVIEW, n) if in_self_review else (family.key, at[fw.id] + 1 if fw.generated else last + 1)
        specs += review_pages(build, fw, *place)
    specs += [review_data(fw, review(content, fw, build.use_directory_urls))
              for fw in reviews(content) if fw.self_review.page]
    return specs


def review_data(fw, data: dict) -> Asset:
    """The JSON a self-review page's script loads (self_review.review)."""
    return Asset(data_of_review(fw), as_json(data))


def review_pages(build, fw, section: str, menu_order: int) -> list:
    data = review(build.content, fw, build.use_directory_urls)
    return [review_data(fw, data),
            PageSpec(page_of_review(fw), "framework_review.md.jinja", {
                "fw": fw, "data_path": data_of_review(fw), "framework": data, "words": words(fw, data),
                "checklist": checklist_words(fw, data)},
                title=fw.self_review.title, section=section, menu_order=menu_order)]
