"""Check every data file without building the site: `python -m esafety_portal.check`.

Prints each problem as `file:line: path: what is wrong — how to fix it` and exits 1,
or prints a one-line summary and exits 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checkout import refuse_untrusted
from .clock import ClockError
from .errors import ContentErrors, in_github_actions
from .load import load_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=".", help="the project folder (default: here)")
    args = parser.parse_args(argv)
    try:
        refuse_untrusted(Path(args.project))  # links and tracked outputs, before anything is read
        content = load_content(Path(args.project))
    except ContentErrors as errors:
        if in_github_actions():
            print(errors.annotations())
        print(errors.report(), file=sys.stderr)
        return 1
    except ClockError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"All data is valid: {len(content.all_items())} items in {len(content.files)} files.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
