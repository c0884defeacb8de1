"""Under a running `mkdocs serve` (one process, many builds), a schema edit is validated again:
no record of data found valid under the old schemas, and no compiled validator, hides it."""
from __future__ import annotations

from support.project_copy import copy_project, replace_in
from support.serve import Serve


def test_a_schema_edit_under_mkdocs_serve_is_validated_again(tmp_path):
    project = copy_project(tmp_path / "project")
    with Serve(project) as serve:
        assert serve.wait_for("Serving on", 120), "serve did not start:\n" + serve.log()
        # A stricter schema: every framework now needs a field the data does not have.
        replace_in(project / "data/schema/framework.schema.json", '"required": [', '"required": ["owner", ')
        assert serve.wait_for("missing the required field 'owner'", 60), \
            "the edited schema was not applied to the next build:\n" + serve.log()
