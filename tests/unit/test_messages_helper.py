"""tests/support/messages.py: the next thing a message line says, not the last."""
from __future__ import annotations

import pytest

from support import messages
from support.messages import next_message, watch_message


def test_a_line_that_says_nothing_new_fails_in_time_instead_of_stalling(page, monkeypatch):
    monkeypatch.setattr(messages, "WAIT_MS", 300)
    page.set_content('<p id="msg">old</p>')
    watch_message(page, "msg")
    with pytest.raises(Exception, match="said nothing new"):
        next_message(page)


def test_the_same_words_written_again_are_the_next_message(page):
    """An import that says what the last one said is still seen as said (not waited for forever)."""
    page.set_content('<p id="msg">same</p><button onclick="document.getElementById(\'msg\').textContent=\'same\'">x</button>')
    watch_message(page, "msg")
    page.click("button")
    assert next_message(page) == "same"
