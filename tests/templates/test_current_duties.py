"""The templates carry what current guidance asks of a school (issue 13): each duty has a clause in
the model policy (and the agreements where it applies) that traces to the current item it comes
from, so the template page and the item's page link both ways."""
from __future__ import annotations

import pytest

# duty -> (the current item that asks for it, words the clause must contain, templates that must carry it)
DUTIES = {
    "a named senior leader for filtering and monitoring": (
        "dfe-fm-1", "[[filtering_senior_leader]]", ["esafety-policy"]),
    "a named governor for filtering and monitoring": ("dfe-fm-1", "[[filtering_governor]]", ["esafety-policy"]),
    "the yearly filtering and monitoring review": ("dfe-fm-2", "At least once every school year", ["esafety-policy"]),
    "the DSL leads on online safety": ("kcsie-2026-dsl-online-safety", "takes the lead on online safety",
                                       ["esafety-policy"]),
    "mobile and smart technology": ("kcsie-2026-mobile-technology", "phone", ["esafety-policy", "aup-staff",
                                                                             "aup-parents", "aup-visitors"]),
    "generative AI": ("kcsie-2026-areas-of-risk", "AI tool", ["esafety-policy", "aup-staff", "aup-ks3-5"]),
    "images made with AI": ("kcsie-2026-areas-of-risk", "AI", ["esafety-policy", "aup-staff", "aup-ks3-5",
                                                               "aup-parents"]),
    "an agreement signed by everyone with access": ("dfe-cyber-2", "sign", ["esafety-policy", "aup-visitors"]),
    "training on filtering and monitoring": ("kcsie-2026-training", "filtering and monitoring", ["esafety-policy"]),
    "multi-factor authentication": ("dfe-cyber-4", "multi-factor authentication", ["esafety-policy"]),
    "the staff behaviour policy: contact with pupils and social media": (
        "kcsie-2026-staff-behaviour", "social media", ["aup-staff"]),
    "never view or copy a nude image of a pupil": ("snsn-never-view", "not view, copy or share", ["aup-staff"]),
    # Issue 19: the statutory phones guidance, searching phones, sextortion, Prevent, the OSA offences, AI products
    "regard to the statutory phones guidance": ("dfe-phones-1", "guidance on mobile phones", ["esafety-policy"]),
    "phone-free by default": ("dfe-phones-3", "phone-free", ["esafety-policy"]),
    "staff do not use phones in front of pupils": ("dfe-phones-4", "in front of pupils", ["esafety-policy", "aup-staff"]),
    "searching a pupil's phone": ("dfe-ssc-1", "search", ["esafety-policy", "aup-staff"]),
    "sextortion goes to the DSL": ("nca-sextortion-3", "sextortion", ["esafety-policy", "aup-staff"]),
    "getting images taken down": ("nca-sextortion-6", "Report Remove", ["esafety-policy"]),
    "extremism concerns go to the DSL": ("prevent-tell-dsl", "extremism", ["esafety-policy", "aup-staff"]),
    "the intimate image offences": ("osa-threaten-to-share", "crime", ["esafety-policy", "aup-staff"]),
    "checking an AI product before use": ("genai-governance", "safety standards", ["esafety-policy"]),
    "do not pay in sextortion": ("nca-sextortion-4", "not pay", ["aup-ks3-5", "aup-parents"]),
    "parents back the phone policy": ("dfe-phones-4", "phone policy", ["aup-parents"]),
}


@pytest.mark.parametrize("duty", DUTIES)
def test_each_current_duty_has_a_clause_tracing_to_its_item(content, duty):
    item_id, words, template_ids = DUTIES[duty]
    assert content.kinds.get(item_id), f"{item_id} is not an item on the portal"
    framework = content.framework_of(item_id)
    assert framework is not None and framework.current, f"{item_id} is not an item of a current framework"
    for template in (t for t in content.templates if t.id in template_ids):
        tracing = [c for c in template.clauses if item_id in c.addresses and words.lower() in c.text.lower()]
        assert tracing, f"{template.id} has no clause with {words!r} that addresses {item_id} ({duty})"
    assert {t.id for t in content.templates} >= set(template_ids)


def test_templates_that_gained_clauses_say_so_in_their_version_and_changes(content):
    changed = {tid for _, _, ids in DUTIES.values() for tid in ids}
    for template in (t for t in content.templates if t.id in changed):
        assert template.version not in ("1.0",) and template.changes, template.id
        # What each version added is recorded as data (previous:), which its page of changes lists.
        assert template.previous, f"{template.id}: record what its versions changed under previous: (CONTRIBUTING)"
