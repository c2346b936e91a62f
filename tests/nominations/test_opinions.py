"""Issue 13, point 6: agency opinions (hiệp y) and holds. The appraiser asks the police, the agency's account answers;
a negative answer blocks the council's door until the appraiser resolves it with a reason; a hold blocks too; the
agency sees only the requests addressed to its own unit and nothing else; the reply clock in working days; a paper
reply with its scan checked by content; every change audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core import calendar
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent, Transition
from tdkt.core.workflow import TransitionError
from tdkt.nominations import opinions, services
from tdkt.nominations import selectors_opinions as reads
from tdkt.nominations.models import DossierStatus, Hold, OpinionRequest
from tdkt.org.models import UnitKind
from tdkt.org.services import unit_create
from tests import upload_samples as samples
from tests.personas import make_user

from .conftest import appraise_all, attach_components

pytestmark = pytest.mark.django_db


@pytest.fixture
def appraised(dossier_a, officer_a, personas):
    """The dossier of the ward A school, received, under appraisal, each nominee with the appraiser's conclusion."""
    for actor, action in ((officer_a, "submit"), (personas["appraiser"], "receive"), (personas["appraiser"], "start_appraisal")):
        services.dossier_act(actor=actor, dossier=dossier_a, action=action)
    appraise_all(dossier_a, personas["appraiser"])
    return dossier_a


@pytest.fixture
def other_agency(tree, personas):
    """Công an phường Láng and its own agency account."""
    unit = unit_create(actor=system_actor(), code="cong_an_lang", name="Công an phường Láng", kind=UnitKind.AGENCY, parent=tree.province)
    user = make_user("hiepy.conganlang")
    RoleAssignment.objects.create(user=user, role=Role.AGENCY, unit=unit)
    return unit, user


def _ask(dossier, actor, unit, kind="POLICE", **kwargs):
    return opinions.opinion_request(actor=actor, dossier=dossier, nominees=list(dossier.nominees.all()), addressee=unit,
                                    agency_kind=kind, question="Đề nghị xác nhận việc chấp hành pháp luật nơi cư trú.", **kwargs)


def _events(action, target):
    return AuditEvent.objects.filter(action=action, target_id=str(target.pk))


def test_the_appraiser_asks_the_police_and_the_agency_answers_yes(tree, appraised, personas):
    appraiser, agency = personas["appraiser"], personas["agency"]
    [request] = _ask(appraised, appraiser, tree.police)
    appraised.refresh_from_db()
    assert appraised.status == DossierStatus.AWAITING_OPINIONS  # the first request takes the workflow's edge
    step = Transition.objects.filter(target_id=str(appraised.pk)).latest("id")
    assert (step.action, step.actor, step.reason) == ("request_opinions", appraiser, "Lấy ý kiến Công an phường Đống Đa")
    assert request.reply_days == 10 and request.due_on == calendar.deadline(request.requested_on, 10)
    assert _events("nominations.opinion.requested", request).get().data["addressee"] == "cong_an_dong_da"
    # a second request while awaiting opinions leaves the state alone; the same one twice is refused
    with pytest.raises(DomainError, match="đang chờ trả lời"):
        _ask(appraised, appraiser, tree.police)
    _ask(appraised, appraiser, tree.police, kind="INSPECTION")
    assert Transition.objects.filter(target_id=str(appraised.pk), action="request_opinions").count() == 1

    with pytest.raises(Forbidden):
        opinions.opinion_answer(actor=appraiser, request=request, answer="positive")
    opinions.opinion_answer(actor=agency, request=request, answer="positive", text="Không vi phạm pháp luật tại địa phương.")
    request.refresh_from_db()
    assert (request.status, request.answer, request.answered_by, request.recorded_from_paper) == ("answered", "positive", agency, False)
    event = _events("nominations.opinion.answered", request).get()
    assert event.actor == agency and event.data["answer"] == "positive"
    with pytest.raises(DomainError, match="đã được trả lời"):
        opinions.opinion_answer(actor=agency, request=request, answer="negative", text="Đổi ý")
    services.dossier_act(actor=appraiser, dossier=appraised, action="mark_ready")
    assert appraised.status == DossierStatus.READY_FOR_COUNCIL


def test_opinions_are_asked_only_while_the_dossier_is_appraised(tree, dossier_a, personas):
    with pytest.raises(DomainError, match="chỉ lấy ý kiến hiệp y khi hồ sơ đang thẩm định"):
        _ask(dossier_a, personas["appraiser"], tree.police)
    with pytest.raises(Forbidden):
        _ask(dossier_a, personas["officer_a"], tree.police)
    assert not OpinionRequest.objects.exists()


def test_a_negative_answer_blocks_the_council_until_the_appraiser_resolves_it_with_a_reason(tree, appraised, personas):
    appraiser, agency = personas["appraiser"], personas["agency"]
    [request] = _ask(appraised, appraiser, tree.police)
    with pytest.raises(DomainError, match="Hãy ghi nội dung, lý do không đồng ý."):
        opinions.opinion_answer(actor=agency, request=request, answer="negative", text="  ")
    opinions.opinion_answer(actor=agency, request=request, answer="negative", text="Vi phạm quy định về trật tự an toàn giao thông.")
    assert opinions.blocks(appraised.nominees.all())[request.nominee_id][0].startswith("ý kiến không đồng ý của Công an phường Đống Đa")
    with pytest.raises(TransitionError, match="Chưa thể trình Hội đồng — Nguyễn Văn An: ý kiến không đồng ý của Công an phường Đống Đa"):
        services.dossier_act(actor=appraiser, dossier=appraised, action="mark_ready")
    assert appraised.status == DossierStatus.AWAITING_OPINIONS
    assert "mark_ready" not in [e.action for e in services.DOSSIER.available(appraiser, appraised)]  # no button either
    with pytest.raises(DomainError, match="Hãy ghi lý do xử lý."):
        opinions.opinion_resolve(actor=appraiser, request=request, reason="")
    with pytest.raises(Forbidden):
        opinions.opinion_resolve(actor=agency, request=request, reason="Tự xử lý")
    opinions.opinion_resolve(actor=appraiser, request=request, reason="Đã xác minh: vi phạm hành chính nhẹ, đã nộp phạt, không thuộc trường hợp chưa khen thưởng.")
    request.refresh_from_db()
    assert request.resolved_by == appraiser and request.answer == "negative"  # the answer stays as given
    assert _events("nominations.opinion.resolved", request).get().data["reason"].startswith("Đã xác minh")
    services.dossier_act(actor=appraiser, dossier=appraised, action="mark_ready")
    assert appraised.status == DossierStatus.READY_FOR_COUNCIL


def test_a_hold_blocks_the_award_until_it_is_lifted(tree, appraised, personas):
    appraiser = personas["appraiser"]
    nominee = appraised.nominees.get()
    today = timezone.localdate()
    with pytest.raises(DomainError, match="Ngày bắt đầu phải là một ngày đến hôm nay."):
        opinions.hold_add(actor=appraiser, nominee=nominee, kind="COMPLAINT", reason="Đơn khiếu nại", source="Đơn ngày 1/12",
                          start=today + dt.timedelta(days=3))
    with pytest.raises(Forbidden):
        opinions.hold_add(actor=personas["officer_a"], nominee=nominee, kind="COMPLAINT", reason="x", source="y", start=today)
    # one that ended before today does not block
    opinions.hold_add(actor=appraiser, nominee=nominee, kind="INSPECTION", reason="Thanh tra việc dạy thêm", source="Thanh tra phường",
                      start=today - dt.timedelta(days=60), end=today - dt.timedelta(days=30))
    assert opinions.council_refusal(appraised) is None
    hold = opinions.hold_add(actor=appraiser, nominee=nominee, kind="DENUNCIATION", reason="Tố cáo việc thu tiền học thêm",
                             source="Đơn tố cáo ngày 20/11 gửi UBND phường", start=today)
    assert hold.person == tree.an and _events("nominations.hold.added", hold).get().data["kind"] == "DENUNCIATION"
    with pytest.raises(TransitionError, match="Nguyễn Văn An: đang có tố cáo chưa giải quyết \\(nguồn: Đơn tố cáo ngày 20/11"):
        services.dossier_act(actor=appraiser, dossier=appraised, action="mark_ready")
    with pytest.raises(DomainError, match="Hãy ghi lý do chấm dứt."):
        opinions.hold_lift(actor=appraiser, hold=hold, reason=" ")
    with pytest.raises(Forbidden):
        opinions.hold_lift(actor=personas["officer_b"], hold=hold, reason="Không")
    opinions.hold_lift(actor=appraiser, hold=hold, reason="Kết luận tố cáo: không có cơ sở.")
    assert _events("nominations.hold.lifted", hold).get().actor == appraiser
    services.dossier_act(actor=appraiser, dossier=appraised, action="mark_ready")
    assert appraised.status == DossierStatus.READY_FOR_COUNCIL


def test_a_mandatory_opinion_of_the_catalogue_must_be_answered_before_the_council(tree, personas):
    """A head of unit proposed for a provincial Bằng khen needs the tax office's and social insurance's confirmation."""
    appraiser, officer = personas["appraiser"], personas["officer_a"]
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="THEMATIC",
                                 title="Khen thưởng chuyên đề", awards=["BK_TINH"], intake_from=dt.date(tree.year, 1, 1),
                                 intake_to=dt.date(tree.year + 1, 12, 31))
    dossier = services.dossier_create(actor=officer, round_=round_, unit=tree.ward_a)
    nominee = services.nominee_add(actor=officer, dossier=dossier, person=tree.cuong, award_code="BK_TINH", justification="Thành tích xuất sắc")
    wanted = {r.agency: r.mandatory for r in opinions.requirements(nominee)}
    assert wanted["TAX"] and wanted["SOCIAL_INSURANCE"] and not wanted["INSPECTION"]
    attach_components(dossier, officer)
    for actor, action in ((officer, "submit"), (appraiser, "receive"), (appraiser, "start_appraisal")):
        services.dossier_act(actor=actor, dossier=dossier, action=action)
    appraise_all(dossier, appraiser)
    with pytest.raises(TransitionError, match="Lê Minh Cường: chưa có ý kiến bắt buộc của Cơ quan thuế, Bảo hiểm xã hội"):
        services.dossier_act(actor=appraiser, dossier=dossier, action="mark_ready")
    for kind in ("TAX", "SOCIAL_INSURANCE"):
        [request] = _ask(dossier, appraiser, tree.police, kind=kind)  # any agency unit stands in for the tax office here
        opinions.opinion_answer(actor=personas["agency"], request=request, answer="positive")
    services.dossier_act(actor=appraiser, dossier=dossier, action="mark_ready")


def test_the_reply_clock_counts_working_days_and_flags_overdue_requests(tree, appraised, personas):
    monday = dt.date(2026, 3, 2)
    [request] = _ask(appraised, personas["appraiser"], tree.police, today=monday)
    assert (request.requested_on, request.due_on) == (monday, dt.date(2026, 3, 16))  # ten working days, two weekends
    assert reads.clock(request, today=dt.date(2026, 3, 13)) == {"due": request.due_on, "left": 1, "late": -1, "near": True, "overdue": False}
    assert not reads.clock(request, today=dt.date(2026, 3, 16))["overdue"]  # the last day is still in time
    late = reads.clock(request, today=dt.date(2026, 3, 18))
    assert late["overdue"] and late["late"] == 2
    client_page = reads.dossier_block(appraised, today=dt.date(2026, 3, 18))
    assert client_page["overdue"] == 1 and client_page["pending"] == 1
    opinions.opinion_answer(actor=personas["agency"], request=request, answer="positive", today=dt.date(2026, 3, 18))
    assert reads.clock(OpinionRequest.objects.get(), today=dt.date(2026, 3, 20)) is None


def test_the_agency_sees_only_the_requests_addressed_to_it_and_nothing_else(client, tree, appraised, personas, other_agency):
    lang, lang_user = other_agency
    appraiser, agency = personas["appraiser"], personas["agency"]
    [mine] = _ask(appraised, appraiser, tree.police)
    [theirs] = _ask(appraised, appraiser, lang)
    assert list(reads.inbox(agency)) == [mine] and list(reads.inbox(lang_user)) == [theirs]
    assert list(reads.inbox(appraiser)) == [] and list(reads.inbox(personas["officer_a"])) == []
    with pytest.raises(Forbidden):
        opinions.opinion_answer(actor=agency, request=theirs, answer="positive")

    client.force_login(agency)
    inbox = client.get(reverse("nominations:opinion_inbox")).content.decode()
    assert "Nguyễn Văn An" in inbox and "Chiến sĩ thi đua cơ sở" in inbox and "Trường THCS Đống Đa" in inbox
    assert reverse("nominations:opinion_detail", args=[mine.pk]) in inbox
    assert reverse("nominations:opinion_detail", args=[theirs.pk]) not in inbox
    assert client.get(reverse("nominations:opinion_detail", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("nominations:opinion_detail", args=[theirs.pk]), {"answer": "positive"}).status_code == 404
    for url in (reverse("nominations:dossier_detail", args=[appraised.pk]), reverse("nominations:index"),
                reverse("records:person_detail", args=[tree.an.pk]), reverse("records:people_list"), reverse("org:unit_tree"),
                reverse("org:unit_detail", args=[tree.police.pk]), reverse("nominations:opinion_request", args=[appraised.pk])):
        assert client.get(url).status_code in (403, 404), url
    home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-opinions"' in home and "Nguyễn Văn An" in home and "Ý kiến hiệp y" in home
    api = client.get(reverse("nominations_api:opinions")).json()
    assert [r["id"] for r in api] == [mine.pk] and api[0]["nominee"]["award_name"] == "Chiến sĩ thi đua cơ sở"
    response = client.post(reverse("nominations_api:opinion-answer", args=[theirs.pk]), data=json.dumps({"answer": "positive"}),
                           content_type="application/json")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.pending


def test_the_agency_answers_on_its_page_and_the_office_reads_the_answer(client, tree, appraised, personas):
    [request] = _ask(appraised, personas["appraiser"], tree.police)
    client.force_login(personas["agency"])
    url = reverse("nominations:opinion_detail", args=[request.pk])
    page = client.get(url).content.decode()
    assert "Đề nghị xác nhận việc chấp hành pháp luật nơi cư trú." in page and "Gửi ý kiến" in page
    assert "Hãy ghi nội dung, lý do không đồng ý." in client.post(url, {"answer": "negative", "text": ""}).content.decode()
    response = client.post(url, {"answer": "negative", "text": "Đang bị xử lý vi phạm hành chính."}, follow=True)
    assert "Đã gửi ý kiến của Công an phường Đống Đa về Nguyễn Văn An." in response.content.decode()
    client.force_login(personas["appraiser"])
    page = client.get(reverse("nominations:dossier_detail", args=[appraised.pk])).content.decode()
    assert 'data-testid="opinions"' in page and "Đang bị xử lý vi phạm hành chính." in page and "Không đồng ý" in page
    assert 'data-testid="council-refusal"' in page and reverse("nominations:opinion_resolve", args=[appraised.pk, request.pk]) in page
    client.force_login(personas["officer_a"])  # the proposing unit reads its dossier, not the agencies' opinions
    assert 'data-testid="opinions"' not in client.get(reverse("nominations:dossier_detail", args=[appraised.pk])).content.decode()


def test_the_office_requests_resolves_and_records_holds_on_the_web(client, tree, appraised, personas):
    client.force_login(personas["appraiser"])
    nominee = appraised.nominees.get()
    url = reverse("nominations:opinion_request", args=[appraised.pk])
    page = client.get(url).content.decode()
    assert "Công an phường Đống Đa (có tài khoản hiệp y)" in page
    assert "Hãy chọn ít nhất một người, tập thể." in client.post(url, {"agency_kind": "POLICE", "addressee": tree.police.pk}).content.decode()
    response = client.post(url, {"nominees": [nominee.pk], "agency_kind": "POLICE", "addressee": tree.police.pk}, follow=True)
    assert "Đã gửi đề nghị lấy ý kiến Công an phường Đống Đa về 1 người, tập thể; hạn trả lời" in response.content.decode()
    request = OpinionRequest.objects.get()
    opinions.opinion_answer(actor=personas["agency"], request=request, answer="negative", text="Có vi phạm.")
    resolve = reverse("nominations:opinion_resolve", args=[appraised.pk, request.pk])
    assert "Hãy ghi lý do." in client.post(resolve, {"reason": ""}).content.decode()
    client.post(resolve, {"reason": "Đã xác minh, không ảnh hưởng."})
    assert OpinionRequest.objects.get().resolved_on is not None
    add = reverse("nominations:hold_add", args=[appraised.pk])
    assert client.get(add + f"?nguoi={nominee.pk}").status_code == 200
    client.post(add, {"nominee": nominee.pk, "kind": "COMPLAINT", "reason": "Khiếu nại kết quả bình xét", "source": "Đơn của bà X",
                      "start": timezone.localdate().strftime("%d/%m/%Y")})
    hold = Hold.objects.get()
    page = client.get(reverse("nominations:dossier_detail", args=[appraised.pk])).content.decode()
    assert "Đang có khiếu nại chưa giải quyết" in page and 'data-testid="nominee-blocked"' in page
    client.post(reverse("nominations:hold_lift", args=[appraised.pk, hold.pk]), {"reason": "Đã giải quyết khiếu nại."})
    assert Hold.objects.get().lifted_on is not None


def test_a_person_proposed_for_two_awards_is_told_apart_by_the_award(client, tree, dossier_a, officer_a, personas):
    """The same person for LĐTT and CSTĐCS in one dossier: the office's choices and the block name the award too."""
    services.nominee_add(actor=officer_a, dossier=dossier_a, person=tree.an, award_code="LDTT", summary="")
    for actor, action in ((officer_a, "submit"), (personas["appraiser"], "receive"), (personas["appraiser"], "start_appraisal")):
        services.dossier_act(actor=actor, dossier=dossier_a, action=action)
    client.force_login(personas["appraiser"])
    for url in (reverse("nominations:opinion_request", args=[dossier_a.pk]), reverse("nominations:hold_add", args=[dossier_a.pk])):
        page = client.get(url).content.decode()
        assert "Nguyễn Văn An — Chiến sĩ thi đua cơ sở" in page and "Nguyễn Văn An — Lao động tiên tiến" in page
    block = client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).content.decode().split('data-testid="opinions"')[1]
    assert "Chiến sĩ thi đua cơ sở" in block and "Lao động tiên tiến" in block


def test_a_paper_reply_is_recorded_with_its_scan_checked_by_content(client, tree, appraised, personas, other_agency, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    [request] = _ask(appraised, personas["appraiser"], tree.police)
    client.force_login(personas["appraiser"])
    url = reverse("nominations:opinion_paper", args=[appraised.pk, request.pk])
    day = request.requested_on.strftime("%d/%m/%Y")
    body = {"answer": "positive", "text": "Không vi phạm", "reference": "125/CAP-ĐĐ", "answered_on": day}
    program = SimpleUploadedFile("Công văn trả lời.pdf", samples.WINDOWS_PROGRAM, content_type="application/pdf")
    refused = client.post(url, {**body, "scan": program}).content.decode()
    assert "Tệp “Công văn trả lời.pdf” không phải là tệp PDF" in refused
    assert OpinionRequest.objects.get().pending and not (tmp_path / "media").exists()
    pdf = samples.pdf_bytes("Cong van tra loi")
    client.post(url, {**body, "scan": SimpleUploadedFile("Công văn trả lời.pdf", pdf, content_type="application/pdf")})
    request.refresh_from_db()
    assert (request.status, request.recorded_from_paper, request.reply_reference, request.answered_by) == (
        "answered", True, "125/CAP-ĐĐ", personas["appraiser"])
    assert request.scan_name.startswith("nominations/opinions/") and request.scan_filename == "Công văn trả lời.pdf"
    event = _events("nominations.opinion.recorded", request).get()
    assert event.data["scan"]["size"] == len(pdf) and len(event.data["scan"]["sha256"]) == 64
    scan = reverse("nominations:opinion_scan", args=[request.pk])
    download = client.get(scan)
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf
    assert download["Content-Disposition"].startswith("attachment;") and download["X-Content-Type-Options"] == "nosniff"
    client.force_login(personas["agency"])  # the agency it is addressed to reads its own reply
    assert client.get(scan).status_code == 200
    for user in (other_agency[1], personas["officer_a"], personas["officer_b"], personas["council_member"]):
        client.force_login(user)
        assert client.get(scan).status_code == 404
    client.logout()
    assert client.get(scan).status_code == 302


def test_the_api_requests_opinions_for_the_office_and_answers_for_the_agency(client, tree, appraised, personas):
    nominee = appraised.nominees.get()
    url = reverse("nominations_api:dossier-opinions", args=[appraised.pk])
    client.force_login(personas["officer_a"])
    assert client.post(url, data=json.dumps({}), content_type="application/json").status_code == 403
    client.force_login(personas["appraiser"])
    body = {"nominees": [nominee.pk], "addressee": "cong_an_dong_da", "agency_kind": "POLICE", "question": "Xác nhận"}
    response = client.post(url, data=json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    [out] = response.json()
    assert out["due_on"] and out["status"] == "pending" and out["addressee"]["code"] == "cong_an_dong_da"
    assert client.post(url, data=json.dumps(body), content_type="application/json").status_code == 400  # asked already
    client.force_login(personas["agency"])
    answer = reverse("nominations_api:opinion-answer", args=[out["id"]])
    assert client.post(answer, data=json.dumps({"answer": "negative"}), content_type="application/json").status_code == 400
    response = client.post(answer, data=json.dumps({"answer": "positive", "text": "Chấp hành tốt"}), content_type="application/json")
    assert response.status_code == 200 and response.json()["answer"] == "positive"
    client.force_login(personas["appraiser"])
    assert client.get(url).json()[0]["answer_text"] == "Chấp hành tốt"


def test_the_inbox_reads_a_constant_number_of_queries(client, tree, appraised, personas, django_assert_max_num_queries):
    appraiser = personas["appraiser"]
    for kind in ("POLICE", "INSPECTION", "PARTY"):
        _ask(appraised, appraiser, tree.police, kind=kind)
    client.force_login(personas["agency"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("nominations:opinion_inbox")).status_code == 200
