"""`make serve` as an editor uses it, in real Chromium against a real `mkdocs serve`: a save that
breaks the build puts the build's messages on the page in the browser, and fixing the file
reloads the page to the site. Routine rebuilds print one line; a busy port one clear line."""
from __future__ import annotations

import socket
import urllib.request

from playwright.sync_api import expect

from support.hooks import load_hook
from support.project_copy import copy_project
from support.serve import Serve, free_port

ERROR_HEADING = "The site did not build"
# MkDocs' own lines for a routine rebuild, which the hook keeps out of the terminal.
ROUTINE = ("Detected file changes", "Building documentation", "Cleaning site directory",
           "Documentation built in", "Reloading browsers", "Browser connected", "Traceback")
DATA_FILE = "data/frameworks/inspecting-e-safety-2012.yml"


def test_a_broken_save_shows_its_message_in_the_browser_until_it_is_fixed(tmp_path, page):
    project = copy_project(tmp_path / "project")
    data_file = project / DATA_FILE
    good = data_file.read_text("utf-8")
    with Serve(project) as serve:
        assert serve.wait_for("Serving on", 120), "serve did not start:\n" + serve.log()
        page.goto(serve.url + "inspection/features/")
        heading = page.locator("h1").first.inner_text()
        started = len(serve.seen)

        data_file.write_text(good + "\nbroken: [this list is never closed\n", "utf-8")
        expect(page.locator("h1")).to_have_text(ERROR_HEADING, timeout=30_000)
        assert DATA_FILE.rsplit("/", 1)[1] in page.locator("main").inner_text()  # the build's own message
        assert serve.wait_for(f"{ERROR_HEADING}: every page at {serve.url} shows why", 10), serve.log()
        page.goto(serve.url + "about/")  # any page, until the file is fixed
        expect(page.locator("h1")).to_have_text(ERROR_HEADING)

        data_file.write_text(good, "utf-8")
        expect(page.locator("h1").first).not_to_have_text(ERROR_HEADING, timeout=30_000)  # reloaded by itself
        assert serve.wait_for("Rebuilt in", 30), serve.log()
        page.goto(serve.url + "inspection/features/")
        assert page.locator("h1").first.inner_text() == heading

        rebuild_log = serve.seen[started:]
        assert [line for line in rebuild_log if any(word in line for word in ROUTINE)] == [], "".join(rebuild_log)


def test_the_preview_is_written_to_memory_where_there_is_room_and_removed_when_serve_stops(tmp_path):
    """esafety_portal/preview_folder.py in the real `mkdocs serve`: MkDocs' temporary folder is a
    link to one in memory (/dev/shm) when memory has room, else the folder on disk; the site is
    served from it; Ctrl-C removes both."""
    from esafety_portal import preview_folder

    project = copy_project(tmp_path / "project")
    temp = tmp_path / "temp"
    temp.mkdir()
    with Serve(project, extra_env={"TMPDIR": str(temp)}) as serve:
        assert serve.wait_for("Serving on", 120), "serve did not start:\n" + serve.log()
        [site] = temp.glob("mkdocs_*")
        memory = site.resolve() if preview_folder.has_room() else None
        if memory is not None:
            assert site.is_symlink() and memory.parent == preview_folder.MEMORY.resolve(), site
        else:
            assert site.is_dir() and not site.is_symlink(), site
        written = (site / "about" / "index.html").read_text("utf-8")
        with urllib.request.urlopen(serve.url + "about/", timeout=10) as response:
            served = response.read().decode("utf-8")  # with MkDocs' live-reload script added
        assert served.split("<script>\nvar livereload")[0] == written.split("</body>")[0]
        assert serve.stop() == 0, serve.log()
    assert list(temp.iterdir()) == [], "MkDocs removed its folder"
    assert memory is None or not memory.exists(), "the folder in memory was removed"


def test_a_busy_port_gives_one_clear_line(tmp_path):
    project = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        port = free_port()
        taken.bind(("127.0.0.1", port))
        taken.listen()
        with Serve(project, port) as serve:
            serve.process.wait(timeout=60)
            serve.wait_for("never printed", 1)
    output = "".join(serve.seen)
    assert serve.process.returncode == 1, output
    assert (f"Port {port} on 127.0.0.1 is already in use (is `make serve` already running in another terminal?): "
            f"stop it, or serve on another port with `make serve PORT={port + 1}`.") in output
    # MkDocs' "Building documentation..." and that line: the port is checked before any work.
    assert "Traceback" not in output and len([line for line in output.splitlines() if line.strip()]) == 2, output


def test_a_save_is_noticed_within_a_tenth_of_a_second(tmp_path):
    """MkDocs polls the watched folders every 0.5 s: on average a quarter of a second added to
    every edit-to-reload. The hook's observer polls every 0.1 s, the folders watched before it
    ran included."""
    from mkdocs.livereload import LiveReloadServer

    hook = load_hook("live_preview")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    server.watch(str(tmp_path))
    hook._poll_faster(server)
    assert server.observer.timeout == 0.1 and server.build_delay <= 0.05
    assert [emitter.timeout for emitter in server.observer.emitters] == [0.1]
    assert list(server._watched_paths) == [str(tmp_path)]


def test_only_serving_reuses_conversions_search_entries_and_rendered_pages():
    """`mkdocs build` (the published site) converts every page, reads each for search and renders
    each through the theme; `mkdocs serve` may reuse all three (esafety_portal/markdown_cache.py,
    search_entries_cache.py, rendered_page_cache.py, tested in tests/test_markdown_cache.py)."""
    from types import SimpleNamespace

    import jinja2

    from esafety_portal import markdown_cache, rendered_page_cache

    hook = load_hook("live_preview")
    for command, reuses in (("build", False), ("gh-deploy", False), ("serve", True)):
        page = SimpleNamespace()
        hook.on_startup(command=command, dirty=False)
        assert hook.on_page_markdown("Words", page=page, config=None, files=None) == "Words"
        assert (getattr(getattr(page, "render", None), "func", None) is markdown_cache.render) == reuses, command
        index = SimpleNamespace(add_entry_from_context=lambda page: None, entries=[], config={})
        config = SimpleNamespace(plugins={"material/search": SimpleNamespace(
            config=SimpleNamespace(enabled=True), search_index=index)})
        assert hook.on_page_context({"page": page}, page=page, config=config, nav=None) == {"page": page}
        assert getattr(index, "_reuses_entries", False) == reuses, command
        env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "{{ page }}"}))
        assert hook.on_env(env, config={"hooks": {"live_preview": hook}}, files=None) is env
        assert isinstance(env.get_template("main.html"), rendered_page_cache._Reusing) == reuses, command
