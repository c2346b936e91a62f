"""Issue 13, point 7: "for N working days" — the office chooses the length of a public consultation on screen (default
from the catalogue, bounds checked in Vietnamese, the closing date shown and recomputed), also when no award of the
dossier requires one ("or the office chooses"); an award that requires one cannot be consulted for less than the law's
duration. The API's transition takes `working_days`."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.core import calendar
from tdkt.core.errors import DomainError
from tdkt.nominations import services
from tdkt.nominations.models import DossierStatus, Nominee

from .conftest import appraise_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def appraising(dossier_a, officer_a, personas):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    for action in ("receive", "start_appraisal"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier_a, action=action)
    return dossier_a


def test_the_office_may_open_a_consultation_the_award_does_not_require(client, appraising, personas):
    client.force_login(personas["appraiser"])
    page = client.get(reverse("nominations:dossier_detail", args=[appraising.pk])).content.decode()
    url = reverse("nominations:dossier_act", args=[appraising.pk, "open_consultation"])
    assert url in page  # the button, though CSTĐCS needs no consultation
    form = client.get(url).content.decode()
    closes = calendar.deadline(timezone.localdate(), 10)
    assert 'name="working_days"' in form and 'value="10"' in form and 'hx-get="' in form
    assert f"đến hết ngày {closes.day:02d}" in form or f"ngày {closes.day} tháng {closes.month}" in form
    assert "không bắt buộc lấy ý kiến công khai" in form


def test_the_closing_date_follows_the_number_typed(client, appraising, personas):
    client.force_login(personas["appraiser"])
    url = reverse("nominations:dossier_act", args=[appraising.pk, "open_consultation"])
    closes = calendar.deadline(timezone.localdate(), 15)
    partial = client.get(url, {"working_days": "15"}, headers={"HX-Request": "true"}).content.decode()
    assert 'id="consultation-closing"' in partial and "<html" not in partial and 'data-testid="consultation-closes-on"' in partial
    from tdkt.core.templatetags.tdkt_core import vn_date

    assert vn_date(closes) in partial
    wrong = client.get(url, {"working_days": "0"}, headers={"HX-Request": "true"}).content.decode()
    assert "Thời gian lấy ý kiến phải từ 1 ngày làm việc trở lên." in wrong


@pytest.mark.parametrize(("days", "message"), [("0", "phải từ 1 ngày làm việc trở lên"), ("61", "tối đa 60 ngày làm việc"),
                                               ("abc", "Số ngày làm việc phải là số nguyên."), ("", "Vui lòng nhập số ngày làm việc.")])
def test_it_refuses_a_length_out_of_bounds_in_vietnamese(client, appraising, personas, days, message):
    client.force_login(personas["appraiser"])
    url = reverse("nominations:dossier_act", args=[appraising.pk, "open_consultation"])
    assert message in client.post(url, {"working_days": days}).content.decode()
    appraising.refresh_from_db()
    assert appraising.status == DossierStatus.UNDER_APPRAISAL and not appraising.consultations.exists()


def test_the_office_opens_it_for_the_days_it_chose(client, appraising, personas):
    client.force_login(personas["appraiser"])
    url = reverse("nominations:dossier_act", args=[appraising.pk, "open_consultation"])
    assert client.post(url, {"working_days": "15"}).status_code == 302
    consultation = appraising.consultations.get()
    today = timezone.localdate()
    assert consultation.working_days == 15 and consultation.closes_on == calendar.deadline(today, 15)
    assert "chọn 15 ngày làm việc" in consultation.legal_basis


def test_an_award_that_requires_a_consultation_keeps_the_laws_minimum(appraising, tree, personas):
    Nominee.objects.create(dossier=appraising, person=tree.binh, award_code="CSTD_TQ", verdict="eligible")  # test data
    appraise_all(appraising, personas["appraiser"])
    with pytest.raises(DomainError, match="phải lấy ý kiến công khai ít nhất 10 ngày làm việc"):
        services.dossier_act(actor=personas["appraiser"], dossier=appraising, action="open_consultation", working_days=5)
    appraising.refresh_from_db()
    assert appraising.status == DossierStatus.UNDER_APPRAISAL
    services.dossier_act(actor=personas["appraiser"], dossier=appraising, action="open_consultation", working_days=12)
    assert appraising.consultations.get().working_days == 12


def test_the_api_takes_the_number_of_days(client, appraising, personas):
    client.force_login(personas["appraiser"])
    url = reverse("nominations_api:transitions", args=[appraising.pk])
    bad = client.post(url, data=json.dumps({"action": "open_consultation", "working_days": 99}), content_type="application/json")
    assert bad.status_code == 400 and "Thời gian lấy ý kiến phải từ 1 đến 60 ngày làm việc." in bad.json()["error"]
    ok = client.post(url, data=json.dumps({"action": "open_consultation", "working_days": 11}), content_type="application/json")
    assert ok.status_code == 200 and appraising.consultations.get().working_days == 11
    wrong = client.post(url, data=json.dumps({"action": "mark_ready", "working_days": 11}), content_type="application/json")
    assert wrong.status_code == 400 and "Chỉ chọn số ngày lấy ý kiến khi mở lấy ý kiến công khai." in wrong.json()["error"]
