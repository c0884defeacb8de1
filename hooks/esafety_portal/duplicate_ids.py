"""When two items share an id, which one keeps it, and what the other should be called.

An id is an item's web address and the key of schools' saved answers, so the occurrence that is
already published keeps it: the one whose file git's last commit (HEAD) already holds with that
id. Without git (a copy of the project, a download) the older file keeps it, then the one loaded
first, then the one higher in its file. When git shows that none is published yet, the one named
after its own file (aup-lettings-01 in aup-lettings.yml) keeps it. Every other occurrence is
reported where it is, with a free id of its own; no two suggestions are the same.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_ID_LINE = re.compile(r"""^[ \t-]*id:[ \t]*['"]?([^\s'"#]+)['"]?[ \t]*(?:#.*)?$""", re.M)


@dataclass(frozen=True)
class Occurrence:
    id: str
    file: str  # as shown, e.g. data/templates/aup-visitors.yml
    line: int
    order: int  # the file's place in the load order
    file_id: str  # the id the file itself has (a template's or framework's), or ''
    index: int  # its place in the list of every occurrence


@dataclass(frozen=True)
class Clash:
    new: Occurrence  # reported, at its own place
    kept: Occurrence  # keeps the id
    published: bool  # whether `kept` is known (or, without git, assumed) to be published
    suggestion: str


def resolve(occurrences: list[Occurrence], project_dir: Path | None, next_free) -> list[Clash]:
    """The clashes among `occurrences` (every id-bearing item, in load order). `next_free(id,
    taken)` gives the next numbered id not in `taken`."""
    by_id: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_id.setdefault(occurrence.id, []).append(occurrence)
    clashing = {i: group for i, group in by_id.items() if len(group) > 1}
    if not clashing:
        return []
    in_head = _ids_in_head({o.file for group in clashing.values() for o in group}, project_dir)
    age = _ages({o.file for group in clashing.values() for o in group}, project_dir)

    kept: dict[str, tuple[Occurrence, bool]] = {}
    for item_id, group in clashing.items():
        if in_head is None:  # no git: the older file, then load order, then line
            keeper = min(group, key=lambda o: (age.get(o.file, 0.0), o.order, o.line))
            kept[item_id] = (keeper, True)
            continue
        published = [o for o in group if item_id in in_head.get(o.file, ())]
        if published:
            kept[item_id] = (min(published, key=lambda o: (o.order, o.line)), True)
        else:  # all new: the one named after its own file keeps it, then the older file
            kept[item_id] = (min(group, key=lambda o: (not _named_for_its_file(o), age.get(o.file, 0.0), o.order,
                                                        o.line)), False)

    taken = set(by_id)
    new = sorted((o for group in clashing.values() for o in group if o is not kept[o.id][0]),
                 key=lambda o: (o.order, o.line))
    # A copied file's own id comes first: its other ids are suggested under its new name.
    renamed = {}
    for occurrence in new:
        if occurrence.id == occurrence.file_id:
            renamed[occurrence.file] = _free(PurePosixPath(occurrence.file).stem, occurrence.id, taken, next_free)
    clashes = []
    for occurrence in new:
        keeper, published = kept[occurrence.id]
        if occurrence.file in renamed and occurrence.id == occurrence.file_id:
            suggestion = renamed[occurrence.file]
        else:
            suggestion = _free(_under_own_name(occurrence, keeper, renamed), occurrence.id, taken, next_free)
        clashes.append(Clash(occurrence, keeper, published, suggestion))
    return clashes


def _named_for_its_file(occurrence: Occurrence) -> bool:
    own = occurrence.file_id
    return bool(own) and (occurrence.id == own or occurrence.id.startswith(own + "-"))


def _under_own_name(occurrence: Occurrence, keeper: Occurrence, renamed: dict) -> str:
    """'aup-visitors-03', copied into a file whose id is (or will be) 'aup-contractors':
    'aup-contractors-03'. Otherwise the id itself."""
    own = renamed.get(occurrence.file, occurrence.file_id)
    theirs = keeper.file_id
    if own and theirs and own != theirs and occurrence.id.startswith(theirs + "-"):
        return own + occurrence.id[len(theirs):]
    return occurrence.id


def _free(wanted: str, taken_id: str, taken: set, next_free) -> str:
    """`wanted` if it is free, else the next free id after it; either is then taken."""
    if wanted != taken_id and wanted not in taken:
        taken.add(wanted)
        return wanted
    suggestion = next_free(wanted, taken)
    taken.add(suggestion)
    return suggestion


def _ages(files: set[str], project_dir: Path | None) -> dict[str, float]:
    ages = {}
    for file in files:
        try:
            ages[file] = os.stat((project_dir or Path(".")) / file).st_mtime
        except OSError:
            pass
    return ages


def _ids_in_head(files: set[str], project_dir: Path | None) -> dict[str, set[str]] | None:
    """The ids each file has in git's HEAD (empty for a file HEAD does not have); None when the
    project is not a git checkout or git cannot be run."""
    if project_dir is None or _git(project_dir, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None
    found = {}
    for file in files:
        text = _git(project_dir, "show", f"HEAD:./{file}")
        found[file] = set(_ID_LINE.findall(text)) if text is not None else set()
    return found


def _git(project_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(project_dir), *args], capture_output=True, timeout=20,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None
