"""The performance benchmark: `make bench`. Prints one table of figures, targets, and whether
each target is met. Figures only: nothing here passes or fails a test.

Every timed build is of a scratch copy, in a fresh process, into an empty output folder; the
document cache (.cache/) is emptied too unless a figure says "cached". Other work on the
machine makes timings noisy, so each figure is a median. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

import documents
import overhead
import reload
import scale
import suite
import weight
from project import build, copy_project, scratch_dir
from table import Row, render

KB = 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def overhead_rows(workdir: Path, runs: int) -> tuple[list[Row], Path]:
    times = overhead.measure(workdir, runs)
    real, warm, plain = median(times.real), median(times.warm), median(times.plain)
    rows = []
    for label, seconds, ratio in (("documents cached", warm, times.ratio(times.warm)),
                                  ("cold, documents made", real, times.ratio(times.real))):
        rows.append(Row(f"Overhead, {label}: real build / plain build of the same pages",
                        f"{ratio:.2f}x ({seconds:.2f} s / {plain:.2f} s, medians of {runs}, alternated)",
                        "<= 1.10x", ratio <= 1.10))
    rows.append(Row("Cold build of the real site (fresh process, empty cache)",
                    f"{real:.2f} s (range {min(times.real):.2f}-{max(times.real):.2f} s)", "<= 2 s", real <= 2.0))
    return rows, workdir / "real" / "_site"


def scale_rows(workdir: Path, factors: list[int], runs: int) -> list[Row]:
    """At each multiple: one cold build (documents made), then `runs - 1` with them cached."""
    results = {}
    for factor in factors:
        project = copy_project(workdir / f"scale-{factor}x")
        scale.scale(project, factor)
        items = scale.item_count(project)
        cold = build(project)
        cached = median([build(project, keep_cache=True) for _ in range(max(runs - 1, 1))])
        results[factor] = (items, cold, cached)
        shutil.rmtree(project, ignore_errors=True)
    rows = []
    _items, base_cold, base_cached = results[factors[0]]
    previous = None
    for factor, (items, cold, cached) in results.items():
        figure = f"{items} items: cached {cached:.2f} s = {cached / items * 1000:.1f} ms/item"
        if previous:
            figure += f", {(cached - previous[1]) / (items - previous[0]) * 1000:.1f} ms per added item"
        figure += f"; cold {cold:.2f} s"
        target, met = "", None
        if factor == 10 * factors[0]:
            figure += f"; {cached / base_cached:.1f}x cached, {cold / base_cold:.1f}x cold, the {factors[0]}x time"
            target, met = f"<= 10x the {factors[0]}x time", max(cached / base_cached, cold / base_cold) <= 10
        rows.append(Row(f"Scale {factor}x content", figure, target, met))
        previous = (items, cached)
    return rows


def documents_rows(workdir: Path, runs: int) -> list[Row]:
    if not documents.available():
        return [Row("Documents: cold, and with nothing changed", "not available yet",
                    "unchanged documents are not regenerated", None)]
    result = documents.measure(copy_project(workdir / "documents"), runs)
    return [
        Row("Documents: make all, cache empty", f"{result.files} files in {documents.median_ms(result.cold):.0f} ms"),
        Row("Documents: nothing changed (data files touched)",
            f"{documents.median_ms(result.unchanged):.0f} ms; "
            + ("nothing regenerated" if result.skipped else "REGENERATED"),
            "unchanged documents are not regenerated", result.skipped),
    ]


def reload_rows(workdir: Path, edits: int) -> list[Row]:
    times = reload.measure(copy_project(workdir / "serve"), edits)
    return [Row("Edit to reload (mkdocs serve, edit a 2012 feature)",
                f"{median(times):.2f} s (median of {edits}, range {min(times):.2f}-{max(times):.2f} s)",
                "<= 1 s", median(times) <= 1.0)]


SUITE_TARGET = 6 * 60  # seconds


def suite_rows() -> list[Row]:
    seconds, summary, used = suite.measure()
    return [Row("Whole test suite (make test: pytest-xdist, one worker per core)",
                f"{seconds / 60:.1f} min ({seconds:.0f} s; {summary})", "<= 6 min", seconds <= SUITE_TARGET),
            Row(f"Whole test suite: CPU time, by program ({used.cores} cores)",
                f"{used.describe()}; with every core busy at least {used.least_wall / 60:.1f} min",
                f"<= {SUITE_TARGET * used.cores} CPU-s (6 min on {used.cores} cores)",
                used.total <= SUITE_TARGET * used.cores)]


def weight_rows(site: Path) -> list[Row]:
    pages, index_raw, index_gzip = weight.measure(site)
    rows = []
    for kind, w in pages.items():
        target, met = ("<= 100 KB gzip", w.gzipped <= 100 * KB) if kind == "guidance" else ("", None)
        rows.append(Row(f"First view, {kind} page (heaviest: /{w.page})",
                        f"{w.gzipped / KB:.0f} KB gzip, {w.raw / KB:.0f} KB raw, {w.requests} files", target, met))
    rows.append(Row("Search index (loaded after the page)", f"{index_gzip / KB:.0f} KB gzip, {index_raw / KB:.0f} KB raw"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description="Performance benchmark of the portal build.")
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind for the overhead (default 5)")
    parser.add_argument("--scales", default="1,10,50", help="content multiples (default 1,10,50)")
    parser.add_argument("--scale-runs", type=int, default=3, help="builds at each multiple (default 3)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed for edit to reload (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--no-suite", action="store_true", help="skip timing the whole test suite (about 10 minutes on 2 cores)")
    args = parser.parse_args()
    workdir = scratch_dir("run")
    rows: list[Row] = []
    try:
        steps = [
            ("overhead and cold build", lambda: overhead_rows(workdir / "overhead", args.runs)),
            ("scale", lambda: scale_rows(workdir, [int(f) for f in args.scales.split(",")], args.scale_runs)),
            ("documents", lambda: documents_rows(workdir, 3)),
            ("edit to reload", lambda: reload_rows(workdir, args.edits)),
        ]
        if not args.no_suite:
            steps.append(("the whole test suite", suite_rows))
        site = None
        for name, step in steps:
            print(f"benchmark: {name} ...", file=sys.stderr, flush=True)
            result = step()
            if isinstance(result, tuple):
                result, site = result
            rows += result
        print("benchmark: page weight ...", file=sys.stderr, flush=True)
        rows += weight_rows(site)
    finally:
        if args.keep:
            print(f"scratch folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
