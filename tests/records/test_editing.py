"""Point 6 (ledger): a unit officer records or corrects a year's rating, an award received with its decision, a
discipline, an initiative; corrects an award's decision; withdraws an entry recorded by mistake. Each change is
audited with old and new values, kept in the history, shown on the profile's change log; the engine sees it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.records import services
from tdkt.records.eligibility import eligibility_request
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating


def _profile(client, person):
    return client.get(reverse("records:person_detail", args=[person.pk])).content.decode()


def test_recording_a_rating_shows_on_the_timeline_and_a_correction_keeps_the_old_value(client, officer_a, tree):
    client.force_login(officer_a)
    profile = _profile(client, tree.binh)
    assert reverse("records:rating_record", args=[tree.binh.pk]) in profile
    y = tree.year - 1
    response = client.post(reverse("records:rating_record", args=[tree.binh.pk]), {"year": y, "rating": "HTTNV"}, follow=True)
    body = response.content.decode()
    assert f"Đã ghi xếp loại năm {y} cho Trần Thị Bình." in body
    assert YearRating.objects.get(person=tree.binh, year=y).rating == "HTTNV"
    response = client.post(reverse("records:rating_record", args=[tree.binh.pk]),
                           {"year": y, "rating": "HTXSNV", "note": "Đính chính theo biên bản bình xét"}, follow=True)
    row = YearRating.objects.get(person=tree.binh, year=y)
    assert row.rating == "HTXSNV"
    assert [h.rating for h in row.history.order_by("history_date")] == ["HTTNV", "HTXSNV"]
    event = AuditEvent.objects.filter(action="records.rating.set", target_id=str(row.pk)).order_by("-id").first()
    assert (event.data["old"], event.data["new"], event.actor) == ("HTTNV", "HTXSNV", officer_a)
    log = response.content.decode().split('id="change-log"')[1]
    assert "Ghi xếp loại" in log and "<del" in log and "Hoàn thành tốt nhiệm vụ" in log


def test_bad_rating_input_is_refused_in_vietnamese(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.post(reverse("records:rating_record", args=[tree.binh.pk]), {"year": 2031, "rating": "XYZ"}).content.decode()
    assert "Năm không hợp lệ." in body and "Mức xếp loại không hợp lệ." in body


def test_an_award_with_its_decision_changes_the_eligibility_the_engine_gives(client, officer_a, tree):
    client.force_login(officer_a)
    y = tree.year
    assert ("LDTT", y - 2) not in [(a.award, a.year) for a in eligibility_request(tree.binh, "LDTT", y).awards]
    data = {"award_code": "LDTT", "year": y - 2, "decision_number": "21/QĐ-UBND", "decision_date": f"{y - 1}-01-10",
            "issuer_name": "UBND phường Đống Đa"}
    response = client.post(reverse("records:award_add", args=[tree.binh.pk]), data, follow=True)
    body = response.content.decode()
    assert f"Đã ghi Lao động tiên tiến năm {y - 2} cho Trần Thị Bình." in body
    award = AwardRecord.objects.get(person=tree.binh, year=y - 2, award_code="LDTT")
    assert award.decision_number == "21/QĐ-UBND" and award.issuer_name == "UBND phường Đống Đa"
    assert "QĐ số 21/QĐ-UBND" in body
    # the same title and year twice: the service's message on the form
    body = client.post(reverse("records:award_add", args=[tree.binh.pk]), data).content.decode()
    assert f"Đã có Lao động tiên tiến năm {y - 2} cho đối tượng này." in body
    # a decision dated before the year of the achievement
    body = client.post(reverse("records:award_add", args=[tree.binh.pk]),
                       {**data, "year": y - 1, "decision_date": f"{y - 3}-05-01"}).content.decode()
    assert "không được trước năm thành tích" in body
    assert ("LDTT", y - 2) in [(a.award, a.year) for a in eligibility_request(tree.binh, "LDTT", y).awards]


def test_correcting_a_decision_keeps_the_old_number_in_the_log_and_history(client, officer_a, tree):
    client.force_login(officer_a)
    award = AwardRecord.objects.filter(person=tree.an).order_by("year").first()
    old_number = award.decision_number
    url = reverse("records:award_correct", args=[tree.an.pk, award.pk])
    assert old_number in client.get(url).content.decode()
    data = {"decision_number": "999/QĐ-UBND", "decision_date": award.decision_date.isoformat(), "issuer_name": award.issuer_name,
            "note": "", "reason": "Ghi nhầm số quyết định"}
    body = client.post(url, data, follow=True).content.decode()
    assert "Đã đính chính khen thưởng của Nguyễn Văn An" in body
    award.refresh_from_db()
    assert award.decision_number == "999/QĐ-UBND"
    assert award.history.order_by("history_date").first().decision_number == old_number
    event = AuditEvent.objects.get(action="records.award.corrected", target_id=str(award.pk))
    assert event.data["old"] == {"decision_number": old_number} and event.data["new"] == {"decision_number": "999/QĐ-UBND"}
    log = body.split('id="change-log"')[1]
    assert "Đính chính khen thưởng" in log and old_number in log and "Ghi nhầm số quyết định" in log
    body = client.post(url, {**data, "reason": ""}).content.decode()
    assert "Vui lòng điền mục này." in body


def test_withdrawing_an_entry_takes_it_out_of_the_engine_but_not_out_of_the_log(client, officer_a, tree):
    client.force_login(officer_a)
    award = AwardRecord.objects.get(person=tree.an, year=tree.year - 1, award_code="CSTDCS")
    url = reverse("records:entry_withdraw", args=[tree.an.pk, "award", award.pk])
    assert "Mục sẽ gỡ bỏ" in client.get(url).content.decode()
    assert "Vui lòng điền mục này." in client.post(url, {"reason": ""}).content.decode()
    assert ("CSTDCS", tree.year - 1) in [(a.award, a.year) for a in eligibility_request(tree.an, "CSTDCS", tree.year).awards]
    body = client.post(url, {"reason": "Ghi nhầm người"}, follow=True).content.decode()
    assert "Đã gỡ bỏ mục khen thưởng ghi nhầm" in body
    assert not AwardRecord.objects.filter(pk=award.pk).exists()
    assert ("CSTDCS", tree.year - 1) not in [(a.award, a.year) for a in eligibility_request(tree.an, "CSTDCS", tree.year).awards]
    assert AwardRecord.history.filter(id=award.pk, history_type="-").exists()  # the last version is kept
    log = body.split('id="change-log"')[1]
    assert "Gỡ bỏ khen thưởng ghi nhầm" in log and "<del>" in log and "Ghi nhầm người" in log
    event = AuditEvent.objects.get(action="records.award.withdrawn")
    assert event.data["old"]["award_code"] == "CSTDCS" and event.target_id == str(tree.an.pk)


def test_a_revoked_award_is_not_withdrawn(tree):
    revoked = AwardRecord.objects.get(person=tree.binh, revocation__isnull=False)
    with pytest.raises(DomainError, match="hủy bỏ theo quyết định"):
        services.entry_withdraw(actor=system_actor(), entry=revoked, reason="x")


def test_discipline_and_initiative_are_recorded_and_shown(client, officer_a, tree):
    client.force_login(officer_a)
    y = tree.year
    body = client.post(reverse("records:discipline_add", args=[tree.binh.pk]),
                       {"form": "KHIEN_TRACH", "start": f"{y}-02-01", "end": f"{y}-01-01"}).content.decode()
    assert "Ngày kết thúc kỷ luật phải sau ngày bắt đầu." in body
    body = client.post(reverse("records:discipline_add", args=[tree.binh.pk]),
                       {"form": "KHIEN_TRACH", "start": f"{y}-02-01", "end": f"{y + 1}-01-31", "decision_number": "3/QĐ-KL"},
                       follow=True).content.decode()
    assert "Đã ghi kỷ luật cho Trần Thị Bình." in body and "Kỷ luật: Khiển trách" in body
    assert Discipline.objects.filter(person=tree.binh).count() == 1
    body = client.post(reverse("records:initiative_add", args=[tree.binh.pk]),
                       {"year": y, "title": "Số hóa hồ sơ một cửa", "scope": "CO_SO"}, follow=True).content.decode()
    assert "Đã ghi sáng kiến “Số hóa hồ sơ một cửa” cho Trần Thị Bình." in body
    assert Initiative.objects.filter(person=tree.binh, title="Số hóa hồ sơ một cửa").exists()
    log = body.split('id="change-log"')[1]
    assert "Ghi kỷ luật" in log and "Ghi sáng kiến" in log


def test_services_refuse_an_officer_of_another_ward(tree, officer_b):
    with pytest.raises(DomainError):
        services.rating_set(actor=officer_b, person=tree.an, year=tree.year, rating="HTNV")
    award = AwardRecord.objects.filter(person=tree.an).first()
    with pytest.raises(DomainError):
        services.award_correct(actor=officer_b, award=award, reason="x", decision_number="1")
    with pytest.raises(DomainError):
        services.entry_withdraw(actor=officer_b, entry=award, reason="x")
    assert AwardRecord.objects.filter(pk=award.pk).exists()


def test_another_wards_person_is_404_on_every_write(client, officer_b, tree):
    client.force_login(officer_b)
    award = AwardRecord.objects.filter(person=tree.an).first()
    urls = [reverse("records:rating_record", args=[tree.an.pk]), reverse("records:award_add", args=[tree.an.pk]),
            reverse("records:award_correct", args=[tree.an.pk, award.pk]), reverse("records:discipline_add", args=[tree.an.pk]),
            reverse("records:initiative_add", args=[tree.an.pk]),
            reverse("records:entry_withdraw", args=[tree.an.pk, "award", award.pk]),
            reverse("org_edit:person_edit", args=[tree.an.pk]), reverse("org_edit:person_move", args=[tree.an.pk])]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"reason": "x", "year": tree.year, "rating": "HTNV"}).status_code == 404, url
    # nor through another person's page: an entry of Nguyễn Văn An under officer B's own person
    url = reverse("records:entry_withdraw", args=[tree.dung.pk, "award", award.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert AwardRecord.objects.filter(pk=award.pk).exists()
