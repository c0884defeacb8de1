"""tests/support/site.py's StaticServer: a browser dropping an answer it no longer wants (moving to
the next page) prints nothing; any other fault in the server is still printed."""
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
