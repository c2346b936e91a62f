"""Issue 13, points 3 and 5: the dossier's files (checked by their content, stored through the storage API, served
only after the dossier's permission check, taken back but never deleted) and the appraiser's conclusion on each
nominee, with optimistic locking (the later of two saves on the same version is refused and told who saved what)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.nominations import services, work
from tdkt.nominations.models import Appraisal, Attachment
from tests.upload_samples import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def _under_appraisal(dossier, officer, appraiser):
    services.dossier_act(actor=officer, dossier=dossier, action="submit")
    services.dossier_act(actor=appraiser, dossier=dossier, action="receive")
    services.dossier_act(actor=appraiser, dossier=dossier, action="start_appraisal")


def test_a_file_is_attached_listed_against_its_component_and_served_after_the_check(client, dossier_a, officer_a, officer_b, personas):
    client.force_login(officer_a)
    upload = SimpleUploadedFile("Tờ trình số 12.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(reverse("nominations:attachment_add", args=[dossier_a.pk]), {"component": "TO_TRINH", "file": upload},
                           follow=True)
    body = response.content.decode()
    assert "Đã đính kèm “Tờ trình số 12.pdf” (Tờ trình đề nghị khen thưởng)." in body
    row = Attachment.objects.latest("id")
    assert row.storage_name.startswith(f"nominations/{dossier_a.pk}/") and "Tờ trình" not in row.storage_name
    checklist = {c["code"]: c for c in work.checklist(dossier_a)}
    assert row.pk in [a.pk for a in checklist["TO_TRINH"]["files"]]
    url = reverse("nominations:attachment_download", args=[dossier_a.pk, row.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    assert download["Content-Disposition"].startswith("attachment") and download["X-Content-Type-Options"] == "nosniff"
    client.force_login(officer_b)
    assert client.get(url).status_code == 404  # another ward: no such dossier
    client.force_login(personas["appraiser"])
    assert client.get(url).status_code == 200  # the office reads it


def test_an_executable_renamed_pdf_or_an_oversized_file_is_refused_in_vietnamese(client, dossier_a, officer_a):
    client.force_login(officer_a)
    url = reverse("nominations:attachment_add", args=[dossier_a.pk])
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    body = client.post(url, {"component": "BAO_CAO", "file": fake}).content.decode()
    assert "không phải là tệp PDF" in body
    with override_settings(TDKT_UPLOAD_MAX_MB=1):
        big = SimpleUploadedFile("bien-ban.docx", docx_bytes() + b"\x00" * (1024 * 1024 + 10))
        body = client.post(url, {"component": "BIEN_BAN", "file": big}).content.decode()
    assert "giới hạn 1 MB" in body
    assert not Attachment.objects.filter(filename__in=("bao-cao.pdf", "bien-ban.docx")).exists()


def test_a_file_is_taken_back_not_deleted_and_only_while_the_unit_holds_the_dossier(dossier_a, officer_a, personas):
    row = work.attachment_add(actor=officer_a, dossier=dossier_a, file=SimpleUploadedFile("a.pdf", pdf_bytes()), component="TO_TRINH")
    work.attachment_withdraw(actor=officer_a, attachment=row, reason="Nhầm tệp")
    row.refresh_from_db()
    assert row.withdrawn_at is not None and Attachment.objects.filter(pk=row.pk).exists()
    assert row.pk not in [a.pk for a in work.checklist(dossier_a)[0]["files"]]
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    with pytest.raises(DomainError, match="đơn vị chỉ sửa được hồ sơ đang soạn hoặc bị trả lại"):
        work.attachment_add(actor=officer_a, dossier=dossier_a, file=SimpleUploadedFile("b.pdf", pdf_bytes()), component="BAO_CAO")
    with pytest.raises(Forbidden):
        work.attachment_add(actor=personas["appraiser"], dossier=dossier_a, file=SimpleUploadedFile("b.pdf", pdf_bytes()),
                            component="BAO_CAO")


def test_two_appraisers_on_the_same_version_one_wins_the_other_is_told(dossier_a, officer_a, personas):
    appraiser, head = personas["appraiser"], personas["office_head"]
    _under_appraisal(dossier_a, officer_a, appraiser)
    nominee = dossier_a.nominees.get()
    first = work.appraisal_save(actor=appraiser, nominee=nominee, conclusion="eligible", version=None)
    with pytest.raises(DomainError, match="đã lưu kết luận “Đủ điều kiện” cho Nguyễn Văn An") as conflict:
        work.appraisal_save(actor=head, nominee=nominee, conclusion="not_eligible", note="Thiếu minh chứng sáng kiến", version=None)
    assert conflict.value.code == "conflict"
    row = Appraisal.objects.get()
    assert (row.conclusion, row.version, row.appraised_by) == ("eligible", 1, appraiser)
    # the other reads the new version, then saves over it knowingly
    work.appraisal_save(actor=head, nominee=nominee, conclusion="needs_supplement", note="Bổ sung xác nhận sáng kiến",
                        version=first.version)
    row.refresh_from_db()
    assert (row.conclusion, row.version, row.appraised_by) == ("needs_supplement", 2, head)
    assert [h.conclusion for h in row.history.order_by("history_date")] == ["eligible", "needs_supplement"]
    events = AuditEvent.objects.filter(action="nominations.appraisal.saved").order_by("id")
    assert [e.data["new"]["conclusion"] for e in events] == ["eligible", "needs_supplement"]


def test_an_appraisal_needs_its_note_its_state_and_its_role(dossier_a, officer_a, personas):
    appraiser = personas["appraiser"]
    nominee = dossier_a.nominees.get()
    with pytest.raises(DomainError, match="chỉ thẩm định khi hồ sơ đang thẩm định"):
        work.appraisal_save(actor=appraiser, nominee=nominee, conclusion="eligible", version=None)
    _under_appraisal(dossier_a, officer_a, appraiser)
    with pytest.raises(DomainError, match="phải ghi ý kiến thẩm định"):
        work.appraisal_save(actor=appraiser, nominee=nominee, conclusion="not_eligible", version=None)
    with pytest.raises(Forbidden):
        work.appraisal_save(actor=officer_a, nominee=nominee, conclusion="eligible", version=None)
    assert not Appraisal.objects.exists()


def test_the_appraiser_saves_a_conclusion_on_the_page(client, dossier_a, officer_a, personas):
    appraiser = personas["appraiser"]
    _under_appraisal(dossier_a, officer_a, appraiser)
    nominee = dossier_a.nominees.get()
    client.force_login(appraiser)
    page = client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).content.decode()
    assert 'data-testid="appraisal-form"' in page
    url = reverse("nominations:appraisal_save", args=[dossier_a.pk, nominee.pk])
    body = client.post(url, {"conclusion": "eligible", "note": "Đủ hồ sơ", "version": ""}, follow=True).content.decode()
    assert "Đã lưu kết luận thẩm định của Nguyễn Văn An." in body and "Thẩm định: Đủ điều kiện" in body
    stale = client.post(url, {"conclusion": "not_eligible", "note": "Khác", "version": ""}, follow=True).content.decode()
    assert "sau khi bạn mở trang; kết luận của bạn chưa được lưu" in stale
    assert Appraisal.objects.get().conclusion == "eligible"
    client.force_login(officer_a)
    assert client.post(url, {"conclusion": "eligible", "version": "1"}).status_code == 403
