"""Profile one build of a scratch copy of the project with cProfile, and show where time goes.

    .venv/bin/python benchmarks/profile_build.py [--scale N] [--cached] [--top 30]

Prints the functions with the most cumulative time, first only ours (hooks/), then everything.
Not part of `make bench`: a tool for finding what to make faster.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil

from project import build, copy_project, scratch_dir
from scale import scale


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="content multiple (see scale.py)")
    parser.add_argument("--cached", action="store_true", help="make the documents first (an editor's rebuild)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    project = copy_project(scratch_dir("profile"))
    scale(project, args.scale)
    if args.cached:
        build(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    from mkdocs.__main__ import cli

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        cli(["build", "--strict", "--quiet", "--site-dir", str(project / "_site")])
    except SystemExit as done:
        if done.code:
            raise
    finally:
        profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    print(f"== ours (hooks/), {args.scale}x content ==")
    stats.print_stats(r"hooks/(?!.*site-packages)", args.top)
    print("== everything ==")
    stats.print_stats(args.top)
    shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
