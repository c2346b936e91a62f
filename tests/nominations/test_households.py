"""Households as nominees (issue 13, point 3): a household of a village (tổ dân phố) of the dossier's unit is proposed
for an award the catalogue gives to households (Gia đình văn hóa, Giấy khen, Bằng khen), on the dossier page and by the
API; one of another ward is refused as if it did not exist; the engine gives its verdict (the council's judgement where
it has no rule); holds and the public pages name it as a household."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.nominations import opinions, services
from tdkt.org import services as org_services
from tdkt.org.models import Household, UnitKind

pytestmark = pytest.mark.django_db

AWARDS = ["LDTT", "GIAY_KHEN", "GDVH", "BK_TINH"]


@pytest.fixture
def villages(tree):
    """Tổ dân phố số 1 of ward A with two households, Tổ dân phố số 2 of ward B with one."""
    actor = system_actor()
    tdp_a = org_services.unit_create(actor=actor, code="tdp_1_dong_da", name="Tổ dân phố số 1", kind=UnitKind.VILLAGE, parent=tree.ward_a)
    tdp_b = org_services.unit_create(actor=actor, code="tdp_2_lang", name="Tổ dân phố số 2", kind=UnitKind.VILLAGE, parent=tree.ward_b)
    return {
        "hoa": Household.objects.create(head_name="Nguyễn Thị Hoa", village=tdp_a, address="Số 5 ngõ 12 phố Tôn Đức Thắng", members=4),
        "khang": Household.objects.create(head_name="Đỗ Văn Khang", village=tdp_a, members=3),
        "lan": Household.objects.create(head_name="Vũ Thị Lan", village=tdp_b, members=5),
    }


@pytest.fixture
def ward_dossier(tree, officer_a):
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL",
                                 title=f"Khen thưởng tổng kết năm {tree.year}", awards=AWARDS,
                                 intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))
    return services.dossier_create(actor=officer_a, round_=round_, unit=tree.ward_a)


def _add(client, dossier, **data):
    return client.post(reverse("nominations:nominee_add", args=[dossier.pk]), {"subject": "household", **data}, follow=True)


def test_the_dossier_page_offers_the_wards_households_and_the_awards_given_to_households(client, villages, ward_dossier, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("nominations:dossier_detail", args=[ward_dossier.pk])).content.decode()
    form = page[page.index('data-testid="household-form"'):]
    form = form[:form.index("</form>")]
    assert "Hộ Nguyễn Thị Hoa — Số 5 ngõ 12 phố Tôn Đức Thắng" in form and "Hộ Đỗ Văn Khang" in form
    assert '<optgroup label="Tổ dân phố số 1">' in form
    assert "Vũ Thị Lan" not in page  # ward B's household
    awards = form[form.index('name="award_code"'):]
    awards = awards[:awards.index("</select>")]
    assert "Gia đình văn hóa" in awards and "Giấy khen" in awards and "Bằng khen" in awards
    assert "Lao động tiên tiến" not in awards  # not given to households


def test_an_officer_proposes_a_household_for_gdvh_and_sees_the_verdict_beside_it(client, villages, ward_dossier, officer_a):
    client.force_login(officer_a)
    page = _add(client, ward_dossier, household=villages["hoa"].pk, award_code="GDVH", summary="Gia đình gương mẫu").content.decode()
    assert "Đã thêm Hộ Nguyễn Thị Hoa vào hồ sơ." in page
    nominee = ward_dossier.nominees.get()
    assert nominee.household == villages["hoa"] and nominee.person is None and nominee.unit is None
    assert nominee.subject_kind == "household" and nominee.name == "Hộ Nguyễn Thị Hoa"
    assert nominee.verdict == "needs_review" and nominee.evaluated_at is not None  # no rule: the council's judgement
    assert 'data-testid="nominee-household"' in page and "Tổ dân phố số 1" in page
    event = AuditEvent.objects.filter(action="nominations.nominee.added").latest("id")
    assert event.data["household"] == villages["hoa"].pk and event.data["subject_kind"] == "household"


def test_a_household_of_another_ward_is_refused_in_the_same_words_as_one_that_does_not_exist(client, villages, ward_dossier, officer_a):
    client.force_login(officer_a)
    elsewhere = _add(client, ward_dossier, household=villages["lan"].pk, award_code="GDVH").content.decode()
    missing = _add(client, ward_dossier, household=999_999, award_code="GDVH").content.decode()
    for page in (elsewhere, missing):
        assert "Hộ gia đình không thuộc đơn vị đề nghị." in page
    assert "Vũ Thị Lan" not in elsewhere
    assert not ward_dossier.nominees.exists()
    for pk in (villages["lan"].pk, 999_999):
        response = client.post(reverse("nominations_api:nominees", args=[ward_dossier.pk]),
                               data=json.dumps({"household": pk, "award": "GDVH"}), content_type="application/json")
        assert response.status_code == 404


def test_the_service_refuses_an_award_the_catalogue_does_not_give_to_households(villages, ward_dossier, officer_a):
    with pytest.raises(DomainError) as refused:
        services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], award_code="LDTT")
    assert "không tặng cho hộ gia đình (Hộ Nguyễn Thị Hoa)" in refused.value.message
    with pytest.raises(DomainError) as outside:
        services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["lan"], award_code="GDVH")
    assert "không thuộc Phường Đống Đa" in outside.value.message
    with pytest.raises(DomainError) as two:
        services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], unit=ward_dossier.unit, award_code="GIAY_KHEN")
    assert two.value.message == "Hãy chọn một cá nhân, một tập thể hoặc một hộ gia đình."
    services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], award_code="GIAY_KHEN")
    with pytest.raises(DomainError) as again:
        services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], award_code="GIAY_KHEN")
    assert "Hộ Nguyễn Thị Hoa đã được đề nghị" in again.value.message


def test_the_api_adds_a_household_and_names_its_subject_kind(client, villages, ward_dossier, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("nominations_api:nominees", args=[ward_dossier.pk]),
                           data=json.dumps({"household": villages["khang"].pk, "award": "BK_TINH"}), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["subject_kind"] == "household" and body["household"] == villages["khang"].pk and body["person"] is None
    assert body["name"] == "Hộ Đỗ Văn Khang" and body["verdict"] and body["evaluated_at"]
    listed = client.get(reverse("nominations_api:dossier", args=[ward_dossier.pk])).json()["nominees"]
    assert [(n["subject_kind"], n["household"]) for n in listed] == [("household", villages["khang"].pk)]
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)["components"]["schemas"]
    assert "household" in schema["NomineeIn"]["properties"] and "subject_kind" in schema["NomineeOut"]["properties"]


def test_a_hold_on_a_household_blocks_its_nominations(villages, ward_dossier, officer_a, personas):
    nominee = services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], award_code="GDVH")
    other = services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["khang"], award_code="GDVH")
    hold = opinions.hold_add(actor=personas["appraiser"], nominee=nominee, kind="COMPLAINT", reason="Đơn phản ánh vi phạm trật tự",
                             source="Đơn của công dân", start=timezone.localdate())
    assert hold.household == villages["hoa"] and hold.person is None and hold.unit is None
    blocked = opinions.blocks([nominee, other])
    assert list(blocked) == [nominee.pk]
    assert personas["appraiser"].has_perm("nominations.lift_hold", hold)


def test_the_public_tracking_page_counts_a_household_without_naming_it(client, villages, ward_dossier, officer_a):
    services.nominee_add(actor=officer_a, dossier=ward_dossier, household=villages["hoa"], award_code="GDVH")
    page = client.get(reverse("tracking:code", args=[ward_dossier.tracking_code])).content.decode()
    assert "Nguyễn Thị Hoa" not in page and "Tổ dân phố" not in page
    assert ">1</dd>" in page
