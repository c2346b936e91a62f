"""Issue 13, point 1: the office picks the units a round invites, on the round's form and on its own page afterwards;
when a round names its invited units, only they (and the units under them) create dossiers in it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.nominations import services
from tdkt.nominations.models import Round

pytestmark = pytest.mark.django_db


def _round(tree, invited=()):
    return services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL", title="Khen thưởng năm",
                               awards=["LDTT"], intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31),
                               invited=invited)


def test_only_invited_units_create_dossiers_when_the_round_names_them(tree, officer_a):
    round_ = _round(tree, invited=[tree.school_a])
    with pytest.raises(DomainError, match="không nhận hồ sơ của Phường Đống Đa"):
        services.dossier_create(actor=officer_a, round_=round_, unit=tree.ward_a)
    assert services.dossier_create(actor=officer_a, round_=round_, unit=tree.school_a).status == "draft"
    open_to_all = _round(tree)
    assert services.dossier_create(actor=officer_a, round_=open_to_all, unit=tree.ward_a).status == "draft"


def test_the_round_form_takes_the_invited_units(client, tree, personas):
    client.force_login(personas["office_head"])
    page = client.get(reverse("nominations:round_open")).content.decode()
    assert 'data-testid="invited-units"' in page and "Trường THCS Đống Đa" in page and "Lọc theo tên đơn vị" in page
    assert "Trường Tiểu học Láng" not in page  # another ward's unit is no choice
    data = {"office_unit": tree.ward_a.pk, "title": "Khen thưởng chuyên đề", "kind": "THEMATIC", "year": tree.year,
            "awards": ["GIAY_KHEN"], "intake_from": "01/11/2025", "intake_to": "30/11/2025"}
    refused = client.post(reverse("nominations:round_open"), {**data, "invited": [tree.school_b.pk]}).content.decode()
    assert "Đơn vị không thuộc phạm vi của bạn." in refused
    client.post(reverse("nominations:round_open"), {**data, "invited": [tree.school_a.pk]})
    round_ = Round.objects.get()
    assert list(round_.invited.all()) == [tree.school_a]
    assert AuditEvent.objects.get(action="nominations.round.opened").data["invited"] == ["thcs_dong_da"]
    detail = client.get(reverse("nominations:round_detail", args=[round_.pk])).content.decode()
    assert 'data-testid="round-invited"' in detail and "Trường THCS Đống Đa" in detail


def test_the_office_changes_the_invited_units_of_an_open_round(client, tree, personas, officer_a):
    round_ = _round(tree, invited=[tree.school_a])
    url = reverse("nominations:round_invite", args=[round_.pk])
    client.force_login(officer_a)
    assert client.get(url).status_code == 403
    client.force_login(personas["office_head"])
    assert "Trường THCS Đống Đa" in client.get(url).content.decode()
    assert client.post(url, {"invited": [tree.ward_a.pk]}).status_code == 302
    assert list(round_.invited.all()) == [tree.ward_a]
    event = AuditEvent.objects.get(action="nominations.round.invited")
    assert event.data == {"old": ["thcs_dong_da"], "new": ["phuong_dong_da"]}
    client.post(url, {})
    assert not round_.invited.exists()
    services.round_close(actor=system_actor(), round_=round_)
    closed = client.post(url, {"invited": [tree.school_a.pk]}).content.decode()
    assert "đã đóng, không sửa được đơn vị được đề nghị" in closed


def test_the_service_refuses_units_outside_the_level(tree):
    round_ = _round(tree)
    with pytest.raises(DomainError, match="Đơn vị không thuộc Phường Đống Đa: Trường Tiểu học Láng"):
        services.round_invite(actor=system_actor(), round_=round_, invited=[tree.school_b])


def test_the_api_changes_the_invited_units_and_lists_them(client, tree, personas):
    round_ = _round(tree, invited=[tree.school_a])
    url = reverse("nominations_api:round-invited", args=[round_.pk])
    client.force_login(personas["office_head"])
    listed = client.get(reverse("nominations_api:rounds")).json()
    assert [r["invited"] for r in listed if r["id"] == round_.pk] == [["thcs_dong_da"]]
    done = client.put(url, data='{"invited": ["phuong_dong_da"]}', content_type="application/json")
    assert done.status_code == 200 and done.json()["invited"] == ["phuong_dong_da"]
    assert AuditEvent.objects.get(action="nominations.round.invited").data == {"old": ["thcs_dong_da"], "new": ["phuong_dong_da"]}
    unknown = client.put(url, data='{"invited": ["khong_co"]}', content_type="application/json")
    assert unknown.status_code == 400 and "Không có đơn vị mã “khong_co”." in unknown.json()["error"]
    outside = client.put(url, data=f'{{"invited": ["{tree.school_b.code}"]}}', content_type="application/json")
    assert outside.status_code == 400 and list(round_.invited.all()) == [tree.ward_a]
    assert AuditEvent.objects.filter(action="nominations.round.invited").count() == 1
