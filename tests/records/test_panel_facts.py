"""Issue 12: the profile's eligibility panel shows the facts of the working year it read and asks for the missing
ones by name."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.org import services as org_services
from tdkt.records import services


def _panel(client, user, person, award, year):
    client.force_login(user)
    return client.get(reverse("records:person_eligibility", args=[person.pk]), {"award": award, "year": year},
                      headers={"HX-Request": "true"}).content.decode()


def test_the_panel_shows_the_working_year_it_read(client, officer_a, tree):
    person = tree.an
    services.work_year_set(actor=system_actor(), person=person, year=tree.year, days_off=15, maternity_days=10,
                           transfer_from="Phường Kim Liên", transfer_months=7, transfer_comment=True)
    body = _panel(client, officer_a, person, "LDTT", tree.year)
    assert 'data-testid="working-year-facts"' in body
    assert f"Năm {tree.year} nghỉ 15 ngày làm việc, trong đó 10 ngày nghỉ thai sản" in body
    assert f"Năm {tree.year} chuyển công tác từ Phường Kim Liên (7 tháng; đã có ý kiến nhận xét của đơn vị cũ)" in body
    assert 'data-testid="missing-facts"' not in body


def test_the_panel_asks_for_the_missing_facts_by_name(client, officer_a, tree):
    person = tree.an
    org_services.person_update(actor=system_actor(), person=person, joined_on=None)
    services.work_year_set(actor=system_actor(), person=person, year=tree.year, transfer_from="Phường Kim Liên", transfer_months=9)
    body = _panel(client, officer_a, person, "LDTT", tree.year)
    assert 'data-testid="missing-facts"' in body and "Cần bổ sung để kết luận" in body
    assert 'data-field="history.work_years.transfer.comment">Ý kiến nhận xét của đơn vị cũ' in body
    assert "Cần xem xét thêm" in body


def test_before_october_2017_the_panel_asks_for_the_days_off(client, officer_a, tree):
    person = tree.an
    org_services.person_update(actor=system_actor(), person=person, joined_on=dt.date(2005, 1, 1))
    services.rating_set(actor=system_actor(), person=person, year=2016, rating="HTTNV")
    body = _panel(client, officer_a, person, "LDTT", 2016)
    assert 'data-field="history.work_years.days_off">Số ngày nghỉ làm việc trong năm' in body
    assert "Nghị định 65/2014/NĐ-CP" in body
