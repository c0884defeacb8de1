"""Hook: a failed `mkdocs build` never leaves a half-written site.

The build writes into `<site_dir>.partial`; only when it succeeds is that folder swapped in
for `<site_dir>`. On failure the partial folder is removed and the last good site stays.
`mkdocs serve` builds into its own temporary folder and is left alone.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from esafety_portal.build_state import build_state

_state = {"command": None}


def on_startup(command, dirty):
    _state["command"] = command


@event_priority(-100)  # last, after every other hook has seen the real site_dir
def on_config(config):
    if _state["command"] in ("build", "gh-deploy"):
        final = Path(config.site_dir)
        build_state(config).final_site_dir = str(final)
        config.site_dir = str(final.with_name(final.name + ".partial"))
        shutil.rmtree(config.site_dir, ignore_errors=True)
        _state["partial"] = config.site_dir
    return config


@event_priority(-100)
def on_post_build(config):
    final = build_state(config).final_site_dir
    if not final:
        return
    final, partial = Path(final), Path(config.site_dir)
    previous = final.with_name(final.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    partial.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    config.site_dir = str(final)


def on_build_error(error):
    # The config is not passed here; remove any partial folder we were writing.
    partial = _state.get("partial")
    if partial:
        shutil.rmtree(partial, ignore_errors=True)
