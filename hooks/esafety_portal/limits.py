"""What any value in a data file may be, checked as soon as the file is read and before anything
else looks at it: how deep it nests, how long a text or a number may be, and which characters it
may hold. (How deep a file nests and how many digits a number has are checked as it is read:
yaml_loader.MAX_DEPTH and MAX_DIGITS.) Each field's own length limit is in the schemas (maxLength); the ceiling here keeps a
value far beyond every such limit away from the later checks altogether.
"""
from __future__ import annotations

from .errors import ContentError
from .values import character_problem, shown
from .yaml_loader import format_path, line_of

MAX_TEXT = 10_000  # characters in any one value, whatever its field (see the schemas' maxLength)


def value_problems(data, shown_as: str) -> list[ContentError]:
    """A ContentError for each key or text in `data` that is too long or holds a character no
    value may hold. `data` is already no deeper than yaml_loader.MAX_DEPTH."""
    errors = []
    for path, text in _texts(data, ()):
        problem = character_problem(text)
        if len(text) > MAX_TEXT:
            problem = (f"is far too long ({len(text)} characters)",
                       f"shorten it: no field holds more than {MAX_TEXT} characters")
        if problem:
            where = format_path([shown(step, 40) if isinstance(step, str) else step for step in path])
            errors.append(ContentError(shown_as, line_of(data, list(path)), where, *problem))
    return errors


def _texts(node, path):
    """(path, text) for every key and text value in a tree of dicts and lists."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield path + (key,), key
            yield from _texts(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, path + (index,))
    elif isinstance(node, str):
        yield path, node
