"""Issue 13, point 5: a dossier returned for supplement with the reasons listed per item (a component of the round or a
nominee), each marked done when the unit fixes it; the list on the dossier page, in the notification and mail, and
through the API."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent, Notification
from tdkt.nominations import returns, services, work
from tdkt.nominations.models import DossierStatus, ReturnItem
from tests.upload_samples import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(dossier_a, officer_a):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    return dossier_a


def _nominee(dossier):
    return dossier.nominees.get()


def _return(appraiser, dossier, items, reason="Hồ sơ chưa đủ"):
    return services.dossier_act(actor=appraiser, dossier=dossier, action="return_for_supplement", reason=reason, items=items)


def test_it_returns_a_dossier_with_items_stored_and_audited(submitted, personas):
    appraiser = personas["appraiser"]
    nominee = _nominee(submitted)
    _return(appraiser, submitted, [{"component": "BIEN_BAN", "text": "Biên bản chưa ghi kết quả biểu quyết"},
                                   {"nominee": nominee.pk, "text": "Tóm tắt thành tích chưa nêu sáng kiến"}])
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.RETURNED
    first, second = ReturnItem.objects.order_by("position")
    assert (first.component, first.nominee, first.text) == ("BIEN_BAN", None, "Biên bản chưa ghi kết quả biểu quyết")
    assert (second.component, second.nominee) == ("", nominee) and second.transition.action == "return_for_supplement"
    event = AuditEvent.objects.get(action="nominations.dossier.returned")
    assert event.data["reason"] == "Hồ sơ chưa đủ"
    assert event.data["items"] == [{"component": "BIEN_BAN", "nominee": None, "text": "Biên bản chưa ghi kết quả biểu quyết"},
                                   {"component": "", "nominee": nominee.pk, "text": "Tóm tắt thành tích chưa nêu sáng kiến"}]


@pytest.mark.parametrize(("item", "message"), [
    ({"component": "XYZ", "text": "x"}, "thành phần hồ sơ “XYZ” không thuộc đợt xét này"),
    ({"nominee": 999999, "text": "x"}, "người, tập thể được chọn không có trong hồ sơ"),
    ({"text": "Thiếu"}, "hãy chọn một thành phần hồ sơ hoặc một người, tập thể"),
    ({"component": "BIEN_BAN", "nominee": 1, "text": "x"}, "hãy chọn một thành phần hồ sơ hoặc một người, tập thể"),
    ({"component": "BIEN_BAN", "text": "  "}, "Hãy ghi nội dung cần bổ sung của “Biên bản họp bình xét"),
    ({"component": "BIEN_BAN", "text": "x" * 1001}, "quá dài (tối đa 1.000 ký tự)"),
])
def test_it_refuses_an_item_in_vietnamese_and_changes_nothing(submitted, personas, item, message):
    with pytest.raises(DomainError) as refused:
        _return(personas["appraiser"], submitted, [item])
    assert message in refused.value.message
    submitted.refresh_from_db()
    assert submitted.status == DossierStatus.SUBMITTED and not ReturnItem.objects.exists()
    assert not AuditEvent.objects.filter(action="nominations.dossier.returned").exists()


def test_items_belong_to_a_return_only_and_to_the_office(submitted, officer_a, personas):
    with pytest.raises(DomainError, match="Chỉ ghi nội dung cần bổ sung khi trả lại"):
        services.dossier_act(actor=personas["appraiser"], dossier=submitted, action="receive",
                             items=[{"component": "BIEN_BAN", "text": "x"}])
    with pytest.raises(DomainError):
        _return(officer_a, submitted, [{"component": "BIEN_BAN", "text": "x"}])
    assert not ReturnItem.objects.exists()


def test_each_item_is_marked_done_when_the_unit_fixes_it(submitted, officer_a, personas):
    nominee = _nominee(submitted)
    _return(personas["appraiser"], submitted, [{"component": "BIEN_BAN", "text": "Biên bản thiếu chữ ký"},
                                               {"nominee": nominee.pk, "text": "Ghi rõ sáng kiến"}])
    submitted.refresh_from_db()
    panel = returns.return_panel(submitted, services.kernel.history(submitted))
    assert [i.done for i in panel["items"]] == [False, False] and panel["done"] == 0
    services.nominee_update(actor=officer_a, nominee=nominee, summary=nominee.summary)  # saved without a change
    work.attachment_add(actor=officer_a, dossier=submitted, file=SimpleUploadedFile("bb.pdf", pdf_bytes("bb")), component="BIEN_BAN")
    panel = returns.return_panel(submitted, services.kernel.history(submitted))
    assert [i.done for i in panel["items"]] == [True, False]
    services.nominee_update(actor=officer_a, nominee=nominee, summary="Sáng kiến: đổi mới phương pháp dạy học")
    panel = returns.return_panel(submitted, services.kernel.history(submitted))
    assert [i.done for i in panel["items"]] == [True, True] and panel["done"] == panel["total"] == 2


def test_the_office_lists_items_on_screen_and_the_officer_sees_them_marked(client, submitted, officer_a, personas):
    appraiser = personas["appraiser"]
    nominee = _nominee(submitted)
    client.force_login(appraiser)
    url = reverse("nominations:dossier_act", args=[submitted.pk, "return_for_supplement"])
    page = client.get(url).content.decode()
    assert 'data-testid="return-items"' in page and "Lý do" in page and "Biên bản họp bình xét" in page and nominee.name in page
    row = client.get(url, {"dong": "3"}, headers={"HX-Request": "true"}).content.decode()
    assert 'name="muc-3-what"' in row and 'value="5"' in row and 'hx-swap-oob="true"' in row
    form = {"reason": "Hồ sơ chưa đủ", "muc-TOTAL_FORMS": "3", "muc-INITIAL_FORMS": "0",
            "muc-0-what": "c:BIEN_BAN", "muc-0-text": "Biên bản thiếu chữ ký", "muc-1-what": "", "muc-1-text": "Ghi rõ"}
    refused = client.post(url, form).content.decode()
    assert "Hãy chọn thành phần hồ sơ hoặc người, tập thể cần bổ sung." in refused
    form.update({"muc-1-what": f"n:{nominee.pk}", "muc-1-text": "Ghi rõ sáng kiến"})
    assert client.post(url, form).status_code == 302
    assert ReturnItem.objects.count() == 2
    client.force_login(officer_a)
    detail = reverse("nominations:dossier_detail", args=[submitted.pk])
    body = client.get(detail).content.decode()
    assert 'data-testid="return-items-panel"' in body and "Biên bản thiếu chữ ký" in body and "Ghi rõ sáng kiến" in body
    assert body.count('data-done="0"') == 2 and "Đã bổ sung 0/2" in body
    submitted.refresh_from_db()
    work.attachment_add(actor=officer_a, dossier=submitted, file=SimpleUploadedFile("bb.pdf", pdf_bytes("bb")), component="BIEN_BAN")
    body = client.get(detail).content.decode()
    assert body.count('data-done="1"') == 1 and "Đã bổ sung 1/2" in body


def test_the_notification_and_the_mail_list_the_items(submitted, personas, officer_a, settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    officer_a.email = "canbo.dongda@example.vn"
    officer_a.save(update_fields=["email"])
    nominee = _nominee(submitted)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _return(personas["appraiser"], submitted, [{"component": "BIEN_BAN", "text": "Biên bản thiếu chữ ký"},
                                                   {"nominee": nominee.pk, "text": "Ghi rõ sáng kiến"}])
    note = Notification.objects.get(recipient=officer_a, title__contains="bị trả lại")
    assert "Các nội dung cần bổ sung:\n1. Biên bản họp bình xét" in note.body
    assert f"2. {nominee.name}: Ghi rõ sáng kiến" in note.body
    [message] = mail.outbox
    assert "1. Biên bản họp bình xét" in message.body and "Ghi rõ sáng kiến" in message.body


def test_the_api_return_takes_items(client, submitted, personas):
    client.force_login(personas["appraiser"])
    url = reverse("nominations_api:transitions", args=[submitted.pk])
    bad = client.post(url, data=json.dumps({"action": "return_for_supplement", "reason": "Thiếu",
                                            "items": [{"component": "XYZ", "text": "x"}]}), content_type="application/json")
    assert bad.status_code == 400 and "không thuộc đợt xét này" in bad.json()["error"]
    response = client.post(url, data=json.dumps({"action": "return_for_supplement", "reason": "Thiếu",
                                                 "items": [{"component": "BIEN_BAN", "text": "Biên bản thiếu chữ ký"}]}),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["return_items"] == [{"component": "BIEN_BAN", "nominee": None, "label": work.component_label("BIEN_BAN"),
                                                "text": "Biên bản thiếu chữ ký", "done": False}]
    detail = client.get(reverse("nominations_api:dossier", args=[submitted.pk])).json()
    assert detail["return_items"][0]["text"] == "Biên bản thiếu chữ ký"
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)
    assert "items" in schema["components"]["schemas"]["TransitionIn"]["properties"]
