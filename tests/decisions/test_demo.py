"""Issue 14, point 8: the demo's closed 2025 session of Phường Đống Đa with an issued decision (signed by `chutich`,
its awards in the ledger) and a second decision submitted to `chutich`, who finds it on the home page; the office finds
both in its list; the open session stays for `hoidong` and `thuky`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse

from tdkt.council.models import CouncilSession
from tdkt.decisions.models import Decision, DecisionStatus
from tdkt.demo import loader as demo
from tdkt.records.models import AwardRecord


def test_the_demo_has_an_issued_decision_and_one_waiting_for_chutich(client, db):
    demo.load(seed=2026, size=1.0)
    closed = CouncilSession.objects.get(council__unit__code="phuong_dong_da", status="closed")
    assert closed.held_on.year == 2025
    assert CouncilSession.objects.filter(council__unit__code="phuong_dong_da", status="open").exists()
    issued = Decision.objects.get(session=closed, status=DecisionStatus.ISSUED)
    assert issued.number_text == "01/QĐ-UBND" and issued.signed_by.username == "chutich" and issued.total_amount > 0
    awards = AwardRecord.objects.filter(decision_number="01/QĐ-UBND", issuer__code="phuong_dong_da")
    assert awards.count() == issued.lines.count() >= 1
    waiting = Decision.objects.get(session=closed, status=DecisionStatus.SUBMITTED)
    assert waiting.lines.count() == 1 and not waiting.number_text

    users = get_user_model().objects
    client.force_login(users.get(username="chutich"))
    home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-signing"' in home and reverse("decisions:decision_detail", args=[waiting.pk]) in home
    assert 'data-testid="go-sign"' in client.get(reverse("decisions:decision_detail", args=[waiting.pk])).content.decode()
    client.force_login(users.get(username="thamdinh"))
    listing = client.get(reverse("decisions:decision_index")).content.decode()
    assert "01/QĐ-UBND" in listing and waiting.title in listing
    person = issued.lines.first().person
    profile = client.get(reverse("records:person_detail", args=[person.pk])).content.decode()
    assert "01/QĐ-UBND" in profile
