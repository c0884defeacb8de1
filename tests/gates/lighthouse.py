"""Run Lighthouse (npm `lighthouse`) in Debian's Chromium and read back its scores."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 0.95
# Lighthouse varies from run to run (its own docs advise the median of several); three runs
# of each page keep the gate steady on a busy 2-core machine.
RUNS = 3
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
                " --disable-background-networking --disable-component-update --disable-sync")
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index"]


@dataclass
class Run:
    scores: dict[str, float]
    metrics: dict[str, str]
    failed_audits: list[str]  # the audits that cost points, for the report


def lighthouse(node: str, cli: Path, url: str, out: Path) -> Run:
    """One Lighthouse run (its default: a mid-range phone on a slow 4G connection)."""
    command = [node, str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    done = subprocess.run(command, env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
                          capture_output=True, text=True, timeout=300)
    if done.returncode or not out.exists():
        raise AssertionError(f"Lighthouse did not run on {url}:\n{done.stdout}\n{done.stderr}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise AssertionError(f"Lighthouse could not measure {url}: {report['runtimeError']}")
    audits = report["audits"]
    failed = sorted({ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"]
                     if ref.get("weight") and (audits[ref["id"]].get("score") or 0) < 0.9
                     and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")})
    return Run(scores={c: report["categories"][c]["score"] for c in CATEGORIES},
               metrics={m: audits[m].get("displayValue", "") for m in METRICS},
               failed_audits=failed)


def median_scores(runs: list[Run]) -> dict[str, float]:
    return {c: statistics.median(r.scores[c] if r.scores[c] is not None else 0 for r in runs) for c in CATEGORIES}


def shortfalls(scores: dict[str, float]) -> list[str]:
    """The categories under the target, e.g. ['performance 0.91']."""
    return [f"{c} {scores[c]:.2f}" for c in CATEGORIES if scores[c] < TARGET]
