"""Content errors written for editors: file, line, path, what is wrong, how to fix it."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    file: str  # path relative to the project, e.g. data/frameworks/kcsie-2026.yml
    line: int
    path: str  # data path, e.g. themes[0].features[2].text ('' for the whole file)
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        what = f" {self.path}:" if self.path else ""
        return f"{where}{what} {self.problem} — {self.fix}"

    def github_annotation(self) -> str:
        # GitHub Actions turns this into a comment on the pull request's diff.
        message = f"{self.path}: {self.problem} — {self.fix}" if self.path else f"{self.problem} — {self.fix}"
        return f"::error file={_property(self.file)},line={self.line}::{_data(message)}"


# GitHub's workflow-command escaping: a file name or message holding a newline, a comma or "::"
# would otherwise end the command early and start a fake annotation of its own.
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class ContentErrors(Exception):
    """Every problem found in the data, reported together."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The content in data/ has {count} {noun}. Nothing was published.", ""]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)

    def annotations(self) -> str:
        return "\n".join(error.github_annotation() for error in self.errors)


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"
