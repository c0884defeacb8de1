"""A strict, safe YAML loader that remembers the line of every value.

It rejects what trips editors up or hides meaning: tabs, duplicate keys, anchors and aliases,
files that are not UTF-8, and empty files. Dates stay as text so the schema checks them.
It also rejects what would crash the loader itself: invisible control characters, nesting
deeper than MAX_DEPTH (Python's recursion limit), and numbers longer than MAX_DIGITS.
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.reader import ReaderError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import ContentError


MAX_DEPTH = 20  # levels of lists and groups in one file; the data has under ten
MAX_DIGITS = 15  # in a whole number; the longest the data needs is a year


_IMMUTABLE = (str, int, float, bool, type(None), dt.date)


class LineDict(dict):
    """A mapping with the 1-based line of itself (`line`) and of each key (`lines`)."""

    line: int = 1
    lines: dict


class LineList(list):
    """A sequence with the 1-based line of itself and of each item."""

    line: int = 1
    lines: list


def copy_tree(node):
    """A copy of a parsed file (LineDict, LineList and scalars) that shares nothing a caller could
    change: what copy.deepcopy gives, several times faster (a test loads the data hundreds of times).
    Scalars (str, int, float, bool, None, dates) cannot change, so they are shared."""
    if isinstance(node, dict):
        copied = type(node)((key, copy_tree(value)) for key, value in node.items())
    elif isinstance(node, list):
        copied = type(node)(copy_tree(value) for value in node)
    else:
        return node if isinstance(node, _IMMUTABLE) else copy.deepcopy(node)
    if hasattr(node, "__dict__"):  # its lines (`line`, and `lines`: a dict or list of ints), not shared
        copied.__dict__.update({name: copy.copy(value) for name, value in vars(node).items()})
    return copied


class _Problem(Exception):
    def __init__(self, line: int, problem: str, fix: str):
        super().__init__(problem)
        self.line, self.problem, self.fix = line, problem, fix


class StrictLoader(yaml.SafeLoader):
    """SafeLoader, minus aliases and duplicate keys, keeping dates as strings."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Problem(
                event.start_mark.line + 1,
                f"uses the alias '*{event.anchor}'",
                "write the value out in full; anchors (&) and aliases (*) are not allowed",
            )
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Problem(
                event.start_mark.line + 1,
                f"defines the anchor '&{anchor}'",
                "delete the '&' name; anchors (&) and aliases (*) are not allowed",
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False):
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise _Problem(line, f"has a key that is not text ({key!r})", "write the key as a word, such as 'title'")
            if key in result:
                raise _Problem(
                    line,
                    f"repeats the key '{key}' (first on line {result.lines[key]})",
                    "keep one of them and delete the other",
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    def construct_yaml_int(self, node: ScalarNode):
        digits = sum(c.isdigit() for c in node.value)
        if digits > MAX_DIGITS:  # Python refuses to read a number over 4,300 digits long
            raise _Problem(node.start_mark.line + 1, f"has a number {digits} digits long",
                           f"write a number of at most {MAX_DIGITS} digits, or put the value in quotes if it is text")
        return super().construct_yaml_int(node)

    def construct_sequence(self, node: SequenceNode, deep: bool = False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.lines = [child.start_mark.line + 1 for child in node.value]
        return result


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", StrictLoader.construct_sequence)
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
# Keep dates as text: the schema checks their format and the rules check they are real dates.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


try:  # libyaml, which PyYAML's wheels include: the same parse, about ten times faster
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    CParser = None


if CParser is not None:
    class _FastStrictLoader(CParser, StrictLoader):
        """StrictLoader's constructors and resolvers on libyaml's parser. libyaml composes
        nodes in C, so StrictLoader.compose_node (the anchor and alias check) never runs:
        _load checks the events for anchors and aliases first."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _has_anchor_or_alias(text: str) -> bool:
    return any(isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None
               for event in yaml.parse(text, Loader=_FastStrictLoader))


def _check_depth(text: str) -> None:
    """Raise _Problem where `text` nests deeper than MAX_DEPTH, before anything builds it (the
    builders recurse once a level). Syntax errors are left for the load to report."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastStrictLoader if CParser is not None else StrictLoader):
            depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
            if depth > MAX_DEPTH:
                raise _Problem(event.start_mark.line + 1, f"nests lists and groups more than {MAX_DEPTH} deep",
                               "check the indentation and the brackets of this line and the ones above")
    except yaml.YAMLError:
        return


def _load(text: str):
    """Parse with libyaml when it can; a file with anchors or aliases, or any error, goes
    through the pure-Python StrictLoader, so every problem is reported exactly as before.
    So does any tab: libyaml accepts tabs in places PyYAML rejects (`[1,<tab>2]`)."""
    _check_depth(text)
    if CParser is not None and "\t" not in text:
        try:
            if not _has_anchor_or_alias(text):
                return yaml.load(text, Loader=_FastStrictLoader)  # noqa: S506 - a SafeLoader's constructors
        except Exception:  # noqa: BLE001 - the slow path below raises the same, with its messages
            pass
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader


def read_yaml(path: Path, shown_as: str):
    """Return (data, errors). `shown_as` is the path used in messages."""
    return parse_yaml(path.read_bytes(), shown_as)


def parse_yaml(raw: bytes, shown_as: str):
    """read_yaml of a file holding `raw`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [ContentError(shown_as, line, "", "is not saved as UTF-8 text",
                                   "save the file with UTF-8 encoding (in VS Code: 'Save with Encoding' > UTF-8)")]
    for number, line_text in enumerate(text.splitlines(), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            return None, [ContentError(shown_as, number, "", "is indented with a tab",
                                       "indent with spaces only (two per level)")]
    if not any(l.strip() and not l.lstrip().startswith("#") for l in text.splitlines()):
        return None, [ContentError(shown_as, 1, "", "is empty",
                                   "restore its content from the last good version, or delete the file")]
    try:
        data = _load(text)
    except _Problem as exc:
        return None, [ContentError(shown_as, exc.line, "", exc.problem, exc.fix)]
    except ReaderError as exc:  # a character YAML refuses, typed or pasted in raw
        line = text[: exc.position].count("\n") + 1
        return None, [ContentError(shown_as, line, "", f"contains the invisible character U+{exc.character:04X}"
                                   if isinstance(exc.character, int) else "contains an invisible character",
                                   "delete it: retype the words around it, or paste them as plain text")]
    except ConstructorError as exc:  # before MarkedYAMLError, its parent: a '!tag' SafeLoader cannot build
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        tag = (exc.problem or "").split("'")[1] if "'" in (exc.problem or "") else "!"
        tag = tag.replace("tag:yaml.org,2002:", "!!")  # as the editor wrote it
        return None, [ContentError(shown_as, line, "", f"uses the YAML tag '{tag}'",
                                   f"delete '{tag}' and write the plain value; data files use no tags")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = (exc.problem or "is not valid YAML").strip()
        if "'\\t'" in problem:  # PyYAML shows a tab as '\t', which an editor cannot see
            return None, [ContentError(shown_as, line, "", "is not valid YAML (a tab character: YAML needs spaces)",
                                       "replace the tab on this line with spaces")]
        if _closed_early(text, mark):
            return None, [ContentError(
                shown_as, line, "", "is not valid YAML (an apostrophe ends a 'single-quoted' value)",
                "write two apostrophes '' inside the quotes, or use double quotes around the value")]
        return None, [ContentError(shown_as, line, "", f"is not valid YAML ({problem})",
                                   _yaml_fix(problem))]
    return data, []


def _closed_early(text: str, mark) -> bool:
    """Whether the unexpected text at `mark` follows a single-quoted value straight away, as
    after 'Pupils' work': the apostrophe closed the quotes, so YAML reads on as a second value."""
    if mark is None:
        return False
    lines = text.splitlines()
    before = lines[mark.line][: mark.column].rstrip() if mark.line < len(lines) else ""
    return before.endswith("'")


def _yaml_fix(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be in quotes, or check the indentation of this line"
    if "could not find expected ':'" in problem:
        return "each line needs 'key: value', or a '-' for a list item; check the indentation"
    if "found character that cannot start any token" in problem:
        return "put the value in quotes"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check that this line is indented the same as its neighbours"
    return "check the indentation and quoting on this line and the one above"


def line_of(data, path) -> int:
    """The line of the value at `path` (a sequence of keys and indexes), or of its nearest parent."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line = node.lines[step]
            node = node[step]
        else:
            break
    return line


def format_path(path) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text
