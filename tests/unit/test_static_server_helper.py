"""tests/support/site.py's StaticServer: a browser dropping an answer it no longer wants (moving to
the next page) prints nothing; any other fault in the server is still printed; files are served
compressed, as they are now."""
from __future__ import annotations

from support.site import StaticServer


def test_a_dropped_connection_is_quiet_and_another_fault_is_not(tmp_path, capsys):
    with StaticServer(tmp_path) as server:
        for fault in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset"), ValueError("a bug")):
            try:
                raise fault
            except Exception:  # noqa: BLE001 - as socketserver calls handle_error, inside the except
                server.httpd.handle_error(None, ("127.0.0.1", 1))
    printed = capsys.readouterr().err
    assert "ValueError: a bug" in printed
    assert "BrokenPipeError" not in printed and "ConnectionResetError" not in printed


def test_a_file_is_served_compressed_and_a_changed_file_as_it_is_now(tmp_path):
    """Compressed bodies are kept per version of a file: a file rewritten between two requests
    (a rebuilt site) is served with its new bytes."""
    import gzip
    import os
    import urllib.request

    page = tmp_path / "index.html"
    page.write_text("<p>first</p>", "utf-8")

    def fetch(url):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as answer:  # noqa: S310 - the local test server
            assert answer.headers["Content-Encoding"] == "gzip"
            return gzip.decompress(answer.read()).decode("utf-8")

    with StaticServer(tmp_path) as server:
        assert fetch(server.url) == "<p>first</p>"
        assert fetch(server.url) == "<p>first</p>"
        page.write_text("<p>second, longer</p>", "utf-8")
        assert fetch(server.url) == "<p>second, longer</p>"
        stat = page.stat()
        page.write_text("<p>third, same size</p>"[: stat.st_size], "utf-8")  # the same size, a new time
        os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert fetch(server.url) == "<p>third, same size</p>"[: stat.st_size]
