"""The downloads open in a real office suite: LibreOffice converts every .docx and .odt to PDF,
and the PDF holds the template's title, every section heading and every clause."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from support.seeds import normalise

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


@pytest.fixture(scope="module")
def converted(tmp_path_factory, documents):
    """Every .docx and .odt, converted to PDF by LibreOffice in one run, as text."""
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.fail("LibreOffice and pdftotext are missing: run `bash .ci/system-packages` (this test never skips)")
    folder = tmp_path_factory.mktemp("office")
    names = [name for name in sorted(documents) if name.endswith((".docx", ".odt"))]
    for name in names:
        (folder / name).write_bytes(documents[name])
    # One LibreOffice run for all files; .docx and .odt of one template share a stem, so convert in two folders.
    texts = {}
    for extension in ("docx", "odt"):
        outdir = folder / f"pdf-{extension}"
        files = [str(folder / n) for n in names if n.endswith(extension)]
        result = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
                                 "--convert-to", "pdf", "--outdir", str(outdir), *files],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        for pdf in outdir.glob("*.pdf"):
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
            texts[f"{pdf.stem}.{extension}"] = normalise(re.sub(r"\s+", " ", text))
    return texts


def test_libreoffice_opens_every_document_with_all_its_content(converted, content):
    assert len(converted) == 2 * len(content.templates) > 0
    for template in content.templates:
        for extension in ("docx", "odt"):
            name = f"{template.id}.{extension}"
            assert name in converted, f"LibreOffice could not open {name}"
            text = converted[name]
            assert normalise(template.title) in text, f"{name}: title missing"
            for item in template.items:
                if item.kind != "clause":
                    continue
                # Placeholders print as their labels; compare the words around them.
                for part in re.split(r"\[\[[a-z_]+\]\]", item.text):
                    words = normalise(part)
                    if len(words) > 12:
                        assert words[:60] in text, f"{name}: clause {item.id} missing"
