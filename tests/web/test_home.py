
from django.urls import reverse
from django.utils import timezone

from tdkt.core.actors import system_actor
from tdkt.records.models import AwardRecord
from tdkt.records.services import award_revoke


def section(response, key: str) -> dict:
    """The context of one home-page section the apps registered."""
    return {entry.key: context for entry, context in response.context["sections"]}[key]


def test_it_greets_an_officer_with_counts_of_the_scope(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(reverse("web:home"))
    body = response.content.decode()
    assert section(response, "ledger")["people_count"] == 3
    assert section(response, "units")["units_count"] == 2
    assert ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", 1) in section(response, "ledger")["ratings"]
    assert "Cán bộ TĐKT đơn vị" in body and "Phạm vi: Phường Đống Đa" in body
    assert reverse("records:history_import") in body


def test_it_counts_awards_by_title_for_last_year_without_revoked_ones(client, officer_a, tree):
    AwardRecord.objects.create(person=tree.an, award_code="LDTT", year=tree.year)
    AwardRecord.objects.create(person=tree.binh, award_code="LDTT", year=tree.year)
    revoked = AwardRecord.objects.create(person=tree.cuong, award_code="LDTT", year=tree.year)
    award_revoke(actor=system_actor(), award=revoked, on=timezone.localdate(), reason="Sai")
    AwardRecord.objects.create(person=tree.dung, award_code="LDTT", year=tree.year)  # ward B
    client.force_login(officer_a)
    response = client.get(reverse("web:home"))
    assert section(response, "ledger")["awards"] == [("LDTT", "Lao động tiên tiến", 2)]
    assert "Lao động tiên tiến" in response.content.decode()


def test_it_tells_a_council_member_plainly_what_the_account_can_do(client, council_member):
    client.force_login(council_member)
    response = client.get(reverse("web:home"))
    body = response.content.decode()
    assert "Thành viên Hội đồng TĐKT" in body
    assert "không xem hồ sơ cá nhân" in body
    assert reverse("records:people_list") not in body
    assert reverse("org:unit_tree") in body


def test_it_tells_an_account_without_roles_to_ask_the_administrator(client, personas):
    client.force_login(personas["no_role"])
    body = client.get(reverse("web:home")).content.decode()
    assert "chưa được phân quyền" in body


def test_it_keeps_the_home_page_cheap(client, officer_a, django_assert_max_num_queries):
    client.force_login(officer_a)
    with django_assert_max_num_queries(11):  # the dossiers waiting for the officer (nominations) read one more
        client.get(reverse("web:home"))


def test_it_no_longer_says_that_built_work_will_come_later(client, personas):
    for who in ("chair", "secretary", "appraiser", "office_head", "council_member"):
        client.force_login(personas[who])
        body = client.get(reverse("web:home")).content.decode()
        assert "sẽ có khi phân hệ" not in body, who  # nominations, the council and decisions are in use
    client.force_login(personas["cluster_head"])
    body = client.get(reverse("web:home")).content.decode()
    assert "sẽ có khi phân hệ cụm, khối được đưa vào sử dụng" in body and "không xem hồ sơ cá nhân" in body
