"""documents/cache.py: documents are made again only when what reaches them changes (the key is a
hash of content and code, never a time), and a cache entry is used only if every file in it checks."""
from __future__ import annotations

import json

import pytest

from esafety_portal.documents import cache
from esafety_portal.documents.cache import RECORD, all_documents, cached_documents, content_key
from esafety_portal.documents.pack import PACK_NAME
from support.content_factory import make_content, template

AUTHOR = "Testshire County Council"


def reviewed(template_id, text="Ask [[dsl]] first."):
    return template(template_id, [(f"{template_id}-01", text)],
                    review={"last_reviewed": "2026-05-01", "review_every_months": 12},
                    changes=[{"date": "2026-05-01", "summary": "First published."}])


@pytest.fixture
def tpl():
    return make_content(templates=[reviewed("tpl-a")]).templates[0]


@pytest.fixture
def made(monkeypatch):
    """Counts the templates whose documents are made rather than read from the cache."""
    calls = []
    real = cache.template_documents
    monkeypatch.setattr(cache, "template_documents", lambda t, a: calls.append(t.id) or real(t, a))
    return calls


def test_the_key_follows_the_words_and_the_author_only(tpl):
    same = make_content(templates=[reviewed("tpl-a")]).templates[0]
    reworded = make_content(templates=[reviewed("tpl-a", "Ask [[dsl]] at once.")]).templates[0]
    assert content_key(tpl, AUTHOR) == content_key(same, AUTHOR)
    assert len({content_key(tpl, AUTHOR), content_key(reworded, AUTHOR), content_key(tpl, "Other Council")}) == 3


def test_an_unchanged_template_is_read_back_not_made_again(tpl, made, tmp_path):
    first = cached_documents(tpl, AUTHOR, tmp_path)
    again = cached_documents(tpl, AUTHOR, tmp_path)
    assert again == first and made == ["tpl-a"]
    (entry,) = tmp_path.iterdir()
    assert entry.name == f"tpl-a-{content_key(tpl, AUTHOR)}"
    assert json.loads((entry / RECORD).read_text())["key"] == content_key(tpl, AUTHOR)


def test_without_a_cache_folder_every_build_makes_them(tpl, made):
    assert cached_documents(tpl, AUTHOR, None) == cached_documents(tpl, AUTHOR, None)
    assert made == ["tpl-a", "tpl-a"]


@pytest.mark.parametrize("spoil", ["edit a file", "delete a file", "delete the record", "break the record",
                                   "record another key"])
def test_an_entry_that_does_not_check_is_made_again(tpl, made, tmp_path, spoil):
    good = cached_documents(tpl, AUTHOR, tmp_path)
    (entry,) = tmp_path.iterdir()
    if spoil == "edit a file":
        (entry / "tpl-a.md").write_bytes(b"# Planted words\n")
    elif spoil == "delete a file":
        (entry / "tpl-a.odt").unlink()
    elif spoil == "delete the record":
        (entry / RECORD).unlink()
    elif spoil == "break the record":
        (entry / RECORD).write_text("{not json")
    else:
        record = json.loads((entry / RECORD).read_text())
        (entry / RECORD).write_text(json.dumps({**record, "key": "0" * 64}))
    assert cached_documents(tpl, AUTHOR, tmp_path) == good
    assert made == ["tpl-a", "tpl-a"]


def test_a_link_in_the_cache_is_never_followed(tpl, made, tmp_path):
    good = cached_documents(tpl, AUTHOR, tmp_path)
    (entry,) = tmp_path.iterdir()
    planted = tmp_path.parent / "planted.md"
    planted.write_bytes(b"# Planted\n")
    (entry / "tpl-a.md").unlink()
    (entry / "tpl-a.md").symlink_to(planted)
    assert cached_documents(tpl, AUTHOR, tmp_path) == good and made == ["tpl-a", "tpl-a"]
    assert not (entry / "tpl-a.md").is_symlink() and planted.read_bytes() == b"# Planted\n"


def test_an_older_entry_is_removed_and_another_templates_kept(made, tmp_path):
    first = make_content(templates=[reviewed("tpl-a"), reviewed("tpl-a-two")]).templates
    all_documents(first, AUTHOR, tmp_path)
    reworded = make_content(templates=[reviewed("tpl-a", "New words."), reviewed("tpl-a-two")]).templates
    all_documents(reworded, AUTHOR, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"tpl-a-{content_key(reworded[0], AUTHOR)}", f"tpl-a-two-{content_key(reworded[1], AUTHOR)}"])


def test_all_documents_adds_the_pack_and_none_for_no_templates(tmp_path):
    templates = make_content(templates=[reviewed("tpl-a")]).templates
    assert sorted(all_documents(templates, AUTHOR, tmp_path)) == sorted(["tpl-a.docx", "tpl-a.odt", "tpl-a.md",
                                                                         PACK_NAME])
    assert all_documents([], AUTHOR, tmp_path) == {}
