"""One way into the engine: the profile panel (alone and on the profile page), the batch run and the path of the dossiers to come build their
requests with the same builder, so the same person gets the same result (on random, seeded ledgers)."""

from __future__ import annotations

from django.urls import reverse

from tdkt.law.catalogue import load_catalogue
from tdkt.records.eligibility import check_subject
from tdkt.reports import batch
from tests.reports.conftest import TITLES, make_people


def dossier_path(person, award: str, year: int, proposed=()):
    """What a dossier of the year-end round will ask: the person's ledger, with the lower titles proposed together."""
    return check_subject(person, award, year, proposed)


def test_the_profile_panel_the_batch_and_the_dossier_path_agree(client, tree, officer_a):
    year = tree.year
    people = make_people(tree.school_a, 18, year=year, seed=91) + [tree.an, tree.binh, tree.cuong]
    catalogue = load_catalogue()
    outcomes = {o.person_id: o for o in batch.batch_evaluate(unit=tree.ward_a, year=year, catalogue=catalogue, apply_local_quota=False)}
    client.force_login(officer_a)
    verdicts = set()
    for person in people:
        outcome = outcomes[person.pk]
        proposed = []
        for code in TITLES:
            response = client.get(reverse("records:person_eligibility", args=[person.pk]), {"award": code, "year": year},
                                  headers={"HX-Request": "true"})
            panel = response.context["eligibility"]["result"]
            alone = dossier_path(person, code, year)
            assert panel == alone, (person.full_name, code)
            # the profile page builds its panel from the ledger its timeline read (one read for both)
            profile = client.get(reverse("records:person_detail", args=[person.pk]), {"award": code, "year": year})
            assert profile.context["eligibility"]["result"] == alone, (person.full_name, code)
            in_round = dossier_path(person, code, year, proposed)
            assert outcome.results[code] == in_round, (person.full_name, code, proposed)
            verdicts.add((code, in_round.verdict))
            if in_round.verdict == "eligible":
                proposed.append(code)
    # the ledgers are varied enough to reach both verdicts of every title's chain
    assert {("LDTT", "eligible"), ("LDTT", "not_eligible"), ("CSTDCS", "eligible"), ("BK_TINH", "eligible")} <= verdicts
