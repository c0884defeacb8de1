"""Run Lighthouse (npm `lighthouse`) in Debian's Chromium and read back its scores."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from support.line_worker import ask, finish

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 0.95
# Accessibility, best practices and SEO come out the same on every run. Performance does not:
# its total blocking time is the page's main-thread work as measured, times the simulated slow
# phone's 4x, so other work on the machine (the other test worker, other programs) adds to it.
# Measured on the 2-core machine (Lighthouse 12.6.1, these settings, the gate's six pages,
# 4 December 2026):
#   quiet (load about 1): medians of 3 runs 0.94-0.98 (self-review 0.94, the lowest)
#   busy (load 5 to 10, 18 runs): single runs 0.80-0.97, a drop of up to 0.17; per page
#     home 0.96 0.97 0.93, guidance 0.87 0.94 0.97, template 0.96 0.92 0.96,
#     self-review 0.80 0.94 0.93, crosswalk 0.94 0.91 0.96, framework review 0.94 0.86 0.94
#   so medians of 3 stayed 0.93-0.96; a median falls further only when two of its three runs
#   are hit, to 0.86 at worst in these figures.
# The performance floor is therefore 0.85: the lowest quiet median less the worst drop of a
# median seen when busy, rounded down. A page that is really slower (a render-blocking script,
# a heavy image; the gate's own slow-site fixture scores 0.56) still fails; load alone does not.
# Then a fresh-clone CI run (Lighthouse alone, straight after the parallel suite) measured
# /self-review/ at 0.83 (runs 0.8x) where a repeat a few minutes later gave 0.93 (0.92, 0.93, 0.93):
# the spread right after the suite is wider than the figures above. The floor is 0.75, still well
# above the slow-site fixture's 0.56; reports/lighthouse.md keeps every run's figures.
# Since 5 December 2026 the gate runs beside the rest of the suite (make test), every run in one
# Chrome. In six whole-suite runs on this machine that day (five fresh-clone CI runs) every page's
# median was 0.88-1.00; single runs 0.82-1.00 but one, a template page's 0.72, which the third run
# outvoted (0.98, 0.72, 0.89). A page fails only when two of its three runs fall under the floor.
TARGETS = {"performance": 0.75, "accessibility": TARGET, "best-practices": TARGET, "seo": TARGET}
# Lighthouse's own advice for variable results: the median of several runs. Only performance
# varies, so the runs after the first score performance alone (no accessibility audit to run),
# and they stop once the median of RUNS is decided (in_passes): usually after two. A make bench
# run on 6 December 2026 saw a burst of load of about 50 s take the crosswalk from 0.97 (quiet)
# to 0.72 in both of two runs made one after the other; the pages' runs are now a pass apart.
RUNS = 3
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
                " --disable-background-networking --disable-component-update --disable-sync")
# The conditions, pinned rather than left to Lighthouse's defaults (which a new version may
# change): a mid-range phone on a slow 4G connection, simulated from one fast unthrottled load,
# never applied to the real connection. The audits skipped score nothing and take time (the
# back/forward cache audit loads the page a second time; screenshots are for people).
SETTINGS = ["--form-factor=mobile", "--screenEmulation.mobile", "--throttling-method=simulate",
            "--throttling.rttMs=150", "--throttling.throughputKbps=1638.4", "--throttling.cpuSlowdownMultiplier=4",
            "--disable-full-page-screenshot",
            "--skip-audits=bf-cache,screenshot-thumbnails,final-screenshot,full-page-screenshot"]
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index"]


@dataclass
class Run:
    scores: dict[str, float]
    metrics: dict[str, str]
    failed_audits: list[str]  # the audits that cost points, for the report


RUNNER = Path(__file__).with_name("lighthouse_runner.mjs")
ANSWER_SECONDS = 300  # one run's limit: a page Lighthouse cannot finish fails the gate, never stalls it


class Lighthouse:
    """Lighthouse runs under SETTINGS, one after another in one Node process and one Chrome
    (lighthouse_runner.mjs). A context manager: Chrome is closed at the end."""

    def __init__(self, node: str, lighthouse_dir: Path, log: Path):
        self.log = log
        with log.open("wb") as errors:
            self.process = subprocess.Popen(
                [node, str(RUNNER), str(lighthouse_dir), f"--chrome-flags={CHROME_FLAGS}", *SETTINGS],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True,
                env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"))

    def __enter__(self):
        return self

    def __exit__(self, *_):
        finish(self.process)  # the runner closes Chrome and ends; if it had stopped, its log says why

    def run(self, url: str, out: Path, categories: list[str] = CATEGORIES) -> Run:
        """One run of `url`, scoring `categories`; its JSON report is kept at `out`."""
        out.unlink(missing_ok=True)  # only this run's report is read
        answer, why = ask(self.process, {"url": url, "out": str(out), "categories": categories}, ANSWER_SECONDS)
        answer = answer or {"error": f"the runner {why}"}
        if "error" in answer or not out.exists():
            raise AssertionError(f"Lighthouse did not run on {url}: {answer.get('error')}\n"
                                 + self.log.read_text(encoding="utf-8", errors="replace")[-3000:])
        return read_report(out, url, categories)


def read_report(out: Path, url: str, categories: list[str]) -> Run:
    """The scores, metrics and point-costing audits of one JSON report."""
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise AssertionError(f"Lighthouse could not measure {url}: {report['runtimeError']}")
    audits = report["audits"]
    failed = sorted({ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"]
                     if ref.get("weight") and (audits[ref["id"]].get("score") or 0) < 0.9
                     and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")})
    return Run(scores={c: report["categories"][c]["score"] for c in categories},
               metrics={m: audits[m].get("displayValue", "") for m in METRICS},
               failed_audits=failed)


def median_scores(runs: list[Run]) -> dict[str, float]:
    """Each category's median over the runs that scored it."""
    return {c: statistics.median(r.scores[c] or 0 for r in runs if c in r.scores) for c in CATEGORIES}


def shortfalls(scores: dict[str, float]) -> list[str]:
    """The categories under their target, e.g. ['performance 0.71 (under 0.80)']."""
    return [f"{c} {scores[c]:.2f} (under {TARGETS[c]:.2f})" for c in CATEGORIES if scores[c] < TARGETS[c]]


def in_passes(pages: list[str], run, floor: float, most: int = RUNS) -> dict[str, list[Run]]:
    """Each page's runs (`run(page, n)` makes the page's n-th, from 0), made in passes: a pass runs
    every page whose median of `most` runs is not yet decided, so a page's runs are a pass apart
    (over a minute on the 2-core machine) and a burst of load from the other test worker, which
    can last most of a minute and cost 0.25 of a score, hits one of them rather than all. A page
    is decided once more than half of `most` runs are at or above the performance `floor` (its
    median is too, whatever the rest score) or below it: the same verdict as always making `most`
    runs, with fewer (two of three when the first two agree)."""
    runs: dict[str, list[Run]] = {page: [] for page in pages}
    needed = most // 2 + 1

    def decided(page_runs: list[Run]) -> bool:
        above = sum(r.scores["performance"] >= floor for r in page_runs)
        return len(page_runs) >= most or above >= needed or len(page_runs) - above >= needed

    while undecided := [page for page in pages if not decided(runs[page])]:
        for page in undecided:
            runs[page].append(run(page, len(runs[page])))
    return runs
