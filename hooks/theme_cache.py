"""Hook: keep the theme's compiled templates (Material's and overrides/) in memory between the
builds of one process; esafety_portal/jinja_cache.py says why and how an edit still shows."""
from __future__ import annotations

from esafety_portal.jinja_cache import bytecode_cache


def on_env(env, config, files):
    env.bytecode_cache = bytecode_cache(config, "theme")
    return env
