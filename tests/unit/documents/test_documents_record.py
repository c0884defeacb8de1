"""documents/record.py: a blank record (the incident record's by default, or any record's outline)
as .docx and .odt under the record's own name, the same bytes every build, made once per process."""
from __future__ import annotations

import io

import docx
from odf import teletype
from odf.opendocument import load as load_odt
from odf.text import P

from esafety_portal import incident_record, training_record
from esafety_portal.documents.record import documents, made

COUNCIL = "Testshire County Council"


def test_the_incident_record_by_default_with_a_blank_for_each_field():
    made = documents(COUNCIL)
    assert set(made) == {"incident-record.docx", "incident-record.odt"}
    word = [p.text for p in docx.Document(io.BytesIO(made["incident-record.docx"])).paragraphs]
    odt = [teletype.extractText(p) for p in load_odt(io.BytesIO(made["incident-record.odt"])).getElementsByType(P)]
    for field in incident_record.FIELDS:
        assert field.blank in word and field.blank in odt
    assert documents(COUNCIL) == made


def test_made_again_the_bytes_are_the_same_and_kept_once_for_each_author():
    first = documents(COUNCIL)
    assert made(COUNCIL) == first  # made afresh, not the kept copy
    assert documents(COUNCIL) is not first and documents(COUNCIL) == first  # a copy each time: a caller's change stays its own
    other = documents("Elsewhere Borough Council")
    assert docx.Document(io.BytesIO(other["incident-record.docx"])).core_properties.author == "Elsewhere Borough Council"


def test_another_records_outline_under_its_own_name():
    made = documents(COUNCIL, training_record.DOCUMENT_NAME, training_record.outline)
    assert set(made) == {"training-record.docx", "training-record.odt"}
    word = docx.Document(io.BytesIO(made["training-record.docx"]))
    assert word.core_properties.title == "Safeguarding training record"
    assert word.core_properties.author == COUNCIL


def test_a_second_build_in_the_process_does_not_make_them_again(monkeypatch):
    from esafety_portal.documents import record

    calls = []
    monkeypatch.setattr(record, "made", lambda *args: calls.append(args) or made(*args))
    author = "Only Here Unitary Authority"
    assert documents(author) == documents(author) == made(author)
    assert len(calls) == 1
