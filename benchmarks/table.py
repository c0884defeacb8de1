"""The one table the benchmark prints: figure, target, and whether the target is met."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    measure: str
    figure: str
    target: str = ""
    met: bool | None = None  # None: no target, or nothing to judge yet

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: "-"}[self.met]


def render(rows: list[Row]) -> str:
    cells = [("Measure", "Figure", "Target", "Met")] + [(r.measure, r.figure, r.target, r.verdict) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(4)]

    def line(values) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *map(line, cells[1:])])
