"""Lighthouse gate: the home page, a guidance page, a template page, the self-review page and a
reviewable framework's self-review (the annual filtering and monitoring review) each score at
least 0.95 for accessibility, best practices and SEO, and at least the performance floor that
lighthouse.py derives from measured spread, under simulated mobile conditions (lighthouse.py,
SETTINGS), served compressed as the real host serves them.
The scores of every run go in reports/lighthouse.md."""
from __future__ import annotations

import itertools
import statistics

import pytest

from conftest import FIXTURES, node_tool, require_program
from lighthouse import CATEGORIES, RUNS, TARGETS, Lighthouse, in_passes, median_scores, shortfalls
from support.serve import free_port
from support.site import StaticServer, member_ids

PAGES = {"home": "", "guidance": "inspection/features/", "template": "templates/esafety-policy/",
         "self-review": "self-review/", "crosswalk": "frameworks/crosswalk/"}

# A reviewable framework's self-review (0.98 performance alone, the median of 3 runs; 1 in the rest).
PAGES["framework-review"] = "self-review/dfe-filtering-monitoring/"
# The incident record: a form with the self-review's storage and the templates' filling scripts.
PAGES["incident-record"] = "what-to-do/record/"
# The training record: the school's own records kept in the browser, with documents made on click.
PAGES["training-record"] = "training-record/"
# The response guides: the What to do poster and the first guide, whichever it is (esafety_portal/guide_pages.py).
PAGES["what-to-do"] = "what-to-do/"
PAGES.update({"guide": f"what-to-do/{guide}/" for guide in member_ids("guides")[:1]})


@pytest.fixture(scope="module")
def run_lighthouse(tmp_path_factory):
    node = require_program("node")
    tool = node_tool("lighthouse/package.json").parent
    out = tmp_path_factory.mktemp("lighthouse")

    with Lighthouse(node, tool, out / "runner.log") as lighthouse:
        def run(url: str, name: str, n: int = 0):
            """The n-th run of `url` (the first scores every category, the rest performance)."""
            return lighthouse.run(url, out / f"{name}-{n}.json", CATEGORIES if n == 0 else ["performance"])
        yield run


@pytest.fixture(scope="module")
def results(run_lighthouse, site_url, reports_dir):
    runs = in_passes(list(PAGES), lambda kind, n: run_lighthouse(site_url + PAGES[kind], kind, n),
                     TARGETS["performance"])
    lines = ["# Lighthouse scores", "",
             f"Simulated mobile conditions (tests/gates/lighthouse.py); the median of {RUNS} runs per page "
             "(made in passes over the pages; a page's runs stop once it is decided); "
             f"targets {', '.join(f'{c} {t:.2f}' for c, t in TARGETS.items())}.", "",
             "| page | " + " | ".join(CATEGORIES) + " | runs (perf) | metrics (last run) |",
             "|---" * (len(CATEGORIES) + 3) + "|"]
    for kind, page_runs in runs.items():
        median = median_scores(page_runs)
        lines.append(f"| {kind} (/{PAGES[kind]}) | " + " | ".join(f"{median[c]:.2f}" for c in CATEGORIES)
                     + " | " + ", ".join(f"{r.scores['performance']:.2f}" for r in page_runs)
                     + " | " + "; ".join(f"{k} {v}" for k, v in page_runs[-1].metrics.items()) + " |")
    failing = {kind: sorted({a for r in page_runs for a in r.failed_audits}) for kind, page_runs in runs.items()}
    lines += ["", "Audits that cost points in any run:", ""]
    lines += [f"- {kind}: {', '.join(audits) or 'none'}" for kind, audits in failing.items()]
    (reports_dir / "lighthouse.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return runs


@pytest.mark.parametrize("kind", PAGES)
def test_page_scores_at_least_the_target_in_every_category(results, kind):
    median = median_scores(results[kind])
    assert not shortfalls(median), (f"/{PAGES[kind]} is under target: {shortfalls(median)}; "
                                    f"audits that cost points: {sorted({a for r in results[kind] for a in r.failed_audits})}")


def test_gate_turns_red_on_a_slow_inaccessible_unfindable_page(run_lighthouse):
    """A page that blocks rendering with a long script, has an image with no text alternative,
    no language, title or description, and logs an error scores under the target in all four.
    Before it, an address with nothing there fails the run with Lighthouse's reason, and the one
    Chrome every run shares is still fit for the next."""
    with pytest.raises(AssertionError, match=r"Lighthouse (could not measure|did not run on) http://127\.0\.0\.1"):
        run_lighthouse(f"http://127.0.0.1:{free_port()}/", "nothing-there")
    with StaticServer(FIXTURES / "slow-site") as server:
        run = run_lighthouse(server.url, "slow-site")
    assert sorted(s.split()[0] for s in shortfalls(run.scores)) == sorted(CATEGORIES), run.scores


def test_each_category_is_the_median_of_the_runs_that_scored_it():
    from lighthouse import Run

    runs = [Run({"performance": 0.7, "accessibility": 1, "best-practices": 0.9, "seo": 1}, {}, []),
            Run({"performance": 0.9}, {}, []), Run({"performance": 0.85}, {}, [])]
    assert median_scores(runs) == {"performance": 0.85, "accessibility": 1, "best-practices": 0.9, "seo": 1}
    assert shortfalls(median_scores(runs)) == ["best-practices 0.90 (under 0.95)"]


@pytest.mark.parametrize("scores", list(itertools.product([0.9, 0.5], repeat=RUNS)))
def test_stopping_once_the_median_is_decided_gives_the_median_of_every_runs_verdict(scores):
    """Whatever the runs would score, stopping early passes exactly when the median of all RUNS would."""
    from lighthouse import Run

    made = []

    def run(page, n):
        made.append(n)
        return Run({"performance": scores[n]}, {}, [])

    runs = in_passes(["page"], run, 0.75)["page"]
    assert made == list(range(len(runs))) and len(runs) <= RUNS
    full = statistics.median(scores) >= 0.75
    assert (statistics.median(r.scores["performance"] for r in runs) >= 0.75) == full
    if scores[0] >= 0.75 and scores[1] >= 0.75 or scores[0] < 0.75 and scores[1] < 0.75:
        assert len(runs) == 2, "two runs that agree decide the median of three"


def test_a_pages_runs_are_a_pass_apart_and_only_undecided_pages_run_again():
    """Every page runs once before any runs a second time; a page decided by two runs that agree
    is not in the third pass."""
    from lighthouse import Run

    scores = {"steady": [0.9, 0.9, 0.9], "noisy": [0.9, 0.5, 0.9], "slow": [0.5, 0.5, 0.5]}
    made = []

    def run(page, n):
        made.append((page, n))
        return Run({"performance": scores[page][n]}, {}, [])

    runs = in_passes(list(scores), run, 0.75)
    assert made == [("steady", 0), ("noisy", 0), ("slow", 0), ("steady", 1), ("noisy", 1), ("slow", 1), ("noisy", 2)]
    assert {page: len(page_runs) for page, page_runs in runs.items()} == {"steady": 2, "noisy": 3, "slow": 2}


def test_a_runner_that_stops_fails_each_run_with_a_message_and_no_stall(tmp_path):
    """If the runner stops (Node or Chrome could not start), each run says so at once, with what the
    runner printed, and closing it does not fail (a stand-in for node that exits at once)."""
    with Lighthouse(require_program("false"), tmp_path, tmp_path / "runner.log") as stopped:
        for _ in range(2):
            with pytest.raises(AssertionError, match=r"Lighthouse did not run on http://127\.0\.0\.1:9/: the runner stopped"):
                stopped.run("http://127.0.0.1:9/", tmp_path / "report.json")
