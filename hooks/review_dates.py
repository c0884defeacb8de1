"""Hook: list content past its review date when the site builds. A warning, never a failure:
it is printed directly, because MkDocs' strict mode would turn a logged warning into a failed build."""
from __future__ import annotations

import sys

from mkdocs.plugins import event_priority

from esafety_portal.build_state import build_state
from esafety_portal.clock import today
from esafety_portal.review import overdue_warning


@event_priority(90)  # just after load_content
def on_config(config):
    message = overdue_warning(build_state(config).content, today())
    if message:
        print(message, file=sys.stderr)
    return config
