"""The public consultation in the admin (read-only rows, moderation by an action through the service) and through the
API (the consultations in scope, their approved comments, every comment for the level's moderators, moderation)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tdkt.core.models import AuditEvent
from tdkt.nominations import consultation as service
from tdkt.nominations import services
from tdkt.nominations.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def consulted(dossier_a, officer_a, personas):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    for action in ("receive", "start_appraisal", "open_consultation"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier_a, action=action)
    consultation = dossier_a.consultations.get()
    nominee = dossier_a.nominees.get()
    for text in ("Đồng ý với đề nghị", "Ý kiến chờ duyệt"):
        service.comment_submit(consultation=consultation, nominee=nominee, text=text, contact="0900000000", address="203.0.113.7")
    first = Comment.objects.get(text="Đồng ý với đề nghị")
    service.comment_moderate(actor=personas["appraiser"], comment=first, approve=True)
    return consultation


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_a_reader_lists_the_consultations_and_reads_only_approved_comments(client, consulted, officer_a, officer_b):
    client.force_login(officer_a)
    [row] = client.get(reverse("nominations_api:consultations")).json()
    assert row["id"] == consulted.pk and row["working_days"] == 10 and row["open"] and row["approved_comments"] == 1
    assert "pending_comments" not in row
    comments = client.get(reverse("nominations_api:consultation-comments", args=[consulted.pk]), {"status": "all"}).json()
    assert [c["text"] for c in comments] == ["Đồng ý với đề nghị"] and "contact" not in comments[0]
    client.force_login(officer_b)
    assert client.get(reverse("nominations_api:consultations")).json() == []
    assert client.get(reverse("nominations_api:consultation-comments", args=[consulted.pk])).status_code == 404


def test_the_moderators_see_every_comment_and_moderate_through_the_api(client, consulted, personas, officer_a):
    pending = Comment.objects.get(status=CommentStatus.PENDING)
    client.force_login(personas["editor"])
    [row] = client.get(reverse("nominations_api:consultations")).json()
    assert row["pending_comments"] == 1
    listed = client.get(reverse("nominations_api:consultation-comments", args=[consulted.pk]), {"status": "pending"}).json()
    assert [c["id"] for c in listed] == [pending.pk] and listed[0]["contact"] == "0900000000"
    url = reverse("nominations_api:comment-moderation", args=[pending.pk])
    refused = _post(client, url, {"decision": "reject"})
    assert refused.status_code == 400 and "Hãy ghi lý do không duyệt ý kiến." in refused.json()["error"]
    done = _post(client, url, {"decision": "reject", "reason": "Không liên quan"})
    assert done.status_code == 200 and done.json()["status"] == "rejected"
    assert AuditEvent.objects.filter(action="nominations.consultation.comment_rejected").count() == 1
    again = _post(client, url, {"decision": "approve"})
    assert again.status_code == 400 and "đã được kiểm duyệt" in again.json()["error"]
    client.force_login(officer_a)
    assert _post(client, url, {"decision": "approve"}).status_code == 403


def test_the_schema_documents_the_consultation_endpoints(client):
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)
    for path in ("/api/v1/consultations", "/api/v1/consultations/{id}/comments", "/api/v1/comments/{id}/moderation"):
        assert path in schema["paths"], path


def test_the_admin_shows_consultations_read_only_and_moderates_by_an_action(client, consulted, personas):
    admin = personas["admin"]
    client.force_login(admin)
    assert client.get(reverse("admin:nominations_consultation_changelist")).status_code == 200
    page = client.get(reverse("admin:nominations_consultation_change", args=[consulted.pk])).content.decode()
    assert "Đồng ý với đề nghị" in page
    changelist = reverse("admin:nominations_comment_changelist")
    assert "Duyệt các ý kiến đã chọn" in client.get(changelist).content.decode()
    pending = Comment.objects.get(status=CommentStatus.PENDING)
    response = client.post(changelist, {"action": "reject_comments", "_selected_action": [pending.pk]}, follow=True)
    assert "Đã không duyệt 1 ý kiến." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == CommentStatus.REJECTED and pending.reason and pending.moderated_by == admin
    assert client.get(reverse("admin:nominations_comment_add")).status_code == 403
    assert client.post(reverse("admin:nominations_comment_change", args=[pending.pk]), {"text": "sửa"}).status_code == 403
    pending.refresh_from_db()
    assert pending.text == "Ý kiến chờ duyệt"
    assert client.get(reverse("admin:nominations_returnitem_changelist")).status_code == 200
