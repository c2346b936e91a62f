"""Issue 14, point 8: the demo's open session of Phường Đống Đa's council gives `hoidong` a ballot waiting and `thuky`
papers to record and a ballot to close."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse

from tdkt.council import selectors
from tdkt.council.models import CouncilSession
from tdkt.demo import loader as demo


def test_the_demo_session_waits_for_hoidong_and_thuky(client, db):
    demo.load(seed=2026, size=1.0)
    session = CouncilSession.objects.get(council__unit__code="phuong_dong_da", status="open")
    assert session.status == "open" and session.secret and session.items.exists()
    assert session.present_count >= session.members_count * 2 / 3  # the quorum is met
    assert selectors.ballots_cast(session) == 3 < selectors.ballots_expected(session)
    users = get_user_model().objects
    client.force_login(users.get(username="hoidong"))
    home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-ballots"' in home and reverse("council:ballot", args=[session.pk]) in home
    assert 'data-testid="ballot-form"' in client.get(reverse("council:ballot", args=[session.pk])).content.decode()
    client.force_login(users.get(username="thuky"))
    page = client.get(reverse("council:session_detail", args=[session.pk])).content.decode()
    assert "Ghi phiếu giấy" in page and "Ghi phiếu bằng văn bản" in page and 'data-testid="act-close_ballot"' in page
    assert "3/" in page
