"""Compare two built sites file by file, and describe every difference with a short diff."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

# The one thing the engine writes about itself: <meta name="generator" content="mkdocs-1.6.1,
# mkdocs-material-9.8.1"> (ProperDocs: "mkdocs-ProperDocs 1.6.7, ..."). Only the engine's name
# and version are masked; the theme's part of the tag is still compared.
GENERATOR = re.compile(r'(<meta name="generator" content=")mkdocs-[^,"]+')


def mask_generator(text: str) -> str:
    return GENERATOR.sub(r"\1mkdocs-ENGINE", text, count=1)


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def _comparable(path: Path) -> bytes:
    data = path.read_bytes()
    return mask_generator(data.decode("utf-8")).encode("utf-8") if path.suffix == ".html" else data


def _short_diff(name: str, a: bytes, b: bytes, labels: tuple[str, str], lines: int) -> str:
    try:
        a_text, b_text = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        return f"{name}: binary files differ ({len(a)} and {len(b)} bytes)"
    diff = list(difflib.unified_diff(a_text.splitlines(), b_text.splitlines(),
                                     f"{labels[0]}/{name}", f"{labels[1]}/{name}", n=0, lineterm=""))
    more = f"\n  ... {len(diff) - lines} more diff lines" if len(diff) > lines else ""
    return f"{name}:\n" + "\n".join(diff[:lines]) + more


def site_differences(a: Path, b: Path, labels: tuple[str, str] = ("a", "b"), lines: int = 12) -> list[str]:
    """One entry per file that is missing from a site or differs (generator tag masked); [] if equal."""
    a_files, b_files = _files(a), _files(b)
    out = [f"{name}: only in the {labels[0]} build" for name in sorted(a_files.keys() - b_files.keys())]
    out += [f"{name}: only in the {labels[1]} build" for name in sorted(b_files.keys() - a_files.keys())]
    for name in sorted(a_files.keys() & b_files.keys()):
        a_bytes, b_bytes = _comparable(a_files[name]), _comparable(b_files[name])
        if a_bytes != b_bytes:
            out.append(_short_diff(name, a_bytes, b_bytes, labels, lines))
    return out
