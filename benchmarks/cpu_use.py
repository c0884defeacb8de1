"""The CPU time a command and every process it starts use, and by which programs: where the whole
test suite's time goes, and the least wall time that work could take on this machine's cores.

The total is exact: the kernel adds a finished process's CPU time to its parent's account when the
parent waits for it, up to the command (getrusage); a process its parent left running is never
waited for, so the total is at least what the samples saw. The split by program is sampled from
/proc twice a second: a process that starts and ends between two samples, or the last half second
of one, is not seen, so the split sums to less than the total and the rest is shown as unsampled.
"""
from __future__ import annotations

import os
import re
import resource
import subprocess
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")
INTERVAL = 0.5  # seconds between samples: under 1% of a core for a few hundred processes


@dataclass
class CpuUse:
    total: float  # CPU-seconds of the command and everything it started
    by_program: dict[str, float] = field(default_factory=dict)  # sampled
    cores: int = 1

    @property
    def least_wall(self) -> float:
        """Seconds the work needs with every core busy all the time: no scheduling does better."""
        return self.total / self.cores

    def describe(self) -> str:
        """'1030 CPU-s: chromium 586, python 330, unsampled 20'."""
        parts = [f"{name} {seconds:.0f}" for name, seconds in sorted(self.by_program.items(), key=lambda kv: -kv[1])
                 if round(seconds)]
        unsampled = self.total - sum(self.by_program.values())
        if round(unsampled) > 0:
            parts.append(f"unsampled {unsampled:.0f}")
        return f"{self.total:.0f} CPU-s: " + ", ".join(parts)


def program(exe: str) -> str:
    """A program's name from its executable: 'python3.11' -> 'python', 'soffice.bin' -> 'soffice'."""
    return re.sub(r"[\d.]+$", "", Path(exe).name.removesuffix(".bin")) or Path(exe).name


def _processes() -> dict[tuple[int, int], tuple[int, float]]:
    """(pid, start time) -> (parent pid, CPU-seconds so far), for every process now running."""
    found = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()  # the name, in brackets, may hold spaces
        found[(int(entry.name), int(fields[19]))] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return found


class _Sampler(threading.Thread):
    """Each process descended from `root` while sampled: its program (as last seen: a shell may
    become another program) and the most CPU seen."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.seen: dict[tuple[int, int], tuple[str, float]] = {}
        self.stop = threading.Event()

    def sample(self) -> None:
        now = _processes()
        by_pid = {key[0]: key for key in now}
        # The command, and every process already seen (one whose parent ended is still the command's),
        ours = {key for key in now if key[0] == self.root or key in self.seen}
        grown = True
        while grown:  # then their children, and theirs
            more = {key for key, (parent, _) in now.items() if key not in ours and by_pid.get(parent) in ours}
            ours |= more
            grown = bool(more)
        for key in ours:
            name = self._program(key[0]) or self.seen.get(key, (None,))[0]
            if name:
                self.seen[key] = (name, now[key][1])

    @staticmethod
    def _program(pid: int) -> str | None:
        try:
            return program(os.readlink(PROC / str(pid) / "exe"))
        except OSError:  # ended, or not ours to read
            return None

    def run(self) -> None:
        while not self.stop.wait(INTERVAL):
            self.sample()

    def by_program(self) -> dict[str, float]:
        split = Counter()
        for name, seconds in self.seen.values():
            split[name] += seconds
        return dict(split)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(command: list[str], **popen) -> tuple[subprocess.CompletedProcess, CpuUse]:
    """Run `command` to its end (Popen's keyword arguments; output captured as text) and say what
    CPU it used."""
    before = _children_cpu()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen) as process:
        sampler = _Sampler(process.pid)
        sampler.start()
        stdout, stderr = process.communicate()
        sampler.stop.set()
        sampler.join()
    split = sampler.by_program()
    # A process whose parent left it running is never waited for by the command: only sampled.
    total = max(_children_cpu() - before, sum(split.values()))
    return (subprocess.CompletedProcess(command, process.returncode, stdout, stderr),
            CpuUse(total, split, len(os.sched_getaffinity(0))))
