"""The plain Markdown version of a template, for anyone who wants to diff it or reuse the text.

Blanks stay as [[placeholders]], so a school can fill them in with find and replace."""
from __future__ import annotations

from .outline import Bullets, Heading, Outline, Paragraph, SignatureTable


def _text(pieces) -> str:
    return "".join(piece.text for piece in pieces)


def markdown_text(doc_outline: Outline) -> str:
    lines = [f"# {doc_outline.title}", ""]
    lines += [f"{line}  " for line in doc_outline.cover[:-1]] + [doc_outline.cover[-1], ""]
    for block in doc_outline.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            lines += [_text(block.pieces), ""]
        elif isinstance(block, Bullets):
            lines += [f"- {_text(item)}" for item in block.items] + [""]
        elif isinstance(block, SignatureTable):
            lines.append("| " + " | ".join(block.header) + " |")
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join([signer] + [" "] * (len(block.header) - 1)) + " |" for signer in block.signers]
            lines.append("")
    lines += ["---", "", doc_outline.footer, ""]
    return "\n".join(lines)


def markdown_bytes(doc_outline: Outline) -> bytes:
    return markdown_text(doc_outline).encode("utf-8")
