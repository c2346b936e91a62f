"""The council's API: sessions and results (read), the ballot (POST), with Vietnamese errors; nothing of a secret
ballot's content before it closes."""

from __future__ import annotations

import json

from django.urls import reverse

from tdkt.council import services
from tdkt.council.models import BallotParticipation

from .test_sessions import items, opened


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_a_member_votes_through_the_api_and_reads_the_results_after_the_close(client, council, dossiers):
    session = opened(council, dossiers)
    by_award = items(session)
    client.force_login(council.users["hoidong"])
    url = reverse("council_api:ballot", args=[session.pk])
    bad = post(client, url, {"choices": {str(by_award["CSTDCS"].pk): "agree", "999999": "agree", str(by_award["LDTT"].pk): "agree"}})
    assert bad.status_code == 400 and bad.json()["error"] == "Nội dung số 999999 không có trong chương trình phiên họp này."
    assert post(client, url, {"vote": 1}).status_code == 400
    done = post(client, url, {"choices": {str(by_award["CSTDCS"].pk): "agree", str(by_award["LDTT"].pk): "disagree"}})
    assert done.status_code == 201 and done.json()["ballots_cast"] == 1
    assert post(client, url, {"choices": {str(i.pk): "agree" for i in by_award.values()}}).status_code == 400
    detail = client.get(reverse("council_api:session", args=[session.pk])).json()
    assert detail["ballots_cast"] == 1 and detail["status"] == "open"
    assert "agree" not in json.dumps(detail) and "count" not in json.dumps(detail)  # no content before the close
    early = client.get(reverse("council_api:results", args=[session.pk]))
    assert early.status_code == 400 and early.json()["error"] == "Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu."
    services.ballot_close(actor=council.secretary, session=session)
    results = client.get(reverse("council_api:results", args=[session.pk])).json()
    assert [(r["name"], r["agree"], r["disagree"], r["passed"]) for r in results["results"]] == [
        ("Nguyễn Văn An", 1, 0, False), ("Trần Thị Bình", 0, 1, False)]
    assert results["open_votes"] == []
    assert BallotParticipation.objects.count() == 1


def test_the_session_list_is_scoped(client, council, dossiers, personas):
    session = opened(council, dossiers)
    client.force_login(personas["office_head"])
    assert [s["id"] for s in client.get(reverse("council_api:sessions")).json()["results"]] == [session.pk]
    client.force_login(personas["officer_a"])
    assert client.get(reverse("council_api:sessions")).status_code == 403
    assert client.get(reverse("council_api:session", args=[session.pk])).status_code == 403


def test_the_schema_documents_the_council_endpoints(client, personas):
    client.force_login(personas["admin"])
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/council/sessions", "/api/v1/council/sessions/{id}/results", "/api/v1/council/sessions/{id}/ballot"):
        assert path in schema


def test_the_session_list_reads_a_constant_number_of_queries(client, council, dossiers, django_assert_max_num_queries):
    for i in range(3):
        services.session_create(actor=council.secretary, council=council.council, held_on=council.council.established_on,
                                title=f"Phiên họp {i}")
    client.force_login(council.secretary)
    client.get(reverse("council_api:sessions"))  # the session and its memoised roles
    with django_assert_max_num_queries(8):
        response = client.get(reverse("council_api:sessions"))
    assert len(response.json()["results"]) == 3
