"""Hook: load and validate every data file once, before anything renders.

Runs first (priority 100). A symbolic link among the inputs or a build output tracked in git
stops the build before anything is read (esafety_portal/checkout.py). A content mistake stops
it with one message listing every problem, as `file:line: path: what is wrong — how to fix
it`, and no traceback.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from esafety_portal.build_state import KEY, make_state
from esafety_portal.checkout import refuse_untrusted
from esafety_portal.clock import ClockError
from esafety_portal.errors import ContentErrors, in_github_actions
from esafety_portal.load import load_content
from esafety_portal.site_config import apply_identity


@event_priority(100)
def on_config(config):
    project_dir = Path(config.config_file_path).parent
    try:
        refuse_untrusted(project_dir, _site_dir_in(project_dir, config))  # before anything is read
        content = load_content(project_dir)
    except ContentErrors as errors:
        if in_github_actions():
            print(errors.annotations(), flush=True)
        raise PluginError(errors.report()) from None
    except ClockError as error:
        raise PluginError(str(error)) from None
    apply_identity(config, content.site)
    config[KEY] = make_state(config, content)  # the one build state every other hook reads
    return config


def _site_dir_in(project_dir: Path, config) -> tuple[str, ...]:
    """The configured site folder, one more output folder, when it is inside the project."""
    project, site = project_dir.resolve(), Path(config.site_dir).resolve()
    return (site.relative_to(project).as_posix(),) if site.is_relative_to(project) and site != project else ()
