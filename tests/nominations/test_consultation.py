"""Issue 13, point 7: the public consultation. The office opens it with the workflow's edge (10 working days from the
catalogue); the public page shows the list without anything personal beyond name, unit, position, award and summary;
anyone comments without an account (a challenge, a limit per address, length limits, NFC); a comment shows, escaped,
only once the office or the portal editor approved it; after closes_on, or once the dossier left the consultation,
nothing is taken; the appraiser finds the approved comments on the dossier."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata

import pytest
from django.urls import reverse

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core import calendar
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.nominations import consultation as service
from tdkt.nominations import services
from tdkt.nominations.models import Comment, CommentStatus, Consultation, Dossier, DossierStatus
from tests.personas import PERSONAS, make_user

pytestmark = pytest.mark.django_db

MODERATORS = {"admin", "appraiser", "office_head", "editor"}
NUMBERS = {w: i for i, w in enumerate(service.WORDS)}


def _open(dossier, officer, appraiser) -> Consultation:
    services.dossier_act(actor=officer, dossier=dossier, action="submit")
    for action in ("receive", "start_appraisal", "open_consultation"):
        services.dossier_act(actor=appraiser, dossier=dossier, action=action)
    return dossier.consultations.get()


@pytest.fixture
def consulted(dossier_a, officer_a, personas) -> Consultation:
    return _open(dossier_a, officer_a, personas["appraiser"])


def _solved(*, age: float = 60) -> dict:
    """A challenge shown `age` seconds ago and its right answer."""
    question, token = service.challenge_new(now=time.time() - age)
    words = question.lower().split()
    return {"token": token, "answer": str(NUMBERS[words[0]] + NUMBERS[words[2]])}


def _post_comment(client, consultation, *, nominee=None, **fields):
    body = {"text": "Ý kiến của người dân", "name": "", "contact": "", **_solved(), **fields}
    if nominee is not None:
        body["nguoi"] = nominee.pk
    return client.post(reverse("consultation:comment", args=[consultation.pk]), body, follow=True)


def _submit(consultation, text="Đồng ý với đề nghị", address="203.0.113.7", **extra) -> Comment:
    return service.comment_submit(consultation=consultation, nominee=consultation.dossier.nominees.first(), text=text,
                                  address=address, **extra)


def test_the_office_opens_it_with_the_workflow_and_the_list_goes_public_without_personal_data(client, tree, consulted):
    tree.an.citizen_id = "001085012345"
    tree.an.save(update_fields=["citizen_id"])
    assert consulted.opened_on == service._today()
    assert consulted.working_days == 10 and consulted.closes_on == calendar.deadline(consulted.opened_on, 10)
    assert "Điều 84" in consulted.legal_basis
    assert AuditEvent.objects.filter(action="nominations.consultation.opened", target_id=str(consulted.dossier_id)).exists()
    page = client.get(reverse("consultation:detail", args=[consulted.pk])).content.decode()
    for shown in ("Nguyễn Văn An", "Giáo viên", "Trường THCS Đống Đa", "Chiến sĩ thi đua cơ sở", "Giáo viên dạy giỏi",
                  f"đến hết ngày {consulted.closes_on:%d/%m/%Y}"):
        assert shown in page, shown
    for hidden in ("1985", "001085012345", consulted.dossier.tracking_code):
        assert hidden not in page, hidden
    assert "Nguyễn Văn An" in client.get(reverse("consultation:round", args=[consulted.dossier.round_id])).content.decode()
    index = client.get(reverse("consultation:index")).content.decode()
    assert reverse("consultation:detail", args=[consulted.pk]) in index


def test_a_consultation_is_only_opened_on_a_dossier_in_consultation(dossier_a, personas):
    with pytest.raises(DomainError, match="Chỉ lấy ý kiến công khai khi hồ sơ đang ở bước"):
        service.consultation_open(actor=personas["appraiser"], dossier=dossier_a)
    with pytest.raises(Forbidden):
        service.consultation_open(actor=personas["officer_a"], dossier=dossier_a)
    assert not Consultation.objects.exists()


def test_the_catalogue_names_the_awards_that_require_it():
    codes = service.required_awards(dt.date(2026, 1, 15))
    assert {"CSTD_TQ", "HCLD_3", "AH_LD", "NGUT", "GT_HCM"} <= codes
    assert not {"LDTT", "CSTDCS", "GIAY_KHEN"} & codes


def test_a_comment_waits_for_moderation_then_shows_escaped(client, consulted, personas):
    nominee = consulted.dossier.nominees.get()
    typed = "<script>alert(1)</script> Thầy An dạy rất tận tâm"
    response = _post_comment(client, consulted, nominee=nominee, text=unicodedata.normalize("NFD", typed),
                             name="<b>Phụ huynh</b>", contact="0912 345 678")
    assert "Cảm ơn bạn đã góp ý. Ý kiến sẽ hiển thị sau khi được cơ quan thường trực kiểm duyệt." in response.content.decode()
    comment = Comment.objects.get()
    assert comment.text == typed and comment.author_name == "<b>Phụ huynh</b>"  # stored as typed, NFC
    assert comment.status == CommentStatus.PENDING and comment.nominee == nominee
    assert len(comment.address_hash) == 64 and "127.0.0.1" not in str(Comment.objects.values().get())
    submitted = AuditEvent.objects.get(action="nominations.consultation.comment_submitted")
    assert submitted.actor.username == "he-thong" and "127.0.0.1" not in str(submitted.data)
    page = client.get(reverse("consultation:detail", args=[consulted.pk])).content.decode()
    assert "dạy rất tận tâm" not in page  # pending: not shown

    service.comment_moderate(actor=personas["editor"], comment=comment, approve=True)
    page = client.get(reverse("consultation:detail", args=[consulted.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Thầy An dạy rất tận tâm" in page
    assert "<script>alert(1)" not in page and "<b>Phụ huynh</b>" not in page and "&lt;b&gt;Phụ huynh&lt;/b&gt;" in page
    assert "0912 345 678" not in page  # the contact is for the office only
    approved = AuditEvent.objects.get(action="nominations.consultation.comment_approved")
    assert approved.actor == personas["editor"] and approved.data["old"] == "pending" and approved.data["new"] == "approved"


def test_a_comment_about_the_whole_list_shows_under_it(client, consulted, personas):
    _post_comment(client, consulted, text="Danh sách phù hợp")
    comment = Comment.objects.get()
    assert comment.nominee is None
    service.comment_moderate(actor=personas["appraiser"], comment=comment, approve=True)
    page = client.get(reverse("consultation:detail", args=[consulted.pk])).content.decode()
    assert 'data-testid="general-comments"' in page and "Danh sách phù hợp" in page


def test_after_closes_on_or_once_the_dossier_left_it_nothing_is_taken(client, consulted, personas, monkeypatch):
    last = consulted.closes_on
    _submit(consulted, today=last)  # the last day still counts
    before = (Comment.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError, match=f"Đợt lấy ý kiến công khai này đã kết thúc \\(hạn cuối ngày {last:%d/%m/%Y}\\)"):
        _submit(consulted, today=last + dt.timedelta(days=1))
    assert (Comment.objects.count(), AuditEvent.objects.count()) == before

    monkeypatch.setattr(service, "_today", lambda: last + dt.timedelta(days=1))
    page = client.get(reverse("consultation:detail", args=[consulted.pk])).content.decode()
    assert 'data-testid="consultation-closed"' in page and "Giáo viên dạy giỏi" not in page
    assert reverse("consultation:detail", args=[consulted.pk]) not in client.get(reverse("consultation:index")).content.decode()
    body = _post_comment(client, consulted, text="Muộn").content.decode()
    assert "đã kết thúc" in body and "không nhận thêm ý kiến" in body
    assert (Comment.objects.count(), AuditEvent.objects.count()) == before
    monkeypatch.undo()

    _close_and_appraise(consulted, personas["appraiser"])
    services.dossier_act(actor=personas["appraiser"], dossier=consulted.dossier, action="mark_ready")  # the office goes on
    with pytest.raises(DomainError, match="đã kết thúc"):
        _submit(Consultation.objects.get(pk=consulted.pk))
    assert Comment.objects.count() == before[0]


def test_too_many_comments_from_one_address_are_refused(consulted):
    for i in range(service.MAX_PER_ADDRESS):
        _submit(consulted, text=f"Ý kiến {i}")
    with pytest.raises(DomainError, match="Đã có 5 ý kiến gửi từ địa chỉ máy này trong một giờ qua \\(tối đa 5\\)") as refused:
        _submit(consulted, text="Thêm nữa")
    assert refused.value.code == "throttled"
    assert Comment.objects.count() == service.MAX_PER_ADDRESS
    _submit(consulted, address="198.51.100.4")  # another address is not affected
    assert service.address_hash("2001:db8::1") == service.address_hash("2001:db8::2")  # one IPv6 subscriber
    assert service.address_hash("203.0.113.7") != service.address_hash("203.0.113.8")


def test_a_comment_without_a_person_behind_it_is_refused(client, consulted):
    cases = [({"answer": "99"}, "Câu trả lời câu hỏi kiểm tra chưa đúng."),
             ({"answer": "bảy"}, "Vui lòng trả lời câu hỏi kiểm tra bằng chữ số."),
             ({"website": "http://spam.example"}, "Không gửi được ý kiến."),
             ({"token": service.challenge_new()[1], "answer": "2"}, "Ý kiến được gửi quá nhanh sau khi mở trang."),
             ({"token": "giả-mạo"}, "Biểu mẫu không hợp lệ."),
             ({"answer": ""}, "Vui lòng trả lời câu hỏi kiểm tra.")]
    for fields, message in cases:
        body = _post_comment(client, consulted, **fields).content.decode()
        assert message in body, fields
    assert not Comment.objects.exists()
    old = service.challenge_new(now=time.time() - service.CHALLENGE_MAX_AGE - 10)[1]
    assert service.challenge_refusal(old, "2").startswith("Biểu mẫu đã mở quá lâu.")


def test_the_lengths_are_checked_after_nfc(client, consulted):
    with pytest.raises(DomainError, match="Ý kiến quá dài: tối đa 2.000 ký tự \\(đã nhập 2.001 ký tự\\)."):
        _submit(consulted, text="a" * 2001)
    with pytest.raises(DomainError, match="Họ tên quá dài"):
        _submit(consulted, name="A" * 101)
    with pytest.raises(DomainError, match="Vui lòng nhập nội dung ý kiến."):
        _submit(consulted, text=" \n\x00 ")
    assert not Comment.objects.exists()
    decomposed = unicodedata.normalize("NFD", "ệ" * 2000)  # 6,000 code points, 2,000 letters
    assert _submit(consulted, text=decomposed).text == "ệ" * 2000
    assert _submit(consulted, text="Dòng một\r\nDòng\x00 hai").text == "Dòng một\nDòng hai"
    body = _post_comment(client, consulted, text="b" * 2001).content.decode()
    assert "Ý kiến quá dài" in body and Comment.objects.count() == 2


def test_moderation_is_for_the_office_and_the_portal_editor_of_the_level(tree, consulted, personas):
    for name in [*PERSONAS, "no_role"]:
        comment = _submit(consulted, text=f"Ý kiến cho {name}", address=f"198.51.100.{len(name)}")
        before = AuditEvent.objects.count()
        if name in MODERATORS:
            service.comment_moderate(actor=personas[name], comment=comment, approve=False, reason="Không liên quan đến thành tích")
            comment.refresh_from_db()
            assert (comment.status, comment.moderated_by) == (CommentStatus.REJECTED, personas[name])
            assert AuditEvent.objects.get(action="nominations.consultation.comment_rejected", data__comment=comment.pk)
            continue
        with pytest.raises(Forbidden, match="Bạn không có quyền kiểm duyệt ý kiến góp ý của đợt xét này."):
            service.comment_moderate(actor=personas[name], comment=comment, approve=True)
        comment.refresh_from_db()
        assert comment.status == CommentStatus.PENDING and comment.moderated_by is None, name
        assert AuditEvent.objects.count() == before, name
    other_editor = make_user("bientap.lang")
    RoleAssignment.objects.create(user=other_editor, role=Role.PORTAL_EDITOR, unit=tree.ward_b, valid_from=dt.date(2025, 7, 1))
    comment = _submit(consulted, address="192.0.2.1")
    with pytest.raises(Forbidden):
        service.comment_moderate(actor=other_editor, comment=comment, approve=True)
    with pytest.raises(DomainError, match="Hãy ghi lý do không duyệt ý kiến."):
        service.comment_moderate(actor=personas["editor"], comment=comment, approve=False, reason="  ")
    service.comment_moderate(actor=personas["editor"], comment=comment, approve=True)
    with pytest.raises(DomainError, match="Ý kiến này đã được kiểm duyệt"):
        service.comment_moderate(actor=personas["appraiser"], comment=comment, approve=False, reason="Đổi ý")


def test_the_moderation_queue_and_page_on_the_web_are_scoped(client, tree, consulted, personas):
    comment = _submit(consulted, text="Ý kiến <i>cần duyệt</i>")
    round_b = services.round_open(actor=personas["admin"], office_unit=tree.ward_b, year=tree.year, kind="ANNUAL",
                                  title="Khen thưởng phường Láng", awards=["LDTT"], intake_from=dt.date(tree.year, 11, 1),
                                  intake_to=dt.date(tree.year + 1, 12, 31))
    dossier_b = Dossier.objects.create(round=round_b, unit=tree.school_b, title="Hồ sơ Láng", created_by=personas["admin"],
                                       status=DossierStatus.IN_CONSULTATION)
    dossier_b.nominees.create(person=tree.dung, award_code="LDTT")
    other = service.comment_submit(consultation=service.consultation_open(actor=personas["admin"], dossier=dossier_b),
                                   text="Ý kiến phường Láng", address="192.0.2.9")
    client.force_login(personas["editor"])
    queue = client.get(reverse("nominations:comment_queue")).content.decode()
    assert "Ý kiến &lt;i&gt;cần duyệt&lt;/i&gt;" in queue and "Ý kiến phường Láng" not in queue
    assert client.get(reverse("nominations:comment_moderate", args=[other.pk])).status_code == 404
    url = reverse("nominations:comment_moderate", args=[comment.pk])
    assert "Hãy ghi lý do không duyệt ý kiến." in client.post(url, {"decision": "reject", "reason": ""}).content.decode()
    response = client.post(url, {"decision": "approve", "reason": ""}, follow=True)
    assert "Đã duyệt ý kiến; ý kiến hiện trên trang lấy ý kiến công khai." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_by == personas["editor"]
    client.force_login(personas["officer_a"])
    assert client.get(reverse("nominations:comment_queue")).status_code == 403


def test_the_appraiser_finds_the_approved_comments_on_the_council_bound_dossier(client, consulted, personas):
    approved = _submit(consulted, text="Thầy An được phụ huynh tin yêu", contact="phuhuynh@example.vn")
    service.comment_moderate(actor=personas["editor"], comment=approved, approve=True)
    rejected = _submit(consulted, text="Quảng cáo bán hàng", address="198.51.100.1")
    service.comment_moderate(actor=personas["editor"], comment=rejected, approve=False, reason="Quảng cáo")
    _submit(consulted, text="Chưa duyệt xong", address="198.51.100.2")
    from .conftest import appraise_all

    appraise_all(consulted.dossier, personas["appraiser"])
    with pytest.raises(DomainError, match="Đang lấy ý kiến công khai đến hết ngày"):
        services.dossier_act(actor=personas["appraiser"], dossier=consulted.dossier, action="mark_ready")
    _close_and_appraise(consulted, personas["appraiser"])
    services.dossier_act(actor=personas["appraiser"], dossier=consulted.dossier, action="mark_ready")
    client.force_login(personas["appraiser"])
    page = client.get(reverse("nominations:dossier_detail", args=[consulted.dossier_id])).content.decode()
    assert 'data-testid="consultation-panel"' in page and "Đã kết thúc" in page
    assert "Thầy An được phụ huynh tin yêu" in page and "phuhuynh@example.vn" in page
    assert "Quảng cáo bán hàng" not in page and "Chưa duyệt xong" not in page
    assert "1 ý kiến chờ kiểm duyệt" in page
    client.force_login(personas["officer_a"])  # the proposing unit reads the approved comments, not the contacts
    page = client.get(reverse("nominations:dossier_detail", args=[consulted.dossier_id])).content.decode()
    assert "Thầy An được phụ huynh tin yêu" in page and "phuhuynh@example.vn" not in page and "chờ kiểm duyệt" not in page


def test_the_public_page_reads_a_fixed_number_of_queries(client, tree, consulted, personas, django_assert_max_num_queries):
    consulted.dossier.nominees.create(person=tree.binh, award_code="LDTT", summary="Công chức văn phòng")
    consulted.dossier.nominees.create(unit=tree.school_a, award_code="TTLDTT")
    for i, nominee in enumerate(consulted.dossier.nominees.all()):
        comment = service.comment_submit(consultation=consulted, nominee=nominee, text=f"Ý kiến {i}", address=f"192.0.2.{i}")
        service.comment_moderate(actor=personas["editor"], comment=comment, approve=True)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("consultation:detail", args=[consulted.pk]))
    page = response.content.decode()
    assert all(f"Ý kiến {i}" in page for i in range(3)) and "Trần Thị Bình" in page and "Tập thể" in page


def test_the_demo_has_a_list_in_consultation_with_comments(client):
    from tdkt.demo import loader as demo

    demo.load(seed=2026, size=1.0)
    opened = Consultation.objects.get(dossier__unit__code="vp_dong_da", dossier__status=DossierStatus.IN_CONSULTATION)
    assert sorted(opened.comments.values_list("status", flat=True)) == ["approved", "approved", "pending"]
    page = client.get(reverse("consultation:detail", args=[opened.pk])).content.decode()
    assert "giải quyết hồ sơ cho dân nhanh" in page and "niêm yết thêm tại trụ sở" in page and "làm rõ sáng kiến" not in page


def test_the_dossier_page_warns_the_office_when_an_award_requires_a_consultation(client, dossier_a, officer_a, personas):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    for action in ("receive", "start_appraisal"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier_a, action=action)
    client.force_login(personas["appraiser"])
    url = reverse("nominations:dossier_detail", args=[dossier_a.pk])
    assert 'data-testid="consultation-panel"' not in client.get(url).content.decode()  # CSTĐCS: no duty
    dossier_a.nominees.update(award_code="CSTD_TQ")
    page = client.get(url).content.decode()
    assert ("Theo quy định, danh sách đề nghị khen thưởng của Nguyễn Văn An phải được lấy ý kiến công khai trước khi trình "
            "Hội đồng.") in page


def _close_and_appraise(consultation, appraiser):
    """The period is over (test data: its last day moved to yesterday) and every nominee has the appraiser's conclusion."""
    from django.utils import timezone

    from .conftest import appraise_all

    Consultation.objects.filter(pk=consultation.pk).update(closes_on=timezone.localdate() - dt.timedelta(days=1))
    from tdkt.nominations.models import Appraisal

    if not Appraisal.objects.filter(nominee__dossier=consultation.dossier).exists():
        appraise_all(consultation.dossier, appraiser)
