"""A second engine: ProperDocs (a maintained fork of MkDocs 1.x) builds the same site as
MkDocs 1.6.1, every page and file byte for byte, apart from the generator meta tag. If MkDocs
ever has to be replaced, the site can move without a visible change."""
from __future__ import annotations

import time

import mkdocs
import properdocs

from support.project_copy import copy_project
from support.site import build_env, mkdocs_build
from support.site_compare import mask_generator, site_differences

ENGINES = ("mkdocs", "properdocs")


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    # Both engines write the build time into the site (the sitemap's dates, the time in the
    # sitemap.xml.gz header), so both builds get one instant through SOURCE_DATE_EPOCH, the
    # variable they read for it, rather than masking those bytes in the comparison.
    epoch = build_env().get("SOURCE_DATE_EPOCH") or str(int(time.time()))
    sites = {}
    for engine in ENGINES:
        # A fresh copy per engine: builds keep the documents they made in the project's .cache/,
        # so neither build can reuse the other's output.
        project = copy_project(tmp_path / engine / "project")
        sites[engine] = tmp_path / engine / "site"
        result = mkdocs_build(project, sites[engine], {"SOURCE_DATE_EPOCH": epoch}, engine=engine)
        assert result.returncode == 0, f"{engine} build --strict failed:\n{result.stdout}\n{result.stderr}"

    # Each site was really built by its engine: the generator tag says which.
    home = {engine: (sites[engine] / "index.html").read_text("utf-8") for engine in ENGINES}
    assert f'content="mkdocs-{mkdocs.__version__}, ' in home["mkdocs"]
    assert f'content="mkdocs-ProperDocs {properdocs.__version__}, ' in home["properdocs"]
    assert len(list(sites["mkdocs"].rglob("*.html"))) > 20

    differences = site_differences(sites["mkdocs"], sites["properdocs"], ENGINES)
    assert not differences, f"{len(differences)} files differ between the builds:\n" + "\n".join(differences)


# The comparison itself, on two tiny sites.

def write(site, files):
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return site


PAGE = '<head>\n<meta name="generator" content="mkdocs-{}, mkdocs-material-9.8.1">\n</head>\n<p>{}</p>\n'


def test_only_the_engine_in_the_generator_tag_is_ignored():
    assert mask_generator(PAGE.format("1.6.1", "x")) == mask_generator(PAGE.format("ProperDocs 1.6.7", "x"))
    # The theme's part of the tag, and anything else on the page, still count.
    assert mask_generator(PAGE.format("1.6.1", "x")) != mask_generator(PAGE.format("1.6.1", "y"))
    assert (mask_generator(PAGE.format("1.6.1", "x"))
            != mask_generator(PAGE.format("1.6.1", "x").replace("material-9.8.1", "material-9.8.2")))


def test_a_difference_is_listed_with_a_short_diff(tmp_path):
    same = {"index.html": PAGE.format("1.6.1", "home"), "a.docx": b"\x00\x01PK"}
    a = write(tmp_path / "a", {**same, "page/index.html": PAGE.format("1.6.1", "one"), "old.js": "x"})
    b = write(tmp_path / "b", {**same, "page/index.html": PAGE.format("ProperDocs 1.6.7", "two"), "new.js": "y",
                               "index.html": PAGE.format("ProperDocs 1.6.7", "home")})
    assert site_differences(a, a) == []
    differences = site_differences(a, b, ENGINES)
    assert differences[:2] == ["old.js: only in the mkdocs build", "new.js: only in the properdocs build"]
    assert len(differences) == 3
    assert "mkdocs/page/index.html" in differences[2] and "<p>one</p>" in differences[2]
    assert "<p>two</p>" in differences[2] and "generator" not in differences[2]

    write(b, {"a.docx": b"\x00\x02PK\xff"})
    assert "a.docx: binary files differ (4 and 5 bytes)" in site_differences(a, b)
