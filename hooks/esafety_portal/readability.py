"""How hard each template is to read, against the target its file states in `reading`.

What is measured: the clauses only (what the signer agrees to), with each placeholder read as
the one plain word "name", since a school's value is mostly a name, and whitespace made single.
A clause without a full stop gets one, so clauses never run together into one long sentence.
- The template's grade: the Flesch-Kincaid grade of all its clauses read together, one after
  another. Judging the whole, not each clause, keeps one short clause with a long word (grade
  9 in six words) from failing a template that reads easily.
- Each clause on its own: its number of words, against `reading.max_words`, and its own grade,
  which names the clauses to rewrite when the template misses its target.
textstat 0.7.3 counts syllables with pyphen's bundled en_US dictionary: offline, and the same on
every machine because both are pinned.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from .errors import ContentError
from .templates import Clause, Template, pieces

with warnings.catch_warnings():
    # textstat 0.7.3 imports pkg_resources only to find its own word lists (not used here).
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    from textstat.textstat import textstatistics

PLACEHOLDER_WORD = "name"
_TEXTSTAT = textstatistics()  # our own instance: textstat's shared one holds settings anyone can change
# textstat rounds syllables per word to one decimal before using it, so a grade would jump by
# 1.2 when one syllable tips the average from 1.24 to 1.25. Unrounded, then the grade alone rounded.
_TEXTSTAT.set_rounding(False)


def plain_text(text: str) -> str:
    """The words a reader reads: placeholders as one plain word, ending like a sentence."""
    read = "".join(PLACEHOLDER_WORD if piece.placeholder else piece.text for piece in pieces(text))
    words = " ".join(read.split())
    return words if re.search(r"[.!?]$", words) or not words else words + "."


def grade(text: str) -> float:
    """Flesch-Kincaid grade of plain text, to one decimal place."""
    return round(_TEXTSTAT.flesch_kincaid_grade(text), 1)


def word_count(text: str) -> int:
    return _TEXTSTAT.lexicon_count(text)


@dataclass(frozen=True)
class ClauseReading:
    clause: Clause
    grade: float
    words: int


@dataclass(frozen=True)
class TemplateReading:
    template: Template
    grade: float
    clauses: tuple[ClauseReading, ...]

    @property
    def longest(self) -> int:
        return max(c.words for c in self.clauses)

    @property
    def meets_target(self) -> bool:
        return not self.problems()

    def problems(self) -> list[ContentError]:
        """What misses the template's target, each at its clause's line."""
        target = self.template.reading
        if target is None:
            return []
        errors = []
        if target.max_words is not None:
            errors += [self._error(c, f"has {c.words} words, over this template's limit of {target.max_words} "
                                      "(reading.max_words)",
                                   "say it more briefly, or split it into two clauses")
                       for c in self.clauses if c.words > target.max_words]
        if self.grade > target.grade:
            hardest = [c for c in self.clauses if c.grade > target.grade] or [max(self.clauses, key=_by_grade)]
            errors += [self._error(c, f"reads at grade {c.grade:g}, and this template's clauses together at "
                                      f"grade {self.grade:g}, above its target of {target.grade:g} (reading.grade)",
                                   "use shorter words and one idea a sentence")
                       for c in sorted(hardest, key=_by_grade, reverse=True)]
        return errors

    def _error(self, reading: ClauseReading, problem: str, fix: str) -> ContentError:
        clause = reading.clause
        return ContentError(self.template.data_file, clause.line, clause.path, f"clause {clause.id} {problem}", fix)


def _by_grade(reading: ClauseReading) -> float:
    return reading.grade


def measure(template: Template) -> TemplateReading:
    texts = [plain_text(clause.text) for clause in template.clauses]
    return TemplateReading(
        template, grade(" ".join(texts)),
        tuple(ClauseReading(clause, grade(text), word_count(text)) for clause, text in zip(template.clauses, texts)),
    )


def report(templates: list[Template]) -> list[str]:
    """Lines of the review report: each template's grade against its target."""
    readings = [measure(t) for t in templates]
    width = max([len("Template")] + [len(t.id) for t in templates])
    lines = ["Reading grades (Flesch-Kincaid, the clauses together; targets from each file's `reading`)", "",
             f"{'Template':<{width}}  Grade  Target  Longest clause  Word limit  Status"]
    for r in readings:
        target = r.template.reading
        limit = "-" if target is None or target.max_words is None else str(target.max_words)
        state = "ok" if r.meets_target else "MISSES TARGET"
        lines.append(f"{r.template.id:<{width}}  {r.grade:>5.1f}  {_target(target):>6}  {r.longest:>8} words  "
                     f"{limit:>10}  {state}")
    missing = sum(1 for r in readings if not r.meets_target)
    lines += ["", f"{missing} of {len(readings)} templates miss their reading target."]
    return lines


def _target(target) -> str:
    return "-" if target is None else f"{target.grade:g}"
