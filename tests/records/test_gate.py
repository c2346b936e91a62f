"""Services are the gate: the ledger, people and import services check their rule whoever calls them (a view, an
admin action, a command), and commands act as the named system account."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command

from tdkt.core.actors import system_actor
from tdkt.core.errors import Forbidden
from tdkt.core.models import AuditEvent
from tdkt.org import services as org_services
from tdkt.records import services
from tdkt.records.importing import history_import
from tdkt.records.models import AwardRecord, YearRating


def test_an_officer_changes_the_ledger_of_their_ward_only(tree, officer_a, officer_b):
    services.rating_set(actor=officer_a, person=tree.binh, year=tree.year - 1, rating="HTTNV")
    with pytest.raises(Forbidden, match="Trần Thị Bình"):
        services.rating_set(actor=officer_b, person=tree.binh, year=tree.year - 2, rating="HTTNV")
    with pytest.raises(Forbidden):
        services.award_add(actor=officer_b, person=tree.an, award_code="LDTT", year=tree.year, issuer=tree.ward_a)
    with pytest.raises(Forbidden):
        services.discipline_add(actor=officer_b, person=tree.an, form="KHIEN_TRACH", start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 1))
    with pytest.raises(Forbidden):
        services.initiative_add(actor=officer_b, person=tree.an, year=tree.year, title="Không được", scope="CO_SO")
    award = AwardRecord.objects.filter(person=tree.an).first()
    with pytest.raises(Forbidden):
        services.award_revoke(actor=officer_b, award=award, on=dt.date(2026, 1, 2), reason="Không được")
    assert not YearRating.objects.filter(person=tree.binh, year=tree.year - 2).exists()


def test_readers_who_are_not_editors_change_nothing(tree, personas):
    for name in ("appraiser", "office_head", "secretary", "chair", "council_member", "no_role"):
        with pytest.raises(Forbidden):
            services.rating_set(actor=personas[name], person=tree.an, year=tree.year - 5, rating="HTTNV")
        with pytest.raises(Forbidden):
            org_services.person_update(actor=personas[name], person=tree.an, position="Tổ trưởng")
    with pytest.raises(Forbidden):
        services.rating_set(actor=None, person=tree.an, year=tree.year - 5, rating="HTTNV")


def test_people_are_moved_only_within_the_officers_scope(tree, officer_a):
    with pytest.raises(Forbidden, match="chuyển cá nhân đến Phường Láng"):
        org_services.membership_move(actor=officer_a, person=tree.binh, unit=tree.ward_b, on=dt.date(2026, 1, 1))
    with pytest.raises(Forbidden, match="thêm cá nhân vào Phường Láng"):
        org_services.person_create(actor=officer_a, full_name="Người Mới", gender="M", unit=tree.ward_b)
    org_services.membership_move(actor=officer_a, person=tree.binh, unit=tree.school_a, on=dt.date(2026, 1, 1))


def test_the_import_refuses_a_unit_outside_the_actors_scope(tree, officer_b):
    data = json.dumps([{"full_name": "Người Mới", "date_of_birth": "01/01/1990", "gender": "Nam", "unit": "phuong_dong_da",
                        "year": 2024, "rating": "HTTNV"}]).encode()
    with pytest.raises(Forbidden, match="nhập lịch sử thành tích vào Phường Đống Đa"):
        history_import(actor=officer_b, scope_unit=tree.ward_a, file=data, format="json")


def test_a_command_acts_as_the_system_account(tree, tmp_path):
    path = tmp_path / "lich-su.json"
    path.write_text(json.dumps([{"full_name": "Đinh Văn Mới", "date_of_birth": "02/03/1991", "gender": "Nam",
                                 "unit": "thcs_dong_da", "year": 2024, "rating": "HTTNV"}], ensure_ascii=False), encoding="utf-8")
    call_command("records", "import", str(path), "--unit", "phuong_dong_da")
    event = AuditEvent.objects.get(action="records.history.imported")
    assert event.actor == system_actor() and event.actor.get_full_name() == "Hệ thống TĐKT"
    assert AuditEvent.objects.filter(action="org.person.created", actor=system_actor(), target_repr="Đinh Văn Mới").exists()
    assert AwardRecord.objects.filter(source="imported").count() == 0  # a rating only: no award
    assert not system_actor().has_usable_password() and not system_actor().is_staff
