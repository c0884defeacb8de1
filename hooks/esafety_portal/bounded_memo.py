"""A memo kept in this process only, and bounded: past its size, the entry used least recently
goes first. The loader keeps its readings in one (load.py) and what its checks found in another
(kept_findings.py), the CSP check the pages it found clean (hooks/csp.py), the blank records their
documents (documents/record.py)."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator


class BoundedMemo:
    def __init__(self, most: int):
        self.most = most
        self._entries: OrderedDict = OrderedDict()

    def get(self, key: Hashable, make: Callable[[], object]):
        """What is kept for `key`, or make(), kept (nothing is kept if make raises)."""
        if key in self._entries:
            self._entries.move_to_end(key)
        else:
            self._entries[key] = make()
            while len(self._entries) > self.most:
                self._entries.popitem(last=False)
        return self._entries[key]

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator:
        """The keys, the least recently used first."""
        return iter(self._entries)
