"""esafety_portal/bounded_memo.py: a value is made once per key; past its size the entry used
least recently goes first; a value whose making fails is not kept."""
from __future__ import annotations

import pytest

from esafety_portal.bounded_memo import BoundedMemo


def test_a_value_is_made_once_and_the_least_recently_used_goes_first():
    made = []
    memo = BoundedMemo(2)

    def get(key):
        return memo.get(key, lambda: made.append(key) or key.upper())

    assert [get("a"), get("b"), get("a")] == ["A", "B", "A"] and made == ["a", "b"]
    get("c")  # "b" was used least recently
    assert list(memo) == ["a", "c"] and len(memo) == 2
    get("b")
    assert made == ["a", "b", "c", "b"]
    memo.clear()
    assert len(memo) == 0


def test_a_value_whose_making_fails_is_not_kept():
    memo = BoundedMemo(2)
    with pytest.raises(ValueError):
        memo.get("a", lambda: (_ for _ in ()).throw(ValueError("refused")))
    assert list(memo) == []
    assert memo.get("a", lambda: 1) == 1
