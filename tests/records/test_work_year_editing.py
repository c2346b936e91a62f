"""Issue 12 on the web and the API: a unit officer records the facts of a working year and the award an initiative
grounded, without the admin; each change is validated in Vietnamese, audited with old and new values, shown on the
profile (timeline and change log) and read by the engine; the panel links a missing fact to its form."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.models import AuditEvent
from tdkt.records import services
from tdkt.records.eligibility import eligibility_request
from tdkt.records.models import AwardRecord, Initiative, WorkYear


def _profile(client, person):
    return client.get(reverse("records:person_detail", args=[person.pk])).content.decode()


def _post(client, url, body, method="post"):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_an_officer_records_and_corrects_a_working_year(client, officer_a, tree):
    client.force_login(officer_a)
    url = reverse("records:work_year_record", args=[tree.binh.pk])
    assert url in _profile(client, tree.binh)
    y = tree.year
    response = client.post(url, {"year": y, "days_off": "50", "maternity_days": "45", "transfer_from": "Phường Kim Liên",
                                 "transfer_months": "7"}, follow=True)
    body = response.content.decode()
    assert f"Đã ghi thông tin năm công tác {y} của Trần Thị Bình." in body
    work = WorkYear.objects.get(person=tree.binh, year=y)
    assert (work.days_off, work.maternity_days, work.transfer_from, work.transfer_months, work.transfer_comment) == (
        50, 45, "Phường Kim Liên", 7, False)
    timeline = body.split('id="change-log"')[0]
    assert ("Năm công tác: nghỉ 50 ngày làm việc, trong đó 45 ngày nghỉ thai sản; chuyển từ Phường Kim Liên (7 tháng; "
            "chưa có nhận xét của đơn vị cũ)") in timeline
    # the form reopens the year with its facts; the correction keeps the old values in the audit and the log
    page = client.get(url, {"year": y}).content.decode()
    assert 'name="days_off" value="50"' in page and 'value="Phường Kim Liên"' in page
    response = client.post(url, {"year": y, "days_off": "50", "maternity_days": "45", "transfer_from": "Phường Kim Liên",
                                 "transfer_months": "7", "transfer_comment": "on"}, follow=True)
    event = AuditEvent.objects.filter(action="records.work_year.set").order_by("-id").first()
    assert (event.data["old"]["transfer_comment"], event.data["new"]["transfer_comment"], event.actor) == (False, True, officer_a)
    log = response.content.decode().split('id="change-log"')[1]
    assert "Ghi thông tin năm công tác" in log and "Ý kiến nhận xét của đơn vị cũ" in log
    assert [h.transfer_comment for h in work.history.order_by("history_date")] == [False, True]
    # the engine reads what was saved
    facts = eligibility_request(tree.binh, "LDTT", y).work_years
    assert [(f.year, f.days_off, f.transfer_comment) for f in facts] == [(y, 50, True)]


def test_bad_working_year_input_is_refused_in_vietnamese_and_nothing_is_saved(client, officer_a, tree):
    client.force_login(officer_a)
    url = reverse("records:work_year_record", args=[tree.binh.pk])
    body = client.post(url, {"year": tree.year, "days_off": "-2", "training_months": "ba"}).content.decode()
    assert "Không được là số âm." in body and "Vui lòng nhập một số nguyên." in body
    body = client.post(url, {"year": tree.year, "days_off": "10", "maternity_days": "20"}).content.decode()
    assert "Số ngày nghỉ thai sản (20) lớn hơn tổng số ngày nghỉ (10)." in body
    body = client.post(url, {"year": tree.year, "transfer_months": "8"}).content.decode()
    assert "Chuyển công tác: phải ghi tên đơn vị cũ." in body
    assert not WorkYear.objects.filter(person=tree.binh).exists()


def test_a_working_year_recorded_by_mistake_is_withdrawn_and_kept_in_the_log(client, officer_a, tree):
    work = services.work_year_set(actor=system_actor(), person=tree.binh, year=tree.year, days_off=3)
    client.force_login(officer_a)
    url = reverse("records:entry_withdraw", args=[tree.binh.pk, "work_year", work.pk])
    assert url in _profile(client, tree.binh)
    body = client.post(url, {"reason": "Ghi nhầm người"}, follow=True).content.decode()
    assert "Đã gỡ bỏ mục thông tin năm công tác ghi nhầm" in body
    assert not WorkYear.objects.filter(person=tree.binh).exists()
    assert "Gỡ bỏ thông tin năm công tác ghi nhầm" in body.split('id="change-log"')[1]


def test_an_officer_records_the_award_an_initiative_grounded(client, officer_a, tree):
    an, y = tree.an, tree.year - 1
    initiative = Initiative.objects.get(person=an, year=y)
    award = AwardRecord.objects.get(person=an, year=y, award_code="CSTDCS")
    client.force_login(officer_a)
    url = reverse("records:initiative_use", args=[an.pk, initiative.pk])
    assert url in _profile(client, an)
    page = client.get(url).content.decode()
    assert f"Sáng kiến “{initiative.title}” — {y}" in page and "Chưa làm căn cứ cho khen thưởng nào" in page
    assert "Vui lòng chọn khen thưởng" in client.post(url, {"award": ""}).content.decode()  # no choice changes nothing
    response = client.post(url, {"award": str(award.pk)}, follow=True)
    assert f"Đã ghi căn cứ khen thưởng của sáng kiến “{initiative.title}”." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.used_for == award
    assert f"đã làm căn cứ cho Chiến sĩ thi đua cơ sở năm {y}" in response.content.decode()
    assert "Ghi căn cứ khen thưởng của sáng kiến" in response.content.decode().split('id="change-log"')[1]
    # the same initiative for another award: refused, naming the first
    other = AwardRecord.objects.get(person=an, year=y, award_code="LDTT")
    body = client.post(url, {"award": str(other.pk)}).content.decode()
    assert f"đã làm căn cứ cho CSTĐCS năm {y}" in body and "mỗi sáng kiến chỉ làm căn cứ cho một danh hiệu" in body
    # an award of another person is not a choice
    foreign = AwardRecord.objects.filter(person=tree.dung).first()
    assert "không có trong hồ sơ của tác giả" in client.post(url, {"award": str(foreign.pk)}).content.decode()
    # cleared: it grounds nothing again
    client.post(url, {"award": "none"})
    initiative.refresh_from_db()
    assert initiative.used_for is None


def test_the_panel_links_a_missing_fact_to_its_form(client, officer_a, tree, personas):
    services.work_year_set(actor=system_actor(), person=tree.an, year=tree.year, transfer_from="Phường Kim Liên", transfer_months=9)
    form = reverse("records:work_year_record", args=[tree.an.pk]) + f"?year={tree.year}"
    url = reverse("records:person_eligibility", args=[tree.an.pk])
    client.force_login(officer_a)
    assert form in client.get(url, {"award": "LDTT", "year": tree.year}).content.decode()
    client.force_login(personas["appraiser"])  # a reader sees what is missing, not a form they may not open
    body = client.get(url, {"award": "LDTT", "year": tree.year}).content.decode()
    assert "Ý kiến nhận xét của đơn vị cũ" in body and form not in body


def test_the_api_records_a_working_year_and_an_initiatives_ground(client, officer_a, officer_b, tree):
    client.force_login(officer_a)
    url = reverse("records_api:work_years", args=[tree.binh.pk])
    response = _post(client, url, {"year": tree.year, "days_off": 12, "training_months": 14, "training_result": "GIOI"})
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "work_year" and response.json()["training_result"] == "GIOI"
    bad = _post(client, url, {"year": tree.year, "training_result": "GIOI"})
    assert bad.status_code == 400 and "Có kết quả học tập thì phải ghi số tháng đào tạo, bồi dưỡng." in bad.json()["error"]
    assert WorkYear.objects.get(person=tree.binh).training_months == 14

    an, y = tree.an, tree.year - 1
    initiative = Initiative.objects.get(person=an, year=y)
    award = AwardRecord.objects.get(person=an, year=y, award_code="CSTDCS")
    ground = reverse("records_api:initiative_use", args=[an.pk, initiative.pk])
    missing = _post(client, ground, {}, "put")
    assert missing.status_code == 400 and "thiếu trường “award”" in missing.json()["error"]
    done = _post(client, ground, {"award": award.pk}, "put")
    assert done.status_code == 200 and done.json()["used_for"] == award.pk
    assert _post(client, ground, {"award": None}, "put").json()["used_for"] is None
    client.force_login(officer_b)
    assert _post(client, ground, {"award": award.pk}, "put").status_code == 404


@pytest.mark.django_db
def test_the_schema_documents_the_new_endpoints(client):
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)
    assert "post" in schema["paths"]["/api/v1/people/{id}/work-years"]
    assert "put" in schema["paths"]["/api/v1/people/{id}/initiatives/{initiative_id}/used-for"]
    body = schema["components"]["schemas"]["WorkYearIn"]["properties"]
    assert body["days_off"]["type"] == "integer" and body["days_off"]["maximum"] == 366 and body["days_off"]["nullable"] is True
    assert {"training_result", "transfer_from", "transfer_months", "transfer_comment"} <= set(body)
    assert schema["components"]["schemas"]["InitiativeUseIn"]["required"] == ["award"]
