import html

from django.urls import reverse


def _page(client, user, person, **params):
    client.force_login(user)
    return client.get(reverse("records:person_detail", args=[person.pk]), params)


def test_it_shows_identity_unit_and_the_ledger_years_descending(client, officer_a, tree):
    body = _page(client, officer_a, tree.an).content.decode()
    assert "Nguyễn Văn An" in body and "Giáo viên" in body and "12/03/1985" in body
    assert "Trường THCS Đống Đa" in body
    years = [body.index(f'data-year="{y}"') for y in range(tree.year, tree.year - 4, -1)]
    assert years == sorted(years)
    assert "Chiến sĩ thi đua cơ sở" in body
    assert "Đổi mới phương pháp dạy học" in body


def test_it_notes_awards_issued_by_a_dissolved_unit(client, officer_a, tree):
    body = _page(client, officer_a, tree.an).content.decode()
    assert "đơn vị ban hành đã giải thể ngày 30/06/2025" in body


def test_it_strikes_through_revoked_awards(client, officer_a, tree):
    body = _page(client, officer_a, tree.binh).content.decode()
    assert "<del>" in body and "Đã hủy bỏ ngày" in body


def test_it_lists_disciplines(client, officer_a, tree):
    body = _page(client, officer_a, tree.cuong).content.decode()
    assert "Kỷ luật: Khiển trách" in body


def test_it_explains_eligibility_check_by_check_with_legal_basis(client, officer_a, tree):
    from tdkt.records.eligibility import check_subject

    expected = check_subject(tree.an, "CSTDCS", tree.year).to_dict()
    client.force_login(officer_a)
    response = client.get(reverse("records:person_eligibility", args=[tree.an.pk]), {"award": "CSTDCS", "year": tree.year},
                          headers={"HX-Request": "true"})
    body = html.unescape(response.content.decode())
    assert "<html" not in body
    assert "Quy định áp dụng: Luật Thi đua, khen thưởng 06/2022/QH15, Nghị định 152/2025/NĐ-CP" in body
    assert 'data-testid="verdict"' in body
    assert {"eligible": "Đủ điều kiện", "not_eligible": "Chưa đủ điều kiện", "needs_review": "Cần xem xét thêm"}[expected["verdict"]] in body
    assert expected["checks"]
    for check in expected["checks"]:
        assert check["message"] in body
        if check["legal_basis"]:
            assert check["legal_basis"] in body


def test_it_shows_a_disciplined_person_as_not_eligible_for_ldtt(client, officer_a, tree):
    body = _page(client, officer_a, tree.cuong, award="LDTT", year=tree.year).content.decode()
    assert "Chưa đủ điều kiện" in body


def test_it_refuses_an_award_outside_the_list(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(reverse("records:person_eligibility", args=[tree.an.pk]), {"award": "XYZ", "year": tree.year})
    assert "Danh hiệu không có trong danh sách." in response.content.decode()


def test_it_loads_the_profile_in_a_bounded_number_of_queries(client, officer_a, tree, django_assert_max_num_queries):
    client.force_login(officer_a)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("records:person_detail", args=[tree.an.pk])).status_code == 200


def test_what_people_typed_is_shown_as_text_on_the_list_and_the_profile(client, officer_a, tree):
    """The list's rows and the timeline are written in Python (tdkt_records): every value typed by a user is escaped."""
    from tdkt.records.models import AwardRecord, Initiative

    tree.an.position = '<b onclick="x()">Tổ trưởng</b>'
    tree.an.save()
    AwardRecord.objects.create(person=tree.an, award_code="GIAY_KHEN", year=tree.year - 1, decision_number="<i>7</i>/QĐ",
                               issuer=None, issuer_name="<script>alert(1)</script>")
    Initiative.objects.create(person=tree.an, year=tree.year - 1, title='Sáng kiến "<img src=x>"', scope="CO_SO")
    client.force_login(officer_a)
    listing = client.get(reverse("records:people_list")).content.decode()
    assert "&lt;b onclick=&quot;x()&quot;&gt;Tổ trưởng&lt;/b&gt;" in listing and "<b onclick" not in listing
    profile = _page(client, officer_a, tree.an).content.decode()
    assert "<script>alert(1)</script>" not in profile and "&lt;script&gt;alert(1)&lt;/script&gt;" in profile
    assert "QĐ số &lt;i&gt;7&lt;/i&gt;/QĐ" in profile and "<img src=x>" not in profile


def test_the_panel_offers_and_judges_the_bang_khen_of_the_prime_minister(client, officer_a, tree):
    """Issue 12, point 3: the engine evaluates BK_TTG for an individual; the profile's panel offers it after the
    batch's titles and explains point b of Art 73(1) on the person's own ledger."""
    from tdkt.records.eligibility import check_subject

    page = _page(client, officer_a, tree.an).content.decode()
    assert page.index('value="BK_TINH"') < page.index('value="BK_TTG">Bằng khen của Thủ tướng Chính phủ')
    expected = check_subject(tree.an, "BK_TTG", tree.year)
    response = client.get(reverse("records:person_eligibility", args=[tree.an.pk]), {"award": "BK_TTG", "year": tree.year},
                          headers={"HX-Request": "true"})
    body = html.unescape(response.content.decode())
    [point_b] = [c for c in expected.checks if c.code == "BK_TTG_POINT_B"]
    assert point_b.message in body and "điểm b" in point_b.message
    assert "Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15" in body
