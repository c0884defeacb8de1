"""Run the Nu HTML Checker (vnu.jar) over HTML files in one Java process; return its errors."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

# Errors filtered out, each with why. Only markup we cannot change without copying a whole
# Material template (which the design forbids) and which browsers handle as Material intends.
KNOWN_MATERIAL_ERRORS = [
    # Material 9.8.1 partials/nav-item.html writes tabindex="{{ tabindex }}" on section labels,
    # with tabindex unset for sections: an empty tabindex, which every browser treats as no
    # tabindex at all - Material's intent (a section heading is not a stop in the tab order).
    # Fixing it means copying that 170-line template.
    re.compile(r'^Bad value “” for attribute “tabindex” on element “label”'),
    # base.html puts autocomplete="off" on its drawer and search checkboxes so that Firefox does
    # not restore them (an open drawer or search) on back navigation; the attribute has no other
    # effect on a checkbox. Removing it means copying base.html.
    re.compile(r'^Attribute “autocomplete” is only allowed when the input type is'),
]


def nu_errors(java: str, vnu_jar: Path, files: list[Path]) -> list[str]:
    """Every error the checker reports on `files`, except the known Material ones above."""
    run = subprocess.run([java, "-jar", str(vnu_jar), "--format", "json", "--errors-only", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"the Nu HTML Checker did not run:\n{run.stdout}\n{run.stderr}") from None
    return [f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages
            if m["type"] in ("error", "non-document-error")
            and not any(p.search(m["message"]) for p in KNOWN_MATERIAL_ERRORS)]
