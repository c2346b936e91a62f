"""Issue 13 on the web and the API: the screens of rounds and dossiers (scoped: another ward's dossier is a 404), the
office's inbox, the public tracking page (no names), and the REST endpoints with their OpenAPI schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tdkt.nominations.models import Dossier, DossierStatus, Nominee, Round
from tdkt.records.catalogue import award_label
from tdkt.reports import services as batch_services

from .conftest import attach_components

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_an_officer_prepares_and_sends_a_dossier_on_the_web(client, tree, round_a, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("nominations:round_detail", args=[round_a.pk])).content.decode()
    assert "Lập hồ sơ" in page and "Tờ trình đề nghị khen thưởng" in page and "Biên bản họp bình xét" in page
    response = client.post(reverse("nominations:dossier_create", args=[round_a.pk]), {"unit": tree.school_a.pk}, follow=True)
    dossier = Dossier.objects.get()
    assert f"Đã lập hồ sơ; mã tra cứu {dossier.tracking_code}." in response.content.decode()
    url = reverse("nominations:nominee_add", args=[dossier.pk])
    body = client.post(url, {"person": tree.an.pk, "award_code": "CSTDCS", "summary": "Giáo viên dạy giỏi cấp thành phố"},
                       follow=True).content.decode()
    assert "Đã thêm Nguyễn Văn An vào hồ sơ." in body and 'data-testid="nominee-verdict"' in body
    # a person of another ward is not a choice; a title outside the round is refused in Vietnamese
    refused = client.post(url, {"person": tree.dung.pk, "award_code": "LDTT"}).content.decode()
    assert "Cá nhân không thuộc đơn vị đề nghị." in refused
    refused = client.post(url, {"person": tree.an.pk, "award_code": "BK_TINH"}).content.decode()
    assert "Đợt xét không xét danh hiệu, hình thức này." in refused
    response = client.post(reverse("nominations:dossier_act", args=[dossier.pk, "submit"]), {}, follow=True)
    assert "Gửi hồ sơ: hồ sơ chuyển sang “Đã gửi”." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SUBMITTED and dossier.submitted_on is not None
    assert "Thêm vào hồ sơ" not in response.content.decode()  # sent: the unit no longer edits it


def test_the_office_sees_its_inbox_and_returns_a_dossier_with_a_reason(client, dossier_a, officer_a, personas):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    client.force_login(personas["appraiser"])
    home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-dossiers"' in home and dossier_a.title in home
    inbox = client.get(reverse("nominations:index")).content.decode()
    assert 'data-testid="office-inbox"' in inbox and dossier_a.title in inbox
    url = reverse("nominations:dossier_act", args=[dossier_a.pk, "return_for_supplement"])
    assert "Hãy ghi lý do." in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Thiếu biên bản họp bình xét"})
    dossier_a.refresh_from_db()
    assert dossier_a.status == DossierStatus.RETURNED
    client.force_login(officer_a)
    page = client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).content.decode()
    assert "Thiếu biên bản họp bình xét" in page and "Gửi lại sau bổ sung" in page
    assert 'data-testid="home-dossiers"' in client.get(reverse("web:home")).content.decode()


def test_a_step_the_role_allows_but_a_rule_refuses_says_why_on_the_dossier(client, tree, round_a, officer_a, personas):
    """No button is missing without a reason: an empty draft cannot be sent, an incomplete dossier not received, a
    dossier not appraised not put before the council; each says why, in Vietnamese, where its button would be."""
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a)
    url = reverse("nominations:dossier_detail", args=[dossier.pk])
    client.force_login(officer_a)
    page = client.get(url).content.decode()
    assert "Chưa thể “Gửi hồ sơ”: Hồ sơ chưa có người hoặc tập thể nào được đề nghị." in page
    assert "Rút hồ sơ" in page and "Chưa thể “Rút hồ sơ”" not in page
    services.nominee_add(actor=officer_a, dossier=dossier, person=tree.an, award_code="CSTDCS", summary="")
    assert 'data-testid="dossier-held"' not in client.get(url).content.decode()
    services.dossier_act(actor=officer_a, dossier=dossier, action="submit")
    client.force_login(personas["appraiser"])
    page = client.get(url).content.decode()
    assert "Chưa thể “Tiếp nhận hồ sơ”: Hồ sơ còn thiếu: Tờ trình đề nghị khen thưởng;" in page
    services.dossier_act(actor=personas["appraiser"], dossier=dossier, action="return_for_supplement", reason="Thiếu tệp")
    attach_components(dossier, officer_a)
    services.dossier_act(actor=officer_a, dossier=dossier, action="resubmit")
    for action in ("receive", "start_appraisal"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier, action=action)
    page = client.get(url).content.decode()
    assert "Chưa thể “Trình Hội đồng”: Chưa có kết luận thẩm định của: Nguyễn Văn An." in page
    client.force_login(officer_a)  # the unit is not told about the office's steps
    assert 'data-testid="dossier-held"' not in client.get(url).content.decode()


def test_another_wards_people_get_a_404(client, dossier_a, officer_b):
    client.force_login(officer_b)
    assert client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).status_code == 404
    assert client.post(reverse("nominations:dossier_act", args=[dossier_a.pk, "submit"])).status_code == 404
    assert client.get(reverse("nominations_api:dossier", args=[dossier_a.pk])).status_code == 404
    assert dossier_a.title not in client.get(reverse("nominations:index")).content.decode()


def test_the_public_tracking_page_shows_the_state_without_names(client, dossier_a, officer_a):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    response = client.get(reverse("tracking:code", args=[dossier_a.tracking_code]))
    body = response.content.decode()
    assert response.status_code == 200 and "Đã gửi" in body and "Trường THCS Đống Đa" in body
    assert "Nguyễn Văn An" not in body and "Giáo viên dạy giỏi" not in body
    lower = client.get(reverse("tracking:search"), {"ma": dossier_a.tracking_code.lower()})
    assert lower.status_code == 200 and 'data-testid="tracking-result"' in lower.content.decode()
    missing = client.get(reverse("tracking:code", args=["KHONGCO1234"]))
    assert missing.status_code == 404 and "Không tìm thấy hồ sơ có mã “KHONGCO1234”" in missing.content.decode()


def test_one_click_takes_every_eligible_person_of_a_batch_run(client, tree, round_a, officer_a):
    run = batch_services.batch_run_start(actor=officer_a, unit=tree.ward_a, year=tree.year)
    batch_services.batch_run_execute(actor=system_actor(), run_id=run.pk)
    run.refresh_from_db()
    eligible = {row.person_id for row in run.rows.all() if row.verdicts.get("LDTT") == "eligible"}
    assert eligible
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.ward_a)
    client.force_login(officer_a)
    response = client.post(reverse("nominations:nominees_from_batch", args=[dossier.pk]), {"run": run.pk, "award_code": "LDTT"},
                           follow=True)
    assert f"Đã thêm {len(eligible)} người đủ điều kiện từ lượt xét vào hồ sơ." in response.content.decode()
    assert set(Nominee.objects.filter(dossier=dossier).values_list("person_id", flat=True)) == eligible
    again = client.post(reverse("nominations:nominees_from_batch", args=[dossier.pk]), {"run": run.pk, "award_code": "LDTT"},
                        follow=True).content.decode()
    assert "Đã thêm 0 người" in again and f"đã được đề nghị {award_label('LDTT')} trong đợt xét này" in again
    assert Nominee.objects.filter(dossier=dossier).count() == len(eligible)


def test_the_api_covers_rounds_dossiers_nominees_and_transitions(client, tree, officer_a, personas):
    client.force_login(personas["appraiser"])
    response = _post(client, reverse("nominations_api:rounds"), {
        "office_unit": "phuong_dong_da", "year": tree.year, "kind": "ANNUAL", "title": "Khen thưởng năm",
        "awards": ["LDTT"], "intake_from": f"{tree.year}-11-01", "intake_to": f"{tree.year + 1}-12-31"})
    assert response.status_code == 201, response.content
    round_id = response.json()["id"]
    bad = _post(client, reverse("nominations_api:rounds"), {"office_unit": "phuong_dong_da", "year": tree.year, "kind": "XYZ",
                                                           "title": "x", "awards": ["LDTT"], "intake_from": "2025-11-01",
                                                           "intake_to": "2025-12-01"})
    assert bad.status_code == 400 and "Loại đợt xét “XYZ” không có trong danh mục." in bad.json()["error"]
    client.force_login(officer_a)
    created = _post(client, reverse("nominations_api:dossiers"), {"round": round_id, "unit": "thcs_dong_da"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    nominee = _post(client, reverse("nominations_api:nominees", args=[pk]), {"person": tree.an.pk, "award": "LDTT"})
    assert nominee.status_code == 201 and nominee.json()["verdict"] in ("eligible", "needs_review", "not_eligible")
    sent = _post(client, reverse("nominations_api:transitions", args=[pk]), {"action": "submit"})
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    again = _post(client, reverse("nominations_api:transitions", args=[pk]), {"action": "submit"})
    assert again.status_code == 400 and "Không thể thực hiện “Gửi hồ sơ”" in again.json()["error"]
    refused = _post(client, reverse("nominations_api:transitions", args=[pk]), {"action": "receive"})
    assert refused.status_code == 403
    listed = client.get(reverse("nominations_api:dossiers")).json()
    assert [d["id"] for d in listed] == [pk] and listed[0]["tracking_code"]


def test_the_schema_documents_the_nominations_endpoints(client):
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)
    for path in ("/api/v1/rounds", "/api/v1/dossiers", "/api/v1/dossiers/{id}", "/api/v1/dossiers/{id}/nominees",
                 "/api/v1/dossiers/{id}/transitions"):
        assert path in schema["paths"], path
    actions = schema["components"]["schemas"]["TransitionIn"]["properties"]["action"]
    assert "submit" in json.dumps(actions) or "ActionEnum" in json.dumps(actions)


def test_a_round_is_opened_by_the_office_only(client, tree, officer_a, personas):
    data = {"office_unit": tree.ward_a.pk, "title": "Khen thưởng chuyên đề", "kind": "THEMATIC", "year": tree.year,
            "awards": ["GIAY_KHEN"], "intake_from": "01/11/2025", "intake_to": "30/11/2025"}
    client.force_login(officer_a)
    assert client.get(reverse("nominations:round_open")).status_code == 403
    client.force_login(personas["office_head"])
    bad = client.post(reverse("nominations:round_open"), {**data, "intake_to": "01/10/2025"}).content.decode()
    assert "Hạn nộp hồ sơ phải sau ngày bắt đầu nhận hồ sơ." in bad
    response = client.post(reverse("nominations:round_open"), data, follow=True)
    assert "Đã mở đợt xét “Khen thưởng chuyên đề”." in response.content.decode()
    assert Round.objects.get().intake_to == dt.date(2025, 11, 30)


def test_the_inbox_reads_a_constant_number_of_queries_and_flags_a_dossier_near_its_limit(
        client, tree, round_a, officer_a, personas, django_assert_max_num_queries):
    import datetime as dt

    from django.utils import timezone

    from tdkt.core.models import Transition

    appraiser = personas["appraiser"]
    for unit in (tree.school_a, tree.ward_a):
        dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=unit)
        services.nominee_add(actor=officer_a, dossier=dossier, person=tree.an if unit == tree.school_a else tree.binh,
                             award_code="LDTT", justification="Đề nghị")
        attach_components(dossier, officer_a)
        services.dossier_act(actor=officer_a, dossier=dossier, action="submit")
        services.dossier_act(actor=appraiser, dossier=dossier, action="receive")
    late = Dossier.objects.get(unit=tree.ward_a)
    Transition.objects.filter(target_id=str(late.pk), action="receive").update(at=timezone.now() - dt.timedelta(days=60))
    client.force_login(appraiser)
    client.get(reverse("nominations:index"))
    with django_assert_max_num_queries(14) as few:
        body = client.get(reverse("nominations:index")).content.decode()
    assert 'data-testid="clock-overdue"' in body
    for i in range(5):  # more dossiers in the inbox (test data: put there directly), the same number of queries
        extra = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a, title=f"Hồ sơ bổ sung {i}")
        Dossier.objects.filter(pk=extra.pk).update(status=DossierStatus.SUBMITTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("nominations:index")).content.decode()
    assert body.count("Hồ sơ bổ sung") >= 5
