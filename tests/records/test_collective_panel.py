"""Point 7: the unit page has the same eligibility panel as the person page, fed from the ledger of its members."""

from __future__ import annotations

import re

from django.urls import reverse

from tdkt.records.collective import collective_titles
from tdkt.records.eligibility import check_subject
from tdkt.records.models import AwardRecord, YearRating


def test_the_school_page_offers_the_collective_titles_of_the_catalogue(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.get(reverse("org:unit_detail", args=[tree.school_a.pk])).content.decode()
    assert "Tập thể đủ điều kiện khen thưởng?" in body
    titles = collective_titles(tree.school_a)
    assert {"TTLDTT", "TTLDXS", "BK_TINH"} <= set(titles)
    assert "LDTT" not in titles and "CSTDCS" not in titles  # individual titles are not offered to a collective
    assert 'value="TTLDTT"' in body and 'value="LDTT"' not in body
    assert reverse("records:unit_eligibility", args=[tree.school_a.pk]) in body


def test_the_panel_gives_the_engines_verdict_from_the_members_ledger(client, officer_a, tree):
    client.force_login(officer_a)
    y = tree.year - 1
    expected = check_subject(tree.school_a, "TTLDTT", y)
    response = client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": y})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tập thể lao động tiên tiến" in body
    for check in expected.checks:
        assert str(check.message) in body
    # the page itself answers the same without JavaScript
    page = client.get(reverse("org:unit_detail", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": y}).content.decode()
    assert 'data-testid="verdict"' in page


def test_the_panel_follows_the_members_ledger(client, officer_a, tree):
    """One member (Nguyễn Văn An) holds LĐTT: adding a new LĐTT holder changes the count the panel shows."""
    client.force_login(officer_a)
    y = tree.year - 1
    url = reverse("records:unit_eligibility", args=[tree.school_a.pk])
    before = check_subject(tree.school_a, "TTLDXS", y)
    assert before.to_dict()
    first = client.get(url, {"award": "TTLDTT", "year": y}).content.decode()
    AwardRecord.objects.filter(person=tree.an, year=y, award_code="LDTT").delete()
    YearRating.objects.filter(person=tree.an, year=y).update(rating="KHTNV")
    second = client.get(url, {"award": "TTLDTT", "year": y}).content.decode()
    assert _checks(first) != _checks(second)


def _checks(body: str) -> list[str]:
    return re.findall(r'class="small check-message">(.*?)</div>', body)


def test_readers_without_ledger_rights_see_no_panel_and_get_403(client, council_member, tree):
    client.force_login(council_member)
    body = client.get(reverse("org:unit_detail", args=[tree.school_a.pk])).content.decode()
    assert "Tập thể đủ điều kiện khen thưởng?" not in body
    assert client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": tree.year}).status_code == 403


def test_another_wards_unit_is_404(client, officer_b, tree):
    client.force_login(officer_b)
    assert client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": tree.year}).status_code == 404


def test_a_bad_choice_is_told_in_vietnamese(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "LDTT", "year": 1800}).content.decode()
    assert "Danh hiệu không có trong danh sách." in body and "Năm không hợp lệ." in body


def test_the_officer_records_the_collectives_own_rating_and_the_panel_reads_it(client, officer_a, tree):
    client.force_login(officer_a)
    y = tree.year - 1
    url = reverse("records:unit_rating_record", args=[tree.school_a.pk])
    page = client.get(reverse("org:unit_detail", args=[tree.school_a.pk])).content.decode()
    assert url in page
    before = client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": y}).content.decode()
    assert f"Chưa có xếp loại năm {y}" in before
    response = client.post(url, {"year": y, "rating": "HTTNV"}, follow=True)
    assert f"Đã ghi xếp loại năm {y} của Trường THCS Đống Đa." in response.content.decode()
    assert YearRating.objects.get(unit=tree.school_a, year=y).rating == "HTTNV"
    after = client.get(reverse("records:unit_eligibility", args=[tree.school_a.pk]), {"award": "TTLDTT", "year": y}).content.decode()
    assert f"Chưa có xếp loại năm {y}" not in after


def test_the_collectives_rating_is_for_its_editors_only(client, appraiser, officer_b, tree):
    url = reverse("records:unit_rating_record", args=[tree.school_a.pk])
    client.force_login(appraiser)
    assert client.post(url, {"year": tree.year, "rating": "HTTNV"}).status_code == 403
    client.force_login(officer_b)
    assert client.post(url, {"year": tree.year, "rating": "HTTNV"}).status_code == 404
    assert not YearRating.objects.filter(unit=tree.school_a).exists()


def test_a_team_without_members_is_not_judged_and_the_page_says_why(client, officer_a, tree):
    """A new team with nobody in it yet: no share of nobody (it was a division by zero), the panel asks for review."""
    from tdkt.org.models import UnitKind
    from tests.factories import UnitFactory

    team = UnitFactory(code="to_moi", name="Tổ chuyên môn mới", kind=UnitKind.TEAM, parent=tree.school_a)
    YearRating.objects.create(unit=team, year=tree.year - 1, rating="HTTNV")
    result = check_subject(team, "TTLDTT", tree.year - 1)
    assert result.verdict == "needs_review"
    client.force_login(officer_a)
    body = client.get(reverse("records:unit_eligibility", args=[team.pk]), {"award": "TTLDTT", "year": tree.year - 1}).content.decode()
    assert "tập thể chưa có thành viên nào trong hồ sơ" in body
