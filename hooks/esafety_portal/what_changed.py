"""The pages "What changed in ...": for each framework or template whose file records what it
replaced (its `previous:`, since_previous.py), the items added, reworded (old and new words side by
side) and removed, and what each touches: the template clauses that address a changed item, and the
self-review items whose answers a school should look at again.

The self-review tool already tells a school which items were reworded since its answers were saved
(self-review-state.js); this page names the same items, by the same ids, before the school opens it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .framework_review import page_of_review
from .framework_review import reviews as all_reviews
from .generated_pages import PageSpec
from .model import Content, Item
from .pages import relative_path
from .self_review import rated_ids
from .since_previous import ADDED, REWORDED, Previous
from .templates import fill_labels

FOLDER = "what-changed"
TEMPLATE = "what_changed.md.jinja"


@dataclass(frozen=True)
class Review:
    """A self-review a school may have answered: its title and page."""

    title: str
    page: str


@dataclass(frozen=True)
class ChangeList:
    """What changed between `previous` and `owner` (a frameworks.Framework or templates.Template)."""

    owner: object
    previous: Previous
    label: str  # what the owner is now, such as KCSIE 2026 or e-Safety policy version 1.3
    added: tuple[Item, ...]
    reworded: tuple[Item, ...]

    @property
    def id(self) -> str:
        return self.owner.id

    @property
    def title(self) -> str:
        return f"What changed in {self.label}"

    @property
    def page(self) -> str:
        return page_of_changes(self.owner.id)

    @property
    def framework(self) -> bool:
        return hasattr(self.owner, "publisher")

    @property
    def removed(self):
        return self.previous.removed


def page_of_changes(owner_id: str) -> str:
    return f"{FOLDER}/{owner_id}.md"


def framework_changes(fw) -> ChangeList | None:
    if not fw.previous:
        return None
    return ChangeList(fw, fw.previous, fw.label, *_split(fw.items, lambda item: item.extra.since_previous))


def template_changes(template) -> ChangeList | None:
    if not template.previous:
        return None
    since = {clause.id: clause.since_previous for clause in template.clauses}
    return ChangeList(template, template.previous, f"{template.title} version {template.version}",
                      *_split(template.items, lambda item: since.get(item.id)))


def _split(items, since) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """The items added and those reworded, in page order, each with its since_previous record."""
    changed = [(item, since(item)) for item in items if since(item)]
    return (tuple(item for item, record in changed if record.change == ADDED),
            tuple(item for item, record in changed if record.change == REWORDED))


def change_lists(content: Content) -> list[ChangeList]:
    """Every page of changes: the frameworks' (current first), then the templates'."""
    found = [framework_changes(fw) for fw in content.frameworks] + [template_changes(t) for t in content.templates]
    return [change for change in found if change]


def since_previous(content: Content, item: Item):
    """An item's or clause's since_previous record."""
    if item.kind == "clause":
        template = content.get(item.extra.template_id)
        return next(clause.since_previous for clause in template.clauses if clause.id == item.id)
    return item.extra.since_previous


def reviews(content: Content) -> dict[str, Review]:
    """Item id -> the self-review that rates it (its framework's self_review:)."""
    return {item_id: Review(fw.self_review.title, page_of_review(fw))
            for fw in all_reviews(content) for item_id in rated_ids(fw)}


def to_look_at_again(content: Content, item: Item, rated: dict[str, Review]) -> list[Item]:
    """The self-review items whose answers a change to `item` may alter: the item itself if a
    self-review rates it, and the rated items it links to or that link to it."""
    near = [item, *(content.get(t) for targets in item.refs.values() for t in targets if content.has(t)),
            *content.referring(item.id)]
    return list({other.id: other for other in near if other.id in rated}.values())


def clauses_addressing(content: Content, item: Item) -> list[Item]:
    """The template clauses that address a changed framework item: what a school's policy may need."""
    return content.referring(item.id, "addresses")


def change_page(content: Content, change_list: ChangeList, section: str, menu_order: int = 0) -> PageSpec:
    """The page of one change list, in the menu section of what it describes."""
    rated = reviews(content)
    return PageSpec(change_list.page, TEMPLATE, {
        "changes": change_list, "since": lambda item: since_previous(content, item),
        "clauses": lambda item: clauses_addressing(content, item),
        "again": lambda item: to_look_at_again(content, item, rated), "reviews": rated, "words": fill_labels,
        "present": content.has,
        "relative": lambda src: relative_path(src, change_list.page)},
        title=change_list.title, section=section, menu_order=menu_order)
