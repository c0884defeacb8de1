"""The real templates: one per data file, well formed, written for their readers, and indexed."""
from __future__ import annotations

import re

from esafety_portal.pages import page_of
from support.site import ROOT

EXPECTED = {"esafety-policy", "aup-eyfs-ks1", "aup-ks2", "aup-ks3-5", "aup-send", "aup-staff", "aup-parents",
            "aup-visitors"}


def test_one_template_per_data_file(content):
    files = {p.stem for p in (ROOT / "data" / "templates").glob("*.yml")}
    assert {t.id for t in content.templates} == files
    assert EXPECTED <= files
    # The policy leads the list, then the AUPs in the order their files give (order:).
    places = [(t.kind != "policy", t.order) for t in content.templates]
    assert places == sorted(places)


def test_every_file_starts_with_the_schema_line():
    for path in sorted((ROOT / "data" / "templates").glob("*.yml")):
        first = path.read_text("utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/template.schema.json", path.name


def test_ids_start_with_the_template_id(content):
    for template in content.templates:
        for thing in [*template.sections, *template.clauses]:
            assert thing.id.startswith(template.id + "-"), thing.id


def test_every_aup_says_what_happens_if_broken_and_has_signers(content):
    for template in content.templates:
        if template.kind == "aup":
            assert template.if_broken and template.signature and template.signature.signers


def test_pupil_statements_are_i_will(content):
    pupil = [t for t in content.templates if t.key_stage]
    assert {t.id for t in pupil} == {"aup-eyfs-ks1", "aup-ks2", "aup-ks3-5", "aup-send"}
    for template in pupil:
        for clause in template.clauses:
            assert clause.text.startswith("I will "), clause.id
    # How long and how hard they may be is each file's `reading` target (tests/templates/test_readability.py).


def test_pupil_aups_are_signed_by_pupil_and_parent_and_staff_aup_by_staff(content):
    by_id = {t.id: t for t in content.templates}
    for template_id in ("aup-eyfs-ks1", "aup-ks2", "aup-ks3-5", "aup-send"):
        assert {"Pupil", "Parent or carer"} <= set(by_id[template_id].signature.signers)
    assert by_id["aup-staff"].signature.signers == ("Member of staff or volunteer",)
    assert "acknowledgement" in by_id["aup-parents"].signature.title.lower()
    assert "[[guest_wifi_name]]" in by_id["aup-visitors"].purpose


def test_policy_covers_the_issue_topics(content):
    policy = next(t for t in content.templates if t.id == "esafety-policy")
    text = " ".join(c.text for c in policy.clauses).lower()
    for phrase in ["[[headteacher]]", "[[dsl]]", "[[e_safety_lead]]", "[[link_governor]]", "[[technical_lead]]",
                   "[[date_ratified]]", "[[next_review_date]]", "remote learning", "taught away from the school",
                   "governing body", "filtered", "monitoring", "pshe", "assemblies", "accredited",
                   "audits the training", "parents", "ceop report abuse", "encrypted", "never shared",
                   "behaviour policy", "anti-bullying", "safeguarding", "reviewed every year",
                   "acceptable use policy"]:
        assert phrase in text, phrase


def test_clauses_are_indexed_and_referred_to(content):
    assert content.kinds["aup-ks2"] == "template"
    assert content.kinds["aup-ks2-01"] == "clause"
    assert content.kinds["aup-ks2-school"] == "section"
    referring = [item.id for item in content.referring("feature-11", "addresses")]
    assert "aup-ks2-01" in referring and "esafety-policy-47" in referring
    assert page_of(content, "aup-ks2-01") == "templates/aup-ks2.md"
    assert page_of(content, "aup-ks2") == "templates/aup-ks2.md"
    assert page_of(content, "feature-11") == "inspection/features.md"
    clause = content.get("aup-ks2-01")
    assert clause.title.startswith("Acceptable Use Policy for pupils in Key Stage 2: I will")


def test_no_placeholder_is_misspelt_in_the_real_data(content):
    from esafety_portal.templates import PLACEHOLDERS

    for template in content.templates:
        for clause in template.clauses:
            for name in re.findall(r"\[\[([^\]]*)\]\]", clause.text):
                assert name in PLACEHOLDERS
