"""CONTRIBUTING's steps, taken on a copy of the project as an editor takes them: the workflow test
(tests/test_editor_workflow.py) checks the copy builds, and `make test-editor-change`
(tests/editor_change.py) runs the whole suite on it."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from .project_copy import replace_in, set_value

# What step 1 adds to an item's title.
REWORD = ", reviewed every year"


def follow_contributing(project: Path, content, today: dt.date) -> None:
    """CONTRIBUTING's steps on the copy `project` (whose loaded `content` is given), as an editor
    takes them on `today`."""
    # 1. Reword an item of the first current framework, and date the file today: the first item whose
    # title line, reworded, stays within the line length yamllint allows (whatever today's titles are).
    fw = next(f for f in content.frameworks if f.current)
    path = project / fw.data_file
    limit = yaml.safe_load((project / ".yamllint.yml").read_text("utf-8"))["rules"]["line-length"]["max"]
    lines = path.read_text("utf-8").splitlines()
    item = next(i for i in fw.items if i.title and any(
        line.endswith(f"title: {i.title}") and len(line) + len(REWORD) <= limit for line in lines))
    replace_in(path, f"title: {item.title}\n", f"title: {item.title}{REWORD}\n")
    set_value(path, "last_reviewed", today.isoformat())
    replace_in(path, "changes:\n", f"changes:\n  - date: {today.isoformat()}\n"
                                   f"    summary: Said that {item.id} is reviewed every year.\n")
    # 2. Add a framework: copy the example, as "Add a framework" step 1 says.
    shutil.copy(project / "tests/fixtures/frameworks/example-standards.yml",
                project / "data/frameworks/example-standards.yml")
    # 3. Add a whole template: copy the one most like it, with a new file name and new ids.
    text = (project / "data/templates/aup-visitors.yml").read_text("utf-8")
    text = text.replace("aup-visitors", "aup-contractors").replace(
        "title: Acceptable Use Policy for visitors and community users", "title: Acceptable Use Policy for contractors")
    (project / "data/templates/aup-contractors.yml").write_text(text, "utf-8")
    set_value(project / "data/templates/aup-contractors.yml", "order", "9")
